#include "common/temporal.h"

#include <cstdio>
#include <cstdlib>

#include "common/time_zone.h"

namespace kg {

std::string LocalTime::ToIsoString() const {
  char buf[32];
  int n =
      std::snprintf(buf, sizeof buf, "%02lld:%02lld", static_cast<long long>(hour()), static_cast<long long>(minute()));
  const int64_t sec = second();
  const int64_t frac = nanosecond();
  if (sec != 0 || frac != 0) n += std::snprintf(buf + n, sizeof buf - n, ":%02lld", static_cast<long long>(sec));
  if (frac != 0) {
    if (frac % 1000000 == 0) {
      std::snprintf(buf + n, sizeof buf - n, ".%03lld", static_cast<long long>(frac / 1000000));
    } else if (frac % 1000 == 0) {
      std::snprintf(buf + n, sizeof buf - n, ".%06lld", static_cast<long long>(frac / 1000));
    } else {
      std::snprintf(buf + n, sizeof buf - n, ".%09lld", static_cast<long long>(frac));
    }
  }
  return buf;
}

std::string FormatUtcOffset(int32_t offset_seconds) {
  if (offset_seconds == 0) return "Z";
  const int32_t a = std::abs(offset_seconds);
  char buf[16];
  if (a % 60 != 0) {
    std::snprintf(buf, sizeof buf, "%c%02d:%02d:%02d", offset_seconds < 0 ? '-' : '+', a / 3600, a / 60 % 60, a % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset_seconds < 0 ? '-' : '+', a / 3600, a / 60 % 60);
  }
  return buf;
}

std::string Time::ToIsoString() const { return time.ToIsoString() + FormatUtcOffset(offset_seconds); }

std::string LocalDateTime::ToIsoString() const { return date.ToIsoString() + "T" + time.ToIsoString(); }

std::string DateTime::ToIsoString() const {
  std::string out = local.ToIsoString() + FormatUtcOffset(offset_seconds);
  if (zone != 0) out += "[" + tz::ZoneName(zone) + "]";
  return out;
}

Duration Duration::Normalized(int64_t months, int64_t days, int64_t seconds, int64_t nanos) {
  seconds += nanos / kNanosPerSecond;
  nanos %= kNanosPerSecond;
  if (seconds < 0 && nanos > 0) {
    seconds += 1;
    nanos -= kNanosPerSecond;
  } else if (seconds > 0 && nanos < 0) {
    seconds -= 1;
    nanos += kNanosPerSecond;
  }
  return Duration{months, days, seconds, nanos};
}

namespace {

void AppendPart(std::string* out, int64_t v, char unit) {
  if (v == 0) return;
  *out += std::to_string(v);
  *out += unit;
}

// ".5", ".000000001": the fraction without trailing zeros.
void AppendFraction(std::string* out, int64_t nanos) {
  int64_t n = std::llabs(nanos);
  *out += '.';
  for (int64_t mod = kNanosPerSecond; mod > 1 && n > 0; n %= mod) {
    mod /= 10;
    *out += static_cast<char>('0' + n / mod);
  }
}

}  // namespace

std::string Duration::ToIsoString() const {
  std::string out = "P";
  AppendPart(&out, months / 12, 'Y');
  AppendPart(&out, months % 12, 'M');
  AppendPart(&out, days, 'D');
  if (seconds != 0 || nanos != 0) {
    out += 'T';
    AppendPart(&out, seconds / 3600, 'H');
    AppendPart(&out, seconds % 3600 / 60, 'M');
    const int64_t s = seconds % 60;
    if (s != 0) {
      out += std::to_string(s);
      if (nanos != 0) AppendFraction(&out, nanos);
      out += 'S';
    } else if (nanos != 0) {
      out += nanos < 0 ? "-0" : "0";
      AppendFraction(&out, nanos);
      out += 'S';
    }
  }
  if (out.size() == 1) out += "T0S";
  return out;
}

}  // namespace kg
