// The ISO 8601 text of a temporal value, as exports and result formats
// write it: 2024-07-09, 12:31:14.645, 12:00Z, 2015-07-21T21:40:32.142,
// 2024-10-03T09:00+02:00[Europe/Paris], P9Y10M15D. The same text the
// temporal constructors read back (date('...'), datetime('...'), ...).
#pragma once

#include <string>

#include "common/value.h"

namespace kg {

// Empty for a value that is not temporal.
inline std::string TemporalIsoString(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kDate:
      return v.as_date().ToIsoString();
    case Value::Kind::kLocalTime:
      return v.as_local_time().ToIsoString();
    case Value::Kind::kTime:
      return v.as_time().ToIsoString();
    case Value::Kind::kLocalDateTime:
      return v.as_local_date_time().ToIsoString();
    case Value::Kind::kDateTime:
      return v.as_date_time().ToIsoString();
    case Value::Kind::kDuration:
      return v.as_duration().ToIsoString();
    default:
      return std::string();
  }
}

}  // namespace kg
