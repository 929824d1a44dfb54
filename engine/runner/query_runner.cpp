#include "runner/query_runner.h"

#include <chrono>
#include <cstdio>
#include <unordered_set>

#include "exec/expression_evaluator.h"
#include "exec/memory_budget.h"
#include "exec/query_error.h"
#include "exec/value_ops.h"
#include "planner/planner.h"
#include "storage/transaction.h"

namespace kg {

namespace {

// Runs the nested plans of pattern predicates, pattern comprehensions and
// EXISTS / COUNT subqueries.
class PlanPatternEvaluator : public PatternEvaluator {
 public:
  PlanPatternEvaluator(Plan* plan, ExecContext* ctx) : plan_(plan), ctx_(ctx) {}

  bool Exists(const bound::Expr& expr, Row& row) override {
    Operator* op = Find(expr);
    Row copy = row;
    Grow(&copy);
    op->Open(*ctx_);
    return op->Next(*ctx_, copy);
  }

  ValueList Comprehend(const bound::Expr& expr, Row& row) override {
    Operator* op = Find(expr);
    Row copy = row;
    Grow(&copy);
    op->Open(*ctx_);
    ValueList out;
    while (op->Next(*ctx_, copy)) {
      if (!expr.args.empty() && expr.args[0] && !IsTrue(Evaluate(*expr.args[0], copy, ctx_->eval))) continue;
      out.push_back(expr.args.size() > 1 && expr.args[1] ? Evaluate(*expr.args[1], copy, ctx_->eval) : Value());
    }
    return out;
  }

  bool SubqueryExists(const bound::Expr& expr, Row& row) override {
    SubqueryPlan& sub = FindSubquery(expr);
    for (OperatorPtr& part : sub.parts) {
      Row copy = row;
      Grow(&copy);
      part->Open(*ctx_);
      if (part->Next(*ctx_, copy)) return true;
    }
    return false;
  }

  int64_t SubqueryCount(const bound::Expr& expr, Row& row) override {
    SubqueryPlan& sub = FindSubquery(expr);
    int64_t count = 0;
    std::unordered_set<std::vector<Value>, RowHash, RowEquivalent> seen;
    for (size_t i = 0; i < sub.parts.size(); ++i) {
      Row copy = row;
      Grow(&copy);
      sub.parts[i]->Open(*ctx_);
      while (sub.parts[i]->Next(*ctx_, copy)) {
        if (sub.distinct) {
          std::vector<Value> columns;
          for (int s : sub.column_slots[i]) columns.push_back(copy[s]);
          if (!seen.insert(std::move(columns)).second) continue;
        }
        ++count;
      }
    }
    return count;
  }

 private:
  SubqueryPlan& FindSubquery(const bound::Expr& expr) {
    auto it = plan_->subquery_plans.find(&expr);
    if (it == plan_->subquery_plans.end()) ThrowRuntime("internal error: a subquery was not planned");
    return it->second;
  }
  Operator* Find(const bound::Expr& expr) {
    auto it = plan_->pattern_plans.find(&expr);
    if (it == plan_->pattern_plans.end()) ThrowRuntime("internal error: a pattern expression was not planned");
    return it->second.get();
  }
  void Grow(Row* row) {
    if (row->size() < plan_->width) row->resize(plan_->width);
  }

  Plan* plan_;
  ExecContext* ctx_;
};

const char* FirstWriteWord(const ast::Statement& s) {
  for (const auto& part : s.query.parts) {
    for (const auto& c : part.clauses) {
      if (ast::IsWriteClause(c.kind)) return ast::ClauseName(c.kind);
    }
  }
  return "this statement";
}

// "the statement ran longer than the 30 s timeout; it changed nothing"
Status TimeoutError(std::chrono::milliseconds timeout) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%g", static_cast<double>(timeout.count()) / 1000.0);
  return Status::Runtime(std::string("the statement ran longer than the ") + seconds +
                         " s timeout; it changed nothing");
}

}  // namespace

Result<std::unique_ptr<Plan>> PlanStatement(const ast::Statement& statement, const Catalog& catalog,
                                            const ProcedureRegistry& procedures) {
  try {
    return std::make_unique<Plan>(PlanQuery(statement.query, catalog, &procedures));
  } catch (const QueryError& e) {
    return e.status();
  }
}

