// The export formats' writers (graph_writer.h says how they are driven).
// docs/interchange.md, "## Export", describes every format for users.
#pragma once

#include <memory>
#include <string>

#include "common/csv_formula.h"
#include "common/status.h"
#include "interchange/graph_writer.h"

namespace kg::interchange {

// GraphML 1.0 to the file `path` (graphml_writer.cpp).
Result<std::unique_ptr<GraphWriter>> NewGraphmlWriter(const std::string& path);

enum class GexfVersion { k1_3, k1_2draft };
// GEXF 1.3, or 1.2draft for readers that know only that (gexf_writer.cpp).
Result<std::unique_ptr<GraphWriter>> NewGexfWriter(const std::string& path, GexfVersion version);

// Graphviz DOT (dot_writer.cpp).
Result<std::unique_ptr<GraphWriter>> NewDotWriter(const std::string& path);

// kg's JSON graph format, readable by networkx.node_link_graph (json_graph_writer.cpp).
Result<std::unique_ptr<GraphWriter>> NewJsonGraphWriter(const std::string& path);

// nodes.csv and relationships.csv in the directory `dir`, created when
// missing (csv_graph_writer.cpp); text a spreadsheet would run as a formula
// guarded unless `formulas` is kKeep (common/csv_formula.h).
Result<std::unique_ptr<GraphWriter>> NewCsvGraphWriter(const std::string& dir,
                                                       CsvFormulas formulas = CsvFormulas::kGuard);

}  // namespace kg::interchange
