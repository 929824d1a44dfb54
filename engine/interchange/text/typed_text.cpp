#include "interchange/text/typed_text.h"

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <system_error>

#include "common/date.h"
#include "common/utf8.h"
#include "exec/temporal_parse.h"
#include "interchange/text/joined_text.h"

namespace kg::interchange {
namespace {

const char* BaseName(PropertyType::Base base) {
  switch (base) {
    case PropertyType::Base::kString:
      return "string";
    case PropertyType::Base::kInt:
      return "int";
    case PropertyType::Base::kFloat:
      return "float";
    case PropertyType::Base::kBool:
      return "bool";
    case PropertyType::Base::kDate:
      return "date";
    case PropertyType::Base::kLocalTime:
      return "localtime";
    case PropertyType::Base::kTime:
      return "time";
    case PropertyType::Base::kLocalDateTime:
      return "localdatetime";
    case PropertyType::Base::kDateTime:
      return "datetime";
    case PropertyType::Base::kDuration:
      return "duration";
  }
  return "string";
}

std::string Quoted(std::string_view text) {
  // Long or multi-line text would swamp the one-line error.
  constexpr size_t kMax = 60;
  std::string shown(text.substr(0, kMax));
  for (char& c : shown) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return "'" + shown + (text.size() > kMax ? "...'" : "'");
}

// The value of a time, datetime or duration type from ISO 8601 text, or
// the error naming the type with an example of its text.
template <typename T>
Result<Value> Temporal(std::string_view text, Result<T> parsed, const char* type, const char* example) {
  if (!parsed.ok()) return Status::Io(Quoted(text) + " is not a " + type + " (ISO 8601, as " + example + ")");
  return Value(std::move(parsed).value());
}

}  // namespace

std::optional<PropertyType> ParsePropertyType(std::string_view name) {
  std::string n = utf8::AsciiLower(name);
  PropertyType type;
  if (n.size() > 2 && n.compare(n.size() - 2, 2, "[]") == 0) {
    type.list = true;
    n.resize(n.size() - 2);
  }
  if (n == "string" || n == "str") {
    type.base = PropertyType::Base::kString;
  } else if (n == "int" || n == "long" || n == "integer" || n == "int64" || n == "int32") {
    type.base = PropertyType::Base::kInt;
  } else if (n == "float" || n == "double") {
    type.base = PropertyType::Base::kFloat;
  } else if (n == "bool" || n == "boolean") {
    type.base = PropertyType::Base::kBool;
  } else if (n == "date") {
    type.base = PropertyType::Base::kDate;
  } else if (n == "localtime") {
    type.base = PropertyType::Base::kLocalTime;
  } else if (n == "time") {
    type.base = PropertyType::Base::kTime;
  } else if (n == "localdatetime") {
    type.base = PropertyType::Base::kLocalDateTime;
  } else if (n == "datetime") {
    type.base = PropertyType::Base::kDateTime;
  } else if (n == "duration") {
    type.base = PropertyType::Base::kDuration;
  } else {
    return std::nullopt;
  }
  return type;
}

std::string PropertyTypeName(PropertyType type) { return std::string(BaseName(type.base)) + (type.list ? "[]" : ""); }

const char* PropertyTypeChoices() {
  return "int, float, string, bool, date, localtime, time, localdatetime, datetime, duration, or a list of one: "
         "int[], string[]...";
}

Result<Value> ParseScalar(std::string_view text, PropertyType::Base base) {
  switch (base) {
    case PropertyType::Base::kString:
      return Value(std::string(text));
    case PropertyType::Base::kInt: {
      int64_t v = 0;
      std::string_view digits = text;
      // from_chars takes no '+'; people and spreadsheets write one.
      if (digits.size() > 1 && digits[0] == '+') digits.remove_prefix(1);
      const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
      if (ec == std::errc::result_out_of_range) return Status::Io(Quoted(text) + " is out of the int range");
      if (ec != std::errc() || ptr != digits.data() + digits.size() || digits.empty()) {
        return Status::Io(Quoted(text) + " is not an int");
      }
      return Value(v);
    }
    case PropertyType::Base::kFloat: {
      // strtod rather than from_chars: libstdc++ 12 has both, but strtod
      // also takes a leading '+', as spreadsheets write it.
      const std::string s(text);
      char* end = nullptr;
      errno = 0;
      const double v = s.empty() || std::isspace(static_cast<unsigned char>(s[0])) ? 0 : std::strtod(s.c_str(), &end);
      if (s.empty() || end != s.c_str() + s.size()) return Status::Io(Quoted(text) + " is not a float");
      if (errno == ERANGE && std::isinf(v)) return Status::Io(Quoted(text) + " is out of the float range");
      return Value(v);
    }
    case PropertyType::Base::kBool: {
      const std::string v = utf8::AsciiLower(text);
      if (v == "true") return Value(true);
      if (v == "false") return Value(false);
      return Status::Io(Quoted(text) + " is not a bool (true or false)");
    }
    case PropertyType::Base::kDate: {
      std::optional<Date> d = Date::Parse(text);
      if (!d) return Status::Io(Quoted(text) + " is not a date (YYYY-MM-DD)");
      return Value(*d);
    }
    case PropertyType::Base::kLocalTime:
      return Temporal(text, temporal::ParseLocalTime(text), "localtime", "12:31:14.645");
    case PropertyType::Base::kTime:
      return Temporal(text, temporal::ParseTime(text), "time", "12:31:14.645+01:00");
    case PropertyType::Base::kLocalDateTime:
      return Temporal(text, temporal::ParseLocalDateTime(text), "localdatetime", "2015-07-21T21:40:32.142");
    case PropertyType::Base::kDateTime:
      return Temporal(text, temporal::ParseDateTime(text), "datetime", "2024-10-03T09:00+02:00[Europe/Paris]");
    case PropertyType::Base::kDuration:
      return Temporal(text, temporal::ParseDuration(text), "duration", "P1Y2M10DT2H30M");
  }
  return Status::Io("unknown type");
}

Result<Value> ParseTypedText(std::string_view text, PropertyType type) {
  if (!type.list) return ParseScalar(text, type.base);
  ValueList items;
  for (const std::string& element : SplitJoined(text)) {
    Result<Value> v = ParseScalar(element, type.base);
    if (!v.ok()) return Status::Io("list element " + std::to_string(items.size() + 1) + ": " + v.status().message());
    items.push_back(std::move(v).value());
  }
  return Value(std::move(items));
}

}  // namespace kg::interchange
