// `kg check`: verifies that a database agrees with itself
// (Database::CheckConsistency; storage/consistency_check.h says what is
// checked).
//
// Command line (a CLI11 subcommand):
//   kg check [--db PATH]
// The database is opened read-only (a RocksDB secondary instance), so it
// may be checked while another process writes to it; the check sees the
// state it caught up with when it started. Without --db it checks the
// bundled graph. Each inconsistency is one line on stdout, then a summary.
// Exit codes: 0 consistent, 1 inconsistent or the database could not be
// opened or read (one line on stderr), 2 bad usage.
#pragma once

#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace kg::shell {

struct CheckArguments {
  std::string db;
};

// Adds the `check` subcommand to `app`, filling `args` when it is parsed.
CLI::App* AddCheckSubcommand(CLI::App& app, CheckArguments* args);

// Opens the database, checks it, prints the problems and the summary on
// `out`, errors on `err`; returns the exit code.
int RunCheckSubcommand(const CheckArguments& args, std::ostream& out, std::ostream& err);

}  // namespace kg::shell
