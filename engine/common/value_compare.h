// Ordering of values within one comparability class, as openCypher's
// comparison operators see it: numbers with numbers (integers and floats
// compared exactly), strings with strings (by code point, which UTF-8 byte
// order gives), booleans with booleans, and each temporal kind with itself:
// times and date-times with a zone by their instant (10:00+01:00 is before
// 09:30Z), local ones by their wall clock. Durations are not comparable.
#pragma once

#include <optional>

#include "common/value.h"

namespace kg {

// <0, 0, >0; nothing when the two are not comparable (different classes,
// null, NaN, lists).
std::optional<int> CompareComparable(const Value& a, const Value& b);

// Exact comparison of an integer with a double, with no rounding of either.
int CompareIntDouble(int64_t i, double d);

}  // namespace kg
