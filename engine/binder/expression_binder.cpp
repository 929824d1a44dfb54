// Binding expressions: the AST's expression turned into a new bound tree,
// with the checks that need the scope.
#include "binder/expression_binder.h"

#include "binder/subquery_binder.h"
#include "common/utf8.h"
#include "exec/functions.h"
#include "exec/query_error.h"

namespace kg::binder {

namespace {

bound::ExprKind KindOf(ast::ExprKind k) {
  using A = ast::ExprKind;
  using B = bound::ExprKind;
  switch (k) {
    case A::kLiteral:
      return B::kLiteral;
    case A::kParameter:
      return B::kParameter;
    case A::kVariable:
      return B::kVariable;
    case A::kProperty:
      return B::kProperty;
    case A::kList:
      return B::kList;
    case A::kMap:
      return B::kMap;
    case A::kUnary:
      return B::kUnary;
    case A::kBinary:
      return B::kBinary;
    case A::kIsNull:
      return B::kIsNull;
    case A::kIsNotNull:
      return B::kIsNotNull;
    case A::kFunction:
      return B::kFunction;
    case A::kCountStar:
      return B::kCountStar;
    case A::kCase:
      return B::kCase;
    case A::kIndex:
      return B::kIndex;
    case A::kSlice:
      return B::kSlice;
    case A::kLabelCheck:
      return B::kLabelCheck;
    case A::kListComprehension:
      return B::kListComprehension;
    case A::kQuantifier:
      return B::kQuantifier;
    case A::kReduce:
      return B::kReduce;
    case A::kPatternPredicate:
      return B::kPatternPredicate;
    case A::kPatternComprehension:
      return B::kPatternComprehension;
    case A::kMapProjection:
      return B::kMapProjection;
    case A::kExistsSubquery:
      return B::kExistsSubquery;
    case A::kCountSubquery:
      return B::kCountSubquery;
  }
  return B::kLiteral;
}

// The node for `e` with what it says of itself; no operands yet.
bound::ExprPtr Shell(const ast::Expr& e) {
  auto b = std::make_unique<bound::Expr>();
  b->kind = KindOf(e.kind);
  b->pos = e.pos;
  b->op = e.op;
  b->value = e.value;
  b->name = e.name;
  b->keys = e.keys;
  b->labels = e.labels;
  b->distinct = e.distinct;
  b->quantifier = e.quantifier;
  b->text = e.text;
  return b;
}

std::optional<Value::Kind> KindOfVar(const Var& v) {
  switch (v.kind) {
    case VarKind::kNode:
      return Value::Kind::kNode;
    case VarKind::kRel:
      return Value::Kind::kRelationship;
    case VarKind::kRelList:
      return Value::Kind::kList;
    case VarKind::kPath:
      return Value::Kind::kPath;
    case VarKind::kValue:
      return v.static_kind;
  }
  return std::nullopt;
}

// The kind a bound node's value is sure to have, from its operands' kinds
// (variables have theirs from the scope).
std::optional<Value::Kind> StaticKind(const bound::Expr& e) {
  using K = bound::ExprKind;
  using O = bound::Op;
  switch (e.kind) {
    case K::kLiteral:
      if (e.value.is_null()) return std::nullopt;
      return e.value.kind();
    case K::kList:
    case K::kListComprehension:
      return Value::Kind::kList;
    case K::kMap:
    case K::kMapProjection:
      return Value::Kind::kMap;
    case K::kIsNull:
    case K::kIsNotNull:
    case K::kLabelCheck:
    case K::kQuantifier:
    case K::kPatternPredicate:
    case K::kExistsSubquery:
      return Value::Kind::kBool;
    case K::kCountSubquery:
      return Value::Kind::kInt;
    case K::kUnary:
      if (e.op == O::kNot) return Value::Kind::kBool;
      return std::nullopt;
    case K::kBinary:
      switch (e.op) {
        case O::kOr:
        case O::kXor:
        case O::kAnd:
        case O::kEq:
        case O::kNe:
        case O::kLt:
        case O::kLe:
        case O::kGt:
        case O::kGe:
        case O::kIn:
        case O::kStartsWith:
        case O::kEndsWith:
        case O::kContains:
        case O::kRegexMatch:
          return Value::Kind::kBool;
        case O::kAdd:
        case O::kSub:
        case O::kMul:
        case O::kDiv:
        case O::kMod:
        case O::kPow: {
          auto a = e.args[0]->static_kind, b = e.args[1]->static_kind;
          if (!a || !b) return std::nullopt;
          const bool na = *a == Value::Kind::kInt || *a == Value::Kind::kFloat;
          const bool nb = *b == Value::Kind::kInt || *b == Value::Kind::kFloat;
          if (na && nb) {
            if (e.op == O::kPow) return Value::Kind::kFloat;
            return *a == Value::Kind::kInt && *b == Value::Kind::kInt ? Value::Kind::kInt : Value::Kind::kFloat;
          }
          if (e.op == O::kAdd && *a == Value::Kind::kString && *b == Value::Kind::kString) {
            return Value::Kind::kString;
          }
          return std::nullopt;
        }
        default:
          return std::nullopt;
      }
    default:
      return std::nullopt;
  }
}

bool IsNumberKind(Value::Kind k) { return k == Value::Kind::kInt || k == Value::Kind::kFloat; }

// Type errors visible before running anything.
void CheckOperandKinds(const bound::Expr& e) {
  using K = bound::ExprKind;
  using O = bound::Op;
  auto kind_of = [&](size_t i) { return e.args[i]->static_kind; };
  auto fail = [&](const std::string& what, Value::Kind got) {
    throw QueryError(Status::Semantic(what + ", got " + ValueKindName(got), e.pos));
  };
  if (e.kind == K::kUnary && e.op == O::kNot) {
    if (auto k = kind_of(0); k && *k != Value::Kind::kBool) fail("NOT expects a BOOLEAN", *k);
  }
  if (e.kind == K::kUnary && (e.op == O::kNegate || e.op == O::kPlus)) {
    if (auto k = kind_of(0); k && !IsNumberKind(*k))
      fail(std::string("unary ") + OpSymbol(e.op) + " expects a number", *k);
  }
  if (e.kind != K::kBinary) return;
  switch (e.op) {
    case O::kAnd:
    case O::kOr:
    case O::kXor:
      for (size_t i = 0; i < 2; ++i) {
        if (auto k = kind_of(i); k && *k != Value::Kind::kBool) {
          fail(std::string(OpSymbol(e.op)) + " expects BOOLEAN operands", *k);
        }
      }
      break;
    case O::kIn:
      if (auto k = kind_of(1); k && *k != Value::Kind::kList) fail("IN expects a list on its right", *k);
      break;
    case O::kSub:
    case O::kMul:
    case O::kDiv:
    case O::kMod:
    case O::kPow:
      for (size_t i = 0; i < 2; ++i) {
        auto k = kind_of(i);
        if (k && !IsNumberKind(*k) && !IsTemporalKind(*k)) {
          fail(std::string("arithmetic ") + OpSymbol(e.op) + " expects numbers", *k);
        }
      }
      break;
    case O::kAdd: {
      auto a = kind_of(0), b = kind_of(1);
      auto bad = [](Value::Kind k) {
        return k == Value::Kind::kBool || k == Value::Kind::kMap || k == Value::Kind::kNode ||
               k == Value::Kind::kRelationship || k == Value::Kind::kPath;
      };
      const bool list = (a && *a == Value::Kind::kList) || (b && *b == Value::Kind::kList);
      if (!list) {
        if (a && bad(*a)) fail("+ expects numbers, strings or lists", *a);
        if (b && bad(*b)) fail("+ expects numbers, strings or lists", *b);
      }
      break;
    }
    default:
      break;
  }
}

// The kind every element of a list literal shares, if any.
std::optional<Value::Kind> ElementKind(const bound::Expr& list) {
  if (list.kind == bound::ExprKind::kLiteral && list.value.is_list()) {
    std::optional<Value::Kind> kind;
    for (const Value& v : list.value.as_list()) {
      if (v.is_null()) return std::nullopt;
      if (kind && *kind != v.kind()) return std::nullopt;
      kind = v.kind();
    }
    return kind;
  }
  if (list.kind != bound::ExprKind::kList || list.args.empty()) return std::nullopt;
  std::optional<Value::Kind> kind;
  for (const auto& a : list.args) {
    auto k = a->static_kind;
    if (!k || (kind && *kind != *k)) return std::nullopt;
    kind = k;
  }
  return kind;
}

// Checks a one-argument function's argument kind where it is known.
void CheckArgumentKind(const std::string& lower, const ast::Expr& e, std::optional<Value::Kind> k) {
  if (!k) return;
  if (lower == "size" && (*k == Value::Kind::kPath || *k == Value::Kind::kNode || *k == Value::Kind::kRelationship ||
                          *k == Value::Kind::kMap)) {
    ThrowSemantic("size() takes a list or a string, got " + std::string(ValueKindName(*k)) +
                      (*k == Value::Kind::kPath ? "; use length() for a path" : ""),
                  e.pos);
  }
  if (lower == "length" && *k != Value::Kind::kPath && *k != Value::Kind::kString && *k != Value::Kind::kList) {
    ThrowSemantic("length() takes a path, got " + std::string(ValueKindName(*k)), e.pos);
  }
  if (lower == "labels" && *k != Value::Kind::kNode) {
    ThrowSemantic("labels() takes a node, got " + std::string(ValueKindName(*k)), e.pos);
  }
  if (lower == "type" && *k != Value::Kind::kRelationship) {
    ThrowSemantic("type() takes a relationship, got " + std::string(ValueKindName(*k)), e.pos);
  }
  if ((lower == "properties" || lower == "keys") && *k != Value::Kind::kNode && *k != Value::Kind::kRelationship &&
      *k != Value::Kind::kMap) {
    ThrowSemantic(lower + "() takes a node, a relationship or a map, got " + ValueKindName(*k), e.pos);
  }
}

}  // namespace

const char* VarKindName(VarKind k) {
  switch (k) {
    case VarKind::kNode:
      return "a node";
    case VarKind::kRel:
      return "a relationship";
    case VarKind::kRelList:
      return "a list of relationships";
    case VarKind::kPath:
      return "a path";
    case VarKind::kValue:
      return "a value";
  }
  return "?";
}

bool IsAggregate(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::kCountStar) return true;
  return e.kind == ast::ExprKind::kFunction && IsAggregateFunction(e.name);
}

