// kg: the command line. Parses the options (CLI11), opens the database,
// then runs -e statements and -f scripts, or statements from a piped
// stdin, or the interactive REPL. Exit codes: cli/exit_codes.h.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "cli/limit_options.h"
#include "cli/sources_dir.h"
#include "commands/check_command.h"
#include "commands/export_command.h"
#include "commands/import_command.h"
#include "commands/link_command.h"
#include "commands/why_command.h"
#include "common/input_file.h"
#include "common/version.h"
#include "output/output_format.h"
#include "repl/repl.h"
#include "session/bundled_graph.h"
#include "session/session.h"

namespace {

using kg::shell::kExitFailed;
using kg::shell::kExitOk;
using kg::shell::kExitUsage;

struct Arguments {
  std::string db;
  std::vector<std::string> statements;  // -e
  std::vector<std::string> files;       // -f
  std::string format;
  std::vector<std::string> params;  // name=VALUE
  bool read_only = false;
  bool sync = false;  // --sync: each commit fsyncs the write-ahead log (docs/durability.md)
  bool timing = false;
  bool continue_on_error = false;
  bool wrap = false;
  std::string as_of;                   // YYYY-MM-DD
  std::string sources;                 // --sources: where the article texts are (sources_dir.h)
  std::string csv_formulas = "guard";  // csv and tsv: guard or keep (common/csv_formula.h)
  std::string timeout;                 // --timeout SECONDS|off (limit_options.h)
  std::string memory_limit;            // --memory-limit SIZE|off
};

// "name=VALUE" as given to --param.
bool SplitParam(const std::string& arg, std::string* name, std::string* value) {
  const size_t eq = arg.find('=');
  if (eq == std::string::npos || eq == 0) return false;
  *name = arg.substr(0, eq);
  if (!name->empty() && (*name)[0] == '$') name->erase(0, 1);
  *value = arg.substr(eq + 1);
  return !name->empty();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kg " KG_VERSION
               ": an embedded knowledge-graph store with an openCypher-compatible query language.\n"
               "With no -e or -f, kg reads statements from stdin when it is not a terminal, and otherwise\n"
               "starts the interactive shell (:help inside it lists commands and topics)."};
  app.set_version_flag("--version", "kg " KG_VERSION);
  Arguments args;
  app.add_option("--db", args.db,
                 "Database directory to open, created when missing (default: the bundled knowledge graph)");
  app.add_option("-e,--execute", args.statements, "Runs these statements and exits (repeatable)")
      ->type_size(1)
      ->allow_extra_args(false);
  app.add_option("-f,--file", args.files, "Runs a script file and exits; '-' reads stdin (repeatable)")
      ->type_size(1)
      ->allow_extra_args(false);
  app.add_option("--format", args.format,
                 std::string("Output format: ") + kg::shell::OutputFormatChoices() + " (default: table)");
  app.add_option("--param", args.params, "Sets $name to a Cypher literal: --param country=\"'Việt Nam'\"")
      ->type_size(1)
      ->allow_extra_args(false);
  app.add_flag("--read-only", args.read_only,
               "Opens without write access (write statements are refused; works while another process writes)");
  app.add_flag("--sync", args.sync,
               "Makes each commit durable against power loss (fsyncs the log; slower writes; docs/durability.md)");
  app.add_flag("--timing", args.timing, "Prints each statement's time");
  app.add_option("--as-of", args.as_of,
                 "Reads the graph as of a day (YYYY-MM-DD): only relationships that hold then match");
  app.add_flag("--continue-on-error", args.continue_on_error,
               "In scripts, reports a failed statement and goes on (the exit code is still 1)");
  app.add_flag("--wrap", args.wrap, "Wraps long table cells instead of truncating them to the terminal width");
  app.add_option("--csv-formulas", args.csv_formulas,
                 "csv, tsv: 'guard' (default) puts a ' before text a spreadsheet would run as a formula "
                 "(= + - @ tab CR); 'keep' writes text as it is")
      ->check(CLI::IsMember({"guard", "keep"}));
  app.add_option("--timeout", args.timeout,
                 "Stops a statement that runs longer than SECONDS (e.g. 30 or 0.5) with an error; it changes "
                 "nothing (default: off)");
  app.add_option("--memory-limit", args.memory_limit,
                 "Stops a statement that needs more memory than SIZE (e.g. 512MiB, 4GiB, off; default: 2GiB)");
  app.add_option("--sources", args.sources,
                 "Directory of the article texts kg.evidence and :why read (default: $KG_SOURCES, else a "
                 "checkout's ../shared/seeds)");
  app.footer(
      "Exit codes: 0 success, 1 a statement failed, 2 bad usage.\n"
      "Examples:\n"
      "  kg                                        the bundled graph, interactively\n"
      "  kg --db research.kg                       a database of your own\n"
      "  kg -e \"MATCH (p:Person) RETURN p.name\" --format csv > people.csv\n"
      "  kg -f questions.kgq --param year=2023 --timing\n"
      "  kg import --db research.kg data/graph     load graph files (json, csv, graphml)\n"
      "  kg link article.txt                       the graph's entities an article mentions\n"
      "  kg why --rel 17                           the sentence a relationship comes from\n"
      "  kg check --db research.kg                 verifies a database: records, indexes, counts\n"
      "  kg export -o vn.graphml -e \"MATCH p=(:Country {name: 'Việt Nam'})--() RETURN p\"");
  kg::shell::ExportArguments export_args;
  CLI::App* export_cmd = kg::shell::AddExportSubcommand(app, &export_args);
  kg::shell::ImportArguments import_args;
  CLI::App* import_cmd = kg::shell::AddImportSubcommand(app, &import_args);
  // kg link: the entities an article mentions (link_command.h).
  kg::shell::LinkArguments link_args;
  CLI::App* link_cmd = kg::shell::AddLinkSubcommand(app, &link_args);
  // Evidence: `kg why`.
  kg::shell::WhyArguments why_args;
  CLI::App* why_cmd = kg::shell::AddWhySubcommand(app, &why_args);
  // kg check: the database agrees with itself (check_command.h).
  kg::shell::CheckArguments check_args;
  CLI::App* check_cmd = kg::shell::AddCheckSubcommand(app, &check_args);
  app.require_subcommand(0, 1);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version end parsing with success; anything else is bad usage.
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  // --sources names a directory (sources_dir.h): refused now, not at the first evidence.
  for (const std::string* sources : {&args.sources, &why_args.sources}) {
    if (const kg::Status s = kg::shell::CheckSourcesFlag(*sources); !s.ok()) {
      std::cerr << "kg: " << s.message() << "\n";
      return kExitUsage;
    }
  }
  if (export_cmd->parsed()) {
    if (export_args.db.empty()) export_args.db = args.db;  // kg --db PATH export ...
    return kg::shell::RunExportSubcommand(export_args, std::cerr);
  }
  if (link_cmd->parsed()) {
    if (link_args.db.empty()) link_args.db = args.db;  // kg --db PATH link ...
    return kg::shell::RunLinkSubcommand(link_args, std::cout, std::cerr);
  }
  if (why_cmd->parsed()) {
    if (why_args.db.empty()) why_args.db = args.db;  // kg --db PATH why ...
    const std::string sources = why_args.sources.empty() ? args.sources : why_args.sources;
    return kg::shell::RunWhySubcommand(why_args, kg::shell::ResolveSourcesDir(sources, argv[0]), std::cout, std::cerr);
  }
  if (check_cmd->parsed()) {
    if (check_args.db.empty()) check_args.db = args.db;  // kg --db PATH check
    return kg::shell::RunCheckSubcommand(check_args, std::cout, std::cerr);
  }
  if (import_cmd->parsed()) return kg::shell::RunImportSubcommand(import_args, args.db, std::cerr, std::cerr);

