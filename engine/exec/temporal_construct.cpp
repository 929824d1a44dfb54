// date(), localtime(), time(), localdatetime(), datetime(), duration(), their
// clocks (date.realtime(), .statement(), .transaction() for each kind),
// datetime.fromepoch(), datetime.fromepochmillis() and timestamp().
#include "exec/temporal_construct.h"

#include <chrono>
#include <optional>
#include <string>

#include "common/time_zone.h"
#include "common/utf8.h"
#include "exec/function_registry.h"
#include "exec/query_error.h"
#include "exec/temporal_from_fields.h"

namespace kg::temporal {
namespace {

using Kind = Value::Kind;

[[noreturn]] void Fail(const char* function, const std::string& message) {
  ThrowRuntime(std::string(function) + "(): " + message);
}

template <typename T>
T Check(const char* function, Result<T> r) {
  if (!r.ok()) Fail(function, r.status().message());
  return std::move(r).value();
}

bool HasDate(Kind k) { return k == Kind::kDate || k == Kind::kLocalDateTime || k == Kind::kDateTime; }
bool HasTime(Kind k) { return k != Kind::kDate && k != Kind::kDuration && k >= Kind::kLocalTime; }

// The zone a value carries: a Time's offset, a DateTime's zone (or offset).
std::optional<ZoneSpec> ZoneOf(const Value& v) {
  if (v.is_time()) return ZoneSpec{v.as_time().offset_seconds, 0};
  if (v.is_date_time()) return ZoneSpec{v.as_date_time().offset_seconds, v.as_date_time().zone};
  return std::nullopt;
}

// The DateTime at an instant, shown in `zone`.
DateTime InstantIn(const ZoneSpec& zone, int64_t epoch_seconds, int64_t nanos) {
  if (zone.zone != 0) return tz::AtInstant(zone.zone, epoch_seconds, nanos);
  DateTime out = tz::AtInstant(0, epoch_seconds + zone.offset_seconds, nanos);
  out.offset_seconds = zone.offset_seconds;
  return out;
}

// A wall-clock time placed in `zone` (a named zone resolves gaps and
// overlaps as java.time does).
DateTime LocalIn(const ZoneSpec& zone, const LocalDateTime& local) {
  if (zone.zone != 0) return tz::ResolveLocal(zone.zone, local);
  DateTime out;
  out.local = local;
  out.offset_seconds = zone.offset_seconds;
  return out;
}

int64_t RealtimeNanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A zone's offset for a time of day: a named zone's offset now.
int32_t OffsetForTime(const ZoneSpec& zone) {
  if (zone.zone == 0) return zone.offset_seconds;
  const int64_t now = RealtimeNanos();
  return tz::OffsetAtInstant(zone.zone, now / kNanosPerSecond);
}

ZoneSpec ZoneArgument(const char* function, const Value& v) {
  if (!v.is_string()) {
    Fail(function, std::string("a time zone must be a STRING, got ") + ValueKindName(v.kind()));
  }
  return Check(function, ParseZone(v.as_string()));
}

// The keys of a temporal map, sorted out.
struct MapFields {
  DateFields date;
  TimeFields time;
  const Value* select_date = nullptr;
  const Value* select_time = nullptr;
  const Value* select_datetime = nullptr;
  const Value* timezone = nullptr;
  std::optional<int64_t> epoch_seconds, epoch_millis;
};

bool KeyAllowed(Kind kind, const std::string& key) {
  static const char* const kDateKeys[] = {"year",       "month",   "day",          "week", "dayofweek",
                                          "ordinalday", "quarter", "dayofquarter", "date"};
  static const char* const kTimeKeys[] = {"hour",        "minute",     "second", "millisecond",
                                          "microsecond", "nanosecond", "time"};
  for (const char* k : kDateKeys) {
    if (key == k) return HasDate(kind);
  }
  for (const char* k : kTimeKeys) {
    if (key == k) return HasTime(kind);
  }
  if (key == "datetime") return kind == Kind::kLocalDateTime || kind == Kind::kDateTime;
  if (key == "timezone") return kind == Kind::kTime || kind == Kind::kDateTime;
  if (key == "epochseconds" || key == "epochmillis") return kind == Kind::kDateTime;
  return false;
}

MapFields SortKeys(Kind kind, const ValueMap& map, const char* function) {
  MapFields m;
  for (const auto& [name, v] : map) {
    const std::string key = utf8::AsciiLower(name);
    if (!KeyAllowed(kind, key)) Fail(function, "unknown field '" + name + "'");
    if (v.is_null()) continue;
    if (key == "date" || key == "time" || key == "datetime") {
      const bool ok = key == "date"   ? TemporalDatePart(v).has_value()
                      : key == "time" ? TemporalTimePart(v).has_value()
                                      : TemporalDatePart(v) && TemporalTimePart(v);
      if (!ok) {
        Fail(function,
             "field '" + name + "' must be a temporal value with a " + key + ", got " + ValueKindName(v.kind()));
      }
      (key == "date" ? m.select_date : key == "time" ? m.select_time : m.select_datetime) = &v;
      continue;
    }
    if (key == "timezone") {
      m.timezone = &v;
      continue;
    }
    if (!v.is_int()) {
      Fail(function, "field '" + name + "' must be an INTEGER, got " + ValueKindName(v.kind()));
    }
    const int64_t n = v.as_int();
    if (key == "year")
      m.date.year = n;
    else if (key == "month")
      m.date.month = n;
    else if (key == "day")
      m.date.day = n;
    else if (key == "week")
      m.date.week = n;
    else if (key == "dayofweek")
      m.date.day_of_week = n;
    else if (key == "ordinalday")
      m.date.ordinal_day = n;
    else if (key == "quarter")
      m.date.quarter = n;
    else if (key == "dayofquarter")
      m.date.day_of_quarter = n;
    else if (key == "hour")
      m.time.hour = n;
    else if (key == "minute")
      m.time.minute = n;
    else if (key == "second")
      m.time.second = n;
    else if (key == "millisecond")
      m.time.millisecond = n;
    else if (key == "microsecond")
      m.time.microsecond = n;
    else if (key == "nanosecond")
      m.time.nanosecond = n;
    else if (key == "epochseconds")
      m.epoch_seconds = n;
    else if (key == "epochmillis")
      m.epoch_millis = n;
  }
  return m;
}

Value ProjectDateTime(Kind kind, const DateTime& dt) {
  switch (kind) {
    case Kind::kDate:
      return Value(dt.local.date);
    case Kind::kLocalTime:
      return Value(dt.local.time);
    case Kind::kTime:
      return Value(Time{dt.local.time, dt.offset_seconds});
    case Kind::kLocalDateTime:
      return Value(dt.local);
    default:
      return Value(dt);
  }
}

// A zone change can carry a date past the last (or first) representable year.
DateTime InRange(const DateTime& dt, const char* function) {
  int64_t year;
  unsigned month, day;
  dt.local.date.ToCivil(&year, &month, &day);
  if (year < kMinYear || year > kMaxYear) Fail(function, "the result is beyond the supported years");
  return dt;
}

// datetime({epochSeconds, nanosecond, timezone}) and {epochMillis, ...}.
Value FromEpochFields(const MapFields& m, const char* function) {
  if (m.epoch_seconds && m.epoch_millis) Fail(function, "epochSeconds and epochMillis cannot both be given");
  if (m.date.Any() || m.time.hour || m.time.minute || m.time.second || m.select_date || m.select_time ||
      m.select_datetime) {
    Fail(function, "epochSeconds or epochMillis cannot be combined with date or time fields");
  }
  const int64_t ms = m.time.millisecond.value_or(0), us = m.time.microsecond.value_or(0),
                ns = m.time.nanosecond.value_or(0);
  if (ms < 0 || ms > 999 || us < 0 || us > 999999 || ns < 0 || ns > 999999999) {
    Fail(function, "a sub-second field is out of range");
  }
  // The instants of -999999999-01-01T00:00Z and +999999999-12-31T23:59:59Z.
  constexpr int64_t kMinEpoch = -31557014135596800LL, kMaxEpoch = 31556889832780799LL;
  int64_t seconds, nanos = ms * 1000000 + us * 1000 + ns;
  if (m.epoch_seconds) {
    if (*m.epoch_seconds > kMaxEpoch || *m.epoch_seconds < kMinEpoch) Fail(function, "the instant is out of range");
    seconds = *m.epoch_seconds;
  } else {
    if (m.time.millisecond) Fail(function, "millisecond cannot be combined with epochMillis");
    seconds = *m.epoch_millis / 1000;
    int64_t rest = *m.epoch_millis % 1000;
    if (rest < 0) {
      rest += 1000;
      seconds -= 1;
    }
    nanos += rest * 1000000;
  }
  seconds += nanos / kNanosPerSecond;
  nanos %= kNanosPerSecond;
  if (seconds > kMaxEpoch || seconds < kMinEpoch) Fail(function, "the instant is out of range");
  const ZoneSpec zone = m.timezone ? ZoneArgument(function, *m.timezone) : ZoneSpec{};
  return Value(InRange(InstantIn(zone, seconds, nanos), function));
}

Value Build(Kind kind, const MapFields& m, const char* function) {
  if (m.epoch_seconds || m.epoch_millis) return FromEpochFields(m, function);
  std::optional<Date> base_date;
  std::optional<LocalTime> base_time;
  std::optional<ZoneSpec> base_zone;
  if (m.select_datetime) {
    if (m.select_date || m.select_time) Fail(function, "datetime cannot be combined with date or time");
    base_date = TemporalDatePart(*m.select_datetime);
    base_time = TemporalTimePart(*m.select_datetime);
    base_zone = ZoneOf(*m.select_datetime);
  }
  if (m.select_date) base_date = TemporalDatePart(*m.select_date);
  if (m.select_time) {
    base_time = TemporalTimePart(*m.select_time);
    base_zone = ZoneOf(*m.select_time);
  }
  Date date;
  if (HasDate(kind)) {
    DateFields f = base_date ? FillFromBase(m.date, *base_date) : m.date;
    if (!f.Any() && kind != Kind::kDate) Fail(function, "needs a date: a year or a date to select from");
    date = Check(function, DateFromFields(f));
  }
  LocalTime time;
  if (HasTime(kind)) {
    if (kind != Kind::kLocalDateTime && kind != Kind::kDateTime && !base_time && !m.time.Any()) {
      Fail(function, "needs an hour or a time to select from");
    }
    time = Check(function, TimeFromFields(base_time ? FillFromBase(m.time, *base_time) : m.time));
  }
  const std::optional<ZoneSpec> zone =
      m.timezone ? std::optional<ZoneSpec>(ZoneArgument(function, *m.timezone)) : std::nullopt;
  switch (kind) {
    case Kind::kDate:
      return Value(date);
    case Kind::kLocalTime:
      return Value(time);
    case Kind::kLocalDateTime:
      return Value(LocalDateTime{date, time});
    case Kind::kTime: {
      if (!zone) return Value(Time{time, base_zone ? base_zone->offset_seconds : 0});
      const int32_t offset = OffsetForTime(*zone);
      if (!base_zone) return Value(Time{time, offset});
      // The same instant at the new offset, on a clock that wraps at midnight.
      int64_t nanos = (time.nanos + (int64_t{offset} - base_zone->offset_seconds) * kNanosPerSecond) % kNanosPerDay;
      if (nanos < 0) nanos += kNanosPerDay;
      return Value(Time{LocalTime{nanos}, offset});
    }
    default: {
      const LocalDateTime local{date, time};
      if (!base_zone) return Value(InRange(LocalIn(zone.value_or(ZoneSpec{}), local), function));
      const DateTime here = InRange(LocalIn(*base_zone, local), function);
      if (!zone) return Value(here);
      return Value(InRange(InstantIn(*zone, here.EpochSeconds(), here.Nanosecond()), function));
    }
  }
}

}  // namespace

Value FromMap(Kind kind, const ValueMap& map, const char* function) {
  return Build(kind, SortKeys(kind, map, function), function);
}

Value WithFields(Kind kind, const Value& base, const ValueMap& fields, const char* function) {
  ValueMap map = fields;
  bool new_zone = false;
  for (const auto& [name, v] : fields) new_zone |= utf8::EqualsIgnoreCase(name, "timezone") && !v.is_null();
  // A new zone replaces the base's: the wall clock stays (truncate's rule).
  if (new_zone && base.is_date_time()) return WithFields(kind, Value(base.as_date_time().local), fields, function);
  if (new_zone && base.is_time()) return WithFields(kind, Value(base.as_time().time), fields, function);
  const char* key = kind == Kind::kDate                                ? "date"
                    : kind == Kind::kLocalTime || kind == Kind::kTime  ? "time"
                    : TemporalDatePart(base) && TemporalTimePart(base) ? "datetime"
                    : TemporalDatePart(base)                           ? "date"
                                                                       : "time";
  map[key] = base;
  return FromMap(kind, map, function);
}

Value FromText(Kind kind, std::string_view text, const char* function) {
  switch (kind) {
    case Kind::kDate:
      return Value(Check(function, ParseDate(text)));
    case Kind::kLocalTime:
      return Value(Check(function, ParseLocalTime(text)));
    case Kind::kTime:
      return Value(Check(function, ParseTime(text)));
    case Kind::kLocalDateTime:
      return Value(Check(function, ParseLocalDateTime(text)));
    case Kind::kDateTime:
      return Value(Check(function, ParseDateTime(text)));
    default:
      return Value(Check(function, ParseDuration(text)));
  }
}

Value FromTemporal(Kind kind, const Value& other, const char* function) {
  const std::optional<Date> date = TemporalDatePart(other);
  const std::optional<LocalTime> time = TemporalTimePart(other);
  const std::optional<ZoneSpec> zone = ZoneOf(other);
  // Times of day need a time; the rest need a date (a date alone is midnight).
  const bool time_of_day = kind == Kind::kLocalTime || kind == Kind::kTime;
  if (time_of_day ? !time : !date) {
    Fail(function,
         std::string("a ") + ValueKindName(other.kind()) + (time_of_day ? " has no time of day" : " has no date"));
  }
  switch (kind) {
    case Kind::kDate:
      return Value(*date);
    case Kind::kLocalTime:
      return Value(*time);
    case Kind::kTime:
      return Value(Time{*time, zone ? zone->offset_seconds : 0});
    case Kind::kLocalDateTime:
      return Value(LocalDateTime{*date, time.value_or(LocalTime{})});
    default:
      if (other.is_date_time()) return other;
      return Value(LocalIn(ZoneSpec{}, LocalDateTime{*date, time.value_or(LocalTime{})}));
  }
}

Duration DurationFromMap(const ValueMap& map) {
  static const std::pair<const char*, DurationUnit> kUnits[] = {
      {"years", DurationUnit::kYears},
      {"quarters", DurationUnit::kQuarters},
      {"months", DurationUnit::kMonths},
      {"weeks", DurationUnit::kWeeks},
      {"days", DurationUnit::kDays},
      {"hours", DurationUnit::kHours},
      {"minutes", DurationUnit::kMinutes},
      {"seconds", DurationUnit::kSeconds},
      {"milliseconds", DurationUnit::kMilliseconds},
      {"microseconds", DurationUnit::kMicroseconds},
      {"nanoseconds", DurationUnit::kNanoseconds},
  };
  DurationFields acc;
  for (const auto& [name, v] : map) {
    const std::string key = utf8::AsciiLower(name);
    const DurationUnit* unit = nullptr;
    for (const auto& [unit_name, u] : kUnits) {
      if (key == unit_name) unit = &u;
    }
    if (!unit) Fail("duration", "unknown field '" + name + "'");
    if (v.is_null()) continue;
    if (!v.is_number()) Fail("duration", "field '" + name + "' must be a number, got " + ValueKindName(v.kind()));
    const bool ok = v.is_int() ? acc.AddInt(*unit, v.as_int()) : acc.AddFloat(*unit, v.as_float());
    if (!ok) Fail("duration", "field '" + name + "' is out of range");
  }
  return Check("duration", acc.ToDuration());
}

Value AtInstant(Kind kind, int64_t epoch_nanos, const ZoneSpec& zone) {
  int64_t seconds = epoch_nanos / kNanosPerSecond, nanos = epoch_nanos % kNanosPerSecond;
  if (nanos < 0) {
    nanos += kNanosPerSecond;
    seconds -= 1;
  }
  return ProjectDateTime(kind, InstantIn(zone, seconds, nanos));
}

}  // namespace kg::temporal

