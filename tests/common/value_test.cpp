// Values print in Cypher literal notation and compare as Cypher's ordering
// operators do; storage relies on both.
#include "common/value.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "common/value_compare.h"

using kg::CompareComparable;
using kg::Date;
using kg::Value;
using kg::ValueList;

TEST_CASE("values print as Cypher literals", "[value]") {
  CHECK(Value().ToString() == "null");
  CHECK(Value(true).ToString() == "true");
  CHECK(Value(int64_t{-42}).ToString() == "-42");
  CHECK(Value(1.5).ToString() == "1.5");
  CHECK(Value(2.0).ToString() == "2.0");
  CHECK(Value(0.1).ToString() == "0.1");
  CHECK(Value("Lê Hoài Trung").ToString() == "'Lê Hoài Trung'");
  CHECK(Value("it's").ToString() == "'it\\'s'");
  CHECK(Value(*Date::Parse("2024-07-09")).ToString() == "date('2024-07-09')");
  CHECK(Value(ValueList{1, "a", 2.5}).ToString() == "[1, 'a', 2.5]");
}

TEST_CASE("only null-free scalars and flat lists are storable", "[value]") {
  CHECK_FALSE(Value().IsStorable());
  CHECK(Value(1).IsStorable());
  CHECK(Value(ValueList{}).IsStorable());
  CHECK(Value(ValueList{"UBQG", "Vusta"}).IsStorable());
  CHECK_FALSE(Value(ValueList{1, Value()}).IsStorable());
  CHECK_FALSE(Value(ValueList{Value(ValueList{1})}).IsStorable());
}

TEST_CASE("comparison follows Cypher's classes", "[value]") {
  CHECK(*CompareComparable(Value(1), Value(2)) < 0);
  CHECK(*CompareComparable(Value(2), Value(2.0)) == 0);
  CHECK(*CompareComparable(Value(2), Value(2.5)) < 0);
  CHECK(*CompareComparable(Value(-2.5), Value(-2)) < 0);
  CHECK(*CompareComparable(Value("a"), Value("b")) < 0);
  CHECK(*CompareComparable(Value("Z"), Value("Ä")) < 0);  // code point order
  CHECK(*CompareComparable(Value(false), Value(true)) < 0);
  CHECK(*CompareComparable(Value(*Date::Parse("2021-01-01")), Value(*Date::Parse("2023-11-01"))) < 0);
  CHECK_FALSE(CompareComparable(Value(1), Value("1")).has_value());
  CHECK_FALSE(CompareComparable(Value(), Value()).has_value());
  CHECK_FALSE(CompareComparable(Value(std::nan("")), Value(1.0)).has_value());
}

TEST_CASE("integers and doubles compare exactly beyond 2^53", "[value]") {
  const int64_t big = (int64_t{1} << 53) + 1;  // not representable as a double
  CHECK(*CompareComparable(Value(big), Value(static_cast<double>(int64_t{1} << 53))) > 0);
  CHECK(*CompareComparable(Value(std::numeric_limits<int64_t>::max()), Value(9223372036854775808.0)) < 0);
  CHECK(*CompareComparable(Value(std::numeric_limits<int64_t>::min()), Value(-9223372036854775808.0)) == 0);
}