void CollectAggregates(const ast::Expr& e, std::vector<const ast::Expr*>* out) {
  if (IsAggregate(e)) {
    out->push_back(&e);
    return;
  }
  if (e.kind == ast::ExprKind::kListComprehension || e.kind == ast::ExprKind::kQuantifier ||
      e.kind == ast::ExprKind::kReduce || e.kind == ast::ExprKind::kPatternComprehension) {
    // The list (and reduce's initial value) belong to the outer
    // expression; what runs per element may not aggregate.
    size_t outer = 0;
    if (e.kind == ast::ExprKind::kListComprehension || e.kind == ast::ExprKind::kQuantifier) outer = 1;
    if (e.kind == ast::ExprKind::kReduce) outer = 2;
    for (size_t i = 0; i < outer && i < e.args.size(); ++i) {
      if (e.args[i]) CollectAggregates(*e.args[i], out);
    }
    std::vector<const ast::Expr*> inner;
    for (size_t i = outer; i < e.args.size(); ++i) {
      if (e.args[i]) CollectAggregates(*e.args[i], &inner);
    }
    if (!inner.empty()) {
      ThrowSemantic("aggregate function " + inner[0]->text +
                        " cannot be used inside a list comprehension, "
                        "quantifier or reduce",
                    inner[0]->pos);
    }
    return;
  }
  for (auto& a : e.args) {
    if (a) CollectAggregates(*a, out);
  }
  if (e.case_subject) CollectAggregates(*e.case_subject, out);
  for (auto& w : e.whens) CollectAggregates(*w, out);
  for (auto& t : e.thens) CollectAggregates(*t, out);
  if (e.case_else) CollectAggregates(*e.case_else, out);
  for (auto& item : e.map_items) {
    if (item.value) CollectAggregates(*item.value, out);
  }
}

