// Arithmetic on temporal values as openCypher (and Neo4j 5, whose java.time
// rules the TCK encodes) defines it:
// - temporal ± duration for every temporal kind: months first (the day of
//   the month clamped to the month's last day), then days, then seconds and
//   nanoseconds. A date takes whole days only (the seconds part counts in
//   whole days of 86400 s, the nanoseconds not at all); a time of day takes
//   only seconds and nanoseconds and wraps around midnight. A datetime in a
//   named zone moves its wall clock by months and days (re-resolved in the
//   zone, keeping its offset where that still exists) and its instant by
//   seconds, as java.time's ZonedDateTime.plus does.
// - duration ± duration component-wise; duration * number, number *
//   duration and duration / number, a fraction of a month cascading to days
//   (a month is 30.436875 days), of a day to seconds, of a second to
//   nanoseconds.
//
// The difference of two temporal values is duration_between.h.
//
// Every function throws a runtime QueryError for a result outside the
// range of its kind (years beyond +-999,999,999, 64-bit overflow of a
// duration's parts) or a division by zero.
#pragma once

#include <optional>

#include "common/operators.h"
#include "common/temporal.h"
#include "common/value.h"

namespace kg::temporal {

// `temporal` (a DATE, LOCAL TIME, ZONED TIME, LOCAL DATETIME or ZONED
// DATETIME) moved by `d`; the result has the same kind.
Value Plus(const Value& temporal, const Duration& d);
Value Minus(const Value& temporal, const Duration& d);

Duration Add(const Duration& a, const Duration& b);
Duration Subtract(const Duration& a, const Duration& b);
Duration Negate(const Duration& d);
// By an INTEGER exactly, by a FLOAT approximately (the cascade above).
Duration Multiply(const Duration& d, const Value& factor);
Duration Divide(const Duration& d, const Value& divisor);

// The evaluator's call-out for a binary + - * / where either operand is
// temporal (neither is null): the result, or nothing when openCypher has no
// such operation (date - date, duration * duration, ...) so that the
// evaluator reports the operands.
std::optional<Value> Arithmetic(Op op, const Value& a, const Value& b);

}  // namespace kg::temporal
