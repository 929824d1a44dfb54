// What evaluating an expression needs besides the row: the transaction to
// read properties, labels and types from, the query's parameters, and the
// hook that matches patterns used inside expressions.
#pragma once

#include <cstdint>
#include <vector>

#include "common/stop_signal.h"
#include "common/value.h"
#include "exec/bound_expression.h"

namespace kg {

class MemoryBudget;
class SourceFiles;
class Transaction;
using Row = std::vector<Value>;

// Matches a pattern used inside an expression (a pattern predicate in WHERE,
// a pattern comprehension) against the graph, and runs the subqueries of
// EXISTS { } and COUNT { }, with the variables the row already binds. The
// planner plans each such pattern and subquery on its own; the runner
// (runner/query_runner.cpp) implements this by running those plans.
class PatternEvaluator {
 public:
  virtual ~PatternEvaluator() = default;
  // kPatternPredicate: whether at least one match exists.
  virtual bool Exists(const bound::Expr& expr, Row& row) = 0;
  // kPatternComprehension: one value of expr.args[1] per match passing expr.args[0].
  virtual ValueList Comprehend(const bound::Expr& expr, Row& row) = 0;
  // kExistsSubquery: whether the subquery gives at least one row.
  virtual bool SubqueryExists(const bound::Expr& expr, Row& row) = 0;
  // kCountSubquery: how many rows the subquery gives.
  virtual int64_t SubqueryCount(const bound::Expr& expr, Row& row) = 0;
};

struct EvalContext {
  Transaction* txn = nullptr;
  const ValueMap* params = nullptr;
  PatternEvaluator* patterns = nullptr;
  // The clocks of datetime.statement() / .transaction(): the instant the
  // statement (and its transaction) started, in nanoseconds since
  // 1970-01-01T00:00Z; 0 when the runner did not set them (then "now").
  int64_t statement_time_nanos = 0;
  int64_t transaction_time_nanos = 0;
  // Evidence: the article texts kg.evidence() reads (the database's sources
  // directory, common/source_files.h); null when none was set up.
  SourceFiles* sources = nullptr;
  // The statement's memory budget (exec/memory_budget.h): functions that
  // make big values check it first; null: none (constant folding, tests).
  MemoryBudget* memory = nullptr;
  // The statement's stop signal (ExecContext::interrupt), for loops over
  // long lists inside one expression (comprehensions, reduce()); null: none.
  const StopSignal* interrupt = nullptr;
  uint32_t interrupt_checks = 0;
};

// Ends the statement (kInterrupted) when it was asked to stop or ran out of
// time; reads the clock once in 1024 calls.
void CheckInterrupt(EvalContext& ctx);

}  // namespace kg
