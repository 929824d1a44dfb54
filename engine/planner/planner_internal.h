// The planner's working state, shared by its source files:
// planner.cpp (clauses, projections), pattern_planner.cpp (MATCH, CREATE,
// MERGE patterns) and expression_binder.cpp (resolving expressions).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "exec/graph_operators.h"
#include "exec/operator.h"
#include "exec/query_error.h"
#include "exec/write_operators.h"
#include "parser/ast.h"
#include "planner/planner.h"

namespace kg::planner {

enum class VarKind { kNode, kRel, kRelList, kPath, kValue };

const char* VarKindName(VarKind k);

struct Var {
  int slot;
  VarKind kind;
  // The value's kind when the planner knows it (`WITH 1 AS x`): lets
  // type errors be reported before anything runs.
  std::optional<Value::Kind> static_kind = std::nullopt;
};

// Variables visible at a point of the query, by name (ordered: RETURN *
// lists them alphabetically).
struct Scope {
  std::map<std::string, Var> vars;
  const Var* Find(const std::string& name) const {
    auto it = vars.find(name);
    return it == vars.end() ? nullptr : &it->second;
  }
};

struct BindOptions {
  // Where the expression is, for messages ("WHERE", "SET", ...).
  const char* context = "this expression";
  // Aggregates are allowed (the projection planner has given each a slot).
  bool aggregates = false;
  // ORDER BY after a projection: expressions written like a projected item
  // refer to that item's column.
  const std::map<std::string, int>* projected = nullptr;
  // A boolean position (WHERE, operands of AND/OR/XOR/NOT, exists()): the
  // only place a pattern may stand as an expression.
  bool predicate = false;
};

// The kind an expression's value is sure to have (null counts as none),
// when the planner can tell without running it.
std::optional<Value::Kind> StaticKind(const ast::Expr& e, const Scope& scope);

// WHERE's expression must be able to be boolean.
void CheckPredicateKind(const ast::Expr& e, const Scope& scope);

class QueryPlanner {
 public:
  QueryPlanner(const Catalog& catalog, const ProcedureRegistry* procedures, Plan* plan)
      : catalog_(catalog), procedures_(procedures), plan_(plan) {}

  // One part of a UNION (or the whole query): returns the root and fills
  // columns / column slots / width.
  OperatorPtr PlanSingleQuery(ast::SingleQuery& q, std::vector<std::string>* columns, std::vector<int>* column_slots,
                              size_t* width, bool* has_result);

  // ---- expression_binder.cpp ----
  void Bind(ast::Expr& e, Scope& scope, const BindOptions& options);
  static bool IsAggregate(const ast::Expr& e);
  // Aggregate calls in `e` (not looking inside them).
  static void CollectAggregates(ast::Expr& e, std::vector<ast::Expr*>* out);
  // Names of variables `e` reads (for placing predicates).
  static void CollectVariables(const ast::Expr& e, std::set<std::string>* out);

  // ---- pattern_planner.cpp ----
  OperatorPtr PlanMatch(OperatorPtr input, ast::Clause& clause, Scope& scope, std::vector<int>* new_slots);
  OperatorPtr PlanCreate(OperatorPtr input, ast::Clause& clause, Scope& scope);
  OperatorPtr PlanMerge(OperatorPtr input, ast::Clause& clause, Scope& scope);
  // A pattern inside an expression: plans it on an Argument leaf.
  OperatorPtr PlanPatternExpression(ast::PatternPart& part, Scope& scope, bool allow_new_variables);

  int NewSlot() { return static_cast<int>(width_++); }
  ast::Expr* Own(ast::ExprPtr e) {
    plan_->owned.push_back(std::move(e));
    return plan_->owned.back().get();
  }

  // ---- call_planner.cpp ----
  // CALL; `standalone` when it is the whole query (then its columns are the
  // result's).
  OperatorPtr PlanCall(OperatorPtr input, ast::Clause& clause, Scope& scope, bool standalone,
                       std::vector<std::string>* columns, std::vector<int>* column_slots);

  const Catalog& catalog_;
  const ProcedureRegistry* procedures_;
  Plan* plan_;
  size_t width_ = 0;

 private:
  OperatorPtr PlanProjection(OperatorPtr input, ast::Clause& clause, Scope& scope, bool is_return,
                             std::vector<std::string>* columns, std::vector<int>* column_slots);
  OperatorPtr PlanSet(OperatorPtr input, std::vector<ast::SetItem>& items, Scope& scope, std::vector<SetSpec>* specs);
  OperatorPtr PlanRemove(OperatorPtr input, ast::Clause& clause, Scope& scope);
  OperatorPtr PlanDelete(OperatorPtr input, ast::Clause& clause, Scope& scope);
  void PatternParts(std::vector<ast::PatternPart>& parts, Scope& scope);
};

// Helpers to build expressions.
ast::ExprPtr MakeVariable(const std::string& name, Position pos);
ast::ExprPtr MakeProperty(ast::ExprPtr base, const std::string& key, Position pos);
ast::ExprPtr MakeBinary(ast::Op op, ast::ExprPtr a, ast::ExprPtr b, Position pos);
ast::ExprPtr CloneExpr(const ast::Expr& e);

}  // namespace kg::planner
