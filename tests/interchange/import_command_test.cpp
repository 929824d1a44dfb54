// The shell's side of import: `kg import` as its options parse and as it
// reports (exit codes, the summary line, file:line errors), and the REPL's
// `:import`.
#include "commands/import_command.h"

#include <CLI/CLI.hpp>
#include <sstream>

#include "import_test_util.h"

using namespace kg;        // NOLINT: test file
using namespace kg::test;  // NOLINT

namespace {

const std::string kJsonGraph = std::string(KG_IMPORT_FIXTURES) + "/json_graph";

struct KgRun {
  int code;
  std::string out, err;
};

// `kg ARGS...` with only the import subcommand wired, as main.cpp does (out is then always empty).
KgRun Kg(std::vector<std::string> argv) {
  CLI::App app{"kg"};
  std::string db;
  app.add_option("--db", db);
  shell::ImportArguments args;
  CLI::App* sub = shell::AddImportSubcommand(app, &args);
  std::vector<const char*> c_argv = {"kg"};
  for (const std::string& a : argv) c_argv.push_back(a.c_str());
  std::ostringstream out, err;
  try {
    app.parse(static_cast<int>(c_argv.size()), c_argv.data());
  } catch (const CLI::ParseError& e) {
    return KgRun{2, "", e.what()};
  }
  REQUIRE(sub->parsed());
  const int code = shell::RunImportSubcommand(args, db, err, err);  // as main.cpp: the report on stderr
  return KgRun{code, out.str(), err.str()};
}

int64_t CountNodes(const std::string& db_path) {
  auto db = Database::Open(db_path);
  REQUIRE(db.ok());
  return (*db)->Execute("MATCH (n) RETURN count(n)")->rows[0][0].as_int();
}

}  // namespace

TEST_CASE("kg import: imports, prints the counts on stderr, exits 0", "[import][shell]") {
  TempDir dir;
  const KgRun run = Kg({"import", "--db", dir.Sub("db"), kJsonGraph});
  INFO(run.err);
  CHECK(run.code == 0);
  // The report is on stderr, as kg export's is: stdout is for data.
  CHECK(run.err.rfind("imported 4 nodes and 3 relationships from " + kJsonGraph + " (", 0) == 0);
  CHECK(run.out.empty());
  CHECK(CountNodes(dir.Sub("db")) == 4);
  // --db before the word import works too.
  const KgRun before = Kg({"--db", dir.Sub("db2"), "import", "--format", "json", kJsonGraph});
  CHECK(before.code == 0);
  CHECK(CountNodes(dir.Sub("db2")) == 4);
}

TEST_CASE("kg import: bad input exits 1 with file:line and imports nothing", "[import][shell]") {
  ImportFixture f;
  const std::string bad = f.Write("bad/nodes.csv", ":ID,year:int\n1,1999\n2,abc\n");
  f.Write("good.json", "{\"kg_graph\": 1, \"nodes\": [{\"labels\": [\"A\"]}]}\n");
  const std::string db = f.Sub("db2");
  const KgRun run = Kg({"import", "--db", db, f.Sub("good.json"), f.Sub("bad")});
  CHECK(run.code == 1);
  CHECK(run.out.empty());
  CHECK(run.err == "kg import: " + bad + ":3: column 'year': 'abc' is not an int (nothing imported)\n");
  // The good file of the same import did not land either.
  CHECK(CountNodes(db) == 0);
}

TEST_CASE("kg import: bad usage exits 2", "[import][shell]") {
  TempDir dir;
  const KgRun no_db = Kg({"import", kJsonGraph});
  CHECK(no_db.code == 2);
  CHECK(no_db.err == "kg import: give the database to import into with --db PATH (the bundled graph is read-only)\n");
  const KgRun format = Kg({"import", "--db", dir.Sub("db"), "--format", "gexf", kJsonGraph});
  CHECK(format.code == 2);
  CHECK(format.err == "kg import: unknown format 'gexf'; choose graphml, json or csv\n");
  const KgRun types = Kg({"import", "--db", dir.Sub("db"), "--types", "year", kJsonGraph});
  CHECK(types.code == 2);
  CHECK(types.err.find("--types takes NAME=TYPE") != std::string::npos);
  const KgRun no_path = Kg({"import", "--db", dir.Sub("db")});
  CHECK(no_path.code == 2);
  CHECK(no_path.err.find("paths is required") != std::string::npos);
}

TEST_CASE("kg import: --types, --node-label and --rel-type reach the importer", "[import][shell]") {
  ImportFixture f;
  f.Write("g/nodes/City.csv", "id,name,pop\n0,Hà Nội,8000000\n1,Huế,650000\n");
  f.Write("g/edges/ROAD.csv", "src,dst,km\n0,1,654\n");
  const KgRun csv =
      Kg({"import", "--db", f.Sub("db2"), "--types", "id=int,pop=int", "--types", "km=float", f.Sub("g")});
  INFO(csv.err);
  REQUIRE(csv.code == 0);
  {
    auto db = Database::Open(f.Sub("db2"));
    REQUIRE(db.ok());
    auto rows = (*db)->Execute("MATCH (a:City)-[r:ROAD]->(b) RETURN a.pop, r.km")->rows;
    REQUIRE(rows.size() == 1);
    CHECK(rows[0][0] == Value(int64_t{8000000}));
    CHECK(rows[0][1] == Value(654.0));
  }
  const std::string graphml = f.Write("g.graphml",
                                      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph>"
                                      "<node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"/>"
                                      "</graph></graphml>\n");
  const KgRun gml = Kg({"import", "--db", f.Sub("db3"), "--node-label", "Person", "--rel-type", "KNOWS", graphml});
  INFO(gml.err);
  REQUIRE(gml.code == 0);
  auto db = Database::Open(f.Sub("db3"));
  REQUIRE(db.ok());
  CHECK((*db)->Execute("MATCH (:Person)-[r:KNOWS]->(:Person) RETURN count(r)")->rows[0][0] == Value(int64_t{1}));
}

TEST_CASE(":import imports into the session's database", "[import][shell]") {
  ImportFixture f;
  // A path with a space in it, quoted as a shell would.
  f.Write("my graphs/g.json",
          "{\"kg_graph\": 1, \"nodes\": [{\"labels\": [\"A\"], \"properties\": {\"name\": \"Huế\"}}]}\n");
  std::ostringstream out, err;
  CHECK(shell::RunImportCommand(f.db(), "--format json '" + f.Sub("my graphs/g.json") + "'", out, err, false));
  CHECK(out.str().rfind("imported 1 node and 0 relationships from " + f.Sub("my graphs/g.json") + " (", 0) == 0);
  CHECK(err.str().empty());
  CHECK(f.One("MATCH (a:A) RETURN a.name") == Value("Huế"));

  std::ostringstream out2, err2;
  CHECK_FALSE(shell::RunImportCommand(f.db(), "--bogus x", out2, err2, false));
  CHECK(err2.str().find("usage: :import [--format F]") != std::string::npos);
  std::ostringstream out3, err3;
  CHECK_FALSE(shell::RunImportCommand(f.db(), f.Sub("missing.json"), out3, err3, false));
  CHECK(err3.str() == ":import: " + f.Sub("missing.json") + ": no such file or directory (nothing imported)\n");
  CHECK(f.Nodes() == 1);
}
