// The expression evaluator, scalar functions and aggregates, checked the
// way a user would see them: `RETURN <expression>` is parsed and its one
// projection bound (binder/) and evaluated.
#include "exec/expression_evaluator.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <string>

#include "binder/expression_binder.h"
#include "exec/aggregator.h"
#include "exec/functions.h"
#include "exec/query_error.h"
#include "parser/parser.h"
#include "test_util.h"

namespace kg {
namespace {

// Gives comprehension variables fresh slots; patterns and subqueries are not planned here.
class TestHost : public binder::ExpressionBinder::Host {
 public:
  explicit TestHost(int next) : next_(next) {}
  int NewSlot() override { return next_++; }
  void PlanPatternExpression(const ast::PatternPart&, binder::Scope&, bool, const bound::Expr&) override {}
  void PlanSubquery(const ast::Query&, binder::Scope&, const bound::Expr&) override {}

 private:
  int next_;
};

// Evaluates `RETURN <text>`. `vars` names the row's first slots.
Value Eval(const std::string& text, Row row = {}, const std::vector<std::string>& vars = {}, Transaction* txn = nullptr,
           const ValueMap* params = nullptr) {
  auto parsed = ParseStatements("RETURN " + text);
  INFO(text << ": " << parsed.status().ToString());
  REQUIRE(parsed.ok());
  const ast::Expr& parsed_expr = *parsed->at(0).query.parts.at(0).clauses.back().projection.items.at(0).expr;
  binder::Scope scope;
  for (size_t i = 0; i < vars.size(); ++i)
    scope.vars[vars[i]] = binder::Var{static_cast<int>(i), binder::VarKind::kValue};
  TestHost host(static_cast<int>(vars.size()));
  binder::ExpressionBinder binder(host);
  const bound::ExprPtr expr = binder.Bind(parsed_expr, scope, binder::BindOptions{});
  EvalContext ctx;
  ctx.txn = txn;
  ctx.params = params;
  return Evaluate(*expr, row, ctx);
}

// The error `RETURN <text>` fails with (an ok Status if it does not fail).
Status ErrorOf(const std::string& text, const ValueMap* params = nullptr) {
  try {
    Eval(text, {}, {}, nullptr, params);
  } catch (const QueryError& e) {
    return e.status();
  }
  return Status::Ok();
}

bool Fails(const std::string& text, ErrorKind kind, const std::string& words, const ValueMap* params = nullptr) {
  const Status s = ErrorOf(text, params);
  INFO(text << " -> " << (s.ok() ? std::string("no error") : s.ToString()));
  return !s.ok() && s.kind() == kind && s.message().find(words) != std::string::npos;
}

// Operands the binder cannot see: their errors come from the evaluator.
const ValueMap kOperands = {{"yes_bool", Value(true)},
                            {"one", Value(int64_t{1})},
                            {"yes", Value("yes")},
                            {"a", Value("a")},
                            {"list", Value(ValueList{Value(int64_t{1})})},
                            {"map", Value::Map(ValueMap{{"a", Value(int64_t{1})}})}};

ValueList L(std::initializer_list<Value> items) { return ValueList(items); }

TEST_CASE("Arithmetic on integers stays integer and reports overflow", "[expr]") {
  CHECK(Eval("1 + 2 * 3") == Value(7));
  CHECK(Eval("7 / 2") == Value(3));
  CHECK(Eval("-7 / 2") == Value(-3));
  CHECK(Eval("7 % 3") == Value(1));
  CHECK(Eval("-7 % 3") == Value(-1));
  CHECK(Eval("9223372036854775807 - 1") == Value(int64_t{9223372036854775806}));
  CHECK(Fails("9223372036854775807 + 1", ErrorKind::kRuntime, "integer overflow"));
  CHECK(Fails("4611686018427387904 * 2", ErrorKind::kRuntime, "integer overflow"));
  CHECK(Fails("1 / 0", ErrorKind::kRuntime, "division by zero"));
  CHECK(Fails("1 % 0", ErrorKind::kRuntime, "division by zero"));
}

TEST_CASE("Arithmetic with floats, powers and division by zero", "[expr]") {
  CHECK(Eval("1 + 0.5") == Value(1.5));
  CHECK(Eval("2 ^ 3") == Value(8.0));
  CHECK(Eval("7.5 % 2") == Value(1.5));
  CHECK(Eval("1.0 / 0") == Value(std::numeric_limits<double>::infinity()));
  CHECK(Eval("-1 / 0.0") == Value(-std::numeric_limits<double>::infinity()));
  const Value nan = Eval("0.0 / 0.0");
  REQUIRE(nan.is_float());
  CHECK(std::isnan(nan.as_float()));
  CHECK(Eval("1 + null").is_null());
  CHECK(Eval("-(3)") == Value(-3));
}

TEST_CASE("Addition joins strings and lists, and refuses mismatched kinds", "[expr]") {
  CHECK(Eval("'Lê ' + 'Hoài'") == Value("Lê Hoài"));
  CHECK(Eval("'n' + 1") == Value("n1"));
  CHECK(Eval("1.5 + 'x'") == Value("1.5x"));
  CHECK(Eval("[1, 2] + [3]") == Value(L({1, 2, 3})));
  CHECK(Eval("[1] + 2") == Value(L({1, 2})));
  CHECK(Eval("0 + [1]") == Value(L({0, 1})));
  CHECK(Fails("$yes_bool + 1", ErrorKind::kRuntime, "cannot add BOOLEAN and INTEGER", &kOperands));
  CHECK(Fails("true + 1", ErrorKind::kSemantic, "+ expects numbers, strings or lists"));
  CHECK(Fails("$a - 1", ErrorKind::kRuntime, "cannot subtract", &kOperands));
  CHECK(Fails("'a' - 1", ErrorKind::kSemantic, "arithmetic - expects numbers"));
  CHECK(Fails("$map * 2", ErrorKind::kRuntime, "MAP", &kOperands));
  CHECK(Fails("{a: 1} * 2", ErrorKind::kSemantic, "MAP"));
}

TEST_CASE("Three-valued logic", "[expr]") {
  CHECK(Eval("true AND null").is_null());
  CHECK(Eval("false AND null") == Value(false));
  CHECK(Eval("true OR null") == Value(true));
  CHECK(Eval("false OR null").is_null());
  CHECK(Eval("true XOR false") == Value(true));
  CHECK(Eval("null XOR true").is_null());
  CHECK(Eval("NOT null").is_null());
  CHECK(Fails("$one AND true", ErrorKind::kRuntime, "BOOLEAN", &kOperands));
  CHECK(Fails("NOT $yes", ErrorKind::kRuntime, "BOOLEAN", &kOperands));
  // Written as literals, the binder sees the kinds and says so first.
  CHECK(Fails("1 AND true", ErrorKind::kSemantic, "BOOLEAN"));
  CHECK(Fails("NOT 'yes'", ErrorKind::kSemantic, "BOOLEAN"));
}

TEST_CASE("Comparison operators and IS NULL", "[expr]") {
  CHECK(Eval("1 = 1.0") == Value(true));
  CHECK(Eval("1 <> 2") == Value(true));
  CHECK(Eval("null = null").is_null());
  CHECK(Eval("null <> 1").is_null());
  CHECK(Eval("'a' < 'b'") == Value(true));
  CHECK(Eval("1 < 'b'").is_null());
  CHECK(Eval("[1, 2] >= [1, 2]") == Value(true));
  CHECK(Eval("date('2024-01-02') > date('2024-01-01')") == Value(true));
  CHECK(Eval("null IS NULL") == Value(true));
  CHECK(Eval("[] IS NOT NULL") == Value(true));
}

TEST_CASE("IN follows null semantics", "[expr]") {
  CHECK(Eval("2 IN [1, 2]") == Value(true));
  CHECK(Eval("3 IN [1, 2]") == Value(false));
  CHECK(Eval("1 IN [null, 2]").is_null());
  CHECK(Eval("2 IN [null, 2]") == Value(true));
  CHECK(Eval("null IN []") == Value(false));
  CHECK(Eval("null IN [1]").is_null());
  CHECK(Eval("[1, 2] IN [[1, 2], 3]") == Value(true));
  CHECK(Eval("1 IN null").is_null());
  CHECK(Fails("1 IN $one", ErrorKind::kRuntime, "IN expects a list", &kOperands));
  CHECK(Fails("1 IN 1", ErrorKind::kSemantic, "IN expects a list"));
}

TEST_CASE("String predicates and regular expressions", "[expr]") {
  CHECK(Eval("'Trung' STARTS WITH 'Tr'") == Value(true));
  CHECK(Eval("'Trung' ENDS WITH 'ng'") == Value(true));
  CHECK(Eval("'Trung' CONTAINS 'run'") == Value(true));
  CHECK(Eval("'Trung' CONTAINS ''") == Value(true));
  CHECK(Eval("'Trung' STARTS WITH null").is_null());
  CHECK(Eval("1 ENDS WITH 'a'").is_null());
  CHECK(Eval("'abc' =~ 'a.c'") == Value(true));
  CHECK(Eval("'abcd' =~ 'a.c'") == Value(false));  // the whole string must match
  CHECK(Eval("null =~ 'a'").is_null());
  CHECK(Fails("'a' =~ '('", ErrorKind::kRuntime, "invalid regular expression"));
}

TEST_CASE("CASE in both forms", "[expr]") {
  CHECK(Eval("CASE 2 WHEN 1 THEN 'one' WHEN 2.0 THEN 'two' ELSE 'many' END") == Value("two"));
  CHECK(Eval("CASE 5 WHEN 1 THEN 'one' END").is_null());
  CHECK(Eval("CASE null WHEN null THEN 'null matched' ELSE 'no' END") == Value("no"));
  CHECK(Eval("CASE WHEN 1 > 2 THEN 'a' WHEN 2 > 1 THEN 'b' END") == Value("b"));
  CHECK(Eval("CASE WHEN null THEN 'a' ELSE 'b' END") == Value("b"));
}

TEST_CASE("List indexing and slicing", "[expr]") {
  CHECK(Eval("[1, 2, 3][0]") == Value(1));
  CHECK(Eval("[1, 2, 3][-1]") == Value(3));
  CHECK(Eval("[1, 2, 3][3]").is_null());
  CHECK(Eval("[1, 2, 3][null]").is_null());
  CHECK(Eval("{a: 1}['a']") == Value(1));
  CHECK(Eval("{a: 1}['b']").is_null());
  CHECK(Fails("[1, 2][1.0]", ErrorKind::kRuntime, "INTEGER"));
  CHECK(Fails("{a: 1}[0]", ErrorKind::kRuntime, "STRING"));
  CHECK(Fails("1[0]", ErrorKind::kRuntime, "cannot index"));
  CHECK(Eval("[1, 2, 3, 4][1..3]") == Value(L({2, 3})));
  CHECK(Eval("[1, 2, 3, 4][..2]") == Value(L({1, 2})));
  CHECK(Eval("[1, 2, 3, 4][-2..]") == Value(L({3, 4})));
  CHECK(Eval("[1, 2, 3, 4][3..1]") == Value(L({})));
  CHECK(Eval("[1, 2, 3, 4][0..10]") == Value(L({1, 2, 3, 4})));
  CHECK(Eval("[1, 2, 3][null..2]").is_null());
}

TEST_CASE("Maps, property access on maps and map projection", "[expr]") {
  CHECK(Eval("{a: 1, b: 'x'}.b") == Value("x"));
  CHECK(Eval("{a: 1}.missing").is_null());
  CHECK(Eval("null.a").is_null());
  CHECK(Eval("date('2024-07-09').month") == Value(7));
  CHECK(Fails("$list.a", ErrorKind::kRuntime, "cannot read property 'a' of LIST", &kOperands));
  CHECK(Fails("[1].a", ErrorKind::kSemantic, "cannot read property 'a' of LIST"));
  CHECK(Eval("m{.a, c: 3}", {Value::Map({{"a", 1}, {"b", 2}})}, {"m"}) == Value::Map({{"a", 1}, {"c", 3}}));
  CHECK(Eval("m{.*, a: 0}", {Value::Map({{"a", 1}, {"b", 2}})}, {"m"}) == Value::Map({{"a", 0}, {"b", 2}}));
}

TEST_CASE("Comprehensions, quantifiers and reduce", "[expr]") {
  CHECK(Eval("[x IN range(1, 5) WHERE x % 2 = 1 | x * 10]") == Value(L({10, 30, 50})));
  CHECK(Eval("[x IN [1, 2] | x + 1]") == Value(L({2, 3})));
  CHECK(Eval("[x IN null | x]").is_null());
  CHECK(Eval("reduce(acc = 0, x IN [1, 2, 3] | acc + x)") == Value(6));
  CHECK(Eval("reduce(s = '', x IN ['a', 'b'] | s + x)") == Value("ab"));
  CHECK(Eval("all(x IN [1, 2] WHERE x > 0)") == Value(true));
  CHECK(Eval("all(x IN [] WHERE false)") == Value(true));
  CHECK(Eval("any(x IN [1, null] WHERE x = 1)") == Value(true));
  CHECK(Eval("any(x IN [0, null] WHERE x = 1)").is_null());
  CHECK(Eval("none(x IN [2, null] WHERE x = 2)") == Value(false));
  CHECK(Eval("none(x IN [0, null] WHERE x = 2)").is_null());
  CHECK(Eval("single(x IN [1, 2, 3] WHERE x = 2)") == Value(true));
  CHECK(Eval("single(x IN [2, 2] WHERE x = 2)") == Value(false));
  CHECK(Eval("single(x IN [2, null] WHERE x = 2)").is_null());
  CHECK(Eval("single(x IN [] WHERE true)") == Value(false));
}

TEST_CASE("Parameters and unknown names", "[expr]") {
  const ValueMap params = {{"top", Value(10)}};
  CHECK(Eval("$top + 1", {}, {}, nullptr, &params) == Value(11));
  const Status missing = ErrorOf("$nope", &params);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.kind() == ErrorKind::kSemantic);
  CHECK(missing.message() == "missing parameter $nope");
  CHECK(missing.position().valid());
  CHECK(Fails("foo(1)", ErrorKind::kSemantic, "unknown function 'foo'"));
  CHECK(Fails("datetime('2024-01-01T00:00[Mars/Olympus]')", ErrorKind::kRuntime,
              "datetime(): unknown time zone 'Mars/Olympus'"));
}

TEST_CASE("String functions count Unicode code points", "[expr][functions]") {
  CHECK(Eval("size('Lê Hoài Trung')") == Value(13));
  CHECK(Eval("size('Việt')") == Value(4));
  CHECK(Eval("toUpper('đ')") == Value("Đ"));
  CHECK(Eval("toUpper('Lê Hoài Trung')") == Value("LÊ HOÀI TRUNG"));
  CHECK(Eval("toLower('ĐẶNG VIỆT')") == Value("đặng việt"));
  CHECK(Eval("substring('Việt Nam', 1, 3)") == Value("iệt"));
  CHECK(Eval("substring('Việt Nam', 5)") == Value("Nam"));
  CHECK(Eval("left('Việt Nam', 4)") == Value("Việt"));
  CHECK(Eval("right('Việt Nam', 3)") == Value("Nam"));
  CHECK(Eval("reverse('Việt')") == Value("tệiV"));
  CHECK(Eval("trim('  a b  ')") == Value("a b"));
  CHECK(Eval("ltrim('  a ')") == Value("a "));
  CHECK(Eval("rtrim('  a ')") == Value("  a"));
  CHECK(Eval("replace('a-b-c', '-', '+')") == Value("a+b+c"));
  CHECK(Eval("split('a,b,,c', ',')") == Value(L({"a", "b", "", "c"})));
  CHECK(Eval("split('Hà', '')") == Value(L({"H", "à"})));
  CHECK(Eval("toUpper(null)").is_null());
  CHECK(Fails("toUpper(1)", ErrorKind::kRuntime, "toUpper() expects a STRING, got INTEGER"));
  CHECK(Fails("substring('abc', -1)", ErrorKind::kRuntime, "negative"));
}

TEST_CASE("List functions", "[expr][functions]") {
  CHECK(Eval("size([1, 2, 3])") == Value(3));
  CHECK(Eval("head([1, 2])") == Value(1));
  CHECK(Eval("head([])").is_null());
  CHECK(Eval("last([1, 2])") == Value(2));
  CHECK(Eval("tail([1, 2, 3])") == Value(L({2, 3})));
  CHECK(Eval("tail([])") == Value(L({})));
  CHECK(Eval("range(0, 3)") == Value(L({0, 1, 2, 3})));
  CHECK(Eval("range(10, 0, -4)") == Value(L({10, 6, 2})));
  CHECK(Eval("range(0, -1)") == Value(L({})));
  CHECK(Fails("range(1, 5, 0)", ErrorKind::kRuntime, "zero"));
  CHECK(Fails("range(1.5, 5)", ErrorKind::kRuntime, "range() expects an INTEGER"));
  CHECK(Eval("reverse([1, 2, 3])") == Value(L({3, 2, 1})));
  CHECK(Eval("coalesce(null, null, 3, 4)") == Value(3));
  CHECK(Eval("coalesce(null)").is_null());
  CHECK(Eval("keys({b: 1, a: 2})") == Value(L({"a", "b"})));
  CHECK(Eval("exists({a: 1}.a)") == Value(true));
  CHECK(Eval("exists({a: 1}.b)") == Value(false));
}

TEST_CASE("Math functions", "[expr][functions]") {
  CHECK(Eval("abs(-3)") == Value(3));
  CHECK(Eval("abs(-2.5)") == Value(2.5));
  CHECK(Eval("sign(-0.5)") == Value(-1));
  CHECK(Eval("round(2.5)") == Value(3.0));
  CHECK(Eval("round(-2.5)") == Value(-2.0));
  CHECK(Eval("round(3.14159, 2)") == Value(3.14));
  CHECK(Eval("floor(1.7)") == Value(1.0));
  CHECK(Eval("ceil(1.2)") == Value(2.0));
  CHECK(Eval("sqrt(16)") == Value(4.0));
  CHECK(Eval("log10(1000)") == Value(3.0));
  CHECK(Eval("degrees(pi())") == Value(180.0));
  CHECK(Eval("atan2(0, 1)") == Value(0.0));
  const Value r = Eval("rand()");
  REQUIRE(r.is_float());
  CHECK((r.as_float() >= 0.0 && r.as_float() < 1.0));
  CHECK(Eval("sqrt(null)").is_null());
  CHECK(Fails("sqrt('4')", ErrorKind::kRuntime, "sqrt() expects a number, got STRING"));
}

TEST_CASE("Type conversions", "[expr][functions]") {
  CHECK(Eval("toString(1)") == Value("1"));
  CHECK(Eval("toString(1.0)") == Value("1.0"));
  CHECK(Eval("toString(true)") == Value("true"));
  CHECK(Eval("toString('a')") == Value("a"));
  CHECK(Eval("toString(date('2024-07-09'))") == Value("2024-07-09"));
  CHECK(Fails("toString([1])", ErrorKind::kRuntime, "toString() expects"));
  CHECK(Eval("toInteger('42')") == Value(42));
  CHECK(Eval("toInteger('3.9')") == Value(3));
  CHECK(Eval("toInteger(-3.9)") == Value(-3));
  CHECK(Eval("toInteger('x')").is_null());
  CHECK(Eval("toFloat('2.5')") == Value(2.5));
  CHECK(Eval("toFloat(2)") == Value(2.0));
  CHECK(Eval("toFloat('abc')").is_null());
  CHECK(Fails("toFloat(true)", ErrorKind::kRuntime, "toFloat() expects"));
  CHECK(Eval("toBoolean('TRUE')") == Value(true));
  CHECK(Eval("toBoolean('no')").is_null());
  CHECK(Fails("toBoolean(1.0)", ErrorKind::kRuntime, "toBoolean() expects"));
  CHECK(Eval("toIntegerOrNull([1])").is_null());
}

TEST_CASE("Dates from text, from fields and their parts", "[expr][functions]") {
  CHECK(Eval("date('2024-02-29')") == Value(*Date::Parse("2024-02-29")));
  CHECK(Eval("date({year: 2024, month: 7, day: 9})") == Value(*Date::Parse("2024-07-09")));
  CHECK(Eval("date({year: 2024})") == Value(*Date::Parse("2024-01-01")));
  CHECK(Eval("date({year: 1817, week: 1})") == Value(*Date::Parse("1816-12-30")));  // ISO week 1 holds 4 January
  CHECK(Eval("date({year: 2015, ordinalDay: 202})") == Value(*Date::Parse("2015-07-21")));
  CHECK(Eval("date({year: 2015, quarter: 3, dayOfQuarter: 21})") == Value(*Date::Parse("2015-07-21")));
  CHECK(Eval("date('20150721')") == Value(*Date::Parse("2015-07-21")));
  CHECK(Eval("date('2015-W30-2')") == Value(*Date::Parse("2015-07-21")));
  CHECK(Eval("date('2015-07')") == Value(*Date::Parse("2015-07-01")));
  CHECK(Eval("date(null)").is_null());
  CHECK(Eval("date()").is_date());
  CHECK(Fails("date('2023-02-29')", ErrorKind::kRuntime, "date()"));
  CHECK(Fails("date({year: 2023, month: 2, day: 30})", ErrorKind::kRuntime, "not a real date"));
}

// ---- Aggregates ----

Value Aggregate(const char* name, const ValueList& input, bool distinct = false,
                const std::vector<Value>& params = {}) {
  auto agg = MakeAggregator(name, distinct, false, params);
  for (const Value& v : input) agg->Add(v);
  return agg->Finish();
}

TEST_CASE("Aggregates over nothing", "[aggregate]") {
  CHECK(Aggregate("count", {}) == Value(0));
  CHECK(Aggregate("sum", {}) == Value(0));
  CHECK(Aggregate("avg", {}).is_null());
  CHECK(Aggregate("min", {}).is_null());
  CHECK(Aggregate("max", {}).is_null());
  CHECK(Aggregate("collect", {}) == Value(L({})));
  CHECK(Aggregate("count", {Value(), Value()}) == Value(0));
  auto star = MakeAggregator("count", false, true);
  CHECK(star->Finish() == Value(0));
}

TEST_CASE("Aggregates skip nulls, count(*) counts rows", "[aggregate]") {
  const ValueList input = {1, Value(), 2, 2};
  CHECK(Aggregate("count", input) == Value(3));
  auto star = MakeAggregator("count", false, true);
  for (const Value& v : input) star->Add(v.is_null() ? Value(true) : v);
  CHECK(star->Finish() == Value(4));
  CHECK(Aggregate("sum", input) == Value(5));
  CHECK(Aggregate("sum", {1, 2.5}) == Value(3.5));
  CHECK(Aggregate("avg", {1, 2}) == Value(1.5));
  CHECK(Aggregate("collect", input) == Value(L({1, 2, 2})));
}

TEST_CASE("DISTINCT aggregates see each equivalent value once", "[aggregate]") {
  const ValueList input = {1, 1.0, 2, Value(), 2};
  CHECK(Aggregate("count", input, true) == Value(2));
  CHECK(Aggregate("sum", {1, 1, 2}, true) == Value(3));
  CHECK(Aggregate("collect", {"a", "b", "a"}, true) == Value(L({"a", "b"})));
}

TEST_CASE("min and max follow ORDER BY across kinds", "[aggregate]") {
  CHECK(Aggregate("max", {1, 2.0, 5, Value(), 3.2}) == Value(5));
  CHECK(Aggregate("min", {1, "a", Value(), L({1, 2}), 0.2}) == Value(L({1, 2})));
  CHECK(Aggregate("max", {1, "a", Value(), L({1, 2}), 0.2}) == Value(1));
  CHECK(Aggregate("min", {"b", "B", "abc"}) == Value("B"));
}

TEST_CASE("sum overflows as an error, and rejects non-numbers", "[aggregate]") {
  CHECK_THROWS_AS(Aggregate("sum", {Value(int64_t{9223372036854775807}), 1}), QueryError);
  try {
    Aggregate("sum", {1, "x"});
    FAIL("expected a type error");
  } catch (const QueryError& e) {
    CHECK(e.status().kind() == ErrorKind::kRuntime);
    CHECK(e.status().message() == "sum() expects numbers, got STRING");
  }
}

TEST_CASE("Standard deviation and percentiles", "[aggregate]") {
  CHECK(Aggregate("stdev", {2, 4, 4, 4, 5, 5, 7, 9}).as_float() == Approx(2.138089935));
  CHECK(Aggregate("stdevp", {2, 4, 4, 4, 5, 5, 7, 9}).as_float() == Approx(2.0));
  CHECK(Aggregate("stdev", {}) == Value(0.0));
  const ValueList prices = {10.0, 20.0, 30.0};
  CHECK(Aggregate("percentilecont", prices, false, {0.5}) == Value(20.0));
  CHECK(Aggregate("percentilecont", prices, false, {0.25}) == Value(15.0));
  CHECK(Aggregate("percentiledisc", prices, false, {0.0}) == Value(10.0));
  CHECK(Aggregate("percentiledisc", prices, false, {0.5}) == Value(20.0));
  CHECK(Aggregate("percentiledisc", prices, false, {1.0}) == Value(30.0));
  CHECK(Aggregate("percentilecont", {}, false, {0.5}).is_null());
  CHECK_THROWS_AS(Aggregate("percentilecont", prices, false, {1.1}), QueryError);
}

// ---- The graph: properties, labels and views read from the store ----

TEST_CASE("Property access, labels and views come from the transaction", "[expr][graph]") {
  test::TempDir dir;
  auto store = test::OpenStore(dir.path());
  auto txn = test::Write(*store);
  const NodeId a = test::AddNode(*txn, {"Person"}, {{"name", "Lê"}, {"age", 40}});
  const NodeId b = test::AddNode(*txn, {"Person", "Admin"}, {{"name", "Trung"}});
  const RelId r = test::AddRel(*txn, "KNOWS", a, b, {{"since", 2020}});
  const Value na = NodeRef{a, nullptr};
  const Value nb = NodeRef{b, nullptr};
  const Value rel = RelRef{r, test::TypeOf(*txn, "KNOWS"), a, b, nullptr};
  const std::vector<std::string> vars = {"a", "b", "r"};
  auto eval = [&](const std::string& text) { return Eval(text, {na, nb, rel}, vars, txn.get()); };

  CHECK(eval("a.name") == Value("Lê"));
  CHECK(eval("a.missing").is_null());
  CHECK(eval("a['age']") == Value(40));
  CHECK(eval("r.since") == Value(2020));
  CHECK(eval("type(r)") == Value("KNOWS"));
  CHECK(eval("id(startNode(r)) = id(a)") == Value(true));
  CHECK(eval("b:Person:Admin") == Value(true));
  CHECK(eval("a:Admin") == Value(false));
  CHECK(eval("a:NoSuchLabel") == Value(false));
  CHECK(eval("labels(b)") == Value(L({"Person", "Admin"})));  // in the order the labels were made
  CHECK(eval("keys(a)") == Value(L({"age", "name"})));
  CHECK(eval("properties(r)") == Value::Map({{"since", 2020}}));
  CHECK(eval("a{.name}") == Value::Map({{"name", "Lê"}}));
  CHECK(eval("a = a") == Value(true));
  CHECK(eval("a = b") == Value(false));

  EvalContext ctx;
  ctx.txn = txn.get();
  const Value shown = Materialise(Value(L({na, rel})), ctx);
  const NodeRef& shown_a = shown.as_list()[0].as_node();
  REQUIRE(shown_a.view);
  CHECK(shown_a.view->labels == std::vector<std::string>{"Person"});
  CHECK(shown_a.view->properties.at("age") == Value(40));
  const RelRef& shown_r = shown.as_list()[1].as_relationship();
  REQUIRE(shown_r.view);
  CHECK(shown_r.view->labels == std::vector<std::string>{"KNOWS"});

  // A node deleted in this statement: reading it fails, showing it does not.
  test::MustOk(txn->DeleteNode(b, true));
  try {
    eval("b.name");
    FAIL("expected an error for a deleted node");
  } catch (const QueryError& e) {
    CHECK(e.status().kind() == ErrorKind::kRuntime);
    CHECK(e.status().message() == "node " + std::to_string(b) + " was deleted");
  }
  const Value gone = Materialise(nb, ctx);
  REQUIRE(gone.as_node().view);
  CHECK(gone.as_node().view->labels.empty());
  CHECK(gone.as_node().view->properties.empty());
}

TEST_CASE("The function table answers by case-insensitive name", "[functions]") {
  const int id = FindScalarFunction("toUpper");
  REQUIRE(id >= 0);
  CHECK(FindScalarFunction("TOUPPER") == id);
  CHECK(std::string(ScalarFunctionInfo(id).name) == "toupper");
  CHECK(FindScalarFunction("noSuchFunction") == -1);
  CHECK(IsAggregateFunction("COUNT"));
  CHECK(IsAggregateFunction("percentileDisc"));
  CHECK_FALSE(IsAggregateFunction("size"));
}

}  // namespace
}  // namespace kg
