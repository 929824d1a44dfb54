// JSON export: kg's JSON graph format (data/README.md), which networkx's
// node_link_graph also reads.
#include <catch2/catch.hpp>
#include <sstream>

#include "export_test_util.h"

namespace kg::test {
namespace {

using interchange::ExportFormat;
using nlohmann::json;

TEST_CASE("json export: networkx node_link_graph reads it as a directed multigraph", "[export][json]") {
  HostileGraph g;
  g.Export(*interchange::ParseExportFormat("json"), "out.json");
  const auto read = ReadWith("networkx-json", g.Sub("out.json"));
  CHECK(read["directed"] == true);
  CHECK(read["multigraph"] == true);
  REQUIRE(read["nodes"].size() == 5);
  REQUIRE(read["edges"].size() == 5);
  CHECK(read["nodes"]["n0"]["labels"] == json::array({"Person", "Scholar"}));
  CHECK(read["nodes"]["n0"]["properties"]["name"] == "Lê \"Hoài\" <Trung> & co's");
  CHECK(read["nodes"]["n0"]["properties"]["vi"] == "Ủy ban Quốc gia UNESCO Việt Nam");
  CHECK(read["nodes"]["n2"]["labels"] == json::array());
  int self_loops = 0, knows = 0;
  for (const auto& e : read["edges"]) {
    if (e["source"] == e["target"]) ++self_loops;
    if (e["attrs"]["type"] == "KNOWS") {
      ++knows;
      CHECK(e["source"] == "n0");
      CHECK(e["target"] == "n1");
    }
  }
  CHECK(self_loops == 1);
  CHECK(knows == 2);
}

TEST_CASE("json export: values keep their kinds, one element per line", "[export][json]") {
  HostileGraph g;
  g.Export(*interchange::ParseExportFormat("json"), "out.json");
  const std::string text = ReadFile(g.Sub("out.json"));
  const json doc = json::parse(text);
  CHECK(doc["kg_graph"] == 1);
  CHECK(doc["graph"] == json::object());
  const json& n0 = doc["nodes"][0];
  CHECK(n0["id"] == "n0");
  const json& p = n0["properties"];
  CHECK(p["year"] == 1990);
  CHECK(p["big_int"].get<int64_t>() == 9007199254740993);
  CHECK(p["score"] == 1.5);
  CHECK(p["active"] == true);
  CHECK(p["born"] == json{{"$date", "1961-04-01"}});
  CHECK(p["tags"] == json::array({"a;b", "c\\d", "e,f", "g\"h"}));
  CHECK(p["mixed"] == 7);  // JSON needs no common type per key
  CHECK(p["ctl"] == std::string("bell\x07here\x1f"
                                "end"));  // JSON escapes control characters, losing nothing
  CHECK(p["text"] == "line one\nline two\ttabbed\r\nwindows line");
  CHECK(p["empty"] == "");
  CHECK(p["label"] == "a property named label");  // no renaming: properties have their own object
  const json& p1 = doc["nodes"][1]["properties"];
  CHECK(p1["score"].is_number_float());
  CHECK(text.find("\"score\":2.0") != std::string::npos);  // a whole float stays a float
  CHECK(p1["ratio"] == "NaN");
  CHECK(p1["bad"] ==
        "ok\xEF\xBF\xBD\xEF\xBF\xBD"
        "bad");
  CHECK(p1["tags"] == json::array());
  const json& p3 = doc["nodes"][3]["properties"];
  CHECK(p3["ratio"] == "-Infinity");
  CHECK(p3["dates"] == json::array({json{{"$date", "2024-07-09"}}, json{{"$date", "1975-04-30"}}}));
  const json& e0 = doc["links"][0];
  CHECK(e0 == json{{"id", "e0"},
                   {"type", "KNOWS"},
                   {"source", "n0"},
                   {"target", "n1"},
                   {"properties",
                    {{"label", "a property named label"},
                     {"note", "x < y && y > z"},
                     {"since", 2019},
                     {"type", "a property named type"}}}});
  // One element per line: a header line, "nodes", 5 nodes, the end of the
  // nodes, "links", 5 links, the end.
  std::istringstream lines(text);
  std::string line;
  int count = 0, elements = 0;
  while (std::getline(lines, line)) {
    ++count;
    if (line.rfind("  {\"id\":", 0) == 0) ++elements;
  }
  CHECK(elements == 10);
  CHECK(count == 15);
}

TEST_CASE("json export: an empty result writes an empty graph", "[export][json]") {
  HostileGraph g;
  const auto report = g.Export(*interchange::ParseExportFormat("json"), "empty.json", "MATCH (n:Nothing) RETURN n");
  CHECK(report.nodes == 0);
  CHECK(report.relationships == 0);
  const json doc = json::parse(ReadFile(g.Sub("empty.json")));
  CHECK(doc["nodes"] == json::array());
  CHECK(doc["links"] == json::array());
  const auto read = ReadWith("networkx-json", g.Sub("empty.json"));
  CHECK(read["nodes"].size() == 0);
}

}  // namespace
}  // namespace kg::test
