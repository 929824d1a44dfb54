#include "exec/temporal_parse.h"

#include <cerrno>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>

#include "common/time_zone.h"
#include "common/utf8.h"
#include "exec/temporal_from_fields.h"

namespace kg::temporal {
namespace {

constexpr int32_t kMaxOffsetSeconds = 18 * 3600;

// A read position in the text.
struct Cursor {
  std::string_view text;
  size_t pos = 0;

  bool AtEnd() const { return pos >= text.size(); }
  char Peek(size_t ahead = 0) const { return pos + ahead < text.size() ? text[pos + ahead] : '\0'; }
  bool IsDigit(size_t ahead = 0) const {
    const char c = Peek(ahead);
    return c >= '0' && c <= '9';
  }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++pos;
    return true;
  }
  size_t DigitRun() const {
    size_t n = 0;
    while (IsDigit(n)) ++n;
    return n;
  }
  // Exactly n digits.
  bool Digits(size_t n, int64_t* out) {
    if (DigitRun() < n) return false;
    int64_t v = 0;
    for (size_t k = 0; k < n; ++k) v = v * 10 + (text[pos + k] - '0');
    pos += n;
    *out = v;
    return true;
  }
  // A fraction after '.' or ',': 1 to 9 digits as nanoseconds.
  bool Fraction(int64_t* nanos) {
    if (Peek() != '.' && Peek() != ',') return true;
    ++pos;
    const size_t n = DigitRun();
    if (n == 0 || n > 9) return false;
    int64_t v = 0;
    Digits(n, &v);
    for (size_t k = n; k < 9; ++k) v *= 10;
    *nanos = v;
    return true;
  }
};

Status Unreadable(std::string_view text, const char* what) {
  return Status::Runtime("cannot read '" + std::string(text) + "' as " + what);
}

// The date at the cursor: everything up to 'T' or the end.
Result<Date> ReadDate(Cursor& c, std::string_view whole, const char* what) {
  DateFields f;
  bool negative = false;
  const bool sign = c.Peek() == '+' || c.Peek() == '-';
  if (sign) {
    negative = c.Peek() == '-';
    ++c.pos;
  }
  const size_t run = c.DigitRun();
  // Four digits of year, or 4 to 9 after a sign (only the extended form,
  // where a '-' ends the year, can tell a long year from month digits).
  size_t year_len = 4;
  if (sign && run > 4 && (c.Peek(run) == '-' || c.Peek(run) == '\0' || c.Peek(run) == 'T')) year_len = run;
  if (year_len > 9) return Unreadable(whole, what);
  int64_t year;
  if (!c.Digits(year_len, &year)) return Unreadable(whole, what);
  f.year = negative ? -year : year;
  const bool extended = c.Eat('-');
  int64_t a = 0, b = 0;
  if (c.Eat('W')) {
    if (!c.Digits(2, &a)) return Unreadable(whole, what);
    f.week = a;
    if (extended ? (c.Peek() == '-' && c.IsDigit(1)) : c.IsDigit()) {
      if (extended) c.Eat('-');
      c.Digits(1, &b);
      f.day_of_week = b;
    }
  } else if (c.DigitRun() == 3) {
    c.Digits(3, &a);
    f.ordinal_day = a;
  } else if (c.DigitRun() >= 2) {
    c.Digits(2, &a);
    f.month = a;
    if (extended ? c.Eat('-') : c.IsDigit()) {
      if (!c.Digits(2, &b)) return Unreadable(whole, what);
      f.day = b;
    }
  } else if (extended) {
    return Unreadable(whole, what);
  }
  if (!c.AtEnd() && c.Peek() != 'T' && c.Peek() != 't') return Unreadable(whole, what);
  Result<Date> d = DateFromFields(f);
  if (!d.ok()) return Status::Runtime("cannot read '" + std::string(whole) + "': " + d.status().message());
  return d;
}

// The time of day at the cursor, up to an offset, a zone or the end.
Result<LocalTime> ReadLocalTime(Cursor& c, std::string_view whole, const char* what) {
  TimeFields f;
  int64_t v;
  if (!c.Digits(2, &v)) return Unreadable(whole, what);
  f.hour = v;
  const bool extended = c.Peek() == ':';
  auto next = [&](int64_t* out) {
    if (extended) {
      if (c.Peek() != ':' || !c.IsDigit(1)) return false;
      c.Eat(':');
    } else if (!c.IsDigit()) {
      return false;
    }
    return c.Digits(2, out);
  };
  if (next(&v)) {
    f.minute = v;
    if (next(&v)) {
      f.second = v;
      int64_t nanos = 0;
      if (!c.Fraction(&nanos)) return Unreadable(whole, what);
      f.nanosecond = nanos;
    }
  }
  if (c.IsDigit() || c.Peek() == ':') return Unreadable(whole, what);
  Result<LocalTime> t = TimeFromFields(f);
  if (!t.ok()) return Status::Runtime("cannot read '" + std::string(whole) + "': " + t.status().message());
  return t;
}

// Z, +hh, +hhmm, +hh:mm, +hh:mm:ss, +hhmmss.
bool ReadOffset(Cursor& c, int32_t* offset) {
  if (c.Eat('Z') || c.Eat('z')) {
    *offset = 0;
    return true;
  }
  if (c.Peek() != '+' && c.Peek() != '-') return false;
  const int sign = c.Peek() == '-' ? -1 : 1;
  ++c.pos;
  int64_t h = 0, m = 0, s = 0;
  if (!c.Digits(2, &h)) return false;
  const bool extended = c.Peek() == ':';
  if (c.Eat(':') || c.IsDigit()) {
    if (!c.Digits(2, &m)) return false;
    if ((extended ? c.Eat(':') : c.IsDigit()) && !c.Digits(2, &s)) return false;
  }
  if (m > 59 || s > 59) return false;
  const int64_t total = h * 3600 + m * 60 + s;
  if (total > kMaxOffsetSeconds) return false;
  *offset = static_cast<int32_t>(sign * total);
  return true;
}

// An offset and/or a bracketed zone name, then the end of the text.
struct ZonePart {
  std::optional<int32_t> offset;
  uint32_t zone = 0;
};

Result<ZonePart> ReadZonePart(Cursor& c, std::string_view whole, const char* what) {
  ZonePart z;
  if (c.Peek() == 'Z' || c.Peek() == 'z' || c.Peek() == '+' || c.Peek() == '-') {
    int32_t off;
    if (!ReadOffset(c, &off)) return Unreadable(whole, what);
    z.offset = off;
  }
  if (c.Eat('[')) {
    const size_t close = c.text.find(']', c.pos);
    if (close == std::string_view::npos || close + 1 != c.text.size()) return Unreadable(whole, what);
    const std::string_view name = c.text.substr(c.pos, close - c.pos);
    Result<ZoneSpec> spec = ParseZone(name);
    if (!spec.ok()) return spec.status();
    if (spec.value().zone == 0) {
      if (z.offset && *z.offset != spec.value().offset_seconds) return Unreadable(whole, what);
      z.offset = spec.value().offset_seconds;
    }
    z.zone = spec.value().zone;
    c.pos = close + 1;
  }
  if (!c.AtEnd()) return Unreadable(whole, what);
  return z;
}

// Splits date and time at 'T'.
size_t FindT(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == 'T' || text[i] == 't') return i;
  }
  return std::string_view::npos;
}

}  // namespace

