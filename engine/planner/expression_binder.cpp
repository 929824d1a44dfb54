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

bool QueryPlanner::IsAggregate(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::kCountStar) return true;
  return e.kind == ast::ExprKind::kFunction && IsAggregateFunction(Lower(e.name));
}

void QueryPlanner::CollectAggregates(ast::Expr& e, std::vector<ast::Expr*>* out) {
  if (IsAggregate(e)) {
    out->push_back(&e);
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

void QueryPlanner::Bind(ast::Expr& e, Scope& scope, const BindOptions& options) {
  using K = ast::ExprKind;
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
        Bind(*e.args[0], scope, options);
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
      return;
    }
    case K::kListComprehension:
    case K::kQuantifier: {
      Bind(*e.args[0], scope, options);
      Scope inner = scope;
      e.slot = NewSlot();
      inner.vars[e.name] = Var{e.slot, VarKind::kValue};
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
}

}  // namespace kg::planner
