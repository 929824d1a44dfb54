// Resolving expressions: variables to slots, functions to ids, and the
// checks that need the scope (unknown variables, misplaced aggregates).
#include <algorithm>
#include <cctype>

#include "exec/functions.h"
#include "planner/planner_internal.h"

namespace kg::planner {

namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
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

ast::ExprPtr MakeVariable(const std::string& name, Position pos) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = ast::ExprKind::kVariable;
  e->name = name;
  e->text = name;
  e->pos = pos;
  return e;
}

ast::ExprPtr MakeProperty(ast::ExprPtr base, const std::string& key, Position pos) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = ast::ExprKind::kProperty;
  e->name = key;
  e->text = base->text + "." + key;
  e->pos = pos;
  e->args.push_back(std::move(base));
  return e;
}

ast::ExprPtr MakeBinary(ast::Op op, ast::ExprPtr a, ast::ExprPtr b, Position pos) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = ast::ExprKind::kBinary;
  e->op = op;
  e->pos = pos;
  e->text = a->text + " " + ast::OpSymbol(op) + " " + b->text;
  e->args.push_back(std::move(a));
  e->args.push_back(std::move(b));
  return e;
}

ast::ExprPtr CloneExpr(const ast::Expr& e) {
  auto c = std::make_unique<ast::Expr>();
  c->kind = e.kind;
  c->pos = e.pos;
  c->op = e.op;
  c->value = e.value;
  c->name = e.name;
  for (const auto& a : e.args) c->args.push_back(a ? CloneExpr(*a) : nullptr);
  c->keys = e.keys;
  c->labels = e.labels;
  c->distinct = e.distinct;
  c->quantifier = e.quantifier;
  if (e.case_subject) c->case_subject = CloneExpr(*e.case_subject);
  for (const auto& w : e.whens) c->whens.push_back(CloneExpr(*w));
  for (const auto& t : e.thens) c->thens.push_back(CloneExpr(*t));
  if (e.case_else) c->case_else = CloneExpr(*e.case_else);
  for (const auto& item : e.map_items) {
    c->map_items.push_back(ast::MapProjectionItem{item.kind, item.key, item.value ? CloneExpr(*item.value) : nullptr});
  }
  c->pattern = e.pattern;  // patterns are shared, not cloned (they are planned once)
  c->text = e.text;
  return c;
}

