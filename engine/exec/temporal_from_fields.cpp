#include "exec/temporal_from_fields.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace kg::temporal {
namespace {

Status OutOfRange(const char* field, int64_t v, int64_t lo, int64_t hi) {
  return Status::Runtime(std::string(field) + " " + std::to_string(v) + " is not between " + std::to_string(lo) +
                         " and " + std::to_string(hi));
}

#define KG_CHECK_RANGE(FIELD, V, LO, HI) \
  if ((V) < (LO) || (V) > (HI)) return OutOfRange(FIELD, V, LO, HI)

// Monday of ISO week 1: the week that holds 4 January.
Date IsoWeekOne(int64_t year) {
  const Date jan4 = Date::FromCivil(year, 1, 4);
  return Date{jan4.days - (IsoDayOfWeek(jan4) - 1)};
}

int64_t YearOf(Date d) {
  int64_t y;
  unsigned m, day;
  d.ToCivil(&y, &m, &day);
  return y;
}

Date QuarterStart(int64_t year, int64_t quarter) {
  return quarter == 5 ? Date::FromCivil(year + 1, 1, 1)
                      : Date::FromCivil(year, static_cast<unsigned>(quarter * 3 - 2), 1);
}

// A smaller field needs its larger one: "day cannot be given without month".
Status NeedsLarger(const char* smaller, const char* larger) {
  return Status::Runtime(std::string(smaller) + " cannot be given without " + larger);
}

}  // namespace

int64_t IsoDayOfWeek(Date d) { return ((d.days % 7) + 7 + 3) % 7 + 1; }  // 1970-01-01 was a Thursday

void IsoWeekOf(Date d, int64_t* week_year, int64_t* week) {
  int64_t y = YearOf(d);
  if (d.days >= IsoWeekOne(y + 1).days) {
    y += 1;
  } else if (d.days < IsoWeekOne(y).days) {
    y -= 1;
  }
  *week_year = y;
  *week = (d.days - IsoWeekOne(y).days) / 7 + 1;
}

int64_t OrdinalDayOf(Date d) { return d.days - Date::FromCivil(YearOf(d), 1, 1).days + 1; }

void QuarterOf(Date d, int64_t* quarter, int64_t* day_of_quarter) {
  int64_t y;
  unsigned m, day;
  d.ToCivil(&y, &m, &day);
  *quarter = (m - 1) / 3 + 1;
  *day_of_quarter = d.days - QuarterStart(y, *quarter).days + 1;
}

Result<Date> DateFromFields(const DateFields& f) {
  const bool calendar = f.month || f.day;
  const bool week = f.week || f.day_of_week;
  const bool ordinal = f.ordinal_day.has_value();
  const bool quarter = f.quarter || f.day_of_quarter;
  if (calendar + week + ordinal + quarter > 1) {
    return Status::Runtime(
        "fields of different kinds of date cannot be mixed (month/day, week/dayOfWeek, ordinalDay, "
        "quarter/dayOfQuarter)");
  }
  if (!f.year) return Status::Runtime("a date needs a year");
  const int64_t year = *f.year;
  KG_CHECK_RANGE("year", year, kMinYear, kMaxYear);
  if (week) {
    if (!f.week) return NeedsLarger("dayOfWeek", "week");
    KG_CHECK_RANGE("week", *f.week, 1, 53);
    const int64_t dow = f.day_of_week.value_or(1);
    KG_CHECK_RANGE("dayOfWeek", dow, 1, 7);
    const Date d{IsoWeekOne(year).days + (*f.week - 1) * 7 + (dow - 1)};
    if (*f.week == 53 && d.days >= IsoWeekOne(year + 1).days) {
      return Status::Runtime("the week-based year " + std::to_string(year) + " has no week 53");
    }
    return d;
  }
  if (ordinal) {
    KG_CHECK_RANGE("ordinalDay", *f.ordinal_day, 1, 366);
    const Date d{Date::FromCivil(year, 1, 1).days + *f.ordinal_day - 1};
    if (YearOf(d) != year) return Status::Runtime("the year " + std::to_string(year) + " has no day 366");
    return d;
  }
  if (quarter) {
    if (!f.quarter) return NeedsLarger("dayOfQuarter", "quarter");
    KG_CHECK_RANGE("quarter", *f.quarter, 1, 4);
    const int64_t doq = f.day_of_quarter.value_or(1);
    KG_CHECK_RANGE("dayOfQuarter", doq, 1, 92);
    const Date d{QuarterStart(year, *f.quarter).days + doq - 1};
    if (d.days >= QuarterStart(year, *f.quarter + 1).days) {
      return Status::Runtime("quarter " + std::to_string(*f.quarter) + " of " + std::to_string(year) + " has no day " +
                             std::to_string(doq));
    }
    return d;
  }
  if (f.day && !f.month) return NeedsLarger("day", "month");
  const int64_t month = f.month.value_or(1);
  const int64_t day = f.day.value_or(1);
  KG_CHECK_RANGE("month", month, 1, 12);
  KG_CHECK_RANGE("day", day, 1, 31);
  const Date d = Date::FromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  int64_t y;
  unsigned m, dd;
  d.ToCivil(&y, &m, &dd);
  if (y != year || m != month || static_cast<int64_t>(dd) != day) {
    char text[48];
    std::snprintf(text, sizeof text, "%04lld-%02lld-%02lld", static_cast<long long>(year),
                  static_cast<long long>(month), static_cast<long long>(day));
    return Status::Runtime(std::string(text) + " is not a real date");
  }
  return d;
}