void CollectVariables(const ast::Expr& e, std::set<std::string>* out) {
  if (e.kind == ast::ExprKind::kVariable) out->insert(e.name);
  if (e.kind == ast::ExprKind::kMapProjection) {
    for (const auto& item : e.map_items) {
      if (item.kind == ast::MapProjectionItem::Kind::kVariable) out->insert(item.key);
    }
  }
  if (e.subquery) CollectQueryVariables(*e.subquery, out);
  if (e.pattern) {
    for (const auto& n : e.pattern->nodes) {
      if (!n.variable.empty()) out->insert(n.variable);
    }
    for (const auto& r : e.pattern->rels) {
      if (!r.variable.empty()) out->insert(r.variable);
    }
  }
  for (const auto& a : e.args) {
    if (a) CollectVariables(*a, out);
  }
  if (e.case_subject) CollectVariables(*e.case_subject, out);
  for (const auto& w : e.whens) CollectVariables(*w, out);
  for (const auto& t : e.thens) CollectVariables(*t, out);
  if (e.case_else) CollectVariables(*e.case_else, out);
  for (const auto& item : e.map_items) {
    if (item.value) CollectVariables(*item.value, out);
  }
}

void CheckPredicateKind(const bound::Expr& e) {
  if (e.static_kind && *e.static_kind != Value::Kind::kBool) {
    ThrowSemantic(std::string("WHERE expects a boolean, got ") + ValueKindName(*e.static_kind), e.pos);
  }
}

