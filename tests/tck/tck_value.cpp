#include "tck/tck_value.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace kg::tck {
namespace {

bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// A recursive-descent reader over the notation.
class Reader {
 public:
  explicit Reader(const std::string& text) : text_(text) {}

  Result<TckValue> ReadAll() {
    TckValue v;
    if (Status st = ReadValue(&v); !st.ok()) return st;
    SkipBlanks();
    if (pos_ != text_.size()) return Fail("end of value");
    return v;
  }

 private:
  Status Fail(const std::string& expected) const {
    return Status::Syntax("TCK value: expected " + expected + " at offset " + std::to_string(pos_) + " in " + text_);
  }
  void SkipBlanks() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n')) ++pos_;
  }
  bool Peek(char c) {
    SkipBlanks();
    return pos_ < text_.size() && text_[pos_] == c;
  }
  bool Accept(char c) {
    if (!Peek(c)) return false;
    ++pos_;
    return true;
  }
  bool AcceptWord(const char* word) {
    SkipBlanks();
    const std::string w = word;
    if (text_.compare(pos_, w.size(), w) != 0) return false;
    const size_t end = pos_ + w.size();
    if (end < text_.size() && IsIdentChar(text_[end])) return false;
    pos_ = end;
    return true;
  }

  Status ReadValue(TckValue* out) {
    SkipBlanks();
    if (pos_ >= text_.size()) return Fail("a value");
    const char c = text_[pos_];
    if (AcceptWord("null")) {
      out->kind = TckValue::Kind::kNull;
      return Status::Ok();
    }
    if (AcceptWord("true") || AcceptWord("false")) {
      out->kind = TckValue::Kind::kBool;
      out->b = text_[pos_ - 1] == 'e' && text_[pos_ - 2] == 'u';
      return Status::Ok();
    }
    if (c == '\'' || c == '"') return ReadString(out);
    if (c == '[') return ReadListOrRelationship(out);
    if (c == '{') {
      out->kind = TckValue::Kind::kMap;
      return ReadMap(&out->map);
    }
    if (c == '(') return ReadNode(out);
    if (c == '<') return ReadPath(out);
    return ReadNumber(out);
  }

  Status ReadNumber(TckValue* out) {
    SkipBlanks();
    size_t p = pos_;
    bool negative = false;
    if (p < text_.size() && (text_[p] == '-' || text_[p] == '+')) negative = text_[p++] == '-';
    auto word_at = [&](const char* w) {
      const std::string s = w;
      return text_.compare(p, s.size(), s) == 0 && (p + s.size() == text_.size() || !IsIdentChar(text_[p + s.size()]));
    };
    if (word_at("NaN")) {
      out->kind = TckValue::Kind::kFloat;
      out->f = std::numeric_limits<double>::quiet_NaN();
      pos_ = p + 3;
      return Status::Ok();
    }
    for (const char* inf : {"Infinity", "Inf"}) {
      if (word_at(inf)) {
        out->kind = TckValue::Kind::kFloat;
        out->f = negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
        pos_ = p + std::string(inf).size();
        return Status::Ok();
      }
    }
    const size_t start = pos_;
    bool is_float = false;
    size_t digits = 0;
    while (p < text_.size() && std::isdigit(static_cast<unsigned char>(text_[p]))) ++p, ++digits;
    if (p < text_.size() && text_[p] == '.') {
      is_float = true;
      ++p;
      while (p < text_.size() && std::isdigit(static_cast<unsigned char>(text_[p]))) ++p, ++digits;
    }
    if (digits == 0) return Fail("a value");
    if (p < text_.size() && (text_[p] == 'e' || text_[p] == 'E')) {
      is_float = true;
      ++p;
      if (p < text_.size() && (text_[p] == '-' || text_[p] == '+')) ++p;
      size_t exp_digits = 0;
      while (p < text_.size() && std::isdigit(static_cast<unsigned char>(text_[p]))) ++p, ++exp_digits;
      if (exp_digits == 0) return Fail("an exponent");
    }
    const std::string number = text_.substr(start, p - start);
    errno = 0;
    if (is_float) {
      out->kind = TckValue::Kind::kFloat;
      out->f = std::strtod(number.c_str(), nullptr);
    } else {
      out->kind = TckValue::Kind::kInt;
      out->i = std::strtoll(number.c_str(), nullptr, 10);
      if (errno == ERANGE) return Fail("an integer within 64 bits");
    }
    pos_ = p;
    return Status::Ok();
  }

