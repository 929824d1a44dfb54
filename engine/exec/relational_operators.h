// Operators that shape rows without touching the graph: the start row,
// arguments of nested plans, filters, projections, UNWIND, sorting,
// DISTINCT, aggregation, SKIP/LIMIT, eager materialisation, OPTIONAL (apply)
// and UNION.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "exec/aggregator.h"
#include "exec/bound_expression.h"
#include "exec/memory_budget.h"
#include "exec/operator.h"

namespace kg {

// Produces one row (all nulls) once per Open: the start of a query.
class StartOp : public Operator {
 public:
  StartOp() = default;
  std::string Name() const override { return "Start"; }

 protected:
  void OpenImpl(ExecContext& ctx) override { done_ = false; }
  bool NextImpl(ExecContext& ctx, Row& row) override;

 private:
  bool done_ = false;
};

// The leaf of a nested plan: passes the outer row through once per Open.
class ArgumentOp : public Operator {
 public:
  std::string Name() const override { return "Argument"; }

 protected:
  void OpenImpl(ExecContext& ctx) override { done_ = false; }
  bool NextImpl(ExecContext& ctx, Row& row) override {
    if (done_) return false;
    done_ = true;
    return true;
  }

 private:
  bool done_ = false;
};

// Keeps rows for which the predicate is true.
class FilterOp : public Operator {
 public:
  FilterOp(OperatorPtr input, const bound::Expr* predicate, std::string detail);
  std::string Name() const override { return "Filter"; }
  std::string Detail() const override { return detail_; }

 protected:
  bool NextImpl(ExecContext& ctx, Row& row) override;

 private:
  const bound::Expr* predicate_;
  std::string detail_;
};

// Evaluates expressions into slots. All expressions are evaluated before
// any slot is written (WITH a.x AS b, b AS a swaps correctly).
class ProjectOp : public Operator {
 public:
  struct Item {
    const bound::Expr* expr;
    int slot;
  };
  ProjectOp(OperatorPtr input, std::vector<Item> items, std::string detail);
  std::string Name() const override { return "Project"; }
  std::string Detail() const override { return detail_; }

 protected:
  bool NextImpl(ExecContext& ctx, Row& row) override;

 private:
  std::vector<Item> items_;
  std::vector<Value> scratch_;
  std::string detail_;
};

// One row per element of the list (a null gives no row; a non-list value
// gives one row with that value).
class UnwindOp : public Operator {
 public:
  UnwindOp(OperatorPtr input, const bound::Expr* list, int slot, std::string detail);
  std::string Name() const override { return "Unwind"; }
  std::string Detail() const override { return detail_; }

 protected:
  void OpenImpl(ExecContext& ctx) override;
  bool NextImpl(ExecContext& ctx, Row& row) override;

 private:
  const bound::Expr* list_;
  int slot_;
  std::string detail_;
  Value current_;
  size_t index_ = 0;
  bool have_ = false;
};

struct SortKey {
  const bound::Expr* expr;
  bool descending;
};

// An operator that reads all of its input before it passes the first row
// on (Sort, Eager): Load fills rows_, charging memory_ (the statement's
// memory budget, exec/memory_budget.h), and Next hands them out in order.
class BufferingOp : public Operator {
 protected:
  void OpenImpl(ExecContext& ctx) override;
  void CloseImpl() override;
  bool NextImpl(ExecContext& ctx, Row& row) override;
  // Reads the whole input, `scratch` being the row to read it into.
  virtual void Load(ExecContext& ctx, Row& scratch) = 0;

  std::vector<Row> rows_;
  MemoryCharge memory_;

 private:
  size_t pos_ = 0;
  bool loaded_ = false;
};

// Sorts every input row (stable). With a limit, keeps only the first
// `limit` rows (a top-k heap) instead of sorting everything.
class SortOp : public BufferingOp {
 public:
  SortOp(OperatorPtr input, std::vector<SortKey> keys, std::string detail);
  std::string Name() const override { return top_limit_ ? "TopK" : "Sort"; }
  std::string Detail() const override { return detail_; }
  // A SKIP and LIMIT follow: only the first skip + limit rows are needed,
  // so the sort keeps that many as it reads (a partial sort), not all.
  void KeepTop(const bound::Expr* skip, const bound::Expr* limit) {
    top_skip_ = skip;
    top_limit_ = limit;
  }

 protected:
  void Load(ExecContext& ctx, Row& row) override;

 private:
  std::vector<SortKey> keys_;
  std::string detail_;
  const bound::Expr* top_skip_ = nullptr;
  const bound::Expr* top_limit_ = nullptr;
};

// Drops rows equivalent (on `slots`) to one already passed.
class DistinctOp : public Operator {
 public:
  DistinctOp(OperatorPtr input, std::vector<int> slots, std::string detail);
  std::string Name() const override { return "Distinct"; }
  std::string Detail() const override { return detail_; }

 protected:
  void OpenImpl(ExecContext& ctx) override;
  void CloseImpl() override;
  bool NextImpl(ExecContext& ctx, Row& row) override;