namespace {

// A call of rand() in `e`, or nullptr: a value that differs on every call
// makes an aggregate's result meaningless.
const ast::Expr* FindRandomCall(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::kFunction && utf8::EqualsIgnoreCase(e.name, "rand")) return &e;
  for (const auto& a : e.args) {
    if (const ast::Expr* found = a ? FindRandomCall(*a) : nullptr) return found;
  }
  for (const auto* list : {&e.whens, &e.thens}) {
    for (const auto& a : *list) {
      if (const ast::Expr* found = FindRandomCall(*a)) return found;
    }
  }
  for (const ast::Expr* a : {e.case_subject.get(), e.case_else.get()}) {
    if (const ast::Expr* found = a ? FindRandomCall(*a) : nullptr) return found;
  }
  return nullptr;
}

}  // namespace

bound::ExprPtr ExpressionBinder::BindAggregateCall(const ast::Expr& call, Scope& scope, const BindOptions& options) {
  bound::ExprPtr b = Shell(call);
  b->aggregate = true;
  for (const auto& a : call.args) {
    std::vector<const ast::Expr*> nested;
    CollectAggregates(*a, &nested);
    if (!nested.empty()) ThrowSemantic("aggregate functions cannot be nested: " + call.text, nested[0]->pos);
    if (const ast::Expr* random = FindRandomCall(*a)) {
      ThrowSemantic("aggregate functions cannot take rand(), whose value differs on every call: " + call.text,
                    random->pos);
    }
    b->args.push_back(Bind(*a, scope, options));
  }
  return b;
}

