// The plan cache and prepared statements must never change an answer: each
// case runs the same statements on a database with the cache and on one
// without (plan_cache_entries = 0) and compares, across the things a plan
// depends on (indexes, label counts), writes, parameters, errors and threads.
#include <catch2/catch.hpp>
#include <thread>

#include "main/database.h"

namespace {

std::unique_ptr<kg::Database> OpenInMemory(size_t plan_cache_entries = 256) {
  kg::DatabaseOptions options;
  options.store.in_memory = true;
  options.plan_cache_entries = plan_cache_entries;
  auto db = kg::Database::Open("mem", options);
  INFO(db.status().ToString());
  REQUIRE(db.ok());
  return std::move(db).value();
}

// Rows as text, sorted unless the order is part of the answer.
std::vector<std::string> Rows(const kg::QueryResult& result, bool sorted = true) {
  std::vector<std::string> rows;
  for (const auto& row : result.rows) {
    std::string line;
    for (const kg::Value& v : row) line += v.ToString() + "|";
    rows.push_back(line);
  }
  if (sorted) std::sort(rows.begin(), rows.end());
  return rows;
}

// The same statements on a cached and an uncached database.
struct Pair {
  std::unique_ptr<kg::Database> cached = OpenInMemory();
  std::unique_ptr<kg::Database> plain = OpenInMemory(0);

  // Runs `text` on both; the answers (or errors) must agree.
  std::vector<std::string> Run(const std::string& text, const kg::ValueMap& params = {}) {
    auto a = cached->Execute(text, params);
    auto b = plain->Execute(text, params);
    INFO(text);
    REQUIRE(a.ok() == b.ok());
    if (!a.ok()) {
      CHECK(a.status().ToString() == b.status().ToString());
      return {"error: " + a.status().ToString()};
    }
    CHECK(Rows(*a) == Rows(*b));
    CHECK(a->columns == b->columns);
    CHECK(a->stats.nodes_created == b->stats.nodes_created);
    CHECK(a->stats.properties_set == b->stats.properties_set);
    return Rows(*a);
  }
};

const char* const kSeed =
    "UNWIND range(1, 30) AS i CREATE (:Person {name: 'p' + toString(i % 10), i: i})-[:KNOWS]->(:Org {i: i})";

}  // namespace

TEST_CASE("A repeated statement is planned once", "[plan_cache]") {
  auto db = OpenInMemory();
  REQUIRE(db->Execute(kSeed).ok());
  const uint64_t misses = db->plan_cache_misses(), hits = db->plan_cache_hits();
  for (int i = 0; i < 5; ++i) REQUIRE(db->Execute("MATCH (p:Person) RETURN count(p)").ok());
  CHECK(db->plan_cache_misses() == misses + 1);
  CHECK(db->plan_cache_hits() == hits + 4);
}

TEST_CASE("A cached plan answers with each run's parameters", "[plan_cache]") {
  Pair dbs;
  dbs.Run(kSeed);
  const std::string q = "MATCH (p:Person {name: $name})-[:KNOWS]->(o) RETURN p.i, o.i";
  for (int round = 0; round < 2; ++round) {
    for (const char* name : {"p1", "p2", "nobody", "p1"}) {
      auto rows = dbs.Run(q, {{"name", kg::Value(name)}});
      CHECK(rows.size() == (std::string(name) == "nobody" ? 0u : 3u));
    }
  }
  // SKIP and LIMIT are parameters read at each run.
  for (int64_t n : {1, 3, 0, 2})
    CHECK(dbs.Run("MATCH (p:Person) RETURN p.i LIMIT $n", {{"n", kg::Value(n)}}).size() == size_t(n));
}

