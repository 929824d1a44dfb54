// Operator: one step of a physical plan.
//
// Plans are trees of operators pulled from the root (the Volcano model). All
// operators of one query part share one row layout: the binder gives every
// variable (and every hidden intermediate) its own slot, so an operator
// writes only its own slots and leaves those of its inputs alone. One Row
// object travels down the tree: Next(ctx, row) asks the operator to fill
// `row` with its next output and returns false when it has no more.
//
// Open() (re)starts an operator and its inputs; operators under an Apply
// (OPTIONAL MATCH, MERGE, pattern predicates) are reopened for every outer
// row and read that row's slots through their Argument leaf. Open must
// reset every bit of per-run state: the plan cache runs one operator tree
// again and again (one run at a time).
//
// Errors are thrown as QueryError (exec/query_error.h).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/stop_signal.h"
#include "common/value.h"
#include "exec/as_of.h"
#include "exec/eval_context.h"
#include "exec/query_error.h"

namespace kg {

class Transaction;
struct QueryStats;

struct ExecContext {
  Transaction* txn = nullptr;
  EvalContext eval;
  QueryStats* stats = nullptr;
  int64_t max_path_length = 32;
  bool profile = false;
  // Whether to stop the statement: its flag is set from another thread or
  // a signal handler (Ctrl-C), its deadline is the query timeout. Operators
  // check it (CheckInterrupt) on every row they produce and in long inner
  // loops; procedures pass it to the algorithms they run.
  StopSignal interrupt;
  mutable uint32_t interrupt_checks = 0;  // CheckInterrupt reads the clock once in 1024 calls
  // Told how far long work has got ("pagerank: iteration 7 of 20"), for a
  // progress line; may be empty. Called from the statement's thread.
  const std::function<void(const std::string&)>* progress = nullptr;
  // What long work says about itself for PROFILE, a line each ("algo.pagerank
  // projected 139 nodes and 412 relationships (12 KB) in 0.2 ms").
  std::vector<std::string> profile_notes;
  // Nodes scanned and nodes expanded after a scan, so far in this
  // statement. From project_after_steps on the statement is a whole-graph
  // one and asks for the in-memory projection; a LIMIT 25 never gets there.
  int64_t project_after_steps = 4096;
  int64_t graph_steps = 0;
  bool asked_adjacency = false;  // the whole projection was asked for
  // As-of mode: only relationships that hold on this day match (exec/as_of.h).
  std::optional<AsOf> as_of;
};

// Whether relationship `rel` may match: always, unless the statement runs
// as of a day and the relationship does not hold on it (exec/as_of.h).
inline bool HoldsAsOf(ExecContext& ctx, RelId rel) { return !ctx.as_of || HoldsAsOfSlow(ctx, rel); }

// Says how far long work has got, if anyone listens.
inline void ReportProgress(const ExecContext& ctx, const std::string& text) {
  if (ctx.progress != nullptr && *ctx.progress) (*ctx.progress)(text);
}

// Ends the statement with a kInterrupted error when it was asked to stop
// or its deadline has passed (the runner then reports the timeout). Cheap
// enough for every row: the flag is one load, the clock is read once in
// 1024 calls.
inline void CheckInterrupt(const ExecContext& ctx) {
  if (ctx.interrupt.FlagSet()) ThrowInterrupted();
  if (ctx.interrupt.has_deadline() && (++ctx.interrupt_checks & 1023) == 0 && ctx.interrupt.TimedOut()) {
    ThrowInterrupted();
  }
}

class Operator {
 public:
  virtual ~Operator() = default;

  // Starts (or restarts) this operator and its inputs.
  void Open(ExecContext& ctx) {
    if (ctx.profile) ++opens_;
    OpenImpl(ctx);
  }
  // Lets go of what the last run kept (buffered rows, groups), in this
  // operator and its inputs; it can be opened again. Called after the last
  // Next of a run, so that a plan kept for the next run holds no rows.
  void Close() {
    CloseImpl();
    for (auto& c : children_) c->Close();
  }
  bool Next(ExecContext& ctx, Row& row) {
    CheckInterrupt(ctx);
    if (!ctx.profile) return NextImpl(ctx, row);
    const auto start = std::chrono::steady_clock::now();
    const bool more = NextImpl(ctx, row);
    nanos_ += std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
    if (more) ++rows_;
    return more;
  }

  // For EXPLAIN and PROFILE.
  virtual std::string Name() const = 0;
  virtual std::string Detail() const { return ""; }
  std::vector<const Operator*> Children() const {
    std::vector<const Operator*> out;
    for (const auto& c : children_) out.push_back(c.get());
    return out;
  }
  uint64_t rows() const { return rows_; }
  int64_t nanos() const { return nanos_; }  // includes the inputs' time

 protected:
  virtual void OpenImpl(ExecContext& ctx) {
    for (auto& c : children_) c->Open(ctx);
  }
  virtual bool NextImpl(ExecContext& ctx, Row& row) = 0;
  virtual void CloseImpl() {}
  Operator* child(size_t i = 0) const { return children_[i].get(); }
  void AddChild(std::unique_ptr<Operator> c) { children_.push_back(std::move(c)); }

 private:
  std::vector<std::unique_ptr<Operator>> children_;
  uint64_t rows_ = 0;
  uint64_t opens_ = 0;
  int64_t nanos_ = 0;
};

using OperatorPtr = std::unique_ptr<Operator>;

}  // namespace kg
