// The planner reads the parser's statement and never changes it: a plan
// owns the bound expressions it runs, so the same statement can be planned
// again (after a commit retires a cached plan) and gives the same plan.
#include "planner/planner.h"

#include <catch2/catch.hpp>

#include "parser/parser.h"
#include "storage/catalog.h"

namespace kg {
namespace {

TEST_CASE("Planning leaves the statement as the parser made it", "[planner]") {
  auto parsed = ParseStatements(
      "MATCH (a:Person)-->(), (a)-[:KNOWS*1..2]->(b {name: 'x'}) WHERE exists((a)--()) "
      "WITH a, b, count(*) AS c ORDER BY c RETURN a, [(a)-->(m) | m.name] AS names, c SKIP 1 LIMIT 5");
  REQUIRE(parsed.ok());
  const ast::Statement& statement = parsed->at(0);
  const Catalog catalog;
  const Plan first = PlanQuery(statement.query, catalog, nullptr);
  // Anonymous elements are named on the planner's copy of the pattern only.
  const ast::Clause& match = statement.query.parts[0].clauses[0];
  CHECK(match.pattern[0].nodes[1].variable.empty());
  CHECK(match.pattern[0].rels[0].variable.empty());
  const Plan second = PlanQuery(statement.query, catalog, nullptr);
  CHECK(DescribePlan(*first.root, false) == DescribePlan(*second.root, false));
  CHECK(first.width == second.width);
  CHECK(first.columns == second.columns);
  CHECK(first.pattern_plans.size() == 2);  // exists((a)--()) and the comprehension
}

}  // namespace
}  // namespace kg