Result<ZoneSpec> ParseZone(std::string_view text) {
  Cursor c{text};
  int32_t offset;
  if (!text.empty() && (text[0] == '+' || text[0] == '-' || text == "Z" || text == "z")) {
    if (!ReadOffset(c, &offset) || !c.AtEnd()) {
      return Status::Runtime("'" + std::string(text) + "' is not a UTC offset between -18:00 and +18:00");
    }
    return ZoneSpec{offset, 0};
  }
  const std::optional<uint32_t> id = tz::FindZone(text);
  if (!id) return Status::Runtime("unknown time zone '" + std::string(text) + "'");
  return ZoneSpec{0, *id};
}

Result<Date> ParseDate(std::string_view text) {
  Cursor c{text};
  Result<Date> d = ReadDate(c, text, "a date");
  if (d.ok() && !c.AtEnd()) return Unreadable(text, "a date");
  return d;
}

Result<LocalTime> ParseLocalTime(std::string_view text) {
  Cursor c{text};
  Result<LocalTime> t = ReadLocalTime(c, text, "a local time");
  if (t.ok() && !c.AtEnd()) return Unreadable(text, "a local time");
  return t;
}

Result<Time> ParseTime(std::string_view text) {
  Cursor c{text};
  Result<LocalTime> t = ReadLocalTime(c, text, "a time");
  if (!t.ok()) return t.status();
  Cursor rest = c;
  int32_t offset = 0;
  if (!c.AtEnd() && (!ReadOffset(rest, &offset) || !rest.AtEnd())) return Unreadable(text, "a time");
  return Time{t.value(), offset};
}

Result<LocalDateTime> ParseLocalDateTime(std::string_view text) {
  const size_t t = FindT(text);
  Cursor c{text.substr(0, t)};
  Result<Date> d = ReadDate(c, text, "a local datetime");
  if (!d.ok()) return d.status();
  if (t == std::string_view::npos) return LocalDateTime{d.value(), LocalTime{}};
  Cursor tc{text.substr(t + 1)};
  Result<LocalTime> time = ReadLocalTime(tc, text, "a local datetime");
  if (!time.ok()) return time.status();
  if (!tc.AtEnd()) return Unreadable(text, "a local datetime");
  return LocalDateTime{d.value(), time.value()};
}

