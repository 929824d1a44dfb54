// Dates are stored as day counts; these check the calendar arithmetic that
// turns text into days and back.
#include "common/date.h"

#include <catch2/catch.hpp>

using kg::Date;

TEST_CASE("dates parse and print as ISO text", "[date]") {
  for (const char* text : {"1970-01-01", "2024-07-09", "2000-02-29", "1900-03-01", "0001-01-01", "9999-12-31",
                           "1945-09-02", "2024-12-31"}) {
    auto d = Date::Parse(text);
    REQUIRE(d.has_value());
    CHECK(d->ToIsoString() == text);
  }
  CHECK(Date::Parse("1970-01-01")->days == 0);
  CHECK(Date::Parse("1970-01-02")->days == 1);
  CHECK(Date::Parse("1969-12-31")->days == -1);
  CHECK(Date::Parse("2000-03-01")->days - Date::Parse("2000-02-28")->days == 2);  // 2000 is a leap year
  CHECK(Date::Parse("1900-03-01")->days - Date::Parse("1900-02-28")->days == 1);  // 1900 is not
}

TEST_CASE("every day for eight centuries round-trips", "[date]") {
  const int64_t from = Date::FromCivil(1600, 1, 1).days, to = Date::FromCivil(2400, 1, 1).days;
  int64_t y;
  unsigned m, d;
  for (int64_t day = from; day < to; ++day) {
    Date(Date{day}).ToCivil(&y, &m, &d);
    REQUIRE(Date::FromCivil(y, m, d).days == day);
  }
}

TEST_CASE("text that is not a real date is refused", "[date]") {
  for (const char* text : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-1-01", "24-01-01",
                           "2024-01-01x", "", "2024/01/01", "abcd-ef-gh", "12024-01-01"}) {
    INFO(text);
    CHECK_FALSE(Date::Parse(text).has_value());
  }
}

TEST_CASE("years outside 0000-9999 need a sign", "[date]") {
  auto d = Date::Parse("-0044-03-15");
  REQUIRE(d.has_value());
  CHECK(d->ToIsoString() == "-0044-03-15");
  CHECK(*d < *Date::Parse("0001-01-01"));
  CHECK(Date::Parse("+12024-01-01")->ToIsoString() == "+12024-01-01");
}