Result<QueryResult> RunPlan(GraphStore& store, const ast::Statement& statement, Plan& plan, const ValueMap& params,
                            const RunOptions& options) {
  const bool explain = statement.kind == ast::Statement::Kind::kExplain;
  const bool profile = statement.kind == ast::Statement::Kind::kProfile;
  QueryResult result;
  result.columns = plan.columns;
  if (explain) {
    result.plan = DescribePlan(*plan.root, false);
    if (options.as_of) {
      result.plan = "As of " + options.as_of->ToIsoString() +
                    ": every relationship matched must hold that day (valid_from/valid_to, or reported)\n" +
                    result.plan;
    }
    return result;
  }
  if (plan.writes && options.as_of) {
    return Status::Usage("as of " + options.as_of->ToIsoString() + " the graph is read as it was: " +
                         FirstWriteWord(statement) + " is not allowed (turn as-of off to write)");
  }
  if (plan.writes && store.read_only()) {
    return Status::Usage(std::string("the database is open read-only: ") + FirstWriteWord(statement) +
                         " is not allowed");
  }
  std::unique_ptr<Transaction> txn;
  if (plan.writes) {
    KG_ASSIGN_OR_RETURN(txn, store.BeginWrite());
  } else {
    KG_ASSIGN_OR_RETURN(txn, store.BeginRead());
  }
  ExecContext ctx;
  ctx.txn = txn.get();
  ctx.stats = &result.stats;
  ctx.max_path_length = options.max_path_length;
  ctx.project_after_steps = options.project_after_steps;
  ctx.interrupt = options.timeout.count() > 0
                      ? StopSignal(options.interrupt, StopSignal::Clock::now() + options.timeout)
                      : StopSignal(options.interrupt);
  MemoryBudget memory(options.memory_limit);
  ctx.eval.memory = &memory;
  ctx.eval.interrupt = &ctx.interrupt;
  ctx.progress = options.progress;
  ctx.profile = profile;
  if (options.as_of) {
    ctx.as_of.emplace();
    ctx.as_of->day = *options.as_of;
  }
  ctx.eval.txn = txn.get();
  ctx.eval.params = &params;
  ctx.eval.sources = options.sources;
  PlanPatternEvaluator patterns(&plan, &ctx);
  ctx.eval.patterns = &patterns;
  // Each statement runs in its own transaction, so both clocks read the same.
  ctx.eval.statement_time_nanos =
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  ctx.eval.transaction_time_nanos = ctx.eval.statement_time_nanos;

  try {
    const auto start = std::chrono::steady_clock::now();
    Row row(plan.width);
    plan.root->Open(ctx);
    while (plan.root->Next(ctx, row)) {
      if (!plan.has_result) continue;
      std::vector<Value> out;
      out.reserve(plan.column_slots.size());
      for (int s : plan.column_slots) out.push_back(Materialise(row[s], ctx.eval));
      memory.Charge(ApproxBytes(out));
      result.rows.push_back(std::move(out));
    }
    // Rows kept by operators (sorts, groups, eager buffers) go now, before
    // the transaction they were read in: a cached plan keeps none of them.
    plan.root->Close();
    for (auto& [expr, op] : plan.pattern_plans) op->Close();
    for (auto& [expr, sub] : plan.subquery_plans) {
      for (OperatorPtr& part : sub.parts) part->Close();
    }
    if (plan.writes) KG_RETURN_IF_ERROR(txn->Commit());
    if (profile) {
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      result.plan = DescribePlan(*plan.root, true);
      char buf[64];
      std::snprintf(buf, sizeof buf, "total %.3f ms, %zu row%s\n", ms, result.rows.size(),
                    result.rows.size() == 1 ? "" : "s");
      result.plan += buf;
      // The first whole-graph query of a state pays for the projection.
      const Transaction::ProjectionBuilt& built = txn->projection_built();
      if (built.nodes_seconds > 0 || built.adjacency_seconds > 0) {
        std::snprintf(buf, sizeof buf, "of which building the graph projection: %.3f ms\n",
                      (built.nodes_seconds + built.adjacency_seconds) * 1000.0);
        result.plan += buf;
      }
      for (const std::string& note : ctx.profile_notes) result.plan += note + "\n";
    }
  } catch (const QueryError& e) {
    // The transaction is destroyed uncommitted: nothing changed.
    if (e.status().Is(ErrorKind::kInterrupted) && !ctx.interrupt.FlagSet() && ctx.interrupt.TimedOut()) {
      return TimeoutError(options.timeout);
    }
    return e.status();
  }
  return result;
}

Result<QueryResult> RunStatement(GraphStore& store, const ProcedureRegistry& procedures,
                                 const ast::Statement& statement, const ValueMap& params, const RunOptions& options) {
  try {
    switch (statement.kind) {
      case ast::Statement::Kind::kCreateIndex: {
        if (store.read_only()) return Status::Usage("the database is open read-only: CREATE INDEX is not allowed");
        KG_RETURN_IF_ERROR(store.CreateIndex(statement.index_label, statement.index_property));
        return QueryResult{};
      }
      case ast::Statement::Kind::kDropIndex: {
        if (store.read_only()) return Status::Usage("the database is open read-only: DROP INDEX is not allowed");
        KG_RETURN_IF_ERROR(store.DropIndex(statement.index_label, statement.index_property));
        return QueryResult{};
      }
      case ast::Statement::Kind::kCreateFullTextIndex: {
        if (store.read_only()) return Status::Usage("the database is open read-only: CREATE INDEX is not allowed");
        if (store.catalog()->FindFullTextIndex(statement.index_name)) {
          if (statement.if_exists) return QueryResult{};
          return Status::Semantic("an index named '" + statement.index_name + "' already exists",
                                  statement.index_name_pos);
        }
        KG_RETURN_IF_ERROR(
            store.CreateFullTextIndex(statement.index_name, statement.index_labels, statement.index_properties));
        return QueryResult{};
      }
      case ast::Statement::Kind::kDropNamedIndex: {
        if (store.read_only()) return Status::Usage("the database is open read-only: DROP INDEX is not allowed");
        if (!store.catalog()->FindFullTextIndex(statement.index_name)) {
          if (statement.if_exists) return QueryResult{};
          return Status::Semantic("there is no index named '" + statement.index_name +
                                      "' (CALL db.indexes() lists them; DROP INDEX ON :Label(key) drops a "
                                      "property index)",
                                  statement.index_name_pos);
        }
        KG_RETURN_IF_ERROR(store.DropFullTextIndex(statement.index_name));
        return QueryResult{};
      }
      default: {
        std::shared_ptr<const Catalog> catalog = store.catalog();
        KG_ASSIGN_OR_RETURN(std::unique_ptr<Plan> plan, PlanStatement(statement, *catalog, procedures));
        return RunPlan(store, statement, *plan, params, options);
      }
    }
  } catch (const QueryError& e) {
    // The transaction (if any) was destroyed uncommitted: nothing changed.
    return e.status();
  }
}

}  // namespace kg