std::optional<Value::Kind> StaticKind(const ast::Expr& e, const Scope& scope) {
  using K = ast::ExprKind;
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
      return Value::Kind::kBool;
    case K::kVariable: {
      const Var* v = scope.Find(e.name);
      if (!v) return std::nullopt;
      switch (v->kind) {
        case VarKind::kNode:
          return Value::Kind::kNode;
        case VarKind::kRel:
          return Value::Kind::kRelationship;
        case VarKind::kRelList:
          return Value::Kind::kList;
        case VarKind::kPath:
          return Value::Kind::kPath;
        case VarKind::kValue:
          return v->static_kind;
      }
      return std::nullopt;
    }
    case K::kUnary:
      if (e.op == ast::Op::kNot) return Value::Kind::kBool;
      return std::nullopt;
    case K::kBinary:
      switch (e.op) {
        case ast::Op::kOr:
        case ast::Op::kXor:
        case ast::Op::kAnd:
        case ast::Op::kEq:
        case ast::Op::kNe:
        case ast::Op::kLt:
        case ast::Op::kLe:
        case ast::Op::kGt:
        case ast::Op::kGe:
        case ast::Op::kIn:
        case ast::Op::kStartsWith:
        case ast::Op::kEndsWith:
        case ast::Op::kContains:
        case ast::Op::kRegexMatch:
          return Value::Kind::kBool;
        case ast::Op::kAdd:
        case ast::Op::kSub:
        case ast::Op::kMul:
        case ast::Op::kDiv:
        case ast::Op::kMod:
        case ast::Op::kPow: {
          auto a = StaticKind(*e.args[0], scope), b = StaticKind(*e.args[1], scope);
          if (!a || !b) return std::nullopt;
          const bool na = *a == Value::Kind::kInt || *a == Value::Kind::kFloat;
          const bool nb = *b == Value::Kind::kInt || *b == Value::Kind::kFloat;
          if (na && nb) {
            if (e.op == ast::Op::kPow) return Value::Kind::kFloat;
            return *a == Value::Kind::kInt && *b == Value::Kind::kInt ? Value::Kind::kInt : Value::Kind::kFloat;
          }
          if (e.op == ast::Op::kAdd && *a == Value::Kind::kString && *b == Value::Kind::kString) {
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

namespace {

bool IsNumberKind(Value::Kind k) { return k == Value::Kind::kInt || k == Value::Kind::kFloat; }

// Type errors the planner can see before running anything.
void CheckOperandKinds(const ast::Expr& e, const Scope& scope) {
  using K = ast::ExprKind;
  auto kind_of = [&](size_t i) { return StaticKind(*e.args[i], scope); };
  auto fail = [&](const std::string& what, Value::Kind got) {
    throw QueryError(Status::Semantic(what + ", got " + ValueKindName(got), e.pos));
  };
  if (e.kind == K::kUnary && e.op == ast::Op::kNot) {
    if (auto k = kind_of(0); k && *k != Value::Kind::kBool) fail("NOT expects a BOOLEAN", *k);
  }
  if (e.kind == K::kUnary && (e.op == ast::Op::kNegate || e.op == ast::Op::kPlus)) {
    if (auto k = kind_of(0); k && !IsNumberKind(*k)) fail(std::string("unary ") + ast::OpSymbol(e.op) + " expects a number", *k);
  }
  if (e.kind != K::kBinary) return;
  switch (e.op) {
    case ast::Op::kAnd:
    case ast::Op::kOr:
    case ast::Op::kXor:
      for (size_t i = 0; i < 2; ++i) {
        if (auto k = kind_of(i); k && *k != Value::Kind::kBool) {
          fail(std::string(ast::OpSymbol(e.op)) + " expects BOOLEAN operands", *k);
        }
      }
      break;
    case ast::Op::kIn:
      if (auto k = kind_of(1); k && *k != Value::Kind::kList) fail("IN expects a list on its right", *k);
      break;
    case ast::Op::kSub:
    case ast::Op::kMul:
    case ast::Op::kDiv:
    case ast::Op::kMod:
    case ast::Op::kPow:
      for (size_t i = 0; i < 2; ++i) {
        auto k = kind_of(i);
        if (k && !IsNumberKind(*k) && *k != Value::Kind::kDate) {
          fail(std::string("arithmetic ") + ast::OpSymbol(e.op) + " expects numbers", *k);
        }
      }
      break;
    case ast::Op::kAdd: {
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
std::optional<Value::Kind> ElementKind(const ast::Expr& list, const Scope& scope) {
  if (list.kind == ast::ExprKind::kLiteral && list.value.is_list()) {
    std::optional<Value::Kind> kind;
    for (const Value& v : list.value.as_list()) {
      if (v.is_null()) return std::nullopt;
      if (kind && *kind != v.kind()) return std::nullopt;
      kind = v.kind();
    }
    return kind;
  }
  if (list.kind != ast::ExprKind::kList || list.args.empty()) return std::nullopt;
  std::optional<Value::Kind> kind;
  for (const auto& a : list.args) {
    auto k = StaticKind(*a, scope);
    if (!k || (kind && *kind != *k)) return std::nullopt;
    kind = k;
  }
  return kind;
}

}  // namespace

bool QueryPlanner::IsAggregate(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::kCountStar) return true;
  return e.kind == ast::ExprKind::kFunction && IsAggregateFunction(Lower(e.name));
}

void QueryPlanner::CollectAggregates(ast::Expr& e, std::vector<ast::Expr*>* out) {
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
    std::vector<ast::Expr*> inner;
    for (size_t i = outer; i < e.args.size(); ++i) {
      if (e.args[i]) CollectAggregates(*e.args[i], &inner);
    }
    if (!inner.empty()) {
      ThrowSemantic("aggregate function " + inner[0]->text + " cannot be used inside a list comprehension, "
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

void QueryPlanner::CollectVariables(const ast::Expr& e, std::set<std::string>* out) {
  if (e.kind == ast::ExprKind::kVariable) out->insert(e.name);
  if (e.kind == ast::ExprKind::kMapProjection) {
    for (const auto& item : e.map_items) {
      if (item.kind == ast::MapProjectionItem::Kind::kVariable) out->insert(item.key);
    }
  }
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

void QueryPlanner::Bind(ast::Expr& e, Scope& scope, const BindOptions& outer) {
  using K = ast::ExprKind;
  // Only boolean operators pass the predicate position on to their operands.
  BindOptions options = outer;
  const bool boolean_op = (e.kind == K::kUnary && e.op == ast::Op::kNot) ||
                          (e.kind == K::kBinary && (e.op == ast::Op::kAnd || e.op == ast::Op::kOr ||
                                                    e.op == ast::Op::kXor));
  if (!boolean_op) options.predicate = false;
  if (options.projected && e.kind != K::kLiteral && e.kind != K::kParameter) {
    auto it = options.projected->find(e.text);
    if (it != options.projected->end()) {
      // ORDER BY n.name after RETURN DISTINCT n.name: the projected column.
      e.kind = K::kVariable;
      e.name = e.text;
      e.slot = it->second;
      e.args.clear();
      return;
    }
  }
  switch (e.kind) {
    case K::kLiteral:
    case K::kParameter:
      return;
    case K::kVariable: {
      const Var* v = scope.Find(e.name);
      if (!v) ThrowSemantic("variable `" + e.name + "` is not defined", e.pos);
      e.slot = v->slot;
      return;
    }
    case K::kFunction:
    case K::kCountStar: {
      if (IsAggregate(e)) {
        if (!options.aggregates || e.slot < 0) {
          ThrowSemantic("aggregate function " + (e.kind == K::kCountStar ? std::string("count(*)") : e.name + "()") +
                            " is not allowed in " + options.context + "; aggregate in WITH or RETURN",
                        e.pos);
        }
        return;  // its arguments were bound by the projection planner
      }
      const std::string lower = Lower(e.name);
      if (lower == "exists" && e.args.size() == 1 && e.args[0]->kind == K::kPatternPredicate) {
        BindOptions pattern_options = options;
        pattern_options.predicate = true;
        Bind(*e.args[0], scope, pattern_options);
        e.function_id = FindScalarFunction(lower);
        return;
      }
      e.function_id = FindScalarFunction(lower);
      if (e.function_id < 0) ThrowSemantic("unknown function '" + e.name + "'", e.pos);
      const FunctionInfo& info = ScalarFunctionInfo(e.function_id);
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
      for (auto& a : e.args) Bind(*a, scope, options);
      if (e.args.size() == 1) {
        auto k = StaticKind(*e.args[0], scope);
        if (k && lower == "size" && (*k == Value::Kind::kPath || *k == Value::Kind::kNode ||
                                     *k == Value::Kind::kRelationship || *k == Value::Kind::kMap)) {
          ThrowSemantic("size() takes a list or a string, got " + std::string(ValueKindName(*k)) +
                            (*k == Value::Kind::kPath ? "; use length() for a path" : ""),
                        e.pos);
        }
        if (k && lower == "length" && *k != Value::Kind::kPath && *k != Value::Kind::kString &&
            *k != Value::Kind::kList) {
          ThrowSemantic("length() takes a path, got " + std::string(ValueKindName(*k)), e.pos);
        }
        if (k && lower == "labels" && *k != Value::Kind::kNode) {
          ThrowSemantic("labels() takes a node, got " + std::string(ValueKindName(*k)), e.pos);
        }
        if (k && lower == "type" && *k != Value::Kind::kRelationship) {
          ThrowSemantic("type() takes a relationship, got " + std::string(ValueKindName(*k)), e.pos);
        }
        if (k && (lower == "properties" || lower == "keys") && *k != Value::Kind::kNode &&
            *k != Value::Kind::kRelationship && *k != Value::Kind::kMap) {
          ThrowSemantic(lower + "() takes a node, a relationship or a map, got " + ValueKindName(*k), e.pos);
        }
      }
      return;
    }
    case K::kListComprehension:
    case K::kQuantifier: {
      Bind(*e.args[0], scope, options);
      Scope inner = scope;
      e.slot = NewSlot();
      inner.vars[e.name] = Var{e.slot, VarKind::kValue, ElementKind(*e.args[0], scope)};
      BindOptions inner_options = options;
      inner_options.projected = nullptr;
      for (size_t i = 1; i < e.args.size(); ++i) {
        if (e.args[i]) Bind(*e.args[i], inner, inner_options);
      }
      return;
    }
    case K::kReduce: {
      Bind(*e.args[0], scope, options);
      Bind(*e.args[1], scope, options);
      Scope inner = scope;
      e.slot2 = NewSlot();  // accumulator
      e.slot = NewSlot();   // element
      inner.vars[e.name] = Var{e.slot2, VarKind::kValue};
      inner.vars[e.keys.at(0)] = Var{e.slot, VarKind::kValue};
      BindOptions inner_options = options;
      inner_options.projected = nullptr;
      Bind(*e.args[2], inner, inner_options);
      return;
    }
    case K::kPatternPredicate: {
      if (!outer.predicate) {
        ThrowSemantic("a pattern can stand as an expression only as a predicate (in WHERE, or inside exists()); "
                      "use a pattern comprehension [(a)-->(b) | b] for a list",
                      e.pos);
      }
      plan_->pattern_plans[&e] = PlanPatternExpression(*e.pattern, scope, false);
      return;
    }
    case K::kPatternComprehension: {
      Scope inner = scope;
      plan_->pattern_plans[&e] = PlanPatternExpression(*e.pattern, inner, true);
      BindOptions inner_options = options;
      inner_options.projected = nullptr;
      for (auto& a : e.args) {
        if (a) Bind(*a, inner, inner_options);
      }
      return;
    }
    case K::kProperty: {
      Bind(*e.args[0], scope, options);
      auto k = StaticKind(*e.args[0], scope);
      if (k && *k != Value::Kind::kNode && *k != Value::Kind::kRelationship && *k != Value::Kind::kMap &&
          *k != Value::Kind::kDate) {
        ThrowSemantic("cannot read property '" + e.name + "' of " + ValueKindName(*k), e.pos);
      }
      return;
    }
    case K::kMapProjection: {
      Bind(*e.args[0], scope, options);
      for (auto& item : e.map_items) {
        if (item.kind == ast::MapProjectionItem::Kind::kVariable) {
          if (!item.value) item.value = MakeVariable(item.key, e.pos);
          Bind(*item.value, scope, options);
        } else if (item.value) {
          Bind(*item.value, scope, options);
        }
      }
      return;
    }
    case K::kExistsSubquery:
      ThrowUnsupported("EXISTS { ... } subqueries", e.pos);
    default:
      break;
  }
  for (auto& a : e.args) {
    if (a) Bind(*a, scope, options);
  }
  if (e.case_subject) Bind(*e.case_subject, scope, options);
  for (auto& w : e.whens) Bind(*w, scope, options);
  for (auto& t : e.thens) Bind(*t, scope, options);
  if (e.case_else) Bind(*e.case_else, scope, options);
  CheckOperandKinds(e, scope);
}

}  // namespace kg::planner
