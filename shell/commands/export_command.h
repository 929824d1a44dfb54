// `kg export` and the REPL's `:export`: the subgraph behind a query (or the
// whole graph) written as GraphML, GEXF, DOT, JSON or CSV
// (engine/interchange/export/graph_exporter.h; docs/interchange.md for users).
//
// Command line (a CLI11 subcommand):
//   kg export [--db PATH] [--format F] -o FILE [-e QUERY] [--param NAME=VALUE]... [--induced]
//             [--csv-formulas guard|keep]
// The format comes from FILE's extension when --format is not given; the
// database is opened read-only (the bundled graph without --db). One line
// on stderr tells what was written:
//   exported 120 nodes and 240 relationships to out.graphml (0.3 s)
// Exit codes: 0 done, 1 the export failed (one line on stderr), 2 bad usage.
//
// In the REPL:
//   :export FORMAT FILE [--induced] [--csv-formulas keep] [QUERY]
// FILE may be quoted ('my file.graphml'); the query runs to the end of the
// line with the session's parameters.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/value.h"
#include "main/database.h"

namespace CLI {
class App;
}

namespace kg::shell {

struct ExportArguments {
  std::string db;
  std::string format;
  std::string output;
  std::string query;
  std::vector<std::string> params;  // name=VALUE, VALUE a Cypher literal
  bool induced = false;
  std::string csv_formulas = "guard";  // csv: "guard" or "keep" (common/csv_formula.h)
};

// Adds the `export` subcommand to `app`, filling `args` when it is parsed.
// Returns the subcommand: after app.parse(), `if (*sub) return
// RunExportSubcommand(args, std::cerr);`.
CLI::App* AddExportSubcommand(CLI::App& app, ExportArguments* args);

// Opens the database, exports, reports on `err`; returns the exit code.
// Installs the Ctrl-C handler (interrupt.h): Ctrl-C cancels the export and
// leaves no file.
int RunExportSubcommand(const ExportArguments& args, std::ostream& err);

// The REPL's `:export` with `args` the text after the command name. On
// success, the line to print ("exported 3 nodes and 2 relationships to
// out.dot (0.0 s)"); on failure a Status whose message is one line (kUsage
// for bad arguments, with the usage in it). `progress`: show a progress line
// on stderr (pass whether stderr is a terminal). Ctrl-C (through
// TakeInterrupt) cancels.
Result<std::string> RunExportCommand(std::string_view args, Database& db, const ValueMap& params, bool progress);

// The usage line of :export, for help and errors.
std::string ExportCommandUsage();

}  // namespace kg::shell