DateFields FillFromBase(DateFields f, Date base) {
  if (f.week || f.day_of_week) {
    int64_t week_year, week;
    IsoWeekOf(base, &week_year, &week);
    if (!f.year) f.year = week_year;
    if (!f.week) f.week = week;
    if (!f.day_of_week) f.day_of_week = IsoDayOfWeek(base);
  } else if (f.ordinal_day) {
    if (!f.year) f.year = YearOf(base);
  } else if (f.quarter || f.day_of_quarter) {
    int64_t q, doq;
    QuarterOf(base, &q, &doq);
    if (!f.year) f.year = YearOf(base);
    if (!f.quarter) f.quarter = q;
    if (!f.day_of_quarter) f.day_of_quarter = doq;
  } else {
    int64_t y;
    unsigned m, d;
    base.ToCivil(&y, &m, &d);
    if (!f.year) f.year = y;
    if (!f.month) f.month = m;
    if (!f.day) f.day = d;
  }
  return f;
}

Result<LocalTime> TimeFromFields(const TimeFields& f) {
  if (f.minute && !f.hour) return NeedsLarger("minute", "hour");
  if (f.second && !f.minute) return NeedsLarger("second", "minute");
  if (f.AnySubsecond() && !f.second) {
    return NeedsLarger(f.millisecond ? "millisecond" : f.microsecond ? "microsecond" : "nanosecond", "second");
  }
  const int64_t hour = f.hour.value_or(0), minute = f.minute.value_or(0), second = f.second.value_or(0);
  KG_CHECK_RANGE("hour", hour, 0, 23);
  KG_CHECK_RANGE("minute", minute, 0, 59);
  KG_CHECK_RANGE("second", second, 0, 59);
  int64_t nanos = 0;
  if (f.millisecond) {
    KG_CHECK_RANGE("millisecond", *f.millisecond, 0, 999);
    nanos += *f.millisecond * 1000000;
  }
  if (f.microsecond) {
    const int64_t hi = f.millisecond ? 999 : 999999;
    KG_CHECK_RANGE("microsecond", *f.microsecond, 0, hi);
    nanos += *f.microsecond * 1000;
  }
  if (f.nanosecond) {
    const int64_t hi = f.microsecond ? 999 : f.millisecond ? 999999 : 999999999;
    KG_CHECK_RANGE("nanosecond", *f.nanosecond, 0, hi);
    nanos += *f.nanosecond;
  }
  return LocalTime::FromFields(hour, minute, second, nanos);
}

TimeFields FillFromBase(TimeFields f, LocalTime base) {
  if (!f.hour) f.hour = base.hour();
  if (!f.minute) f.minute = base.minute();
  if (!f.second) f.second = base.second();
  if (!f.AnySubsecond()) f.nanosecond = base.nanosecond();
  return f;
}

}  // namespace kg::temporal