  Status ReadString(TckValue* out) {
    const char quote = text_[pos_++];
    out->kind = TckValue::Kind::kString;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == quote) return Status::Ok();
      if (c == '\\' && pos_ < text_.size()) {
        const char n = text_[pos_];
        if (n == '\\' || n == '\'' || n == '"') {
          out->s += n;
          ++pos_;
          continue;
        }
      }
      out->s += c;
    }
    return Fail("the closing quote");
  }

  // A name: an identifier or a `backquoted` one (`` for a backquote).
  Status ReadName(std::string* out) {
    SkipBlanks();
    out->clear();
    if (pos_ < text_.size() && text_[pos_] == '`') {
      ++pos_;
      while (pos_ < text_.size()) {
        const char c = text_[pos_++];
        if (c == '`') {
          if (pos_ < text_.size() && text_[pos_] == '`') {
            *out += '`';
            ++pos_;
            continue;
          }
          return Status::Ok();
        }
        *out += c;
      }
      return Fail("a closing backquote");
    }
    while (pos_ < text_.size() && IsIdentChar(text_[pos_])) *out += text_[pos_++];
    if (out->empty()) return Fail("a name");
    return Status::Ok();
  }

  Status ReadMap(std::map<std::string, TckValue>* out) {
    if (!Accept('{')) return Fail("'{'");
    if (Accept('}')) return Status::Ok();
    do {
      std::string key;
      KG_RETURN_IF_ERROR(ReadName(&key));
      if (!Accept(':')) return Fail("':' after a map key");
      TckValue v;
      KG_RETURN_IF_ERROR(ReadValue(&v));
      (*out)[key] = std::move(v);
    } while (Accept(','));
    if (!Accept('}')) return Fail("',' or '}'");
    return Status::Ok();
  }

  Status ReadListOrRelationship(TckValue* out) {
    Accept('[');
    if (Peek(':')) {
      out->kind = TckValue::Kind::kRelationship;
      Accept(':');
      std::string type;
      KG_RETURN_IF_ERROR(ReadName(&type));
      out->labels.push_back(type);
      if (Peek('{')) KG_RETURN_IF_ERROR(ReadMap(&out->map));
      if (!Accept(']')) return Fail("']' closing a relationship");
      return Status::Ok();
    }
    out->kind = TckValue::Kind::kList;
    if (Accept(']')) return Status::Ok();
    do {
      TckValue v;
      KG_RETURN_IF_ERROR(ReadValue(&v));
      out->list.push_back(std::move(v));
    } while (Accept(','));
    if (!Accept(']')) return Fail("',' or ']'");
    return Status::Ok();
  }

  Status ReadNode(TckValue* out) {
    Accept('(');
    out->kind = TckValue::Kind::kNode;
    while (Accept(':')) {
      std::string label;
      KG_RETURN_IF_ERROR(ReadName(&label));
      out->labels.push_back(label);
    }
    if (Peek('{')) KG_RETURN_IF_ERROR(ReadMap(&out->map));
    if (!Accept(')')) return Fail("')' closing a node");
    return Status::Ok();
  }

  // <n0-r1->n1<-r2-n2>: nodes and relationships alternate in `list`.
  Status ReadPath(TckValue* out) {
    Accept('<');
    out->kind = TckValue::Kind::kPath;
    TckValue node;
    KG_RETURN_IF_ERROR(ReadNode(&node));
    out->list.push_back(std::move(node));
    while (!Accept('>')) {
      bool forward;
      if (Accept('<')) {
        if (!Accept('-')) return Fail("'-' after '<'");
        forward = false;
      } else if (Accept('-')) {
        forward = true;
      } else {
        return Fail("'-', '<-' or '>' in a path");
      }
      TckValue rel;
      if (!Peek('[')) return Fail("a relationship in a path");
      KG_RETURN_IF_ERROR(ReadListOrRelationship(&rel));
      if (rel.kind != TckValue::Kind::kRelationship) return Fail("a relationship in a path");
      if (!Accept('-')) return Fail("'-' after a relationship");
      if (forward && !Accept('>')) return Fail("'->' after a relationship");
      TckValue next;
      if (!Peek('(')) return Fail("a node in a path");
      KG_RETURN_IF_ERROR(ReadNode(&next));
      out->list.push_back(std::move(rel));
      out->list.push_back(std::move(next));
      out->forward.push_back(forward);
    }
    return Status::Ok();
  }

  const std::string& text_;
  size_t pos_ = 0;
};

