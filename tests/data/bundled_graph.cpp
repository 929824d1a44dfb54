#include "data/bundled_graph.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace kg::data_test {

namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The elements of one array ("nodes" or "links") must appear, in order, as
// lines that parse on their own to the same JSON value.
void MatchLines(const std::string& file, const std::vector<std::string>& lines, const nlohmann::json& array,
                std::vector<Element>& out, std::vector<std::string>& errors) {
  size_t next_line = 0;
  for (const auto& element : array) {
    bool found = false;
    for (; next_line < lines.size() && !found; ++next_line) {
      std::string line = lines[next_line];
      if (line.rfind("  {", 0) != 0) continue;
      auto parsed = nlohmann::json::parse(line, nullptr, false);
      if (parsed.is_discarded() && line.back() == ',') {
        line.pop_back();
        parsed = nlohmann::json::parse(line, nullptr, false);
      }
      if (!parsed.is_discarded() && parsed == element) {
        out.push_back(Element{file, static_cast<int>(next_line) + 1, element});
        found = true;
      }
    }
    if (!found) {
      errors.push_back(file + ": element " + element.dump().substr(0, 80) + "... is not on a line of its own");
      return;
    }
  }
}

}  // namespace

std::vector<std::string> BundledGraph::NamesOf(const std::string& key) const {
  std::vector<std::string> names;
  auto it = node_by_key.find(key);
  if (it == node_by_key.end()) return names;
  const auto& p = nodes[it->second].Properties();
  if (p.contains("name") && p["name"].is_string()) names.push_back(p["name"].get<std::string>());
  for (const char* list : {"aliases", "short_forms"}) {
    if (!p.contains(list) || !p[list].is_array()) continue;
    for (const auto& a : p[list]) {
      if (a.is_string()) names.push_back(a.get<std::string>());
    }
  }
  return names;
}

bool BundledGraph::HasLabel(const std::string& key, const std::string& label) const {
  auto it = node_by_key.find(key);
  if (it == node_by_key.end()) return false;
  const auto& labels = nodes[it->second].json.at("labels");
  return std::find(labels.begin(), labels.end(), label) != labels.end();
}

BundledGraph ReadBundledGraph(const std::filesystem::path& dir) {
  BundledGraph graph;
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  if (ec) {
    graph.errors.push_back(dir.string() + ": " + ec.message());
    return graph;
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    const std::string name = "graph/" + path.filename().string();
    const std::string text = ReadFile(path);
    auto whole = nlohmann::json::parse(text, nullptr, false);
    if (whole.is_discarded() || !whole.is_object()) {
      graph.errors.push_back(name + ": not a JSON object");
      continue;
    }
    if (whole.value("kg_graph", 0) != 1) {
      graph.errors.push_back(name + ": \"kg_graph\" is not 1");
      continue;
    }
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    for (const char* member : {"nodes", "links"}) {
      if (!whole.contains(member)) continue;
      if (!whole[member].is_array()) {
        graph.errors.push_back(name + ": \"" + member + "\" is not an array");
        continue;
      }
      MatchLines(name, lines, whole[member], member[0] == 'n' ? graph.nodes : graph.links, graph.errors);
    }
  }
  for (size_t i = 0; i < graph.nodes.size(); ++i) {
    const auto& p = graph.nodes[i].json.value("properties", nlohmann::json::object());
    if (p.contains("key") && p["key"].is_string()) graph.node_by_key.emplace(p["key"].get<std::string>(), i);
  }
  return graph;
}

const BundledGraph& TheBundledGraph() {
  static const BundledGraph graph = ReadBundledGraph(std::filesystem::path(KG_DATA_DIR) / "graph");
  return graph;
}

}  // namespace kg::data_test
