#include "exec/duration_between.h"

#include <cstdint>

#include "common/time_zone.h"
#include "exec/temporal_arithmetic.h"

namespace kg::temporal {

namespace {

bool HasDate(const Value& v) { return v.is_date() || v.is_local_date_time() || v.is_date_time(); }
bool HasTime(const Value& v) { return v.is_local_time() || v.is_time() || v.is_local_date_time() || v.is_date_time(); }
bool HasZone(const Value& v) { return v.is_time() || v.is_date_time(); }

// A date alone is taken at midnight.
Value WithTime(const Value& v) { return v.is_date() ? Value(LocalDateTime{v.as_date(), LocalTime{}}) : v; }

// A time of day on `date`: a local time becomes a local date-time, a zoned
// time a date-time with the time's offset.
Value WithDate(const Value& v, Date date) {
  if (v.is_local_time()) return Value(LocalDateTime{date, v.as_local_time()});
  const Time t = v.as_time();
  return Value(DateTime{LocalDateTime{date, t.time}, t.offset_seconds, 0});
}

// A local value placed in the zone of `source` (a named zone resolves the
// wall clock there; otherwise the offset is taken as it is).
Value WithZoneOf(const Value& v, const Value& source) {
  const int32_t offset = source.is_time() ? source.as_time().offset_seconds : source.as_date_time().offset_seconds;
  const uint32_t zone = source.is_date_time() ? source.as_date_time().zone : 0;
  if (v.is_local_time()) return Value(Time{v.as_local_time(), offset});
  const LocalDateTime local = v.as_local_date_time();
  if (zone != 0) return Value(tz::ResolveLocal(zone, local));
  return Value(DateTime{local, offset, 0});
}

// Neo4j's TemporalValue.until: makes the two values the same kind for a
// time-based unit (seconds) or a date-based one (months, days). The order
// matters: a time borrows a date only after a date got its midnight, and a
// zone is borrowed last, by a value that by then has a date if either had.
void Align(Value* from, Value* to, bool time_based) {
  if (time_based) {
    *from = WithTime(*from);
    *to = WithTime(*to);
  } else if (HasTime(*from) && !HasTime(*to)) {
    *to = WithTime(*to);
  } else if (HasTime(*to) && !HasTime(*from)) {
    *from = WithTime(*from);
  }
  if (HasDate(*from) && !HasDate(*to)) {
    *to = WithDate(*to, *TemporalDatePart(*from));
  } else if (HasDate(*to) && !HasDate(*from)) {
    *from = WithDate(*from, *TemporalDatePart(*to));
  }
  if (HasZone(*from) && !HasZone(*to)) {
    *to = WithZoneOf(*to, *from);
  } else if (HasZone(*to) && !HasZone(*from)) {
    *from = WithZoneOf(*from, *to);
  }
}

// Two values with dates, aligned for a date-based unit, as wall clocks:
// a zoned `to` is seen in the zone of `from` (java.time converts the end
// to the start's zone before counting months or days).
void WallClocks(const Value& from, const Value& to, LocalDateTime* a, LocalDateTime* b) {
  if (from.is_date()) {
    *a = LocalDateTime{from.as_date(), LocalTime{}};
    *b = LocalDateTime{to.as_date(), LocalTime{}};
    return;
  }
  if (from.is_local_date_time()) {
    *a = from.as_local_date_time();
    *b = to.as_local_date_time();
    return;
  }
  const DateTime& start = from.as_date_time();
  const DateTime& end = to.as_date_time();
  *a = start.local;
  if (start.zone != 0) {
    *b = tz::AtInstant(start.zone, end.EpochSeconds(), end.Nanosecond()).local;
  } else {
    const Duration shift{0, 0, start.offset_seconds - end.offset_seconds, 0};
    *b = Plus(Value(end.local), shift).as_local_date_time();
  }
}

// The date java.time counts whole days and months to: the end date moved a
// day toward the start when the end's time of day has not yet come.
Date EndDate(const LocalDateTime& a, const LocalDateTime& b) {
  if (b.date.days > a.date.days && b.time.nanos < a.time.nanos) return Date{b.date.days - 1};
  if (b.date.days < a.date.days && b.time.nanos > a.time.nanos) return Date{b.date.days + 1};
  return b.date;
}

int64_t MonthsUntil(const Value& from, const Value& to) {
  LocalDateTime a, b;
  WallClocks(from, to, &a, &b);
  const Date end = EndDate(a, b);
  int64_t y1, y2;
  unsigned m1, m2, d1, d2;
  a.date.ToCivil(&y1, &m1, &d1);
  end.ToCivil(&y2, &m2, &d2);
  // java.time's LocalDate.monthsUntil: whole months, toward zero.
  const int64_t packed1 = (y1 * 12 + m1 - 1) * 32 + d1;
  const int64_t packed2 = (y2 * 12 + m2 - 1) * 32 + d2;
  return (packed2 - packed1) / 32;
}

int64_t DaysUntil(const Value& from, const Value& to) {
  LocalDateTime a, b;
  WallClocks(from, to, &a, &b);
  return EndDate(a, b).days - a.date.days;
}

// Two values aligned for a time-based unit: the exact difference, by
// instant for zoned values, by wall clock for local ones.
Duration TimeUntil(const Value& from, const Value& to) {
  if (from.is_local_time()) return Duration::Normalized(0, 0, 0, to.as_local_time().nanos - from.as_local_time().nanos);
  if (from.is_time()) return Duration::Normalized(0, 0, 0, to.as_time().UtcNanos() - from.as_time().UtcNanos());
  if (from.is_local_date_time()) {
    const LocalDateTime& a = from.as_local_date_time();
    const LocalDateTime& b = to.as_local_date_time();
    return Duration::Normalized(0, 0, b.EpochSeconds() - a.EpochSeconds(), b.time.nanosecond() - a.time.nanosecond());
  }
  const DateTime& a = from.as_date_time();
  const DateTime& b = to.as_date_time();
  return Duration::Normalized(0, 0, b.EpochSeconds() - a.EpochSeconds(), b.Nanosecond() - a.Nanosecond());
}

}  // namespace

Duration Between(const Value& from_value, const Value& to_value, BetweenUnit unit) {
  Value from = from_value;
  Value to = to_value;
  const bool calendar = HasDate(from) && HasDate(to);
  if (unit == BetweenUnit::kMonths || unit == BetweenUnit::kDays) {
    if (!calendar) return Duration{};
    Align(&from, &to, false);
    if (unit == BetweenUnit::kMonths) return Duration{MonthsUntil(from, to), 0, 0, 0};
    return Duration{0, DaysUntil(from, to), 0, 0};
  }
  int64_t months = 0, days = 0;
  if (unit == BetweenUnit::kAll && calendar) {
    // Whole months first, then whole days from where the months end, then
    // the rest; the start moves by each step as `from + duration` would.
    Value a = from, b = to;
    Align(&a, &b, false);
    months = MonthsUntil(a, b);
    from = Plus(from, Duration{months, 0, 0, 0});
    a = from;
    b = to;
    Align(&a, &b, false);
    days = DaysUntil(a, b);
    from = Plus(from, Duration{0, days, 0, 0});
  }
  Align(&from, &to, true);
  const Duration rest = TimeUntil(from, to);
  return Duration{months, days, rest.seconds, rest.nanos};
}

}  // namespace kg::temporal
