// GraphML read by ImportGraph: kg's own export (labels, types, dates and
// lists back as they were), a file written by networkx (hostile text,
// typed values, an undirected graph), yEd-style markup, and bad files.
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "import_test_util.h"

using namespace kg;        // NOLINT: test file
using namespace kg::test;  // NOLINT
using interchange::ImportOptions;

namespace {

// A networkx attribute as kg should hold it.
Value Expected(const nlohmann::json& v) {
  if (v.is_boolean()) return Value(v.get<bool>());
  if (v.is_number_integer()) return Value(v.get<int64_t>());
  if (v.is_number()) return Value(v.get<double>());
  return Value(v.get<std::string>());
}

}  // namespace

TEST_CASE("graphml: kg's own export reads back as it was written", "[import][graphml]") {
  ImportFixture f;
  auto report = f.MustImport({std::string(KG_IMPORT_FIXTURES) + "/kg_export.graphml"});
  CHECK(report.nodes == 3);
  CHECK(report.relationships == 2);
  CHECK(report.formats == std::vector<interchange::ImportFormat>{*interchange::ParseImportFormat("graphml")});

  auto p = f.Rows("MATCH (p:Person:Scholar) RETURN properties(p)");
  REQUIRE(p.size() == 1);
  // No caption and no graphml_id: those are not data of kg's graph.
  const ValueMap expected = {
      {"label", Value("a property named label")},
      {"active", Value(true)},
      {"aliases", Value(ValueList{Value("Phan Văn San"), Value("Sào Nam")})},
      {"born", Value(*Date::Parse("1867-12-26"))},
      {"key", Value("person/phan-boi-chau")},
      {"mixed", Value("1")},
      {"name", Value("Phan Bội Châu")},
      {"score", Value(1.0)},
      {"visits", Value(ValueList{Value(*Date::Parse("1905-01-01")), Value(*Date::Parse("1906-06-30"))})},
  };
  CHECK(p[0][0] == Value::Map(expected));

  auto org = f.Rows("MATCH (o:Organization:`Odd:Label`) RETURN size(labels(o)), o.name, o.founded, o.score, o.mixed");
  REQUIRE(org.size() == 1);
  CHECK(org[0][0] == Value(int64_t{2}));
  CHECK(org[0][1] == Value("Hội <Duy Tân> & \"co\""));
  CHECK(org[0][2] == Value(int64_t{1904}));
  CHECK(std::isinf(org[0][3].as_float()));
  CHECK(org[0][4] == Value("one"));

  // A node with no labels and no properties stays so.
  CHECK(f.One("MATCH (n) WHERE size(labels(n)) = 0 RETURN size(keys(n))") == Value(int64_t{0}));

  auto founded = f.Rows("MATCH (:Person)-[r:FOUNDED]->(:Organization) RETURN properties(r)");
  REQUIRE(founded.size() == 1);
  const ValueMap rel = {
      {"_type", Value("underscore type")},
      {"span", Value(ValueList{Value(int64_t{120}), Value(int64_t{141})})},
      {"weight", Value(0.5)},
  };
  CHECK(founded[0][0] == Value::Map(rel));
  CHECK(f.One("MATCH (n)-[:SELF]->(n) RETURN count(*)") == Value(int64_t{1}));

  // --keep-ids keeps the export's ids too.
  ImportFixture g;
  ImportOptions keep;
  keep.keep_ids = true;
  g.MustImport({std::string(KG_IMPORT_FIXTURES) + "/kg_export.graphml"}, keep);
  CHECK(g.One("MATCH (p:Person) RETURN p.graphml_id") == Value("n3"));
}

TEST_CASE("graphml: a file written by networkx imports with its counts and values", "[import][graphml]") {
  ImportFixture f;
  const std::string file = f.Sub("nx.graphml"), expected_file = f.Sub("nx.json");
  const std::string command =
      std::string(KG_PYTHON) + " " + KG_IMPORT_TEST_DIR + "/write_networkx_graphml.py " + file + " " + expected_file;
  INFO(command);
  REQUIRE(std::system(command.c_str()) == 0);
  nlohmann::json expected;
  {
    std::ifstream in(expected_file);
    expected = nlohmann::json::parse(in);
  }

  ImportOptions options;
  options.node_label = "City";
  options.rel_type = "ROAD";
  auto report = f.MustImport({file}, options);
  CHECK(report.nodes == expected["nodes"].size());
  CHECK(report.relationships == expected["edges"].size());
  CHECK(f.One("MATCH (n:City) RETURN count(n)").as_int() == static_cast<int64_t>(expected["nodes"].size()));

  // Every node: its id kept as graphml_id, every attribute with its type,
  // and the key's <default> where the node has no value of its own.
  for (const auto& [id, attributes] : expected["nodes"].items()) {
    INFO("node " << id);
    ValueMap want = {{"graphml_id", Value(id)}};
    for (const auto& [name, v] : attributes.items()) want[name] = Expected(v);
    for (const auto& [name, v] : expected["node_default"].items()) want.emplace(name, Expected(v));
    auto rows = f.Rows("MATCH (n:City) WHERE n.graphml_id = '" + id + "' RETURN properties(n)");
    REQUIRE(rows.size() == 1);
    const ValueMap got = rows[0][0].as_map();
    CHECK(got.size() == want.size());
    for (const auto& [name, v] : want) {
      INFO("attribute " << name);
      CHECK(got.count(name) == 1);
      if (got.count(name)) CHECK(got.at(name) == v);
    }
  }
  // The undirected edges, directed from source to target as written.
  for (const auto& edge : expected["edges"]) {
    const std::string source = edge[0].get<std::string>(), target = edge[1].get<std::string>();
    INFO("edge " << source << " -> " << target);
    auto rows = f.Rows("MATCH (a)-[r:ROAD]->(b) WHERE a.graphml_id = '" + source + "' AND b.graphml_id = '" + target +
                       "' RETURN properties(r)");
    REQUIRE(rows.size() == 1);
    ValueMap want;
    for (const auto& [name, v] : edge[2].items()) want[name] = Expected(v);
    CHECK(rows[0][0] == Value::Map(want));
  }
  // The 100 000-character string arrives whole.
  CHECK(f.One("MATCH (n:City {graphml_id: 'Đà Nẵng'}) RETURN size(n.note)") == Value(int64_t{100000}));
}

