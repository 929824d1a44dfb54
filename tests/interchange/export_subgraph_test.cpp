// Which elements a query's result exports: nodes and relationships in
// columns, in paths, in lists and maps at any depth, each once; a
// relationship brings its end nodes; --induced adds the relationships
// among the exported nodes.
#include <catch2/catch.hpp>
#include <set>

#include "export_test_util.h"
#include "interchange/export/subgraph.h"

namespace kg::test {
namespace {

using interchange::ExportFormat;
using nlohmann::json;

// A small graph: a chain p0 -> p1 -> p2 -> p3 of KNOWS, p0 -[LIKES]-> p2,
// p1 -[:MEMBER_OF]-> org, and p3 -[:KNOWS]-> p3.
class ChainGraph {
 public:
  ChainGraph() {
    DatabaseOptions options;
    options.store.in_memory = true;
    static int n = 0;
    db_ = Must(Database::Open("export-subgraph-" + std::to_string(++n), options));
    MustOk(db_->Execute("CREATE (p0:Person {name: 'p0'})-[:KNOWS]->(p1:Person {name: 'p1'})"
                        "-[:KNOWS]->(p2:Person {name: 'p2'})-[:KNOWS]->(p3:Person {name: 'p3'}),"
                        "(p0)-[:LIKES]->(p2), (p1)-[:MEMBER_OF]->(:Organization {name: 'org'}), (p3)-[:KNOWS]->(p3)")
               .status());
  }
  Database& db() { return *db_; }

  // The names of the exported nodes and "start-TYPE->end" of the edges,
  // from the JSON export of `query`.
  struct Exported {
    std::set<std::string> nodes;
    std::multiset<std::string> edges;
  };
  Exported Export(const std::string& query, bool induced = false) {
    interchange::ExportOptions options;
    options.format = *interchange::ParseExportFormat("json");
    options.query = query;
    options.induced = induced;
    auto report = interchange::ExportGraph(*db_, dir_.Sub("out.json"), options);
    INFO(query << ": " << report.status().ToString());
    REQUIRE(report.ok());
    const json doc = json::parse(ReadFile(dir_.Sub("out.json")));
    Exported e;
    std::map<std::string, std::string> names;
    for (const auto& n : doc["nodes"]) {
      names[n["id"]] = n["properties"]["name"];
      e.nodes.insert(n["properties"]["name"].get<std::string>());
    }
    for (const auto& l : doc["links"]) {
      e.edges.insert(names.at(l["source"]) + "-" + l["type"].get<std::string>() + "->" + names.at(l["target"]));
    }
    CHECK(report->nodes == e.nodes.size());
    CHECK(report->relationships == e.edges.size());
    return e;
  }

