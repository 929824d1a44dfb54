#include "interchange/property_text.h"

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <system_error>

#include "common/date.h"

namespace kg::interchange {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

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

}  // namespace

std::optional<PropertyType> ParsePropertyType(std::string_view name) {
  std::string n = Lower(name);
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
  } else {
    return std::nullopt;
  }
  return type;
}

std::string PropertyTypeName(PropertyType type) { return std::string(BaseName(type.base)) + (type.list ? "[]" : ""); }

const char* PropertyTypeChoices() { return "int, float, string, bool, date, or a list of one: int[], string[]..."; }

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
      const std::string v = Lower(text);
      if (v == "true") return Value(true);
      if (v == "false") return Value(false);
      return Status::Io(Quoted(text) + " is not a bool (true or false)");
    }
    case PropertyType::Base::kDate: {
      std::optional<Date> d = Date::Parse(text);
      if (!d) return Status::Io(Quoted(text) + " is not a date (YYYY-MM-DD)");
      return Value(*d);
    }
  }
  return Status::Io("unknown type");
}

Result<Value> ParseTypedText(std::string_view text, PropertyType type) {
  if (!type.list) return ParseScalar(text, type.base);
  ValueList items;
  if (text.empty()) return Value(std::move(items));
  std::string element;
  auto flush = [&]() -> Status {
    Result<Value> v = ParseScalar(element, type.base);
    if (!v.ok()) return Status::Io("list element " + std::to_string(items.size() + 1) + ": " + v.status().message());
    items.push_back(std::move(v).value());
    element.clear();
    return Status::Ok();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size() && (text[i + 1] == ';' || text[i + 1] == '\\')) {
      element.push_back(text[++i]);
    } else if (c == ';') {
      KG_RETURN_IF_ERROR(flush());
    } else {
      element.push_back(c);
    }
  }
  KG_RETURN_IF_ERROR(flush());
  return Value(std::move(items));
}

}  // namespace kg::interchange
