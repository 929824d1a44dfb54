// ISO 8601 text to temporal values, as openCypher's date(), localtime(),
// time(), localdatetime(), datetime() and duration() read their string
// argument. Every form the openCypher TCK uses is accepted:
// - dates: 2015-07-21, 20150721, 2015-07, 201507, 2015, week dates
//   2015-W30-2, 2015W302, 2015-W30, ordinal dates 2015-202, 2015202, and
//   years beyond 0000..9999 with a sign (+999999999-12-31);
// - times: 21:40:32.142, 214032.142, 21:40, 2140, 21 (fraction after '.' or
//   ',', up to nine digits);
// - offsets: Z, +01:00, +0100, +01, -02:05:07; named zones in brackets
//   after the offset or instead of it: ...+02:00[Europe/Stockholm],
//   ...[Europe/London];
// - durations: P14DT16H12M, P5M1.5D, PT0.75M, P2.5W, negative parts
//   (PT-1.5S, -P1D), and the alternative form P2012-02-02T14:37:21.545.
// Each parser returns a runtime Status naming the text when it cannot read it.
#pragma once

#include <cstdint>
#include <string_view>

#include "common/status.h"
#include "common/temporal.h"

namespace kg::temporal {

// A time zone as a value carries it: a fixed UTC offset (zone 0), or a named
// zone (time_zone.h id) whose offset depends on the instant.
struct ZoneSpec {
  int32_t offset_seconds = 0;  // meaningful when zone == 0
  uint32_t zone = 0;
};

// "Z", "+01:00", "+0100", "+01", "-02:05:07" or an IANA name
// ("Europe/Stockholm"). Offsets beyond +-18:00 are refused.
Result<ZoneSpec> ParseZone(std::string_view text);

Result<Date> ParseDate(std::string_view text);
Result<LocalTime> ParseLocalTime(std::string_view text);
// A time with an offset; without one, the offset is UTC.
Result<Time> ParseTime(std::string_view text);
// A date alone is midnight on that date.
Result<LocalDateTime> ParseLocalDateTime(std::string_view text);
// A date-time with an offset and/or a zone name; without either it is UTC.
// With a zone name and no offset the offset is the zone's at that wall time.
Result<DateTime> ParseDateTime(std::string_view text);
Result<Duration> ParseDuration(std::string_view text);

}  // namespace kg::temporal
