// Building temporal values as openCypher's date(), localtime(), time(),
// localdatetime(), datetime() and duration() do: from a map of fields, from
// another temporal value, from ISO 8601 text (temporal_parse.h) and from
// the clocks. The functions themselves are registered by
// temporal_construct.cpp; this header gives the building blocks to the other
// temporal functions (truncate's override maps, arithmetic).
//
// Errors end the query: each of these throws a runtime QueryError whose
// message names `function` and the problem (a field out of range, an unknown
// or conflicting key, an unknown zone, unreadable text).
#pragma once

#include <string_view>

#include "common/temporal.h"
#include "common/value.h"
#include "exec/temporal_parse.h"

namespace kg::temporal {

// `kind` is one of Value::Kind::kDate, kLocalTime, kTime, kLocalDateTime,
// kDateTime.
//
// The value kind(map) builds. Keys (case-insensitive): year, month, day,
// week, dayOfWeek, ordinalDay, quarter, dayOfQuarter, hour, minute, second,
// millisecond, microsecond, nanosecond, timezone, and the selections date,
// time, datetime (another temporal value whose parts are taken), plus
// epochSeconds / epochMillis for datetime. Null fields are ignored.
Value FromMap(Value::Kind kind, const ValueMap& map, const char* function);

// `base` (a temporal value) with `fields` applied, as kind({<base>, fields})
// selects: date.truncate('month', d, {day: 5}) is
// WithFields(kDate, truncated, {day: 5}). A timezone field replaces the
// base's zone and keeps its wall clock, as truncate's override does
// (datetime.truncate('year', d, {timezone: 'Europe/Stockholm'}) is midnight
// in Stockholm); kind({datetime: d, timezone: z}) instead keeps the instant.
Value WithFields(Value::Kind kind, const Value& base, const ValueMap& fields, const char* function);

// The value kind(text) builds from ISO 8601 text.
Value FromText(Value::Kind kind, std::string_view text, const char* function);

// The value kind(other) builds from another temporal value: date(datetime)
// takes its date, time(localtime) adds UTC, datetime(localdatetime) is UTC,
// etc. Throws when `other` lacks what `kind` needs (date(localtime)).
Value FromTemporal(Value::Kind kind, const Value& other, const char* function);

// duration(map): years, quarters, months, weeks, days, hours, minutes,
// seconds, milliseconds, microseconds, nanoseconds; integers or floats, a
// fraction cascading to the smaller units (a month is 2629746 s).
Duration DurationFromMap(const ValueMap& map);

// The current value of `kind` at `epoch_nanos` (an instant) in `zone`.
Value AtInstant(Value::Kind kind, int64_t epoch_nanos, const ZoneSpec& zone);

}  // namespace kg::temporal
