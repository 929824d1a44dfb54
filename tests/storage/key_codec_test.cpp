// Index keys must sort as their values do, or range scans return the wrong
// nodes; adjacency keys must decode to what was encoded.
#include "storage/key_codec.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <random>

#include "common/value_compare.h"

namespace kc = kg::key_codec;
using kg::Value;

namespace {
std::string Enc(const Value& v) {
  std::string s;
  REQUIRE(kc::EncodeOrderedValue(v, &s));
  return s;
}
}  // namespace

TEST_CASE("ordered encoding sorts numbers as numbers, ints and floats together", "[key_codec]") {
  std::vector<Value> values = {Value(-1e300),
                               Value(std::numeric_limits<int64_t>::min()),
                               Value(-1000),
                               Value(-2.5),
                               Value(-1),
                               Value(0),
                               Value(0.5),
                               Value(1),
                               Value(1.5),
                               Value(2),
                               Value(int64_t{1} << 60),
                               Value(1e300),
                               Value(std::numeric_limits<double>::infinity())};
  std::mt19937 rng(7);
  for (int i = 0; i < 2000; ++i) {
    // emplace_back: GCC 12 warns (wrongly) of an uninitialised Value when a
    // temporary is moved in here.
    if (i % 2)
      values.emplace_back(static_cast<int64_t>(rng()) - (int64_t{1} << 31));
    else
      values.emplace_back(std::ldexp(static_cast<double>(rng()) - 2e9, static_cast<int>(rng() % 40) - 20));
  }
  for (size_t i = 0; i < values.size(); ++i) {
    for (size_t j = 0; j < values.size(); j += 37) {
      const int c = *kg::CompareComparable(values[i], values[j]);
      const std::string a = Enc(values[i]), b = Enc(values[j]);
      if (c < 0) REQUIRE(a < b);
      if (c > 0) REQUIRE(a > b);
    }
  }
}

TEST_CASE("ordered encoding sorts strings by bytes, prefixes first, NUL included", "[key_codec]") {
  std::vector<std::string> s = {
      "", std::string("\0", 1), std::string("a\0b", 3), "a", "ab", "abc", "b", "Đà Nẵng", "Ủy ban", "Uỷ ban"};
  std::sort(s.begin(), s.end());
  for (size_t i = 1; i < s.size(); ++i) CHECK(Enc(Value(s[i - 1])) < Enc(Value(s[i])));
  // A string's encoding is never a prefix of a longer string's, so an
  // equality scan over "ab" cannot return "abc".
  const std::string ab = Enc(Value("ab")), abc = Enc(Value("abc"));
  CHECK(abc.compare(0, ab.size(), ab) != 0);
}

TEST_CASE("ordered values decode to what was encoded", "[key_codec]") {
  for (const Value& v : {Value(true), Value(false), Value(0), Value(-7), Value(std::numeric_limits<int64_t>::max()),
                         Value(3.25), Value(-0.0), Value(""), Value(std::string("x\0y", 3)), Value("Hà Nội"),
                         Value(*kg::Date::Parse("1945-09-02")), Value(kg::Date{-800000})}) {
    std::string e = Enc(v) + "trailing";
    size_t used = 0;
    auto back = kc::DecodeOrderedValue(e, &used);
    REQUIRE(back.has_value());
    CHECK(used == e.size() - 8);
    if (v.is_float()) {
      CHECK(back->as_float() == v.as_float());
    } else {
      CHECK(*back == v);
    }
  }
}

TEST_CASE("dates sort chronologically, before and after 1970", "[key_codec]") {
  CHECK(Enc(Value(kg::Date{-5})) < Enc(Value(kg::Date{0})));
  CHECK(Enc(Value(kg::Date{0})) < Enc(Value(kg::Date{20000})));
}

TEST_CASE("lists and nulls are not indexable", "[key_codec]") {
  std::string s;
  CHECK_FALSE(kc::EncodeOrderedValue(Value(), &s));
  CHECK_FALSE(kc::EncodeOrderedValue(Value(kg::ValueList{1}), &s));
  CHECK(s.empty());
}

TEST_CASE("adjacency keys decode and sort by node, direction, type, neighbour", "[key_codec]") {
  const std::string k = kc::AdjacencyKey(0x0102030405060708ULL, kg::Direction::kIn, 77, 99, 1234567);
  REQUIRE(k.size() == kc::kAdjacencyKeySize);
  auto e = kc::DecodeAdjacencyKey(k);
  CHECK(e.node == 0x0102030405060708ULL);
  CHECK(e.direction == kg::Direction::kIn);
  CHECK(e.type == 77);
  CHECK(e.neighbour == 99);
  CHECK(e.rel == 1234567);
  CHECK(kc::AdjacencyKey(1, kg::Direction::kOut, 5, 9, 0) < kc::AdjacencyKey(1, kg::Direction::kIn, 0, 0, 0));
  CHECK(kc::AdjacencyKey(1, kg::Direction::kIn, 9, 9, 9) < kc::AdjacencyKey(2, kg::Direction::kOut, 0, 0, 0));
  CHECK(kc::NodeKey(255) < kc::NodeKey(256));  // big-endian: byte order is id order
}

TEST_CASE("prefix successor bounds every key with the prefix", "[key_codec]") {
  CHECK(kc::PrefixSuccessor("ab") == "ac");
  CHECK(kc::PrefixSuccessor(std::string("a\xff", 2)) == "b");
  CHECK(kc::PrefixSuccessor(std::string("\xff\xff", 2)).empty());
}
