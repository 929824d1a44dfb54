// The graph file formats kg reads and writes: one table, one row a format.
//
// Everything that names a format is drawn from the table: `--format` and
// `:export FORMAT` (ParseExportFormat, ParseImportFormat), the format a
// path asks for when none is given (DetectExportFormat, DetectImportFormat),
// which writer or reader runs (the row's factory; graph_exporter.cpp and
// importer.cpp hold no list of formats), and the choices that usage
// messages, help and completion show (ExportFormatChoices, FormatNames,
// FormatHelpLines). Adding a format is one file, its writer in export/ or
// its reader in import/, plus one row in formats.cpp (README.md in this
// folder says how).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/csv_formula.h"
#include "common/status.h"

namespace kg::interchange {

class GraphWriter;    // export/graph_writer.h
class ImportBuilder;  // import/import_builder.h

// What a writer is told besides its target.
struct WriterOptions {
  // csv: text a spreadsheet would run as a formula gets a leading '
  // (common/csv_formula.h); kKeep writes it as stored.
  CsvFormulas csv_formulas = CsvFormulas::kGuard;
};

// Makes a writer for the file (or, for a directory format, the directory)
// `target`; kIo when it cannot be made there.
using WriterFactory = Result<std::unique_ptr<GraphWriter>> (*)(const std::string& target, const WriterOptions& options);
// Reads `path` into the builder as one source, naming it `display` in
// errors (plus a file's name inside a directory).
using ReaderFunction = Status (*)(const std::string& path, const std::string& display, ImportBuilder& builder);

// What a path of the format is.
enum class Layout {
  kFile,             // one file
  kDirectory,        // a directory of files (csv: nodes.csv and relationships.csv)
  kFileOrDirectory,  // one file, or a directory of such files (read in name order)
};

struct Format {
  const char* name;         // what --format takes and reports say: "graphml"
  const char* aliases;      // other names --format takes, space-separated: "gv graphviz"
  const char* extensions;   // file endings that ask for it, space-separated: ".graphml .xml"
  Layout layout;            // a file, a directory, or either
  WriterFactory writer;     // null: kg does not write it
  bool needs_schema;        // the writer declares property types up front: a first pass learns them
  ReaderFunction reader;    // null: kg does not read it
  const char* description;  // one line, for help
};

// Every format, in the order help lists them.
const std::vector<Format>& Formats();

// Formats as the options of ExportGraph and ImportGraph name them: a row
// of the table. For import, nullptr is "auto" (from each path's name or
// contents).
using ExportFormat = const Format*;
using ImportFormat = const Format*;

// The format called `name` (or one of its aliases; case does not matter)
// that kg writes; nothing for another name.
std::optional<ExportFormat> ParseExportFormat(std::string_view name);
// The same for reading; "auto" gives nullptr.
std::optional<ImportFormat> ParseImportFormat(std::string_view name);
// The row's name; "auto" for nullptr.
const char* FormatName(const Format* format);

// The names of the formats kg writes, or reads, in table order.
std::vector<std::string> ExportFormatNames();
std::vector<std::string> ImportFormatNames();
// "graphml, gexf, gexf1.2, dot, json, csv", for usage messages.
std::string ExportFormatChoices();
// "graphml, json or csv".
std::string ImportFormatChoices();
// "export, import", "export" or "import": what kg does with the format.
const char* FormatDirections(const Format& format);
// The description and the file endings that ask for the format:
// "GraphML 1.0: networkx, igraph, Gephi, yEd, Cytoscape (.graphml, .xml)".
std::string FormatSummary(const Format& format);
// One line a format, for help: "  graphml   export, import   GraphML 1.0 (.graphml, .xml)".
std::string FormatHelpLines();

// The format an output path asks for when none is given: by its file
// ending; a directory format (csv) for an existing directory, a path ending
// in '/', or a path whose file is `nodes.csv`. kUsage otherwise.
Result<ExportFormat> DetectExportFormat(const std::string& path);

// Where a format's output goes: the path itself, or for csv the directory
// (the parent of a `.../nodes.csv` path).
std::string ExportTarget(ExportFormat format, const std::string& path);

// The format of one input path when none is given: by its file ending or,
// for a directory, by its contents (manifest.json, nodes.csv or nodes/:
// csv; *.json files: json). kIo when it does not exist, kUsage when it
// cannot tell.
Result<ImportFormat> DetectImportFormat(const std::string& path);

}  // namespace kg::interchange
