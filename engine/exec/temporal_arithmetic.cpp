#include "exec/temporal_arithmetic.h"

#include <cmath>
#include <cstdint>
#include <string>

#include "common/time_zone.h"
#include "exec/query_error.h"
#include "exec/temporal_from_fields.h"

namespace kg::temporal {

namespace {

// Wide enough for a product of two 64-bit parts (GCC and Clang have it).
__extension__ typedef __int128 Int128;

// A month on average: 365.2425 / 12 days (what Neo4j cascades fractions by).
constexpr int64_t kAvgNanosPerMonth = 2629746 * kNanosPerSecond;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
int64_t FloorMod(int64_t a, int64_t b) { return a - FloorDiv(a, b) * b; }

[[noreturn]] void ThrowOverflow() { ThrowRuntime("duration arithmetic overflows: a part exceeds 64 bits"); }

int64_t CheckedAdd(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r)) ThrowOverflow();
  return r;
}

int64_t CheckedMul(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) ThrowOverflow();
  return r;
}

int64_t CheckedNeg(int64_t a) {
  if (a == INT64_MIN) ThrowOverflow();
  return -a;
}

// Duration::Normalized for seconds and nanoseconds of any size.
Duration Normalize(int64_t months, int64_t days, Int128 seconds, Int128 nanos) {
  seconds += nanos / kNanosPerSecond;
  nanos %= kNanosPerSecond;
  if (seconds < INT64_MIN || seconds > INT64_MAX) ThrowOverflow();
  return Duration::Normalized(months, days, static_cast<int64_t>(seconds), static_cast<int64_t>(nanos));
}

