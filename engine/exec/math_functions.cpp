// Numeric functions: abs, sign, round, floor, ceil, sqrt, exp, log, log10,
// trigonometry, pi, e, rand, isNaN.
#include <cmath>
#include <cstdint>
#include <random>

#include "exec/function_registry.h"
#include "exec/query_error.h"

namespace kg::functions {

namespace {

constexpr double kPi = 3.14159265358979323846;

bool NumberArgument(const char* fn, const Value& v, double* out) {
  if (v.is_null()) return false;
  if (!v.is_number()) ThrowArgument(fn, "a number", v);
  *out = v.as_number();
  return true;
}

Value Abs(std::vector<Value>& a, EvalContext&) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (v.is_int()) {
    if (v.as_int() == INT64_MIN) ThrowRuntime("integer overflow");
    return Value(v.as_int() < 0 ? -v.as_int() : v.as_int());
  }
  if (v.is_float()) return Value(std::fabs(v.as_float()));
  ThrowArgument("abs", "a number", v);
}

Value Sign(std::vector<Value>& a, EvalContext&) {
  double x;
  if (!NumberArgument("sign", a[0], &x)) return Value();
  return Value(static_cast<int64_t>(x > 0 ? 1 : (x < 0 ? -1 : 0)));
}

// Halves round up (towards positive infinity), as openCypher's round does.
double RoundHalfUp(double x) {
  if (!std::isfinite(x)) return x;
  const double f = std::floor(x);
  return x - f >= 0.5 ? f + 1 : f;
}

Value Round(std::vector<Value>& a, EvalContext&) {
  double x;
  if (!NumberArgument("round", a[0], &x)) return Value();
  if (a.size() < 2) return Value(RoundHalfUp(x));
  if (a[1].is_null()) return Value();
  const int64_t precision = IntArgument("round", a[1]);
  if (a.size() > 2 && !a[2].is_null()) {
    if (!a[2].is_string()) ThrowArgument("round", "a rounding mode STRING", a[2]);
    if (a[2].as_string() != "HALF_UP") ThrowUnsupported("round() mode '" + a[2].as_string() + "'");
  }
  if (precision < 0 || precision > 15) ThrowRuntime("round() precision must be between 0 and 15");
  // With a precision, halves round away from zero (HALF_UP).
  const double scale = std::pow(10.0, static_cast<double>(precision));
  return Value(std::round(x * scale) / scale);
}

template <double (*F)(double)>
Value Unary(const char* fn, std::vector<Value>& a) {
  double x;
  if (!NumberArgument(fn, a[0], &x)) return Value();
  return Value(F(x));
}

double Floor(double x) { return std::floor(x); }
double Ceil(double x) { return std::ceil(x); }
double Sqrt(double x) { return std::sqrt(x); }
double Exp(double x) { return std::exp(x); }
double Log(double x) { return std::log(x); }
double Log10(double x) { return std::log10(x); }
double Sin(double x) { return std::sin(x); }
double Cos(double x) { return std::cos(x); }
double Tan(double x) { return std::tan(x); }
double Cot(double x) { return 1.0 / std::tan(x); }
double Asin(double x) { return std::asin(x); }
double Acos(double x) { return std::acos(x); }
double Atan(double x) { return std::atan(x); }
double Degrees(double x) { return x * 180.0 / kPi; }
double Radians(double x) { return x * kPi / 180.0; }
double Haversin(double x) { return (1.0 - std::cos(x)) / 2.0; }

#define KG_UNARY(NAME, F) \
  Value F##Fn(std::vector<Value>& a, EvalContext&) { return Unary<F>(#NAME, a); }
KG_UNARY(floor, Floor)
KG_UNARY(ceil, Ceil)
KG_UNARY(sqrt, Sqrt)
KG_UNARY(exp, Exp)
KG_UNARY(log, Log)
KG_UNARY(log10, Log10)
KG_UNARY(sin, Sin)
KG_UNARY(cos, Cos)
KG_UNARY(tan, Tan)
KG_UNARY(cot, Cot)
KG_UNARY(asin, Asin)
KG_UNARY(acos, Acos)
KG_UNARY(atan, Atan)
KG_UNARY(degrees, Degrees)
KG_UNARY(radians, Radians)
KG_UNARY(haversin, Haversin)
#undef KG_UNARY

Value Atan2(std::vector<Value>& a, EvalContext&) {
  double y, x;
  const bool has_y = NumberArgument("atan2", a[0], &y);
  const bool has_x = NumberArgument("atan2", a[1], &x);
  if (!has_y || !has_x) return Value();
  return Value(std::atan2(y, x));
}

Value Pi(std::vector<Value>&, EvalContext&) { return Value(kPi); }
Value E(std::vector<Value>&, EvalContext&) { return Value(std::exp(1.0)); }

Value Rand(std::vector<Value>&, EvalContext&) {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return Value(std::uniform_real_distribution<double>(0.0, 1.0)(engine));
}

Value IsNaN(std::vector<Value>& a, EvalContext&) {
  double x;
  if (!NumberArgument("isNaN", a[0], &x)) return Value();
  return Value(std::isnan(x));
}

}  // namespace

void RegisterMathFunctions(Registry* r) {
  r->push_back({{"abs", 1, 1}, Abs});
  r->push_back({{"sign", 1, 1}, Sign});
  r->push_back({{"round", 1, 3}, Round});
  r->push_back({{"floor", 1, 1}, FloorFn});
  r->push_back({{"ceil", 1, 1}, CeilFn});
  r->push_back({{"sqrt", 1, 1}, SqrtFn});
  r->push_back({{"exp", 1, 1}, ExpFn});
  r->push_back({{"log", 1, 1}, LogFn});
  r->push_back({{"log10", 1, 1}, Log10Fn});
  r->push_back({{"sin", 1, 1}, SinFn});
  r->push_back({{"cos", 1, 1}, CosFn});
  r->push_back({{"tan", 1, 1}, TanFn});
  r->push_back({{"cot", 1, 1}, CotFn});
  r->push_back({{"asin", 1, 1}, AsinFn});
  r->push_back({{"acos", 1, 1}, AcosFn});
  r->push_back({{"atan", 1, 1}, AtanFn});
  r->push_back({{"atan2", 2, 2}, Atan2});
  r->push_back({{"degrees", 1, 1}, DegreesFn});
  r->push_back({{"radians", 1, 1}, RadiansFn});
  r->push_back({{"haversin", 1, 1}, HaversinFn});
  r->push_back({{"pi", 0, 0}, Pi});
  r->push_back({{"e", 0, 0}, E});
  r->push_back({{"rand", 0, 0}, Rand});
  r->push_back({{"isnan", 1, 1}, IsNaN});
}

}  // namespace kg::functions
