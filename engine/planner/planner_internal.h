// The planner's working state, shared by its source files:
// planner.cpp (clauses, projections), pattern_planner.cpp (MATCH, CREATE,
// MERGE patterns), call_planner.cpp (CALL) and made_expressions.cpp
// (expressions the planner writes itself). Expressions are bound by
// binder/; the planner reads the AST and never changes it.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "binder/expression_binder.h"
#include "binder/scope.h"
#include "exec/graph_operators.h"
#include "exec/operator.h"
#include "exec/query_error.h"
#include "exec/write_operators.h"
#include "parser/ast.h"
#include "planner/planner.h"

namespace kg::planner {

using binder::BindOptions;
using binder::CheckPredicateKind;
using binder::CollectAggregates;
using binder::CollectVariables;
using binder::IsAggregate;
using binder::Scope;
using binder::Var;
using binder::VarKind;
using binder::VarKindName;

class QueryPlanner : public binder::ExpressionBinder::Host {
 public:
  QueryPlanner(const Catalog& catalog, const ProcedureRegistry* procedures, Plan* plan)
      : catalog_(catalog), procedures_(procedures), plan_(plan), binder_(*this) {}

  // One part of a UNION (or the whole query): returns the root and fills
  // columns / column slots / width.
  OperatorPtr PlanSingleQuery(const ast::SingleQuery& q, std::vector<std::string>* columns,
                              std::vector<int>* column_slots, size_t* width, bool* has_result);
  // The clauses of `q` stacked on `plan`, in `scope`. `outer` is the scope
  // around a subquery (nullptr for a query of its own): its variables stay
  // visible after every WITH, and the subquery may end with any clause.
  OperatorPtr PlanClauses(const ast::SingleQuery& q, OperatorPtr plan, Scope& scope, const Scope* outer,
                          std::vector<std::string>* columns, std::vector<int>* column_slots, bool* has_result);

  // `e` bound (binder/expression_binder.h), owned by the plan.
  const bound::Expr* Bind(const ast::Expr& e, Scope& scope, const BindOptions& options) {
    return Own(binder_.Bind(e, scope, options));
  }
  binder::ExpressionBinder& binder() { return binder_; }
  const bound::Expr* Own(bound::ExprPtr e) {
    plan_->expressions.push_back(std::move(e));
    return plan_->expressions.back().get();
  }
  // An expression the planner writes itself (a property map's
  // `n.key = value`, RETURN *'s variables): kept while planning.
  const ast::Expr* Made(ast::ExprPtr e) {
    made_.push_back(std::move(e));
    return made_.back().get();
  }

  // ---- pattern_planner.cpp ----
  OperatorPtr PlanMatch(OperatorPtr input, const ast::Clause& clause, Scope& scope, std::vector<int>* new_slots);
  OperatorPtr PlanCreate(OperatorPtr input, const ast::Clause& clause, Scope& scope);
  OperatorPtr PlanMerge(OperatorPtr input, const ast::Clause& clause, Scope& scope);
  // A pattern inside an expression: plans it on an Argument leaf, kept in
  // the plan under `at` (ExpressionBinder::Host).
  void PlanPatternExpression(const ast::PatternPart& part, Scope& scope, bool allow_new_variables,
                             const bound::Expr& at) override;

  int NewSlot() override { return static_cast<int>(width_++); }

  // ---- subquery_planner.cpp ----
  // EXISTS { } and COUNT { }: plans each part of the subquery on an
  // Argument leaf, kept in the plan under `at` (ExpressionBinder::Host).
  void PlanSubquery(const ast::Query& query, Scope& scope, const bound::Expr& at) override;

  // ---- call_planner.cpp ----
  // CALL; `standalone` when it is the whole query (then its columns are the
  // result's).
  OperatorPtr PlanCall(OperatorPtr input, const ast::Clause& clause, Scope& scope, bool standalone,
                       std::vector<std::string>* columns, std::vector<int>* column_slots);

  const Catalog& catalog_;
  const ProcedureRegistry* procedures_;
  Plan* plan_;
  size_t width_ = 0;

 private:
  // `outer`: as for PlanClauses.
  OperatorPtr PlanProjection(OperatorPtr input, const ast::Clause& clause, Scope& scope, const Scope* outer,
                             bool is_return, std::vector<std::string>* columns, std::vector<int>* column_slots);
  OperatorPtr PlanSet(OperatorPtr input, const std::vector<ast::SetItem>& items, Scope& scope,
                      std::vector<SetSpec>* specs);
  OperatorPtr PlanRemove(OperatorPtr input, const ast::Clause& clause, Scope& scope);
  // The node or relationship a SET or REMOVE item changes: the base of
  // `property` (n of n.name, the key into *key) or, when it is nullptr,
  // `variable`. Adds the item's text to *detail.
  const bound::Expr* BindChanged(const ast::Expr* property, const std::string& variable, Position pos, Scope& scope,
                                 const BindOptions& options, std::string* key, std::string* detail);
  OperatorPtr PlanDelete(OperatorPtr input, const ast::Clause& clause, Scope& scope);

  binder::ExpressionBinder binder_;
  std::vector<ast::ExprPtr> made_;
};

// Helpers to build expressions.
ast::ExprPtr MakeVariable(const std::string& name, Position pos);
ast::ExprPtr MakeProperty(ast::ExprPtr base, const std::string& key, Position pos);
ast::ExprPtr MakeBinary(ast::Op op, ast::ExprPtr a, ast::ExprPtr b, Position pos);
ast::ExprPtr CloneExpr(const ast::Expr& e);
// A copy of a pattern the planner may name anonymous elements in.
ast::PatternPart ClonePattern(const ast::PatternPart& part);
std::vector<ast::PatternPart> ClonePatterns(const std::vector<ast::PatternPart>& parts);

}  // namespace kg::planner
