// When a fact holds: reading valid_from / valid_to / reported (docs/query-language.md,
// "Facts as of a date"). The data model stores them as ISO text with the
// precision the source gives ('2021', '2023-11', '2024-07-09'), or as
// temporal values; an absent bound is an open end.
//
// A bound is read as the span of days it names: '2021' is 2021-01-01 ..
// 2021-12-31, '2023-11' is 2023-11-01 .. 2023-11-30. valid_from starts on
// the first day of its span, valid_to ends on the last day of its span, so
// {valid_from: '2021', valid_to: '2025'} holds from 2021-01-01 through
// 2025-12-31 inclusive.
#pragma once

#include <optional>
#include <string_view>

#include "common/date.h"
#include "common/status.h"
#include "common/value.h"

namespace kg::validity {

// The days a partial date names, first and last inclusive.
struct DaySpan {
  Date first;
  Date last;
};

// 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (four-digit year, real month and day:
// '2023-02-29' is refused). Anything else ('--03-28', '2021-5', ' 2021') is
// a runtime error naming the text.
Result<DaySpan> ParsePartialDate(std::string_view text);

// A fact's validity; a missing end is open.
struct Validity {
  std::optional<Date> from;  // first day it holds
  std::optional<Date> to;    // last day it holds

  bool Contains(Date day) const { return (!from || !(day < *from)) && (!to || !(*to < day)); }
};

// Reads the property values as stored. Each may be null (absent), a STRING
// (a partial date, as above), a DATE, or a LOCAL DATETIME or ZONED DATETIME
// (its local date). With valid_from or valid_to, they are the bounds (a
// missing one is an open end). With neither, `reported` (the day, month or
// year at which the source reports the fact) is all that is known: the fact
// holds on the days it names and no others. With none of the three the
// fact is timeless and holds on every day. Any other kind, unreadable text,
// or a valid_from whose first day comes after valid_to's last day is a
// runtime error naming the property and the value.
Result<Validity> ReadValidity(const Value& valid_from, const Value& valid_to, const Value& reported);

}  // namespace kg::validity
