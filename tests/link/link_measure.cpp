// kg_link_measure: how well `kg link` finds the curated MENTIONS of the five
// seed articles (data/graph, ../shared/seeds).
//
// For each Document of data/graph, the graph used to link its article is
// data/graph without that Document and every relationship touching it (its
// MENTIONS, PUBLISHED and AUTHORED), imported into an in-memory database as
// `kg import` would; the article is then linked as `kg link --db` does, and
// the decided proposals are compared with the Document's curated MENTIONS:
//   - spans: a proposal is right when its node and its span [begin, end)
//     are a curated mention's;
//   - nodes: which nodes the article mentions at all.
// Precision = right / proposed, recall = right / curated, per article and in
// total. --min-precision / --min-recall (percent) fail the run below a floor
// (the span figures and the node figures alike); --list prints every
// disagreement with its words, to read where the matcher or the data is
// wrong. Where the seeds are missing it says so and passes.
//
//   kg_link_measure --data data/graph --seeds ../shared/seeds [--list] [--min-precision P] [--min-recall R]
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "interchange/import/importer.h"
#include "link/link_entity.h"
#include "link/mention_matcher.h"
#include "link/name_dictionary.h"
#include "main/database.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Options {
  std::string data;
  std::string seeds;
  bool list = false;
  double min_precision = 0;
  double min_recall = 0;
};

using Place = std::tuple<std::string, size_t, size_t>;  // node key, begin, end

struct Tally {
  size_t right = 0, proposed = 0, curated = 0;
  void Add(const Tally& o) {
    right += o.right;
    proposed += o.proposed;
    curated += o.curated;
  }
  double Precision() const { return proposed == 0 ? 100.0 : 100.0 * static_cast<double>(right) / proposed; }
  double Recall() const { return curated == 0 ? 100.0 : 100.0 * static_cast<double>(right) / curated; }
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Context(const std::string& text, size_t begin, size_t end) {
  size_t from = begin > 40 ? begin - 40 : 0;
  size_t to = std::min(text.size(), end + 40);
  while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
  while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
  std::string s =
      text.substr(from, begin - from) + "[" + text.substr(begin, end - begin) + "]" + text.substr(end, to - end);
  for (char& c : s) {
    if (c == '\n') c = ' ';
  }
  return s;
}

std::string Line(const std::string& name, const Tally& spans, const Tally& nodes) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(1) << std::left << std::setw(10) << name << std::right << std::setw(9)
    << spans.curated << std::setw(9) << spans.proposed << std::setw(7) << spans.right << std::setw(10)
    << spans.Precision() << std::setw(8) << spans.Recall() << std::setw(9) << nodes.curated << std::setw(9)
    << nodes.proposed << std::setw(7) << nodes.right << std::setw(10) << nodes.Precision() << std::setw(8)
    << nodes.Recall();
  return s.str();
}