bool IsLeapYear(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned DaysInMonth(int64_t year, unsigned month) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

[[noreturn]] void ThrowDateRange() {
  ThrowRuntime("temporal arithmetic leaves the supported range of years (-999999999 to +999999999)");
}

Date CheckedDate(Date d) {
  static const Date kMin = Date::FromCivil(kMinYear, 1, 1);
  static const Date kMax = Date::FromCivil(kMaxYear, 12, 31);
  if (d.days < kMin.days || d.days > kMax.days) ThrowDateRange();
  return d;
}

Date PlusMonths(Date d, int64_t months) {
  if (months == 0) return d;
  int64_t year;
  unsigned month, day;
  d.ToCivil(&year, &month, &day);
  int64_t count;
  if (__builtin_add_overflow(year * 12 + (month - 1), months, &count)) ThrowDateRange();
  const int64_t new_year = FloorDiv(count, 12);
  if (new_year < kMinYear || new_year > kMaxYear) ThrowDateRange();
  const unsigned new_month = static_cast<unsigned>(FloorMod(count, 12)) + 1;
  const unsigned last = DaysInMonth(new_year, new_month);
  return Date::FromCivil(new_year, new_month, day < last ? day : last);
}

Date PlusDays(Date d, int64_t days) {
  int64_t r;
  if (__builtin_add_overflow(d.days, days, &r)) ThrowDateRange();
  return CheckedDate(Date{r});
}

// Wall-clock arithmetic: `seconds` and `nanos` later, carried into the date.
LocalDateTime PlusTime(LocalDateTime t, int64_t seconds, int64_t nanos) {
  int64_t day_shift = FloorDiv(seconds, kSecondsPerDay);
  int64_t of_day = t.time.nanos + FloorMod(seconds, kSecondsPerDay) * kNanosPerSecond + nanos;
  day_shift += FloorDiv(of_day, kNanosPerDay);
  of_day = FloorMod(of_day, kNanosPerDay);
  return LocalDateTime{PlusDays(t.date, day_shift), LocalTime{of_day}};
}

LocalTime PlusTime(LocalTime t, int64_t seconds, int64_t nanos) {
  const int64_t of_day = t.nanos + FloorMod(seconds, kSecondsPerDay) * kNanosPerSecond + nanos;
  return LocalTime{FloorMod(of_day, kNanosPerDay)};
}

// java.time's ZonedDateTime.ofLocal with a preferred offset: the offset the
// value had, where the new wall clock still has it (the autumn overlap);
// otherwise the zone's rules (tz::ResolveLocal).
DateTime ResolveKeepingOffset(uint32_t zone, const LocalDateTime& local, int32_t preferred) {
  if (tz::OffsetAtInstant(zone, local.EpochSeconds() - preferred) == preferred) {
    return DateTime{local, preferred, zone};
  }
  return tz::ResolveLocal(zone, local);
}

// A zoned date-time with its wall clock moved by months and days.
DateTime PlusCalendar(const DateTime& t, int64_t months, int64_t days) {
  DateTime out = t;
  if (months != 0) {
    out.local.date = PlusMonths(out.local.date, months);
    if (out.zone != 0) out = ResolveKeepingOffset(out.zone, out.local, out.offset_seconds);
  }
  if (days != 0) {
    out.local.date = PlusDays(out.local.date, days);
    if (out.zone != 0) out = ResolveKeepingOffset(out.zone, out.local, out.offset_seconds);
  }
  return out;
}

// A zoned date-time with its instant moved; a named zone gives the offset
// in force at the new instant.
DateTime PlusInstant(const DateTime& t, int64_t seconds, int64_t nanos) {
  DateTime out = t;
  out.local = PlusTime(t.local, seconds, nanos);
  if (t.zone == 0) return out;
  const LocalDateTime utc = PlusTime(out.local, -t.offset_seconds, 0);
  out = tz::AtInstant(t.zone, utc.EpochSeconds(), utc.time.nanosecond());
  CheckedDate(out.local.date);
  return out;
}

// Neo4j keeps a duration's nanoseconds in [0, 1e9), the seconds floored;
// its float cascade starts from that form.
void JavaSecondsAndNanos(const Duration& d, int64_t* seconds, int64_t* nanos) {
  *seconds = d.seconds;
  *nanos = d.nanos;
  if (*nanos < 0) {
    if (*seconds == INT64_MIN) ThrowOverflow();
    *seconds -= 1;
    *nanos += kNanosPerSecond;
  }
}

int64_t ApproximateToLong(double v) {
  // 2^63 is exact as a double; anything at or beyond it does not fit.
  if (std::isnan(v) || v >= 9223372036854775808.0 || v < -9223372036854775808.0) ThrowOverflow();
  return static_cast<int64_t>(v);  // toward zero, as Java's (long) cast
}

// Neo4j's DurationValue.approximate: each part's fraction cascades into the
// next smaller part, then every part is truncated toward zero.
Duration Approximate(double months, double days, double seconds, double nanos) {
  const int64_t whole_months = ApproximateToLong(months);
  const double month_rest = kAvgNanosPerMonth * months - kAvgNanosPerMonth * static_cast<double>(whole_months);
  days += month_rest / static_cast<double>(kNanosPerDay);
  const int64_t whole_days = ApproximateToLong(days);
  const double day_rest = kNanosPerDay * days - kNanosPerDay * static_cast<double>(whole_days);
  seconds += day_rest / kNanosPerSecond;
  const int64_t whole_seconds = ApproximateToLong(seconds);
  const double second_rest = kNanosPerSecond * seconds - kNanosPerSecond * static_cast<double>(whole_seconds);
  nanos += second_rest;
  const int64_t whole_nanos = ApproximateToLong(nanos);
  return Normalize(whole_months, whole_days, whole_seconds, whole_nanos);
}

// temporal + d, or temporal - d when `subtract`. Subtraction is not the
// addition of -d: a date counts the seconds part in whole days, taken from
// the duration as Neo4j keeps it (seconds floored, nanoseconds positive),
// and that rounding must not change with the sign.
Value Move(const Value& temporal, const Duration& d, bool subtract) {
  int64_t seconds, nanos;
  JavaSecondsAndNanos(d, &seconds, &nanos);
  const int64_t sign = subtract ? -1 : 1;
  const int64_t months = subtract ? CheckedNeg(d.months) : d.months;
  const int64_t days = subtract ? CheckedNeg(d.days) : d.days;
  const int64_t whole_days = sign * (seconds / kSecondsPerDay);
  seconds = subtract ? CheckedNeg(seconds) : seconds;
  nanos *= sign;
  switch (temporal.kind()) {
    case Value::Kind::kDate:
      // Whole days only: the seconds count as days when they make one or
      // more (toward zero), the nanoseconds never.
      return Value(PlusDays(PlusDays(PlusMonths(temporal.as_date(), months), days), whole_days));
    case Value::Kind::kLocalTime:
      return Value(PlusTime(temporal.as_local_time(), seconds, nanos));
    case Value::Kind::kTime: {
      Time out = temporal.as_time();
      out.time = PlusTime(out.time, seconds, nanos);
      return Value(out);
    }
    case Value::Kind::kLocalDateTime: {
      LocalDateTime out = temporal.as_local_date_time();
      out.date = PlusDays(PlusMonths(out.date, months), days);
      return Value(PlusTime(out, seconds, nanos));
    }
    case Value::Kind::kDateTime:
      return Value(PlusInstant(PlusCalendar(temporal.as_date_time(), months, days), seconds, nanos));
    default:
      ThrowRuntime(std::string("cannot ") + (subtract ? "subtract a DURATION from " : "add a DURATION to ") +
                   ValueKindName(temporal.kind()));
  }
}

}  // namespace

