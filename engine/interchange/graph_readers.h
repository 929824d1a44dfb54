// The format readers of ImportGraph (importer.h). Each reads one path
// argument into the builder as one source, naming files in errors as
// `display` plus the file's name inside a directory.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "interchange/import_builder.h"

namespace kg::interchange {

// kg's JSON graph format (data/README.md): a file, or a directory whose
// *.json files are read in name order.
Status ReadJsonGraph(const std::string& path, const std::string& display, ImportBuilder& builder);

// kg JSON graph files given as text, read as one source in the order given.
Status ReadJsonGraphTexts(const std::vector<NamedText>& files, ImportBuilder& builder);

// A CSV directory: gen_graph.py's layout or kg's CSV export.
Status ReadCsvGraph(const std::string& path, const std::string& display, ImportBuilder& builder);

// A GraphML file.
Status ReadGraphml(const std::string& path, const std::string& display, ImportBuilder& builder);

}  // namespace kg::interchange
