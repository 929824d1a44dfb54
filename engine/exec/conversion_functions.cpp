// Type conversions: toString, toInteger, toFloat, toBoolean and their
// *OrNull forms (which answer null where the plain form raises an error).
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

#include "common/utf8.h"
#include "exec/function_registry.h"
#include "exec/query_error.h"

namespace kg::functions {

namespace {

std::string Trimmed(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\n\r\f\v");
  if (b == std::string::npos) return "";
  const size_t e = s.find_last_not_of(" \t\n\r\f\v");
  return s.substr(b, e - b + 1);
}

// Parses a whole string as a double; nothing for text that is not a number.
std::optional<double> ParseDouble(const std::string& text) {
  const std::string s = Trimmed(text);
  if (s.empty() || s.find_first_of("xX") != std::string::npos) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const double d = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return std::nullopt;
  return d;
}

// An integer written out in `text`; one too big for 64 bits is an error,
// or, with `or_null`, no integer (toIntegerOrNull gives null for it).
std::optional<int64_t> ParseInt(const std::string& text, bool or_null) {
  const std::string s = Trimmed(text);
  if (s.empty()) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const long long i = std::strtoll(s.c_str(), &end, 10);
  if (end == s.c_str() + s.size() && errno == 0) return static_cast<int64_t>(i);
  if (end == s.c_str() + s.size() && errno == ERANGE && !or_null) ThrowRuntime("integer overflow: '" + s + "'");
  return std::nullopt;
}

// A whole-number double as an int64: truncated towards zero.
Value Truncate(const char* fn, double d) {
  if (std::isnan(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0) {
    ThrowRuntime(std::string(fn) + "() cannot represent " + Value(d).ToString() + " as an INTEGER");
  }
  return Value(static_cast<int64_t>(std::trunc(d)));
}

Value ToStringImpl(const Value& v, bool or_null) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      return Value();
    case Value::Kind::kString:
      return v;
    case Value::Kind::kInt:
    case Value::Kind::kFloat:
    case Value::Kind::kBool:
      return Value(v.ToString());
    default:
      if (v.is_temporal()) return Value(TemporalIsoString(v));
      if (or_null) return Value();
      ThrowArgument("toString", "a STRING, number, BOOLEAN or temporal value", v);
  }
}

Value ToIntegerImpl(const Value& v, bool or_null) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      return Value();
    case Value::Kind::kInt:
      return v;
    case Value::Kind::kFloat:
      if (or_null && (std::isnan(v.as_float()) || std::fabs(v.as_float()) >= 9223372036854775808.0)) return Value();
      return Truncate("toInteger", v.as_float());
    case Value::Kind::kBool:
      return Value(static_cast<int64_t>(v.as_bool() ? 1 : 0));
    case Value::Kind::kString: {
      if (std::optional<int64_t> i = ParseInt(v.as_string(), or_null)) return Value(*i);
      const std::optional<double> d = ParseDouble(v.as_string());
      if (!d || std::isnan(*d) || std::fabs(*d) >= 9223372036854775808.0) return Value();
      return Truncate("toInteger", *d);
    }
    default:
      if (or_null) return Value();
      ThrowArgument("toInteger", "a STRING, number or BOOLEAN", v);
  }
}

Value ToFloatImpl(const Value& v, bool or_null) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      return Value();
    case Value::Kind::kFloat:
      return v;
    case Value::Kind::kInt:
      return Value(static_cast<double>(v.as_int()));
    case Value::Kind::kString: {
      const std::optional<double> d = ParseDouble(v.as_string());
      return d ? Value(*d) : Value();
    }
    default:
      if (or_null) return Value();
      ThrowArgument("toFloat", "a STRING or number", v);
  }
}

Value ToBooleanImpl(const Value& v, bool or_null) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      return Value();
    case Value::Kind::kBool:
      return v;
    case Value::Kind::kInt:
      return Value(v.as_int() != 0);
    case Value::Kind::kString: {
      const std::string s = Trimmed(v.as_string());
      if (utf8::EqualsIgnoreCase(s, "true")) return Value(true);
      if (utf8::EqualsIgnoreCase(s, "false")) return Value(false);
      return Value();
    }
    default:
      if (or_null) return Value();
      ThrowArgument("toBoolean", "a STRING, BOOLEAN or INTEGER", v);
  }
}

Value ToString(std::vector<Value>& a, EvalContext&) { return ToStringImpl(a[0], false); }
Value ToStringOrNull(std::vector<Value>& a, EvalContext&) { return ToStringImpl(a[0], true); }
Value ToInteger(std::vector<Value>& a, EvalContext&) { return ToIntegerImpl(a[0], false); }
Value ToIntegerOrNull(std::vector<Value>& a, EvalContext&) { return ToIntegerImpl(a[0], true); }
Value ToFloat(std::vector<Value>& a, EvalContext&) { return ToFloatImpl(a[0], false); }
Value ToFloatOrNull(std::vector<Value>& a, EvalContext&) { return ToFloatImpl(a[0], true); }
Value ToBoolean(std::vector<Value>& a, EvalContext&) { return ToBooleanImpl(a[0], false); }
Value ToBooleanOrNull(std::vector<Value>& a, EvalContext&) { return ToBooleanImpl(a[0], true); }

}  // namespace

void RegisterConversionFunctions(Registry* r) {
  r->push_back({{"tostring", 1, 1}, ToString});
  r->push_back({{"tostringornull", 1, 1}, ToStringOrNull});
  r->push_back({{"tointeger", 1, 1}, ToInteger});
  r->push_back({{"tointegerornull", 1, 1}, ToIntegerOrNull});
  r->push_back({{"tofloat", 1, 1}, ToFloat});
  r->push_back({{"tofloatornull", 1, 1}, ToFloatOrNull});
  r->push_back({{"toboolean", 1, 1}, ToBoolean});
  r->push_back({{"tobooleanornull", 1, 1}, ToBooleanOrNull});
}

}  // namespace kg::functions
