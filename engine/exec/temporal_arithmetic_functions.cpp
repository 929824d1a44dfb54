// duration.between, duration.inMonths, duration.inDays and
// duration.inSeconds (duration_between.h) and the truncate functions
// date.truncate, datetime.truncate, localdatetime.truncate, time.truncate and
// localtime.truncate (temporal_truncate.h).
#include <vector>

#include "exec/duration_between.h"
#include "exec/function_registry.h"

namespace kg::functions {

namespace {

using temporal::BetweenUnit;

Value BetweenCall(const char* function, std::vector<Value>& args, BetweenUnit unit) {
  if (args[0].is_null() || args[1].is_null()) return Value();
  for (const Value& v : args) {
    if (!v.is_temporal() || v.is_duration()) {
      ThrowArgument(function, "a DATE, LOCAL TIME, ZONED TIME, LOCAL DATETIME or ZONED DATETIME", v);
    }
  }
  return Value(temporal::Between(args[0], args[1], unit));
}

Value DurationBetween(std::vector<Value>& args, EvalContext&) {
  return BetweenCall("duration.between", args, BetweenUnit::kAll);
}
Value DurationInMonths(std::vector<Value>& args, EvalContext&) {
  return BetweenCall("duration.inMonths", args, BetweenUnit::kMonths);
}
Value DurationInDays(std::vector<Value>& args, EvalContext&) {
  return BetweenCall("duration.inDays", args, BetweenUnit::kDays);
}
Value DurationInSeconds(std::vector<Value>& args, EvalContext&) {
  return BetweenCall("duration.inSeconds", args, BetweenUnit::kSeconds);
}

}  // namespace

void RegisterTemporalArithmeticFunctions(Registry* r) {
  r->push_back({{"duration.between", 2, 2}, DurationBetween});
  r->push_back({{"duration.inmonths", 2, 2}, DurationInMonths});
  r->push_back({{"duration.indays", 2, 2}, DurationInDays});
  r->push_back({{"duration.inseconds", 2, 2}, DurationInSeconds});
}

}  // namespace kg::functions
