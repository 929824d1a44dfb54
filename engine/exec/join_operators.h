// HashJoinOp: joins two independent pipelines on node variables both bind.
//
// The build side runs once, whole, and its rows are kept in a hash table
// keyed by the ids of the join nodes; each probe row then meets its partners
// by one lookup instead of walking the graph again. The planner uses it to
// close a cycle of a whole-graph MATCH (a part whose ends are already
// bound), where expanding from every probe row would revisit the same
// neighbourhoods many times.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "common/huge_pages.h"
#include "exec/memory_budget.h"
#include "exec/operator.h"

namespace kg {

class HashJoinOp : public Operator {
 public:
  static constexpr size_t kMaxJoinSlots = 4;
  // `join_slots`: node slots both sides bind (at most kMaxJoinSlots);
  // `keep_slots`: slots of the build side that later operators read, copied
  // into each joined row.
  HashJoinOp(OperatorPtr probe, OperatorPtr build, std::vector<int> join_slots, std::vector<int> keep_slots,
             std::string detail);
  std::string Name() const override { return "HashJoin"; }
  std::string Detail() const override { return detail_; }

 protected:
  void OpenImpl(ExecContext& ctx) override;
  bool NextImpl(ExecContext& ctx, Row& row) override;
  void CloseImpl() override;

 private:
  using Key = std::array<uint64_t, kMaxJoinSlots>;
  static constexpr uint32_t kNone = UINT32_MAX;
  struct Slot {
    Key key;
    uint32_t head = kNone;  // first build row with this key
  };
  // false when a join slot holds something other than a node (null): no partner.
  bool KeyOf(const Row& row, Key* key) const;
  static size_t Hash(const Key& key);
  void Build(ExecContext& ctx, size_t width);
  // The table slot that holds `key`, or the empty one where it would go.
  size_t SlotOf(const Key& key) const;
  uint32_t Find(const Key& key) const;

  std::vector<int> join_slots_, keep_slots_;
  std::string detail_;
  bool built_ = false;
  std::vector<Slot, HugePageAllocator<Slot>> table_;         // open addressing, size a power of two
  std::vector<uint32_t, HugePageAllocator<uint32_t>> next_;  // build row -> next build row with the same key
  std::vector<Value> kept_;                                  // keep_slots_.size() values per build row
  uint32_t pending_ = kNone;                                 // the next partner of the current probe row
  MemoryCharge memory_;                                      // what the rows it keeps hold (exec/memory_budget.h)
};

}  // namespace kg