Value Plus(const Value& temporal, const Duration& d) { return Move(temporal, d, false); }

Value Minus(const Value& temporal, const Duration& d) { return Move(temporal, d, true); }

Duration Add(const Duration& a, const Duration& b) {
  return Normalize(CheckedAdd(a.months, b.months), CheckedAdd(a.days, b.days),
                   static_cast<Int128>(a.seconds) + b.seconds, static_cast<Int128>(a.nanos) + b.nanos);
}

Duration Subtract(const Duration& a, const Duration& b) { return Add(a, Negate(b)); }

Duration Negate(const Duration& d) {
  return Duration{CheckedNeg(d.months), CheckedNeg(d.days), CheckedNeg(d.seconds), -d.nanos};
}

Duration Multiply(const Duration& d, const Value& factor) {
  if (factor.is_int()) {
    const int64_t k = factor.as_int();
    return Normalize(CheckedMul(d.months, k), CheckedMul(d.days, k), static_cast<Int128>(d.seconds) * k,
                     static_cast<Int128>(d.nanos) * k);
  }
  const double k = factor.as_float();
  if (!std::isfinite(k)) ThrowRuntime("cannot multiply a DURATION by " + factor.ToString());
  int64_t seconds, nanos;
  JavaSecondsAndNanos(d, &seconds, &nanos);
  return Approximate(static_cast<double>(d.months) * k, static_cast<double>(d.days) * k,
                     static_cast<double>(seconds) * k, static_cast<double>(nanos) * k);
}

Duration Divide(const Duration& d, const Value& divisor) {
  const double k = divisor.as_number();
  if (k == 0) ThrowRuntime("division by zero");
  if (!std::isfinite(k)) ThrowRuntime("cannot divide a DURATION by " + divisor.ToString());
  int64_t seconds, nanos;
  JavaSecondsAndNanos(d, &seconds, &nanos);
  return Approximate(static_cast<double>(d.months) / k, static_cast<double>(d.days) / k,
                     static_cast<double>(seconds) / k, static_cast<double>(nanos) / k);
}

std::optional<Value> Arithmetic(Op op, const Value& a, const Value& b) {
  const bool a_instant = a.is_temporal() && !a.is_duration();
  const bool b_instant = b.is_temporal() && !b.is_duration();
  switch (op) {
    case Op::kAdd:
      if (a_instant && b.is_duration()) return Plus(a, b.as_duration());
      if (a.is_duration() && b_instant) return Plus(b, a.as_duration());
      if (a.is_duration() && b.is_duration()) return Value(Add(a.as_duration(), b.as_duration()));
      break;
    case Op::kSub:
      if (a_instant && b.is_duration()) return Minus(a, b.as_duration());
      if (a.is_duration() && b.is_duration()) return Value(Subtract(a.as_duration(), b.as_duration()));
      break;
    case Op::kMul:
      if (a.is_duration() && b.is_number()) return Value(Multiply(a.as_duration(), b));
      if (a.is_number() && b.is_duration()) return Value(Multiply(b.as_duration(), a));
      break;
    case Op::kDiv:
      if (a.is_duration() && b.is_number()) return Value(Divide(a.as_duration(), b));
      break;
    default:
      break;
  }
  return std::nullopt;
}

}  // namespace kg::temporal
