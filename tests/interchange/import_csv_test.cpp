// CSV graphs read by ImportGraph: kg's own CSV layout (nodes.csv,
// relationships.csv) with every type, quoting and empty fields; bad rows
// refused with file:line; and gen_graph.py's layout, generated at 1000
// nodes, through a transaction and through the bulk loader.
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "import_test_util.h"

using namespace kg;        // NOLINT: test file
using namespace kg::test;  // NOLINT
using interchange::ImportMode;
using interchange::ImportOptions;

namespace {

const char kNodes[] =
    ":ID,:LABEL,name:string,born:date,tags:string[],score:float,alive:bool,n:int,years:int[],note\n"
    "1,Person;Scholar,Phan Bội Châu,1867-12-26,nhà yêu nước;nhà thơ,9.5,false,3,1904;1905,\"has \"\"quotes\"\", "
    "commas\nand a line break\"\n"
    "2,Organization,Hội Duy Tân,,,,,,,\n"
    "3,Place,\"\",,\"a\\;b;c\\\\d\",-0.25,TRUE,-7,\"\",<tag> & 'x'\n";
const char kRels[] =
    ":START_ID,:END_ID,:TYPE,since:int,roles:string[]\n"
    "1,2,FOUNDED,1904,leader;founder\n"
    "2,3,LOCATED_IN,,\n";

std::string WriteKgCsv(ImportFixture& f, const std::string& nodes = kNodes, const std::string& rels = kRels) {
  f.Write("csv/nodes.csv", nodes);
  f.Write("csv/relationships.csv", rels);
  return f.Sub("csv");
}

// Runs gen_graph.py into `out`; its manifest.
nlohmann::json GenGraph(const std::string& out, int nodes) {
  const std::string command = std::string(KG_PYTHON) + " " + KG_GEN_GRAPH + " --nodes " + std::to_string(nodes) +
                              " --out " + out + " 2>/dev/null";
  INFO(command);
  REQUIRE(std::system(command.c_str()) == 0);
  std::ifstream in(out + "/manifest.json");
  return nlohmann::json::parse(in);
}

}  // namespace

TEST_CASE("csv: kg's layout with types, lists, labels, quotes and empty fields", "[import][csv]") {
  ImportFixture f;
  auto report = f.MustImport({WriteKgCsv(f)});
  CHECK(report.nodes == 3);
  CHECK(report.relationships == 2);
  CHECK(report.formats == std::vector<interchange::ImportFormat>{*interchange::ParseImportFormat("csv")});

  auto p =
      f.Rows("MATCH (p:Person:Scholar) RETURN p.name, p.born, p.tags, p.score, p.alive, p.n, p.years, p.note, keys(p)");
  REQUIRE(p.size() == 1);
  CHECK(p[0][0] == Value("Phan Bội Châu"));
  CHECK(p[0][1] == Value(*Date::Parse("1867-12-26")));
  CHECK(p[0][2] == Value(ValueList{Value("nhà yêu nước"), Value("nhà thơ")}));
  CHECK(p[0][3] == Value(9.5));
  CHECK(p[0][4] == Value(false));
  CHECK(p[0][5] == Value(int64_t{3}));
  CHECK(p[0][6] == Value(ValueList{Value(int64_t{1904}), Value(int64_t{1905})}));
  CHECK(p[0][7] == Value("has \"quotes\", commas\nand a line break"));
  // :ID is not a property.
  CHECK(p[0][8].as_list().size() == 8);

  // Empty fields are no property at all.
  CHECK(f.One("MATCH (o:Organization) RETURN keys(o)") == Value(ValueList{Value("name")}));
  // A quoted empty field is an empty string (or list); '\' escapes ';' and '\' in lists.
  auto place = f.Rows("MATCH (x:Place) RETURN x.name, x.tags, x.score, x.alive, x.n, x.years, x.note");
  REQUIRE(place.size() == 1);
  CHECK(place[0][0] == Value(""));
  CHECK(place[0][1] == Value(ValueList{Value("a;b"), Value("c\\d")}));
  CHECK(place[0][2] == Value(-0.25));
  CHECK(place[0][3] == Value(true));
  CHECK(place[0][4] == Value(int64_t{-7}));
  CHECK(place[0][5] == Value(ValueList{}));
  CHECK(place[0][6] == Value("<tag> & 'x'"));

  auto founded = f.Rows("MATCH (:Person)-[r:FOUNDED]->(:Organization) RETURN r.since, r.roles");
  REQUIRE(founded.size() == 1);
  CHECK(founded[0][0] == Value(int64_t{1904}));
  CHECK(founded[0][1] == Value(ValueList{Value("leader"), Value("founder")}));
  CHECK(f.One("MATCH (:Organization)-[r:LOCATED_IN]->(:Place) RETURN keys(r)") == Value(ValueList{}));
}

