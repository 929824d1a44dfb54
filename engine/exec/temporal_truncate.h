// date.truncate, datetime.truncate, localdatetime.truncate, time.truncate
// and localtime.truncate: a temporal value cut down to the start of a unit,
// then given the fields of an optional map, as openCypher (Neo4j 5) defines
// them.
//
// Units: millennium, century, decade, year, weekYear (the Monday of ISO
// week 1), quarter, month, week (the Monday), day, hour, minute, second,
// millisecond, microsecond. A date is truncated by the units down to day, a
// time of day by day and the smaller ones; a date-time by all of them.
//
// The map's fields apply to the truncated value as kind({<value>, fields})
// would (temporal_construct.h's WithFields): {day: 2} after 'month' is the
// second of the month. Two fields are read differently: a timezone keeps
// the truncated wall clock and gives it that zone (not the same instant);
// after 'millisecond' a microsecond or nanosecond field, and after
// 'microsecond' a nanosecond field, is the part below the kept fraction
// ('millisecond' with {nanosecond: 2} turns .645876123 into .645000002).
#pragma once

#include <string>

#include "common/value.h"

namespace kg::temporal {

// `kind` is the function's: Value::Kind::kDate for date.truncate, kDateTime
// for datetime.truncate, and so on. `value` is any temporal value other
// than a duration that has what the result needs (a date for the kinds with
// one, a time of day for time and localtime). A value without a zone gets
// UTC where the result needs one; a time of day cut from a date-time keeps
// the date-time's offset.
//
// Throws a runtime QueryError naming `function` for an unknown unit, a unit
// the kind cannot be truncated by, a value lacking a date or time the result
// needs, and any error of the fields.
Value Truncate(Value::Kind kind, const std::string& unit, const Value& value, const ValueMap& fields,
               const char* function);

}  // namespace kg::temporal
