// What an independent reader should find in an export of the HostileGraph
// (export_test_util.h), written out by hand from the graph's definition
// rather than computed by the exporter's own code: the labels text, the
// caption, each attribute's name after the reserved-name rule, and each
// value's type as the file declares it.
#pragma once

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "export_test_util.h"

namespace kg::test {

// How a file format and a reader present attributes.
struct Dialect {
  // Properties renamed because a built-in attribute has their name.
  std::map<std::string, std::string> node_renames, edge_renames;
  // The reader drops empty <data></data> (networkx's GraphML reader).
  bool empty_string_absent = false;
  // The reader stores every number as a double (igraph).
  bool numbers_as_doubles = false;
  // Built-in attributes of nodes and edges besides the properties.
  bool node_labels = true;    // "labels": ":Person:Scholar"
  bool edge_id_attr = false;  // "id": "e0" (networkx's GEXF reader)
};

inline Dialect GraphmlDialect() {
  Dialect d;
  d.node_renames = {{"labels", "_labels"}, {"label", "_label"}, {"_label", "__label"}};
  d.edge_renames = {{"type", "_type"}, {"label", "_label"}};
  return d;
}

inline Dialect GexfDialect() {
  Dialect d;
  d.node_renames = {{"labels", "_labels"}, {"label", "_label"}, {"_label", "__label"}};
  d.edge_renames = {{"type", "_type"}, {"label", "_label"}, {"weight", "_weight"}, {"id", "_id"}};
  d.edge_id_attr = true;
  return d;
}

// An expected value: Tagged(...) from export_test_util.h, or a list that the
// file holds as JSON text in a string.
inline nlohmann::json ListOf(nlohmann::json items) { return nlohmann::json::array({"list", items}); }

using Attrs = std::map<std::string, nlohmann::json>;

struct ExpectedGraph {
  std::map<std::string, Attrs> nodes;  // by "n0"
  struct Edge {
    std::string source, target;
    Attrs attrs;
  };
  std::map<std::string, Edge> edges;  // by "e0"
};

inline ExpectedGraph HostileExpectation(const Dialect& d) {
  auto num = [&](int64_t v) {
    return d.numbers_as_doubles ? Tagged("float", static_cast<double>(v)) : Tagged("int", v);
  };
  auto str = [](const std::string& s) { return Tagged("str", s); };
  auto node_name = [&](const std::string& p) { return d.node_renames.count(p) ? d.node_renames.at(p) : p; };
  auto edge_name = [&](const std::string& p) { return d.edge_renames.count(p) ? d.edge_renames.at(p) : p; };
  ExpectedGraph g;

  Attrs n0;
  n0["label"] = str("Lê \"Hoài\" <Trung> & co's");
  n0["labels"] = str(":Person:Scholar");
  n0[node_name("name")] = str("Lê \"Hoài\" <Trung> & co's");
  n0[node_name("text")] = str("line one\nline two\ttabbed\r\nwindows line");
  n0[node_name("ctl")] =
      str(XmlCarried(std::string("bell\x07here\x1f"
                                 "end")));
  n0[node_name("emoji")] = str("🎉 Hà Nội 😀");
  n0[node_name("vi")] = str("Ủy ban Quốc gia UNESCO Việt Nam");
  n0[node_name("labels")] = str("a property named labels");
  n0[node_name("label")] = str("a property named label");
  n0[node_name("type")] = str("a node property named type");
  n0[node_name("_label")] = str("underscored");
  n0[node_name("year")] = num(1990);
  n0[node_name("big_int")] = num(9007199254740993);
  n0[node_name("score")] = TaggedFloat(1.5);
  n0[node_name("active")] = Tagged("bool", true);
  n0[node_name("born")] = str("1961-04-01");
  n0[node_name("tags")] = ListOf({"a;b", "c\\d", "e,f", "g\"h"});
  n0[node_name("nums")] = ListOf({1, 2, 3});
  n0[node_name("mixed")] = str("7");  // ints and strings: a string key
  if (!d.empty_string_absent) n0[node_name("empty")] = str("");
  n0[node_name("padded")] = str("  padded  ");
  g.nodes["n0"] = n0;

  Attrs n1;
  n1["label"] = str("UNESCO");
  n1["labels"] = str(":Organization");
  n1[node_name("name")] = str("UNESCO");
  n1[node_name("mixed")] = str("seven");
  n1[node_name("year")] = num(2001);
  n1[node_name("score")] = TaggedFloat(2.0);
  n1[node_name("active")] = Tagged("bool", false);
  n1[node_name("tags")] = ListOf(nlohmann::json::array());
  n1[node_name("bad")] =
      str(XmlCarried(std::string("ok\xff\xfe"
                                 "bad")));
  n1[node_name("ratio")] = TaggedFloat(std::nan(""));
  g.nodes["n1"] = n1;

  Attrs n2;
  n2["label"] = str("n2");
  g.nodes["n2"] = n2;

  Attrs n3;
  n3["label"] = str("Ủy ban Quốc gia UNESCO Việt Nam");
  n3["labels"] = str(":Person:We\\:ird\\\\Label");
  n3[node_name("name")] = str("Ủy ban Quốc gia UNESCO Việt Nam");
  n3[node_name("ratio")] = TaggedFloat(-std::numeric_limits<double>::infinity());
  n3[node_name("dates")] = ListOf({"2024-07-09", "1975-04-30"});
  g.nodes["n3"] = n3;

  Attrs n4;
  n4["label"] = str(BigString());
  n4["labels"] = str(":Document");
  n4[node_name("name")] = str(BigString());
  g.nodes["n4"] = n4;

  if (!d.node_labels) {
    for (auto& [id, attrs] : g.nodes) attrs.erase("labels");
  }

  auto edge = [&](const char* id, const char* s, const char* t, const char* type, Attrs props) {
    ExpectedGraph::Edge e{s, t, {}};
    e.attrs["type"] = str(type);
    e.attrs["label"] = str(type);
    if (d.edge_id_attr) e.attrs["id"] = str(id);
    for (auto& [k, v] : props) e.attrs[edge_name(k)] = v;
    g.edges[id] = e;
  };
  edge("e0", "n0", "n1", "KNOWS",
       {{"since", num(2019)},
        {"type", str("a property named type")},
        {"label", str("a property named label")},
        {"note", str("x < y && y > z")}});
  edge("e1", "n0", "n1", "KNOWS", {{"since", num(2020)}});
  edge("e2", "n0", "n1", "MEMBER_OF", {{"weight", TaggedFloat(0.5)}, {"id", num(77)}});
  edge("e3", "n0", "n0", "SELF", {{"since", num(1)}});
  edge("e4", "n1", "n3", "HAS SPACE & <amp>", {});
  return g;
}

// One attribute as read against its expectation.
inline void CheckValue(const std::string& where, const nlohmann::json& actual, const nlohmann::json& expected) {
  INFO(where << ": read " << actual.dump().substr(0, 300) << ", expected " << expected.dump().substr(0, 300));
  if (expected[0] == "list") {
    REQUIRE(actual[0] == "str");
    const auto items = nlohmann::json::parse(actual[1].get<std::string>());
    CHECK(items == expected[1]);
    return;
  }
  CHECK(actual[0] == expected[0]);
  CHECK(actual[1] == expected[1]);
}

// `read` is export_read.py's answer. With `exact`, an attribute the
// expectation does not name is an error too (igraph fills in every
// attribute of every element, so it is checked without).
inline void CheckGraph(const nlohmann::json& read, const ExpectedGraph& expected, bool exact) {
  CHECK(read["directed"] == true);
  REQUIRE(read["nodes"].size() == expected.nodes.size());
  REQUIRE(read["edges"].size() == expected.edges.size());
  for (const auto& [id, attrs] : expected.nodes) {
    INFO("node " << id);
    REQUIRE(read["nodes"].contains(id));
    const auto& actual = read["nodes"][id];
    for (const auto& [name, value] : attrs) {
      INFO("attribute " << name);
      REQUIRE(actual.contains(name));
      CheckValue(id + "." + name, actual[name], value);
    }
    if (exact) {
      std::set<std::string> names;
      for (const auto& item : actual.items()) names.insert(item.key());
      std::set<std::string> want;
      for (const auto& item : attrs) want.insert(item.first);
      CHECK(names == want);
    }
  }
  std::set<std::string> seen;
  for (const auto& e : read["edges"]) {
    const std::string key = e["key"].get<std::string>();
    INFO("edge " << key);
    REQUIRE(expected.edges.count(key) == 1);
    seen.insert(key);
    const auto& want = expected.edges.at(key);
    CHECK(e["source"] == want.source);
    CHECK(e["target"] == want.target);
    for (const auto& [name, value] : want.attrs) {
      INFO("attribute " << name);
      REQUIRE(e["attrs"].contains(name));
      CheckValue(key + "." + name, e["attrs"][name], value);
    }
    if (exact) CHECK(e["attrs"].size() == want.attrs.size());
  }
  CHECK(seen.size() == expected.edges.size());
}

}  // namespace kg::test
