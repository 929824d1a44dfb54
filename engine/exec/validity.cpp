#include "exec/validity.h"

#include <string>

namespace kg::validity {

namespace {

bool Digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

unsigned Number(std::string_view s) {
  unsigned n = 0;
  for (char c : s) n = n * 10 + static_cast<unsigned>(c - '0');
  return n;
}

Status Unreadable(std::string_view text) {
  return Status::Runtime("'" + std::string(text) + "' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
}

// The last day of a month: the day before the first of the next one.
Date LastOfMonth(int64_t year, unsigned month) {
  const Date next = month == 12 ? Date::FromCivil(year + 1, 1, 1) : Date::FromCivil(year, month + 1, 1);
  return Date{next.days - 1};
}

// One bound as a span of days; nothing when absent.
Result<std::optional<DaySpan>> ReadBound(const char* property, const Value& v) {
  if (v.is_null()) return std::optional<DaySpan>();
  if (std::optional<Date> d = TemporalDatePart(v)) return std::optional<DaySpan>(DaySpan{*d, *d});
  if (!v.is_string()) {
    return Status::Runtime(std::string(property) + " must be a date or ISO date text, got " + ValueKindName(v.kind()));
  }
  Result<DaySpan> span = ParsePartialDate(v.as_string());
  if (!span.ok()) return Status::Runtime(std::string(property) + ": " + span.status().message());
  return std::optional<DaySpan>(*span);
}

}  // namespace

Result<DaySpan> ParsePartialDate(std::string_view text) {
  if (text.size() < 4 || !Digits(text.substr(0, 4))) return Unreadable(text);
  const int64_t year = Number(text.substr(0, 4));
  if (text.size() == 4) return DaySpan{Date::FromCivil(year, 1, 1), Date::FromCivil(year, 12, 31)};
  if (text.size() != 7 && text.size() != 10) return Unreadable(text);
  if (text[4] != '-' || !Digits(text.substr(5, 2))) return Unreadable(text);
  const unsigned month = Number(text.substr(5, 2));
  if (month < 1 || month > 12) return Unreadable(text);
  if (text.size() == 7) return DaySpan{Date::FromCivil(year, month, 1), LastOfMonth(year, month)};
  if (text[7] != '-' || !Digits(text.substr(8, 2))) return Unreadable(text);
  const unsigned day = Number(text.substr(8, 2));
  const Date last = LastOfMonth(year, month);
  if (day < 1 || Date::FromCivil(year, month, 1).days + (day - 1) > last.days) return Unreadable(text);
  const Date d = Date::FromCivil(year, month, day);
  return DaySpan{d, d};
}

Result<Validity> ReadValidity(const Value& valid_from, const Value& valid_to, const Value& reported) {
  Result<std::optional<DaySpan>> from = ReadBound("valid_from", valid_from);
  if (!from.ok()) return from.status();
  Result<std::optional<DaySpan>> to = ReadBound("valid_to", valid_to);
  if (!to.ok()) return to.status();
  Validity out;
  if (*from) out.from = (*from)->first;
  if (*to) out.to = (*to)->last;
  if (out.from && out.to && *out.to < *out.from) {
    return Status::Runtime("valid_from " + valid_from.ToString() + " comes after valid_to " + valid_to.ToString());
  }
  if (*from || *to) return out;
  // No bounds: a reported date is all the source says about when.
  Result<std::optional<DaySpan>> seen = ReadBound("reported", reported);
  if (!seen.ok()) return seen.status();
  if (*seen) {
    out.from = (*seen)->first;
    out.to = (*seen)->last;
  }
  return out;
}

}  // namespace kg::validity
