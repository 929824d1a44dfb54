// The bundled graph against its sources: every span of every relationship is
// read from the seed article its Document names (../shared/seeds) and must say
// what the relationship claims. Without that folder these tests say so and
// check nothing (the structural tests still run).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include "data/bundled_graph.h"
#include "data/unicode_text.h"

namespace kg::data_test {
namespace {

// The seed files by name, or nothing when the folder is not there.
std::optional<std::map<std::string, std::string>> Seeds() {
  const std::filesystem::path dir(KG_SEEDS_DIR);
  if (!std::filesystem::is_directory(dir)) return std::nullopt;
  std::map<std::string, std::string> seeds;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    seeds[entry.path().filename().string()] = text.str();
  }
  return seeds;
}

// The seeds, read once; each test that needs them says so when they are missing.
const std::optional<std::map<std::string, std::string>>& TheSeeds() {
  static const auto seeds = Seeds();
  if (!seeds) WARN("no seed articles at " KG_SEEDS_DIR ": this span check is skipped, the structural tests still run");
  return seeds;
}

// The seed text that a Document key's `file` names, or nullptr.
const std::string* SeedOf(const BundledGraph& graph, const std::map<std::string, std::string>& seeds,
                          const std::string& doc_key) {
  auto node = graph.node_by_key.find(doc_key);
  if (node == graph.node_by_key.end()) return nullptr;
  auto seed = seeds.find(graph.nodes[node->second].Properties().value("file", ""));
  return seed == seeds.end() ? nullptr : &seed->second;
}

bool IsContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

// The bytes [start, end) of the text when they are whole UTF-8 characters.
std::optional<std::string> Slice(const std::string& text, long start, long end) {
  if (start < 0 || end > static_cast<long>(text.size()) || start >= end) return std::nullopt;
  if (IsContinuationByte(static_cast<unsigned char>(text[start]))) return std::nullopt;
  if (end < static_cast<long>(text.size()) && IsContinuationByte(static_cast<unsigned char>(text[end])))
    return std::nullopt;
  std::string slice = text.substr(start, end - start);
  if (!IsValidUtf8(slice)) return std::nullopt;
  return slice;
}

// Where a relationship's spans point: its `source` Document, or for MENTIONS the Document it starts at.
std::string DocumentOf(const Element& link) {
  if (link.json.value("type", "") == "MENTIONS") return link.json.value("source", "");
  return link.Properties().value("source", "");
}

std::vector<std::pair<long, long>> SpansOf(const Element& link) {
  std::vector<std::pair<long, long>> spans;
  const auto& p = link.Properties();
  const auto& flat = p.contains("spans") ? p["spans"] : p.value("span", nlohmann::json::array());
  for (size_t i = 0; i + 1 < flat.size(); i += 2) {
    if (flat[i].is_number_integer() && flat[i + 1].is_number_integer())
      spans.emplace_back(flat[i].get<long>(), flat[i + 1].get<long>());
  }
  return spans;
}

TEST_CASE("data provenance: every seed article has its Document and every Document its seed", "[data]") {
  const auto& seeds = TheSeeds();
  if (!seeds) return;
  const auto& graph = TheBundledGraph();
  std::map<std::string, std::string> file_of_doc;
  for (const auto& node : graph.nodes) {
    const auto& p = node.Properties();
    if (!graph.HasLabel(p.value("key", ""), "Document")) continue;
    const auto file = p.value("file", "");
    if (!seeds->count(file)) FAIL_CHECK(node.Where() + ": seed file \"" + file + "\" is not in " KG_SEEDS_DIR);
    file_of_doc[file] = p.value("key", "");
  }
  for (const auto& [file, text] : *seeds) {
    if (!file_of_doc.count(file)) FAIL_CHECK("seed " + file + " has no Document node");
  }
}

TEST_CASE("data provenance: spans lie inside their seed file on character boundaries", "[data]") {
  const auto& seeds = TheSeeds();
  if (!seeds) return;
  const auto& graph = TheBundledGraph();
  for (const auto& link : graph.links) {
    const auto spans = SpansOf(link);
    if (spans.empty()) continue;
    const std::string* text = SeedOf(graph, *seeds, DocumentOf(link));
    if (!text) {
      FAIL_CHECK(link.Where() + ": no seed text for " + DocumentOf(link));
      continue;
    }
    for (const auto& [start, end] : spans) {
      if (!Slice(*text, start, end))
        FAIL_CHECK(link.Where() + ": span [" + std::to_string(start) + ", " + std::to_string(end) +
                   ") is outside the file's " + std::to_string(text->size()) + " bytes or cuts a character");
    }
  }
}

TEST_CASE("data provenance: each mention's words are the node's name or one of its aliases", "[data]") {
  const auto& seeds = TheSeeds();
  if (!seeds) return;
  const auto& graph = TheBundledGraph();
  size_t checked = 0;
  for (const auto& link : graph.links) {
    if (link.json.value("type", "") != "MENTIONS") continue;
    const std::string* text = SeedOf(graph, *seeds, DocumentOf(link));
    if (!text) continue;  // reported by the span test
    const auto target = link.json.value("target", "");
    std::set<std::string> folded_names;
    for (const auto& name : graph.NamesOf(target)) folded_names.insert(Fold(name));
    for (const auto& [start, end] : SpansOf(link)) {
      auto words = Slice(*text, start, end);
      if (!words) continue;  // reported by the span test
      ++checked;
      if (!folded_names.count(Fold(*words)))
        FAIL_CHECK(link.Where() + ": \"" + *words + "\" at [" + std::to_string(start) + ", " + std::to_string(end) +
                   ") is not a name or alias of " + target);
    }
  }
  CHECK(checked > 0);
}

TEST_CASE("data provenance: each fact's words name one of its ends or its role", "[data]") {
  const auto& seeds = TheSeeds();
  if (!seeds) return;
  const auto& graph = TheBundledGraph();
  size_t checked = 0;
  for (const auto& link : graph.links) {
    const auto type = link.json.value("type", "");
    if (type == "MENTIONS" || !link.Properties().contains("span")) continue;
    const std::string* text = SeedOf(graph, *seeds, DocumentOf(link));
    if (!text) continue;  // reported by the span test
    const auto spans = SpansOf(link);
    if (spans.size() != 1) continue;  // reported by the structure test
    auto words = Slice(*text, spans[0].first, spans[0].second);
    if (!words) continue;
    ++checked;
    const std::string folded = Fold(*words);
    std::vector<std::string> candidates = graph.NamesOf(link.json.value("source", ""));
    for (const auto& name : graph.NamesOf(link.json.value("target", ""))) candidates.push_back(name);
    const auto& p = link.Properties();
    if (p.contains("role") && p["role"].is_string()) candidates.push_back(p["role"].get<std::string>());
    bool named = false;
    for (const auto& candidate : candidates) {
      if (!candidate.empty() && folded.find(Fold(candidate)) != std::string::npos) {
        named = true;
        break;
      }
    }
    if (!named)
      FAIL_CHECK(link.Where() + ": the words \"" + *words + "\" name neither end of " + type + " " +
                 link.json.value("source", "") + "->" + link.json.value("target", "") + " nor its role");
  }
  CHECK(checked > 0);
}

}  // namespace
}  // namespace kg::data_test
