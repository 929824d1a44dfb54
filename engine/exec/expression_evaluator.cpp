#include "exec/expression_evaluator.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <list>
#include <optional>
#include <string>
#include <unordered_map>

#include "common/utf8.h"
#include "exec/functions.h"
#include "exec/memory_budget.h"
#include "exec/query_error.h"
#include "exec/regex_match.h"
#include "exec/temporal_arithmetic.h"
#include "exec/temporal_fields.h"
#include "exec/value_ops.h"
#include "storage/transaction.h"

namespace kg {

void CheckInterrupt(EvalContext& ctx) {
  if (ctx.interrupt == nullptr) return;
  if (ctx.interrupt->FlagSet() || ((++ctx.interrupt_checks & 1023) == 0 && ctx.interrupt->TimedOut())) {
    ThrowInterrupted();
  }
}

namespace {

using bound::Expr;
using bound::ExprKind;
using bound::Op;

const char* KindName(const Value& v) { return ValueKindName(v.kind()); }

[[noreturn]] void ThrowOperands(Op op, const Value& a, const Value& b) {
  std::string verb;
  switch (op) {
    case Op::kAdd:
      verb = "add";
      break;
    case Op::kSub:
      verb = "subtract";
      break;
    case Op::kMul:
      verb = "multiply";
      break;
    case Op::kDiv:
      verb = "divide";
      break;
    case Op::kMod:
      verb = "take the remainder of";
      break;
    case Op::kPow:
      verb = "raise";
      break;
    default:
      verb = std::string("apply ") + OpSymbol(op) + " to";
  }
  if (op == Op::kSub) ThrowRuntime("cannot subtract " + std::string(KindName(b)) + " from " + KindName(a));
  if (op == Op::kPow) ThrowRuntime("cannot raise " + std::string(KindName(a)) + " to a " + KindName(b) + " power");
  ThrowRuntime("cannot " + verb + " " + KindName(a) + " and " + KindName(b));
}

// ---- Arithmetic ----

Value Add(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (a.is_int() && b.is_int()) {
    int64_t r;
    if (__builtin_add_overflow(a.as_int(), b.as_int(), &r)) ThrowRuntime("integer overflow");
    return Value(r);
  }
  if (a.is_number() && b.is_number()) return Value(a.as_number() + b.as_number());
  if (a.is_list() && b.is_list()) {
    ValueList out = a.as_list();
    out.insert(out.end(), b.as_list().begin(), b.as_list().end());
    return Value(std::move(out));
  }
  if (a.is_list()) {
    ValueList out = a.as_list();
    out.push_back(b);
    return Value(std::move(out));
  }
  if (b.is_list()) {
    ValueList out;
    out.reserve(b.as_list().size() + 1);
    out.push_back(a);
    out.insert(out.end(), b.as_list().begin(), b.as_list().end());
    return Value(std::move(out));
  }
  if (a.is_temporal() || b.is_temporal()) {
    if (std::optional<Value> r = temporal::Arithmetic(Op::kAdd, a, b)) return std::move(*r);
  }
  // Strings concatenate with strings and with numbers (the number in its
  // toString() form), as openCypher implementations do.
  auto text = [](const Value& v) { return v.is_string() ? v.as_string() : v.ToString(); };
  if ((a.is_string() && (b.is_string() || b.is_number())) || (b.is_string() && a.is_number())) {
    return Value(text(a) + text(b));
  }
  ThrowOperands(Op::kAdd, a, b);
}

Value Arithmetic(Op op, const Value& a, const Value& b) {
  if (op == Op::kAdd) return Add(a, b);
  if (a.is_null() || b.is_null()) return Value();
  if (a.is_temporal() || b.is_temporal()) {
    if (std::optional<Value> r = temporal::Arithmetic(op, a, b)) return std::move(*r);
  }
  if (!a.is_number() || !b.is_number()) ThrowOperands(op, a, b);
  if (op == Op::kPow) return Value(std::pow(a.as_number(), b.as_number()));
  if (a.is_int() && b.is_int()) {
    const int64_t x = a.as_int(), y = b.as_int();
    int64_t r = 0;
    switch (op) {
      case Op::kSub:
        if (__builtin_sub_overflow(x, y, &r)) ThrowRuntime("integer overflow");
        return Value(r);
      case Op::kMul:
        if (__builtin_mul_overflow(x, y, &r)) ThrowRuntime("integer overflow");
        return Value(r);
      case Op::kDiv:
        if (y == 0) ThrowRuntime("division by zero");
        if (x == INT64_MIN && y == -1) ThrowRuntime("integer overflow");
        return Value(x / y);
      case Op::kMod:
        if (y == 0) ThrowRuntime("division by zero");
        if (y == -1) return Value(int64_t{0});
        return Value(x % y);
      default:
        break;
    }
  }
  const double x = a.as_number(), y = b.as_number();
  switch (op) {
    case Op::kSub:
      return Value(x - y);
    case Op::kMul:
      return Value(x * y);
    case Op::kDiv:
      return Value(x / y);
    case Op::kMod:
      return Value(std::fmod(x, y));
    default:
      break;
  }
  ThrowOperands(op, a, b);
}

// ---- Strings ----

Value StringPredicate(Op op, const Value& a, const Value& b) {
  if (!a.is_string() || !b.is_string()) return Value();
  const std::string& s = a.as_string();
  const std::string& t = b.as_string();
  switch (op) {
    case Op::kStartsWith:
      return Value(s.compare(0, t.size(), t) == 0 && s.size() >= t.size());
    case Op::kEndsWith:
      return Value(s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0);
    default:
      return Value(s.find(t) != std::string::npos);
  }
}

// ---- Lists ----

Value In(const Value& needle, const Value& list) {
  if (list.is_null()) return Value();
  if (!list.is_list()) ThrowRuntime(std::string("IN expects a list on its right, got ") + KindName(list));
  bool saw_null = false;
  for (const Value& e : list.as_list()) {
    const Value eq = CypherEquals(needle, e);
    if (eq.is_null()) {
      saw_null = true;
    } else if (eq.as_bool()) {
      return Value(true);
    }
  }
  return saw_null ? Value() : Value(false);
}

// Resolves a possibly negative index against a length; false when outside.
bool ResolveIndex(int64_t index, size_t size, size_t* out) {
  const int64_t n = static_cast<int64_t>(size);
  if (index < 0) index += n;
  if (index < 0 || index >= n) return false;
  *out = static_cast<size_t>(index);
  return true;
}

Value Index(const Value& container, const Value& index, EvalContext& ctx) {
  if (container.is_null() || index.is_null()) return Value();
  if (container.is_list()) {
    if (!index.is_int()) ThrowRuntime(std::string("a list index must be an INTEGER, got ") + KindName(index));
    size_t i;
    if (!ResolveIndex(index.as_int(), container.as_list().size(), &i)) return Value();
    return container.as_list()[i];
  }
  if (container.is_map() || container.is_node() || container.is_relationship()) {
    if (!index.is_string()) ThrowRuntime(std::string("a map key must be a STRING, got ") + KindName(index));
    return PropertyOf(container, index.as_string(), ctx);
  }
  ThrowRuntime(std::string("cannot index into ") + KindName(container));
}

Value Slice(const Value& container, const Value* from, const Value* to) {
  if (container.is_null()) return Value();
  if ((from && from->is_null()) || (to && to->is_null())) return Value();
  if (!container.is_list()) ThrowRuntime(std::string("cannot slice ") + KindName(container));
  if ((from && !from->is_int()) || (to && !to->is_int())) {
    ThrowRuntime(std::string("slice bounds must be INTEGERs, got ") + KindName(from && !from->is_int() ? *from : *to));
  }
  const ValueList& l = container.as_list();
  const int64_t n = static_cast<int64_t>(l.size());
  auto clamp = [n](int64_t i) {
    if (i < 0) i += n;
    return std::max<int64_t>(0, std::min<int64_t>(i, n));
  };
  const int64_t begin = from ? clamp(from->as_int()) : 0;
  const int64_t end = to ? clamp(to->as_int()) : n;
  if (begin >= end) return Value(ValueList{});
  return Value(ValueList(l.begin() + begin, l.begin() + end));
}

// ---- Graph ----

[[noreturn]] void ThrowStorage(const Status& s) { ThrowStatus(s); }

std::optional<NodeRecord> ReadNode(uint64_t id, EvalContext& ctx) {
  auto r = ctx.txn->GetNode(id);
  if (!r.ok()) ThrowStorage(r.status());
  return std::move(r).value();
}

std::optional<RelRecord> ReadRel(uint64_t id, EvalContext& ctx) {
  auto r = ctx.txn->GetRelationship(id);
  if (!r.ok()) ThrowStorage(r.status());
  return std::move(r).value();
}

Value PropertyFrom(const Properties& props, const std::string& key, EvalContext& ctx) {
  const std::optional<PropertyKeyId> id = ctx.txn->catalog().FindPropertyKey(key);
  if (!id) return Value();
  const Value* v = FindProperty(props, *id);
  return v ? *v : Value();
}

Value FromView(const std::shared_ptr<const EntityView>& view, const std::string& key) {
  auto it = view->properties.find(key);
  return it == view->properties.end() ? Value() : it->second;
}

Value LabelCheck(const Value& v, const std::vector<std::string>& labels, EvalContext& ctx) {
  if (v.is_null()) return Value();
  if (v.is_node()) {
    if (!ctx.txn) {
      const auto& view = v.as_node().view;
      if (!view) ThrowRuntime("cannot check labels without a transaction");
      for (const std::string& l : labels) {
        if (std::find(view->labels.begin(), view->labels.end(), l) == view->labels.end()) return Value(false);
      }
      return Value(true);
    }
    const NodeId node = v.as_node().id;
    std::vector<LabelId> ids;
    bool known = true;
    for (const std::string& l : labels) {
      const std::optional<LabelId> id = ctx.txn->catalog().FindLabel(l);
      if (!id) known = false;
      if (id) ids.push_back(*id);
    }
    if (known && Check(ctx.txn->HasLabels(node, ids))) return Value(true);
    if (!Check(ctx.txn->NodeExists(node))) ThrowRuntime("node " + std::to_string(node) + " was deleted");
    return Value(false);
  }
  if (v.is_relationship()) {
    const RelRef& r = v.as_relationship();
    std::string type;
    if (ctx.txn) {
      type = ctx.txn->catalog().RelTypeName(r.type);
    } else if (r.view && !r.view->labels.empty()) {
      type = r.view->labels[0];
    }
    for (const std::string& l : labels) {
      if (l != type) return Value(false);
    }
    return Value(true);
  }
  ThrowRuntime(std::string("cannot check labels of ") + KindName(v));
}

// All properties of a node, relationship or map, as a map.
ValueMap AllProperties(const Value& v, EvalContext& ctx) {
  if (v.is_map()) return v.as_map();
  Value m = Materialise(v, ctx);
  if (m.is_node()) return m.as_node().view->properties;
  if (m.is_relationship()) return m.as_relationship().view->properties;
  ThrowRuntime(std::string("cannot take the properties of ") + KindName(v));
}

// ---- Comprehensions and friends ----

Value& BindSlot(Row& row, int slot) {
  if (slot < 0) ThrowSemantic("internal error: a bound variable has no slot");
  if (static_cast<size_t>(slot) >= row.size()) row.resize(static_cast<size_t>(slot) + 1);
  return row[static_cast<size_t>(slot)];
}

const ValueList* ListOperand(const Value& v, const char* what) {
  if (v.is_null()) return nullptr;
  if (!v.is_list()) ThrowRuntime(std::string(what) + " expects a list, got " + KindName(v));
  return &v.as_list();
}

Value ListComprehension(const Expr& e, Row& row, EvalContext& ctx) {
  const Value source = Evaluate(*e.args[0], row, ctx);
  const ValueList* list = ListOperand(source, "a list comprehension");
  if (!list) return Value();
  ValueList out;
  int64_t bytes = 0;
  for (const Value& item : *list) {
    CheckInterrupt(ctx);
    if (ctx.memory != nullptr && (out.size() & 1023) == 1023) {
      for (size_t i = out.size() - 1023; i < out.size(); ++i) bytes += ApproxBytes(out[i]);
      ctx.memory->CheckFits(bytes);
    }
    BindSlot(row, e.slot) = item;
    if (e.args.size() > 1 && e.args[1] && !IsTrue(Evaluate(*e.args[1], row, ctx))) continue;
    if (e.args.size() > 2 && e.args[2]) {
      out.push_back(Evaluate(*e.args[2], row, ctx));
    } else {
      out.push_back(item);
    }
  }
  return Value(std::move(out));
}

Value Quantify(const Expr& e, Row& row, EvalContext& ctx) {
  const Value source = Evaluate(*e.args[0], row, ctx);
  const char* names[] = {"all()", "any()", "none()", "single()"};
  const ValueList* list = ListOperand(source, names[static_cast<int>(e.quantifier)]);
  if (!list) return Value();
  size_t trues = 0, nulls = 0, falses = 0;
  for (const Value& item : *list) {
    CheckInterrupt(ctx);
    BindSlot(row, e.slot) = item;
    Value t = (e.args.size() > 1 && e.args[1]) ? Evaluate(*e.args[1], row, ctx) : item;
    if (t.is_null()) {
      ++nulls;
    } else if (!t.is_bool()) {
      ThrowRuntime(std::string("a quantifier's predicate must be a BOOLEAN, got ") + KindName(t));
    } else if (t.as_bool()) {
      ++trues;
      if (e.quantifier == bound::Quantifier::kAny) return Value(true);
      if (e.quantifier == bound::Quantifier::kNone) return Value(false);
      if (e.quantifier == bound::Quantifier::kSingle && trues > 1) return Value(false);
    } else {
      ++falses;
      if (e.quantifier == bound::Quantifier::kAll) return Value(false);
    }
  }
  switch (e.quantifier) {
    case bound::Quantifier::kAll:
    case bound::Quantifier::kNone:
      return nulls ? Value() : Value(true);
    case bound::Quantifier::kAny:
      return nulls ? Value() : Value(false);
    case bound::Quantifier::kSingle:
      return nulls ? Value() : Value(trues == 1);
  }
  return Value();
}

Value Reduce(const Expr& e, Row& row, EvalContext& ctx) {
  Value acc = Evaluate(*e.args[0], row, ctx);
  const Value source = Evaluate(*e.args[1], row, ctx);
  const ValueList* list = ListOperand(source, "reduce()");
  if (!list) return Value();
  for (const Value& item : *list) {
    CheckInterrupt(ctx);
    BindSlot(row, e.slot2) = std::move(acc);
    BindSlot(row, e.slot) = item;
    acc = Evaluate(*e.args[2], row, ctx);
  }
  return acc;
}

Value Case(const Expr& e, Row& row, EvalContext& ctx) {
  if (e.case_subject) {
    const Value subject = Evaluate(*e.case_subject, row, ctx);
    for (size_t i = 0; i < e.whens.size(); ++i) {
      const Value eq = CypherEquals(subject, Evaluate(*e.whens[i], row, ctx));
      if (eq.is_bool() && eq.as_bool()) return Evaluate(*e.thens[i], row, ctx);
    }
  } else {
    for (size_t i = 0; i < e.whens.size(); ++i) {
      if (IsTrue(Evaluate(*e.whens[i], row, ctx))) return Evaluate(*e.thens[i], row, ctx);
    }
  }
  return e.case_else ? Evaluate(*e.case_else, row, ctx) : Value();
}

Value MapProjection(const Expr& e, Row& row, EvalContext& ctx) {
  const Value subject = Evaluate(*e.args[0], row, ctx);
  if (subject.is_null()) return Value();
  if (!subject.is_map() && !subject.is_node() && !subject.is_relationship()) {
    ThrowRuntime(std::string("a map projection needs a node, relationship or map, got ") + KindName(subject));
  }
  ValueMap out;
  for (const bound::MapProjectionItem& item : e.map_items) {
    using K = bound::MapProjectionItem::Kind;
    switch (item.kind) {
      case K::kProperty:
        out[item.key] = PropertyOf(subject, item.key, ctx);
        break;
      case K::kLiteral:
        if (!item.value) ThrowSemantic("variable `" + item.key + "` is not defined", e.pos);
        out[item.key] = Evaluate(*item.value, row, ctx);
        break;
      case K::kAllProperties:
        for (auto& [k, v] : AllProperties(subject, ctx)) out[k] = v;
        break;
    }
  }
  return Value::Map(std::move(out));
}

Value Logical(const Expr& e, Row& row, EvalContext& ctx) {
  auto truth = [&](const Value& v) -> int {  // 0 false, 1 true, 2 null
    if (v.is_null()) return 2;
    if (!v.is_bool()) {
      ThrowRuntime(std::string(OpSymbol(e.op)) + " expects BOOLEAN operands, got " + KindName(v));
    }
    return v.as_bool() ? 1 : 0;
  };
  const int a = truth(Evaluate(*e.args[0], row, ctx));
  if (e.op == Op::kAnd && a == 0) return Value(false);
  if (e.op == Op::kOr && a == 1) return Value(true);
  const int b = truth(Evaluate(*e.args[1], row, ctx));
  switch (e.op) {
    case Op::kAnd:
      if (b == 0) return Value(false);
      return (a == 2 || b == 2) ? Value() : Value(true);
    case Op::kOr:
      if (b == 1) return Value(true);
      return (a == 2 || b == 2) ? Value() : Value(false);
    default:  // kXor
      if (a == 2 || b == 2) return Value();
      return Value(a != b);
  }
}

Value Not(const Value& v) {
  if (v.is_null()) return Value();
  if (!v.is_bool()) ThrowRuntime(std::string("NOT expects a BOOLEAN, got ") + KindName(v));
  return Value(!v.as_bool());
}

Value Negate(const Value& v) {
  if (v.is_null()) return Value();
  if (v.is_int()) {
    if (v.as_int() == INT64_MIN) ThrowRuntime("integer overflow");
    return Value(-v.as_int());
  }
  if (v.is_float()) return Value(-v.as_float());
  ThrowRuntime(std::string("cannot negate ") + KindName(v));
}

// A list or string that + makes must fit in what is left of the memory
// limit: reduce(s = '', x IN range(1, 1000000) | s + s) would otherwise
// double until the machine runs out.
void CheckConcatenationFits(const Value& a, const Value& b, const MemoryBudget& memory) {
  auto shallow = [](const Value& v) -> int64_t {
    if (v.is_string()) return static_cast<int64_t>(v.as_string().size());
    if (v.is_list()) return static_cast<int64_t>(v.as_list().size() * sizeof(Value));
    return 0;
  };
  const int64_t bytes = shallow(a) + shallow(b);
  if (bytes > 4096) memory.CheckFits(bytes);
}

Value Binary(const Expr& e, Row& row, EvalContext& ctx) {
  if (e.op == Op::kAnd || e.op == Op::kOr || e.op == Op::kXor) return Logical(e, row, ctx);
  const Value a = Evaluate(*e.args[0], row, ctx);
  const Value b = Evaluate(*e.args[1], row, ctx);
  switch (e.op) {
    case Op::kEq:
      return CypherEquals(a, b);
    case Op::kNe:
      return Not(CypherEquals(a, b));
    case Op::kLt:
      return CypherLess(a, b);
    case Op::kLe:
      return CypherLessEqual(a, b);
    case Op::kGt:
      return CypherLess(b, a);
    case Op::kGe:
      return CypherLessEqual(b, a);
    case Op::kAdd:
      if (ctx.memory != nullptr) CheckConcatenationFits(a, b, *ctx.memory);
      return Arithmetic(e.op, a, b);
    case Op::kSub:
    case Op::kMul:
    case Op::kDiv:
    case Op::kMod:
    case Op::kPow:
      return Arithmetic(e.op, a, b);
    case Op::kIn:
      return In(a, b);
    case Op::kStartsWith:
    case Op::kEndsWith:
    case Op::kContains:
      return StringPredicate(e.op, a, b);
    case Op::kRegexMatch:
      return RegexMatch(a, b);
    default:
      ThrowSemantic(std::string("unknown operator ") + OpSymbol(e.op), e.pos);
  }
}

Value Function(const Expr& e, Row& row, EvalContext& ctx) {
  if (e.aggregate) {
    if (e.slot < 0 || static_cast<size_t>(e.slot) >= row.size()) {
      const std::string name = e.kind == ExprKind::kCountStar ? "count(*)" : e.name + "()";
      ThrowSemantic("aggregate function " + name + " is not allowed here", e.pos);
    }
    return row[static_cast<size_t>(e.slot)];
  }
  // The binder resolved the function and checked its number of arguments.
  const int id = e.function_id;
  if (id < 0) ThrowSemantic("unknown function '" + e.name + "'", e.pos);
  // exists(<pattern>) is the pattern predicate itself.
  if (e.args.size() == 1 && e.args[0]->kind == ExprKind::kPatternPredicate) {
    const std::string lower = utf8::AsciiLower(e.name);
    if (lower == "exists") return Evaluate(*e.args[0], row, ctx);
  }
  std::vector<Value> args;
  args.reserve(e.args.size());
  for (const auto& a : e.args) args.push_back(Evaluate(*a, row, ctx));
  return CallScalarFunction(id, args, ctx);
}

}  // namespace

Value Evaluate(const Expr& e, Row& row, EvalContext& ctx) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      return e.value;
    case ExprKind::kParameter: {
      if (ctx.params) {
        auto it = ctx.params->find(e.name);
        if (it != ctx.params->end()) return it->second;
      }
      ThrowSemantic("missing parameter $" + e.name, e.pos);
    }
    case ExprKind::kVariable:
      if (e.slot < 0 || static_cast<size_t>(e.slot) >= row.size()) {
        ThrowSemantic("variable `" + e.name + "` is not defined", e.pos);
      }
      return row[static_cast<size_t>(e.slot)];
    case ExprKind::kProperty:
      return PropertyOf(Evaluate(*e.args[0], row, ctx), e.name, ctx);
    case ExprKind::kList: {
      ValueList out;
      out.reserve(e.args.size());
      for (const auto& a : e.args) out.push_back(Evaluate(*a, row, ctx));
      return Value(std::move(out));
    }
    case ExprKind::kMap: {
      ValueMap out;
      for (size_t i = 0; i < e.args.size(); ++i) out[e.keys[i]] = Evaluate(*e.args[i], row, ctx);
      return Value::Map(std::move(out));
    }
    case ExprKind::kUnary: {
      const Value v = Evaluate(*e.args[0], row, ctx);
      if (e.op == Op::kNot) return Not(v);
      if (e.op == Op::kNegate) return Negate(v);
      if (!v.is_null() && !v.is_number()) ThrowRuntime(std::string("unary + expects a number, got ") + KindName(v));
      return v;
    }
    case ExprKind::kBinary:
      return Binary(e, row, ctx);
    case ExprKind::kIsNull:
      return Value(Evaluate(*e.args[0], row, ctx).is_null());
    case ExprKind::kIsNotNull:
      return Value(!Evaluate(*e.args[0], row, ctx).is_null());
    case ExprKind::kFunction:
    case ExprKind::kCountStar:
      return Function(e, row, ctx);
    case ExprKind::kCase:
      return Case(e, row, ctx);
    case ExprKind::kIndex: {
      const Value c = Evaluate(*e.args[0], row, ctx);
      const Value i = Evaluate(*e.args[1], row, ctx);
      return Index(c, i, ctx);
    }
    case ExprKind::kSlice: {
      const Value c = Evaluate(*e.args[0], row, ctx);
      Value from, to;
      const bool has_from = e.args.size() > 1 && e.args[1];
      const bool has_to = e.args.size() > 2 && e.args[2];
      if (has_from) from = Evaluate(*e.args[1], row, ctx);
      if (has_to) to = Evaluate(*e.args[2], row, ctx);
      return Slice(c, has_from ? &from : nullptr, has_to ? &to : nullptr);
    }
    case ExprKind::kLabelCheck:
      return LabelCheck(Evaluate(*e.args[0], row, ctx), e.labels, ctx);
    case ExprKind::kListComprehension:
      return ListComprehension(e, row, ctx);
    case ExprKind::kQuantifier:
      return Quantify(e, row, ctx);
    case ExprKind::kReduce:
      return Reduce(e, row, ctx);
    case ExprKind::kPatternPredicate:
      if (!ctx.patterns) ThrowUnsupported("pattern expressions here", e.pos);
      return Value(ctx.patterns->Exists(e, row));
    case ExprKind::kPatternComprehension:
      if (!ctx.patterns) ThrowUnsupported("pattern comprehensions here", e.pos);
      return Value(ctx.patterns->Comprehend(e, row));
    case ExprKind::kExistsSubquery:
      if (!ctx.patterns) ThrowUnsupported("EXISTS { ... } here", e.pos);
      return Value(ctx.patterns->SubqueryExists(e, row));
    case ExprKind::kCountSubquery:
      if (!ctx.patterns) ThrowUnsupported("COUNT { ... } here", e.pos);
      return Value(ctx.patterns->SubqueryCount(e, row));
    case ExprKind::kMapProjection:
      return MapProjection(e, row, ctx);
  }
  ThrowSemantic("unknown expression", e.pos);
}