 private:
  struct State;
  std::vector<int> slots_;
  std::string detail_;
  std::shared_ptr<State> state_;
  MemoryCharge memory_;  // what the rows it keeps hold (exec/memory_budget.h)
};

// Groups rows by key expressions and computes aggregates per group. Output
// rows are a representative input row of the group with the keys and the
// aggregate results written into their slots. Without keys, an empty input
// still gives one row (count(*) = 0).
class AggregateOp : public Operator {
 public:
  struct Key {
    const bound::Expr* expr;
    int slot;
  };
  struct Aggregate {
    const bound::Expr* call;  // kFunction (aggregate) or kCountStar
    int slot;
  };
  AggregateOp(OperatorPtr input, std::vector<Key> keys, std::vector<Aggregate> aggregates, std::string detail);
  std::string Name() const override { return "Aggregate"; }
  std::string Detail() const override { return detail_; }
  // Slots every input row holds the same value in (the outer variables of a
  // subquery, from its Argument leaf): every output row keeps them, even
  // the one an empty input gives.
  void KeepSlots(std::vector<int> slots) { keep_slots_ = std::move(slots); }

 protected:
  void OpenImpl(ExecContext& ctx) override;
  void CloseImpl() override;
  bool NextImpl(ExecContext& ctx, Row& row) override;

 private:
  struct State;
  std::vector<int> keep_slots_;
  std::vector<Key> keys_;
  std::vector<Aggregate> aggregates_;
  std::vector<bool> keeps_values_;  // per aggregate: it holds its inputs (collect, percentiles, DISTINCT)
  std::string detail_;
  std::shared_ptr<State> state_;
  // When every key is one node variable or a property of it (`o.id`,
  // `o.name`), the slot of that variable: in a read-only statement the keys
  // are then a function of the node, so each node's group is looked up by
  // its id after the first row (no key is evaluated again). -1 otherwise.
  int node_slot_ = -1;
  // With node_slot_, when every aggregate is count(*) or count(variable):
  // rows only bump per-node counters in a flat array, and groups are made
  // once per node at the end. The variable's slot per aggregate (-1: *).
  bool counts_only_ = false;
  std::vector<int> count_slots_;
  bool LoadCountsByNode(ExecContext& ctx, Row& row);
  MemoryCharge memory_;  // what the rows it keeps hold (exec/memory_budget.h)
};

// SKIP and LIMIT; the counts are expressions evaluated once per Open.
class SkipLimitOp : public Operator {
 public:
  SkipLimitOp(OperatorPtr input, const bound::Expr* skip, const bound::Expr* limit);
  std::string Name() const override { return limit_ ? (skip_ ? "SkipLimit" : "Limit") : "Skip"; }
  std::string Detail() const override;
  // Reads the whole input even past the limit (for writes before it).
  void DrainInput() { drain_ = true; }

 protected:
  void OpenImpl(ExecContext& ctx) override;
  bool NextImpl(ExecContext& ctx, Row& row) override;

 private:
  const bound::Expr* skip_;
  const bound::Expr* limit_;
  int64_t to_skip_ = 0;
  int64_t remaining_ = -1;
  bool drain_ = false;    // DrainInput was called: for every run
  bool drained_ = false;  // this run's input is read to the end
};

// Reads every input row before passing the first on: separates a write
// clause from the clauses around it, so each clause sees the whole effect
// of the one before (openCypher's clause-at-a-time semantics).
class EagerOp : public BufferingOp {
 public:
  explicit EagerOp(OperatorPtr input);
  std::string Name() const override { return "Eager"; }

 protected:
  void Load(ExecContext& ctx, Row& row) override;
};

// OPTIONAL MATCH: for each input row, the rows of `inner` (a plan whose
// leaf is an ArgumentOp); when it has none, the input row with `null_slots`
// set to null.
class OptionalOp : public Operator {
 public:
  OptionalOp(OperatorPtr input, OperatorPtr inner, std::vector<int> null_slots);
  std::string Name() const override { return "Optional"; }

 protected:
  void OpenImpl(ExecContext& ctx) override;
  bool NextImpl(ExecContext& ctx, Row& row) override;

 private:
  std::vector<int> null_slots_;
  bool inner_open_ = false;
  bool matched_ = false;
};

// UNION [ALL]: the rows of each branch, copied from the branch's column
// slots into the output's column slots (0..n-1). Without ALL, duplicates
// are removed.
class UnionOp : public Operator {
 public:
  struct Branch {
    OperatorPtr plan;
    size_t width;
    std::vector<int> column_slots;
  };
  UnionOp(std::vector<Branch> branches, bool all);
  std::string Name() const override { return all_ ? "UnionAll" : "Union"; }

 protected:
  void OpenImpl(ExecContext& ctx) override;
  void CloseImpl() override;
  bool NextImpl(ExecContext& ctx, Row& row) override;

 private:
  struct State;
  std::vector<size_t> widths_;
  std::vector<std::vector<int>> column_slots_;
  bool all_;
  size_t current_ = 0;
  std::vector<Row> branch_rows_;  // each branch has its own row layout
  std::shared_ptr<State> state_;
  MemoryCharge memory_;  // what the rows it keeps hold (exec/memory_budget.h)
};

}  // namespace kg
