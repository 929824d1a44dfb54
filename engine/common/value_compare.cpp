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
      return a.as_date() < b.as_date() ? -1 : (b.as_date() < a.as_date() ? 1 : 0);
    default:
      return std::nullopt;
  }
}

}  // namespace kg
