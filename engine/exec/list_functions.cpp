// Functions on lists (and the ones shared with strings): size, head, last,
// tail, range, reverse, isEmpty.
#include <algorithm>

#include "common/utf8.h"
#include "exec/function_registry.h"
#include "exec/memory_budget.h"
#include "exec/query_error.h"

namespace kg::functions {

namespace {

// range() refuses to build lists beyond this many elements: one query
// should not be able to exhaust memory by a typo in a bound.
constexpr uint64_t kMaxRangeElements = 50'000'000;

Value Size(std::vector<Value>& a, EvalContext&) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (v.is_list()) return Value(static_cast<int64_t>(v.as_list().size()));
  if (v.is_string()) return Value(static_cast<int64_t>(utf8::Length(v.as_string())));
  if (v.is_map()) return Value(static_cast<int64_t>(v.as_map().size()));
  ThrowArgument("size", "a LIST or STRING", v);
}

const ValueList* ListArgument(const char* fn, const Value& v) {
  if (v.is_null()) return nullptr;
  if (!v.is_list()) ThrowArgument(fn, "a LIST", v);
  return &v.as_list();
}

Value Head(std::vector<Value>& a, EvalContext&) {
  const ValueList* l = ListArgument("head", a[0]);
  return l && !l->empty() ? l->front() : Value();
}

Value Last(std::vector<Value>& a, EvalContext&) {
  const ValueList* l = ListArgument("last", a[0]);
  return l && !l->empty() ? l->back() : Value();
}

Value Tail(std::vector<Value>& a, EvalContext&) {
  const ValueList* l = ListArgument("tail", a[0]);
  if (!l) return Value();
  if (l->empty()) return Value(ValueList{});
  return Value(ValueList(l->begin() + 1, l->end()));
}

Value Range(std::vector<Value>& a, EvalContext& ctx) {
  for (const Value& v : a) {
    if (v.is_null()) return Value();
  }
  const int64_t start = IntArgument("range", a[0]);
  const int64_t end = IntArgument("range", a[1]);
  const int64_t step = a.size() > 2 ? IntArgument("range", a[2]) : 1;
  if (step == 0) ThrowRuntime("range() step must not be zero");
  ValueList out;
  if ((step > 0 && start > end) || (step < 0 && start < end)) return Value(std::move(out));
  // Count in unsigned arithmetic: the span of two int64 can exceed int64.
  const uint64_t span = step > 0 ? static_cast<uint64_t>(end) - static_cast<uint64_t>(start)
                                 : static_cast<uint64_t>(start) - static_cast<uint64_t>(end);
  const uint64_t stride = step > 0 ? static_cast<uint64_t>(step) : 0 - static_cast<uint64_t>(step);
  const uint64_t count = span / stride + 1;
  if (count > kMaxRangeElements) {
    ThrowRuntime("range() would make " + std::to_string(count) + " elements (at most " +
                 std::to_string(kMaxRangeElements) + ")");
  }
  if (ctx.memory != nullptr) ctx.memory->CheckFits(static_cast<int64_t>(count * sizeof(Value)));
  out.reserve(count);
  int64_t x = start;
  for (uint64_t i = 0; i < count; ++i) {
    out.emplace_back(x);
    if (i + 1 < count) x += step;
  }
  return Value(std::move(out));
}

Value Reverse(std::vector<Value>& a, EvalContext&) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (v.is_list()) {
    ValueList out(v.as_list().rbegin(), v.as_list().rend());
    return Value(std::move(out));
  }
  if (v.is_string()) {
    std::vector<int32_t> cps = utf8::Decode(v.as_string());
    std::reverse(cps.begin(), cps.end());
    return Value(utf8::Encode(cps));
  }
  ThrowArgument("reverse", "a STRING or LIST", v);
}

Value IsEmpty(std::vector<Value>& a, EvalContext&) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (v.is_list()) return Value(v.as_list().empty());
  if (v.is_string()) return Value(v.as_string().empty());
  if (v.is_map()) return Value(v.as_map().empty());
  ThrowArgument("isEmpty", "a LIST, STRING or MAP", v);
}

}  // namespace

void RegisterListFunctions(Registry* r) {
  r->push_back({{"size", 1, 1}, Size});
  r->push_back({{"head", 1, 1}, Head});
  r->push_back({{"last", 1, 1}, Last});
  r->push_back({{"tail", 1, 1}, Tail});
  r->push_back({{"range", 2, 3}, Range});
  r->push_back({{"reverse", 1, 1}, Reverse});
  r->push_back({{"isempty", 1, 1}, IsEmpty});
}

}  // namespace kg::functions
