// Runs one parsed statement against the store: plans it, executes the plan
// in one transaction (a write transaction if the statement writes), and
// commits it or rolls it back as a whole.
//
// Planning and running are also offered apart, for the plan cache
// (main/plan_cache.h): a plan made by PlanStatement may be run by RunPlan
// many times, with different parameters, one run at a time. Each run
// reopens every operator, and closes them at its end so that a kept plan
// holds no rows between runs.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

#include "common/date.h"
#include "common/status.h"
#include "common/value.h"
#include "parser/ast.h"
#include "planner/planner.h"
#include "runner/query_result.h"
#include "storage/graph_store.h"

namespace kg {

class SourceFiles;

struct RunOptions {
  int64_t max_path_length = 32;
  int64_t project_after_steps = 4096;            // see ExecContext::project_after_steps
  const std::atomic<bool>* interrupt = nullptr;  // see ExecContext::interrupt
  // The query timeout: a run that takes longer stops with a runtime error
  // and changes nothing. Zero: no timeout.
  std::chrono::milliseconds timeout{0};
  // The memory a run may hold (exec/memory_budget.h); 0: no limit.
  int64_t memory_limit = 0;
  const std::function<void(const std::string&)>* progress = nullptr;  // see ExecContext::progress
  // As-of mode (exec/as_of.h): only relationships that hold on this day
  // match; statements that write are refused.
  std::optional<Date> as_of;
  SourceFiles* sources = nullptr;  // see EvalContext::sources
};

// Plans a query (kQuery, kExplain or kProfile) against `catalog`: the
// binder and the planner read the statement and leave it as it was; the
// plan owns the bound expressions its operators evaluate and points into
// nothing else. A plan depends on nothing but the statement and the catalog
// (names, counts, indexes): the same two always give the same plan.
Result<std::unique_ptr<Plan>> PlanStatement(const ast::Statement& statement, const Catalog& catalog,
                                            const ProcedureRegistry& procedures);

// Runs a plan PlanStatement made for `statement`. After an error the plan
// must not be run again (its operators may hold a half-done state).
Result<QueryResult> RunPlan(GraphStore& store, const ast::Statement& statement, Plan& plan, const ValueMap& params,
                            const RunOptions& options);

// PlanStatement against the store's current catalog and RunPlan, or the
// index statements (CREATE INDEX, DROP INDEX).
Result<QueryResult> RunStatement(GraphStore& store, const ProcedureRegistry& procedures,
                                 const ast::Statement& statement, const ValueMap& params, const RunOptions& options);

}  // namespace kg
