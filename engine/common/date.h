// Calendar dates (proleptic Gregorian, no time zone), stored as a day count.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kg {

struct Date {
  int64_t days = 0;  // days since 1970-01-01; negative before it

  static Date FromCivil(int64_t year, unsigned month, unsigned day);
  // Accepts YYYY-MM-DD (and a leading sign for years beyond 0000..9999).
  // Returns nothing for text that is not a real date (2023-02-30).
  static std::optional<Date> Parse(std::string_view text);

  void ToCivil(int64_t* year, unsigned* month, unsigned* day) const;
  std::string ToIsoString() const;  // 2024-07-09

  friend bool operator==(Date a, Date b) { return a.days == b.days; }
  friend bool operator!=(Date a, Date b) { return a.days != b.days; }
  friend bool operator<(Date a, Date b) { return a.days < b.days; }
};

}  // namespace kg
