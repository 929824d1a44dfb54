#include "commands/import_command.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "interchange/formats.h"
#include "interchange/import/importer.h"
#include "main/database.h"

namespace kg::shell {

const char kImportCommandArgs[] = "[--format F] [--bulk] [--node-label L] [--rel-type T] PATH...";
const char kImportCommandSummary[] = "imports graph files (kg JSON, CSV, GraphML) into the database, all or nothing";

namespace {

// The options both `kg import` and `:import` take.
void AddOptions(CLI::App& app, ImportArguments* args) {
  app.add_option("--format", args->format,
                 interchange::ImportFormatChoices() + " (default: from each path's name or contents)");
  app.add_flag("--bulk", args->bulk,
               "Loads with the bulk loader (the default for inputs of 8 MiB or more into an empty database)");
  app.add_flag("--transaction", args->transaction, "Loads in one write transaction, however large the input");
  app.add_option("--node-label", args->node_label, "GraphML from other tools: the label of nodes without one")
      ->default_str("Node");
  app.add_option("--rel-type", args->rel_type, "GraphML from other tools: the type of edges without one")
      ->default_str("RELATED_TO");
  app.add_flag("--keep-ids", args->keep_ids,
               "GraphML: keep node ids as the property graphml_id also for kg's own exports");
  app.add_option("--types", args->types, "CSV: column types, NAME=TYPE (year=int, tags=string[]); repeatable")
      ->type_size(1)
      ->allow_extra_args(false)
      ->delimiter(',');
  app.add_option("paths", args->paths, "Files or directories to import (one transaction for all)")->required();
}

// Turns the arguments into the importer's options; false on bad usage.
bool MakeOptions(const ImportArguments& args, interchange::ImportOptions* options, std::ostream& err) {
  if (!args.format.empty()) {
    std::optional<interchange::ImportFormat> f = interchange::ParseImportFormat(args.format);
    if (!f) {
      err << "kg import: unknown format '" << args.format << "'; choose " << interchange::ImportFormatChoices() << "\n";
      return false;
    }
    options->format = *f;
  }
  if (args.bulk && args.transaction) {
    err << "kg import: --bulk and --transaction exclude each other\n";
    return false;
  }
  options->mode = args.bulk          ? interchange::ImportMode::kBulk
                  : args.transaction ? interchange::ImportMode::kTransaction
                                     : interchange::ImportMode::kAuto;
  if (args.node_label.empty() || args.rel_type.empty()) {
    err << "kg import: --node-label and --rel-type cannot be empty\n";
    return false;
  }
  options->node_label = args.node_label;
  options->rel_type = args.rel_type;
  options->keep_ids = args.keep_ids;
  for (const std::string& t : args.types) {
    const size_t eq = t.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == t.size()) {
      err << "kg import: --types takes NAME=TYPE (for example --types year=int,score=float); got '" << t << "'\n";
      return false;
    }
    options->csv_types[t.substr(0, eq)] = t.substr(eq + 1);
  }
  return true;
}

// "⠋ importing: 120,000 nodes, 340,000 relationships · 45 % (Ctrl-C cancels)"
// on stderr, from the first second on, wiped at the end.
class ImportProgressLine {
 public:
  explicit ImportProgressLine(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}
  ~ImportProgressLine() {
    if (shown_) std::cerr << "\r\x1b[K" << std::flush;
  }
  void Show(const interchange::ImportProgress& p) {
    if (!enabled_ || std::chrono::steady_clock::now() - start_ < std::chrono::seconds(1)) return;
    static const char* const kSpinner[] = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
    std::string percent;
    if (p.bytes_total > 0) {
      percent = " · " + std::to_string(std::min<uint64_t>(100, p.bytes_read * 100 / p.bytes_total)) + " %";
    }
    std::cerr << "\r" << kSpinner[tick_++ % 10] << " importing: " << Grouped(p.nodes) << " nodes, "
              << Grouped(p.relationships) << " relationships" << percent << " (Ctrl-C cancels)\x1b[K" << std::flush;
    shown_ = true;
  }

 private:
  static std::string Grouped(uint64_t n) {
    std::string digits = std::to_string(n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
      out.push_back(digits[i]);
    }
    return out;
  }
  bool enabled_;
  bool shown_ = false;
  unsigned tick_ = 0;
  std::chrono::steady_clock::time_point start_;
};

// Runs one import, reporting to out/err; true when it landed.
bool Import(Database& db, const ImportArguments& args, std::ostream& out, std::ostream& err, bool progress,
            const char* prefix) {
  interchange::ImportOptions options;
  if (!MakeOptions(args, &options, err)) return false;
  std::atomic<bool> cancel{false};
  ImportProgressLine line(progress);
  options.cancel = &cancel;
  // Ctrl-C is noticed by the shell's handler; the import polls it here.
  TakeInterrupt();
  options.progress = [&](const interchange::ImportProgress& p) {
    if (TakeInterrupt()) cancel.store(true);
    line.Show(p);
  };
  Result<interchange::ImportReport> report = interchange::ImportGraph(db, args.paths, options);
  if (TakeInterrupt() && !report.ok()) cancel.store(true);
  if (!report.ok()) {
    const Status& s = report.status();
    err << prefix << s.message();
    if (!s.Is(ErrorKind::kInterrupted)) err << " (nothing imported)";
    err << "\n";
    return false;
  }
  out << interchange::DescribeImport(*report) << "\n";
  return true;
}

}  // namespace

CLI::App* AddImportSubcommand(CLI::App& app, ImportArguments* args) {
  CLI::App* sub = app.add_subcommand(
      "import",
      "Imports graph files into a database, all of them or nothing: kg's JSON graph format (a file or a directory "
      "of *.json), a CSV directory (nodes.csv and relationships.csv, or gen_graph.py's manifest.json), or GraphML");
  sub->add_option("--db", args->db, "Database directory to import into, created when missing");
  AddOptions(*sub, args);
  sub->footer("Formats (--format, else from each path's name or contents):\n" + interchange::FormatHelpLines() +
              "\nExamples:\n"
              "  kg import --db research.kg data/graph\n"
              "  kg import --db bench.kg /tmp/kgbench/n100k\n"
              "  kg import --db research.kg --node-label Person friends.graphml");
  return sub;
}

int RunImportSubcommand(const ImportArguments& args, std::string_view fallback_db, std::ostream& out,
                        std::ostream& err) {
  const std::string path = !args.db.empty() ? args.db : std::string(fallback_db);
  if (path.empty()) {
    err << "kg import: give the database to import into with --db PATH (the bundled graph is read-only)\n";
    return kExitUsage;
  }
  interchange::ImportOptions check;
  if (!MakeOptions(args, &check, err)) return kExitUsage;
  auto db = Database::Open(path);
  if (!db.ok()) {
    err << "kg import: " << db.status().ToString() << "\n";
    return kExitFailed;
  }
  InstallInterruptHandler();
  return Import(**db, args, out, err, isatty(STDERR_FILENO) != 0, "kg import: ") ? 0 : kExitFailed;
}

bool RunImportCommand(Database& db, std::string_view args, std::ostream& out, std::ostream& err, bool progress) {
  ImportArguments parsed;
  CLI::App app{"import graph files", ":import"};
  AddOptions(app, &parsed);
  try {
    app.parse(std::string(args), false);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help
      out << app.help();
      return true;
    }
    err << ":import: " << e.what() << "\n  usage: :import " << kImportCommandArgs << "\n";
    return false;
  }
  return Import(db, parsed, out, err, progress, ":import: ");
}

}  // namespace kg::shell
