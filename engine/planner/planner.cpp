// Planning clauses: the order of operators for a query part, projections
// (WITH, RETURN) with aggregation, DISTINCT, ORDER BY, SKIP and LIMIT, the
// write clauses, and UNION.
#include "planner/planner.h"

#include <algorithm>
#include <cstdio>

#include "binder/projection_binder.h"
#include "exec/relational_operators.h"
#include "planner/planner_internal.h"

namespace kg {

namespace planner {

namespace {

bool IsReadClause(ast::ClauseKind k) { return k == ast::ClauseKind::kMatch || k == ast::ClauseKind::kMerge; }

}  // namespace

OperatorPtr QueryPlanner::PlanSingleQuery(const ast::SingleQuery& q, std::vector<std::string>* columns,
                                          std::vector<int>* column_slots, size_t* width, bool* has_result) {
  width_ = 0;
  Scope scope;
  OperatorPtr plan = PlanClauses(q, std::make_unique<StartOp>(), scope, nullptr, columns, column_slots, has_result);
  *width = width_;
  return plan;
}

OperatorPtr QueryPlanner::PlanClauses(const ast::SingleQuery& q, OperatorPtr plan, Scope& scope, const Scope* outer,
                                      std::vector<std::string>* columns, std::vector<int>* column_slots,
                                      bool* has_result) {
  bool read_before = false;   // a clause before this one read the graph
  bool wrote_before = false;  // the clause just before wrote
  *has_result = false;
  const size_t n = q.clauses.size();
  for (size_t i = 0; i < n; ++i) {
    const ast::Clause& clause = q.clauses[i];
    const bool last = i + 1 == n;
    if (*has_result) ThrowSemantic("RETURN must be the last clause of a query", clause.pos);
    // Clause-at-a-time semantics where writes are involved: a write clause
    // sees all rows of what came before; a read after a write sees all of
    // the write.
    if (ast::IsWriteClause(clause.kind) && read_before) plan = std::make_unique<EagerOp>(std::move(plan));
    if (IsReadClause(clause.kind) && wrote_before) plan = std::make_unique<EagerOp>(std::move(plan));
    switch (clause.kind) {
      case ast::ClauseKind::kMatch: {
        if (clause.optional) {
          std::vector<int> new_slots;
          OperatorPtr inner = PlanMatch(std::make_unique<ArgumentOp>(), clause, scope, &new_slots);
          plan = std::make_unique<OptionalOp>(std::move(plan), std::move(inner), std::move(new_slots));
        } else {
          plan = PlanMatch(std::move(plan), clause, scope, nullptr);
        }
        break;
      }
      case ast::ClauseKind::kUnwind: {
        BindOptions options;
        options.context = "UNWIND";
        const bound::Expr* list = Bind(*clause.expr, scope, options);
        if (scope.Find(clause.variable)) {
          ThrowSemantic("variable `" + clause.variable + "` is already declared", clause.pos);
        }
        const int slot = NewSlot();
        plan = std::make_unique<UnwindOp>(std::move(plan), list, slot, clause.expr->text + " AS " + clause.variable);
        scope.vars[clause.variable] = Var{slot, VarKind::kValue};
        break;
      }
      case ast::ClauseKind::kWith:
      case ast::ClauseKind::kReturn: {
        const bool is_return = clause.kind == ast::ClauseKind::kReturn;
        plan = PlanProjection(std::move(plan), clause, scope, outer, is_return, columns, column_slots);
        if (is_return) *has_result = true;
        // The variables around a subquery stay visible (none of its own
        // has their names: binder/subquery_binder.h).
        if (outer) scope.vars.insert(outer->vars.begin(), outer->vars.end());
        break;
      }
      case ast::ClauseKind::kCreate:
        plan = PlanCreate(std::move(plan), clause, scope);
        break;
      case ast::ClauseKind::kMerge:
        plan = PlanMerge(std::move(plan), clause, scope);
        break;
      case ast::ClauseKind::kSet: {
        std::vector<SetSpec> specs;
        plan = PlanSet(std::move(plan), clause.set_items, scope, &specs);
        break;
      }
      case ast::ClauseKind::kRemove:
        plan = PlanRemove(std::move(plan), clause, scope);
        break;
      case ast::ClauseKind::kDelete:
        plan = PlanDelete(std::move(plan), clause, scope);
        break;
      case ast::ClauseKind::kCall: {
        // `CALL db.labels()` alone is the whole query, and its columns are the result.
        const bool standalone = n == 1 && !outer;
        plan = PlanCall(std::move(plan), clause, scope, standalone, columns, column_slots);
        if (standalone) *has_result = true;
        break;
      }
    }
    if (ast::IsWriteClause(clause.kind)) {
      plan_->writes = true;
      // Whatever follows (a LIMIT, say) must not stop the write half-way.
      if (!last && !ast::IsWriteClause(q.clauses[i + 1].kind)) plan = std::make_unique<EagerOp>(std::move(plan));
    }
    if (IsReadClause(clause.kind)) read_before = true;
    wrote_before = ast::IsWriteClause(clause.kind);
    if (last && !outer && !*has_result && !ast::IsWriteClause(clause.kind)) {
      ThrowSemantic(std::string("a query cannot end with ") + ast::ClauseName(clause.kind) +
                        "; finish it with RETURN (or a clause that changes the graph)",
                    clause.pos);
    }
  }
  if (n == 0) ThrowSemantic("empty query");
  return plan;
}

OperatorPtr QueryPlanner::PlanProjection(OperatorPtr input, const ast::Clause& clause, Scope& scope, const Scope* outer,
                                         bool is_return, std::vector<std::string>* columns,
                                         std::vector<int>* column_slots) {
  binder::BoundProjection bp = binder::BindProjection(binder_, *this, clause, scope, is_return, outer);
  OperatorPtr plan = std::move(input);
  if (!bp.aggregates.empty()) {
    std::vector<AggregateOp::Key> keys;
    std::vector<AggregateOp::Aggregate> aggregates;
    std::string detail;
    for (auto& it : bp.items) {
      if (it.aggregating) continue;
      const bound::Expr* key = Own(std::move(it.value));
      keys.push_back(AggregateOp::Key{key, it.slot});
      detail += (detail.empty() ? "" : ", ") + key->text;
    }
    detail = "keys [" + detail + "], aggregates [";
    for (auto& a : bp.aggregates) {
      const bound::Expr* call = Own(std::move(a.call));
      detail += (aggregates.empty() ? "" : ", ") + call->text;
      aggregates.push_back(AggregateOp::Aggregate{call, a.slot});
    }
    detail += "]";
    auto aggregate = std::make_unique<AggregateOp>(std::move(plan), std::move(keys), std::move(aggregates), detail);
    // In a subquery the outer row is the same for every row grouped.
    if (outer) {
      std::vector<int> kept;
      for (const auto& [name, v] : outer->vars) kept.push_back(v.slot);
      aggregate->KeepSlots(std::move(kept));
    }
    plan = std::move(aggregate);
    // Expressions around aggregates are computed on the grouped rows.
    std::vector<ProjectOp::Item> post;
    for (auto& it : bp.items) {
      if (it.aggregating) post.push_back(ProjectOp::Item{Own(std::move(it.value)), it.slot});
    }
    if (!post.empty()) plan = std::make_unique<ProjectOp>(std::move(plan), std::move(post), "");
  } else {
    std::vector<ProjectOp::Item> project;
    std::string detail;
    for (auto& it : bp.items) {
      project.push_back(ProjectOp::Item{Own(std::move(it.value)), it.slot});
      detail += (detail.empty() ? "" : ", ") + it.text + (it.text == it.name ? "" : " AS " + it.name);
    }
    plan = std::make_unique<ProjectOp>(std::move(plan), std::move(project), detail);
  }
  if (bp.distinct) {
    std::vector<int> slots;
    for (const auto& it : bp.items) slots.push_back(it.slot);
    plan = std::make_unique<DistinctOp>(std::move(plan), std::move(slots), "");
  }
  const bound::Expr* skip = bp.skip ? Own(std::move(bp.skip)) : nullptr;
  const bound::Expr* limit = bp.limit ? Own(std::move(bp.limit)) : nullptr;
  if (!bp.order_by.empty()) {
    std::vector<SortKey> keys;
    std::string detail;
    for (auto& k : bp.order_by) {
      keys.push_back(SortKey{Own(std::move(k.expr)), k.descending});
      detail += (detail.empty() ? "" : ", ") + k.text + (k.descending ? " DESC" : "");
    }
    auto sort = std::make_unique<SortOp>(std::move(plan), std::move(keys), detail);
    if (limit) sort->KeepTop(skip, limit);
    plan = std::move(sort);
  }
  if (skip || limit) {
    auto skip_limit = std::make_unique<SkipLimitOp>(std::move(plan), skip, limit);
    // After a write, every row must still go through it: the limit drains
    // its input instead of stopping early.
    if (plan_->writes) skip_limit->DrainInput();
    plan = std::move(skip_limit);
  }
  if (bp.where) plan = std::make_unique<FilterOp>(std::move(plan), Own(std::move(bp.where)), bp.where_text);
  if (is_return) {
    columns->clear();
    column_slots->clear();
    for (const auto& it : bp.items) {
      columns->push_back(it.name);
      column_slots->push_back(it.slot);
    }
  }
  return plan;
}

namespace {

SetSpec::Kind SetKindOf(ast::SetItem::Kind k) {
  switch (k) {
    case ast::SetItem::Kind::kProperty:
      return SetSpec::Kind::kProperty;
    case ast::SetItem::Kind::kReplace:
      return SetSpec::Kind::kReplace;
    case ast::SetItem::Kind::kMerge:
      return SetSpec::Kind::kMerge;
    case ast::SetItem::Kind::kLabels:
      break;
  }
  return SetSpec::Kind::kLabels;
}

}  // namespace

const bound::Expr* QueryPlanner::BindChanged(const ast::Expr* property, const std::string& variable, Position pos,
                                             Scope& scope, const BindOptions& options, std::string* key,
                                             std::string* detail) {
  if (!detail->empty()) *detail += ", ";
  if (property == nullptr) {
    *detail += variable;
    return Bind(*Made(MakeVariable(variable, pos)), scope, options);
  }
  if (property->kind != ast::ExprKind::kProperty) {
    ThrowSemantic(std::string(options.context) + " needs a property such as n.name", pos);
  }
  *key = property->name;
  *detail += property->text;
  return Bind(*property->args[0], scope, options);
}

OperatorPtr QueryPlanner::PlanSet(OperatorPtr input, const std::vector<ast::SetItem>& items, Scope& scope,
                                  std::vector<SetSpec>* specs) {
  BindOptions options;
  options.context = "SET";
  std::string detail;
  for (const auto& item : items) {
    SetSpec spec;
    spec.kind = SetKindOf(item.kind);
    spec.value = nullptr;
    spec.labels = item.labels;
    const bool property = item.kind == ast::SetItem::Kind::kProperty;
    spec.entity = BindChanged(property ? item.target.get() : nullptr, item.variable, item.pos, scope, options,
                              &spec.key, &detail);
    if (item.value) spec.value = Bind(*item.value, scope, options);
    specs->push_back(std::move(spec));
  }
  if (!input) return nullptr;
  return std::make_unique<SetOp>(std::move(input), *specs, detail);
}

OperatorPtr QueryPlanner::PlanRemove(OperatorPtr input, const ast::Clause& clause, Scope& scope) {
  BindOptions options;
  options.context = "REMOVE";
  std::vector<RemoveSpec> specs;
  std::string detail;
  for (const auto& item : clause.remove_items) {
    RemoveSpec spec;
    spec.kind = item.kind == ast::RemoveItem::Kind::kProperty ? RemoveSpec::Kind::kProperty : RemoveSpec::Kind::kLabels;
    spec.labels = item.labels;
    const bool property = item.kind == ast::RemoveItem::Kind::kProperty;
    spec.entity = BindChanged(property ? item.target.get() : nullptr, item.variable, item.pos, scope, options,
                              &spec.key, &detail);
    specs.push_back(std::move(spec));
  }
  return std::make_unique<RemoveOp>(std::move(input), std::move(specs), detail);
}

OperatorPtr QueryPlanner::PlanDelete(OperatorPtr input, const ast::Clause& clause, Scope& scope) {
  BindOptions options;
  options.context = "DELETE";
  std::vector<const bound::Expr*> exprs;
  std::string detail;
  for (const auto& e : clause.delete_exprs) {
    if (e->kind == ast::ExprKind::kLabelCheck) {
      ThrowSemantic("DELETE takes nodes, relationships or paths; to remove a label use REMOVE " + e->text, e->pos);
    }
    const bound::Expr* b = Bind(*e, scope, options);
    auto k = b->static_kind;
    if (k && *k != Value::Kind::kNode && *k != Value::Kind::kRelationship && *k != Value::Kind::kPath) {
      ThrowSemantic(std::string("DELETE takes nodes, relationships or paths, got ") + ValueKindName(*k), e->pos);
    }
    exprs.push_back(b);
    detail += (detail.empty() ? "" : ", ") + e->text;
  }
  return std::make_unique<DeleteOp>(std::move(input), std::move(exprs), clause.detach, detail);
}

}  // namespace planner

Plan PlanQuery(const ast::Query& query, const Catalog& catalog, const ProcedureRegistry* procedures) {
  Plan plan;
  planner::QueryPlanner p(catalog, procedures, &plan);
  if (query.parts.size() == 1) {
    plan.root = p.PlanSingleQuery(query.parts[0], &plan.columns, &plan.column_slots, &plan.width, &plan.has_result);
    return plan;
  }
  for (size_t i = 1; i < query.union_all.size(); ++i) {
    if (query.union_all[i] != query.union_all[0]) {
      ThrowSemantic("a query cannot mix UNION and UNION ALL");
    }
  }
  std::vector<UnionOp::Branch> branches;
  for (size_t i = 0; i < query.parts.size(); ++i) {
    std::vector<std::string> columns;
    std::vector<int> slots;
    size_t width = 0;
    bool has_result = false;
    OperatorPtr root = p.PlanSingleQuery(query.parts[i], &columns, &slots, &width, &has_result);
    if (!has_result) ThrowSemantic("every part of a UNION must end with RETURN");
    if (i == 0) {
      plan.columns = columns;
    } else if (columns != plan.columns) {
      ThrowSemantic("all parts of a UNION must return the same columns, in the same order");
    }
    branches.push_back(UnionOp::Branch{std::move(root), width, std::move(slots)});
  }
  plan.has_result = true;
  plan.width = plan.columns.size();
  for (size_t i = 0; i < plan.columns.size(); ++i) plan.column_slots.push_back(static_cast<int>(i));
  plan.root = std::make_unique<UnionOp>(std::move(branches), query.union_all[0]);
  return plan;
}

namespace {

void Describe(const Operator& op, bool profile, int depth, std::string* out) {
  std::string line(depth * 2, ' ');
  line += depth ? "+- " : "";
  line += op.Name();
  const std::string detail = op.Detail();
  if (!detail.empty()) line += " " + detail;
  if (profile) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "  [rows %llu, %.3f ms]", static_cast<unsigned long long>(op.rows()),
                  static_cast<double>(op.nanos()) / 1e6);
    line += buf;
  }
  *out += line + "\n";
  for (const Operator* c : op.Children()) Describe(*c, profile, depth + 1, out);
}

}  // namespace

std::string DescribePlan(const Operator& root, bool profile) {
  std::string out;
  Describe(root, profile, 0, &out);
  return out;
}

}  // namespace kg
