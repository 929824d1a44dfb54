#include "exec/value_ops.h"

#include <cmath>
#include <cstring>
#include <functional>

#include "common/value_compare.h"
#include "exec/query_error.h"

namespace kg {

namespace {

using Kind = Value::Kind;

// Three-valued truth as a small enum, so lists and maps can fold their
// elements' results without building Values.
enum class Tri { kFalse, kTrue, kNull };

Value FromTri(Tri t) { return t == Tri::kNull ? Value() : Value(t == Tri::kTrue); }

bool IsNaN(const Value& v) { return v.is_float() && std::isnan(v.as_float()); }

Tri EqualsTri(const Value& a, const Value& b);

// Folds element results: any false decides false; otherwise any null gives null.
template <typename Range>
Tri FoldAll(const Range& pairs) {
  bool saw_null = false;
  for (const auto& [x, y] : pairs) {
    const Tri t = EqualsTri(*x, *y);
    if (t == Tri::kFalse) return Tri::kFalse;
    if (t == Tri::kNull) saw_null = true;
  }
  return saw_null ? Tri::kNull : Tri::kTrue;
}

Tri EqualsTri(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Tri::kNull;
  if (a.is_number() && b.is_number()) {
    if (IsNaN(a) || IsNaN(b)) return Tri::kFalse;
    return *CompareComparable(a, b) == 0 ? Tri::kTrue : Tri::kFalse;
  }
  if (a.kind() != b.kind()) return Tri::kFalse;
  switch (a.kind()) {
    case Kind::kList: {
      const ValueList& x = a.as_list();
      const ValueList& y = b.as_list();
      if (x.size() != y.size()) return Tri::kFalse;
      std::vector<std::pair<const Value*, const Value*>> pairs;
      pairs.reserve(x.size());
      for (size_t i = 0; i < x.size(); ++i) pairs.emplace_back(&x[i], &y[i]);
      return FoldAll(pairs);
    }
    case Kind::kMap: {
      const ValueMap& x = a.as_map();
      const ValueMap& y = b.as_map();
      if (x.size() != y.size()) return Tri::kFalse;
      std::vector<std::pair<const Value*, const Value*>> pairs;
      for (auto ix = x.begin(), iy = y.begin(); ix != x.end(); ++ix, ++iy) {
        if (ix->first != iy->first) return Tri::kFalse;
        pairs.emplace_back(&ix->second, &iy->second);
      }
      return FoldAll(pairs);
    }
    default:
      // Scalars, temporal values, nodes, relationships and paths: exact
      // identity (datetimes: the same wall clock, offset and zone, as
      // Neo4j; durations: the same months, days, seconds, nanoseconds).
      return a == b ? Tri::kTrue : Tri::kFalse;
  }
}

// The comparison behind <, <=: -1/0/1, or nothing when undefined.
std::optional<int> CompareTri(const Value& a, const Value& b) {
  if (a.is_list() && b.is_list()) {
    const ValueList& x = a.as_list();
    const ValueList& y = b.as_list();
    const size_t n = std::min(x.size(), y.size());
    for (size_t i = 0; i < n; ++i) {
      // Equal elements are skipped; the first pair that differs decides,
      // and an incomparable pair (null, mixed types) makes the whole unknown.
      if (EqualsTri(x[i], y[i]) == Tri::kTrue) continue;
      return CompareTri(x[i], y[i]);
    }
    if (x.size() == y.size()) return 0;
    return x.size() < y.size() ? -1 : 1;
  }
  return CompareComparable(a, b);
}

// Rank of a kind in ORDER BY's ascending order.
int OrderRank(const Value& v) {
  switch (v.kind()) {
    case Kind::kMap:
      return 0;
    case Kind::kNode:
      return 1;
    case Kind::kRelationship:
      return 2;
    case Kind::kList:
      return 3;
    case Kind::kPath:
      return 4;
    // The temporal kinds, in the order Neo4j sorts them.
    case Kind::kDateTime:
      return 5;
    case Kind::kLocalDateTime:
      return 6;
    case Kind::kDate:
      return 7;
    case Kind::kTime:
      return 8;
    case Kind::kLocalTime:
      return 9;
    case Kind::kDuration:
      return 10;
    case Kind::kString:
      return 11;
    case Kind::kBool:
      return 12;
    case Kind::kInt:
    case Kind::kFloat:
      return 13;
    case Kind::kNull:
      return 14;
  }
  return 15;
}

template <typename T>
int Cmp(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

int CompareNumbersTotal(const Value& a, const Value& b) {
  const bool na = IsNaN(a), nb = IsNaN(b);
  if (na || nb) return Cmp(na, nb);  // NaN after every other number
  return *CompareComparable(a, b);
}

size_t Mix(size_t seed, size_t h) { return seed ^ (h + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2)); }

// NaN is a number that no comparison holds for: false rather than null.
bool NaNComparison(const Value& a, const Value& b) { return a.is_number() && b.is_number() && (IsNaN(a) || IsNaN(b)); }

}  // namespace

Value CypherEquals(const Value& a, const Value& b) { return FromTri(EqualsTri(a, b)); }

Value CypherLess(const Value& a, const Value& b) {
  if (NaNComparison(a, b)) return Value(false);
  const std::optional<int> c = CompareTri(a, b);
  if (!c) return Value();
  return Value(*c < 0);
}

Value CypherLessEqual(const Value& a, const Value& b) {
  if (NaNComparison(a, b)) return Value(false);
  const std::optional<int> c = CompareTri(a, b);
  if (!c) return Value();
  return Value(*c <= 0);
}

int OrderCompare(const Value& a, const Value& b) {
  const int ra = OrderRank(a), rb = OrderRank(b);
  if (ra != rb) return Cmp(ra, rb);
  switch (a.kind()) {
    case Kind::kNull:
      return 0;
    case Kind::kInt:
    case Kind::kFloat:
      return CompareNumbersTotal(a, b);
    case Kind::kBool:
      return Cmp(a.as_bool(), b.as_bool());
    case Kind::kString: {
      const int c = a.as_string().compare(b.as_string());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case Kind::kDate:
    case Kind::kLocalTime:
    case Kind::kLocalDateTime:
      return *CompareComparable(a, b);
    case Kind::kTime: {
      // The instant, then the offset, so that only equal values tie.
      const int c = *CompareComparable(a, b);
      return c != 0 ? c : Cmp(a.as_time().offset_seconds, b.as_time().offset_seconds);
    }
    case Kind::kDateTime: {
      const int c = *CompareComparable(a, b);
      if (c != 0) return c;
      const DateTime& x = a.as_date_time();
      const DateTime& y = b.as_date_time();
      if (x.offset_seconds != y.offset_seconds) return Cmp(x.offset_seconds, y.offset_seconds);
      return Cmp(x.zone, y.zone);
    }
    case Kind::kDuration: {
      const Duration& x = a.as_duration();
      const Duration& y = b.as_duration();
      if (x.months != y.months) return Cmp(x.months, y.months);
      if (x.days != y.days) return Cmp(x.days, y.days);
      if (x.seconds != y.seconds) return Cmp(x.seconds, y.seconds);
      return Cmp(x.nanos, y.nanos);
    }
    case Kind::kList: {
      const ValueList& x = a.as_list();
      const ValueList& y = b.as_list();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        const int c = OrderCompare(x[i], y[i]);
        if (c != 0) return c;
      }
      return Cmp(x.size(), y.size());
    }
    case Kind::kMap: {
      const ValueMap& x = a.as_map();
      const ValueMap& y = b.as_map();
      auto ix = x.begin();
      auto iy = y.begin();
      for (; ix != x.end() && iy != y.end(); ++ix, ++iy) {
        if (ix->first != iy->first) return ix->first < iy->first ? -1 : 1;
        const int c = OrderCompare(ix->second, iy->second);
        if (c != 0) return c;
      }
      return Cmp(x.size(), y.size());
    }
    case Kind::kNode:
      return Cmp(a.as_node().id, b.as_node().id);
    case Kind::kRelationship:
      return Cmp(a.as_relationship().id, b.as_relationship().id);
    case Kind::kPath: {
      const PathValue& x = a.as_path();
      const PathValue& y = b.as_path();
      for (size_t i = 0; i < x.nodes.size() && i < y.nodes.size(); ++i) {
        if (x.nodes[i].id != y.nodes[i].id) return Cmp(x.nodes[i].id, y.nodes[i].id);
        if (i < x.rels.size() && i < y.rels.size() && x.rels[i].id != y.rels[i].id) {
          return Cmp(x.rels[i].id, y.rels[i].id);
        }
      }
      return Cmp(x.nodes.size(), y.nodes.size());
    }
  }
  return 0;
}

bool Equivalent(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    const bool na = IsNaN(a), nb = IsNaN(b);
    if (na || nb) return na && nb;
    return *CompareComparable(a, b) == 0;
  }
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Kind::kList: {
      const ValueList& x = a.as_list();
      const ValueList& y = b.as_list();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (!Equivalent(x[i], y[i])) return false;
      }
      return true;
    }
    case Kind::kMap: {
      const ValueMap& x = a.as_map();
      const ValueMap& y = b.as_map();
      if (x.size() != y.size()) return false;
      for (auto ix = x.begin(), iy = y.begin(); ix != x.end(); ++ix, ++iy) {
        if (ix->first != iy->first || !Equivalent(ix->second, iy->second)) return false;
      }
      return true;
    }
    default:
      return a == b;
  }
}