 private:
  TempDir dir_;
  std::unique_ptr<Database> db_;
};

using Names = std::set<std::string>;
using Edges = std::multiset<std::string>;

TEST_CASE("subgraph: nodes in columns, each once", "[export][subgraph]") {
  ChainGraph g;
  auto e = g.Export("MATCH (a:Person)-[:KNOWS]->(b) RETURN a, b, a AS again");
  CHECK(e.nodes == Names{"p0", "p1", "p2", "p3"});
  CHECK(e.edges.empty());
}

TEST_CASE("subgraph: a relationship brings its two end nodes", "[export][subgraph]") {
  ChainGraph g;
  auto e = g.Export("MATCH (:Person {name: 'p1'})-[r]->() RETURN r");
  CHECK(e.nodes == Names{"p1", "p2", "org"});
  CHECK(e.edges == Edges{"p1-KNOWS->p2", "p1-MEMBER_OF->org"});
}

TEST_CASE("subgraph: paths give their nodes and relationships", "[export][subgraph]") {
  ChainGraph g;
  auto e = g.Export("MATCH p = (:Person {name: 'p0'})-[:KNOWS*2]->() RETURN p");
  CHECK(e.nodes == Names{"p0", "p1", "p2"});
  CHECK(e.edges == Edges{"p0-KNOWS->p1", "p1-KNOWS->p2"});
}

TEST_CASE("subgraph: a self-loop in a path is exported once", "[export][subgraph]") {
  ChainGraph g;
  auto e = g.Export("MATCH p = (:Person {name: 'p2'})-[:KNOWS*1..2]->(x) RETURN p");
  CHECK(e.nodes == Names{"p2", "p3"});
  CHECK(e.edges == Edges{"p2-KNOWS->p3", "p3-KNOWS->p3"});
}

TEST_CASE("subgraph: elements inside lists and maps, at any depth", "[export][subgraph]") {
  ChainGraph g;
  auto e = g.Export(
      "MATCH (a:Person {name: 'p0'})-[r:LIKES]->(b) "
      "RETURN {who: a, deep: {rels: [r], more: [[b]]}} AS m, 42 AS answer, 'text' AS s");
  CHECK(e.nodes == Names{"p0", "p2"});
  CHECK(e.edges == Edges{"p0-LIKES->p2"});
  auto l = g.Export("MATCH (o:Organization) RETURN collect(o) AS orgs, [1, 2] AS numbers");
  CHECK(l.nodes == Names{"org"});
}

TEST_CASE("subgraph: --induced adds every relationship among the exported nodes", "[export][subgraph]") {
  ChainGraph g;
  const std::string q = "MATCH (n:Person) WHERE n.name IN ['p0', 'p1', 'p2'] RETURN n";
  auto plain = g.Export(q);
  CHECK(plain.nodes == Names{"p0", "p1", "p2"});
  CHECK(plain.edges.empty());
  auto induced = g.Export(q, true);
  CHECK(induced.nodes == Names{"p0", "p1", "p2"});
  // Not p2 -> p3 nor p1 -> org: their other end is not exported.
  CHECK(induced.edges == Edges{"p0-KNOWS->p1", "p1-KNOWS->p2", "p0-LIKES->p2"});
  auto loop = g.Export("MATCH (n:Person {name: 'p3'}) RETURN n", true);
  CHECK(loop.edges == Edges{"p3-KNOWS->p3"});
}

TEST_CASE("subgraph: no query is the whole graph, a result without elements an empty one", "[export][subgraph]") {
  ChainGraph g;
  auto whole = g.Export("");
  CHECK(whole.nodes == Names{"p0", "p1", "p2", "p3", "org"});
  CHECK(whole.edges.size() == 6);
  auto none = g.Export("RETURN 1 AS one");
  CHECK(none.nodes.empty());
  CHECK(none.edges.empty());
}

TEST_CASE("subgraph: parameters reach the query", "[export][subgraph]") {
  ChainGraph g;
  interchange::ExportOptions options;
  options.format = *interchange::ParseExportFormat("json");
  options.query = "MATCH (n {name: $who}) RETURN n";
  options.params["who"] = Value("org");
  TempDir dir;
  auto r = interchange::ExportGraph(g.db(), dir.Sub("p.json"), options);
  REQUIRE(r.ok());
  CHECK(r->nodes == 1);
}

TEST_CASE("subgraph: Subgraph::FromRows collects ids without reading the store", "[export][subgraph]") {
  RelRef r;
  r.id = 9;
  r.start = 1;
  r.end = 2;
  NodeRef n;
  n.id = 5;
  PathValue path;
  path.nodes = {NodeRef{2, nullptr}, NodeRef{3, nullptr}};
  path.rels = {RelRef{8, 0, 3, 2, nullptr}};
  const std::vector<std::vector<Value>> rows = {
      {Value(n), Value(r)}, {Value(ValueList{Value(n), Value::Map({{"p", Value::Path(path)}})}), Value(int64_t{1})}};
  const auto s = interchange::Subgraph::FromRows(rows);
  CHECK(s.nodes() == std::vector<NodeId>{1, 2, 3, 5});
  CHECK(s.relationships() == std::vector<RelId>{8, 9});
  CHECK_FALSE(s.whole());
}

}  // namespace
}  // namespace kg::test
