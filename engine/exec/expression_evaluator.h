// Evaluates bound expressions (exec/bound_expression.h) against a row.
//
// Variables were resolved by the binder to row slots (Expr::slot); the
// evaluator reads row[slot]. Bound variables of comprehensions, quantifiers
// and reduce have slots past the operator's own columns: the evaluator grows
// the row as needed, writes them while it iterates and leaves them behind
// (callers never read those slots). An aggregate call evaluates to
// row[expr.slot] (the aggregation operator put its result there).
//
// Errors (type mismatches, division of integers by zero, a missing
// parameter) are thrown as QueryError with kind kRuntime, or kSemantic with
// the expression's position when the query can never be right.
#pragma once

#include "common/value.h"
#include "exec/bound_expression.h"
#include "exec/eval_context.h"

namespace kg {

Value Evaluate(const bound::Expr& expr, Row& row, EvalContext& ctx);

// Reads a property of a node, relationship or map (null when absent).
Value PropertyOf(const Value& container, const std::string& key, EvalContext& ctx);

// Fills the views of nodes and relationships (labels, type, properties), at
// any depth of lists, maps and paths, so a result can be shown after the
// transaction ends.
Value Materialise(const Value& v, EvalContext& ctx);

}  // namespace kg
