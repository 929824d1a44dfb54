#include "common/value.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

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
    case Value::Kind::kMap:
      return "MAP";
    case Value::Kind::kNode:
      return "NODE";
    case Value::Kind::kRelationship:
      return "RELATIONSHIP";
    case Value::Kind::kPath:
      return "PATH";
    case Value::Kind::kLocalTime:
      return "LOCAL TIME";
    case Value::Kind::kTime:
      return "ZONED TIME";
    case Value::Kind::kLocalDateTime:
      return "LOCAL DATETIME";
    case Value::Kind::kDateTime:
      return "ZONED DATETIME";
    case Value::Kind::kDuration:
      return "DURATION";
  }
  return "?";
}

std::string TemporalIsoString(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kDate:
      return v.as_date().ToIsoString();
    case Value::Kind::kLocalTime:
      return v.as_local_time().ToIsoString();
    case Value::Kind::kTime:
      return v.as_time().ToIsoString();
    case Value::Kind::kLocalDateTime:
      return v.as_local_date_time().ToIsoString();
    case Value::Kind::kDateTime:
      return v.as_date_time().ToIsoString();
    case Value::Kind::kDuration:
      return v.as_duration().ToIsoString();
    default:
      return "";
  }
}

std::optional<Date> TemporalDatePart(const Value& v) {
  if (v.is_date()) return v.as_date();
  if (v.is_local_date_time()) return v.as_local_date_time().date;
  if (v.is_date_time()) return v.as_date_time().local.date;
  return std::nullopt;
}

std::optional<LocalTime> TemporalTimePart(const Value& v) {
  if (v.is_local_time()) return v.as_local_time();
  if (v.is_time()) return v.as_time().time;
  if (v.is_local_date_time()) return v.as_local_date_time().time;
  if (v.is_date_time()) return v.as_date_time().local.time;
  return std::nullopt;
}

Value Value::Map(ValueMap entries) {
  Value v;
  v.v_ = std::make_shared<const MapValue>(MapValue{std::move(entries)});
  return v;
}

Value Value::Path(PathValue path) {
  Value v;
  v.v_ = std::make_shared<const PathValue>(std::move(path));
  return v;
}

const ValueMap& Value::as_map() const { return std::get<std::shared_ptr<const MapValue>>(v_)->entries; }

const PathValue& Value::as_path() const { return *std::get<std::shared_ptr<const PathValue>>(v_); }

bool operator==(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::kMap:
      return a.as_map() == b.as_map();
    case Value::Kind::kNode:
      return a.as_node().id == b.as_node().id;
    case Value::Kind::kRelationship:
      return a.as_relationship().id == b.as_relationship().id;
    case Value::Kind::kPath: {
      const PathValue& x = a.as_path();
      const PathValue& y = b.as_path();
      if (x.nodes.size() != y.nodes.size() || x.rels.size() != y.rels.size()) return false;
      for (size_t i = 0; i < x.nodes.size(); ++i) {
        if (x.nodes[i].id != y.nodes[i].id) return false;
      }
      for (size_t i = 0; i < x.rels.size(); ++i) {
        if (x.rels[i].id != y.rels[i].id) return false;
      }
      return true;
    }
    default:
      return a.v_ == b.v_;
  }
}

namespace {
bool IsStorableScalar(const Value& v) {
  return (v.kind() > Value::Kind::kNull && v.kind() < Value::Kind::kList) || v.is_temporal();
}
}  // namespace

bool Value::IsStorable() const {
  if (!is_list()) return IsStorableScalar(*this);
  for (const Value& v : as_list()) {
    if (!IsStorableScalar(v)) return false;
  }
  return true;
}

namespace {

bool IsPlainIdentifier(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (unsigned char c : s) {
    if (!(std::isalnum(c) || c == '_' || c >= 0x80)) return false;
  }
  return true;
}

std::string MapToString(const ValueMap& m) {
  std::string out = "{";
  bool first = true;
  for (const auto& [k, v] : m) {
    if (!first) out += ", ";
    first = false;
    out += CypherName(k) + ": " + v.ToString();
  }
  return out + "}";
}

std::string NodeToString(const NodeRef& n) {
  if (!n.view) return "(#" + std::to_string(n.id) + ")";
  std::string out = "(";
  for (const std::string& l : n.view->labels) out += ":" + CypherName(l);
  if (!n.view->properties.empty()) {
    if (!n.view->labels.empty()) out += " ";
    out += MapToString(n.view->properties);
  }
  return out + ")";
}

std::string RelToString(const RelRef& r) {
  if (!r.view) return "[#" + std::to_string(r.id) + "]";
  std::string out = "[";
  for (const std::string& l : r.view->labels) out += ":" + CypherName(l);
  if (!r.view->properties.empty()) out += " " + MapToString(r.view->properties);
  return out + "]";
}

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
  // The shortest text that reads back as the same double; plain decimal
  // notation unless the number is very large or very small (1e3 prints as
  // 1000.0, 1e-5 as 0.00001, 1e22 as 1.0e22).
  char buf[64];
  const double magnitude = std::fabs(d);
  const bool plain = magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e21);
  auto r = std::to_chars(buf, buf + sizeof buf, d, plain ? std::chars_format::fixed : std::chars_format::scientific);
  std::string s(buf, r.ptr);
  if (plain) {
    if (s.find('.') == std::string::npos) s += ".0";
    return s;
  }
  // 1e+22 -> 1.0e22, 1.5e-07 -> 1.5e-7
  const size_t e = s.find('e');
  std::string mantissa = s.substr(0, e);
  std::string exponent = s.substr(e + 1);
  if (mantissa.find('.') == std::string::npos) mantissa += ".0";
  if (exponent[0] == '+') exponent.erase(0, 1);
  const bool negative = exponent[0] == '-';
  if (negative) exponent.erase(0, 1);
  while (exponent.size() > 1 && exponent[0] == '0') exponent.erase(0, 1);
  return mantissa + "e" + (negative ? "-" : "") + exponent;
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
    case Kind::kLocalTime:
      return "localtime('" + as_local_time().ToIsoString() + "')";
    case Kind::kTime:
      return "time('" + as_time().ToIsoString() + "')";
    case Kind::kLocalDateTime:
      return "localdatetime('" + as_local_date_time().ToIsoString() + "')";
    case Kind::kDateTime:
      return "datetime('" + as_date_time().ToIsoString() + "')";
    case Kind::kDuration:
      return "duration('" + as_duration().ToIsoString() + "')";
    case Kind::kList: {
      std::string out = "[";
      const ValueList& l = as_list();
      for (size_t i = 0; i < l.size(); ++i) {
        if (i) out += ", ";
        out += l[i].ToString();
      }
      return out + "]";
    }
    case Kind::kMap:
      return MapToString(as_map());
    case Kind::kNode:
      return NodeToString(as_node());
    case Kind::kRelationship:
      return RelToString(as_relationship());
    case Kind::kPath: {
      const PathValue& p = as_path();
      std::string out = "<";
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        out += NodeToString(p.nodes[i]);
        if (i < p.rels.size()) {
          const RelRef& r = p.rels[i];
          const bool forward = r.start == p.nodes[i].id && (r.end == p.nodes[i + 1].id);
          out += forward ? "-" + RelToString(r) + "->" : "<-" + RelToString(r) + "-";
        }
      }
      return out + ">";
    }
  }
  return "?";
}

std::string CypherName(const std::string& name) { return IsPlainIdentifier(name) ? name : "`" + name + "`"; }

}  // namespace kg
