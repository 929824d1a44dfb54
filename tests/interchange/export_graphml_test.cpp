// GraphML export read back by three independent readers: networkx, igraph
// (through export_read.py) and Boost.Graph's read_graphml, on a graph of
// hostile values (export_test_util.h).
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>

#include "export_expectations.h"
#include "export_test_util.h"

namespace kg::test {
namespace {

using interchange::ExportFormat;

TEST_CASE("graphml export: networkx reads every node, edge and value", "[export][graphml]") {
  HostileGraph g;
  const auto report = g.Export(*interchange::ParseExportFormat("graphml"), "out.graphml");
  CHECK(report.nodes == 5);
  CHECK(report.relationships == 5);
  // Two control characters and two bytes that are not UTF-8.
  CHECK(report.replaced_characters == 4);
  const auto read = ReadWith("networkx-graphml", g.Sub("out.graphml"));
  CHECK(read["multigraph"] == true);  // parallel edges survive
  Dialect d = GraphmlDialect();
  d.empty_string_absent = true;  // networkx reads <data></data> as no value
  CheckGraph(read, HostileExpectation(d), true);
}

TEST_CASE("graphml export: igraph reads every node, edge and value", "[export][graphml]") {
  HostileGraph g;
  g.Export(*interchange::ParseExportFormat("graphml"), "out.graphml");
  const auto read = ReadWith("igraph-graphml", g.Sub("out.graphml"));
  Dialect d = GraphmlDialect();
  d.numbers_as_doubles = true;
  CheckGraph(read, HostileExpectation(d), false);
}

TEST_CASE("graphml export: a query's subgraph opens in networkx with the query's counts", "[export][graphml]") {
  HostileGraph g;
  // Two relationships and the two nodes they join; the self-loop and the
  // others are not in the result.
  const auto report = g.Export(*interchange::ParseExportFormat("graphml"), "sub.graphml",
                               "MATCH (a:Person)-[r:KNOWS]->(b:Organization) RETURN r");
  CHECK(report.nodes == 2);
  CHECK(report.relationships == 2);
  const auto read = ReadWith("networkx-graphml", g.Sub("sub.graphml"));
  CHECK(read["nodes"].size() == 2);
  CHECK(read["edges"].size() == 2);
  CHECK(read["nodes"]["n0"]["year"] == Tagged("int", 1990));
}

// Boost's read_graphml fills typed property maps; the types must match the
// file's attr.type exactly (long for integers, double, string). Boost 1.74
// reads GraphML booleans with lexical_cast<bool>, which takes only "0" and
// "1", not the "true" and "false" that kg, networkx, yEd and Gephi write
// (both are xs:boolean): a file with boolean properties stops it, so this
// graph has none (docs/interchange.md says so).
struct BoostNode {
  std::string labels, label, name, vi, text;
  long year = 0;
  double score = 0;
  double ratio = 0;
};
struct BoostEdge {
  std::string type;
  long since = -1;
};
using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, BoostNode, BoostEdge>;

TEST_CASE("graphml export: Boost read_graphml reads it with typed properties", "[export][graphml]") {
  HostileGraph g(false);
  g.Export(*interchange::ParseExportFormat("graphml"), "out.graphml");
  BoostGraph graph;
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("labels", boost::get(&BoostNode::labels, graph));
  dp.property("label", boost::get(&BoostNode::label, graph));
  dp.property("name", boost::get(&BoostNode::name, graph));
  dp.property("vi", boost::get(&BoostNode::vi, graph));
  dp.property("text", boost::get(&BoostNode::text, graph));
  dp.property("year", boost::get(&BoostNode::year, graph));
  dp.property("score", boost::get(&BoostNode::score, graph));
  dp.property("ratio", boost::get(&BoostNode::ratio, graph));
  dp.property("type", boost::get(&BoostEdge::type, graph));
  dp.property("since", boost::get(&BoostEdge::since, graph));
  std::ifstream in(g.Sub("out.graphml"));
  try {
    boost::read_graphml(in, graph, dp);
  } catch (const std::exception& e) {
    FAIL("read_graphml: " << e.what());
  }
  REQUIRE(boost::num_vertices(graph) == 5);
  REQUIRE(boost::num_edges(graph) == 5);
  // Vertices come in file order: n0 .. n4.
  const BoostNode& n0 = graph[0];
  CHECK(n0.labels == ":Person:Scholar");
  CHECK(n0.name == "Lê \"Hoài\" <Trung> & co's");
  CHECK(n0.label == n0.name);
  CHECK(n0.vi == "Ủy ban Quốc gia UNESCO Việt Nam");
  CHECK(n0.text == "line one\nline two\ttabbed\r\nwindows line");
  CHECK(n0.year == 1990);
  CHECK(n0.score == 1.5);
  CHECK(graph[1].year == 2001);
  CHECK(std::isnan(graph[1].ratio));
  CHECK(graph[3].ratio == -std::numeric_limits<double>::infinity());
  CHECK(graph[2].label == "n2");
  // All 100 kB, but for the space it ends with: Boost trims whitespace at
  // the end of a value even when it is written as a reference (networkx and
  // igraph keep it; see the tests above).
  const std::string big = BigString();
  REQUIRE(big.back() == ' ');
  CHECK(graph[4].name == big.substr(0, big.size() - 1));
  std::multimap<std::string, long> edges;
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    edges.emplace(graph[*it].type, graph[*it].since);
    if (graph[*it].type == "SELF") CHECK(boost::source(*it, graph) == boost::target(*it, graph));
  }
  CHECK(edges.count("KNOWS") == 2);
  CHECK(edges.count("MEMBER_OF") == 1);
  CHECK(edges.count("HAS SPACE & <amp>") == 1);
  CHECK(edges.find("SELF")->second == 1);
}

TEST_CASE("graphml export: keys are declared once per property and kind, typed over all values", "[export][graphml]") {
  HostileGraph g;
  g.Export(*interchange::ParseExportFormat("graphml"), "out.graphml");
  const std::string xml = ReadFile(g.Sub("out.graphml"));
  auto has = [&](const std::string& s) { return xml.find(s) != std::string::npos; };
  CHECK(has("edgedefault=\"directed\""));
  CHECK(has("xmlns=\"http://graphml.graphdrawing.org/xmlns\""));
  CHECK(has("attr.name=\"year\" attr.type=\"long\""));
  CHECK(has("attr.name=\"score\" attr.type=\"double\""));
  CHECK(has("attr.name=\"active\" attr.type=\"boolean\""));
  CHECK(has("attr.name=\"mixed\" attr.type=\"string\"/>"));
  // Dates and lists are strings that say what they were, for kg's importer.
  CHECK(has("attr.name=\"born\" attr.type=\"string\"><desc>kg:date</desc></key>"));
  CHECK(has("attr.name=\"tags\" attr.type=\"string\"><desc>kg:string[]</desc></key>"));
  CHECK(has("attr.name=\"nums\" attr.type=\"string\"><desc>kg:int[]</desc></key>"));
  CHECK(has("attr.name=\"dates\" attr.type=\"string\"><desc>kg:date[]</desc></key>"));
  // Line ends and tabs are references: they survive XML's line-end
  // normalisation and Boost's whitespace trimming.
  CHECK(has("line&#32;one&#10;line&#32;two&#9;tabbed&#13;&#10;windows line") == false);
  CHECK(has("line one&#10;line two&#9;tabbed&#13;&#10;windows line"));
  CHECK(has("for=\"node\" attr.name=\"since\"") == false);
  CHECK(has("for=\"edge\" attr.name=\"since\" attr.type=\"long\""));
}

}  // namespace
}  // namespace kg::test
