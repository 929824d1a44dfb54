// Planning EXISTS { } and COUNT { } subqueries: each part of the subquery is
// a query of its own, planned on an Argument leaf that passes in the outer
// row, with the outer variables in scope throughout. The runner runs the
// parts per outer row (runner/query_runner.cpp).
#include "binder/subquery_binder.h"
#include "exec/relational_operators.h"
#include "planner/planner_internal.h"

namespace kg::planner {

void QueryPlanner::PlanSubquery(const ast::Query& query, Scope& scope, const bound::Expr& at) {
  const std::string what = at.kind == bound::ExprKind::kExistsSubquery ? "EXISTS { ... }" : "COUNT { ... }";
  binder::CheckSubquery(query, scope, what);
  for (size_t i = 1; i < query.union_all.size(); ++i) {
    if (query.union_all[i] != query.union_all[0]) ThrowSemantic(what + " cannot mix UNION and UNION ALL", at.pos);
  }
  SubqueryPlan sub;
  sub.distinct = !query.union_all.empty() && !query.union_all[0];
  std::vector<std::string> first_columns;
  for (size_t i = 0; i < query.parts.size(); ++i) {
    Scope inner = scope;
    std::vector<std::string> columns;
    std::vector<int> slots;
    bool has_result = false;
    sub.parts.push_back(
        PlanClauses(query.parts[i], std::make_unique<ArgumentOp>(), inner, &scope, &columns, &slots, &has_result));
    if (query.parts.size() > 1) {
      if (!has_result) ThrowSemantic("every part of a UNION in " + what + " must end with RETURN", at.pos);
      if (i == 0) {
        first_columns = columns;
      } else if (columns != first_columns) {
        ThrowSemantic("all parts of a UNION in " + what + " must return the same columns, in the same order", at.pos);
      }
    }
    sub.column_slots.push_back(std::move(slots));
  }
  plan_->subquery_plans[&at] = std::move(sub);
}

}  // namespace kg::planner