size_t EquivalenceHash(const Value& v) {
  switch (v.kind()) {
    case Kind::kNull:
      return 0x51ed27;
    case Kind::kBool:
      return v.as_bool() ? 0xb001 : 0xb000;
    case Kind::kInt:
      return std::hash<int64_t>()(v.as_int());
    case Kind::kFloat: {
      const double d = v.as_float();
      if (std::isnan(d)) return 0x7ff8;
      // A whole float equivalent to an integer hashes as that integer.
      if (d == std::trunc(d) && d >= -9223372036854775808.0 && d < 9223372036854775808.0) {
        return std::hash<int64_t>()(static_cast<int64_t>(d));
      }
      return std::hash<double>()(d);
    }
    case Kind::kString:
      return std::hash<std::string>()(v.as_string());
    case Kind::kDate:
      return Mix(0xda7e, std::hash<int64_t>()(v.as_date().days));
    case Kind::kLocalTime:
      return Mix(0x10c7, std::hash<int64_t>()(v.as_local_time().nanos));
    case Kind::kTime:
      return Mix(Mix(0x713e, std::hash<int64_t>()(v.as_time().time.nanos)), v.as_time().offset_seconds);
    case Kind::kLocalDateTime: {
      const LocalDateTime t = v.as_local_date_time();
      return Mix(Mix(0x10d7, std::hash<int64_t>()(t.date.days)), std::hash<int64_t>()(t.time.nanos));
    }
    case Kind::kDateTime: {
      const DateTime& t = v.as_date_time();
      size_t h = Mix(0xd7, std::hash<int64_t>()(t.local.date.days));
      h = Mix(h, std::hash<int64_t>()(t.local.time.nanos));
      return Mix(Mix(h, t.offset_seconds), t.zone);
    }
    case Kind::kDuration: {
      const Duration& d = v.as_duration();
      size_t h = Mix(0xd0, std::hash<int64_t>()(d.months));
      h = Mix(h, std::hash<int64_t>()(d.days));
      return Mix(Mix(h, std::hash<int64_t>()(d.seconds)), std::hash<int64_t>()(d.nanos));
    }
    case Kind::kList: {
      size_t h = 0x1157;
      for (const Value& e : v.as_list()) h = Mix(h, EquivalenceHash(e));
      return h;
    }
    case Kind::kMap: {
      size_t h = 0x3a9;
      for (const auto& [k, e] : v.as_map()) h = Mix(Mix(h, std::hash<std::string>()(k)), EquivalenceHash(e));
      return h;
    }
    case Kind::kNode:
      return Mix(0x40de, std::hash<uint64_t>()(v.as_node().id));
    case Kind::kRelationship:
      return Mix(0x4e1, std::hash<uint64_t>()(v.as_relationship().id));
    case Kind::kPath: {
      size_t h = 0x9a74;
      for (const NodeRef& n : v.as_path().nodes) h = Mix(h, n.id);
      for (const RelRef& r : v.as_path().rels) h = Mix(h, r.id);
      return h;
    }
  }
  return 0;
}

size_t RowHash::operator()(const std::vector<Value>& r) const {
  size_t h = r.size();
  for (const Value& v : r) h = Mix(h, EquivalenceHash(v));
  return h;
}

bool RowEquivalent::operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!Equivalent(a[i], b[i])) return false;
  }
  return true;
}

bool IsTrue(const Value& v) {
  if (v.is_null()) return false;
  if (!v.is_bool()) ThrowRuntime(std::string("expected a boolean, got ") + ValueKindName(v.kind()));
  return v.as_bool();
}

}  // namespace kg