int Run(const Options& options) {
  if (!fs::is_directory(options.seeds)) {
    std::cout << "kg_link_measure: no seed articles at " << options.seeds << "; nothing measured\n";
    return 0;
  }
  std::vector<std::pair<std::string, json>> files;  // name, parsed
  for (const auto& entry : fs::directory_iterator(options.data)) {
    if (entry.path().extension() == ".json") files.emplace_back(entry.path().filename().string(), json());
  }
  std::sort(files.begin(), files.end());
  std::map<std::string, std::string> documents;  // key -> seed file
  for (auto& [name, doc] : files) {
    doc = json::parse(ReadFile(fs::path(options.data) / name));
    for (const json& n : doc.value("nodes", json::array())) {
      const json& labels = n["labels"];
      if (std::find(labels.begin(), labels.end(), "Document") != labels.end()) {
        documents[n["properties"]["key"].get<std::string>()] = n["properties"]["file"].get<std::string>();
      }
    }
  }
  std::cout << "article     curated proposed  right precision  recall    nodes proposed  right precision  recall\n"
            << "            (spans)                    %       %  (nodes)                    %       %\n";
  Tally all_spans, all_nodes;
  bool measured = false;
  for (const auto& [doc_key, file] : documents) {
    // The graph without this Document and what touches it.
    std::vector<std::string> texts;
    std::set<Place> curated;
    for (const auto& [name, doc] : files) {
      json kept = doc;
      json nodes = json::array(), links = json::array();
      for (const json& n : doc.value("nodes", json::array())) {
        if (n["properties"].value("key", "") != doc_key) nodes.push_back(n);
      }
      for (const json& l : doc.value("links", json::array())) {
        if (l["source"] == doc_key && l["type"] == "MENTIONS") {
          const json& spans = l["properties"]["spans"];
          for (size_t i = 0; i + 1 < spans.size(); i += 2) {
            curated.insert({l["target"].get<std::string>(), spans[i].get<size_t>(), spans[i + 1].get<size_t>()});
          }
        }
        if (l["source"] != doc_key && l["target"] != doc_key) links.push_back(l);
      }
      kept["nodes"] = nodes;
      kept["links"] = links;
      texts.push_back(kept.dump());
    }
    std::vector<kg::interchange::NamedText> named;
    for (size_t i = 0; i < texts.size(); ++i) named.push_back({files[i].first, texts[i]});
    kg::DatabaseOptions db_options;
    db_options.store.in_memory = true;
    auto db = kg::Database::Open("link-measure-" + doc_key, db_options);
    if (!db.ok()) {
      std::cerr << "kg_link_measure: " << db.status().ToString() << "\n";
      return 1;
    }
    auto imported = kg::interchange::ImportJsonTexts(**db, named);
    if (!imported.ok()) {
      std::cerr << "kg_link_measure: " << imported.status().ToString() << "\n";
      return 1;
    }
    auto entities = kg::link::LoadLinkEntities(**db);
    if (!entities.ok()) {
      std::cerr << "kg_link_measure: " << entities.status().ToString() << "\n";
      return 1;
    }
    const kg::link::NameDictionary dictionary(std::move(entities).value());
    const fs::path seed = fs::path(options.seeds) / file;
    if (!fs::exists(seed)) {
      std::cout << doc_key << ": no seed " << seed.string() << "\n";
      continue;
    }
    const std::string text = ReadFile(seed);
    std::set<Place> proposed;
    size_t ambiguous = 0;
    for (const kg::link::Mention& m : kg::link::FindMentions(text, dictionary)) {
      if (!m.decided()) {
        ++ambiguous;
        continue;
      }
      proposed.insert({dictionary.entities()[m.candidates[0]].key, m.begin, m.end});
    }
    Tally spans, nodes;
    std::set<std::string> curated_nodes, proposed_nodes;
    for (const Place& p : curated) curated_nodes.insert(std::get<0>(p));
    for (const Place& p : proposed) proposed_nodes.insert(std::get<0>(p));
    spans.curated = curated.size();
    spans.proposed = proposed.size();
    for (const Place& p : proposed) spans.right += curated.count(p);
    nodes.curated = curated_nodes.size();
    nodes.proposed = proposed_nodes.size();
    for (const std::string& k : proposed_nodes) nodes.right += curated_nodes.count(k);
    std::cout << Line(doc_key, spans, nodes);
    if (ambiguous > 0) std::cout << "   (" << ambiguous << " ambiguous, not counted as proposed)";
    std::cout << "\n";
    all_spans.Add(spans);
    all_nodes.Add(nodes);
    measured = true;
    if (options.list) {
      for (const Place& p : proposed) {
        if (curated.count(p) == 0) {
          std::cout << "    + " << std::get<0>(p) << " " << std::get<1>(p) << "-" << std::get<2>(p) << "  "
                    << Context(text, std::get<1>(p), std::get<2>(p)) << "\n";
        }
      }
      for (const Place& p : curated) {
        if (proposed.count(p) == 0) {
          std::cout << "    - " << std::get<0>(p) << " " << std::get<1>(p) << "-" << std::get<2>(p) << "  "
                    << Context(text, std::get<1>(p), std::get<2>(p)) << "\n";
        }
      }
    }
  }
  if (!measured) return 0;
  std::cout << Line("total", all_spans, all_nodes) << "\n";
  if (options.list) std::cout << "(+ proposed, not curated; - curated, not proposed)\n";
  bool ok = true;
  for (const auto& [what, tally] : {std::pair<const char*, Tally>{"span", all_spans}, {"node", all_nodes}}) {
    if (tally.Precision() < options.min_precision) {
      std::cout << "FAILED: " << what << " precision " << tally.Precision() << " % is below the floor "
                << options.min_precision << " %\n";
      ok = false;
    }
    if (tally.Recall() < options.min_recall) {
      std::cout << "FAILED: " << what << " recall " << tally.Recall() << " % is below the floor " << options.min_recall
                << " %\n";
      ok = false;
    }
  }
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "kg_link_measure: " << arg << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--data") {
      options.data = next();
    } else if (arg == "--seeds") {
      options.seeds = next();
    } else if (arg == "--list") {
      options.list = true;
    } else if (arg == "--min-precision") {
      options.min_precision = std::stod(next());
    } else if (arg == "--min-recall") {
      options.min_recall = std::stod(next());
    } else {
      std::cerr << "usage: kg_link_measure --data DIR --seeds DIR [--list] [--min-precision P] [--min-recall R]\n";
      return 2;
    }
  }
  if (options.data.empty() || options.seeds.empty()) {
    std::cerr << "usage: kg_link_measure --data DIR --seeds DIR [--list] [--min-precision P] [--min-recall R]\n";
    return 2;
  }
  return Run(options);
}
