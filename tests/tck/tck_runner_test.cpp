// Tests of the TCK runner's own parts: if the reader or the comparison were
// wrong, the TCK table would be wrong in ways no engine test would notice.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <limits>

#include "main/database.h"
#include "tck/case_runner.h"
#include "tck/gherkin_reader.h"
#include "tck/graph_snapshot.h"
#include "tck/tck_value.h"

namespace kg::tck {
namespace {

TckValue Parse(const std::string& text) {
  Result<TckValue> v = ParseTckValue(text);
  INFO(text);
  REQUIRE(v.ok());
  return std::move(v).value();
}

Value NodeValue(uint64_t id, std::vector<std::string> labels, ValueMap props) {
  auto view = std::make_shared<EntityView>();
  view->labels = std::move(labels);
  view->properties = std::move(props);
  return Value(NodeRef{id, view});
}

RelRef Rel(uint64_t id, const std::string& type, uint64_t start, uint64_t end) {
  auto view = std::make_shared<EntityView>();
  view->labels = {type};
  return RelRef{id, 0, start, end, view};
}

const char* const kFeature = R"(# a comment
@tag
Feature: Example

  Background:
    Given an empty graph

  Scenario: [1] plain
    When executing query:
      """
      RETURN 'a' AS x
        , 1 AS y
      """
    Then the result should be, in any order:
      | x   | y |
      | 'a\|b' | 1 |

  Scenario Outline: [2] outline <name>
    When executing query:
      """
      RETURN <expr> AS v
      """
    Then the result should be, in any order:
      | v        |
      | <result> |