std::string FormatDouble(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[40];
  if (d == std::floor(d) && std::fabs(d) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.1f", d);
    return buf;
  }
  // The shortest text that reads back as the same double.
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  std::string s = buf;
  if (s.find_first_of(".eE") == std::string::npos) s += ".0";
  return s;
}

std::string PropsToString(const std::map<std::string, TckValue>& m) {
  std::string out = "{";
  bool first = true;
  for (const auto& [k, v] : m) {
    if (!first) out += ", ";
    first = false;
    out += k + ": " + v.ToString();
  }
  return out + "}";
}

bool MatchProperties(const ValueMap& actual, const std::map<std::string, TckValue>& expected) {
  if (actual.size() != expected.size()) return false;
  for (const auto& [key, value] : expected) {
    auto it = actual.find(key);
    if (it == actual.end() || !Matches(it->second, value, false)) return false;
  }
  return true;
}

bool MatchNode(const NodeRef& node, const TckValue& expected) {
  if (expected.kind != TckValue::Kind::kNode || node.view == nullptr) return false;
  std::vector<std::string> a = node.view->labels, e = expected.labels;
  std::sort(a.begin(), a.end());
  std::sort(e.begin(), e.end());
  a.erase(std::unique(a.begin(), a.end()), a.end());
  e.erase(std::unique(e.begin(), e.end()), e.end());
  return a == e && MatchProperties(node.view->properties, expected.map);
}

bool MatchRel(const RelRef& rel, const TckValue& expected) {
  if (expected.kind != TckValue::Kind::kRelationship || rel.view == nullptr || rel.view->labels.empty()) return false;
  return rel.view->labels[0] == expected.labels[0] && MatchProperties(rel.view->properties, expected.map);
}

bool MatchList(const ValueList& actual, const std::vector<TckValue>& expected, bool ignore_order) {
  if (actual.size() != expected.size()) return false;
  if (!ignore_order) {
    for (size_t i = 0; i < actual.size(); ++i) {
      if (!Matches(actual[i], expected[i], false)) return false;
    }
    return true;
  }
  std::vector<bool> used(actual.size(), false);
  for (const TckValue& e : expected) {
    bool found = false;
    for (size_t i = 0; i < actual.size() && !found; ++i) {
      if (!used[i] && Matches(actual[i], e, true)) used[i] = found = true;
    }
    if (!found) return false;
  }
  return true;
}

}  // namespace

std::string TckValue::ToString() const {
  switch (kind) {
    case Kind::kNull:
      return "null";
    case Kind::kBool:
      return b ? "true" : "false";
    case Kind::kInt:
      return std::to_string(i);
    case Kind::kFloat:
      return FormatDouble(f);
    case Kind::kString: {
      std::string out = "'";
      for (char c : s) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
      }
      return out + "'";
    }
    case Kind::kList: {
      std::string out = "[";
      for (size_t k = 0; k < list.size(); ++k) out += (k ? ", " : "") + list[k].ToString();
      return out + "]";
    }
    case Kind::kMap:
      return PropsToString(map);
    case Kind::kNode: {
      std::string out = "(";
      for (const std::string& l : labels) out += ":" + l;
      if (!map.empty()) out += (labels.empty() ? "" : " ") + PropsToString(map);
      return out + ")";
    }
    case Kind::kRelationship: {
      std::string out = "[:" + labels[0];
      if (!map.empty()) out += " " + PropsToString(map);
      return out + "]";
    }
    case Kind::kPath: {
      std::string out = "<" + list[0].ToString();
      for (size_t k = 1; k + 1 < list.size(); k += 2) {
        const bool fwd = forward[k / 2];
        out += (fwd ? "-" : "<-") + list[k].ToString() + (fwd ? "->" : "-") + list[k + 1].ToString();
      }
      return out + ">";
    }
  }
  return "?";
}

