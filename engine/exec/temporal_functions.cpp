// Temporal functions. Only calendar dates exist so far: date() in its three
// forms (today, from text, from a map of fields) and timestamp(); the other
// temporal types are reported as not supported yet.
#include <chrono>
#include <string>

#include "exec/function_registry.h"
#include "exec/query_error.h"

namespace kg::functions {

namespace {

Value DateFromMap(const ValueMap& m) {
  int64_t year = 0, month = 1, day = 1;
  bool has_year = false;
  for (const auto& [key, v] : m) {
    std::string k = key;
    for (char& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (v.is_null()) continue;
    if (k == "year") {
      year = IntArgument("date", v);
      has_year = true;
    } else if (k == "month") {
      month = IntArgument("date", v);
    } else if (k == "day") {
      day = IntArgument("date", v);
    } else {
      ThrowUnsupported("date() field '" + key + "'");
    }
  }
  if (!has_year) ThrowRuntime("date() needs a year");
  if (month < 1 || month > 12) ThrowRuntime("date(): month " + std::to_string(month) + " is not between 1 and 12");
  if (year < -999999999 || year > 999999999) ThrowRuntime("date(): year " + std::to_string(year) + " is out of range");
  const Date d = Date::FromCivil(year, static_cast<unsigned>(month), day < 1 || day > 31 ? 1u : unsigned(day));
  int64_t y;
  unsigned mo, da;
  d.ToCivil(&y, &mo, &da);
  if (day < 1 || day > 31 || y != year || mo != month || static_cast<int64_t>(da) != day) {
    ThrowRuntime("date(): " + std::to_string(year) + "-" + std::to_string(month) + "-" + std::to_string(day) +
                 " is not a real date");
  }
  return Value(d);
}

Value DateFn(std::vector<Value>& a, EvalContext&) {
  if (a.empty()) {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const int64_t secs = std::chrono::duration_cast<std::chrono::seconds>(now).count();
    return Value(Date{secs >= 0 ? secs / 86400 : (secs - 86399) / 86400});
  }
  const Value& v = a[0];
  switch (v.kind()) {
    case Value::Kind::kNull:
      return Value();
    case Value::Kind::kDate:
      return v;
    case Value::Kind::kString: {
      const std::optional<Date> d = Date::Parse(v.as_string());
      if (!d) ThrowRuntime("date() cannot read '" + v.as_string() + "' as a date (expected YYYY-MM-DD)");
      return Value(*d);
    }
    case Value::Kind::kMap:
      return DateFromMap(v.as_map());
    default:
      ThrowArgument("date", "a STRING, MAP or DATE", v);
  }
}

Value Timestamp(std::vector<Value>&, EvalContext&) {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return Value(static_cast<int64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(now).count()));
}

#define KG_UNSUPPORTED(FN, NAME) \
  Value FN(std::vector<Value>&, EvalContext&) { ThrowUnsupported(NAME "()"); }
KG_UNSUPPORTED(DateTime, "datetime")
KG_UNSUPPORTED(LocalDateTime, "localdatetime")
KG_UNSUPPORTED(Time, "time")
KG_UNSUPPORTED(LocalTime, "localtime")
KG_UNSUPPORTED(Duration, "duration")
#undef KG_UNSUPPORTED

}  // namespace

void RegisterTemporalFunctions(Registry* r) {
  r->push_back({{"date", 0, 1}, DateFn});
  r->push_back({{"timestamp", 0, 0}, Timestamp});
  r->push_back({{"datetime", 0, -1}, DateTime});
  r->push_back({{"localdatetime", 0, -1}, LocalDateTime});
  r->push_back({{"time", 0, -1}, Time});
  r->push_back({{"localtime", 0, -1}, LocalTime});
  r->push_back({{"duration", 0, -1}, Duration});
}

}  // namespace kg::functions
