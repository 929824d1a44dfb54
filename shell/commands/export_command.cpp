#include "commands/export_command.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <cctype>
#include <memory>

#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "cli/progress_line.h"
#include "interchange/export/graph_exporter.h"
#include "interchange/formats.h"
#include "session/bundled_graph.h"
#include "session/session_text.h"

namespace kg::shell {
namespace {

constexpr size_t kExportBlockCacheBytes = size_t{32} << 20;

const char* PhaseText(interchange::ExportProgress::Phase phase) {
  switch (phase) {
    case interchange::ExportProgress::Phase::kQuery:
      return "running the query";
    case interchange::ExportProgress::Phase::kScanning:
      return "learning property types:";
    case interchange::ExportProgress::Phase::kWriting:
      return "writing:";
  }
  return "exporting";
}

// Runs one export with a progress line and Ctrl-C: SIGINT interrupts the
// query while it runs, and cancels the export while it writes.
Result<interchange::ExportReport> RunExport(Database& db, const std::string& path, interchange::ExportOptions options,
                                            bool progress) {
  std::atomic<bool> cancel{false};
  TakeInterrupt();  // a Ctrl-C from before is not meant for this export
  InterruptScope scope(db);
  ProgressLine line(progress);
  options.cancel = &cancel;
  options.progress = [&](const interchange::ExportProgress& p) {
    if (TakeInterrupt()) cancel.store(true);
    if (!progress) return;
    std::string text = PhaseText(p.phase);
    if (p.phase != interchange::ExportProgress::Phase::kQuery) {
      text += " " + std::to_string(p.nodes + p.relationships);
      if (p.total > 0) text += " of " + std::to_string(p.total);
      text += " elements";
    }
    line.SetText(std::move(text));
  };
  Result<interchange::ExportReport> report = interchange::ExportGraph(db, path, options);
  TakeInterrupt();
  return report;
}

// "name=VALUE" as --param takes it.
bool SplitParam(const std::string& arg, std::string* name, std::string* value) {
  const size_t eq = arg.find('=');
  if (eq == std::string::npos || eq == 0) return false;
  *name = arg.substr(0, eq);
  if (!name->empty() && (*name)[0] == '$') name->erase(0, 1);
  *value = arg.substr(eq + 1);
  return !name->empty();
}

// The format named by `format`, else the one `path` implies.
Result<interchange::ExportFormat> ChooseFormat(const std::string& format, const std::string& path) {
  if (format.empty()) return interchange::DetectExportFormat(path);
  const auto parsed = interchange::ParseExportFormat(format);
  if (!parsed) {
    return Status::Usage("unknown export format '" + format + "'; choose one of " + interchange::ExportFormatChoices());
  }
  return *parsed;
}

// One word of the :export line: a quoted path ('...' or "...") or a run of
// non-blanks. Moves `pos` past it.
Result<std::string> NextWord(std::string_view text, size_t* pos) {
  while (*pos < text.size() && std::isspace(static_cast<unsigned char>(text[*pos]))) ++*pos;
  if (*pos >= text.size()) return std::string();
  const char quote = text[*pos];
  if (quote == '\'' || quote == '"') {
    const size_t close = text.find(quote, *pos + 1);
    if (close == std::string_view::npos) return Status::Usage("a quoted file name is not closed");
    std::string word(text.substr(*pos + 1, close - *pos - 1));
    *pos = close + 1;
    return word;
  }
  const size_t start = *pos;
  while (*pos < text.size() && !std::isspace(static_cast<unsigned char>(text[*pos]))) ++*pos;
  return std::string(text.substr(start, *pos - start));
}

// One line for a failed export. The query's errors point into it
// ("-e:1:8: syntax error: ..."), the way kg reports statements.
std::string DescribeFailure(const Status& s, const std::string& query_origin) {
  if (s.Is(ErrorKind::kInterrupted)) return "export cancelled; nothing was written";
  const bool query_error = s.Is(ErrorKind::kSyntax) || s.Is(ErrorKind::kSemantic) || s.Is(ErrorKind::kRuntime) ||
                           s.Is(ErrorKind::kConstraint);
  if (!query_error) return s.ToString();
  std::string where = query_origin;
  if (s.position().valid()) {
    where += ":" + std::to_string(s.position().line) + ":" + std::to_string(s.position().column);
  }
  return where + ": " + ErrorKindName(s.kind()) + ": " + s.message();
}

}  // namespace

std::string ExportCommandUsage() {
  return ":export FORMAT FILE [--induced] [--csv-formulas keep] [QUERY]   (FORMAT: " +
         interchange::ExportFormatChoices() + ")";
}

CLI::App* AddExportSubcommand(CLI::App& app, ExportArguments* args) {
  CLI::App* sub = app.add_subcommand(
      "export", "Writes the subgraph behind a query's result (or the whole graph) as GraphML, GEXF, DOT, JSON or CSV");
  sub->add_option("--db", args->db, "Database directory (default: the bundled knowledge graph); opened read-only");
  sub->add_option("--format", args->format,
                  std::string("Format: ") + interchange::ExportFormatChoices() +
                      " (default: from the file's extension; a directory is csv)");
  sub->add_option("-o,--output", args->output, "The file to write (csv: a directory)")->required();
  sub->add_option("-e,--execute", args->query,
                  "The query whose result's nodes, relationships and paths are exported (default: the whole graph)");
  sub->add_option("--param", args->params, "Sets $name to a Cypher literal: --param country=\"'Việt Nam'\"")
      ->type_size(1)
      ->allow_extra_args(false);
  sub->add_flag("--induced", args->induced, "Also exports every relationship between two exported nodes");
  sub->add_option("--csv-formulas", args->csv_formulas,
                  "csv: 'guard' (default) puts a ' before text a spreadsheet would run as a formula (= + - @ tab "
                  "CR); 'keep' writes text as stored")
      ->check(CLI::IsMember({"guard", "keep"}));
  sub->footer("Formats (--format, else from the file's ending):\n" + interchange::FormatHelpLines() +
              "\nExamples:\n"
              "  kg export -o graph.graphml                                   the whole bundled graph\n"
              "  kg export -o unesco.dot -e \"MATCH p = (o:Organization {key: 'org/unesco'})-[*..2]-() RETURN p\"\n"
              "  kg export --db research.kg --format csv -o out/ -e \"MATCH (p:Person) RETURN p\" --induced");
  return sub;
}

int RunExportSubcommand(const ExportArguments& args, std::ostream& err) {
  Result<interchange::ExportFormat> format = ChooseFormat(args.format, args.output);
  if (!format.ok()) {
    err << "kg export: " << format.status().message() << "\n";
    return kExitUsage;
  }
  DatabaseOptions db_options;
  db_options.store.read_only = true;
  db_options.store.create_if_missing = false;
  // A whole-graph export reads every block once: a large block cache would
  // only fill up with them (RSS grew by the cache's 256 MiB at 3M
  // relationships). Queries still get a cache for their repeated reads.
  db_options.store.block_cache_bytes = kExportBlockCacheBytes;
  std::string path = args.db;
  if (path.empty()) {
    Result<std::string> bundled = PrepareBundledGraph(err);
    if (!bundled.ok()) {
      err << "kg export: " << bundled.status().ToString() << "\n";
      return kExitFailed;
    }
    path = *bundled;
  }
  Result<std::unique_ptr<Database>> db = Database::Open(path, db_options);
  if (!db.ok()) {
    err << "kg export: " << db.status().ToString() << "\n";
    return kExitFailed;
  }
  interchange::ExportOptions options;
  options.format = *format;
  options.query = args.query;
  options.induced = args.induced;
  options.csv_formulas = ParseCsvFormulas(args.csv_formulas).value_or(CsvFormulas::kGuard);
  for (const std::string& p : args.params) {
    std::string name, value;
    if (!SplitParam(p, &name, &value)) {
      err << "kg export: --param takes name=VALUE, for example --param year=2023 or --param name=\"'Huế'\"; got '" << p
          << "'\n";
      return kExitUsage;
    }
    Result<Value> v = (*db)->Evaluate(value, options.params);
    if (!v.ok()) {
      err << "kg export: --param " << p << ": " << v.status().ToString() << "\n";
      return kExitUsage;
    }
    options.params[name] = std::move(v).value();
  }
  InstallInterruptHandler();
  Result<interchange::ExportReport> report = RunExport(**db, args.output, options, isatty(STDERR_FILENO) != 0);
  if (!report.ok()) {
    const Status& s = report.status();
    err << "kg export: " << DescribeFailure(s, "-e") << "\n";
    return s.Is(ErrorKind::kUsage) ? kExitUsage : kExitFailed;
  }
  err << interchange::DescribeExport(*report) << "\n";
  return 0;
}

Result<std::string> RunExportCommand(std::string_view args, Database& db, const ValueMap& params, bool progress) {
  auto usage = [](const std::string& problem) { return Status::Usage(problem + "; usage: " + ExportCommandUsage()); };
  interchange::ExportOptions options;
  options.params = params;
  std::string words[2];  // FORMAT, FILE
  int filled = 0;
  size_t pos = 0;
  while (true) {
    const size_t before = pos;
    KG_ASSIGN_OR_RETURN(std::string word, NextWord(args, &pos));
    if (word == "--induced") {
      options.induced = true;
      continue;
    }
    if (word == "--csv-formulas") {
      KG_ASSIGN_OR_RETURN(std::string mode, NextWord(args, &pos));
      const std::optional<CsvFormulas> formulas = ParseCsvFormulas(mode);
      if (!formulas) return usage("--csv-formulas takes guard or keep, not '" + mode + "'");
      options.csv_formulas = *formulas;
      continue;
    }
    if (word.rfind("--", 0) == 0 && filled < 2) return usage("unknown option '" + word + "'");
    if (filled == 2 || word.empty()) {
      pos = before;  // the query starts here
      break;
    }
    words[filled++] = word;
  }
  if (filled < 2) return usage(filled == 0 ? "no format given" : "no file given");
  const auto format = interchange::ParseExportFormat(words[0]);
  if (!format) {
    return usage("unknown export format '" + words[0] + "'; choose one of " + interchange::ExportFormatChoices());
  }
  options.format = *format;
  options.query = std::string(Trim(args.substr(pos)));
  Result<interchange::ExportReport> report = RunExport(db, words[1], options, progress);
  if (!report.ok()) {
    const Status& s = report.status();
    return Status::Error(s.kind(), DescribeFailure(s, "export query"));
  }
  return interchange::DescribeExport(*report);
}

}  // namespace kg::shell
