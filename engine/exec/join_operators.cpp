#include "exec/join_operators.h"

#include "exec/query_error.h"

namespace kg {

HashJoinOp::HashJoinOp(OperatorPtr probe, OperatorPtr build, std::vector<int> join_slots, std::vector<int> keep_slots,
                       std::string detail)
    : join_slots_(std::move(join_slots)), keep_slots_(std::move(keep_slots)), detail_(std::move(detail)) {
  AddChild(std::move(probe));
  AddChild(std::move(build));
}

void HashJoinOp::OpenImpl(ExecContext& ctx) {
  child(0)->Open(ctx);
  memory_.Attach(ctx.eval.memory);
  built_ = false;
  pending_ = kNone;
}

void HashJoinOp::CloseImpl() {
  // A cached plan keeps no table between runs.
  decltype(table_)().swap(table_);
  decltype(next_)().swap(next_);
  std::vector<Value>().swap(kept_);
  built_ = false;
  pending_ = kNone;
  memory_.Reset();
}

bool HashJoinOp::KeyOf(const Row& row, Key* key) const {
  key->fill(0);
  for (size_t i = 0; i < join_slots_.size(); ++i) {
    const Value& v = row[join_slots_[i]];
    if (!v.is_node()) return false;
    (*key)[i] = v.as_node().id;
  }
  return true;
}

size_t HashJoinOp::Hash(const Key& key) {
  uint64_t h = 0x9e3779b97f4a7c15ull;
  for (uint64_t k : key) {
    h ^= k + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
  }
  return static_cast<size_t>(h);
}

size_t HashJoinOp::SlotOf(const Key& key) const {
  const size_t mask = table_.size() - 1;
  for (size_t i = Hash(key) & mask;; i = (i + 1) & mask) {
    if (table_[i].head == kNone || table_[i].key == key) return i;
  }
}

uint32_t HashJoinOp::Find(const Key& key) const { return table_.empty() ? kNone : table_[SlotOf(key)].head; }

void HashJoinOp::Build(ExecContext& ctx, size_t width) {
  Operator* build = child(1);
  build->Open(ctx);
  Row r(width);
  std::vector<Key> keys;
  while (build->Next(ctx, r)) {
    Key k;
    if (!KeyOf(r, &k)) continue;
    if (keys.size() >= kNone - 1) ThrowRuntime("the hash join's build side has more than 4 billion rows");
    keys.push_back(k);
    int64_t bytes = static_cast<int64_t>(sizeof(Key) + 2 * sizeof(Slot));
    for (int s : keep_slots_) {
      bytes += ApproxBytes(r[s]);
      kept_.push_back(r[s]);
    }
    memory_.Add(bytes);
  }
  size_t capacity = 16;
  while (capacity < 2 * keys.size()) capacity *= 2;
  table_.assign(capacity, Slot{});
  next_.assign(keys.size(), kNone);
  // Rows are chained in build order: insert them last to first.
  for (size_t row = keys.size(); row-- > 0;) {
    Slot& s = table_[SlotOf(keys[row])];
    s.key = keys[row];
    next_[row] = s.head;  // kNone for a key's first row
    s.head = static_cast<uint32_t>(row);
  }
}

bool HashJoinOp::NextImpl(ExecContext& ctx, Row& row) {
  if (!built_) {
    built_ = true;
    table_.clear();
    next_.clear();
    kept_.clear();
    Build(ctx, row.size());
  }
  for (;;) {
    if (pending_ != kNone) {
      const uint32_t r = pending_;
      pending_ = next_[r];
      const size_t base = static_cast<size_t>(r) * keep_slots_.size();
      for (size_t i = 0; i < keep_slots_.size(); ++i) row[keep_slots_[i]] = kept_[base + i];
      return true;
    }
    if (!child(0)->Next(ctx, row)) return false;
    Key k;
    if (KeyOf(row, &k)) pending_ = Find(k);
  }
}

}  // namespace kg