TEST_CASE("CREATE INDEX and DROP INDEX retire cached plans", "[plan_cache]") {
  Pair dbs;
  dbs.Run(kSeed);
  const std::string q = "MATCH (p:Person) WHERE p.name = $name RETURN p.i";
  const std::string explain = "EXPLAIN " + q;
  dbs.Run(q, {{"name", kg::Value("p3")}});
  dbs.Run(q, {{"name", kg::Value("p3")}});
  auto plan = [&] {
    auto r = dbs.cached->Execute(explain);
    REQUIRE(r.ok());
    return r->plan;
  };
  CHECK(plan().find("NodeIndexSeek") == std::string::npos);
  dbs.Run("CREATE INDEX ON :Person(name)");
  const uint64_t misses = dbs.cached->plan_cache_misses();
  CHECK(dbs.Run(q, {{"name", kg::Value("p3")}}).size() == 3);
  CHECK(dbs.cached->plan_cache_misses() == misses + 1);  // planned again, now with the index
  CHECK(plan().find("NodeIndexSeek") != std::string::npos);
  // Writes after the index is made reach the index and the answer.
  dbs.Run("CREATE (:Person {name: 'p3', i: 100})");
  CHECK(dbs.Run(q, {{"name", kg::Value("p3")}}).size() == 4);
  dbs.Run("DROP INDEX ON :Person(name)");
  CHECK(dbs.Run(q, {{"name", kg::Value("p3")}}).size() == 4);
  CHECK(plan().find("NodeIndexSeek") == std::string::npos);
}

TEST_CASE("Cached plans see writes, and the start point follows the counts", "[plan_cache]") {
  Pair dbs;
  const std::string count = "MATCH (a:A)-[:R]->(b:B) RETURN count(*)";
  CHECK(dbs.Run(count) == std::vector<std::string>{"0|"});
  dbs.Run("UNWIND range(1, 5) AS i CREATE (:A {i: i})-[:R]->(:B {i: i})");
  CHECK(dbs.Run(count) == std::vector<std::string>{"5|"});
  // More B than A, then more A than B: the planner starts at the rarer
  // label, and the cached plan must follow (EXPLAIN is never cached).
  dbs.Run("UNWIND range(1, 50) AS i CREATE (:B)");
  CHECK(dbs.Run(count) == std::vector<std::string>{"5|"});
  auto before = dbs.cached->Execute("EXPLAIN " + count);
  dbs.Run("UNWIND range(1, 100) AS i CREATE (:A)");
  CHECK(dbs.Run(count) == std::vector<std::string>{"5|"});
  auto after = dbs.cached->Execute("EXPLAIN " + count);
  auto plain = dbs.plain->Execute("EXPLAIN " + count);
  REQUIRE((before.ok() && after.ok() && plain.ok()));
  CHECK(after->plan == plain->plan);
  CHECK(before->plan != after->plan);
  dbs.Run("MATCH (a:A {i: 1}) DETACH DELETE a");
  CHECK(dbs.Run(count) == std::vector<std::string>{"4|"});
  // A write statement run again writes again.
  for (int i = 0; i < 3; ++i) dbs.Run("MATCH (b:B) WHERE b.i IS NOT NULL SET b.i = b.i + 1");
  CHECK(dbs.Run("MATCH (b:B) WHERE b.i IS NOT NULL RETURN sum(b.i)") == std::vector<std::string>{"30|"});
}

TEST_CASE("A write under LIMIT reads its whole input on every run", "[plan_cache]") {
  Pair dbs;
  dbs.Run("UNWIND range(1, 5) AS i CREATE (:N {seen: 0})");
  const std::string q = "MATCH (n:N) SET n.seen = n.seen + 1 RETURN n.seen LIMIT 1";
  for (int i = 0; i < 3; ++i) CHECK(dbs.Run(q).size() == 1);
  CHECK(dbs.Run("MATCH (n:N) RETURN collect(DISTINCT n.seen)") == std::vector<std::string>{"[3]|"});
}

TEST_CASE("Errors do not change the answers of later runs", "[plan_cache]") {
  Pair dbs;
  dbs.Run(kSeed);
  const std::string q = "MATCH (p:Person) WITH p ORDER BY p.i RETURN p.i / $d AS x";
  for (int i = 0; i < 2; ++i) {
    CHECK(dbs.Run(q, {{"d", kg::Value(int64_t{0})}}).front().rfind("error", 0) == 0);
    CHECK(dbs.Run(q, {{"d", kg::Value(int64_t{1})}}).size() == 30);
    CHECK(dbs.Run(q).front().rfind("error", 0) == 0);  // no $d
  }
  // A failed write keeps nothing, however often it runs.
  const std::string w = "MATCH (p:Person) SET p.flag = true WITH p RETURN 1 / (p.i - 15)";
  for (int i = 0; i < 2; ++i) CHECK(dbs.Run(w).front().rfind("error", 0) == 0);
  CHECK(dbs.Run("MATCH (p:Person) WHERE p.flag RETURN count(*)") == std::vector<std::string>{"0|"});
  // Syntax and semantic errors come back every time, with their position.
  for (int i = 0; i < 2; ++i) {
    CHECK(dbs.Run("MATCH (p:Person) RETURN q").front().rfind("error", 0) == 0);
    CHECK(dbs.Run("MATCH (p:Person RETURN p").front().rfind("error", 0) == 0);
  }
}

