// Value: a property value, as stored on nodes and relationships.
//
// The kinds are those openCypher allows as property values: null, boolean,
// 64-bit integer, double, UTF-8 string, the temporal kinds (date, local and
// zoned time, local and zoned date-time, duration), and lists of these. The query
// layer adds its own kinds (maps, nodes, paths) on top; storage accepts only
// what IsStorable() says.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "common/date.h"
#include "common/temporal.h"

namespace kg {

class Value;
using ValueList = std::vector<Value>;
struct MapValue;
struct EntityView;
struct PathValue;

// A node as a query sees it: its id, and, once a result is handed out, a
// view of its labels and properties (execution reads those from the store).
struct NodeRef {
  uint64_t id = 0;
  std::shared_ptr<const EntityView> view;
};

// A relationship: id, type and endpoints travel with it (an expansion knows
// them without reading the record); properties come with the view.
struct RelRef {
  uint64_t id = 0;
  uint32_t type = 0;
  uint64_t start = 0;
  uint64_t end = 0;
  std::shared_ptr<const EntityView> view;
};

class Value {
 public:
  // Storable kinds (up to kList, and the temporal kinds from kLocalTime)
  // are stored on disk as tag bytes (see record_codec): never renumber.
  // Maps, nodes, relationships and paths exist only in queries.
  enum class Kind : uint8_t {
    kNull = 0,
    kBool = 1,
    kInt = 2,
    kFloat = 3,
    kString = 4,
    kDate = 5,
    kList = 6,
    kMap = 7,
    kNode = 8,
    kRelationship = 9,
    kPath = 10,
    kLocalTime = 11,
    kTime = 12,
    kLocalDateTime = 13,
    kDateTime = 14,
    kDuration = 15,
  };

  Value() = default;                             // null
  Value(std::nullptr_t) {}                       // NOLINT
  Value(bool b) : v_(b) {}                       // NOLINT
  Value(int v) : v_(static_cast<int64_t>(v)) {}  // NOLINT
  Value(int64_t v) : v_(v) {}                    // NOLINT
  Value(double v) : v_(v) {}                     // NOLINT
  Value(std::string s) : v_(std::move(s)) {}     // NOLINT
  Value(const char* s) : v_(std::string(s)) {}   // NOLINT
  Value(Date d) : v_(d) {}                       // NOLINT
  Value(LocalTime t) : v_(t) {}                  // NOLINT
  Value(Time t) : v_(t) {}                       // NOLINT
  Value(LocalDateTime t) : v_(t) {}              // NOLINT
  Value(DateTime t) : v_(t) {}                   // NOLINT
  Value(Duration d) : v_(d) {}                   // NOLINT
  Value(ValueList l) : v_(std::move(l)) {}       // NOLINT
  Value(NodeRef n) : v_(std::move(n)) {}         // NOLINT
  Value(RelRef r) : v_(std::move(r)) {}          // NOLINT
  static Value Map(std::map<std::string, Value> entries);
  static Value Path(PathValue path);

  Kind kind() const { return static_cast<Kind>(v_.index()); }
  bool is_null() const { return kind() == Kind::kNull; }
  bool is_bool() const { return kind() == Kind::kBool; }
  bool is_int() const { return kind() == Kind::kInt; }
  bool is_float() const { return kind() == Kind::kFloat; }
  bool is_number() const { return is_int() || is_float(); }
  bool is_string() const { return kind() == Kind::kString; }
  bool is_date() const { return kind() == Kind::kDate; }
  bool is_local_time() const { return kind() == Kind::kLocalTime; }
  bool is_time() const { return kind() == Kind::kTime; }
  bool is_local_date_time() const { return kind() == Kind::kLocalDateTime; }
  bool is_date_time() const { return kind() == Kind::kDateTime; }
  bool is_duration() const { return kind() == Kind::kDuration; }
  // A date, time, date-time or duration of any flavour.
  bool is_temporal() const;
  bool is_list() const { return kind() == Kind::kList; }
  bool is_map() const { return kind() == Kind::kMap; }
  bool is_node() const { return kind() == Kind::kNode; }
  bool is_relationship() const { return kind() == Kind::kRelationship; }
  bool is_path() const { return kind() == Kind::kPath; }