Value PropertyOf(const Value& container, const std::string& key, EvalContext& ctx) {
  switch (container.kind()) {
    case Value::Kind::kNull:
      return Value();
    case Value::Kind::kMap: {
      const ValueMap& m = container.as_map();
      auto it = m.find(key);
      return it == m.end() ? Value() : it->second;
    }
    case Value::Kind::kNode: {
      const NodeRef& n = container.as_node();
      if (!ctx.txn) {
        if (n.view) return FromView(n.view, key);
        ThrowRuntime("cannot read node properties without a transaction");
      }
      const std::optional<PropertyKeyId> id = ctx.txn->catalog().FindPropertyKey(key);
      Value out;
      bool exists = false;
      if (!id) {
        exists = Check(ctx.txn->NodeExists(n.id));
      } else {
        Check(ctx.txn->GetNodeProperty(n.id, *id, &out, &exists));
      }
      if (!exists) ThrowRuntime("node " + std::to_string(n.id) + " was deleted");
      return out;
    }
    case Value::Kind::kRelationship: {
      const RelRef& r = container.as_relationship();
      if (!ctx.txn) {
        if (r.view) return FromView(r.view, key);
        ThrowRuntime("cannot read relationship properties without a transaction");
      }
      const std::optional<RelRecord> rec = ReadRel(r.id, ctx);
      if (!rec) ThrowRuntime("relationship " + std::to_string(r.id) + " was deleted");
      return PropertyFrom(rec->properties, key, ctx);
    }
    default:
      if (container.is_temporal()) return TemporalField(container, key);
      ThrowRuntime("cannot read property '" + key + "' of " + KindName(container));
  }
}

