// The bundled graph as the data tests see it: every element of
// data/graph/*.json with the file and line it is on, so that a failed check
// names the line to fix. Reading never throws: a file that is not the kg JSON
// graph format (data/README.md) is reported in `errors`.
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace kg::data_test {

struct Element {
  std::string file;  // e.g. "graph/entities.json"
  int line = 0;      // 1-based
  nlohmann::json json;

  std::string Where() const { return file + ":" + std::to_string(line); }
  const nlohmann::json& Properties() const { return json.at("properties"); }
};

struct BundledGraph {
  std::vector<Element> nodes;
  std::vector<Element> links;
  std::vector<std::string> errors;
  std::map<std::string, size_t> node_by_key;  // index into `nodes`; the first node of each key

  // The node's `name` followed by its `aliases` and `short_forms`: every
  // form an article names it by.
  std::vector<std::string> NamesOf(const std::string& key) const;
  bool HasLabel(const std::string& key, const std::string& label) const;
};

// Reads DIR/*.json in name order. Each element must be on a line of its own
// ("  {...}," as data/README.md asks); the line is found by parsing the file's
// lines one at a time and matching them with the elements of the whole file.
BundledGraph ReadBundledGraph(const std::filesystem::path& dir);

// The graph of data/graph, read once for all tests.
const BundledGraph& TheBundledGraph();

}  // namespace kg::data_test
