#include "exec/temporal_fields.h"

#include <date/date.h>
#include <date/iso_week.h>

#include <optional>

#include "common/time_zone.h"
#include "common/utf8.h"
#include "exec/query_error.h"

namespace kg {
namespace {

// year, quarter, month, week, weekYear, day, ordinalDay, weekDay
// (dayOfWeek), dayOfQuarter.
std::optional<int64_t> DateComponent(Date d, const std::string& k) {
  int64_t y;
  unsigned m, day;
  d.ToCivil(&y, &m, &day);
  if (k == "year") return y;
  if (k == "month") return m;
  if (k == "day") return day;
  if (k == "quarter") return (m - 1) / 3 + 1;
  if (k == "ordinalday") return d.days - Date::FromCivil(y, 1, 1).days + 1;
  if (k == "dayofquarter") return d.days - Date::FromCivil(y, (m - 1) / 3 * 3 + 1, 1).days + 1;
  if (k == "week" || k == "weekyear" || k == "weekday" || k == "dayofweek") {
    const iso_week::year_weeknum_weekday iso{date::sys_days{date::days{d.days}}};
    if (k == "week") return static_cast<unsigned>(iso.weeknum());
    if (k == "weekyear") return static_cast<int>(iso.year());
    return static_cast<unsigned>(iso.weekday());  // Monday 1 .. Sunday 7
  }
  return std::nullopt;
}

// hour, minute, second, millisecond, microsecond, nanosecond.
std::optional<int64_t> TimeComponent(LocalTime t, const std::string& k) {
  if (k == "hour") return t.hour();
  if (k == "minute") return t.minute();
  if (k == "second") return t.second();
  if (k == "millisecond") return t.nanosecond() / 1000000;
  if (k == "microsecond") return t.nanosecond() / 1000;
  if (k == "nanosecond") return t.nanosecond();
  return std::nullopt;
}

// timezone, offset, offsetMinutes, offsetSeconds.
std::optional<Value> ZoneComponent(int32_t offset, uint32_t zone, const std::string& k) {
  if (k == "timezone") return Value(zone != 0 ? tz::ZoneName(zone) : FormatUtcOffset(offset));
  if (k == "offset") return Value(FormatUtcOffset(offset));
  if (k == "offsetminutes") return Value(static_cast<int64_t>(offset / 60));
  if (k == "offsetseconds") return Value(static_cast<int64_t>(offset));
  return std::nullopt;
}

// The time part is read as Neo4j reads it: whole seconds rounded down and
// a fraction in [0, 1e9), so PT-0.1S has seconds -1 and
// nanosecondsOfSecond 900000000.
std::optional<int64_t> DurationComponent(const Duration& d, const std::string& k) {
  int64_t secs = d.seconds;
  int64_t nanos = d.nanos;
  if (nanos < 0) {
    secs -= 1;
    nanos += kNanosPerSecond;
  }
  if (k == "years") return d.months / 12;
  if (k == "quarters") return d.months / 3;
  if (k == "months") return d.months;
  if (k == "weeks") return d.days / 7;
  if (k == "days") return d.days;
  if (k == "hours") return secs / 3600;
  if (k == "minutes") return secs / 60;
  if (k == "seconds") return secs;
  if (k == "milliseconds") return secs * 1000 + nanos / 1000000;
  if (k == "microseconds") return secs * 1000000 + nanos / 1000;
  if (k == "nanoseconds") return secs * kNanosPerSecond + nanos;
  if (k == "quartersofyear") return d.months / 3 % 4;
  if (k == "monthsofquarter") return d.months % 3;
  if (k == "monthsofyear") return d.months % 12;
  if (k == "daysofweek") return d.days % 7;
  if (k == "minutesofhour") return secs / 60 % 60;
  if (k == "secondsofminute") return secs % 60;
  if (k == "millisecondsofsecond") return nanos / 1000000;
  if (k == "microsecondsofsecond") return nanos / 1000;
  if (k == "nanosecondsofsecond") return nanos;
  return std::nullopt;
}

Value Int(std::optional<int64_t> v) { return Value(*v); }

}  // namespace

Value TemporalField(const Value& v, const std::string& key) {
  const std::string k = utf8::AsciiLower(key);
  switch (v.kind()) {
    case Value::Kind::kDate:
      if (auto c = DateComponent(v.as_date(), k)) return Int(c);
      break;
    case Value::Kind::kLocalTime:
      if (auto c = TimeComponent(v.as_local_time(), k)) return Int(c);
      break;
    case Value::Kind::kTime: {
      const Time t = v.as_time();
      if (auto c = TimeComponent(t.time, k)) return Int(c);
      if (auto z = ZoneComponent(t.offset_seconds, 0, k)) return *z;
      break;
    }
    case Value::Kind::kLocalDateTime: {
      const LocalDateTime t = v.as_local_date_time();
      if (auto c = DateComponent(t.date, k)) return Int(c);
      if (auto c = TimeComponent(t.time, k)) return Int(c);
      break;
    }
    case Value::Kind::kDateTime: {
      const DateTime& t = v.as_date_time();
      if (auto c = DateComponent(t.local.date, k)) return Int(c);
      if (auto c = TimeComponent(t.local.time, k)) return Int(c);
      if (auto z = ZoneComponent(t.offset_seconds, t.zone, k)) return *z;
      if (k == "epochseconds") return Value(t.EpochSeconds());
      if (k == "epochmillis") return Value(t.EpochSeconds() * 1000 + t.Nanosecond() / 1000000);
      break;
    }
    case Value::Kind::kDuration:
      if (auto c = DurationComponent(v.as_duration(), k)) return Int(c);
      break;
    default:
      ThrowRuntime(std::string("cannot read component '") + key + "' of " + ValueKindName(v.kind()));
  }
  ThrowRuntime(std::string("a ") + ValueKindName(v.kind()) + " has no component '" + key + "'");
}

}  // namespace kg
