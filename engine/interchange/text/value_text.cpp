#include "interchange/text/value_text.h"

#include <charconv>
#include <cmath>

namespace kg::interchange {

void AppendInt(std::string* out, int64_t v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, r.ptr);
}

void AppendFloat(std::string* out, double v) {
  if (std::isnan(v)) {
    out->append("NaN");
    return;
  }
  if (std::isinf(v)) {
    out->append(v > 0 ? "INF" : "-INF");
    return;
  }
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest round trip
  const std::string_view text(buf, static_cast<size_t>(r.ptr - buf));
  out->append(text);
  // 1.0 prints as "1": keep it looking like a float where the text is all
  // a reader has (mixed-type columns).
  if (text.find_first_of(".e") == std::string_view::npos) out->append(".0");
}

void AppendValueText(std::string* out, const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kBool:
      out->append(v.as_bool() ? "true" : "false");
      return;
    case Value::Kind::kInt:
      AppendInt(out, v.as_int());
      return;
    case Value::Kind::kFloat:
      AppendFloat(out, v.as_float());
      return;
    case Value::Kind::kString:
      out->append(v.as_string());
      return;
    case Value::Kind::kDate:
    case Value::Kind::kLocalTime:
    case Value::Kind::kTime:
    case Value::Kind::kLocalDateTime:
    case Value::Kind::kDateTime:
    case Value::Kind::kDuration:
      out->append(TemporalIsoString(v));
      return;
    case Value::Kind::kList:
      out->append(JsonText(ValueJson(v, false)));
      return;
    default:
      out->append(v.ToString());
      return;
  }
}

const char* TemporalTypeName(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::kDate:
      return "date";
    case Value::Kind::kLocalTime:
      return "localtime";
    case Value::Kind::kTime:
      return "time";
    case Value::Kind::kLocalDateTime:
      return "localdatetime";
    case Value::Kind::kDateTime:
      return "datetime";
    case Value::Kind::kDuration:
      return "duration";
    default:
      return nullptr;
  }
}

std::string ValueText(const Value& v) {
  std::string out;
  AppendValueText(&out, v);
  return out;
}

nlohmann::ordered_json ValueJson(const Value& v, bool temporals_as_objects) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      return nullptr;
    case Value::Kind::kBool:
      return v.as_bool();
    case Value::Kind::kInt:
      return v.as_int();
    case Value::Kind::kFloat: {
      const double d = v.as_float();
      if (std::isnan(d)) return "NaN";
      if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
      return d;
    }
    case Value::Kind::kString:
      return v.as_string();
    case Value::Kind::kDate:
    case Value::Kind::kLocalTime:
    case Value::Kind::kTime:
    case Value::Kind::kLocalDateTime:
    case Value::Kind::kDateTime:
    case Value::Kind::kDuration:
      if (temporals_as_objects) {
        return nlohmann::ordered_json{{std::string("$") + TemporalTypeName(v.kind()), TemporalIsoString(v)}};
      }
      return TemporalIsoString(v);
    case Value::Kind::kList: {
      nlohmann::ordered_json array = nlohmann::ordered_json::array();
      for (const Value& e : v.as_list()) array.push_back(ValueJson(e, temporals_as_objects));
      return array;
    }
    default:
      // Properties hold only the kinds above; anything else is shown as text.
      return v.ToString();
  }
}

std::string JsonText(const nlohmann::ordered_json& json) {
  return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace kg::interchange