TEST_CASE("PROFILE and EXPLAIN are planned afresh each time", "[plan_cache]") {
  auto db = OpenInMemory();
  REQUIRE(db->Execute(kSeed).ok());
  auto first = db->Execute("PROFILE MATCH (p:Person) RETURN p.i");
  auto second = db->Execute("PROFILE MATCH (p:Person) RETURN p.i");
  REQUIRE((first.ok() && second.ok()));
  CHECK(first->plan.find("30 rows") != std::string::npos);
  CHECK(second->plan.find("30 rows") != std::string::npos);
  auto explain = db->Execute("EXPLAIN MATCH (p:Person) RETURN p.i");
  REQUIRE(explain.ok());
  CHECK(explain->plan.find("NodeByLabelScan") != std::string::npos);
}

TEST_CASE("Two threads run one cached statement at once", "[plan_cache]") {
  auto db = OpenInMemory();
  REQUIRE(db->Execute(kSeed).ok());
  const std::string q = "MATCH (p:Person {name: $name})-[:KNOWS]->(o) RETURN o.i ORDER BY o.i";
  auto prepared = db->Prepare(q);
  REQUIRE(prepared.ok());
  std::atomic<int> wrong{0};
  auto work = [&](int thread) {
    for (int i = 0; i < 300; ++i) {
      const int k = (i + thread) % 10;
      const kg::ValueMap params{{"name", kg::Value("p" + std::to_string(k))}};
      auto r = (i % 2 == 0) ? db->Execute(q, params) : (*prepared)->Execute(params);
      if (!r.ok() || r->rows.size() != 3) {
        ++wrong;
        continue;
      }
      // p<k> are the Persons with i % 10 == k; their Orgs have the same i.
      for (size_t j = 0; j < 3; ++j) {
        const int64_t expect = (k == 0 ? 10 : k) + 10 * static_cast<int64_t>(j);
        if (r->rows[j][0].as_int() != expect) ++wrong;
      }
    }
  };
  std::thread a(work, 0), b(work, 1);
  a.join();
  b.join();
  CHECK(wrong == 0);
}

TEST_CASE("Prepare reports errors at once and runs many times", "[plan_cache]") {
  auto db = OpenInMemory();
  CHECK(db->Prepare("MATCH (n RETURN n").status().Is(kg::ErrorKind::kSyntax));
  CHECK(db->Prepare("MATCH (n) RETURN m").status().Is(kg::ErrorKind::kSemantic));
  CHECK(db->Prepare("RETURN 1; RETURN 2").status().Is(kg::ErrorKind::kUsage));
  auto create = db->Prepare("CREATE (:Person {i: $i})");
  auto count = db->Prepare("MATCH (p:Person) WHERE p.i >= $min RETURN count(p)");
  auto index = db->Prepare("CREATE INDEX ON :Person(i)");
  REQUIRE((create.ok() && count.ok() && index.ok()));
  for (int64_t i = 0; i < 10; ++i) REQUIRE((*create)->Execute({{"i", kg::Value(i)}}).ok());
  auto n = (*count)->Execute({{"min", kg::Value(int64_t{5})}});
  REQUIRE(n.ok());
  CHECK(n->rows[0][0].as_int() == 5);
  REQUIRE((*index)->Execute().ok());
  REQUIRE((*create)->Execute({{"i", kg::Value(int64_t{7})}}).ok());
  n = (*count)->Execute({{"min", kg::Value(int64_t{5})}});
  REQUIRE(n.ok());
  CHECK(n->rows[0][0].as_int() == 6);
  CHECK_FALSE((*count)->Execute().ok());  // $min missing
  n = (*count)->Execute({{"min", kg::Value(int64_t{9})}});
  REQUIRE(n.ok());
  CHECK(n->rows[0][0].as_int() == 1);
}

