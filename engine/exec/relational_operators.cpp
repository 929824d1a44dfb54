#include "exec/relational_operators.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "common/utf8.h"
#include "exec/expression_evaluator.h"
#include "exec/query_error.h"
#include "exec/value_ops.h"
#include "storage/transaction.h"

namespace kg {

bool StartOp::NextImpl(ExecContext& ctx, Row& row) {
  if (done_) return false;
  done_ = true;
  for (Value& v : row) v = Value();
  return true;
}

FilterOp::FilterOp(OperatorPtr input, const bound::Expr* predicate, std::string detail)
    : predicate_(predicate), detail_(std::move(detail)) {
  AddChild(std::move(input));
}

bool FilterOp::NextImpl(ExecContext& ctx, Row& row) {
  while (child()->Next(ctx, row)) {
    if (IsTrue(Evaluate(*predicate_, row, ctx.eval))) return true;
  }
  return false;
}

ProjectOp::ProjectOp(OperatorPtr input, std::vector<Item> items, std::string detail)
    : items_(std::move(items)), detail_(std::move(detail)) {
  AddChild(std::move(input));
}

bool ProjectOp::NextImpl(ExecContext& ctx, Row& row) {
  if (!child()->Next(ctx, row)) return false;
  scratch_.resize(items_.size());
  for (size_t i = 0; i < items_.size(); ++i) scratch_[i] = Evaluate(*items_[i].expr, row, ctx.eval);
  for (size_t i = 0; i < items_.size(); ++i) row[items_[i].slot] = std::move(scratch_[i]);
  return true;
}

UnwindOp::UnwindOp(OperatorPtr input, const bound::Expr* list, int slot, std::string detail)
    : list_(list), slot_(slot), detail_(std::move(detail)) {
  AddChild(std::move(input));
}

void UnwindOp::OpenImpl(ExecContext& ctx) {
  Operator::OpenImpl(ctx);
  have_ = false;
}

bool UnwindOp::NextImpl(ExecContext& ctx, Row& row) {
  for (;;) {
    if (have_) {
      if (current_.is_list()) {
        if (index_ < current_.as_list().size()) {
          row[slot_] = current_.as_list()[index_++];
          return true;
        }
      } else if (index_ == 0) {
        ++index_;
        row[slot_] = current_;
        return true;
      }
      have_ = false;
    }
    if (!child()->Next(ctx, row)) return false;
    current_ = Evaluate(*list_, row, ctx.eval);
    index_ = 0;
    have_ = !current_.is_null();
  }
}

void BufferingOp::OpenImpl(ExecContext& ctx) {
  Operator::OpenImpl(ctx);
  memory_.Attach(ctx.eval.memory);
  rows_.clear();
  pos_ = 0;
  loaded_ = false;
}

void BufferingOp::CloseImpl() {
  std::vector<Row>().swap(rows_);
  memory_.Reset();
}

bool BufferingOp::NextImpl(ExecContext& ctx, Row& row) {
  if (!loaded_) {
    loaded_ = true;
    Load(ctx, row);
  }
  if (pos_ >= rows_.size()) return false;
  row = std::move(rows_[pos_++]);
  return true;
}

SortOp::SortOp(OperatorPtr input, std::vector<SortKey> keys, std::string detail)
    : keys_(std::move(keys)), detail_(std::move(detail)) {
  AddChild(std::move(input));
}

void SortOp::Load(ExecContext& ctx, Row& row) {
  // Each row is stored with its sort keys, and its input position to keep
  // the sort stable.
  const size_t nkeys = keys_.size();
  struct Entry {
    std::vector<Value> keys;
    uint64_t seq;
    Row row;
  };
  auto less = [&](const Entry& a, const Entry& b) {
    for (size_t i = 0; i < nkeys; ++i) {
      int c = OrderCompare(a.keys[i], b.keys[i]);
      if (c != 0) return keys_[i].descending ? c > 0 : c < 0;
    }
    return a.seq < b.seq;
  };
  // With a limit after it, only the best `keep` rows are kept: whenever
  // twice that many have come, the worse half goes.
  int64_t keep = -1;
  if (top_limit_) {
    Row empty;
    const Value limit = Evaluate(*top_limit_, empty, ctx.eval);
    const Value skip = top_skip_ ? Evaluate(*top_skip_, empty, ctx.eval) : Value(int64_t{0});
    // Anything odd is left to SkipLimit, which reports it.
    if (limit.is_int() && skip.is_int() && limit.as_int() >= 0 && skip.as_int() >= 0 &&
        limit.as_int() < (int64_t{1} << 40) && skip.as_int() < (int64_t{1} << 40)) {
      keep = limit.as_int() + skip.as_int();
    }
  }
  const size_t prune_at = keep < 0 ? 0 : std::max<size_t>(2 * static_cast<size_t>(keep), 1024);
  std::vector<Entry> entries;
  uint64_t seq = 0;
  while (child()->Next(ctx, row)) {
    std::vector<Value> k;
    k.reserve(nkeys);
    for (const SortKey& key : keys_) k.push_back(Evaluate(*key.expr, row, ctx.eval));
    memory_.Add(ApproxBytes(row) + ApproxBytes(k));
    entries.push_back(Entry{std::move(k), seq++, row});
    if (prune_at > 0 && entries.size() >= prune_at) {
      std::nth_element(entries.begin(), entries.begin() + keep, entries.end(), less);
      // The rows dropped take their share of the charge with them.
      memory_.Release(memory_.held() / static_cast<int64_t>(entries.size()) *
                      static_cast<int64_t>(entries.size() - static_cast<size_t>(keep)));
      entries.resize(static_cast<size_t>(keep));
    }
  }
  std::sort(entries.begin(), entries.end(), less);
  if (keep >= 0 && entries.size() > static_cast<size_t>(keep)) entries.resize(static_cast<size_t>(keep));
  rows_.reserve(entries.size());
  for (auto& e : entries) rows_.push_back(std::move(e.row));
}

struct DistinctOp::State {
  std::unordered_set<std::vector<Value>, RowHash, RowEquivalent> seen;
};

DistinctOp::DistinctOp(OperatorPtr input, std::vector<int> slots, std::string detail)
    : slots_(std::move(slots)), detail_(std::move(detail)) {
  AddChild(std::move(input));
}

void DistinctOp::CloseImpl() {
  state_.reset();
  memory_.Reset();
}

void DistinctOp::OpenImpl(ExecContext& ctx) {
  Operator::OpenImpl(ctx);
  memory_.Attach(ctx.eval.memory);
  state_ = std::make_shared<State>();
}

bool DistinctOp::NextImpl(ExecContext& ctx, Row& row) {
  while (child()->Next(ctx, row)) {
    std::vector<Value> key;
    key.reserve(slots_.size());
    for (int s : slots_) key.push_back(row[s]);
    const int64_t bytes = ApproxBytes(key);
    if (state_->seen.insert(std::move(key)).second) {
      memory_.Add(bytes);
      return true;
    }
  }
  return false;
}

struct AggregateOp::State {
  struct Group {
    Row representative;
    std::vector<Value> key;
    std::vector<std::unique_ptr<Aggregator>> aggregators;
  };
  // counts_only_: groups made at the end, one per distinct key. A group's
  // output row is rebuilt from its node (the keys are functions of it);
  // `rep` is kept only for a row whose variable held no node.
  struct CountGroup {
    std::vector<Value> key;
    Value node;
    Row rep;
  };
  std::vector<CountGroup> count_groups;
  std::vector<int64_t> counts;  // aggregates_.size() per count group
  bool counting = false;
  std::unordered_map<std::vector<Value>, size_t, RowHash, RowEquivalent> index;
  std::unordered_map<uint64_t, size_t> by_node;  // node id -> group (see node_slot_)
  std::vector<Group> groups;
  size_t pos = 0;
  bool loaded = false;
  std::vector<Value> kept;  // the values of keep_slots_
};

namespace {}  // namespace

AggregateOp::AggregateOp(OperatorPtr input, std::vector<Key> keys, std::vector<Aggregate> aggregates,
                         std::string detail)
    : keys_(std::move(keys)), aggregates_(std::move(aggregates)), detail_(std::move(detail)) {
  AddChild(std::move(input));
  for (const Key& k : keys_) {
    const bound::Expr* var = k.expr;
    if (var->kind == bound::ExprKind::kProperty && !var->args.empty()) var = var->args[0].get();
    if (var->kind != bound::ExprKind::kVariable || var->slot < 0 || (node_slot_ >= 0 && var->slot != node_slot_)) {
      node_slot_ = -1;
      break;
    }
    node_slot_ = var->slot;
  }
  counts_only_ = node_slot_ >= 0 && !aggregates_.empty();
  for (const Aggregate& a : aggregates_) {
    const bound::Expr* c = a.call;
    const std::string name = c->kind == bound::ExprKind::kFunction ? utf8::AsciiLower(c->name) : "";
    keeps_values_.push_back(c->distinct || name == "collect" || name == "percentilecont" || name == "percentiledisc");
    if (c->kind == bound::ExprKind::kCountStar) {
      count_slots_.push_back(-1);
    } else if (c->kind == bound::ExprKind::kFunction && utf8::EqualsIgnoreCase(c->name, "count") && !c->distinct &&
               c->args.size() == 1 && c->args[0]->kind == bound::ExprKind::kVariable && c->args[0]->slot >= 0) {
      count_slots_.push_back(c->args[0]->slot);
    } else {
      counts_only_ = false;
    }
  }
}

bool AggregateOp::LoadCountsByNode(ExecContext& ctx, Row& row) {
  State& st = *state_;
  const uint64_t id_bound = ctx.txn->catalog().next_node_id();
  if (id_bound > (uint64_t{1} << 26)) return false;
  st.counting = true;
  const size_t n = aggregates_.size();
  memory_.Add(static_cast<int64_t>(id_bound * sizeof(uint32_t)));
  // Per node: its position in `nodes` + 1 (0: not seen yet), and counts.
  std::vector<uint32_t> seen(id_bound, 0);
  std::vector<uint64_t> nodes;
  std::vector<int64_t> counts;
  std::vector<Row> odd;  // rows whose variable held something else (null)
  std::vector<int64_t> odd_counts;
  auto add_to = [&](int64_t* c) {
    for (size_t i = 0; i < n; ++i) {
      if (count_slots_[i] < 0 || !row[count_slots_[i]].is_null()) ++c[i];
    }
  };
  while (child()->Next(ctx, row)) {
    const Value& v = row[node_slot_];
    if (v.is_node() && v.as_node().id < id_bound && nodes.size() < UINT32_MAX - 1) {
      uint32_t& at = seen[v.as_node().id];
      if (at == 0) {
        nodes.push_back(v.as_node().id);
        counts.resize(counts.size() + n, 0);
        at = static_cast<uint32_t>(nodes.size());
      }
      add_to(&counts[(at - 1) * n]);
    } else {
      memory_.Add(ApproxBytes(row));
      odd.push_back(row);
      odd_counts.resize(odd_counts.size() + n, 0);
      add_to(&odd_counts[(odd.size() - 1) * n]);
    }
  }
  // One group per distinct key (two nodes with equal keys share one): a
  // flat hash table of group numbers over the keys' hashes.
  size_t capacity = 16;
  while (capacity < 2 * (nodes.size() + odd.size())) capacity *= 2;
  std::vector<uint32_t> table(capacity, 0);  // group + 1
  std::vector<size_t> hashes;
  const RowHash hash;
  const RowEquivalent same;
  Row scratch(row.size());
  auto group_for = [&](std::vector<Value> key, Value node, Row rep) -> size_t {
    const size_t h = hash(key);
    for (size_t i = h & (capacity - 1);; i = (i + 1) & (capacity - 1)) {
      if (table[i] == 0) {
        st.count_groups.push_back(State::CountGroup{std::move(key), std::move(node), std::move(rep)});
        st.counts.resize(st.counts.size() + n, 0);
        hashes.push_back(h);
        table[i] = static_cast<uint32_t>(st.count_groups.size());
        return st.count_groups.size() - 1;
      }
      const size_t g = table[i] - 1;
      if (hashes[g] == h && same(st.count_groups[g].key, key)) return g;
    }
  };
  auto keys_of = [&](Row& r) {
    std::vector<Value> key;
    key.reserve(keys_.size());
    for (const Key& k : keys_) key.push_back(Evaluate(*k.expr, r, ctx.eval));
    return key;
  };
  for (size_t f = 0; f < nodes.size(); ++f) {
    scratch[node_slot_] = Value(NodeRef{nodes[f], nullptr});
    const size_t g = group_for(keys_of(scratch), scratch[node_slot_], Row{});
    for (size_t i = 0; i < n; ++i) st.counts[g * n + i] += counts[f * n + i];
  }
  for (size_t f = 0; f < odd.size(); ++f) {
    std::vector<Value> key = keys_of(odd[f]);
    const size_t g = group_for(std::move(key), Value(), std::move(odd[f]));
    for (size_t i = 0; i < n; ++i) st.counts[g * n + i] += odd_counts[f * n + i];
  }
  return true;
}

void AggregateOp::CloseImpl() {
  state_.reset();
  memory_.Reset();
}

void AggregateOp::OpenImpl(ExecContext& ctx) {
  Operator::OpenImpl(ctx);
  memory_.Attach(ctx.eval.memory);
  state_ = std::make_shared<State>();
}

bool AggregateOp::NextImpl(ExecContext& ctx, Row& row) {
  State& st = *state_;
  if (!st.loaded) {
    st.loaded = true;
    // The row comes down from the Argument leaf with the kept slots set;
    // no operator below writes them.
    for (int s : keep_slots_) st.kept.push_back(row[s]);
    auto new_aggregators = [&](Row& r) {
      std::vector<std::unique_ptr<Aggregator>> aggs;
      for (const Aggregate& a : aggregates_) {
        const bool star = a.call->kind == bound::ExprKind::kCountStar;
        std::vector<Value> params;
        // Extra arguments (percentiles) are constant per group: evaluate them on the first row.
        for (size_t i = 1; !star && i < a.call->args.size(); ++i)
          params.push_back(Evaluate(*a.call->args[i], r, ctx.eval));
        aggs.push_back(MakeAggregator(star ? "count" : utf8::AsciiLower(a.call->name), a.call->distinct, star, params));
      }
      return aggs;
    };
    const bool by_node = node_slot_ >= 0 && ctx.txn != nullptr && !ctx.txn->is_write();
    if (by_node && counts_only_ && LoadCountsByNode(ctx, row)) return NextImpl(ctx, row);
    while (child()->Next(ctx, row)) {
      size_t g;
      const bool node = by_node && row[node_slot_].is_node();
      auto known = node ? st.by_node.find(row[node_slot_].as_node().id) : st.by_node.end();
      if (known != st.by_node.end()) {
        g = known->second;
      } else {
        std::vector<Value> key;
        key.reserve(keys_.size());
        for (const Key& k : keys_) key.push_back(Evaluate(*k.expr, row, ctx.eval));
        auto it = st.index.find(key);
        if (it == st.index.end()) {
          g = st.groups.size();
          memory_.Add(ApproxBytes(row) + 2 * ApproxBytes(key) + 64 * static_cast<int64_t>(aggregates_.size()));
          st.groups.push_back(State::Group{row, key, new_aggregators(row)});
          st.index.emplace(std::move(key), g);
        } else {
          g = it->second;
        }
        if (node) st.by_node.emplace(row[node_slot_].as_node().id, g);
      }
      State::Group& group = st.groups[g];
      for (size_t i = 0; i < aggregates_.size(); ++i) {
        const bound::Expr* call = aggregates_[i].call;
        if (call->kind == bound::ExprKind::kCountStar) {
          group.aggregators[i]->Add(Value(true));
        } else if (call->args.empty()) {
          ThrowSemantic(call->name + "() needs an argument", call->pos);
        } else {
          Value v = Evaluate(*call->args[0], row, ctx.eval);
          if (keeps_values_[i] && !v.is_null()) memory_.Add(ApproxBytes(v));
          group.aggregators[i]->Add(v);
        }
      }
    }
    if (st.groups.empty() && keys_.empty()) {
      Row empty(row.size(), Value());
      for (size_t i = 0; i < keep_slots_.size(); ++i) empty[keep_slots_[i]] = st.kept[i];
      st.groups.push_back(State::Group{empty, {}, new_aggregators(empty)});
    }
  }
  if (st.counting) {
    if (st.pos >= st.count_groups.size()) return false;
    const size_t g = st.pos++;
    State::CountGroup& group = st.count_groups[g];
    if (!group.rep.empty()) {
      row = std::move(group.rep);
    } else {
      // Only the keys (functions of the node) and the counts are in scope
      // after the aggregation; every other slot is left null.
      for (Value& v : row) v = Value();
      for (size_t i = 0; i < keep_slots_.size(); ++i) row[keep_slots_[i]] = st.kept[i];
      row[node_slot_] = std::move(group.node);
    }
    for (size_t i = 0; i < keys_.size(); ++i) row[keys_[i].slot] = std::move(group.key[i]);
    for (size_t i = 0; i < aggregates_.size(); ++i) {
      row[aggregates_[i].slot] = Value(st.counts[g * aggregates_.size() + i]);
    }
    return true;
  }
  if (st.pos >= st.groups.size()) return false;
  State::Group& group = st.groups[st.pos++];
  row = std::move(group.representative);
  for (size_t i = 0; i < keys_.size(); ++i) row[keys_[i].slot] = std::move(group.key[i]);
  for (size_t i = 0; i < aggregates_.size(); ++i) row[aggregates_[i].slot] = group.aggregators[i]->Finish();
  group.aggregators.clear();
  return true;
}

SkipLimitOp::SkipLimitOp(OperatorPtr input, const bound::Expr* skip, const bound::Expr* limit)
    : skip_(skip), limit_(limit) {
  AddChild(std::move(input));
}

std::string SkipLimitOp::Detail() const {
  std::string out;
  if (skip_) out += "skip " + skip_->text;
  if (limit_) out += std::string(out.empty() ? "" : ", ") + "limit " + limit_->text;
  return out;
}

namespace {

// SKIP and LIMIT take constants (literals, parameters): no row is needed.
int64_t CountOf(const bound::Expr* e, const char* what, ExecContext& ctx) {
  Row empty;
  Value v = Evaluate(*e, empty, ctx.eval);
  if (!v.is_int()) {
    throw QueryError(Status::Semantic(
        std::string(what) + " expects a non-negative integer, got " + (v.is_null() ? "null" : v.ToString()), e->pos));
  }
  if (v.as_int() < 0) {
    throw QueryError(
        Status::Semantic(std::string(what) + " expects a non-negative integer, got " + v.ToString(), e->pos));
  }
  return v.as_int();
}

}  // namespace

void SkipLimitOp::OpenImpl(ExecContext& ctx) {
  Operator::OpenImpl(ctx);
  to_skip_ = skip_ ? CountOf(skip_, "SKIP", ctx) : 0;
  remaining_ = limit_ ? CountOf(limit_, "LIMIT", ctx) : -1;
  drained_ = false;
}

bool SkipLimitOp::NextImpl(ExecContext& ctx, Row& row) {
  if (remaining_ == 0) {
    if (drain_ && !drained_) {
      Row scratch = row;
      while (child()->Next(ctx, scratch)) {
      }
      drained_ = true;
    }
    return false;
  }
  while (to_skip_ > 0) {
    if (!child()->Next(ctx, row)) return false;
    --to_skip_;
  }
  if (!child()->Next(ctx, row)) return false;
  if (remaining_ > 0) --remaining_;
  return true;
}

EagerOp::EagerOp(OperatorPtr input) { AddChild(std::move(input)); }

void EagerOp::Load(ExecContext& ctx, Row& row) {
  while (child()->Next(ctx, row)) {
    memory_.Add(ApproxBytes(row));
    rows_.push_back(row);
  }
}

OptionalOp::OptionalOp(OperatorPtr input, OperatorPtr inner, std::vector<int> null_slots)
    : null_slots_(std::move(null_slots)) {
  AddChild(std::move(input));
  AddChild(std::move(inner));
}

void OptionalOp::OpenImpl(ExecContext& ctx) {
  child(0)->Open(ctx);
  inner_open_ = false;
}

bool OptionalOp::NextImpl(ExecContext& ctx, Row& row) {
  for (;;) {
    if (inner_open_) {
      if (child(1)->Next(ctx, row)) {
        matched_ = true;
        return true;
      }
      inner_open_ = false;
      if (!matched_) {
        for (int s : null_slots_) row[s] = Value();
        return true;
      }
    }
    if (!child(0)->Next(ctx, row)) return false;
    child(1)->Open(ctx);
    inner_open_ = true;
    matched_ = false;
  }
}

struct UnionOp::State {
  std::unordered_set<std::vector<Value>, RowHash, RowEquivalent> seen;
};

UnionOp::UnionOp(std::vector<Branch> branches, bool all) : all_(all) {
  for (Branch& b : branches) {
    widths_.push_back(b.width);
    column_slots_.push_back(std::move(b.column_slots));
    AddChild(std::move(b.plan));
  }
}

void UnionOp::CloseImpl() {
  state_.reset();
  branch_rows_.clear();
  memory_.Reset();
}

void UnionOp::OpenImpl(ExecContext& ctx) {
  Operator::OpenImpl(ctx);
  memory_.Attach(ctx.eval.memory);
  current_ = 0;
  state_ = std::make_shared<State>();
  branch_rows_.clear();
  for (size_t w : widths_) branch_rows_.emplace_back(w, Value());
}

bool UnionOp::NextImpl(ExecContext& ctx, Row& row) {
  while (current_ < widths_.size()) {
    Row& branch_row = branch_rows_[current_];
    if (!child(current_)->Next(ctx, branch_row)) {
      ++current_;
      continue;
    }
    const std::vector<int>& slots = column_slots_[current_];
    std::vector<Value> out;
    out.reserve(slots.size());
    for (int s : slots) out.push_back(branch_row[s]);
    if (!all_) {
      if (!state_->seen.insert(out).second) continue;
      memory_.Add(ApproxBytes(out));
    }
    row = std::move(out);
    return true;
  }
  return false;
}

}  // namespace kg
