// Components of temporal values, as openCypher's property syntax reads them:
// d.year, d.week, t.offsetMinutes, dt.epochMillis, dur.monthsOfYear, ...
#pragma once

#include <string>

#include "common/value.h"

namespace kg {

// The component `key` (case-insensitive) of a temporal value; a runtime
// error naming the kind when it has no such component.
Value TemporalField(const Value& v, const std::string& key);

}  // namespace kg
