// `kg export` and the shell's `:export`, run as a user runs them: exit
// codes, the one-line report on stderr (stdout stays empty), errors, and the
// bundled graph's UNESCO neighbourhood read by networkx with the counts the
// query gives.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>

#include "export_test_util.h"

namespace kg::test {
namespace {

std::string Kg() { return KG_BINARY; }

// A small database on disk, made through kg itself.
class KgDatabase {
 public:
  KgDatabase() {
    const Ran made = RunCommand(Kg() + " --db '" + dir_.Sub("db") +
                                "' -e \"CREATE (a:Person {name: 'Hà', key: 'p/ha'})-[:KNOWS {since: 2019}]->"
                                "(b:Person {name: 'Lan', key: 'p/lan'})-[:MEMBER_OF]->(o:Organization {name: "
                                "'UNESCO', key: 'org/unesco'}), (a)-[:MEMBER_OF]->(o)\"");
    INFO(made.err);
    REQUIRE(made.exit_code == 0);
  }
  std::string Sub(const std::string& name) const { return dir_.Sub(name); }
  // kg export --db DB ARGS
  Ran Export(const std::string& args) const {
    return RunCommand(Kg() + " export --db '" + dir_.Sub("db") + "' " + args);
  }

 private:
  TempDir dir_;
};

TEST_CASE("kg export: writes the file, reports one line on stderr, exits 0", "[export][command]") {
  KgDatabase db;
  const Ran ran = db.Export("-o '" + db.Sub("g.graphml") + "' -e \"MATCH (a:Person)-[r:KNOWS]->() RETURN r\"");
  INFO(ran.err);
  CHECK(ran.exit_code == 0);
  CHECK(ran.out.empty());
  CHECK(
      std::regex_match(ran.err, std::regex("exported 2 nodes and 1 relationship to .*g\\.graphml \\([0-9.]+ s\\)\n")));
  const auto read = ReadWith("networkx-graphml", db.Sub("g.graphml"));
  CHECK(read["nodes"].size() == 2);
  CHECK(read["edges"].size() == 1);
}

TEST_CASE("kg export: the format from the file name, or --format", "[export][command]") {
  KgDatabase db;
  for (const char* file : {"g.gexf", "g.dot", "g.gv", "g.json", "g.xml"}) {
    const Ran ran = db.Export(std::string("-o '") + db.Sub(file) + "'");
    INFO(file << ": " << ran.err);
    CHECK(ran.exit_code == 0);
    CHECK(std::filesystem::is_regular_file(db.Sub(file)));
  }
  const Ran csv = db.Export("-o '" + db.Sub("csvdir") + "/'");
  CHECK(csv.exit_code == 0);
  CHECK(std::filesystem::is_regular_file(db.Sub("csvdir/nodes.csv")));
  const Ran forced = db.Export("--format dot -o '" + db.Sub("picture.txt") + "'");
  CHECK(forced.exit_code == 0);
  CHECK(ReadFile(db.Sub("picture.txt")).find("digraph kg {") != std::string::npos);
  const Ran gexf12 = db.Export("--format gexf1.2 -o '" + db.Sub("old.gexf") + "'");
  CHECK(gexf12.exit_code == 0);
  CHECK(ReadFile(db.Sub("old.gexf")).find("http://www.gexf.net/1.2draft") != std::string::npos);
}

TEST_CASE("kg export: --param and --induced", "[export][command]") {
  KgDatabase db;
  const Ran plain =
      db.Export("-o '" + db.Sub("p.json") + "' -e 'MATCH (n:Person) WHERE n.key <> $k RETURN n' --param k=\"'x'\"");
  INFO(plain.err);
  CHECK(plain.exit_code == 0);
  CHECK_THAT(plain.err, Catch::StartsWith("exported 2 nodes and 0 relationships"));
  const Ran induced = db.Export("-o '" + db.Sub("i.json") + "' -e 'MATCH (n:Person) RETURN n' --induced");
  CHECK_THAT(induced.err, Catch::StartsWith("exported 2 nodes and 1 relationship "));
}

TEST_CASE("kg export: errors are one line, bad usage exits 2 and a failure 1", "[export][command]") {
  KgDatabase db;
  const Ran syntax = db.Export("-o '" + db.Sub("x.graphml") + "' -e 'MATCH (n RETURN n'");
  CHECK(syntax.exit_code == 1);
  CHECK_THAT(syntax.err, Catch::StartsWith("kg export: -e:1:10: syntax error: "));
  CHECK(std::count(syntax.err.begin(), syntax.err.end(), '\n') == 1);
  CHECK_FALSE(std::filesystem::exists(db.Sub("x.graphml")));

  const Ran nodir = db.Export("-o '" + db.Sub("no/such/x.graphml") + "'");
  CHECK(nodir.exit_code == 1);
  CHECK_THAT(nodir.err, Catch::Contains("no such directory"));

  const Ran ext = db.Export("-o '" + db.Sub("x.txt") + "'");
  CHECK(ext.exit_code == 2);
  CHECK_THAT(ext.err, Catch::Contains("cannot tell the export format"));

  const Ran format = db.Export("--format pdf -o '" + db.Sub("x.pdf") + "'");
  CHECK(format.exit_code == 2);
  CHECK_THAT(format.err, Catch::Contains("unknown export format 'pdf'"));

  const Ran param = db.Export("-o '" + db.Sub("x.json") + "' --param novalue");
  CHECK(param.exit_code == 2);
  CHECK_THAT(param.err, Catch::Contains("--param takes name=VALUE"));

  const Ran no_output = db.Export("");
  CHECK(no_output.exit_code == 2);

  // Export opens read-only: it does not create a database that is not there.
  const Ran missing = RunCommand(Kg() + " export --db '" + db.Sub("nodb") + "' -o '" + db.Sub("x.json") + "'");
  CHECK(missing.exit_code == 1);
  CHECK_FALSE(std::filesystem::exists(db.Sub("nodb")));
}

TEST_CASE(":export in a script: parameters, --induced, a quoted file name", "[export][command]") {
  KgDatabase db;
  const std::string script = ":param k => 'p/ha'\n:export json '" + db.Sub("with space.json") +
                             "' --induced MATCH (n {key: $k})--(m) RETURN n, m\n";
  std::ofstream(db.Sub("script.kgq")) << script;
  const Ran ran = RunCommand(Kg() + " --db '" + db.Sub("db") + "' -f '" + db.Sub("script.kgq") + "'");
  INFO(ran.err);
  CHECK(ran.exit_code == 0);
  CHECK(ran.out.empty());
  CHECK_THAT(ran.err, Catch::StartsWith("exported 3 nodes and 3 relationships to "));
  const auto doc = nlohmann::json::parse(ReadFile(db.Sub("with space.json")));
  CHECK(doc["nodes"].size() == 3);
  CHECK(doc["links"].size() == 3);
  const Ran usage = RunCommand("printf ':export graphml\\n' | " + Kg() + " --db '" + db.Sub("db") + "'");
  CHECK(usage.exit_code == 1);
  CHECK_THAT(usage.err, Catch::Contains("no file given; usage: :export FORMAT FILE"));
}

TEST_CASE("kg export: the bundled graph's UNESCO neighbourhood opens in networkx with the query's counts",
          "[export][command]") {
  TempDir dir;
  const std::string pattern =
      "MATCH p = (:Organization {key: 'committee/ubqg-unesco-vn'})-[*..2]-() "
      "WHERE none(r IN relationships(p) WHERE type(r) = 'MENTIONS') ";
  // What the query itself says: its distinct nodes and relationships.
  const Ran counted = RunCommand(Kg() + " --format csv -e \"" + pattern +
                                 "UNWIND nodes(p) AS n WITH collect(DISTINCT n) AS ns, collect(p) AS ps "
                                 "UNWIND ps AS p UNWIND relationships(p) AS r "
                                 "RETURN size(ns) AS nodes, count(DISTINCT r) AS rels\"");
  INFO(counted.err);
  REQUIRE(counted.exit_code == 0);
  std::smatch m;
  REQUIRE(std::regex_search(counted.out, m, std::regex("\n([0-9]+),([0-9]+)")));
  const size_t nodes = std::stoul(m[1]), rels = std::stoul(m[2]);
  CHECK(nodes > 10);
  const Ran ran = RunCommand(Kg() + " export -o '" + dir.Sub("unesco.graphml") + "' -e \"" + pattern + "RETURN p\"");
  INFO(ran.err);
  REQUIRE(ran.exit_code == 0);
  CHECK_THAT(ran.err, Catch::StartsWith("exported " + std::to_string(nodes) + " nodes and " + std::to_string(rels) +
                                        " relationships"));
  const auto read = ReadWith("networkx-graphml", dir.Sub("unesco.graphml"));
  CHECK(read["nodes"].size() == nodes);
  CHECK(read["edges"].size() == rels);
  bool found = false;
  for (const auto& item : read["nodes"].items()) {
    found = found || item.value()["name"] == Tagged("str", "Ủy ban Quốc gia UNESCO Việt Nam");
  }
  CHECK(found);
  // The same as DOT renders without a word from Graphviz.
  const Ran dot_export = RunCommand(Kg() + " export -o '" + dir.Sub("unesco.dot") + "' -e \"" + pattern + "RETURN p\"");
  REQUIRE(dot_export.exit_code == 0);
  const Ran dot =
      RunCommand(std::string(KG_DOT) + " -Tsvg '" + dir.Sub("unesco.dot") + "' -o '" + dir.Sub("u.svg") + "'");
  CHECK(dot.exit_code == 0);
  CHECK(dot.err.empty());
}

}  // namespace
}  // namespace kg::test