TEST_CASE("graphml: other tools' markup is skipped, defaults apply, edges may come before their nodes",
          "[import][graphml]") {
  ImportFixture f;
  const std::string file = f.Write("yed.graphml", R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d0" yfiles.type="nodegraphics"/>
  <key for="node" id="d1" attr.name="description" attr.type="string"/>
  <key for="edge" id="d2" attr.name="weight" attr.type="int"><default> 1 </default></key>
  <key for="graph" id="d3" attr.name="title" attr.type="string"/>
  <graph edgedefault="directed" id="G">
    <data key="d3">a drawing</data>
    <node id="n0">
      <data key="d0"><y:ShapeNode><y:NodeLabel>Hà Nội</y:NodeLabel></y:ShapeNode></data>
      <data key="d1">thủ đô</data>
    </node>
    <node id="n1"/>
    <edge id="e0" source="n1" target="n0"/>
    <edge id="e1" source="n0" target="n2"><data key="d2">5</data></edge>
    <node id="n2"><port name="west"/></node>
  </graph>
</graphml>
)");
  auto report = f.MustImport({file});
  CHECK(report.nodes == 3);
  CHECK(report.relationships == 2);
  CHECK(f.One("MATCH (n:Node) RETURN count(n)") == Value(int64_t{3}));
  CHECK(f.One("MATCH (n:Node {graphml_id: 'n0'}) RETURN properties(n)") ==
        Value::Map({{"graphml_id", Value("n0")}, {"description", Value("thủ đô")}}));
  auto edges =
      f.Rows("MATCH (a)-[r:RELATED_TO]->(b) RETURN a.graphml_id, b.graphml_id, r.weight ORDER BY a.graphml_id");
  REQUIRE(edges.size() == 2);
  CHECK(edges[0] == std::vector<Value>{Value("n0"), Value("n2"), Value(int64_t{5})});
  CHECK(edges[1] == std::vector<Value>{Value("n1"), Value("n0"), Value(int64_t{1})});
}

TEST_CASE("graphml: bad files are refused with file:line and the database is unchanged", "[import][graphml]") {
  ImportFixture f;
  f.Rows("CREATE (:Kept {name: 'x'})");
  const std::string head =
      "<?xml version=\"1.0\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "<key id=\"d0\" for=\"node\" attr.name=\"pop\" attr.type=\"long\"/>\n"
      "<graph edgedefault=\"undirected\">\n"
      "<node id=\"a\"><data key=\"d0\">1</data></node>\n";
  struct Case {
    const char* what;
    std::string text;
    std::string error;  // after "<file>:"
  };
  const std::vector<Case> cases = {
      {"mismatched tags", head + "<node id=\"b\"><data key=\"d0\">2</node>\n</graph></graphml>\n",
       "6:32: not valid XML: mismatched tag"},
      {"an undeclared key", head + "<node id=\"b\"><data key=\"d9\">2</data></node>\n</graph></graphml>\n",
       "6: data key 'd9' is not declared by a <key>"},
      {"a value of the wrong type", head + "<node id=\"b\">\n<data key=\"d0\">abc</data></node>\n</graph></graphml>\n",
       "6: key 'pop': 'abc' is not an int"},
      {"an edge to a missing node", head + "<edge source=\"a\" target=\"zz\"/>\n</graph></graphml>\n",
       "6: edge target \"zz\" is not a node of this import"},
      {"a duplicate node id", head + "<node id=\"a\"/>\n</graph></graphml>\n",
       "6: node id \"a\" is already the id of the node at "},
      {"a nested graph", head + "<node id=\"b\"><graph/></node>\n</graph></graphml>\n",
       "6: a graph inside a node (a nested graph) is not supported"},
      {"a hyperedge", head + "<hyperedge><endpoint node=\"a\"/></hyperedge>\n</graph></graphml>\n",
       "6: hyperedges are not supported"},
      {"a truncated file", head, "6:1: not valid XML: no element found"},
      {"an entity that is not declared",
       head + "<node id=\"b\"><data key=\"d0\">&x;</data></node>\n</graph></graphml>\n",
       "6:29: not valid XML: undefined entity"},
      {"not GraphML", "<?xml version=\"1.0\"?>\n<svg/>\n", "not GraphML (no <graphml> element)"},
  };
  for (const Case& c : cases) {
    SECTION(c.what) {
      const std::string path = f.Write("bad.graphml", c.text);
      const std::string error = ImportError(f.Import({path}));
      INFO(error);
      CHECK(error.rfind(path + ":" + (c.error[0] == 'n' ? " " : "") + c.error, 0) == 0);
      CHECK(f.Nodes() == 1);
      CHECK(f.Relationships() == 0);
    }
  }
}