TEST_CASE("csv: bad rows are refused with file:line and the database is unchanged", "[import][csv]") {
  ImportFixture f;
  f.Rows("CREATE (:Thing {key: 'k1'})");
  struct Case {
    const char* what;
    std::string nodes, rels;
    std::string error;  // after the csv directory
  };
  const std::string header = ":ID,:LABEL,name,n:int\n";
  const std::vector<Case> cases = {
      // The multi-line field moves the bad row to line 4.
      {"a value that is not an int", header + "1,A,\"two\nlines\",5\n2,A,x,abc\n", "",
       "/nodes.csv:4: column 'n': 'abc' is not an int"},
      {"a float in an int column", header + "1,A,x,1.5\n", "", "/nodes.csv:2: column 'n': '1.5' is not an int"},
      {"too few fields", header + "1,A,x\n", "", "/nodes.csv:2: 3 fields, but the header has 4 columns"},
      {"an unclosed quote", header + "1,A,\"x,1\n2,A,y,2\n", "", "/nodes.csv:2: a quoted field is not closed"},
      {"an unknown type", ":ID,year:integr\n1,2\n", "",
       "/nodes.csv:1: column 'year:integr': unknown type 'integr' (int, float, string, bool, date, localtime, "
       "time, localdatetime, datetime, duration, or a list of one: int[], string[]...)"},
      {"a bad date", ":ID,d:date\n1,2024-13-01\n", "", "/nodes.csv:2: column 'd': '2024-13-01' is not a date"},
      {"a bad list element", ":ID,l:int[]\n1,1;x;3\n", "",
       "/nodes.csv:2: column 'l': list element 2: 'x' is not an int"},
      {"a duplicate id", header + "1,A,x,1\n1,B,y,2\n", "",
       "/nodes.csv:3: node id \"1\" is already the id of the node at "},
      {"a key the database has", ":ID,key\n1,k2\n2,k1\n", "",
       "/nodes.csv:3: key 'k1' already belongs to node 0 of the database"},
      {"a relationship to a missing node", header + "1,A,x,1\n", ":START_ID,:END_ID,:TYPE\n1,1,R\n1,9,R\n",
       "/relationships.csv:3: end node \"9\" is not a node of this import"},
      {"a relationship without a type", header + "1,A,x,1\n", ":START_ID,:END_ID,:TYPE\n1,1,\n",
       "/relationships.csv:2: column ':TYPE': a relationship needs a type"},
      {"invalid UTF-8", header + "1,A,\xC3\x28,1\n", "", "/nodes.csv:2: column 'name': the text is not valid UTF-8"},
      {"a start column in a node file", ":ID,:START_ID\n", "",
       "/nodes.csv:1: column ':START_ID' does not belong in a node file"},
  };
  for (const Case& c : cases) {
    SECTION(c.what) {
      std::filesystem::remove_all(f.Sub("csv"));
      f.Write("csv/nodes.csv", c.nodes);
      if (!c.rels.empty()) f.Write("csv/relationships.csv", c.rels);
      const std::string error = ImportError(f.Import({f.Sub("csv")}));
      INFO(error);
      CHECK(error.rfind(f.Sub("csv") + c.error, 0) == 0);
      CHECK(f.Nodes() == 1);
      CHECK(f.Relationships() == 0);
    }
  }
}