namespace kg::temporal {
namespace {

// Where a unit lands and by what it is multiplied.
enum class Part { kMonths, kDays, kSeconds, kNanos };
struct UnitScale {
  Part part;
  int64_t factor;
};

UnitScale ScaleOf(DurationUnit u) {
  switch (u) {
    case DurationUnit::kYears:
      return {Part::kMonths, 12};
    case DurationUnit::kQuarters:
      return {Part::kMonths, 3};
    case DurationUnit::kMonths:
      return {Part::kMonths, 1};
    case DurationUnit::kWeeks:
      return {Part::kDays, 7};
    case DurationUnit::kDays:
      return {Part::kDays, 1};
    case DurationUnit::kHours:
      return {Part::kSeconds, 3600};
    case DurationUnit::kMinutes:
      return {Part::kSeconds, 60};
    case DurationUnit::kSeconds:
      return {Part::kSeconds, 1};
    case DurationUnit::kMilliseconds:
      return {Part::kNanos, 1000000};
    case DurationUnit::kMicroseconds:
      return {Part::kNanos, 1000};
    case DurationUnit::kNanoseconds:
      return {Part::kNanos, 1};
  }
  return {Part::kNanos, 1};
}

bool AddScaled(int64_t* into, int64_t v, int64_t factor) {
  int64_t scaled;
  if (__builtin_mul_overflow(v, factor, &scaled)) return false;
  return !__builtin_add_overflow(*into, scaled, into);
}

constexpr long double kMaxWhole = 9.2e18L;

// Moves the whole part of *frac into *whole.
bool TakeWhole(long double* frac, int64_t* whole) {
  const long double w = std::trunc(*frac);
  if (std::fabs(w) >= kMaxWhole) return false;
  *frac -= w;
  return !__builtin_add_overflow(*whole, static_cast<int64_t>(w), whole);
}

}  // namespace

bool DurationFields::AddInt(DurationUnit unit, int64_t v) {
  const UnitScale s = ScaleOf(unit);
  switch (s.part) {
    case Part::kMonths:
      return AddScaled(&months_, v, s.factor);
    case Part::kDays:
      return AddScaled(&days_, v, s.factor);
    case Part::kSeconds:
      return AddScaled(&seconds_, v, s.factor);
    case Part::kNanos:
      return AddScaled(&nanos_, v, s.factor);
  }
  return false;
}

bool DurationFields::AddFloat(DurationUnit unit, double v) {
  if (!std::isfinite(v)) return false;
  const long double whole = std::trunc(static_cast<long double>(v));
  if (std::fabs(whole) >= kMaxWhole || !AddInt(unit, static_cast<int64_t>(whole))) return false;
  const UnitScale s = ScaleOf(unit);
  const long double frac = (static_cast<long double>(v) - whole) * s.factor;
  switch (s.part) {
    case Part::kMonths:
      month_frac_ += frac;
      break;
    case Part::kDays:
      day_frac_ += frac;
      break;
    case Part::kSeconds:
      second_frac_ += frac;
      break;
    case Part::kNanos:
      return AddScaled(&nanos_, std::llround(frac), 1);
  }
  return true;
}

Result<Duration> DurationFields::ToDuration() const {
  const Status too_large = Status::Runtime("the duration is too large");
  int64_t months = months_, days = days_, seconds = seconds_;
  long double month_frac = month_frac_, day_frac = day_frac_, second_frac = second_frac_;
  if (!TakeWhole(&month_frac, &months) || !TakeWhole(&day_frac, &days) || !TakeWhole(&second_frac, &seconds)) {
    return too_large;
  }
  // What is left is less than one unit each: cascade it as nanoseconds.
  constexpr long double kNanosPerMonth = 2629746.0L * kNanosPerSecond;
  int64_t rest = std::llround(month_frac * kNanosPerMonth) + std::llround(day_frac * kNanosPerDay);
  if (__builtin_add_overflow(days, rest / kNanosPerDay, &days)) return too_large;
  rest = rest % kNanosPerDay + std::llround(second_frac * kNanosPerSecond);
  int64_t nanos = nanos_;
  if (__builtin_add_overflow(seconds, rest / kNanosPerSecond, &seconds) ||
      __builtin_add_overflow(seconds, nanos / kNanosPerSecond, &seconds)) {
    return too_large;
  }
  nanos = nanos % kNanosPerSecond + rest % kNanosPerSecond;
  return Duration::Normalized(months, days, seconds, nanos);
}

}  // namespace kg::temporal
