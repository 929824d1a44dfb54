// Database's calls beyond Execute: Check, Evaluate, Interrupt.
#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "main/database.h"

namespace {

std::unique_ptr<kg::Database> OpenInMemory() {
  kg::DatabaseOptions options;
  options.store.in_memory = true;
  auto db = kg::Database::Open("mem", options);  // a relative name works too
  INFO(db.status().ToString());
  REQUIRE(db.ok());
  return std::move(db).value();
}

// Runs `query` on another thread and interrupts it until it returns.
kg::Result<kg::QueryResult> RunInterrupted(kg::Database& db, const std::string& query) {
  std::atomic<bool> started{false};
  std::atomic<bool> done{false};
  kg::Result<kg::QueryResult> result = kg::Status::Runtime("not run");
  std::thread runner([&] {
    started = true;
    result = db.Execute(query);
    done = true;
  });
  while (!started) std::this_thread::yield();
  // Execute clears a request made before it starts: ask until it stops.
  while (!done) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    db.Interrupt();
  }
  runner.join();
  return result;
}

}  // namespace

TEST_CASE("Check finds syntax and semantic errors without running", "[database]") {
  auto db = OpenInMemory();
  CHECK(db->Check("CREATE (:N)").ok());
  CHECK(db->Check("MATCH (n) RETURN n; RETURN 1").ok());
  CHECK(db->Check("MATCH (n:Person) RETURN m").Is(kg::ErrorKind::kSemantic));
  CHECK(db->Check("MATCH (n:Person").Is(kg::ErrorKind::kSyntax));
  auto count = db->Execute("MATCH (n) RETURN count(n)");
  REQUIRE(count.ok());
  CHECK(count->rows[0][0].as_int() == 0);  // Check ran nothing
}

TEST_CASE("Evaluate gives the value of one literal expression", "[database]") {
  auto db = OpenInMemory();
  auto list = db->Evaluate("[1, 'Huế', {a: date('2024-07-09')}]");
  REQUIRE(list.ok());
  CHECK(list->ToString() == "[1, 'Huế', {a: date('2024-07-09')}]");
  auto bad = db->Evaluate("[1, 2");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().position().column == 6);
  CHECK_FALSE(db->Evaluate("1; CREATE (:N)").ok());
  CHECK_FALSE(db->Evaluate("1 AS x").ok());
  CHECK_FALSE(db->Evaluate("1 ORDER BY 1").ok());
  CHECK_FALSE(db->Evaluate("x").ok());
  auto count = db->Execute("MATCH (n) RETURN count(n)");
  REQUIRE(count.ok());
  CHECK(count->rows[0][0].as_int() == 0);
}

TEST_CASE("Interrupt stops a running statement and its writes are not kept", "[database]") {
  auto db = OpenInMemory();
  REQUIRE(db->Execute("UNWIND range(1, 40) AS i CREATE (:N {i: i})").ok());
  REQUIRE(db->Execute("MATCH (a:N), (b:N) WHERE a <> b CREATE (a)-[:R]->(b)").ok());
  // Far more paths than could be counted before the interrupt, and a
  // write, to show that nothing of it is kept.
  auto result = RunInterrupted(*db, "MATCH p = (a:N {i: 1})-[*1..8]->(b) CREATE (:Seen) RETURN count(p)");
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().Is(kg::ErrorKind::kInterrupted));
  auto seen = db->Execute("MATCH (s:Seen) RETURN count(s)");
  REQUIRE(seen.ok());
  CHECK(seen->rows[0][0].as_int() == 0);
  // The next statement runs normally: Execute clears the request.
  auto next = db->Execute("RETURN 1");
  CHECK(next.ok());
}

TEST_CASE("Interrupt stops a long read through the graph projection", "[database]") {
  auto db = OpenInMemory();
  REQUIRE(db->Execute("UNWIND range(1, 60) AS i CREATE (:N {i: i})").ok());
  // 60^5 rows of label scans: minutes, if nothing stopped it.
  auto result = RunInterrupted(*db, "MATCH (a:N), (b:N), (c:N), (d:N), (e:N) RETURN count(*)");
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().Is(kg::ErrorKind::kInterrupted));
  // The database answers the next statement, through the same projection.
  auto count = db->Execute("MATCH (n:N) WHERE n.i = 7 RETURN count(n)");
  REQUIRE(count.ok());
  CHECK(count->rows[0][0].as_int() == 1);
}

TEST_CASE("only a whole-graph statement builds the projection, once", "[database]") {
  auto db = OpenInMemory();
  REQUIRE(db->Execute("UNWIND range(1, 5000) AS i CREATE (:N {i: i})-[:R]->(:M)").ok());
  auto built = [&](const std::string& query) {
    auto r = db->Execute("PROFILE " + query);
    INFO(r.status().ToString());
    REQUIRE(r.ok());
    return r->plan.find("building the graph projection") != std::string::npos;
  };
  CHECK_FALSE(built("MATCH (n:N) RETURN n.i LIMIT 25"));
  REQUIRE(db->Execute("CREATE INDEX ON :N(i)").ok());
  CHECK_FALSE(built("MATCH (n:N {i: 7})-[:R]->(m) RETURN m"));  // an index seek, one expansion
  CHECK(built("MATCH (n:N)-[:R]->(m:M) RETURN count(*)"));
  CHECK_FALSE(built("MATCH (n:N)-[:R]->(m:M) RETURN count(*)"));
  auto count = db->Execute("MATCH (n:N)-[:R]->(m:M) RETURN count(*) AS c");
  REQUIRE(count.ok());
  CHECK(count->rows[0][0].as_int() == 5000);
}

// What a client such as the shell reads besides results (the shell's
// banner, :read-only, Tab completion and script splitting use these).
TEST_CASE("Outline, SplitStatements, FunctionNames and read_only answer without storage headers", "[database]") {
  auto db = OpenInMemory();
  kg::Database::CatalogOutline empty = db->Outline();
  CHECK(empty.nodes == 0);
  CHECK(empty.labels.empty());
  REQUIRE(db->Execute("CREATE (:Person {name: 'An'})-[:KNOWS {since: 2020}]->(:Person:Poet {name: 'Bình'})").ok());
  REQUIRE(db->Execute("MATCH (p:Poet) DETACH DELETE p").ok());
  const kg::Database::CatalogOutline outline = db->Outline();
  CHECK(outline.nodes == 1);
  CHECK(outline.relationships == 0);
  // Names stay in the catalog when no element carries them any more.
  CHECK(outline.labels == std::vector<std::string>{"Person", "Poet"});
  CHECK(outline.relationship_types == std::vector<std::string>{"KNOWS"});
  CHECK(outline.property_keys == std::vector<std::string>{"name", "since"});

  bool open = false;
  const auto pieces = kg::Database::SplitStatements("RETURN ';'; RETURN 2;\nRETURN `a;", &open);
  REQUIRE(pieces.size() == 3);
  CHECK(pieces[0].text == "RETURN ';'");
  CHECK(pieces[0].terminated);
  CHECK(pieces[1].start.column == 12);
  CHECK(open);

  const std::vector<std::string> functions = kg::Database::FunctionNames();
  CHECK(std::is_sorted(functions.begin(), functions.end()));
  for (const char* name : {"toupper", "count", "collect", "startnode", "coalesce"}) {
    INFO(name);
    CHECK(std::binary_search(functions.begin(), functions.end(), name));
  }
  CHECK_FALSE(db->read_only());
}
