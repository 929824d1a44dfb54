// `kg import` and the REPL's `:import`: graph files into a database
// (engine/interchange/import/importer.h does the work; this is the shell's side:
// options, the progress line, Ctrl-C, the report).
//
//   kg import --db research.kg data/graph
//   kg import --db bench.kg --bulk /tmp/kgbench/n100k
//   :import --format graphml --node-label Person friends.graphml
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace kg {
class Database;
}

namespace kg::shell {

// The options of an import, as given on the command line or to :import.
struct ImportArguments {
  std::string db;
  std::string format;  // json, csv, graphml; empty: from each path
  bool bulk = false;
  bool transaction = false;
  std::string node_label = "Node";
  std::string rel_type = "RELATED_TO";
  bool keep_ids = false;
  std::vector<std::string> types;  // NAME=TYPE
  std::vector<std::string> paths;
};

// Adds the `import` subcommand to kg's command line; its options land in
// `*args`. After parsing, when the returned subcommand was given
// (`sub->parsed()`), run RunImportSubcommand.
CLI::App* AddImportSubcommand(CLI::App& app, ImportArguments* args);

// Runs `kg import`: opens args.db (or `fallback_db`, a --db given before the
// word import), imports, prints "imported ... (0.2 s)" to `out`. Returns the
// exit code: 0 done, 1 refused input or a database that would not open
// (nothing imported), 2 bad usage.
int RunImportSubcommand(const ImportArguments& args, std::string_view fallback_db, std::ostream& out,
                        std::ostream& err);

// The REPL's `:import [OPTIONS] PATH...` (the options of `kg import` but
// --db) into the session's database. `progress`: show a progress line on
// stderr (a terminal). Returns false when nothing was imported.
bool RunImportCommand(Database& db, std::string_view args, std::ostream& out, std::ostream& err, bool progress);

// The usage line of :import, for the command table and help.
extern const char kImportCommandArgs[];
extern const char kImportCommandSummary[];

}  // namespace kg::shell
