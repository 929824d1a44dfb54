#include "common/value_compare.h"

#include <cmath>

namespace kg {

int CompareIntDouble(int64_t i, double d) {
  // Doubles at or beyond ±2^63 are outside every int64; inside that range
  // the integer part of d is an exact int64 and the fraction breaks ties.
  if (d >= 9223372036854775808.0) return -1;
  if (d < -9223372036854775808.0) return 1;
  const double whole = std::trunc(d);
  const int64_t w = static_cast<int64_t>(whole);
  if (i != w) return i < w ? -1 : 1;
  const double frac = d - whole;
  return frac > 0 ? -1 : (frac < 0 ? 1 : 0);
}

namespace {
template <typename T>
int Cmp(T a, T b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}
}  // namespace

std::optional<int> CompareComparable(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    if (a.is_int() && b.is_int()) return a.as_int() < b.as_int() ? -1 : (a.as_int() > b.as_int() ? 1 : 0);
    if (a.is_float() && std::isnan(a.as_float())) return std::nullopt;
    if (b.is_float() && std::isnan(b.as_float())) return std::nullopt;
    if (a.is_int()) return CompareIntDouble(a.as_int(), b.as_float());
    if (b.is_int()) return -CompareIntDouble(b.as_int(), a.as_float());
    return a.as_float() < b.as_float() ? -1 : (a.as_float() > b.as_float() ? 1 : 0);
  }
  if (a.kind() != b.kind()) return std::nullopt;
  switch (a.kind()) {
    case Value::Kind::kBool:
      return static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool());
    case Value::Kind::kString: {
      const int c = a.as_string().compare(b.as_string());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case Value::Kind::kDate:
      return Cmp(a.as_date().days, b.as_date().days);
    case Value::Kind::kLocalTime:
      return Cmp(a.as_local_time().nanos, b.as_local_time().nanos);
    case Value::Kind::kTime:
      return Cmp(a.as_time().UtcNanos(), b.as_time().UtcNanos());
    case Value::Kind::kLocalDateTime: {
      const LocalDateTime x = a.as_local_date_time(), y = b.as_local_date_time();
      const int c = Cmp(x.date.days, y.date.days);
      return c != 0 ? c : Cmp(x.time.nanos, y.time.nanos);
    }
    case Value::Kind::kDateTime: {
      const DateTime& x = a.as_date_time();
      const DateTime& y = b.as_date_time();
      const int c = Cmp(x.EpochSeconds(), y.EpochSeconds());
      return c != 0 ? c : Cmp(x.Nanosecond(), y.Nanosecond());
    }
    default:
      return std::nullopt;
  }
}

}  // namespace kg
