// GEXF export: networkx's read_gexf on the 1.2draft form (the version it
// knows), and the 1.3 form checked to be the same document in 1.3's
// namespace, with each edge's kind.
#include <catch2/catch.hpp>
#include <regex>

#include "export_expectations.h"
#include "export_test_util.h"

namespace kg::test {
namespace {

using interchange::ExportFormat;

TEST_CASE("gexf export: networkx reads every node, edge and typed value", "[export][gexf]") {
  HostileGraph g;
  const auto report = g.Export(*interchange::ParseExportFormat("gexf1.2"), "out.gexf");
  CHECK(report.nodes == 5);
  CHECK(report.relationships == 5);
  const auto read = ReadWith("networkx-gexf", g.Sub("out.gexf"));
  CHECK(read["multigraph"] == true);
  CheckGraph(read, HostileExpectation(GexfDialect()), true);
}

TEST_CASE("gexf export: 1.3 is the 1.2draft document in 1.3's namespace, with edge kinds", "[export][gexf]") {
  HostileGraph g;
  g.Export(*interchange::ParseExportFormat("gexf"), "out13.gexf");
  g.Export(*interchange::ParseExportFormat("gexf1.2"), "out12.gexf");
  std::string v13 = ReadFile(g.Sub("out13.gexf"));
  const std::string v12 = ReadFile(g.Sub("out12.gexf"));
  CHECK(v13.find("<gexf xmlns=\"http://gexf.net/1.3\"") != std::string::npos);
  CHECK(v13.find("version=\"1.3\"") != std::string::npos);
  CHECK(v13.find("label=\"KNOWS\" kind=\"KNOWS\"") != std::string::npos);
  CHECK(v13.find("label=\"HAS SPACE &amp; &lt;amp&gt;\" kind=\"HAS SPACE &amp; &lt;amp&gt;\"") != std::string::npos);
  // Take away what 1.3 adds and changes: what is left is the 1.2draft file.
  v13 = std::regex_replace(v13, std::regex(" kind=\"[^\"]*\""), "");
  v13 = std::regex_replace(v13, std::regex("http://gexf\\.net/1\\.3"), "http://www.gexf.net/1.2draft");
  v13 = std::regex_replace(v13, std::regex("version=\"1\\.3\""), "version=\"1.2\"");
  CHECK(v13 == v12);
}

TEST_CASE("gexf export: attributes are declared per class with GEXF types", "[export][gexf]") {
  HostileGraph g;
  g.Export(*interchange::ParseExportFormat("gexf"), "out.gexf");
  const std::string xml = ReadFile(g.Sub("out.gexf"));
  auto has = [&](const std::string& s) { return xml.find(s) != std::string::npos; };
  CHECK(has("<graph defaultedgetype=\"directed\" mode=\"static\">"));
  CHECK(has("title=\"year\" type=\"long\""));
  CHECK(has("title=\"score\" type=\"double\""));
  CHECK(has("title=\"active\" type=\"boolean\""));
  CHECK(has("title=\"mixed\" type=\"string\""));
  CHECK(has("title=\"_weight\" type=\"double\""));
  // In attribute values line breaks and tabs are character references, or
  // a parser would turn them into spaces.
  CHECK(has("value=\"line one&#10;line two&#9;tabbed&#13;&#10;windows line\""));
}

}  // namespace
}  // namespace kg::test