TEST_CASE("csv: gen_graph.py's layout gives the manifest's counts and types", "[import][csv][gen_graph]") {
  ImportFixture f;
  const std::string dir = f.Sub("gen");
  const nlohmann::json manifest = GenGraph(dir, 1000);
  const int64_t total_nodes = manifest["total_nodes"].get<int64_t>();
  const int64_t total_edges = manifest["total_edges"].get<int64_t>();
  REQUIRE(total_nodes == 1000);

  auto report = f.MustImport({dir});
  CHECK(report.sink == "transaction");  // small, so no bulk load
  CHECK(static_cast<int64_t>(report.nodes) == total_nodes);
  CHECK(static_cast<int64_t>(report.relationships) == total_edges);
  CHECK(f.Nodes() == total_nodes);
  CHECK(f.Relationships() == total_edges);
  for (const auto& [label, spec] : manifest["nodes"].items()) {
    INFO(label);
    CHECK(f.One("MATCH (n:" + label + ") RETURN count(n)").as_int() == spec["count"].get<int64_t>());
    CHECK(f.One("MATCH (n:" + label + ") RETURN min(n.id)").as_int() == spec["first_id"].get<int64_t>());
  }
  for (const auto& [type, spec] : manifest["edges"].items()) {
    INFO(type);
    CHECK(f.One("MATCH ()-[r:" + type + "]->() RETURN count(r)").as_int() == spec["count"].get<int64_t>());
  }
  // The manifest's types: id and year INT64, score DOUBLE, since INT64.
  auto typed = f.Rows("MATCH (p:Person {id: 0}) RETURN p.id, p.year, p.score, p.name");
  REQUIRE(typed.size() == 1);
  CHECK(typed[0][0].is_int());
  CHECK(typed[0][1].is_int());
  CHECK(typed[0][2].is_float());
  CHECK(typed[0][3] == Value("Person 0"));
  CHECK(f.One("MATCH ()-[r:KNOWS]->() RETURN min(r.since)").is_int());
  // Edge ends are the files' global ids: HELD_IN goes from every Event to a Place.
  CHECK(f.One("MATCH (e:Event)-[:HELD_IN]->(p:Place) RETURN count(DISTINCT e)").as_int() ==
        manifest["nodes"]["Event"]["count"].get<int64_t>());
}

TEST_CASE("csv: the bulk loader gives the same graph as a transaction", "[import][csv][gen_graph]") {
  ImportFixture by_txn, by_bulk;
  const std::string dir = by_txn.Sub("gen");
  GenGraph(dir, 1000);
  by_txn.MustImport({dir});
  ImportOptions bulk;
  bulk.mode = ImportMode::kBulk;
  auto report = by_bulk.MustImport({dir}, bulk);
  CHECK(report.sink == "bulk load");
  const char* const queries[] = {
      "MATCH (n) RETURN count(n), sum(n.id), sum(n.year), sum(n.score)",
      "MATCH (a)-[r]->(b) RETURN type(r), count(r), sum(r.since), sum(a.id), sum(b.id) ORDER BY type(r)",
      "MATCH (n:Organization) RETURN count(n), collect(n.name)[0..3]",
  };
  for (const char* q : queries) {
    INFO(q);
    CHECK(by_txn.Rows(q) == by_bulk.Rows(q));
  }
}

TEST_CASE("csv: gen_graph layout typed by header suffix or --types, without a manifest", "[import][csv]") {
  ImportFixture f;
  f.Write("g/nodes/City.csv", "id:int,name,pop:int,area\n0,Hà Nội,8000000,3358.6\n1,Huế,650000,265.99\n");
  f.Write("g/edges/ROAD.csv", "src,dst,km\n0,1,\"654\"\n");
  ImportOptions options;
  options.csv_types = {{"area", "float"}, {"km", "int"}};
  auto report = f.MustImport({f.Sub("g")}, options);
  CHECK(report.nodes == 2);
  CHECK(report.relationships == 1);
  auto rows = f.Rows("MATCH (a:City)-[r:ROAD]->(b:City) RETURN a.id, a.name, a.pop, a.area, r.km, b.name");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0][0] == Value(int64_t{0}));
  CHECK(rows[0][1] == Value("Hà Nội"));
  CHECK(rows[0][2] == Value(int64_t{8000000}));
  CHECK(rows[0][3] == Value(3358.6));
  CHECK(rows[0][4] == Value(int64_t{654}));
  CHECK(rows[0][5] == Value("Huế"));
}

