// `kg link ARTICLE.txt`: the entities of the open graph that an article names
// (engine/link/; docs/linking.md for users).
//
// Command line (a CLI11 subcommand):
//   kg link [--db PATH] [--format table|json] [--write OUT.json] [--key KEY] ARTICLE
// The database is opened read-only (the bundled graph without --db). The
// proposals go to stdout as a table or JSON; --write also writes a kg JSON
// graph file (a Document and its MENTIONS) and says so on stderr.
// In the REPL: `:link FILE [--format table|json] [--write OUT.json] [--key KEY]`.
// Exit codes: 0 done, 1 the article or the database could not be read or the
// file not written (one line on stderr), 2 bad usage.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "common/status.h"
#include "main/database.h"

namespace CLI {
class App;
}

namespace kg::shell {

struct LinkArguments {
  std::string db;
  std::string article;
  std::string format = "table";
  std::string write;
  std::string key;
};

// Adds the `link` subcommand to `app`, filling `args` when it is parsed.
CLI::App* AddLinkSubcommand(CLI::App& app, LinkArguments* args);

// Opens the database, links, prints on `out`, reports on `err`; returns the
// exit code.
int RunLinkSubcommand(const LinkArguments& args, std::ostream& out, std::ostream& err);

// The REPL's `:link` with `line` the text after the command name, on the open
// database: the table (or JSON) on `out`, --write's report on `err`. A failure
// is one line (kUsage for bad arguments, with the usage in it).
Status RunLinkCommand(std::string_view line, Database& db, std::ostream& out, std::ostream& err);

// The usage line of :link, for help and errors.
const char* LinkCommandUsage();

}  // namespace kg::shell
