// Reading valid_from / valid_to below the language: partial dates name a
// span of days (a year, a month, a day) and the edges of those spans are
// where an as-of question goes wrong (the last day of a year, month ends,
// leap days, open ends, bad text).
#include "exec/validity.h"

#include <catch2/catch.hpp>
#include <string>

namespace kg::validity {
namespace {

Date D(int64_t y, unsigned m, unsigned d) { return Date::FromCivil(y, m, d); }

void RequireSpan(const char* text, Date first, Date last) {
  INFO(text);
  Result<DaySpan> span = ParsePartialDate(text);
  REQUIRE(span.ok());
  CHECK(span->first == first);
  CHECK(span->last == last);
}

Validity Read(const Value& from, const Value& to) {
  Result<Validity> v = ReadValidity(from, to, Value());
  INFO(v.status().message());
  REQUIRE(v.ok());
  return *v;
}

TEST_CASE("a partial date names the days of its year, month or day", "[validity]") {
  RequireSpan("2021", D(2021, 1, 1), D(2021, 12, 31));
  RequireSpan("2023-11", D(2023, 11, 1), D(2023, 11, 30));
  RequireSpan("2024-07-09", D(2024, 7, 9), D(2024, 7, 9));
  // Month ends: 31, 30, and February in common and leap years (2000 is one, 1900 not).
  RequireSpan("2023-12", D(2023, 12, 1), D(2023, 12, 31));
  RequireSpan("2023-04", D(2023, 4, 1), D(2023, 4, 30));
  RequireSpan("2023-02", D(2023, 2, 1), D(2023, 2, 28));
  RequireSpan("2024-02", D(2024, 2, 1), D(2024, 2, 29));
  RequireSpan("2000-02", D(2000, 2, 1), D(2000, 2, 29));
  RequireSpan("1900-02", D(1900, 2, 1), D(1900, 2, 28));
  RequireSpan("2024-02-29", D(2024, 2, 29), D(2024, 2, 29));
  RequireSpan("1976", D(1976, 1, 1), D(1976, 12, 31));
}

TEST_CASE("text that is not a partial date is an error naming it", "[validity]") {
  for (const char* bad :
       {"--03-28",    "",           "21",         "2021-",     "2021-5",     "2021-13", "2021-00", "2023-02-29",
        "1900-02-29", "2024-04-31", "2024-07-00", "2024-07-9", "2024/07/09", " 2021",   "2021 ",   "2024-07-09T10:00",
        "20210709",   "abcd",       "2021-W30",   "+2021"}) {
    INFO(bad);
    Result<DaySpan> span = ParsePartialDate(bad);
    REQUIRE_FALSE(span.ok());
    CHECK(span.status().Is(ErrorKind::kRuntime));
    CHECK(span.status().message() ==
          "'" + std::string(bad) + "' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
  }
}

TEST_CASE("valid_from starts on the first day of its span, valid_to ends on the last", "[validity]") {
  const Validity v = Read(Value(std::string("2021")), Value(std::string("2025")));
  CHECK_FALSE(v.Contains(D(2020, 12, 31)));
  CHECK(v.Contains(D(2021, 1, 1)));
  CHECK(v.Contains(D(2025, 12, 31)));
  CHECK_FALSE(v.Contains(D(2026, 1, 1)));

  const Validity month = Read(Value(std::string("2023-11")), Value(std::string("2024-02")));
  CHECK_FALSE(month.Contains(D(2023, 10, 31)));
  CHECK(month.Contains(D(2023, 11, 1)));
  CHECK(month.Contains(D(2024, 2, 29)));
  CHECK_FALSE(month.Contains(D(2024, 3, 1)));

  // One year, from and to the same: the whole year.
  const Validity year = Read(Value(std::string("2024")), Value(std::string("2024")));
  CHECK(year.Contains(D(2024, 1, 1)));
  CHECK(year.Contains(D(2024, 12, 31)));
  CHECK_FALSE(year.Contains(D(2025, 1, 1)));

  // Mixed precision: a day to a month.
  const Validity mixed = Read(Value(std::string("2024-07-09")), Value(std::string("2024-07")));
  CHECK_FALSE(mixed.Contains(D(2024, 7, 8)));
  CHECK(mixed.Contains(D(2024, 7, 31)));
}

TEST_CASE("an absent bound is an open end, and no validity at all holds every day", "[validity]") {
  const Validity open_end = Read(Value(std::string("1976")), Value());
  CHECK_FALSE(open_end.Contains(D(1975, 12, 31)));
  CHECK(open_end.Contains(D(1976, 1, 1)));
  CHECK(open_end.Contains(D(9999, 12, 31)));

  const Validity open_start = Read(Value(), Value(std::string("2025")));
  CHECK(open_start.Contains(D(-5000, 1, 1)));
  CHECK(open_start.Contains(D(2025, 12, 31)));
  CHECK_FALSE(open_start.Contains(D(2026, 1, 1)));

  const Validity none = Read(Value(), Value());
  CHECK(none.Contains(D(1, 1, 1)));
  CHECK(none.Contains(D(2024, 7, 9)));
}

TEST_CASE("bounds stored as temporal values are read as their date", "[validity]") {
  const Validity dates = Read(Value(D(2021, 3, 1)), Value(D(2021, 3, 31)));
  CHECK_FALSE(dates.Contains(D(2021, 2, 28)));
  CHECK(dates.Contains(D(2021, 3, 1)));
  CHECK(dates.Contains(D(2021, 3, 31)));
  CHECK_FALSE(dates.Contains(D(2021, 4, 1)));

  const Validity ldt = Read(Value(LocalDateTime{D(2024, 2, 29), LocalTime{}}), Value());
  CHECK(ldt.Contains(D(2024, 2, 29)));
  CHECK_FALSE(ldt.Contains(D(2024, 2, 28)));

  // A date and a partial text together.
  const Validity mixed = Read(Value(D(2023, 11, 15)), Value(std::string("2023-11")));
  CHECK(mixed.Contains(D(2023, 11, 30)));
  CHECK_FALSE(mixed.Contains(D(2023, 11, 14)));
}

TEST_CASE("unreadable or reversed validity is an error naming the property", "[validity]") {
  Result<Validity> bad_text = ReadValidity(Value(std::string("--03-28")), Value(), Value());
  REQUIRE_FALSE(bad_text.ok());
  CHECK(bad_text.status().message() == "valid_from: '--03-28' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");

  Result<Validity> bad_kind = ReadValidity(Value(), Value(int64_t{2025}), Value());
  REQUIRE_FALSE(bad_kind.ok());
  CHECK(bad_kind.status().message() == "valid_to must be a date or ISO date text, got INTEGER");

  Result<Validity> reversed = ReadValidity(Value(std::string("2025")), Value(std::string("2021")), Value());
  REQUIRE_FALSE(reversed.ok());
  CHECK(reversed.status().message() == "valid_from '2025' comes after valid_to '2021'");

  // Same month at both ends is not reversed.
  CHECK(ReadValidity(Value(std::string("2023-11")), Value(std::string("2023-11-01")), Value()).ok());
  // A day before the month it ends in is fine, a day after it is not.
  CHECK_FALSE(ReadValidity(Value(std::string("2023-12-01")), Value(std::string("2023-11")), Value()).ok());
}

TEST_CASE("with no bounds, the reported date is when the fact is known to hold", "[validity]") {
  const Value none;
  // Reported in a year: every day of it, and no other.
  Result<Validity> year = ReadValidity(none, none, Value(std::string("2021")));
  REQUIRE(year.ok());
  CHECK(year->Contains(D(2021, 5, 21)));
  CHECK_FALSE(year->Contains(D(2022, 1, 1)));
  CHECK_FALSE(year->Contains(D(2020, 12, 31)));
  // Reported on a day (a DATE value too): that day only.
  Result<Validity> day = ReadValidity(none, none, Value(D(2024, 7, 9)));
  REQUIRE(day.ok());
  CHECK(day->Contains(D(2024, 7, 9)));
  CHECK_FALSE(day->Contains(D(2024, 7, 10)));
  // Bounds win over the reported date: valid_from '2021' with reported '2021' is open-ended.
  Result<Validity> bounded = ReadValidity(Value(std::string("2021")), none, Value(std::string("2021")));
  REQUIRE(bounded.ok());
  CHECK(bounded->Contains(D(2030, 1, 1)));
  // Nothing at all: timeless.
  Result<Validity> timeless = ReadValidity(none, none, none);
  REQUIRE(timeless.ok());
  CHECK(timeless->Contains(D(1, 1, 1)));
  // An unreadable reported date is an error naming it.
  Result<Validity> bad = ReadValidity(none, none, Value(std::string("9/7")));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == "reported: '9/7' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
}

}  // namespace
}  // namespace kg::validity
