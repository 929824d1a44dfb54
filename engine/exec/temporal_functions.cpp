// Temporal functions. Only calendar dates exist so far: date() in its three
// forms (today, from text, from a map of fields) and timestamp(); the other
// temporal types are reported as not supported yet.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <optional>
#include <string>

#include "exec/function_registry.h"
#include "exec/query_error.h"

namespace kg::functions {

namespace {

int64_t IsoWeekday(Date d) { return ((d.days % 7) + 7 + 3) % 7 + 1; }  // 1970-01-01 was a Thursday

// Monday of ISO week 1: the week that holds 4 January.
Date IsoWeekOne(int64_t year) {
  const Date jan4 = Date::FromCivil(year, 1, 4);
  return Date{jan4.days - (IsoWeekday(jan4) - 1)};
}

void CheckRange(const char* field, int64_t v, int64_t lo, int64_t hi) {
  if (v < lo || v > hi) {
    ThrowRuntime("date(): " + std::string(field) + " " + std::to_string(v) + " is not between " + std::to_string(lo) +
                 " and " + std::to_string(hi));
  }
}

// A date from its fields: calendar (year, month, day), week (year, week,
// dayOfWeek), ordinal (year, ordinalDay) or quarter (year, quarter,
// dayOfQuarter). Missing lower fields default to 1.
Date DateFromFields(int64_t year, const std::map<std::string, int64_t>& f) {
  auto get = [&](const char* k) {
    auto it = f.find(k);
    return it == f.end() ? std::optional<int64_t>() : std::optional<int64_t>(it->second);
  };
  CheckRange("year", year, -999999, 999999);
  if (auto week = get("week")) {
    CheckRange("week", *week, 1, 53);
    const int64_t dow = get("dayofweek").value_or(1);
    CheckRange("dayOfWeek", dow, 1, 7);
    const Date d{IsoWeekOne(year).days + (*week - 1) * 7 + (dow - 1)};
    if (*week == 53 && IsoWeekOne(year + 1).days <= d.days)
      ThrowRuntime("date(): " + std::to_string(year) + " has no week 53");
    return d;
  }
  if (auto ordinal = get("ordinalday")) {
    CheckRange("ordinalDay", *ordinal, 1, 366);
    const Date d{Date::FromCivil(year, 1, 1).days + *ordinal - 1};
    if (*ordinal == 366 && d.days >= Date::FromCivil(year + 1, 1, 1).days) {
      ThrowRuntime("date(): " + std::to_string(year) + " has no day 366");
    }
    return d;
  }
  if (auto quarter = get("quarter")) {
    CheckRange("quarter", *quarter, 1, 4);
    const int64_t doq = get("dayofquarter").value_or(1);
    CheckRange("dayOfQuarter", doq, 1, 92);
    const Date first = Date::FromCivil(year, static_cast<unsigned>((*quarter - 1) * 3 + 1), 1);
    const Date next = *quarter == 4 ? Date::FromCivil(year + 1, 1, 1)
                                    : Date::FromCivil(year, static_cast<unsigned>(*quarter * 3 + 1), 1);
    const Date d{first.days + doq - 1};
    if (d.days >= next.days)
      ThrowRuntime("date(): quarter " + std::to_string(*quarter) + " has no day " + std::to_string(doq));
    return d;
  }
  const int64_t month = get("month").value_or(1);
  const int64_t day = get("day").value_or(1);
  CheckRange("month", month, 1, 12);
  CheckRange("day", day, 1, 31);
  const Date d = Date::FromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  int64_t y;
  unsigned mo, da;
  d.ToCivil(&y, &mo, &da);
  if (y != year || mo != month || static_cast<int64_t>(da) != day) {
    ThrowRuntime("date(): " + std::to_string(year) + "-" + std::to_string(month) + "-" + std::to_string(day) +
                 " is not a real date");
  }
  return d;
}

Value DateFromMap(const ValueMap& m) {
  static const char* const kFields[] = {"year",      "month",      "day",     "week",
                                        "dayofweek", "ordinalday", "quarter", "dayofquarter"};
  std::map<std::string, int64_t> fields;
  for (const auto& [key, v] : m) {
    std::string k = key;
    for (char& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (std::find(std::begin(kFields), std::end(kFields), k) == std::end(kFields)) {
      ThrowUnsupported("date() field '" + key + "'");
    }
    if (v.is_null()) continue;
    fields[k] = IntArgument("date", v);
  }
  auto year = fields.find("year");
  if (year == fields.end()) ThrowRuntime("date() needs a year");
  return Value(DateFromFields(year->second, fields));
}

// ISO 8601 date text beyond YYYY-MM-DD: basic (20150721) and reduced
// (2015-07, 2015) calendar forms, week dates (2015-W30-2, 2015W302) and
// ordinal dates (2015-202, 2015202).
std::optional<Date> ParseIsoDate(const std::string& text) {
  if (std::optional<Date> d = Date::Parse(text)) return d;
  if (text.size() < 4) return std::nullopt;
  for (size_t i = 0; i < 4; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
  }
  const int64_t year = std::stoll(text.substr(0, 4));
  std::string rest = text.substr(4);
  const bool extended = !rest.empty() && rest[0] == '-';
  if (extended) rest = rest.substr(1);
  std::map<std::string, int64_t> f;
  auto digits = [](const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
  };
  try {
    if (rest.empty() && !extended) {
      // YYYY
    } else if (rest[0] == 'W') {
      std::string w = rest.substr(1);
      std::string dow;
      if (extended && w.size() == 4 && w[2] == '-') {
        dow = w.substr(3);
        w = w.substr(0, 2);
      } else if (!extended && w.size() == 3) {
        dow = w.substr(2);
        w = w.substr(0, 2);
      }
      if (w.size() != 2 || !digits(w) || (!dow.empty() && !digits(dow))) return std::nullopt;
      f["week"] = std::stoll(w);
      if (!dow.empty()) f["dayofweek"] = std::stoll(dow);
    } else if (digits(rest) && rest.size() == 3) {
      f["ordinalday"] = std::stoll(rest);
    } else if (digits(rest) && rest.size() == 2) {
      f["month"] = std::stoll(rest);
    } else if (!extended && digits(rest) && rest.size() == 4) {
      f["month"] = std::stoll(rest.substr(0, 2));
      f["day"] = std::stoll(rest.substr(2));
    } else {
      return std::nullopt;
    }
  } catch (const std::exception&) {
    return std::nullopt;
  }
  return DateFromFields(year, f);
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
      const std::optional<Date> d = ParseIsoDate(v.as_string());
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
