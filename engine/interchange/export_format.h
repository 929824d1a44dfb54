// The formats `kg export` writes, and how a format is told from a path.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace kg::interchange {

enum class ExportFormat {
  kGraphml,  // GraphML 1.0 (graphml_writer.cpp)
  kGexf,     // GEXF 1.3, Gephi's current format (gexf_writer.cpp)
  kGexf12,   // GEXF 1.2draft: the same content for readers without 1.3 (networkx)
  kDot,      // Graphviz DOT (dot_writer.cpp)
  kJson,     // kg's JSON graph format, networkx node-link compatible (json_graph_writer.cpp)
  kCsv,      // a directory: nodes.csv and relationships.csv (csv_graph_writer.cpp)
};

// "graphml", "gexf", "gexf1.2", "dot" (also "gv"), "json", "csv"; case does
// not matter. Nothing for another name.
std::optional<ExportFormat> ParseExportFormat(std::string_view name);
const char* ExportFormatName(ExportFormat format);
// "graphml, gexf, gexf1.2, dot, json, csv", for usage messages.
const char* ExportFormatChoices();

// The format an output path asks for when none is given: .graphml (or
// .xml), .gexf, .dot or .gv, .json; csv for an existing directory, a path
// ending in '/', or a path whose file is `nodes.csv`. kUsage otherwise.
Result<ExportFormat> DetectExportFormat(const std::string& path);

// Where a format's output goes: the path itself, or for csv the directory
// (the parent of a `.../nodes.csv` path).
std::string ExportTarget(ExportFormat format, const std::string& path);

}  // namespace kg::interchange
