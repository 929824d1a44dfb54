#include "common/value.h"

#include <cmath>
#include <cstdio>

namespace kg {

const char* ValueKindName(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::kNull:
      return "NULL";
    case Value::Kind::kBool:
      return "BOOLEAN";
    case Value::Kind::kInt:
      return "INTEGER";
    case Value::Kind::kFloat:
      return "FLOAT";
    case Value::Kind::kString:
      return "STRING";
    case Value::Kind::kDate:
      return "DATE";
    case Value::Kind::kList:
      return "LIST";
  }
  return "?";
}

bool Value::IsStorable() const {
  if (is_null()) return false;
  if (!is_list()) return true;
  for (const Value& v : as_list()) {
    if (v.is_null() || v.is_list()) return false;
  }
  return true;
}

namespace {

std::string QuoteString(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    switch (c) {
      case '\'':
        out += "\\'";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  out += '\'';
  return out;
}

std::string FormatFloat(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[32];
  // Shortest text that reads back as the same double.
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  std::string s = buf;
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
  return s;
}

}  // namespace

std::string Value::ToString() const {
  switch (kind()) {
    case Kind::kNull:
      return "null";
    case Kind::kBool:
      return as_bool() ? "true" : "false";
    case Kind::kInt:
      return std::to_string(as_int());
    case Kind::kFloat:
      return FormatFloat(as_float());
    case Kind::kString:
      return QuoteString(as_string());
    case Kind::kDate:
      return "date('" + as_date().ToIsoString() + "')";
    case Kind::kList: {
      std::string out = "[";
      const ValueList& l = as_list();
      for (size_t i = 0; i < l.size(); ++i) {
        if (i) out += ", ";
        out += l[i].ToString();
      }
      return out + "]";
    }
  }
  return "?";
}

}  // namespace kg
