// duration.between, duration.inMonths, duration.inDays and
// duration.inSeconds (duration_between.h) and the truncate functions
// date.truncate, datetime.truncate, localdatetime.truncate, time.truncate and
// localtime.truncate (temporal_truncate.h).
#include <vector>

#include "exec/duration_between.h"
#include "exec/function_registry.h"
#include "exec/temporal_truncate.h"

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

Value TruncateCall(Value::Kind kind, const char* function, std::vector<Value>& args) {
  if (args[0].is_null() || args[1].is_null()) return Value();
  if (!args[0].is_string()) ThrowArgument(function, "a unit as a STRING", args[0]);
  if (!args[1].is_temporal() || args[1].is_duration()) {
    ThrowArgument(function, "a DATE, LOCAL TIME, ZONED TIME, LOCAL DATETIME or ZONED DATETIME to truncate", args[1]);
  }
  static const ValueMap kNoFields;
  const bool has_fields = args.size() > 2 && !args[2].is_null();
  if (has_fields && !args[2].is_map()) ThrowArgument(function, "a MAP of fields", args[2]);
  return temporal::Truncate(kind, args[0].as_string(), args[1], has_fields ? args[2].as_map() : kNoFields, function);
}

Value DateTruncate(std::vector<Value>& args, EvalContext&) {
  return TruncateCall(Value::Kind::kDate, "date.truncate", args);
}
Value DateTimeTruncate(std::vector<Value>& args, EvalContext&) {
  return TruncateCall(Value::Kind::kDateTime, "datetime.truncate", args);
}
Value LocalDateTimeTruncate(std::vector<Value>& args, EvalContext&) {
  return TruncateCall(Value::Kind::kLocalDateTime, "localdatetime.truncate", args);
}
Value TimeTruncate(std::vector<Value>& args, EvalContext&) {
  return TruncateCall(Value::Kind::kTime, "time.truncate", args);
}
Value LocalTimeTruncate(std::vector<Value>& args, EvalContext&) {
  return TruncateCall(Value::Kind::kLocalTime, "localtime.truncate", args);
}

}  // namespace

void RegisterTemporalArithmeticFunctions(Registry* r) {
  r->push_back({{"duration.between", 2, 2}, DurationBetween});
  r->push_back({{"duration.inmonths", 2, 2}, DurationInMonths});
  r->push_back({{"duration.indays", 2, 2}, DurationInDays});
  r->push_back({{"duration.inseconds", 2, 2}, DurationInSeconds});
  r->push_back({{"date.truncate", 2, 3}, DateTruncate});
  r->push_back({{"datetime.truncate", 2, 3}, DateTimeTruncate});
  r->push_back({{"localdatetime.truncate", 2, 3}, LocalDateTimeTruncate});
  r->push_back({{"time.truncate", 2, 3}, TimeTruncate});
  r->push_back({{"localtime.truncate", 2, 3}, LocalTimeTruncate});
}

}  // namespace kg::functions
