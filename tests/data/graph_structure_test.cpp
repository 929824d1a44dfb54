// The bundled graph's structure (data/graph/*.json): what holds without the
// seed articles. Each violation is its own failed check naming file:line.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "data/bundled_graph.h"
#include "data/graph_schema.h"
#include "data/unicode_text.h"

namespace kg::data_test {
namespace {

const BundledGraph& Graph() {
  const auto& graph = TheBundledGraph();
  for (const auto& error : graph.errors) FAIL_CHECK(error);
  REQUIRE(graph.errors.empty());
  return graph;
}

bool IsStringList(const nlohmann::json& value) {
  if (!value.is_array()) return false;
  for (const auto& item : value) {
    if (!item.is_string()) return false;
  }
  return true;
}

std::string LinkName(const Element& link) {
  return link.json.value("type", "?") + " " + link.json["source"].dump() + "->" + link.json["target"].dump();
}

TEST_CASE("data graph: files are the kg JSON graph format with one element per line", "[data]") {
  const auto& graph = Graph();
  CHECK(graph.nodes.size() >= 100);
  CHECK(graph.links.size() >= 200);
  for (const auto& node : graph.nodes) {
    const auto& j = node.json;
    // Keys are the ids: a node needs no "id" of its own (data/README.md).
    if (j.contains("id")) FAIL_CHECK(node.Where() + ": node has an \"id\"; the bundled graph names nodes by key");
    if (!j.contains("labels") || !IsStringList(j["labels"]) || j["labels"].empty())
      FAIL_CHECK(node.Where() + ": labels must be a non-empty list of strings");
    if (!j.contains("properties") || !j["properties"].is_object())
      FAIL_CHECK(node.Where() + ": properties must be an object");
  }
  for (const auto& link : graph.links) {
    const auto& j = link.json;
    if (!j.contains("type") || !j["type"].is_string()) FAIL_CHECK(link.Where() + ": no type");
    if (!j.contains("source") || !j["source"].is_string() || !j.contains("target") || !j["target"].is_string())
      FAIL_CHECK(link.Where() + ": source and target must be node keys");
    if (!j.contains("properties") || !j["properties"].is_object())
      FAIL_CHECK(link.Where() + ": properties must be an object");
  }
}

TEST_CASE("data graph: keys are unique lower-case slugs whose prefix names the label", "[data]") {
  const auto& graph = Graph();
  const std::regex slug("[a-z0-9]+(/[a-z0-9-]+)+");
  std::map<std::string, std::string> first_seen;
  for (const auto& node : graph.nodes) {
    const auto& p = node.Properties();
    if (!p.contains("key") || !p["key"].is_string()) {
      FAIL_CHECK(node.Where() + ": no key");
      continue;
    }
    const auto key = p["key"].get<std::string>();
    if (!std::regex_match(key, slug)) FAIL_CHECK(node.Where() + ": key \"" + key + "\" is not a lower-case slug");
    auto [it, inserted] = first_seen.emplace(key, node.Where());
    if (!inserted) FAIL_CHECK(node.Where() + ": key \"" + key + "\" is already used at " + it->second);
    const auto prefix = key.substr(0, key.find('/'));
    auto label = LabelOfKeyPrefix().find(prefix);
    if (label == LabelOfKeyPrefix().end()) {
      FAIL_CHECK(node.Where() + ": key prefix \"" + prefix + "\" names no label");
    } else if (!graph.HasLabel(key, label->second)) {
      FAIL_CHECK(node.Where() + ": \"" + key + "\" lacks the label " + label->second);
    }
  }
}

TEST_CASE("data graph: labels and relationship types come from the data model or a documented extension", "[data]") {
  const auto& graph = Graph();
  for (const auto& node : graph.nodes) {
    std::set<std::string> labels;
    for (const auto& l : node.json["labels"]) labels.insert(l.get<std::string>());
    for (const auto& l : labels) {
      if (!AllowedLabels().count(l)) FAIL_CHECK(node.Where() + ": label " + l + " is not in the data model");
    }
    // A Ministry or Committee is also an Organization (DATA-MODEL.md).
    if ((labels.count("Ministry") || labels.count("Committee")) && !labels.count("Organization"))
      FAIL_CHECK(node.Where() + ": a Ministry or Committee must also be an Organization");
  }
  for (const auto& link : graph.links) {
    const auto type = link.json.value("type", "");
    auto rule = RelationshipRules().find(type);
    if (rule == RelationshipRules().end()) {
      FAIL_CHECK(link.Where() + ": relationship type " + type + " is neither in the data model nor documented");
      continue;
    }
    const auto from = link.json.value("source", ""), to = link.json.value("target", "");
    auto has_one = [&](const std::string& key, const std::set<std::string>& wanted) {
      for (const auto& l : wanted) {
        if (graph.HasLabel(key, l)) return true;
      }
      return false;
    };
    if (graph.node_by_key.count(from) && !has_one(from, rule->second.from))
      FAIL_CHECK(link.Where() + ": " + LinkName(link) + " may not start at that node's labels");
    if (graph.node_by_key.count(to) && !has_one(to, rule->second.to))
      FAIL_CHECK(link.Where() + ": " + LinkName(link) + " may not end at that node's labels");
    for (const auto& property : rule->second.required_properties) {
      if (!link.Properties().contains(property))
        FAIL_CHECK(link.Where() + ": " + LinkName(link) + " lacks the property " + property);
    }
  }
}

TEST_CASE("data graph: every relationship's ends and source exist", "[data]") {
  const auto& graph = Graph();
  for (const auto& link : graph.links) {
    for (const char* end : {"source", "target"}) {
      const auto key = link.json.value(end, "");
      if (!graph.node_by_key.count(key)) FAIL_CHECK(link.Where() + ": " + end + " \"" + key + "\" is not a node");
    }
    const auto& p = link.Properties();
    const auto type = link.json.value("type", "");
    if (type == "MENTIONS" || type == "PUBLISHED") {
      if (p.contains("source")) FAIL_CHECK(link.Where() + ": " + type + " has no source of its own");
      continue;
    }
    if (!p.contains("source") || !p["source"].is_string() ||
        !graph.HasLabel(p["source"].get<std::string>(), "Document"))
      FAIL_CHECK(link.Where() + ": " + LinkName(link) + ": source " + p.value("source", nlohmann::json()).dump() +
                 " is not a Document");
  }
}

TEST_CASE("data graph: text is NFC and names, aliases and titles are well-formed", "[data]") {
  const auto& graph = Graph();
  auto check_strings = [](const Element& e, const nlohmann::json& properties) {
    for (const auto& [name, value] : properties.items()) {
      std::vector<std::string> texts;
      if (value.is_string()) texts.push_back(value.get<std::string>());
      if (value.is_array()) {
        for (const auto& item : value) {
          if (item.is_string()) texts.push_back(item.get<std::string>());
        }
      }
      for (const auto& text : texts) {
        if (!IsNfc(text)) FAIL_CHECK(e.Where() + ": " + name + " \"" + text + "\" is not NFC");
      }
    }
  };
  for (const auto& node : graph.nodes) {
    const auto& p = node.Properties();
    check_strings(node, p);
    if (!p.contains("name") || !p["name"].is_string() || p["name"].get<std::string>().empty())
      FAIL_CHECK(node.Where() + ": no name");
    for (const char* list : {"aliases", "short_forms", "titles"}) {
      if (p.contains(list) && (!IsStringList(p[list]) || p[list].empty()))
        FAIL_CHECK(node.Where() + ": " + list + " must be a non-empty list of strings");
    }
    std::set<std::string> seen = {p.value("name", "")};
    for (const char* list : {"aliases", "short_forms"}) {
      if (!p.contains(list) || !IsStringList(p[list])) continue;
      for (const auto& alias : p[list]) {
        if (!seen.insert(alias.get<std::string>()).second)
          FAIL_CHECK(node.Where() + ": \"" + alias.get<std::string>() + "\" repeats the name or another alias");
      }
    }
  }
  // A name or alias identifies one node: a form two nodes share (say
  // "Hội nghị" for two conferences) is an article's short form
  // (`short_forms`, data/README.md), not an alias.
  std::map<std::string, std::string> owner;
  for (const auto& node : graph.nodes) {
    const auto& p = node.Properties();
    const auto key = p.value("key", "");
    if (graph.HasLabel(key, "Document")) continue;  // a Document's name is its title, often its event's name
    std::set<std::string> mine;
    if (p.contains("name") && p["name"].is_string()) mine.insert(Fold(p["name"].get<std::string>()));
    if (p.contains("aliases") && IsStringList(p["aliases"])) {
      for (const auto& alias : p["aliases"]) mine.insert(Fold(alias.get<std::string>()));
    }
    for (const auto& name : mine) {
      auto [it, inserted] = owner.emplace(name, key);
      if (!inserted) FAIL_CHECK(node.Where() + ": \"" + name + "\" names both " + it->second + " and " + key);
    }
  }
  for (const auto& link : graph.links) check_strings(link, link.Properties());
}

TEST_CASE("data graph: dates are ISO strings with the precision of the text", "[data]") {
  const auto& graph = Graph();
  // 2024-07-09, 2023-11, 2021, or --03-28 where the text gives a day and month but no year.
  const std::regex iso("\\d{4}(-\\d{2}(-\\d{2})?)?|--\\d{2}-\\d{2}");
  auto check = [&](const Element& e, const nlohmann::json& p) {
    for (const auto& name : DateProperties()) {
      if (!p.contains(name)) continue;
      if (!p[name].is_string() || !std::regex_match(p[name].get<std::string>(), iso))
        FAIL_CHECK(e.Where() + ": " + name + " " + p[name].dump() + " is not an ISO date string");
    }
    // What kg's validity reads (valid_from, valid_to, reported) needs a year:
    // '--03-28' would stop an as-of query with an error.
    for (const char* name : {"valid_from", "valid_to", "reported"}) {
      if (p.contains(name) && p[name].is_string() && p[name].get<std::string>().rfind("--", 0) == 0)
        FAIL_CHECK(e.Where() + ": " + name + " " + p[name].dump() + " has no year");
    }
    for (auto [from, to] : {std::pair{"valid_from", "valid_to"}, {"term_from", "term_to"}, {"start", "end"}}) {
      if (p.contains(from) && p.contains(to) && p[from].is_string() && p[to].is_string() &&
          p[from].get<std::string>() > p[to].get<std::string>())
        FAIL_CHECK(e.Where() + ": " + from + " is after " + to);
    }
  };
  for (const auto& node : graph.nodes) check(node, node.Properties());
  for (const auto& link : graph.links) check(link, link.Properties());
}

TEST_CASE("data graph: acts and events say whether they are intended, planned, offered, committed, ongoing or done",
          "[data]") {
  const auto& graph = Graph();
  auto check_value = [](const Element& e, const nlohmann::json& p) {
    if (p.contains("status") && (!p["status"].is_string() || !Statuses().count(p["status"].get<std::string>())))
      FAIL_CHECK(e.Where() + ": status " + p["status"].dump() + " is not one of data/README.md's");
  };
  for (const auto& node : graph.nodes) {
    check_value(node, node.Properties());
    const auto key = node.Properties().value("key", "");
    if (graph.HasLabel(key, "Event") && !node.Properties().contains("status"))
      FAIL_CHECK(node.Where() + ": event " + key + " has no status (done, ongoing or planned)");
  }
  for (const auto& link : graph.links) {
    const auto& p = link.Properties();
    check_value(link, p);
    const bool wanted = TypesWithStatus().count(link.json.value("type", "")) > 0;
    if (wanted && !p.contains("status")) FAIL_CHECK(link.Where() + ": " + LinkName(link) + " has no status");
    if (!wanted && p.contains("status"))
      FAIL_CHECK(link.Where() + ": " + LinkName(link) +
                 " is a state, not an act: no status (its time is its validity)");
  }
}

TEST_CASE("data graph: a quantity has its type, its precision and what it measures", "[data]") {
  const auto& graph = Graph();
  size_t quantities = 0;
  auto check = [&](const Element& e, const nlohmann::json& p) {
    for (const auto& m : Measures()) {
      if (!p.contains(m.name)) continue;
      ++quantities;
      const auto& v = p[m.name];
      bool typed = m.value == "integer" ? v.is_number_integer()
                   : m.value == "number"
                       ? v.is_number()
                       : v.is_array() && !v.empty() && std::all_of(v.begin(), v.end(), [](const nlohmann::json& x) {
                           return x.is_number_integer();
                         });
      if (!typed) FAIL_CHECK(e.Where() + ": " + m.name + " " + v.dump() + " is not an " + m.value);
      const auto precision = p.value(m.name + "_precision", nlohmann::json());
      if (!precision.is_string() || !Precisions().count(precision.get<std::string>()))
        FAIL_CHECK(e.Where() + ": " + m.name + "_precision " + precision.dump() + " is not one of data/README.md's");
      if (!p.contains(m.describe) || !p[m.describe].is_string() || p[m.describe].get<std::string>().empty())
        FAIL_CHECK(e.Where() + ": " + m.name + " has no " + m.describe);
    }
    for (const auto& [name, value] : p.items()) {
      const std::string suffix = "_precision";
      if (name.size() <= suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
        continue;
      const auto measure = name.substr(0, name.size() - suffix.size());
      if (!p.contains(measure)) FAIL_CHECK(e.Where() + ": " + name + " without " + measure);
    }
  };
  for (const auto& node : graph.nodes) check(node, node.Properties());
  for (const auto& link : graph.links) check(link, link.Properties());
  CHECK(quantities > 0);
}

TEST_CASE("data graph: every position, seat and ongoing act says when it holds", "[data]") {
  const auto& graph = Graph();
  for (const auto& link : graph.links) {
    const auto& p = link.Properties();
    if (!PositionTypes().count(link.json.value("type", "")) && p.value("status", "") != "ongoing") continue;
    if (p.contains("valid_from") || p.contains("valid_to") || p.contains("reported") || p.contains("since")) continue;
    // An article that gives no year (doc/002) dates nothing; its Document's
    // date_basis says why.
    auto doc = graph.node_by_key.find(p.value("source", ""));
    if (doc != graph.node_by_key.end() && !graph.nodes[doc->second].Properties().contains("date")) continue;
    FAIL_CHECK(link.Where() + ": " + LinkName(link) + " has neither valid_from/valid_to nor reported");
  }
}

TEST_CASE("data graph: spans are well-formed byte ranges", "[data]") {
  const auto& graph = Graph();
  auto is_range = [](const nlohmann::json& a, const nlohmann::json& b) {
    return a.is_number_integer() && b.is_number_integer() && a.get<long>() >= 0 && a.get<long>() < b.get<long>();
  };
  for (const auto& link : graph.links) {
    const auto& p = link.Properties();
    if (p.contains("span")) {
      const auto& s = p["span"];
      if (!s.is_array() || s.size() != 2 || !is_range(s[0], s[1]))
        FAIL_CHECK(link.Where() + ": span " + s.dump() + " is not [start, end) with start < end");
    }
    if (link.json.value("type", "") == "MENTIONS") {
      const auto& s = p.value("spans", nlohmann::json());
      if (!s.is_array() || s.empty() || s.size() % 2 != 0) {
        FAIL_CHECK(link.Where() + ": spans must be a flat, non-empty list of pairs");
        continue;
      }
      for (size_t i = 0; i < s.size(); i += 2) {
        if (!is_range(s[i], s[i + 1]))
          FAIL_CHECK(link.Where() + ": spans pair " + std::to_string(i / 2) + " is not a range");
        if (i >= 2 && is_range(s[i], s[i + 1]) && s[i - 1].is_number_integer() &&
            s[i].get<long>() < s[i - 1].get<long>())
          FAIL_CHECK(link.Where() + ": spans are not in text order");
      }
    }
  }
}

TEST_CASE("data graph: every node is mentioned by a document, once per document", "[data]") {
  const auto& graph = Graph();
  std::set<std::string> mentioned;
  std::set<std::pair<std::string, std::string>> pairs;
  for (const auto& link : graph.links) {
    if (link.json.value("type", "") != "MENTIONS") continue;
    const auto doc = link.json.value("source", ""), node = link.json.value("target", "");
    mentioned.insert(node);
    if (!pairs.emplace(doc, node).second)
      FAIL_CHECK(link.Where() + ": " + doc + " mentions " + node + " in two relationships; list all spans in one");
  }
  for (const auto& node : graph.nodes) {
    const auto key = node.Properties().value("key", "");
    // A Statement is not named by its article: its SAID_BY span holds its words.
    if (!graph.HasLabel(key, "Document") && !graph.HasLabel(key, "Statement") && !mentioned.count(key))
      FAIL_CHECK(node.Where() + ": " + key + " is mentioned by no document");
  }
}

TEST_CASE("data graph: a statement has a kind, a speaker, what it is about, and one source", "[data]") {
  const auto& graph = Graph();
  std::map<std::string, std::map<std::string, int>> count;  // statement -> type -> links
  std::map<std::string, std::set<std::string>> sources;
  for (const auto& link : graph.links) {
    const auto from = link.json.value("source", "");
    if (!graph.HasLabel(from, "Statement")) continue;
    ++count[from][link.json.value("type", "")];
    sources[from].insert(link.Properties().value("source", ""));
  }
  for (const auto& node : graph.nodes) {
    const auto& p = node.Properties();
    const auto key = p.value("key", "");
    if (!graph.HasLabel(key, "Statement")) continue;
    if (!p.contains("kind") || !p["kind"].is_string() || !StatementKinds().count(p["kind"].get<std::string>()))
      FAIL_CHECK(node.Where() + ": " + key + "'s kind " + p.value("kind", nlohmann::json()).dump() +
                 " is not one of data/README.md's");
    if (count[key]["SAID_BY"] == 0) FAIL_CHECK(node.Where() + ": " + key + " is said by nobody (SAID_BY)");
    if (count[key]["ABOUT"] == 0) FAIL_CHECK(node.Where() + ": " + key + " is about nothing (ABOUT)");
    if (sources[key].size() > 1) FAIL_CHECK(node.Where() + ": " + key + "'s relationships cite more than one source");
  }
}

TEST_CASE("data graph: a fact read from a judgement names a statement of its own article", "[data]") {
  const auto& graph = Graph();
  std::map<std::string, std::string> said_in;  // statement -> the source of its SAID_BY
  for (const auto& link : graph.links)
    if (link.json.value("type", "") == "SAID_BY")
      said_in[link.json.value("source", "")] = link.Properties().value("source", "");
  size_t checked = 0;
  for (const auto& link : graph.links) {
    const auto& p = link.Properties();
    if (!p.contains("according_to")) continue;
    ++checked;
    const auto statement = p["according_to"].is_string() ? p["according_to"].get<std::string>() : "";
    if (!graph.HasLabel(statement, "Statement"))
      FAIL_CHECK(link.Where() + ": according_to " + p["according_to"].dump() + " is not a Statement's key");
    else if (said_in[statement] != p.value("source", ""))
      FAIL_CHECK(link.Where() + ": according_to " + statement + " was said in " + said_in[statement] +
                 ", not in the fact's " + p.value("source", ""));
  }
  CHECK(checked > 0);
}

TEST_CASE("data graph: documents name their seed file, language and title", "[data]") {
  const auto& graph = Graph();
  const std::regex doc_key("doc/(\\d{3})");
  int documents = 0;
  for (const auto& node : graph.nodes) {
    const auto& p = node.Properties();
    const auto key = p.value("key", "");
    if (!graph.HasLabel(key, "Document")) continue;
    ++documents;
    std::smatch m;
    const auto file = p.value("file", "");
    if (!std::regex_match(key, m, doc_key) || file.rfind(m[1].str() + "_", 0) != 0)
      FAIL_CHECK(node.Where() + ": " + key + " must be doc/NNN for the seed file NNN_*.txt, not \"" + file + "\"");
    const auto language = p.value("language", "");
    if (language != "vi" && language != "en") FAIL_CHECK(node.Where() + ": language must be vi or en");
    if (p.value("title", "").empty()) FAIL_CHECK(node.Where() + ": no title");
    // Each Document says from which date it speaks, or why it cannot
    // (data/README.md, "Facts and time"); a published date is its date.
    if (p.value("date_basis", "").empty()) FAIL_CHECK(node.Where() + ": no date_basis");
    if (p.contains("published") && p.value("date", "") != p.value("published", ""))
      FAIL_CHECK(node.Where() + ": date must be the published date");
  }
  CHECK(documents == 5);
}

}  // namespace
}  // namespace kg::data_test
