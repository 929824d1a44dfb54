// Value: a property value, as stored on nodes and relationships.
//
// The kinds are those openCypher allows as property values: null, boolean,
// 64-bit integer, double, UTF-8 string, date, and lists of these. The query
// layer adds its own kinds (maps, nodes, paths) on top; storage accepts only
// what IsStorable() says.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "common/date.h"

namespace kg {

class Value;
using ValueList = std::vector<Value>;

class Value {
 public:
  // Stored on disk as tag bytes (see value_codec): never renumber.
  enum class Kind : uint8_t { kNull = 0, kBool = 1, kInt = 2, kFloat = 3, kString = 4, kDate = 5, kList = 6 };

  Value() = default;                             // null
  Value(std::nullptr_t) {}                       // NOLINT
  Value(bool b) : v_(b) {}                       // NOLINT
  Value(int v) : v_(static_cast<int64_t>(v)) {}  // NOLINT
  Value(int64_t v) : v_(v) {}                    // NOLINT
  Value(double v) : v_(v) {}                     // NOLINT
  Value(std::string s) : v_(std::move(s)) {}     // NOLINT
  Value(const char* s) : v_(std::string(s)) {}   // NOLINT
  Value(Date d) : v_(d) {}                       // NOLINT
  Value(ValueList l) : v_(std::move(l)) {}       // NOLINT

  Kind kind() const { return static_cast<Kind>(v_.index()); }
  bool is_null() const { return kind() == Kind::kNull; }
  bool is_bool() const { return kind() == Kind::kBool; }
  bool is_int() const { return kind() == Kind::kInt; }
  bool is_float() const { return kind() == Kind::kFloat; }
  bool is_number() const { return is_int() || is_float(); }
  bool is_string() const { return kind() == Kind::kString; }
  bool is_date() const { return kind() == Kind::kDate; }
  bool is_list() const { return kind() == Kind::kList; }

  bool as_bool() const { return std::get<bool>(v_); }
  int64_t as_int() const { return std::get<int64_t>(v_); }
  double as_float() const { return std::get<double>(v_); }
  double as_number() const { return is_int() ? static_cast<double>(as_int()) : as_float(); }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  Date as_date() const { return std::get<Date>(v_); }
  const ValueList& as_list() const { return std::get<ValueList>(v_); }

  // True when storage can keep it: a null-free scalar, or a list of such
  // scalars (openCypher forbids nulls and nested lists in properties).
  bool IsStorable() const;

  // Exact identity of kind and content (1 and 1.0 differ): what a test and a
  // round trip check. Cypher's own equality lives in the query layer.
  friend bool operator==(const Value& a, const Value& b) { return a.v_ == b.v_; }
  friend bool operator!=(const Value& a, const Value& b) { return !(a == b); }

  // Cypher literal notation: null, true, 42, 1.5, 'text', date('2024-07-09'), [1, 2]
  std::string ToString() const;

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string, Date, ValueList> v_;
};

const char* ValueKindName(Value::Kind kind);

}  // namespace kg