  kg::shell::SessionOptions options;
  if (!args.format.empty()) {
    auto format = kg::shell::ParseOutputFormat(args.format);
    if (!format) {
      std::cerr << "kg: unknown format '" << args.format << "'; choose one of " << kg::shell::OutputFormatChoices()
                << "\n";
      return kExitUsage;
    }
    options.format = *format;
  }
  options.writer.timing = args.timing;
  options.writer.wrap = args.wrap;
  options.writer.csv_formulas = kg::ParseCsvFormulas(args.csv_formulas).value_or(kg::CsvFormulas::kGuard);
  options.continue_on_error = args.continue_on_error;
  options.progress = isatty(STDERR_FILENO) != 0;
  std::vector<std::pair<std::string, std::string>> params;
  for (const std::string& p : args.params) {
    std::string name, value;
    if (!SplitParam(p, &name, &value)) {
      std::cerr << "kg: --param takes name=VALUE, for example --param year=2023 or --param name=\"'Huế'\"; got '" << p
                << "'\n";
      return kExitUsage;
    }
    params.emplace_back(name, value);
  }

  const bool scripted = !args.statements.empty() || !args.files.empty() || !isatty(STDIN_FILENO);

  // The database.
  kg::DatabaseOptions db_options;
  db_options.store.read_only = args.read_only;
  db_options.store.create_if_missing = !args.read_only;
  db_options.store.sync_commits = args.sync;
  db_options.sources_dir = kg::shell::ResolveSourcesDir(args.sources, argv[0]);
  if (!args.timeout.empty()) {
    kg::Result<std::chrono::milliseconds> timeout = kg::shell::ParseTimeout(args.timeout);
    if (!timeout.ok()) {
      std::cerr << "kg: --timeout: " << timeout.status().message() << "\n";
      return kExitUsage;
    }
    db_options.timeout = *timeout;
  }
  if (!args.memory_limit.empty()) {
    kg::Result<int64_t> limit = kg::shell::ParseMemorySize(args.memory_limit);
    if (!limit.ok()) {
      std::cerr << "kg: --memory-limit: " << limit.status().message() << "\n";
      return kExitUsage;
    }
    db_options.memory_limit = *limit;
  }
  std::string path = args.db;
  std::string label = args.db;
  if (path.empty()) {
    kg::Result<std::string> bundled = kg::shell::PrepareBundledGraph(std::cerr);
    if (!bundled.ok()) {
      std::cerr << "kg: " << bundled.status().ToString() << "\n";
      return kExitFailed;
    }
    path = *bundled;
    label = "bundled graph (" + path + ")";
    // The bundled graph is rebuilt whenever its data changes, which would
    // drop anything written to it: it opens read-only. Research of your own
    // goes in a database of your own (kg --db PATH; kg import data/graph).
    db_options.store.read_only = true;
    db_options.store.create_if_missing = false;
  }
  auto db = kg::Database::Open(path, db_options);
  if (!db.ok()) {
    std::cerr << "kg: " << db.status().ToString() << "\n";
    return kExitFailed;
  }
  kg::shell::Session session(std::move(db).value(), label, options, std::cout, std::cerr);
  for (const auto& [name, value] : params) {
    const kg::Status status = session.SetParam(name, value);
    if (!status.ok()) {
      std::cerr << "kg: --param " << name << "=" << value << ": " << status.ToString() << "\n";
      return kExitUsage;
    }
  }
  if (!args.as_of.empty()) {
    const kg::Status status = session.SetAsOf(args.as_of);
    if (!status.ok()) {
      std::cerr << "kg: --as-of: " << status.message() << "\n";
      return kExitUsage;
    }
  }
  kg::shell::InstallInterruptHandler();

