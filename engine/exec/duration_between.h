// duration.between(a, b), duration.inMonths, duration.inDays and
// duration.inSeconds: the duration from one temporal value to another, as
// openCypher (Neo4j 5, java.time's until) defines it.
//
// The two values may be of different kinds. Before they are compared, a
// value lacking what the other has borrows it: a date without a time is
// taken at midnight, a time of day without a date takes the other's date,
// a value without a zone takes the other's zone (a named zone resolving the
// wall clock there). Zoned values are compared by instant, local ones by
// wall clock.
#pragma once

#include "common/temporal.h"
#include "common/value.h"

namespace kg::temporal {

enum class BetweenUnit {
  kAll,      // duration.between: whole months, then whole days, then the rest
  kMonths,   // duration.inMonths: whole months only
  kDays,     // duration.inDays: whole days only
  kSeconds,  // duration.inSeconds: seconds and nanoseconds only
};

// The duration from `from` to `to`, both temporal values other than
// durations (the caller checks). Months and days are counted only when
// both values have a date (PT0S from inMonths of two times); a negative
// difference gives negative parts. Throws a runtime QueryError when a part
// does not fit in 64 bits.
Duration Between(const Value& from, const Value& to, BetweenUnit unit);

}  // namespace kg::temporal
