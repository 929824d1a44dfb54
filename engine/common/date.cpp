#include "common/date.h"

#include <cstdio>

namespace kg {
namespace {

bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned DaysInMonth(int64_t y, unsigned m) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Floor division, so that the era arithmetic below also holds before year 0.
int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

// The calendar repeats every 400 years (146097 days). Counting years from
// March makes the leap day the last day of the year, so the day of the year
// follows from the month by one linear formula.
Date Date::FromCivil(int64_t year, unsigned month, unsigned day) {
  const int64_t y = month <= 2 ? year - 1 : year;
  const int64_t era = FloorDiv(y, 400);
  const int64_t year_of_era = y - era * 400;                // [0, 399]
  const int64_t m = month > 2 ? month - 3 : month + 9;      // March = 0
  const int64_t day_of_year = (153 * m + 2) / 5 + day - 1;  // [0, 365]
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return Date{era * 146097 + day_of_era - 719468};  // 719468: 0000-03-01 to 1970-01-01
}

void Date::ToCivil(int64_t* year, unsigned* month, unsigned* day) const {
  const int64_t z = days + 719468;
  const int64_t era = FloorDiv(z, 146097);
  const int64_t day_of_era = z - era * 146097;  // [0, 146096]
  const int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t mp = (5 * day_of_year + 2) / 153;  // March = 0
  *day = static_cast<unsigned>(day_of_year - (153 * mp + 2) / 5 + 1);
  *month = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  *year = year_of_era + era * 400 + (*month <= 2 ? 1 : 0);
}

std::optional<Date> Date::Parse(std::string_view text) {
  bool negative = false;
  size_t i = 0;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    i = 1;
  }
  auto digits = [&](size_t n, int64_t* out) {
    if (i + n > text.size()) return false;
    int64_t v = 0;
    for (size_t k = 0; k < n; ++k) {
      char c = text[i + k];
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    i += n;
    *out = v;
    return true;
  };
  // Years: four digits, or more after an explicit sign.
  size_t year_len = 0;
  while (i + year_len < text.size() && text[i + year_len] >= '0' && text[i + year_len] <= '9') ++year_len;
  if (year_len < 4 || (year_len > 4 && i == 0) || year_len > 9) return std::nullopt;
  int64_t year, month, day;
  if (!digits(year_len, &year)) return std::nullopt;
  if (i >= text.size() || text[i] != '-') return std::nullopt;
  ++i;
  if (!digits(2, &month)) return std::nullopt;
  if (i >= text.size() || text[i] != '-') return std::nullopt;
  ++i;
  if (!digits(2, &day)) return std::nullopt;
  if (i != text.size()) return std::nullopt;
  if (negative) year = -year;
  if (month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > DaysInMonth(year, static_cast<unsigned>(month))) return std::nullopt;
  return FromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::string Date::ToIsoString() const {
  int64_t y;
  unsigned m, d;
  ToCivil(&y, &m, &d);
  char buf[40];
  if (y >= 0 && y <= 9999) {
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  } else {
    std::snprintf(buf, sizeof buf, "%+05lld-%02u-%02u", static_cast<long long>(y), m, d);
  }
  return buf;
}

}  // namespace kg
