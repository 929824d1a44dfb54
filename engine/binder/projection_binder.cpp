// Binding WITH and RETURN: the items (RETURN * written out), their column
// names, aggregation (keys, aggregate calls, what is computed around them),
// ORDER BY, SKIP, LIMIT and WITH's WHERE, with the scope rules of each.
#include "binder/projection_binder.h"

#include <set>

#include "binder/subquery_binder.h"
#include "exec/query_error.h"

namespace kg::binder {

namespace {

// SKIP and LIMIT take a constant: a literal, a parameter, or an expression
// of those.
void CheckConstant(const ast::Expr& e, const char* what) {
  std::set<std::string> vars;
  CollectVariables(e, &vars);
  if (!vars.empty()) {
    ThrowSemantic(
        std::string(what) + " takes a constant (a number or a parameter), not an expression of `" + *vars.begin() + "`",
        e.pos);
  }
  if (e.kind == ast::ExprKind::kLiteral) {
    if (e.value.is_int() && e.value.as_int() < 0) {
      ThrowSemantic(std::string(what) + " takes a non-negative integer, got " + e.value.ToString(), e.pos);
    }
    if (!e.value.is_int()) {
      ThrowSemantic(std::string(what) + " takes a non-negative integer, got " + e.value.ToString(), e.pos);
    }
  }
}

[[noreturn]] void ThrowNotGrouped(const std::string& name, Position pos) {
  ThrowSemantic("`" + name +
                    "` is used next to an aggregate but is not a grouping key; return it as its own "
                    "column or aggregate it",
                pos);
}

// `scope`: the variables before the projection. A subquery reads those it
// names (it may not declare one of the same name), so they must be keys too.
void CheckGroupedExpression(const ast::Expr& e, const std::set<std::string>& keys, const Scope& scope) {
  if (IsAggregate(e) || keys.count(e.text)) return;
  if (e.kind == ast::ExprKind::kVariable) ThrowNotGrouped(e.name, e.pos);
  if (e.subquery) {
    std::set<std::string> names;
    CollectQueryVariables(*e.subquery, &names);
    for (const std::string& name : names) {
      if (scope.Find(name) && !keys.count(name)) ThrowNotGrouped(name, e.pos);
    }
    return;
  }
  if (e.kind == ast::ExprKind::kListComprehension || e.kind == ast::ExprKind::kQuantifier ||
      e.kind == ast::ExprKind::kReduce || e.kind == ast::ExprKind::kPatternComprehension) {
    return;  // they bind their own variables; leave them to run-time
  }
  for (const auto& a : e.args) {
    if (a) CheckGroupedExpression(*a, keys, scope);
  }
  if (e.case_subject) CheckGroupedExpression(*e.case_subject, keys, scope);
  for (const auto& w : e.whens) CheckGroupedExpression(*w, keys, scope);
  for (const auto& t : e.thens) CheckGroupedExpression(*t, keys, scope);
  if (e.case_else) CheckGroupedExpression(*e.case_else, keys, scope);
}

}  // namespace

BoundProjection BindProjection(ExpressionBinder& binder, ExpressionBinder::Host& host, const ast::Clause& clause,
                               Scope& scope, bool is_return, const Scope* outer) {
  BoundProjection out;
  const ast::Projection& proj = clause.projection;
  const char* clause_name = is_return ? "RETURN" : "WITH";
  // Items: `*` first (the variables in scope, by name), then the listed ones.
  struct Item {
    const ast::Expr* expr;
    std::string name;
    bool aggregating = false;
    int slot = -1;
    std::optional<Value::Kind> static_kind;
    bound::ExprPtr value = nullptr;
  };
  std::vector<Item> items;
  std::vector<ast::ExprPtr> star_variables;  // RETURN *'s items, written out
  if (proj.star) {
    bool any = false;
    for (const auto& [name, v] : scope.vars) {
      if (name.empty() || name[0] == ' ') continue;
      any = true;
      auto variable = std::make_unique<ast::Expr>();
      variable->kind = ast::ExprKind::kVariable;
      variable->name = name;
      variable->text = name;
      variable->pos = clause.pos;
      star_variables.push_back(std::move(variable));
      items.push_back(Item{star_variables.back().get(), name, false, -1, std::nullopt, nullptr});
    }
    if (!any && is_return && proj.items.empty()) {
      ThrowSemantic("RETURN * needs at least one variable in scope", clause.pos);
    }
  }
  for (const auto& item : proj.items) {
    if (!is_return && !item.has_alias && item.expr->kind != ast::ExprKind::kVariable) {
      ThrowSemantic("expression in WITH must be aliased (use AS): " + item.expr->text, item.expr->pos);
    }
    items.push_back(Item{item.expr.get(), item.alias, false, -1, std::nullopt, nullptr});
  }
  {
    std::set<std::string> names;
    for (const Item& it : items) {
      if (!names.insert(it.name).second) {
        ThrowSemantic("column name `" + it.name + "` is used more than once in " + clause_name, clause.pos);
      }
    }
  }
  // Aggregation.
  std::vector<const ast::Expr*> aggregate_calls;
  for (Item& it : items) {
    std::vector<const ast::Expr*> calls;
    CollectAggregates(*it.expr, &calls);
    it.aggregating = !calls.empty();
    for (const ast::Expr* c : calls) aggregate_calls.push_back(c);
  }
  const bool aggregating = !aggregate_calls.empty();
  // Outside its aggregates, an aggregating item (or ORDER BY key) may use
  // only grouping keys (or constants): `me.age + count(*)` needs `me.age`
  // (or `me`) among the keys, as openCypher requires; a key that is a
  // larger expression (`me.age + you.age`) does not lend its parts.
  std::set<std::string> key_texts;
  for (const Item& it : items) {
    if (!it.aggregating && (it.expr->kind == ast::ExprKind::kVariable || it.expr->kind == ast::ExprKind::kProperty)) {
      key_texts.insert(it.expr->text);
    }
  }
  Scope new_scope;
  std::map<const ast::Expr*, int> aggregate_slots;  // where the Aggregate operator leaves each call's result
  BindOptions options;
  options.context = clause_name;
  if (aggregating) {
    for (Item& it : items) {
      if (it.aggregating) continue;
      it.value = binder.Bind(*it.expr, scope, options);
      it.slot = host.NewSlot();
      it.static_kind = it.value->static_kind;
    }
    for (const ast::Expr* call : aggregate_calls) {
      BindOptions arg_options;
      arg_options.context = "an aggregate's argument";
      bound::ExprPtr bound_call = binder.BindAggregateCall(*call, scope, arg_options);
      const int slot = host.NewSlot();
      aggregate_slots[call] = slot;
      out.aggregates.push_back(BoundProjection::Aggregate{std::move(bound_call), slot});
    }
    for (const Item& it : items) {
      if (it.aggregating) CheckGroupedExpression(*it.expr, key_texts, scope);
    }
    // Expressions around aggregates are computed on the grouped rows.
    options.aggregates = true;
    options.aggregate_slots = &aggregate_slots;
    for (Item& it : items) {
      if (!it.aggregating) continue;
      it.value = binder.Bind(*it.expr, scope, options);
      it.slot = host.NewSlot();
    }
    options.aggregates = false;
    options.aggregate_slots = nullptr;
  } else {
    for (Item& it : items) {
      it.value = binder.Bind(*it.expr, scope, options);
      it.slot = host.NewSlot();
      it.static_kind = it.value->static_kind;
    }
  }
  for (const Item& it : items) {
    VarKind kind = VarKind::kValue;
    std::optional<Value::Kind> static_kind;
    if (it.expr->kind == ast::ExprKind::kVariable) {
      if (const Var* v = scope.Find(it.expr->name)) kind = v->kind, static_kind = v->static_kind;
    } else if (!it.aggregating) {
      static_kind = it.static_kind;
    }
    new_scope.vars[it.name] = Var{it.slot, kind, static_kind};
  }
  out.distinct = proj.distinct;
  // ORDER BY sees the projected names and, unless the projection grouped or
  // removed duplicates, the variables from before it too.
  if (!proj.order_by.empty()) {
    Scope order_scope = (proj.distinct || aggregating) ? (outer ? *outer : Scope{}) : scope;
    for (const auto& [name, v] : new_scope.vars) order_scope.vars[name] = v;
    std::map<std::string, int> projected;
    for (const Item& it : items) projected[it.expr->text] = it.slot;
    BindOptions order_options;
    order_options.context = "ORDER BY";
    order_options.projected = &projected;
    for (const auto& s : proj.order_by) {
      std::vector<const ast::Expr*> calls;
      CollectAggregates(*s.expr, &calls);
      if (!calls.empty() && !aggregating) {
        ThrowSemantic("ORDER BY cannot aggregate unless the projection does: " + s.expr->text, s.expr->pos);
      }
      for (const ast::Expr* call : calls) {
        if (projected.find(call->text) == projected.end() && projected.find(s.expr->text) == projected.end()) {
          ThrowUnsupported("ORDER BY an aggregate that the projection does not return: " + call->text, call->pos);
        }
      }
      if (!calls.empty() && projected.find(s.expr->text) == projected.end()) {
        // The projection's names stand for their columns here.
        std::set<std::string> order_keys = key_texts;
        for (const Item& it : items) {
          if (it.name != it.expr->text || it.expr->kind == ast::ExprKind::kVariable) order_keys.insert(it.name);
        }
        CheckGroupedExpression(*s.expr, order_keys, scope);
      }
      bound::ExprPtr key;
      try {
        key = binder.Bind(*s.expr, order_scope, order_options);
      } catch (const QueryError& e) {
        if ((proj.distinct || aggregating) && scope.Find(s.expr->name.empty() ? s.expr->text : s.expr->name)) {
          ThrowSemantic("ORDER BY after " + std::string(proj.distinct ? "DISTINCT" : "aggregation") +
                            " can only use the projected columns: " + s.expr->text,
                        s.expr->pos);
        }
        throw;
      }
      out.order_by.push_back(BoundProjection::SortKey{std::move(key), s.descending, s.expr->text});
    }
  }
  // SKIP and LIMIT are constants: bound in an empty scope.
  {
    Scope empty;
    BindOptions count_options;
    if (proj.skip) {
      count_options.context = "SKIP";
      CheckConstant(*proj.skip, "SKIP");
      out.skip = binder.Bind(*proj.skip, empty, count_options);
    }
    if (proj.limit) {
      count_options.context = "LIMIT";
      CheckConstant(*proj.limit, "LIMIT");
      out.limit = binder.Bind(*proj.limit, empty, count_options);
    }
  }
  if (proj.where) {
    // Like ORDER BY, WITH's WHERE may also read the variables from before
    // the projection unless it grouped or removed duplicates.
    Scope where_scope = (proj.distinct || aggregating) ? (outer ? *outer : Scope{}) : scope;
    for (const auto& [name, v] : new_scope.vars) where_scope.vars[name] = v;
    BindOptions where_options;
    where_options.context = "WHERE";
    where_options.predicate = true;
    std::map<std::string, int> projected;
    for (const Item& it : items) projected[it.expr->text] = it.slot;
    where_options.projected = &projected;
    out.where = binder.Bind(*proj.where, where_scope, where_options);
    CheckPredicateKind(*out.where);
    out.where_text = proj.where->text;
  }
  scope = new_scope;
  for (Item& it : items) {
    out.items.push_back(BoundProjection::Item{it.name, it.expr->text, it.slot, it.aggregating, std::move(it.value)});
  }
  return out;
}

}  // namespace kg::binder
