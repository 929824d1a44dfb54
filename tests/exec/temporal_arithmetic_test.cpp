// Temporal arithmetic and duration.between below the language, on values
// built from the core structs: the openCypher TCK's expectations
// (Temporal8, Temporal10) plus the edges the TCK does not reach (end-of-month
// clamping, the DST change, overflow).
#include "exec/temporal_arithmetic.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "common/time_zone.h"
#include "exec/duration_between.h"
#include "exec/query_error.h"

namespace kg::temporal {
namespace {

Value D(int64_t y, unsigned m, unsigned d) { return Value(Date::FromCivil(y, m, d)); }

LocalDateTime Ldt(int64_t y, unsigned mo, unsigned d, int64_t h, int64_t mi, int64_t s = 0, int64_t ns = 0) {
  return LocalDateTime{Date::FromCivil(y, mo, d), LocalTime::FromFields(h, mi, s, ns)};
}

Value LD(int64_t y, unsigned mo, unsigned d, int64_t h, int64_t mi, int64_t s = 0, int64_t ns = 0) {
  return Value(Ldt(y, mo, d, h, mi, s, ns));
}

Value LT(int64_t h, int64_t mi, int64_t s = 0, int64_t ns = 0) { return Value(LocalTime::FromFields(h, mi, s, ns)); }

Value T(int64_t h, int64_t mi, int64_t s, int64_t ns, int32_t offset) {
  return Value(Time{LocalTime::FromFields(h, mi, s, ns), offset});
}

// A date-time with a fixed offset.
Value DT(const LocalDateTime& local, int32_t offset) { return Value(DateTime{local, offset, 0}); }

// A date-time in a named zone, its offset found from the wall clock.
Value DZ(const LocalDateTime& local, const char* zone) { return Value(tz::ResolveLocal(*tz::FindZone(zone), local)); }

// duration({years: 12, months: 5, days: 14, hours: 16, minutes: 12, seconds: 70, nanoseconds: 2})
const Duration kLong{12 * 12 + 5, 14, 16 * 3600 + 12 * 60 + 70, 2};
// duration({months: 1, days: -14, hours: 16, minutes: -12, seconds: 70})
const Duration kMixed{1, -14, 16 * 3600 - 12 * 60 + 70, 0};
// duration({years: 12.5, months: 5.5, days: 14.5, hours: 16.5, minutes: 12.5, seconds: 70.5, nanoseconds: 3}):
// the halves cascade to P12Y11M29DT33H58M13.500000003S.
const Duration kFractions{12 * 12 + 11, 29, 122293, 500000003};

std::string Iso(const Value& v) { return v.is_temporal() ? TemporalIsoString(v) : v.ToString(); }

std::string Sum(const Value& t, const Duration& d) { return Iso(Plus(t, d)); }
std::string Diff(const Value& t, const Duration& d) { return Iso(Minus(t, d)); }
std::string Span(const Value& a, const Value& b, BetweenUnit unit = BetweenUnit::kAll) {
  return Between(a, b, unit).ToIsoString();
}

TEST_CASE("Temporal + duration: a date takes months and days, the seconds only as whole days",
          "[temporal_arithmetic]") {
  const Value x = D(1984, 10, 11);
  CHECK(Sum(x, kLong) == "1997-03-25");
  CHECK(Diff(x, kLong) == "1972-04-27");
  CHECK(Sum(x, kMixed) == "1984-10-28");
  CHECK(Diff(x, kMixed) == "1984-09-25");
  CHECK(Sum(x, kFractions) == "1997-10-11");
  CHECK(Diff(x, kFractions) == "1971-10-12");
}

TEST_CASE("Temporal + duration: times of day take the seconds and wrap around midnight", "[temporal_arithmetic]") {
  const Value lt = LT(12, 31, 14, 1);
  CHECK(Sum(lt, kLong) == "04:44:24.000000003");
  CHECK(Diff(lt, kLong) == "20:18:03.999999999");
  CHECK(Sum(lt, kMixed) == "04:20:24.000000001");
  CHECK(Diff(lt, kMixed) == "20:42:04.000000001");
  CHECK(Sum(lt, kFractions) == "22:29:27.500000004");
  CHECK(Diff(lt, kFractions) == "02:33:00.499999998");
  const Value t = T(12, 31, 14, 1, 3600);
  CHECK(Sum(t, kLong) == "04:44:24.000000003+01:00");
  CHECK(Diff(t, kFractions) == "02:33:00.499999998+01:00");
}

TEST_CASE("Temporal + duration: date-times take every part", "[temporal_arithmetic]") {
  const LocalDateTime x = Ldt(1984, 10, 11, 12, 31, 14, 1);
  CHECK(Sum(Value(x), kLong) == "1997-03-26T04:44:24.000000003");
  CHECK(Diff(Value(x), kLong) == "1972-04-26T20:18:03.999999999");
  CHECK(Sum(Value(x), kMixed) == "1984-10-29T04:20:24.000000001");
  CHECK(Diff(Value(x), kMixed) == "1984-09-24T20:42:04.000000001");
  CHECK(Sum(Value(x), kFractions) == "1997-10-11T22:29:27.500000004");
  CHECK(Diff(Value(x), kFractions) == "1971-10-12T02:33:00.499999998");
  CHECK(Sum(DT(x, 3600), kLong) == "1997-03-26T04:44:24.000000003+01:00");
  CHECK(Diff(DT(x, 3600), kFractions) == "1971-10-12T02:33:00.499999998+01:00");
}

TEST_CASE("Temporal + duration: the day of the month is clamped to the month's end", "[temporal_arithmetic]") {
  CHECK(Sum(D(2024, 1, 31), Duration{1, 0, 0, 0}) == "2024-02-29");
  CHECK(Sum(D(2023, 1, 31), Duration{1, 0, 0, 0}) == "2023-02-28");
  CHECK(Diff(D(2024, 3, 31), Duration{1, 0, 0, 0}) == "2024-02-29");
  CHECK(Sum(D(2024, 2, 29), Duration{12, 0, 0, 0}) == "2025-02-28");
  // Months before days: 01-31 + P1M1D is 03-01, not 03-02.
  CHECK(Sum(D(2023, 1, 31), Duration{1, 1, 0, 0}) == "2023-03-01");
}

TEST_CASE("Temporal + duration: a date subtracts the seconds rounded as it adds them", "[temporal_arithmetic]") {
  // PT23H59M59.5S is less than a day either way.
  CHECK(Diff(D(2020, 1, 2), Duration{0, 0, 86399, 500000000}) == "2020-01-02");
  CHECK(Sum(D(2020, 1, 2), Duration{0, 0, 86399, 500000000}) == "2020-01-02");
  CHECK(Sum(D(2020, 1, 2), Duration{0, 0, -86400, 0}) == "2020-01-01");
}

TEST_CASE("Temporal + duration: a named zone moves the wall clock by days and the instant by seconds",
          "[temporal_arithmetic]") {
  // Europe/Paris went from +01:00 to +02:00 at 2024-03-31T02:00.
  const Value before = DZ(Ldt(2024, 3, 30, 12, 0), "Europe/Paris");
  CHECK(Iso(before) == "2024-03-30T12:00+01:00[Europe/Paris]");
  CHECK(Sum(before, Duration{0, 1, 0, 0}) == "2024-03-31T12:00+02:00[Europe/Paris]");
  CHECK(Sum(before, Duration{0, 0, 86400, 0}) == "2024-03-31T13:00+02:00[Europe/Paris]");
  // Into the gap: 02:30 does not exist that night, java.time moves it to 03:30.
  const Value night = DZ(Ldt(2024, 3, 30, 2, 30), "Europe/Paris");
  CHECK(Sum(night, Duration{0, 1, 0, 0}) == "2024-03-31T03:30+02:00[Europe/Paris]");
  // In the autumn overlap a value keeps the offset it had.
  const Value summer = DZ(Ldt(2024, 10, 26, 2, 30), "Europe/Paris");
  CHECK(Sum(summer, Duration{0, 1, 0, 0}) == "2024-10-27T02:30+02:00[Europe/Paris]");
  const Value winter = DZ(Ldt(2024, 10, 28, 2, 30), "Europe/Paris");
  CHECK(Diff(winter, Duration{0, 1, 0, 0}) == "2024-10-27T02:30+01:00[Europe/Paris]");
  // 25 hours after 02:30 summer time is the second 02:30 of that night.
  CHECK(Sum(summer, Duration{0, 0, 90000, 0}) == "2024-10-27T02:30+01:00[Europe/Paris]");
}

TEST_CASE("Duration +- duration is component-wise", "[temporal_arithmetic]") {
  CHECK(Add(kLong, kLong).ToIsoString() == "P24Y10M28DT32H26M20.000000004S");
  CHECK(Subtract(kLong, kLong).ToIsoString() == "PT0S");
  CHECK(Add(kLong, kMixed).ToIsoString() == "P12Y6MT32H2M20.000000002S");
  CHECK(Subtract(kMixed, kFractions).ToIsoString() == "P-12Y-10M-43DT-18H-9M-3.500000003S");
  CHECK(Subtract(kFractions, kLong).ToIsoString() == "P6M15DT17H45M3.500000001S");
  CHECK(Add(kMixed, kMixed).ToIsoString() == "P2M-28DT31H38M20S");
}

TEST_CASE("Duration * and / number: integers exactly, floats through the cascade", "[temporal_arithmetic]") {
  const Duration d{12 * 12 + 5, 14, 16 * 3600 + 12 * 60 + 70, 1};
  CHECK(Multiply(d, Value(int64_t{1})).ToIsoString() == "P12Y5M14DT16H13M10.000000001S");
  CHECK(Multiply(d, Value(int64_t{2})).ToIsoString() == "P24Y10M28DT32H26M20.000000002S");
  CHECK(Multiply(d, Value(0.5)).ToIsoString() == "P6Y2M22DT13H21M8S");
  CHECK(Divide(d, Value(int64_t{2})).ToIsoString() == "P6Y2M22DT13H21M8S");
  CHECK(Divide(d, Value(0.5)).ToIsoString() == "P24Y10M28DT32H26M20.000000002S");
  CHECK(Divide(Duration{0, 0, -1, -500000000}, Value(int64_t{2})).ToIsoString() == "PT-0.75S");
  CHECK_THROWS_AS(Divide(d, Value(int64_t{0})), QueryError);
}

TEST_CASE("Arithmetic: the operand combinations openCypher has", "[temporal_arithmetic]") {
  const Value dur(Duration{0, 1, 0, 0});
  CHECK(Iso(*Arithmetic(Op::kAdd, dur, D(2020, 1, 1))) == "2020-01-02");
  CHECK(Iso(*Arithmetic(Op::kMul, Value(int64_t{3}), dur)) == "P3D");
  CHECK_FALSE(Arithmetic(Op::kSub, dur, D(2020, 1, 1)).has_value());
  CHECK_FALSE(Arithmetic(Op::kSub, D(2020, 1, 2), D(2020, 1, 1)).has_value());
  CHECK_FALSE(Arithmetic(Op::kMul, dur, dur).has_value());
  CHECK_FALSE(Arithmetic(Op::kDiv, Value(int64_t{2}), dur).has_value());
  CHECK_FALSE(Arithmetic(Op::kAdd, D(2020, 1, 1), D(2020, 1, 1)).has_value());
}

TEST_CASE("Overflow and the range of years are errors", "[temporal_arithmetic]") {
  CHECK_THROWS_AS(Plus(D(999999999, 12, 31), Duration{0, 1, 0, 0}), QueryError);
  CHECK_THROWS_AS(Plus(D(2020, 1, 1), Duration{INT64_MAX, 0, 0, 0}), QueryError);
  CHECK_THROWS_AS(Plus(LD(2020, 1, 1, 0, 0), Duration{0, 0, INT64_MAX, 0}), QueryError);
  CHECK_THROWS_AS(Add(Duration{INT64_MAX, 0, 0, 0}, Duration{1, 0, 0, 0}), QueryError);
  CHECK_THROWS_AS(Multiply(Duration{0, INT64_MAX / 2, 0, 0}, Value(int64_t{3})), QueryError);
  CHECK_THROWS_AS(Multiply(Duration{0, 1, 0, 0}, Value(1e300)), QueryError);
  CHECK_THROWS_AS(Multiply(Duration{0, 1, 0, 0}, Value(std::nan(""))), QueryError);
  CHECK_THROWS_AS(Negate(Duration{INT64_MIN, 0, 0, 0}), QueryError);
}

TEST_CASE("Between: mixed kinds borrow midnight, the other's date and zone", "[temporal_arithmetic]") {
  const Value date = D(1984, 10, 11);
  const Value ldt = LD(2016, 7, 21, 21, 45, 22, 142000000);
  const Value dt = DT(Ldt(2015, 7, 21, 21, 40, 32, 142000000), 3600);
  const Value lt = LT(14, 30);
  const Value t = T(14, 30, 0, 0, 0);
  CHECK(Span(date, D(2015, 6, 24)) == "P30Y8M13D");
  CHECK(Span(date, ldt) == "P31Y9M10DT21H45M22.142S");
  CHECK(Span(date, dt) == "P30Y9M10DT21H40M32.142S");
  CHECK(Span(date, LT(16, 30)) == "PT16H30M");
  CHECK(Span(date, T(16, 30, 0, 0, 3600)) == "PT16H30M");
  CHECK(Span(lt, D(2015, 6, 24)) == "PT-14H-30M");
  CHECK(Span(lt, dt) == "PT7H10M32.142S");
  CHECK(Span(lt, T(16, 30, 0, 0, 3600)) == "PT2H");
  CHECK(Span(t, dt) == "PT6H10M32.142S");
  CHECK(Span(t, T(16, 30, 0, 0, 3600)) == "PT1H");
  const Value ldt2 = LD(2015, 7, 21, 21, 40, 32, 142000000);
  CHECK(Span(ldt2, D(2015, 6, 24)) == "P-27DT-21H-40M-32.142S");
  CHECK(Span(ldt2, ldt) == "P1YT4M50S");
  CHECK(Span(ldt2, dt) == "PT0S");
  const Value dt2 = DT(Ldt(2014, 7, 21, 21, 40, 36, 143000000), 7200);
  CHECK(Span(dt2, D(2015, 6, 24)) == "P11M2DT2H19M23.857S");
  CHECK(Span(dt2, ldt) == "P2YT4M45.999S");
  CHECK(Span(dt2, dt) == "P1YT59M55.999S");
  CHECK(Span(dt2, LT(16, 30)) == "PT-5H-10M-36.143S");
  CHECK(Span(dt2, T(16, 30, 0, 0, 3600)) == "PT-4H-10M-36.143S");
}

TEST_CASE("Between in months, days and seconds", "[temporal_arithmetic]") {
  const Value date = D(1984, 10, 11);
  const Value dt = DT(Ldt(2015, 7, 21, 21, 40, 32, 142000000), 3600);
  CHECK(Span(date, dt, BetweenUnit::kMonths) == "P30Y9M");
  CHECK(Span(date, dt, BetweenUnit::kDays) == "P11240D");
  CHECK(Span(date, dt, BetweenUnit::kSeconds) == "PT269781H40M32.142S");
  CHECK(Span(date, LT(16, 30), BetweenUnit::kMonths) == "PT0S");
  CHECK(Span(date, LT(16, 30), BetweenUnit::kSeconds) == "PT16H30M");
  CHECK(Span(D(2018, 3, 11), D(2016, 6, 24), BetweenUnit::kMonths) == "P-1Y-8M");
  CHECK(Span(D(2018, 7, 21), DT(Ldt(2016, 7, 21, 21, 40, 32, 142000000), 3600), BetweenUnit::kMonths) == "P-1Y-11M");
  CHECK(Span(DT(Ldt(2018, 7, 21, 21, 40, 36, 143000000), 18000), DT(Ldt(1984, 7, 21, 22, 40, 36, 143000000), 7200),
             BetweenUnit::kMonths) == "P-33Y-11M");
  CHECK(Span(LD(2014, 7, 21, 21, 40, 36, 143000000), LD(2014, 7, 21, 21, 40, 36, 142000000), BetweenUnit::kSeconds) ==
        "PT-0.001S");
  CHECK(Span(LT(12, 34, 54, 700000000), LT(12, 34, 55, 300000000), BetweenUnit::kSeconds) == "PT0.6S");
  CHECK(Span(LT(12, 44, 54, 700000000), LT(12, 34, 55, 300000000), BetweenUnit::kSeconds) == "PT-9M-59.4S");
  CHECK(Span(LT(12, 34, 56, 300000000), LT(12, 34, 54, 700000000), BetweenUnit::kSeconds) == "PT-1.6S");
}

TEST_CASE("Between across the DST change counts real hours", "[temporal_arithmetic]") {
  const Value midnight = DZ(Ldt(2017, 10, 29, 0, 0), "Europe/Stockholm");
  const Value four = DZ(Ldt(2017, 10, 29, 4, 0), "Europe/Stockholm");
  CHECK(Span(midnight, LD(2017, 10, 29, 4, 0), BetweenUnit::kSeconds) == "PT5H");
  CHECK(Span(midnight, LT(4, 0), BetweenUnit::kSeconds) == "PT5H");
  CHECK(Span(LD(2017, 10, 29, 0, 0), four, BetweenUnit::kSeconds) == "PT5H");
  CHECK(Span(LT(0, 0), four, BetweenUnit::kSeconds) == "PT5H");
  CHECK(Span(D(2017, 10, 29), four, BetweenUnit::kSeconds) == "PT5H");
  CHECK(Span(midnight, D(2017, 10, 30), BetweenUnit::kSeconds) == "PT25H");
  const Value eleven = DZ(Ldt(2017, 10, 28, 23, 0), "Europe/Stockholm");
  CHECK(Span(eleven, four) == "PT6H");
  CHECK(Span(four, eleven) == "PT-6H");
}

TEST_CASE("Between: the whole range of years", "[temporal_arithmetic]") {
  CHECK(Span(D(-999999999, 1, 1), D(999999999, 12, 31)) == "P1999999998Y11M30D");
  CHECK(Span(LD(-999999999, 1, 1, 0, 0), LD(999999999, 12, 31, 23, 59, 59), BetweenUnit::kSeconds) ==
        "PT17531639991215H59M59S");
}

TEST_CASE("Between: a term of office", "[temporal_arithmetic]") {
  // 2011-07-06 to 2021-05-21: 9 years 10 months to 2021-05-06, then 15 days.
  CHECK(Span(D(2011, 7, 6), D(2021, 5, 21)) == "P9Y10M15D");
  CHECK(Span(D(2011, 7, 6), D(2021, 5, 21), BetweenUnit::kDays) == "P3607D");
}

}  // namespace
}  // namespace kg::temporal
