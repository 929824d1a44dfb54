// Subgraph: which nodes and relationships an export writes.
//
// Either the whole graph, or the elements that appear in a query's result:
// every node and relationship in a column, inside a path, inside a list or
// a map (at any depth), each once. A relationship brings its two end nodes,
// so that every exported edge joins exported nodes. AddInducedRelationships
// adds every relationship whose two ends are exported nodes.
//
// Only ids are kept (8 bytes per element); records are read while writing,
// through one read transaction, so that memory stays flat whatever the
// properties hold. The whole graph keeps no ids at all: it is scanned.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "common/status.h"
#include "common/value.h"
#include "main/database.h"
#include "main/database_snapshot.h"
#include "storage/ids.h"

namespace kg::interchange {

class Subgraph {
 public:
  static Subgraph WholeGraph() { return Subgraph(true); }
  static Subgraph FromRows(const std::vector<std::vector<Value>>& rows);
  static Subgraph FromResult(const QueryResult& result) { return FromRows(result.rows); }

  bool whole() const { return whole_; }
  // Sorted, without repeats (empty for the whole graph).
  const std::vector<NodeId>& nodes() const { return nodes_; }
  const std::vector<RelId>& relationships() const { return rels_; }
  bool ContainsNode(NodeId id) const;

  // Adds the relationships among the exported nodes: each node's outgoing
  // relationships whose end node is exported. Nothing to do for the whole
  // graph. kInterrupted when `cancel` turns true.
  Status AddInducedRelationships(DatabaseSnapshot& snapshot, const std::atomic<bool>* cancel = nullptr);

  // Exact counts for a subgraph; the catalog's counts for the whole graph.
  uint64_t NodeCount(const DatabaseSnapshot& snapshot) const;
  uint64_t RelationshipCount(const DatabaseSnapshot& snapshot) const;

  // Every exported node, then (with the second) every relationship, in id
  // order, read through `snapshot`. An element deleted since the query ran is
  // skipped, and so is a relationship whose end node is gone. The first
  // error `visit` returns ends the walk and is returned.
  Status ForEachNode(DatabaseSnapshot& snapshot, const std::function<Status(const NodeRecord&)>& visit) const;
  Status ForEachRelationship(DatabaseSnapshot& snapshot, const std::function<Status(const RelRecord&)>& visit) const;

 private:
  explicit Subgraph(bool whole) : whole_(whole) {}
  void Collect(const Value& value);
  void Normalise();

  bool whole_;
  std::vector<NodeId> nodes_;
  std::vector<RelId> rels_;
};

}  // namespace kg::interchange