bound::ExprPtr ExpressionBinder::Bind(const ast::Expr& e, Scope& scope, const BindOptions& outer) {
  using K = ast::ExprKind;
  // Only boolean operators pass the predicate position on to their operands.
  BindOptions options = outer;
  const bool boolean_op =
      (e.kind == K::kUnary && e.op == ast::Op::kNot) ||
      (e.kind == K::kBinary && (e.op == ast::Op::kAnd || e.op == ast::Op::kOr || e.op == ast::Op::kXor));
  if (!boolean_op) options.predicate = false;
  if (options.projected && e.kind != K::kLiteral && e.kind != K::kParameter) {
    auto it = options.projected->find(e.text);
    if (it != options.projected->end()) {
      // ORDER BY n.name after RETURN DISTINCT n.name: the projected column.
      auto b = std::make_unique<bound::Expr>();
      b->kind = bound::ExprKind::kVariable;
      b->pos = e.pos;
      b->name = e.text;
      b->text = e.text;
      b->slot = it->second;
      return b;
    }
  }
  auto bind = [&](const ast::ExprPtr& a, Scope& s, const BindOptions& o) -> bound::ExprPtr {
    return a ? Bind(*a, s, o) : nullptr;
  };
  bound::ExprPtr b = Shell(e);
  switch (e.kind) {
    case K::kLiteral:
    case K::kParameter:
      b->static_kind = StaticKind(*b);
      return b;
    case K::kVariable: {
      const Var* v = scope.Find(e.name);
      if (!v) ThrowSemantic("variable `" + e.name + "` is not defined", e.pos);
      b->slot = v->slot;
      b->static_kind = KindOfVar(*v);
      return b;
    }
    case K::kFunction:
    case K::kCountStar: {
      if (IsAggregate(e)) {
        int slot = -1;
        if (options.aggregates && options.aggregate_slots) {
          auto it = options.aggregate_slots->find(&e);
          if (it != options.aggregate_slots->end()) slot = it->second;
        }
        if (slot < 0) {
          ThrowSemantic("aggregate function " + (e.kind == K::kCountStar ? std::string("count(*)") : e.name + "()") +
                            " is not allowed in " + options.context + "; aggregate in WITH or RETURN",
                        e.pos);
        }
        b->aggregate = true;
        b->slot = slot;  // the Aggregate operator computed it there
        return b;
      }
      const std::string lower = utf8::AsciiLower(e.name);
      if (lower == "exists" && e.args.size() == 1 && e.args[0]->kind == K::kPatternPredicate) {
        BindOptions pattern_options = options;
        pattern_options.predicate = true;
        b->args.push_back(Bind(*e.args[0], scope, pattern_options));
        b->function_id = FindScalarFunction(lower);
        if (b->function_id >= 0) b->function = &ScalarFunctionInfo(b->function_id);
        return b;
      }
      b->function_id = FindScalarFunction(lower);
      if (b->function_id < 0) ThrowSemantic("unknown function '" + e.name + "'", e.pos);
      const FunctionInfo& info = ScalarFunctionInfo(b->function_id);
      b->function = &info;
      const int n = static_cast<int>(e.args.size());
      if (n < info.min_args || (info.max_args >= 0 && n > info.max_args)) {
        std::string expected = std::to_string(info.min_args);
        if (info.max_args != info.min_args) {
          expected += info.max_args < 0 ? " or more" : " to " + std::to_string(info.max_args);
        }
        ThrowSemantic(e.name + "() takes " + expected + " argument" + (info.max_args == 1 ? "" : "s") + ", got " +
                          std::to_string(n),
                      e.pos);
      }
      for (const auto& a : e.args) b->args.push_back(Bind(*a, scope, options));
      if (b->args.size() == 1) CheckArgumentKind(lower, e, b->args[0]->static_kind);
      return b;
    }
    case K::kListComprehension:
    case K::kQuantifier: {
      b->args.push_back(Bind(*e.args[0], scope, options));
      Scope inner = scope;
      b->slot = host_.NewSlot();
      inner.vars[e.name] = Var{b->slot, VarKind::kValue, ElementKind(*b->args[0])};
      BindOptions inner_options = options;
      inner_options.projected = nullptr;
      for (size_t i = 1; i < e.args.size(); ++i) b->args.push_back(bind(e.args[i], inner, inner_options));
      b->static_kind = StaticKind(*b);
      return b;
    }
    case K::kReduce: {
      b->args.push_back(Bind(*e.args[0], scope, options));
      b->args.push_back(Bind(*e.args[1], scope, options));
      Scope inner = scope;
      b->slot2 = host_.NewSlot();  // accumulator
      b->slot = host_.NewSlot();   // element
      inner.vars[e.name] = Var{b->slot2, VarKind::kValue};
      inner.vars[e.keys.at(0)] = Var{b->slot, VarKind::kValue};
      BindOptions inner_options = options;
      inner_options.projected = nullptr;
      b->args.push_back(Bind(*e.args[2], inner, inner_options));
      return b;
    }
    case K::kPatternPredicate: {
      if (!outer.predicate) {
        ThrowSemantic(
            "a pattern can stand as an expression only as a predicate (in WHERE, or inside exists()); "
            "use a pattern comprehension [(a)-->(b) | b] for a list",
            e.pos);
      }
      host_.PlanPatternExpression(*e.pattern, scope, false, *b);
      b->static_kind = StaticKind(*b);
      return b;
    }
    case K::kPatternComprehension: {
      Scope inner = scope;
      host_.PlanPatternExpression(*e.pattern, inner, true, *b);
      BindOptions inner_options = options;
      inner_options.projected = nullptr;
      for (const auto& a : e.args) b->args.push_back(bind(a, inner, inner_options));
      return b;
    }
    case K::kExistsSubquery:
    case K::kCountSubquery:
      host_.PlanSubquery(*e.subquery, scope, *b);
      b->static_kind = StaticKind(*b);
      return b;
    case K::kProperty: {
      b->args.push_back(Bind(*e.args[0], scope, options));
      auto k = b->args[0]->static_kind;
      if (k && *k != Value::Kind::kNode && *k != Value::Kind::kRelationship && *k != Value::Kind::kMap &&
          !IsTemporalKind(*k)) {
        ThrowSemantic("cannot read property '" + e.name + "' of " + ValueKindName(*k), e.pos);
      }
      return b;
    }
    case K::kMapProjection: {
      b->args.push_back(Bind(*e.args[0], scope, options));
      for (const auto& item : e.map_items) {
        using I = ast::MapProjectionItem::Kind;
        bound::MapProjectionItem out;
        out.key = item.key;
        switch (item.kind) {
          case I::kProperty:
            out.kind = bound::MapProjectionItem::Kind::kProperty;
            break;
          case I::kAllProperties:
            out.kind = bound::MapProjectionItem::Kind::kAllProperties;
            break;
          case I::kLiteral:
            out.kind = bound::MapProjectionItem::Kind::kLiteral;
            out.value = bind(item.value, scope, options);
            break;
          case I::kVariable: {
            // `v` is `v: v`.
            out.kind = bound::MapProjectionItem::Kind::kLiteral;
            if (item.value) {
              out.value = Bind(*item.value, scope, options);
            } else {
              ast::Expr variable;
              variable.kind = K::kVariable;
              variable.name = item.key;
              variable.text = item.key;
              variable.pos = e.pos;
              out.value = Bind(variable, scope, options);
            }
            break;
          }
        }
        b->map_items.push_back(std::move(out));
      }
      b->static_kind = StaticKind(*b);
      return b;
    }
    default:
      break;
  }
  for (const auto& a : e.args) b->args.push_back(bind(a, scope, options));
  b->case_subject = bind(e.case_subject, scope, options);
  for (const auto& w : e.whens) b->whens.push_back(Bind(*w, scope, options));
  for (const auto& t : e.thens) b->thens.push_back(Bind(*t, scope, options));
  b->case_else = bind(e.case_else, scope, options);
  b->static_kind = StaticKind(*b);
  CheckOperandKinds(*b);
  return b;
}

}  // namespace kg::binder