  if (!scripted) {
    kg::shell::ReplOptions repl;
    repl.history_path = kg::shell::HistoryPath();
    return kg::shell::RunRepl(session, repl);
  }

  bool ok = true;
  auto keep_going = [&](bool ran) {
    ok = ok && ran;
    return (ran || args.continue_on_error) && !session.quit_requested() && !session.interrupted();
  };
  bool stop = false;
  for (size_t i = 0; i < args.statements.size() && !stop; ++i) {
    const std::string name = args.statements.size() == 1 ? "-e" : "-e#" + std::to_string(i + 1);
    stop = !keep_going(session.RunScript(args.statements[i], kg::shell::Origin{name, 1, 1}));
  }
  std::vector<std::string> files = args.files;
  if (args.statements.empty() && files.empty()) files.push_back("-");
  for (size_t i = 0; i < files.size() && !stop; ++i) {
    const std::string name = files[i] == "-" ? "<stdin>" : files[i];
    kg::Result<std::string> text = files[i] == "-" ? kg::ReadInputStream(std::cin, name, kg::kScriptFile)
                                                   : kg::ReadInputFile(files[i], kg::kScriptFile);
    if (!text.ok()) {
      std::cerr << "kg: " << text.status().message() << "\n";
      ok = false;
      if (!args.continue_on_error) break;
      continue;
    }
    stop = !keep_going(session.RunScript(*text, kg::shell::Origin{name, 1, 1}));
  }
  return ok ? kExitOk : kExitFailed;
}