namespace {

std::shared_ptr<const EntityView> NodeView(const NodeRef& n, EvalContext& ctx) {
  if (!ctx.txn) return n.view ? n.view : std::make_shared<const EntityView>();
  auto view = std::make_shared<EntityView>();
  const std::optional<NodeRecord> rec = ReadNode(n.id, ctx);
  if (rec) {  // a deleted node shows as empty
    const Catalog& cat = ctx.txn->catalog();
    for (LabelId l : rec->labels) view->labels.push_back(cat.LabelName(l));
    for (const Property& p : rec->properties) view->properties[cat.PropertyKeyName(p.key)] = p.value;
  }
  return view;
}

std::shared_ptr<const EntityView> RelView(const RelRef& r, EvalContext& ctx) {
  if (!ctx.txn) return r.view ? r.view : std::make_shared<const EntityView>();
  auto view = std::make_shared<EntityView>();
  const Catalog& cat = ctx.txn->catalog();
  view->labels.push_back(cat.RelTypeName(r.type));
  const std::optional<RelRecord> rec = ReadRel(r.id, ctx);
  if (rec) {
    for (const Property& p : rec->properties) view->properties[cat.PropertyKeyName(p.key)] = p.value;
  }
  return view;
}

}  // namespace

Value Materialise(const Value& v, EvalContext& ctx) {
  switch (v.kind()) {
    case Value::Kind::kNode: {
      NodeRef n = v.as_node();
      n.view = NodeView(n, ctx);
      return Value(std::move(n));
    }
    case Value::Kind::kRelationship: {
      RelRef r = v.as_relationship();
      r.view = RelView(r, ctx);
      return Value(std::move(r));
    }
    case Value::Kind::kList: {
      ValueList out;
      out.reserve(v.as_list().size());
      for (const Value& e : v.as_list()) out.push_back(Materialise(e, ctx));
      return Value(std::move(out));
    }
    case Value::Kind::kMap: {
      ValueMap out;
      for (const auto& [k, e] : v.as_map()) out[k] = Materialise(e, ctx);
      return Value::Map(std::move(out));
    }
    case Value::Kind::kPath: {
      PathValue p = v.as_path();
      for (NodeRef& n : p.nodes) n.view = NodeView(n, ctx);
      for (RelRef& r : p.rels) r.view = RelView(r, ctx);
      return Value::Path(std::move(p));
    }
    default:
      return v;
  }
}

}  // namespace kg