TEST_CASE("csv: a file shorter than the manifest says is refused", "[import][csv][gen_graph]") {
  ImportFixture f;
  const std::string dir = f.Sub("gen");
  GenGraph(dir, 200);
  // Drop the last line of the Place file.
  std::string text;
  {
    std::ifstream in(dir + "/nodes/Place.csv");
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  text.erase(text.rfind('\n', text.size() - 2) + 1);
  std::ofstream(dir + "/nodes/Place.csv", std::ios::trunc) << text;
  CHECK(ImportError(f.Import({dir})) == dir + "/nodes/Place.csv: 19 rows, but the manifest says 20");
  CHECK(f.Nodes() == 0);
}

TEST_CASE("csv: a refused bulk load leaves the database as it was", "[import][csv][gen_graph]") {
  ImportFixture f;
  f.Rows("CREATE (:Kept {name: 'x'})-[:R]->(:Kept {name: 'y'})");
  const std::string dir = f.Sub("gen");
  GenGraph(dir, 200);
  // An edge to a node that does not exist, as the file's last row (and
  // counted in the manifest).
  std::ofstream(dir + "/edges/HELD_IN.csv", std::ios::app) << "195,100000,1999\n";
  nlohmann::json manifest;
  {
    std::ifstream in(dir + "/manifest.json");
    manifest = nlohmann::json::parse(in);
  }
  const int64_t rows = manifest["edges"]["HELD_IN"]["count"].get<int64_t>() + 1;
  manifest["edges"]["HELD_IN"]["count"] = rows;
  std::ofstream(dir + "/manifest.json", std::ios::trunc) << manifest.dump();
  ImportOptions bulk;
  bulk.mode = ImportMode::kBulk;
  CHECK(ImportError(f.Import({dir}, bulk)) ==
        dir + "/edges/HELD_IN.csv:" + std::to_string(rows + 1) + ": end node 100000 is not a node of this import");
  CHECK(f.Nodes() == 2);
  CHECK(f.Relationships() == 1);
  CHECK_FALSE(std::filesystem::exists(f.Sub("db/bulk-load.tmp")));
}

TEST_CASE("csv: progress is reported, and cancelling leaves the database as it was", "[import][csv][gen_graph]") {
  ImportFixture f;
  const std::string dir = f.Sub("gen");
  const nlohmann::json manifest = GenGraph(dir, 1000);
  std::vector<interchange::ImportProgress> seen;
  ImportOptions options;
  options.progress = [&](const interchange::ImportProgress& p) { seen.push_back(p); };
  f.MustImport({dir}, options);
  REQUIRE_FALSE(seen.empty());
  CHECK(seen.front().nodes + seen.front().relationships >= 1024);
  CHECK(seen.back().bytes_total > 0);
  CHECK(seen.back().bytes_read <= seen.back().bytes_total);

  // Cancelled from the progress callback, as the shell does on Ctrl-C.
  ImportFixture g;
  std::atomic<bool> cancel{false};
  ImportOptions cancelled;
  cancelled.cancel = &cancel;
  cancelled.progress = [&](const interchange::ImportProgress&) { cancel.store(true); };
  auto r = g.Import({dir}, cancelled);
  REQUIRE(r.status().Is(ErrorKind::kInterrupted));
  CHECK(r.status().message() == "import cancelled; the database is unchanged");
  CHECK(g.Nodes() == 0);
  // The bulk loader is abandoned as well.
  cancel.store(false);
  cancelled.mode = ImportMode::kBulk;
  CHECK(g.Import({dir}, cancelled).status().Is(ErrorKind::kInterrupted));
  CHECK(g.Nodes() == 0);
  CHECK_FALSE(std::filesystem::exists(g.Sub("db/bulk-load.tmp")));
}