TEST_CASE("A prepared statement outlives the cache's eviction", "[plan_cache]") {
  auto db = OpenInMemory(2);
  auto prepared = db->Prepare("RETURN $x + 1 AS y");
  REQUIRE(prepared.ok());
  for (int i = 0; i < 10; ++i) REQUIRE(db->Execute("RETURN " + std::to_string(i)).ok());  // evicts every text
  const uint64_t misses = db->plan_cache_misses();
  auto r = (*prepared)->Execute({{"x", kg::Value(int64_t{41})}});
  REQUIRE(r.ok());
  CHECK(r->rows[0][0].as_int() == 42);
  CHECK(db->plan_cache_misses() == misses);
}

TEST_CASE("Whole-graph operators answer the same on every run of a cached plan", "[plan_cache]") {
  // Hash joins, TopK and counts grouped by node keep state between their
  // Open and their last row: a cached tree must start each run afresh.
  Pair dbs;
  dbs.Run(
      "UNWIND range(1, 6) AS i CREATE (pl:Place {name: 'pl' + toString(i % 3)}) "
      "CREATE (e:Event {i: i})-[:HELD_IN]->(pl) "
      "CREATE (o:Organization {i: i})-[:LOCATED_IN]->(pl) "
      "CREATE (p:Person {name: 'p' + toString(i), i: i})-[:ATTENDED]->(e) "
      "CREATE (p)-[:MEMBER_OF]->(o)");
  const std::vector<std::string> queries = {
      "MATCH (p:Person)-[:ATTENDED]->(:Event)-[:HELD_IN]->(pl:Place), (p)-[:MEMBER_OF]->(:Organization)-[:LOCATED_IN]->"
      "(pl) RETURN count(DISTINCT p)",
      "MATCH (p:Person) RETURN p.name ORDER BY p.name DESC LIMIT 2",
      "MATCH (p:Person)-[:MEMBER_OF]->(o:Organization) RETURN o.i AS id, count(p) AS members ORDER BY members DESC, "
      "id ASC LIMIT 3",
  };
  for (int round = 0; round < 3; ++round) {
    for (const std::string& q : queries) {
      const auto first = dbs.Run(q);
      CHECK(dbs.Run(q) == first);  // the same tree, run again
    }
    // A change between rounds: one more person in every join and group.
    dbs.Run("MATCH (e:Event {i: 1}), (o:Organization {i: 1}) CREATE (:Person {name: 'q" + std::to_string(round) +
            "'})-[:ATTENDED]->(e), (:Person)-[:MEMBER_OF]->(o)");
  }
}

TEST_CASE("A procedure added or replaced retires the plans that call it", "[plan_cache][procedures]") {
  auto db = OpenInMemory();
  auto make = [](std::string column, int64_t value) {
    kg::Procedure p;
    p.name = "test.answer";
    p.columns = {{std::move(column), kg::CypherType::kInteger}};
    p.description = "One row.";
    p.run = [value](kg::ExecContext&, std::vector<kg::Value>&) -> std::unique_ptr<kg::ProcedureRows> {
      return std::make_unique<kg::VectorRows>(std::vector<std::vector<kg::Value>>{{kg::Value(value)}});
    };
    return p;
  };
  const std::string text = "CALL test.answer() YIELD a RETURN a";
  auto missing = db->Execute(text);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message().find("there is no procedure `test.answer`") != std::string::npos);

  db->RegisterProcedure(make("a", 1));
  auto prepared = db->Prepare(text);
  REQUIRE(prepared.ok());
  auto first = (*prepared)->Execute();
  REQUIRE(first.ok());
  CHECK(Rows(*first) == std::vector<std::string>{"1|"});

  // The same name again: the prepared statement answers with the new one.
  db->RegisterProcedure(make("a", 2));
  auto second = (*prepared)->Execute();
  REQUIRE(second.ok());
  CHECK(Rows(*second) == std::vector<std::string>{"2|"});

  // A new signature without the yielded column: planned again, and refused.
  db->RegisterProcedure(make("b", 3));
  auto third = (*prepared)->Execute();
  REQUIRE_FALSE(third.ok());
  CHECK(third.status().message().find("yields no column `a`") != std::string::npos);
  auto standalone = db->Execute("CALL test.answer");
  REQUIRE(standalone.ok());
  CHECK(standalone->columns == std::vector<std::string>{"b"});
}