  bool as_bool() const { return std::get<bool>(v_); }
  int64_t as_int() const { return std::get<int64_t>(v_); }
  double as_float() const { return std::get<double>(v_); }
  double as_number() const { return is_int() ? static_cast<double>(as_int()) : as_float(); }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  Date as_date() const { return std::get<Date>(v_); }
  LocalTime as_local_time() const { return std::get<LocalTime>(v_); }
  Time as_time() const { return std::get<Time>(v_); }
  LocalDateTime as_local_date_time() const { return std::get<LocalDateTime>(v_); }
  const DateTime& as_date_time() const { return std::get<DateTime>(v_); }
  const Duration& as_duration() const { return std::get<Duration>(v_); }
  const ValueList& as_list() const { return std::get<ValueList>(v_); }
  const std::map<std::string, Value>& as_map() const;
  const NodeRef& as_node() const { return std::get<NodeRef>(v_); }
  const RelRef& as_relationship() const { return std::get<RelRef>(v_); }
  const PathValue& as_path() const;

  // True when storage can keep it: a null-free scalar, or a list of such
  // scalars (openCypher forbids nulls and nested lists in properties).
  bool IsStorable() const;

  // Exact identity of kind and content (1 and 1.0 differ; nodes and
  // relationships by id): what a test and a round trip check. Cypher's own
  // equality, with nulls, lives in the query layer.
  friend bool operator==(const Value& a, const Value& b);
  friend bool operator!=(const Value& a, const Value& b) { return !(a == b); }

  // Cypher literal notation: null, true, 42, 1.5, 'text', date('2024-07-09'),
  // datetime('2024-10-03T09:00+02:00'), duration('P1Y2M'),
  // [1, 2], {a: 1}; nodes as (:Label {p: 1}), relationships as
  // [:TYPE {p: 1}] and paths as <(:A)-[:T]->(:B)> when their views are set,
  // by id otherwise.
  std::string ToString() const;

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string, Date, ValueList, std::shared_ptr<const MapValue>,
               NodeRef, RelRef, std::shared_ptr<const PathValue>, LocalTime, Time, LocalDateTime, DateTime, Duration>
      v_;
};

using ValueMap = std::map<std::string, Value>;

struct MapValue {
  ValueMap entries;
};

// What a result shows of a node or relationship: labels (or the one type
// name) and properties.
struct EntityView {
  std::vector<std::string> labels;  // a relationship's type is labels[0]
  ValueMap properties;
};

// nodes.size() == rels.size() + 1; rels[i] joins nodes[i] and nodes[i + 1]
// in either direction.
struct PathValue {
  std::vector<NodeRef> nodes;
  std::vector<RelRef> rels;
};

const char* ValueKindName(Value::Kind kind);

// Date, the times, the date-times and duration.
inline bool IsTemporalKind(Value::Kind k) {
  return k == Value::Kind::kDate || (k >= Value::Kind::kLocalTime && k <= Value::Kind::kDuration);
}
inline bool Value::is_temporal() const { return IsTemporalKind(kind()); }

// A map key (or any name) as Cypher writes it: bare when it is a plain
// identifier (letters, digits, _, not starting with a digit), else in
// backticks, as Value::ToString writes map keys.
std::string CypherName(const std::string& name);

// The ISO 8601 text of a temporal value (date, times, date-times,
// duration): 2024-10-03T09:00+02:00[Europe/Paris], P9Y10M15D. Empty for
// any other kind.
std::string TemporalIsoString(const Value& v);

// The wall-clock date of a date, local datetime or datetime; nothing for
// any other kind.
std::optional<Date> TemporalDatePart(const Value& v);
// The wall-clock time of day of a time, local time, local datetime or
// datetime; nothing for any other kind.
std::optional<LocalTime> TemporalTimePart(const Value& v);

}  // namespace kg