Result<DateTime> ParseDateTime(std::string_view text) {
  const char* what = "a datetime";
  const size_t t = FindT(text);
  Cursor c{text.substr(0, t)};
  Result<Date> d = ReadDate(c, text, what);
  if (!d.ok()) return d.status();
  LocalDateTime local{d.value(), LocalTime{}};
  ZonePart zone;
  if (t != std::string_view::npos) {
    Cursor tc{text.substr(t + 1)};
    Result<LocalTime> time = ReadLocalTime(tc, text, what);
    if (!time.ok()) return time.status();
    local.time = time.value();
    Result<ZonePart> z = ReadZonePart(tc, text, what);
    if (!z.ok()) return z.status();
    zone = z.value();
  }
  if (zone.zone == 0) {
    DateTime out;
    out.local = local;
    out.offset_seconds = zone.offset.value_or(0);
    return out;
  }
  if (!zone.offset) return tz::ResolveLocal(zone.zone, local);
  // An offset and a zone: the instant the offset names, shown in the zone.
  const int64_t instant = local.EpochSeconds() - *zone.offset;
  return tz::AtInstant(zone.zone, instant, local.time.nanosecond());
}

Result<Duration> ParseDuration(std::string_view text) {
  const Status bad = Unreadable(text, "a duration");
  Cursor c{text};
  bool negate = false;
  if (c.Eat('-')) {
    negate = true;
  } else {
    c.Eat('+');
  }
  if (!c.Eat('P') && !c.Eat('p')) return bad;
  DurationFields acc;
  const size_t body = c.pos;
  // The alternative form P2012-02-02T14:37:21.545 (or basic digits): no
  // unit letters, a date and a time as a date-time would be written.
  if (text.find_first_of("YWDHSywdhs", body) == std::string_view::npos &&
      text.find_first_of("Mm", body) == std::string_view::npos) {
    int64_t y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, nanos = 0;
    if (!c.Digits(4, &y)) return bad;
    const bool ext = c.Eat('-');
    if (!c.Digits(2, &mo) || (ext && !c.Eat('-')) || !c.Digits(2, &d)) return bad;
    if (c.Eat('T') || c.Eat('t')) {
      if (!c.Digits(2, &h)) return bad;
      const bool text_ext = c.Eat(':');
      if (!c.Digits(2, &mi) || (text_ext && !c.Eat(':')) || !c.Digits(2, &s) || !c.Fraction(&nanos)) return bad;
    }
    if (!c.AtEnd()) return bad;
    if (mo > 12 || d > 31 || h > 23 || mi > 59 || s > 59) return bad;
    acc.AddInt(DurationUnit::kYears, y);
    acc.AddInt(DurationUnit::kMonths, mo);
    acc.AddInt(DurationUnit::kDays, d);
    acc.AddInt(DurationUnit::kHours, h);
    acc.AddInt(DurationUnit::kMinutes, mi);
    acc.AddInt(DurationUnit::kSeconds, s);
    acc.AddInt(DurationUnit::kNanoseconds, nanos);
  } else {
    bool in_time = false;
    bool any = false;
    int last_unit = -1;  // units come in order, each once
    while (!c.AtEnd()) {
      if (c.Eat('T') || c.Eat('t')) {
        if (in_time) return bad;
        in_time = true;
        continue;
      }
      const size_t start = c.pos;
      if (c.Peek() == '-' || c.Peek() == '+') ++c.pos;
      const size_t run = c.DigitRun();
      if (run == 0) return bad;
      c.pos += run;
      bool fractional = false;
      if ((c.Peek() == '.' || c.Peek() == ',') && c.IsDigit(1)) {
        fractional = true;
        ++c.pos;
        c.pos += c.DigitRun();
      }
      std::string number(text.substr(start, c.pos - start));
      for (char& ch : number) {
        if (ch == ',') ch = '.';
      }
      const char unit = utf8::AsciiLower(c.Peek());
      ++c.pos;
      int order;
      DurationUnit u;
      if (!in_time && unit == 'y') {
        order = 0;
        u = DurationUnit::kYears;
      } else if (!in_time && unit == 'm') {
        order = 1;
        u = DurationUnit::kMonths;
      } else if (!in_time && unit == 'w') {
        order = 2;
        u = DurationUnit::kWeeks;
      } else if (!in_time && unit == 'd') {
        order = 3;
        u = DurationUnit::kDays;
      } else if (in_time && unit == 'h') {
        order = 4;
        u = DurationUnit::kHours;
      } else if (in_time && unit == 'm') {
        order = 5;
        u = DurationUnit::kMinutes;
      } else if (in_time && unit == 's') {
        order = 6;
        u = DurationUnit::kSeconds;
      } else {
        return bad;
      }
      if (order <= last_unit) return bad;
      last_unit = order;
      any = true;
      bool ok;
      if (fractional) {
        ok = acc.AddFloat(u, std::stod(number));
      } else {
        errno = 0;
        const long long v = std::strtoll(number.c_str(), nullptr, 10);
        ok = errno == 0 && acc.AddInt(u, v);
      }
      if (!ok) return Status::Runtime("the duration '" + std::string(text) + "' is too large");
    }
    if (!any) return bad;
  }
  Result<Duration> d = acc.ToDuration();
  if (!d.ok()) return Status::Runtime("the duration '" + std::string(text) + "' is too large");
  if (!negate) return d;
  const Duration& v = d.value();
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  if (v.months == kMin || v.days == kMin || v.seconds == kMin) {
    return Status::Runtime("the duration '" + std::string(text) + "' is too large");
  }
  return Duration::Normalized(-v.months, -v.days, -v.seconds, -v.nanos);
}

}  // namespace kg::temporal
