#include "commands/check_command.h"

#include <CLI/CLI.hpp>
#include <memory>

#include "cli/exit_codes.h"
#include "main/database.h"
#include "session/bundled_graph.h"

namespace kg::shell {

CLI::App* AddCheckSubcommand(CLI::App& app, CheckArguments* args) {
  CLI::App* sub = app.add_subcommand(
      "check", "Verifies that a database agrees with itself: records, adjacency, labels, indexes, keys, counts");
  sub->add_option("--db", args->db,
                  "Database directory (default: the bundled knowledge graph); opened read-only, so a process may "
                  "be writing to it meanwhile");
  sub->footer(
      "Each inconsistency is one line, then a summary; the exit code is 0 when the database is consistent,\n"
      "1 when it is not (or cannot be opened). docs/durability.md says what is checked and when to.\n"
      "Example:\n"
      "  kg check --db research.kg");
  return sub;
}

int RunCheckSubcommand(const CheckArguments& args, std::ostream& out, std::ostream& err) {
  DatabaseOptions db_options;
  db_options.store.read_only = true;
  db_options.store.create_if_missing = false;
  db_options.store.block_cache_bytes = size_t{32} << 20;
  std::string path = args.db;
  if (path.empty()) {
    Result<std::string> bundled = PrepareBundledGraph(err);
    if (!bundled.ok()) {
      err << "kg check: " << bundled.status().ToString() << "\n";
      return kExitFailed;
    }
    path = *bundled;
  }
  Result<std::unique_ptr<Database>> db = Database::Open(path, db_options);
  if (!db.ok()) {
    err << "kg check: " << db.status().ToString() << "\n";
    return kExitFailed;
  }
  Result<ConsistencyReport> report = (*db)->CheckConsistency();
  if (!report.ok()) {
    err << "kg check: " << report.status().ToString() << "\n";
    return kExitFailed;
  }
  for (const std::string& line : report->problems) out << line << "\n";
  if (report->problem_count > report->problems.size()) {
    out << "... and " << report->problem_count - report->problems.size() << " more\n";
  }
  if (report->clean()) {
    out << path << ": consistent (" << report->Counts() << ")\n";
    return kExitOk;
  }
  out << path << ": " << report->problem_count << " inconsistenc" << (report->problem_count == 1 ? "y" : "ies") << " ("
      << report->Counts() << ")\n";
  return kExitInconsistent;
}

}  // namespace kg::shell
