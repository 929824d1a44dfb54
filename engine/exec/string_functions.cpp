// String functions. openCypher counts strings in Unicode code points, so
// every position and length here is in code points, not UTF-8 bytes.
#include <string>

#include "common/utf8.h"
#include "exec/function_registry.h"
#include "exec/query_error.h"

namespace kg::functions {

namespace {

const std::string* StringArgument(const char* fn, const Value& v) {
  if (v.is_null()) return nullptr;
  if (!v.is_string()) ThrowArgument(fn, "a STRING", v);
  return &v.as_string();
}

int64_t CountArgument(const char* fn, const Value& v, const char* what) {
  const int64_t n = IntArgument(fn, v);
  if (n < 0) ThrowRuntime(std::string(fn) + "() " + what + " must not be negative, got " + std::to_string(n));
  return n;
}

Value ToUpper(std::vector<Value>& a, EvalContext&) {
  const std::string* s = StringArgument("toUpper", a[0]);
  return s ? Value(utf8::ToUpper(*s)) : Value();
}

Value ToLower(std::vector<Value>& a, EvalContext&) {
  const std::string* s = StringArgument("toLower", a[0]);
  return s ? Value(utf8::ToLower(*s)) : Value();
}

Value TrimWith(const char* fn, const Value& v, bool left, bool right) {
  const std::string* s = StringArgument(fn, v);
  if (!s) return Value();
  const std::vector<int32_t> cps = utf8::Decode(*s);
  size_t begin = 0, end = cps.size();
  if (left) {
    while (begin < end && utf8::IsSpace(cps[begin])) ++begin;
  }
  if (right) {
    while (end > begin && utf8::IsSpace(cps[end - 1])) --end;
  }
  return Value(utf8::Encode(cps, begin, end));
}

Value Trim(std::vector<Value>& a, EvalContext&) { return TrimWith("trim", a[0], true, true); }
Value LTrim(std::vector<Value>& a, EvalContext&) { return TrimWith("ltrim", a[0], true, false); }
Value RTrim(std::vector<Value>& a, EvalContext&) { return TrimWith("rtrim", a[0], false, true); }

Value Replace(std::vector<Value>& a, EvalContext&) {
  const std::string* s = StringArgument("replace", a[0]);
  const std::string* from = StringArgument("replace", a[1]);
  const std::string* to = StringArgument("replace", a[2]);
  if (!s || !from || !to) return Value();
  if (from->empty()) {
    // The empty string occurs before every code point and at the end.
    const std::vector<int32_t> cps = utf8::Decode(*s);
    std::string out = *to;
    for (size_t i = 0; i < cps.size(); ++i) out += utf8::Encode(cps, i, i + 1) + *to;
    return Value(std::move(out));
  }
  std::string out;
  size_t pos = 0;
  for (size_t hit; (hit = s->find(*from, pos)) != std::string::npos; pos = hit + from->size()) {
    out.append(*s, pos, hit - pos);
    out += *to;
  }
  out.append(*s, pos, std::string::npos);
  return Value(std::move(out));
}

Value Substring(std::vector<Value>& a, EvalContext&) {
  const std::string* s = StringArgument("substring", a[0]);
  if (!s) return Value();
  const int64_t start = CountArgument("substring", a[1], "start");
  const std::vector<int32_t> cps = utf8::Decode(*s);
  const uint64_t n = cps.size();
  const uint64_t begin = std::min<uint64_t>(static_cast<uint64_t>(start), n);
  uint64_t end = n;
  if (a.size() > 2) {
    const uint64_t len = static_cast<uint64_t>(CountArgument("substring", a[2], "length"));
    end = begin + std::min<uint64_t>(len, n - begin);
  }
  return Value(utf8::Encode(cps, begin, end));
}

Value Left(std::vector<Value>& a, EvalContext&) {
  const std::string* s = StringArgument("left", a[0]);
  if (a[1].is_null()) ThrowArgument("left", "an INTEGER length", a[1]);
  const int64_t len = CountArgument("left", a[1], "length");
  if (!s) return Value();
  const std::vector<int32_t> cps = utf8::Decode(*s);
  return Value(utf8::Encode(cps, 0, std::min<uint64_t>(static_cast<uint64_t>(len), cps.size())));
}

Value Right(std::vector<Value>& a, EvalContext&) {
  const std::string* s = StringArgument("right", a[0]);
  if (a[1].is_null()) ThrowArgument("right", "an INTEGER length", a[1]);
  const int64_t len = CountArgument("right", a[1], "length");
  if (!s) return Value();
  const std::vector<int32_t> cps = utf8::Decode(*s);
  const size_t keep = std::min<uint64_t>(static_cast<uint64_t>(len), cps.size());
  return Value(utf8::Encode(cps, cps.size() - keep, cps.size()));
}

Value Split(std::vector<Value>& a, EvalContext&) {
  const std::string* s = StringArgument("split", a[0]);
  const std::string* delim = StringArgument("split", a[1]);
  if (!s || !delim) return Value();
  ValueList out;
  if (delim->empty()) {
    const std::vector<int32_t> cps = utf8::Decode(*s);
    for (size_t i = 0; i < cps.size(); ++i) out.emplace_back(utf8::Encode(cps, i, i + 1));
    return Value(std::move(out));
  }
  size_t pos = 0;
  for (size_t hit; (hit = s->find(*delim, pos)) != std::string::npos; pos = hit + delim->size()) {
    out.emplace_back(s->substr(pos, hit - pos));
  }
  out.emplace_back(s->substr(pos));
  return Value(std::move(out));
}

Value CharLength(std::vector<Value>& a, EvalContext&) {
  const std::string* s = StringArgument("char_length", a[0]);
  return s ? Value(static_cast<int64_t>(utf8::Length(*s))) : Value();
}

}  // namespace

void RegisterStringFunctions(Registry* r) {
  r->push_back({{"toupper", 1, 1}, ToUpper});
  r->push_back({{"tolower", 1, 1}, ToLower});
  r->push_back({{"trim", 1, 1}, Trim});
  r->push_back({{"ltrim", 1, 1}, LTrim});
  r->push_back({{"rtrim", 1, 1}, RTrim});
  r->push_back({{"replace", 3, 3}, Replace});
  r->push_back({{"substring", 2, 3}, Substring});
  r->push_back({{"left", 2, 2}, Left});
  r->push_back({{"right", 2, 2}, Right});
  r->push_back({{"split", 2, 2}, Split});
  r->push_back({{"char_length", 1, 1}, CharLength});
  r->push_back({{"character_length", 1, 1}, CharLength});
}

}  // namespace kg::functions