    Examples:
      | name | expr | result |
      | one  | 1    | 1      |
      | two  | 'a\\b' | 'a\\b' |
)";

TEST_CASE("TCK reader expands outlines and keeps the background") {
  Result<Feature> feature = ParseFeature(kFeature, "example.feature");
  REQUIRE(feature.ok());
  std::vector<TestCase> cases = ExpandCases(*feature);
  REQUIRE(cases.size() == 3);

  CHECK(cases[0].scenario == "[1] plain");
  REQUIRE(cases[0].steps.size() == 3);
  CHECK(cases[0].steps[0].text == "an empty graph");
  // The doc string loses the indentation of its opening quotes only.
  CHECK(*cases[0].steps[1].doc_string == "RETURN 'a' AS x\n  , 1 AS y");
  CHECK(cases[0].steps[2].table[1][0] == "'a|b'");

  CHECK(cases[1].scenario == "[2] outline one");
  CHECK(*cases[1].steps[1].doc_string == "RETURN 1 AS v");
  CHECK(cases[2].steps[2].table[1][0] == "'a\\b'");
  CHECK(cases[2].example == "name=two, expr='a\\b', result='a\\b'");
  CHECK(cases[0].tags == std::vector<std::string>{"@tag"});
}

TEST_CASE("TCK reader rejects an unterminated doc string") {
  Result<Feature> feature = ParseFeature("Feature: F\n  Scenario: s\n    When executing query:\n      \"\"\"\n", "f");
  CHECK_FALSE(feature.ok());
}

TEST_CASE("TCK values keep integers and floats apart") {
  CHECK(Matches(Value(1), Parse("1"), false));
  CHECK_FALSE(Matches(Value(1), Parse("1.0"), false));
  CHECK_FALSE(Matches(Value(1.0), Parse("1"), false));
  CHECK(Matches(Value(-0.5), Parse("-0.5"), false));
  CHECK(Matches(Value(1e10), Parse("1e10"), false));
  CHECK(Matches(Value(std::nan("")), Parse("NaN"), false));
  CHECK(Matches(Value(-std::numeric_limits<double>::infinity()), Parse("-Infinity"), false));
  CHECK(Matches(Value(std::numeric_limits<int64_t>::min()), Parse("-9223372036854775808"), false));
  CHECK_FALSE(ParseTckValue("99999999999999999999").ok());
}

TEST_CASE("TCK strings unescape quotes and backslashes") {
  CHECK(Parse(R"('it\'s a \\ path')").s == R"(it's a \ path)");
  CHECK(Matches(Value("x"), Parse("'x'"), false));
  CHECK_FALSE(Matches(Value("x"), Parse("'y'"), false));
  CHECK(Matches(Value(Date::FromCivil(1984, 10, 11)), Parse("'1984-10-11'"), false));
}

TEST_CASE("TCK lists and maps") {
  const Value list(ValueList{Value(1), Value("a"), Value()});
  CHECK(Matches(list, Parse("[1, 'a', null]"), false));
  CHECK_FALSE(Matches(list, Parse("['a', 1, null]"), false));
  CHECK(Matches(list, Parse("['a', 1, null]"), true));
  CHECK_FALSE(Matches(list, Parse("[1, 'a']"), true));
  const Value map = Value::Map({{"name", Value("a")}, {"age", Value(1)}});
  CHECK(Matches(map, Parse("{name: 'a', age: 1}"), false));
  CHECK_FALSE(Matches(map, Parse("{name: 'a'}"), false));
  CHECK(Matches(Value::Map({{"", Value()}}), Parse("{``: null}"), false));
}

TEST_CASE("TCK nodes compare labels as a set and properties as a map") {
  const Value node = NodeValue(7, {"B", "A"}, {{"k", Value(1)}});
  CHECK(Matches(node, Parse("(:A:B {k: 1})"), false));
  CHECK_FALSE(Matches(node, Parse("(:A {k: 1})"), false));
  CHECK_FALSE(Matches(node, Parse("(:A:B)"), false));
  CHECK(Matches(NodeValue(1, {}, {}), Parse("()"), false));
  CHECK_FALSE(Matches(node, Parse("[:A]"), false));
}

TEST_CASE("TCK paths compare each relationship's direction") {
  PathValue path;
  path.nodes = {NodeRef{1, NodeValue(1, {"A"}, {}).as_node().view}, NodeRef{2, NodeValue(2, {"B"}, {}).as_node().view},
                NodeRef{3, NodeValue(3, {}, {}).as_node().view}};
  path.rels = {Rel(10, "T", 1, 2), Rel(11, "U", 3, 2)};
  const Value v = Value::Path(path);
  CHECK(Matches(v, Parse("<(:A)-[:T]->(:B)<-[:U]-()>"), false));
  CHECK_FALSE(Matches(v, Parse("<(:A)<-[:T]-(:B)<-[:U]-()>"), false));
  CHECK_FALSE(Matches(v, Parse("<(:A)-[:T]->(:B)-[:U]->()>"), false));
  CHECK_FALSE(Matches(v, Parse("<(:A)-[:T]->(:B)>"), false));
}

TEST_CASE("TCK parameters become kg values") {
  Result<Value> v = ToKgValue(Parse("{list: [1, 2.5], s: 'x'}"));
  REQUIRE(v.ok());
  CHECK(*v == Value::Map({{"list", Value(ValueList{Value(1), Value(2.5)})}, {"s", Value("x")}}));
  CHECK_FALSE(ToKgValue(Parse("(:A)")).ok());
}

TEST_CASE("TCK side effects count distinct labels and property triples") {
  char tmpl[] = "/tmp/kg-tck-test-XXXXXX";
  REQUIRE(mkdtemp(tmpl) != nullptr);
  const std::string dir = tmpl;
  {
    Result<std::unique_ptr<Database>> db = Database::Open(dir + "/db");
    REQUIRE(db.ok());
    Database& d = **db;
    Result<GraphSnapshot> empty = TakeSnapshot(d);
    REQUIRE(empty.ok());
    REQUIRE(d.Execute("CREATE (:User {num: 1}), (:User {num: 2})").ok());
    Result<GraphSnapshot> two = TakeSnapshot(d);
    REQUIRE(two.ok());
    SideEffects e = Diff(*empty, *two);
    CHECK(e.ToString() == "+nodes 2, +labels 1, +properties 2");
    // A changed value is one removal and one addition.
    REQUIRE(d.Execute("MATCH (n {num: 1}) SET n.num = 5").ok());
    Result<GraphSnapshot> changed = TakeSnapshot(d);
    REQUIRE(changed.ok());
    CHECK(Diff(*two, *changed).ToString() == "+properties 1, -properties 1");
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("TCK case runner passes a true case and fails a false one") {
  Result<Feature> feature = ParseFeature(R"(Feature: F
  Scenario: good
    Given an empty graph
    When executing query:
      """
      CREATE (:A {num: 1})
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 1 |
      | +labels     | 1 |
      | +properties | 1 |

  Scenario: wrong side effects
    Given an empty graph
    When executing query:
      """
      CREATE (:A)
      """
    Then the result should be empty
    And no side effects

  Scenario: unknown step
    Given an empty graph
    When executing query:
      """
      RETURN 1 AS x
      """
    Then the moon should be full
)",
                                         "f");
  REQUIRE(feature.ok());
  std::vector<TestCase> cases = ExpandCases(*feature);
  REQUIRE(cases.size() == 3);
  char tmpl[] = "/tmp/kg-tck-test-XXXXXX";
  REQUIRE(mkdtemp(tmpl) != nullptr);
  const std::string dir = tmpl;
  const CaseEnvironment env{dir + "/graphs", dir + "/db", ""};
  CHECK(RunCase(cases[0], env).verdict == CaseOutcome::Verdict::kPassed);
  const CaseOutcome wrong = RunCase(cases[1], env);
  CHECK(wrong.verdict == CaseOutcome::Verdict::kFailed);
  CHECK(wrong.reason.rfind("wrong side effects", 0) == 0);
  const CaseOutcome unknown = RunCase(cases[2], env);
  CHECK(unknown.verdict == CaseOutcome::Verdict::kFailed);
  CHECK(unknown.reason.rfind("unknown step", 0) == 0);
  CHECK_FALSE(std::filesystem::exists(dir + "/db"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kg::tck