namespace kg::functions {
namespace {

using temporal::ZoneSpec;
using Kind = Value::Kind;

enum class Clock { kRealtime, kStatement, kTransaction };

int64_t ClockNanos(Clock clock, const EvalContext& ctx) {
  const int64_t set = clock == Clock::kStatement     ? ctx.statement_time_nanos
                      : clock == Clock::kTransaction ? ctx.transaction_time_nanos
                                                     : 0;
  if (set != 0) return set;
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// kind.<clock>([timezone]): the current value in the zone (UTC by default).
Value Now(Kind kind, Clock clock, const std::vector<Value>& a, const EvalContext& ctx, const char* function) {
  ZoneSpec zone;
  if (!a.empty()) {
    if (a[0].is_null()) return Value();
    if (!a[0].is_string()) ThrowArgument(function, "a time zone STRING", a[0]);
    Result<ZoneSpec> z = temporal::ParseZone(a[0].as_string());
    if (!z.ok()) ThrowRuntime(std::string(function) + "(): " + z.status().message());
    zone = z.value();
  }
  return temporal::AtInstant(kind, ClockNanos(clock, ctx), zone);
}

// kind(input): the value from text, a map, another temporal value, or now.
Value Construct(Kind kind, std::vector<Value>& a, EvalContext& ctx, const char* function) {
  if (a.empty()) return Now(kind, Clock::kStatement, a, ctx, function);
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (v.is_string()) return temporal::FromText(kind, v.as_string(), function);
  if (v.is_map()) {
    const ValueMap& map = v.as_map();
    // {timezone: ...} alone: now, in that zone.
    if (map.size() == 1 && utf8::EqualsIgnoreCase(map.begin()->first, "timezone")) {
      std::vector<Value> zone{map.begin()->second};
      return Now(kind, Clock::kStatement, zone, ctx, function);
    }
    return temporal::FromMap(kind, map, function);
  }
  if (v.is_temporal() && !v.is_duration()) return temporal::FromTemporal(kind, v, function);
  ThrowArgument(function, "a STRING, MAP or temporal value", v);
}

#define KG_TEMPORAL_KIND(NAME, KIND)                                                                 \
  Value NAME##Fn(std::vector<Value>& a, EvalContext& ctx) { return Construct(KIND, a, ctx, #NAME); } \
  Value NAME##Realtime(std::vector<Value>& a, EvalContext& ctx) {                                    \
    return Now(KIND, Clock::kRealtime, a, ctx, #NAME ".realtime");                                   \
  }                                                                                                  \
  Value NAME##Statement(std::vector<Value>& a, EvalContext& ctx) {                                   \
    return Now(KIND, Clock::kStatement, a, ctx, #NAME ".statement");                                 \
  }                                                                                                  \
  Value NAME##Transaction(std::vector<Value>& a, EvalContext& ctx) {                                 \
    return Now(KIND, Clock::kTransaction, a, ctx, #NAME ".transaction");                             \
  }
KG_TEMPORAL_KIND(date, Kind::kDate)
KG_TEMPORAL_KIND(localtime, Kind::kLocalTime)
KG_TEMPORAL_KIND(time, Kind::kTime)
KG_TEMPORAL_KIND(localdatetime, Kind::kLocalDateTime)
KG_TEMPORAL_KIND(datetime, Kind::kDateTime)
#undef KG_TEMPORAL_KIND

Value DurationFn(std::vector<Value>& a, EvalContext&) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (v.is_string()) return temporal::FromText(Kind::kDuration, v.as_string(), "duration");
  if (v.is_map()) return Value(temporal::DurationFromMap(v.as_map()));
  if (v.is_duration()) return v;
  ThrowArgument("duration", "a STRING or MAP", v);
}

Value FromEpoch(std::vector<Value>& a, EvalContext&) {
  if (a[0].is_null() || a[1].is_null()) return Value();
  ValueMap map{{"epochSeconds", Value(IntArgument("datetime.fromepoch", a[0]))},
               {"nanosecond", Value(IntArgument("datetime.fromepoch", a[1]))}};
  return temporal::FromMap(Kind::kDateTime, map, "datetime.fromepoch");
}

Value FromEpochMillis(std::vector<Value>& a, EvalContext&) {
  if (a[0].is_null()) return Value();
  ValueMap map{{"epochMillis", Value(IntArgument("datetime.fromepochmillis", a[0]))}};
  return temporal::FromMap(Kind::kDateTime, map, "datetime.fromepochmillis");
}

Value Timestamp(std::vector<Value>&, EvalContext&) {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return Value(static_cast<int64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(now).count()));
}

}  // namespace

void RegisterTemporalConstructFunctions(Registry* r) {
#define KG_REGISTER_KIND(NAME)                                 \
  r->push_back({{#NAME, 0, 1}, NAME##Fn});                     \
  r->push_back({{#NAME ".realtime", 0, 1}, NAME##Realtime});   \
  r->push_back({{#NAME ".statement", 0, 1}, NAME##Statement}); \
  r->push_back({{#NAME ".transaction", 0, 1}, NAME##Transaction});
  KG_REGISTER_KIND(date)
  KG_REGISTER_KIND(localtime)
  KG_REGISTER_KIND(time)
  KG_REGISTER_KIND(localdatetime)
  KG_REGISTER_KIND(datetime)
#undef KG_REGISTER_KIND
  r->push_back({{"duration", 1, 1}, DurationFn});
  r->push_back({{"datetime.fromepoch", 2, 2}, FromEpoch});
  r->push_back({{"datetime.fromepochmillis", 1, 1}, FromEpochMillis});
  r->push_back({{"timestamp", 0, 0}, Timestamp});
}

}  // namespace kg::functions
