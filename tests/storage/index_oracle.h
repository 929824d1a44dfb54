// What a property index must answer, found the slow way: the index tests
// compare ScanIndex with a scan of every node.
#pragma once

#include <algorithm>
#include <vector>

#include "common/value_compare.h"
#include "test_util.h"

namespace kg::test {

// The nodes with `label` whose `prop` lies in `range`, by scanning every
// node. With `identity`, the nodes whose value is range.lower itself
// (equality as `=` sees it, not the index order's ties).
inline std::vector<NodeId> BruteForce(Transaction& txn, const char* label, const char* prop, const IndexRange& range,
                                      bool identity = false) {
  std::vector<NodeId> out;
  auto l = txn.catalog().FindLabel(label);
  auto k = txn.catalog().FindPropertyKey(prop);
  for (auto c = txn.ScanNodes(); c->Valid(); c->Next()) {
    const NodeRecord& n = c->record();
    if (!l || !k || !n.HasLabel(*l)) continue;
    const Value* v = FindProperty(n.properties, *k);
    if (!v) continue;
    if (identity) {
      if (*v == *range.lower) out.push_back(n.id);
      continue;
    }
    if (range.lower) {
      auto cmp = CompareComparable(*v, *range.lower);
      if (!cmp || *cmp < 0 || (*cmp == 0 && !range.lower_inclusive)) continue;
    }
    if (range.upper) {
      auto cmp = CompareComparable(*v, *range.upper);
      if (!cmp || *cmp > 0 || (*cmp == 0 && !range.upper_inclusive)) continue;
    }
    out.push_back(n.id);
  }
  return out;
}

// The nodes ScanIndex finds for `range`, in id order.
inline std::vector<NodeId> ByIndex(Transaction& txn, const char* label, const char* prop, const IndexRange& range) {
  auto ids = Collect(Must(txn.ScanIndex(LabelOf(txn, label), KeyOf(txn, prop), range)));
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace kg::test
