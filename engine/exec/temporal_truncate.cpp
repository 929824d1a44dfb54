#include "exec/temporal_truncate.h"

#include <optional>

#include "common/time_zone.h"
#include "common/utf8.h"
#include "exec/query_error.h"
#include "exec/temporal_construct.h"
#include "exec/temporal_from_fields.h"
#include "exec/temporal_parse.h"

namespace kg::temporal {

namespace {

using Kind = Value::Kind;

enum class Unit {
  kMillennium,
  kCentury,
  kDecade,
  kYear,
  kWeekYear,
  kQuarter,
  kMonth,
  kWeek,
  kDay,  // the last unit a date has, the first a time of day has
  kHour,
  kMinute,
  kSecond,
  kMillisecond,
  kMicrosecond,
};

struct UnitName {
  const char* lower;    // as matched (case-insensitively)
  const char* written;  // as messages spell it
  Unit unit;
};

const UnitName kUnits[] = {
    {"millennium", "millennium", Unit::kMillennium},
    {"century", "century", Unit::kCentury},
    {"decade", "decade", Unit::kDecade},
    {"year", "year", Unit::kYear},
    {"weekyear", "weekYear", Unit::kWeekYear},
    {"quarter", "quarter", Unit::kQuarter},
    {"month", "month", Unit::kMonth},
    {"week", "week", Unit::kWeek},
    {"day", "day", Unit::kDay},
    {"hour", "hour", Unit::kHour},
    {"minute", "minute", Unit::kMinute},
    {"second", "second", Unit::kSecond},
    {"millisecond", "millisecond", Unit::kMillisecond},
    {"microsecond", "microsecond", Unit::kMicrosecond},
};

[[noreturn]] void Fail(const char* function, const std::string& message) {
  ThrowRuntime(std::string(function) + "(): " + message);
}

const UnitName& ParseUnit(const std::string& text, const char* function) {
  const std::string lower = utf8::AsciiLower(text);
  for (const UnitName& u : kUnits) {
    if (lower == u.lower) return u;
  }
  Fail(function, "unknown unit '" + text +
                     "' (expected millennium, century, decade, year, weekYear, quarter, month, week, day, hour, "
                     "minute, second, millisecond or microsecond)");
}

bool DateBased(Unit u) { return u <= Unit::kDay; }

// The Monday that starts the ISO week-based year of `d`.
Date WeekYearStart(Date d) {
  int64_t week_year, week;
  IsoWeekOf(d, &week_year, &week);
  return Date{d.days - (week - 1) * 7 - (IsoDayOfWeek(d) - 1)};
}

Date TruncateDate(Date d, Unit unit) {
  int64_t year;
  unsigned month, day;
  d.ToCivil(&year, &month, &day);
  switch (unit) {
    // Toward zero, as Neo4j's year-of-millennium field: -1234 is in the
    // millennium of -1000.
    case Unit::kMillennium:
      return Date::FromCivil(year / 1000 * 1000, 1, 1);
    case Unit::kCentury:
      return Date::FromCivil(year / 100 * 100, 1, 1);
    case Unit::kDecade:
      return Date::FromCivil(year / 10 * 10, 1, 1);
    case Unit::kYear:
      return Date::FromCivil(year, 1, 1);
    case Unit::kWeekYear:
      return WeekYearStart(d);
    case Unit::kQuarter:
      return Date::FromCivil(year, (month - 1) / 3 * 3 + 1, 1);
    case Unit::kMonth:
      return Date::FromCivil(year, month, 1);
    case Unit::kWeek:
      return Date{d.days - (IsoDayOfWeek(d) - 1)};
    default:
      return d;
  }
}

LocalTime TruncateTime(LocalTime t, Unit unit) {
  int64_t step = kNanosPerDay;
  switch (unit) {
    case Unit::kHour:
      step = 3600 * kNanosPerSecond;
      break;
    case Unit::kMinute:
      step = 60 * kNanosPerSecond;
      break;
    case Unit::kSecond:
      step = kNanosPerSecond;
      break;
    case Unit::kMillisecond:
      step = 1000000;
      break;
    case Unit::kMicrosecond:
      step = 1000;
      break;
    default:
      break;
  }
  return LocalTime{t.nanos - t.nanos % step};
}

// Removes the field `name` (any case) from `fields` and returns its value;
// nothing when it is absent or null.
std::optional<Value> TakeField(ValueMap* fields, const char* name) {
  std::optional<Value> out;
  for (auto it = fields->begin(); it != fields->end();) {
    if (utf8::EqualsIgnoreCase(it->first, name)) {
      if (!it->second.is_null()) out = it->second;
      it = fields->erase(it);
    } else {
      ++it;
    }
  }
  return out;
}

bool HasField(const ValueMap& fields, const char* name) {
  for (const auto& [key, v] : fields) {
    if (!v.is_null() && utf8::EqualsIgnoreCase(key, name)) return true;
  }
  return false;
}

int64_t SubsecondField(const char* function, const char* name, const std::optional<Value>& v, int64_t limit) {
  if (!v) return 0;
  if (!v->is_int()) Fail(function, std::string(name) + " must be an INTEGER, got " + ValueKindName(v->kind()));
  const int64_t n = v->as_int();
  if (n < 0 || n >= limit) {
    Fail(function, std::string(name) + " " + std::to_string(n) + " is not between 0 and " + std::to_string(limit - 1));
  }
  return n;
}

// After 'millisecond' (or 'microsecond') the finer sub-second fields add to
// the fraction truncation kept instead of replacing it (Neo4j's
// updateFieldMapWithConflictingSubseconds); they leave `fields`.
LocalTime MergeSubseconds(LocalTime t, Unit unit, ValueMap* fields, const char* function) {
  const int64_t whole_seconds = t.nanos - t.nanosecond();
  if (unit == Unit::kMillisecond && (HasField(*fields, "microsecond") || HasField(*fields, "nanosecond"))) {
    const std::optional<Value> micros = TakeField(fields, "microsecond");
    const std::optional<Value> nanos = TakeField(fields, "nanosecond");
    const int64_t us = SubsecondField(function, "microsecond", micros, 1000);
    const int64_t ns = SubsecondField(function, "nanosecond", nanos, micros ? 1000 : 1000000);
    return LocalTime{whole_seconds + t.nanosecond() / 1000000 * 1000000 + us * 1000 + ns};
  }
  if (unit == Unit::kMicrosecond && HasField(*fields, "nanosecond")) {
    const int64_t ns = SubsecondField(function, "nanosecond", TakeField(fields, "nanosecond"), 1000);
    return LocalTime{whole_seconds + t.nanosecond() / 1000 * 1000 + ns};
  }
  return t;
}

// The truncated value before the fields: `kind` built from `date` and `time`
// in `zone`.
Value Build(Kind kind, Date date, LocalTime time, const ZoneSpec& zone) {
  switch (kind) {
    case Kind::kDate:
      return Value(date);
    case Kind::kLocalTime:
      return Value(time);
    case Kind::kTime:
      return Value(Time{time, zone.offset_seconds});
    case Kind::kLocalDateTime:
      return Value(LocalDateTime{date, time});
    default: {
      const LocalDateTime local{date, time};
      if (zone.zone != 0) return Value(tz::ResolveLocal(zone.zone, local));
      return Value(DateTime{local, zone.offset_seconds, 0});
    }
  }
}

}  // namespace

Value Truncate(Kind kind, const std::string& unit_text, const Value& value, const ValueMap& map, const char* function) {
  const UnitName& unit = ParseUnit(unit_text, function);
  const char* kind_name = ValueKindName(kind);
  const bool has_date = kind == Kind::kDate || kind == Kind::kLocalDateTime || kind == Kind::kDateTime;
  const bool has_time = kind != Kind::kDate;
  const std::optional<Date> date = TemporalDatePart(value);
  const std::optional<LocalTime> time = TemporalTimePart(value);
  if (has_date && !date) {
    Fail(function,
         std::string("cannot make a ") + kind_name + " from a " + ValueKindName(value.kind()) + ": it has no date");
  }
  if (!has_date && !time) {
    Fail(function, std::string("cannot make a ") + kind_name + " from a " + ValueKindName(value.kind()) +
                       ": it has no time of day");
  }
  if (!has_time && !DateBased(unit.unit)) {
    Fail(function, std::string("cannot truncate to the ") + unit.written + ": a " + kind_name + " has no time of day");
  }
  if (!has_date && unit.unit < Unit::kDay) {
    Fail(function, std::string("cannot truncate to the ") + unit.written + ": a " + kind_name + " has no date");
  }
  if (has_date && has_time && !DateBased(unit.unit) && !time) {
    Fail(function, std::string("cannot truncate a ") + ValueKindName(value.kind()) + " to the " + unit.written +
                       ": it has no time of day");
  }

  Date new_date = date.value_or(Date{});
  LocalTime new_time;  // midnight, after a unit of a day or more
  if (DateBased(unit.unit)) {
    if (has_date) new_date = TruncateDate(new_date, unit.unit);
  } else {
    new_time = TruncateTime(*time, unit.unit);
  }

  ValueMap fields = map;
  new_time = MergeSubseconds(new_time, unit.unit, &fields, function);
  // The value's own zone, else UTC (a timezone field replaces it in
  // WithFields, keeping the wall clock).
  ZoneSpec zone;
  if (value.is_time()) zone.offset_seconds = value.as_time().offset_seconds;
  if (value.is_date_time()) {
    // A time of day keeps the offset the date-time has, not its zone's rules.
    const DateTime& dt = value.as_date_time();
    zone = ZoneSpec{dt.offset_seconds, kind == Kind::kTime ? 0 : dt.zone};
  }
  const Value base = Build(kind, new_date, new_time, zone);
  if (fields.empty()) return base;
  return WithFields(kind, base, fields, function);
}

}  // namespace kg::temporal
