// Calendar and clock fields to values, with openCypher's range checks: the
// one place that knows ISO weeks, ordinal days and quarters. Used by the
// text parser (temporal_parse.cpp) and the map constructors
// (temporal_construct.cpp). Errors are runtime Statuses without a function
// name ("month 13 is not between 1 and 12"); callers add it.
#pragma once

#include <cstdint>
#include <optional>

#include "common/status.h"
#include "common/temporal.h"

namespace kg::temporal {

constexpr int64_t kMinYear = -999999999;
constexpr int64_t kMaxYear = 999999999;

// One of four ways to name a day; at most one group may be used:
// calendar (month, day), week (week, dayOfWeek; year is then the ISO
// week-based year), ordinal (ordinalDay) or quarter (quarter, dayOfQuarter).
struct DateFields {
  std::optional<int64_t> year, month, day, week, day_of_week, ordinal_day, quarter, day_of_quarter;

  bool Any() const { return year || month || day || week || day_of_week || ordinal_day || quarter || day_of_quarter; }
};

// The date the fields name. Missing smaller fields default to 1 (the first
// month, week, day); a smaller field without its larger one (day without
// month) and fields of two groups are errors, as are values out of range
// and days the calendar lacks (2015-02-30, week 53 of 2015).
Result<Date> DateFromFields(const DateFields& f);

// `f` completed from `base`: the missing fields of the group `f` uses (the
// calendar group when it names none) are taken from base, so that
// {date: d, week: 2} keeps d's day of the week and {date: d, day: 28} its
// year and month.
DateFields FillFromBase(DateFields f, Date base);

struct TimeFields {
  std::optional<int64_t> hour, minute, second, millisecond, microsecond, nanosecond;

  bool Any() const { return hour || minute || second || millisecond || microsecond || nanosecond; }
  bool AnySubsecond() const { return millisecond || microsecond || nanosecond; }
};

// The time of day the fields name; missing fields are 0, a field without
// the larger one is an error (minute without hour). The sub-second fields
// add up: {millisecond: 123, microsecond: 456, nanosecond: 789} is
// .123456789, each then limited to its own part.
Result<LocalTime> TimeFromFields(const TimeFields& f);

// `f` completed from `base`: missing hour, minute, second from base, and
// the fraction of a second from base unless f gives a sub-second field.
TimeFields FillFromBase(TimeFields f, LocalTime base);

// The units of duration(map) and of duration text.
enum class DurationUnit {
  kYears,
  kQuarters,
  kMonths,
  kWeeks,
  kDays,
  kHours,
  kMinutes,
  kSeconds,
  kMilliseconds,
  kMicroseconds,
  kNanoseconds
};

// Adds up the parts of a duration as Neo4j does: years and quarters count
// as months, weeks as days, hours and minutes as seconds. A fraction
// cascades to the smaller parts: a month is 2629746 seconds (30.436875
// days), so {months: 0.75} is P22DT19H51M49.5S; a day is 86400 seconds.
class DurationFields {
 public:
  // False when the sum leaves the 64-bit range (or v is not finite).
  bool AddInt(DurationUnit unit, int64_t v);
  bool AddFloat(DurationUnit unit, double v);
  Result<Duration> ToDuration() const;

 private:
  int64_t months_ = 0, days_ = 0, seconds_ = 0, nanos_ = 0;
  // Fractional amounts, in months, days and seconds (may exceed one).
  long double month_frac_ = 0, day_frac_ = 0, second_frac_ = 0;
};

// ISO 8601 calendar facts.
int64_t IsoDayOfWeek(Date d);  // Monday 1 .. Sunday 7
void IsoWeekOf(Date d, int64_t* week_year, int64_t* week);
int64_t OrdinalDayOf(Date d);
void QuarterOf(Date d, int64_t* quarter, int64_t* day_of_quarter);

}  // namespace kg::temporal
