// openCypher's value semantics below the language: equality and comparison
// with nulls, the total order of ORDER BY, and the equivalence that DISTINCT
// and grouping use (with a hash that must agree with it).
#include "exec/value_ops.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <unordered_set>

#include "exec/query_error.h"

namespace kg {
namespace {

const Value kNull;
const double kNaN = std::numeric_limits<double>::quiet_NaN();

ValueList L(std::initializer_list<Value> items) { return ValueList(items); }

// The three possible answers of a Cypher predicate, spelled as a test reads.
bool IsNullV(const Value& v) { return v.is_null(); }
bool IsTrueV(const Value& v) { return v.is_bool() && v.as_bool(); }
bool IsFalseV(const Value& v) { return v.is_bool() && !v.as_bool(); }

TEST_CASE("Equality: null on either side gives null", "[value_ops]") {
  CHECK(IsNullV(CypherEquals(kNull, kNull)));
  CHECK(IsNullV(CypherEquals(kNull, 1)));
  CHECK(IsNullV(CypherEquals("a", kNull)));
}

TEST_CASE("Equality: integers and floats compare by value", "[value_ops]") {
  CHECK(IsTrueV(CypherEquals(1, 1.0)));
  CHECK(IsFalseV(CypherEquals(1, 1.5)));
  // 2^53 + 1 has no exact double: the comparison must not round it.
  const int64_t big = (int64_t{1} << 53) + 1;
  CHECK(IsFalseV(CypherEquals(big, static_cast<double>(big))));
  CHECK(IsFalseV(CypherEquals(kNaN, kNaN)));
  CHECK(IsFalseV(CypherEquals(1, "1")));
  CHECK(IsFalseV(CypherEquals(true, 1)));
}

TEST_CASE("Equality of lists: element-wise, with nulls deciding only when nothing else does", "[value_ops]") {
  CHECK(IsTrueV(CypherEquals(L({1, 2}), L({1.0, 2}))));
  // Different lengths are unequal whatever they hold.
  CHECK(IsFalseV(CypherEquals(L({1, kNull}), L({1}))));
  // A differing element decides false even next to a null.
  CHECK(IsFalseV(CypherEquals(L({1, kNull}), L({2, kNull}))));
  // Otherwise the null leaves it unknown.
  CHECK(IsNullV(CypherEquals(L({1, kNull}), L({1, 2}))));
  CHECK(IsNullV(CypherEquals(L({L({1, kNull})}), L({L({1, 2})}))));
  CHECK(IsFalseV(CypherEquals(L({}), 1)));
}

TEST_CASE("Equality of maps: same keys and equal values", "[value_ops]") {
  CHECK(IsTrueV(CypherEquals(Value::Map({{"a", 1}, {"b", "x"}}), Value::Map({{"b", "x"}, {"a", 1.0}}))));
  CHECK(IsFalseV(CypherEquals(Value::Map({{"a", 1}}), Value::Map({{"b", 1}}))));
  CHECK(IsFalseV(CypherEquals(Value::Map({{"a", 1}}), Value::Map({{"a", 1}, {"b", 2}}))));
  CHECK(IsNullV(CypherEquals(Value::Map({{"a", kNull}}), Value::Map({{"a", kNull}}))));
}

TEST_CASE("Equality of nodes and relationships is by id", "[value_ops]") {
  CHECK(IsTrueV(CypherEquals(NodeRef{7, nullptr}, NodeRef{7, nullptr})));
  CHECK(IsFalseV(CypherEquals(NodeRef{7, nullptr}, NodeRef{8, nullptr})));
  CHECK(IsTrueV(CypherEquals(RelRef{3, 1, 0, 1, nullptr}, RelRef{3, 1, 0, 1, nullptr})));
  CHECK(IsFalseV(CypherEquals(NodeRef{3, nullptr}, RelRef{3, 1, 0, 1, nullptr})));
}

TEST_CASE("Comparison: within numbers, strings, booleans, dates and lists only", "[value_ops]") {
  CHECK(IsTrueV(CypherLess(1, 1.5)));
  CHECK(IsFalseV(CypherLess(2, 1.5)));
  CHECK(IsTrueV(CypherLessEqual(1, 1.0)));
  CHECK(IsTrueV(CypherLess("B", "a")));  // by code point
  CHECK(IsTrueV(CypherLess(false, true)));
  CHECK(IsTrueV(CypherLess(*Date::Parse("2020-01-01"), *Date::Parse("2021-01-01"))));
  CHECK(IsTrueV(CypherLess(L({1, 2}), L({1, 3}))));
  CHECK(IsTrueV(CypherLess(L({1}), L({1, 0}))));
  // Not comparable: null.
  CHECK(IsNullV(CypherLess(1, "1")));
  CHECK(IsNullV(CypherLess(kNull, 1)));
  // NaN compares false (not null) with every number, itself included.
  CHECK(IsFalseV(CypherLess(kNaN, 1)));
  CHECK(IsFalseV(CypherLessEqual(1.0, kNaN)));
  CHECK(IsFalseV(CypherLessEqual(kNaN, kNaN)));
  CHECK(IsNullV(CypherLess(kNaN, "a")));
  CHECK(IsNullV(CypherLess(Value::Map({}), Value::Map({}))));
  CHECK(IsNullV(CypherLess(NodeRef{1, nullptr}, NodeRef{2, nullptr})));
  CHECK(IsNullV(CypherLess(L({1, kNull}), L({1, 2}))));
  // The first differing element decides before a later null matters.
  CHECK(IsTrueV(CypherLess(L({1, kNull}), L({2, 2}))));
}

TEST_CASE("ORDER BY puts kinds in the openCypher order, null last", "[value_ops]") {
  const std::vector<Value> ascending = {
      Value::Map({{"a", 1}}),
      NodeRef{1, nullptr},
      RelRef{1, 0, 0, 0, nullptr},
      L({1, 2}),
      Value::Path(PathValue{{NodeRef{1, nullptr}}, {}}),
      *Date::Parse("2024-07-09"),
      "abc",
      false,
      true,
      -5,
      1.5,
      2,
      kNaN,
      kNull,
  };
  for (size_t i = 0; i < ascending.size(); ++i) {
    for (size_t j = 0; j < ascending.size(); ++j) {
      INFO(ascending[i].ToString() << " vs " << ascending[j].ToString());
      const int c = OrderCompare(ascending[i], ascending[j]);
      CHECK((i < j ? c < 0 : (i > j ? c > 0 : c == 0)));
    }
  }
}

TEST_CASE("ORDER BY within a kind: numbers across int and float, lists lexicographically", "[value_ops]") {
  CHECK(OrderCompare(1, 1.0) == 0);
  CHECK(OrderCompare(1, 1.25) < 0);
  CHECK(OrderCompare(L({1}), L({1, 0})) < 0);
  CHECK(OrderCompare(L({2}), L({1, 9})) > 0);
  CHECK(OrderCompare(L({kNull}), L({1})) > 0);  // null sorts after numbers inside lists too
  CHECK(OrderCompare(kNaN, kNaN) == 0);
}

TEST_CASE("Equivalence: null with null, NaN with NaN, 1 with 1.0", "[value_ops]") {
  CHECK(Equivalent(kNull, kNull));
  CHECK(Equivalent(kNaN, kNaN));
  CHECK(Equivalent(1, 1.0));
  CHECK(Equivalent(L({1, kNull}), L({1.0, kNull})));
  CHECK(Equivalent(Value::Map({{"a", kNull}}), Value::Map({{"a", kNull}})));
  CHECK_FALSE(Equivalent(1, "1"));
  CHECK_FALSE(Equivalent(kNull, 0));
  CHECK_FALSE(Equivalent(L({1}), L({1, 1})));
}

TEST_CASE("Equivalent values hash alike, so DISTINCT keeps one of each", "[value_ops]") {
  const std::vector<std::pair<Value, Value>> pairs = {
      {1, 1.0},
      {kNaN, kNaN},
      {kNull, kNull},
      {L({1, 2.0}), L({1.0, 2})},
      {Value::Map({{"k", 3}}), Value::Map({{"k", 3.0}})},
      {NodeRef{4, nullptr}, NodeRef{4, nullptr}},
  };
  for (const auto& [a, b] : pairs) {
    INFO(a.ToString() << " and " << b.ToString());
    REQUIRE(Equivalent(a, b));
    CHECK(EquivalenceHash(a) == EquivalenceHash(b));
  }
  std::unordered_set<Value, ValueHash, ValueEquivalent> set = {1, 1.0, 2, kNull, kNull, "1", kNaN, kNaN};
  CHECK(set.size() == 5);  // 1, 2, null, '1', NaN
}

TEST_CASE("Rows group by equivalence of every column", "[value_ops]") {
  CHECK(RowEquivalent()({1, "a"}, {1.0, "a"}));
  CHECK(RowHash()({1, "a"}) == RowHash()({1.0, "a"}));
  CHECK_FALSE(RowEquivalent()({1, "a"}, {1, "b"}));
  CHECK_FALSE(RowEquivalent()({1}, {1, kNull}));
}

TEST_CASE("A predicate passes only on true and fails on a non-boolean", "[value_ops]") {
  CHECK(IsTrue(true));
  CHECK_FALSE(IsTrue(false));
  CHECK_FALSE(IsTrue(kNull));
  try {
    IsTrue(1);
    FAIL("expected a type error");
  } catch (const QueryError& e) {
    CHECK(e.status().Is(ErrorKind::kRuntime));
    CHECK(e.status().message().find("INTEGER") != std::string::npos);
  }
}

}  // namespace
}  // namespace kg
