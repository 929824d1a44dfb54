// GraphSnapshot: what the TCK's side effects count, read through a DatabaseSnapshot.
//
// The TCK defines each side effect as the difference between what a query
// observes before and after the query under test:
//   nodes          node ids;
//   relationships  relationship ids;
//   labels         the distinct label names carried by some node (not
//                  (node, label) pairs: two new :User nodes add one label);
//   properties     (entity, key, value) triples, so a changed value counts
//                  as one removal and one addition.
#pragma once

#include <cstdint>
#include <set>
#include <string>

#include "common/status.h"
#include "main/database.h"

namespace kg::tck {

struct GraphSnapshot {
  std::set<uint64_t> nodes;
  std::set<uint64_t> relationships;
  std::set<std::string> labels;
  std::set<std::string> properties;  // an encoding of each (entity, key, value)
};

struct SideEffects {
  int64_t nodes_added = 0, nodes_removed = 0;
  int64_t relationships_added = 0, relationships_removed = 0;
  int64_t labels_added = 0, labels_removed = 0;
  int64_t properties_added = 0, properties_removed = 0;

  // Looks a TCK name up ("+nodes", "-properties"); nullptr for others.
  int64_t* Find(const std::string& name);
  // "+nodes 1, -labels 2" (only the non-zero ones; "none" when all are zero).
  std::string ToString() const;
  friend bool operator==(const SideEffects& a, const SideEffects& b) { return a.ToString() == b.ToString(); }
};

// Reads the whole graph in one read transaction.
Result<GraphSnapshot> TakeSnapshot(Database& db);
SideEffects Diff(const GraphSnapshot& before, const GraphSnapshot& after);

}  // namespace kg::tck