Result<TckValue> ParseTckValue(const std::string& text) { return Reader(text).ReadAll(); }

Result<Value> ToKgValue(const TckValue& value) {
  switch (value.kind) {
    case TckValue::Kind::kNull:
      return Value();
    case TckValue::Kind::kBool:
      return Value(value.b);
    case TckValue::Kind::kInt:
      return Value(value.i);
    case TckValue::Kind::kFloat:
      return Value(value.f);
    case TckValue::Kind::kString:
      return Value(value.s);
    case TckValue::Kind::kList: {
      ValueList list;
      for (const TckValue& e : value.list) {
        KG_ASSIGN_OR_RETURN(Value v, ToKgValue(e));
        list.push_back(std::move(v));
      }
      return Value(std::move(list));
    }
    case TckValue::Kind::kMap: {
      ValueMap map;
      for (const auto& [k, e] : value.map) {
        KG_ASSIGN_OR_RETURN(Value v, ToKgValue(e));
        map[k] = std::move(v);
      }
      return Value::Map(std::move(map));
    }
    default:
      return Status::Usage("a parameter cannot be a node, relationship or path: " + value.ToString());
  }
}

bool Matches(const Value& actual, const TckValue& expected, bool ignore_list_order) {
  using K = TckValue::Kind;
  switch (actual.kind()) {
    case Value::Kind::kNull:
      return expected.kind == K::kNull;
    case Value::Kind::kBool:
      return expected.kind == K::kBool && actual.as_bool() == expected.b;
    case Value::Kind::kInt:
      return expected.kind == K::kInt && actual.as_int() == expected.i;
    case Value::Kind::kFloat:
      if (expected.kind != K::kFloat) return false;
      if (std::isnan(actual.as_float())) return std::isnan(expected.f);
      return actual.as_float() == expected.f;
    case Value::Kind::kString:
      return expected.kind == K::kString && actual.as_string() == expected.s;
    // The TCK writes temporal values as their ISO text in quotes.
    case Value::Kind::kDate:
    case Value::Kind::kLocalTime:
    case Value::Kind::kTime:
    case Value::Kind::kLocalDateTime:
    case Value::Kind::kDateTime:
    case Value::Kind::kDuration:
      return expected.kind == K::kString && TemporalIsoString(actual) == expected.s;
    case Value::Kind::kList:
      return expected.kind == K::kList && MatchList(actual.as_list(), expected.list, ignore_list_order);
    case Value::Kind::kMap: {
      if (expected.kind != K::kMap) return false;
      const ValueMap& m = actual.as_map();
      if (m.size() != expected.map.size()) return false;
      for (const auto& [key, value] : expected.map) {
        auto it = m.find(key);
        if (it == m.end() || !Matches(it->second, value, ignore_list_order)) return false;
      }
      return true;
    }
    case Value::Kind::kNode:
      return MatchNode(actual.as_node(), expected);
    case Value::Kind::kRelationship:
      return MatchRel(actual.as_relationship(), expected);
    case Value::Kind::kPath: {
      if (expected.kind != K::kPath) return false;
      const PathValue& path = actual.as_path();
      if (path.nodes.size() * 2 - 1 != expected.list.size() || path.rels.size() + 1 != path.nodes.size()) return false;
      for (size_t k = 0; k < path.nodes.size(); ++k) {
        if (!MatchNode(path.nodes[k], expected.list[2 * k])) return false;
      }
      for (size_t k = 0; k < path.rels.size(); ++k) {
        const RelRef& rel = path.rels[k];
        if (!MatchRel(rel, expected.list[2 * k + 1])) return false;
        // A self-loop reads the same both ways.
        const bool forward = rel.start == path.nodes[k].id && rel.end == path.nodes[k + 1].id;
        const bool backward = rel.end == path.nodes[k].id && rel.start == path.nodes[k + 1].id;
        if (expected.forward[k] ? !forward : !backward) return false;
      }
      return true;
    }
  }
  return false;
}

}  // namespace kg::tck
