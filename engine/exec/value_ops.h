// openCypher's operations on values: equality and comparison with null
// semantics, the total order ORDER BY uses, and equivalence (grouping,
// DISTINCT). Arithmetic and the rest live in the expression evaluator.
#pragma once

#include <cstddef>

#include "common/value.h"

namespace kg {

// a = b: true, false, or null (unknown) as openCypher defines it: null if
// either side is null (or a list/map holds a null that decides it); 1 = 1.0;
// nodes and relationships by id; NaN equals nothing.
Value CypherEquals(const Value& a, const Value& b);

// a < b and friends: null when the two are not comparable (different types,
// null); a number compared with NaN is false, as the TCK requires.
Value CypherLess(const Value& a, const Value& b);
Value CypherLessEqual(const Value& a, const Value& b);

// The total order of ORDER BY (ascending): maps < nodes < relationships <
// lists < paths < datetimes < localdatetimes < dates < times < localtimes
// < durations < strings < booleans < numbers < null; within a kind the
// natural order (NaN after every other number; zoned values by instant).
// <0, 0, >0.
int OrderCompare(const Value& a, const Value& b);

// Equivalence, as grouping keys and DISTINCT see it: like equality, but
// null is equivalent to null and NaN to NaN. 1 and 1.0 are equivalent.
bool Equivalent(const Value& a, const Value& b);
// A hash consistent with Equivalent.
size_t EquivalenceHash(const Value& v);

struct ValueHash {
  size_t operator()(const Value& v) const { return EquivalenceHash(v); }
};
struct ValueEquivalent {
  bool operator()(const Value& a, const Value& b) const { return Equivalent(a, b); }
};
struct RowHash {
  size_t operator()(const std::vector<Value>& r) const;
};
struct RowEquivalent {
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const;
};

// Truth of a value used as a predicate (WHERE, CASE WHEN): only true passes.
// A non-boolean, non-null value is a type error (thrown as QueryError).
bool IsTrue(const Value& v);

}  // namespace kg
