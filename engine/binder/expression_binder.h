// ExpressionBinder: turns the parser's expressions into bound expressions
// (exec/bound_expression.h) without changing the AST.
//
// Variables become row slots (from the Scope), scalar functions are
// resolved to their entry in the function table and their number of
// arguments checked, aggregates are given the slot their result is in,
// each node gets the kind its value is sure to have when that is known,
// and the checks that need the scope are made here: unknown variables,
// aggregates where they are not allowed, type errors visible before
// running. Errors are thrown as QueryError (kSemantic, with the position).
//
// Three things the binder asks of its host, the planner: fresh row slots for
// the variables of comprehensions, quantifiers and reduce, a plan for each
// pattern used inside an expression (pattern predicates and pattern
// comprehensions), and a plan for each EXISTS { } and COUNT { } subquery,
// each kept under the bound node that stands for it.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "binder/scope.h"
#include "exec/bound_expression.h"
#include "parser/ast.h"

namespace kg::binder {

struct BindOptions {
  // Where the expression is, for messages ("WHERE", "SET", ...).
  const char* context = "this expression";
  // Aggregates are allowed: each aggregate call's result is in the slot
  // given here (the projection planner placed an Aggregate operator).
  bool aggregates = false;
  const std::map<const ast::Expr*, int>* aggregate_slots = nullptr;
  // ORDER BY after a projection: expressions written like a projected item
  // refer to that item's column.
  const std::map<std::string, int>* projected = nullptr;
  // A boolean position (WHERE, operands of AND/OR/XOR/NOT, exists()): the
  // only place a pattern may stand as an expression.
  bool predicate = false;
};

class ExpressionBinder {
 public:
  class Host {
   public:
    virtual ~Host() = default;
    virtual int NewSlot() = 0;
    // Plans `part` (a pattern inside an expression) with the variables of
    // `scope`, and keeps the plan under `at`. With `allow_new_variables`
    // (a pattern comprehension) the pattern may name new variables, which
    // are added to `scope`.
    virtual void PlanPatternExpression(const ast::PatternPart& part, Scope& scope, bool allow_new_variables,
                                       const bound::Expr& at) = 0;
    // Plans `query` (the subquery of EXISTS { } or COUNT { }, as `at.kind`
    // says) with the variables of `scope` visible inside it, and keeps the
    // plan under `at`. `scope` is left as it was.
    virtual void PlanSubquery(const ast::Query& query, Scope& scope, const bound::Expr& at) = 0;
  };

  explicit ExpressionBinder(Host& host) : host_(host) {}

  bound::ExprPtr Bind(const ast::Expr& e, Scope& scope, const BindOptions& options);
  // An aggregate call as the Aggregate operator computes it: its arguments
  // bound (no aggregate may be nested in them), no result slot.
  bound::ExprPtr BindAggregateCall(const ast::Expr& call, Scope& scope, const BindOptions& options);

 private:
  Host& host_;
};

// count(*), or a call of an aggregate function.
bool IsAggregate(const ast::Expr& e);
// Aggregate calls in `e` (not looking inside them).
void CollectAggregates(const ast::Expr& e, std::vector<const ast::Expr*>* out);
// Names of variables `e` reads (for placing predicates).
void CollectVariables(const ast::Expr& e, std::set<std::string>* out);

// WHERE's expression must be able to be boolean.
void CheckPredicateKind(const bound::Expr& e);

}  // namespace kg::binder
