// DOT export rendered by Graphviz: `dot -Tsvg` must succeed without a word
// on stderr, and the SVG must be XML whose texts are the captions.
#include <catch2/catch.hpp>
#include <set>

#include "export_test_util.h"

namespace kg::test {
namespace {

using interchange::ExportFormat;

TEST_CASE("dot export: Graphviz renders it to SVG without errors or warnings", "[export][dot]") {
  HostileGraph g;
  const auto report = g.Export(*interchange::ParseExportFormat("dot"), "out.dot");
  CHECK(report.nodes == 5);
  CHECK(report.relationships == 5);
  const Ran ran = RunCommand(std::string(KG_DOT) + " -Tsvg '" + g.Sub("out.dot") + "' -o '" + g.Sub("out.svg") + "'");
  INFO("dot said: " << ran.err);
  CHECK(ran.exit_code == 0);
  CHECK(ran.err.empty());
  const auto svg = ReadWith("svg-text", g.Sub("out.svg"));
  std::multiset<std::string> texts;
  for (const auto& t : svg["texts"]) texts.insert(t.get<std::string>());
  // A node shows its name over its labels; the lines are separate texts.
  CHECK(texts.count("Lê \"Hoài\" <Trung> & co's") == 1);
  CHECK(texts.count(":Person:Scholar") == 1);
  CHECK(texts.count("UNESCO") == 1);
  CHECK(texts.count("Ủy ban Quốc gia UNESCO Việt Nam") == 1);
  CHECK(texts.count(":Person:We\\:ird\\\\Label") == 1);
  // No name and no labels: the id.
  CHECK(texts.count("n2") == 1);
  // The 100 kB name is cut to 60 characters.
  std::string cut;
  {
    const std::string big = BigString();
    size_t pos = 0;
    for (int i = 0; i < 60; ++i) {
      const unsigned char c = static_cast<unsigned char>(big[pos]);
      pos += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    }
    cut = big.substr(0, pos);
  }
  // Graphviz keeps the spaces, so the cut text ends where it was cut.
  bool found = false;
  for (const auto& t : texts) found = found || t == cut + "…";
  CHECK(found);
  // Edges show their types, parallel ones each.
  CHECK(texts.count("KNOWS") == 2);
  CHECK(texts.count("MEMBER_OF") == 1);
  CHECK(texts.count("SELF") == 1);
  CHECK(texts.count("HAS SPACE & <amp>") == 1);
}

TEST_CASE("dot export: quotes and backslashes are escaped, control characters replaced", "[export][dot]") {
  HostileGraph g;
  auto txn = Write(g.store());
  AddNode(*txn, {"Quote"},
          {{"name", std::string("say \"hi\" \\ back\\\nnext\x01"
                                "end")}});
  MustOk(txn->Commit());
  g.Export(*interchange::ParseExportFormat("dot"), "q.dot", "MATCH (n:Quote) RETURN n");
  const std::string dot = ReadFile(g.Sub("q.dot"));
  CHECK(dot.find("label=\"say \\\"hi\\\" \\\\ back\\\\\\nnext\xEF\xBF\xBD"
                 "end\\n:Quote\"") != std::string::npos);
  const Ran ran = RunCommand(std::string(KG_DOT) + " -Tsvg '" + g.Sub("q.dot") + "' -o '" + g.Sub("q.svg") + "'");
  CHECK(ran.exit_code == 0);
  CHECK(ran.err.empty());
  const auto svg = ReadWith("svg-text", g.Sub("q.svg"));
  std::set<std::string> texts;
  for (const auto& t : svg["texts"]) texts.insert(t.get<std::string>());
  CHECK(texts.count("say \"hi\" \\ back\\") == 1);
  CHECK(texts.count("next\xEF\xBF\xBD"
                    "end") == 1);
}

}  // namespace
}  // namespace kg::test
