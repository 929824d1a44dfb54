// DatabaseSnapshot: the graph as one read transaction sees it, for work
// that reads elements directly rather than through a query (export).
//
//   Result<std::unique_ptr<DatabaseSnapshot>> s = db.Snapshot();
//   (*s)->ForEachNode([&](const NodeRecord& node) { ...; return Status::Ok(); });
//
// Everything read through one snapshot is the state of one moment: writes
// committed after Database::Snapshot() are not seen. Scans go in id order
// and hold one element at a time. A snapshot must not outlive its Database.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

#include "common/status.h"
#include "storage/catalog.h"
#include "storage/ids.h"

namespace kg {

class Transaction;

class DatabaseSnapshot {
 public:
  // Made by Database::Snapshot().
  explicit DatabaseSnapshot(std::unique_ptr<Transaction> txn);
  ~DatabaseSnapshot();
  DatabaseSnapshot(const DatabaseSnapshot&) = delete;
  DatabaseSnapshot& operator=(const DatabaseSnapshot&) = delete;

  // The names of labels, relationship types and property keys, and the
  // element counts, as of the snapshot.
  const Catalog& catalog() const;
  uint64_t node_count() const { return catalog().node_count(); }
  uint64_t relationship_count() const { return catalog().rel_count(); }

  // Every node, or every relationship, in id order. The first error `visit`
  // returns ends the scan and is returned; so is a storage error.
  Status ForEachNode(const std::function<Status(const NodeRecord&)>& visit);
  Status ForEachRelationship(const std::function<Status(const RelRecord&)>& visit);
  // A node's outgoing relationships (a self-loop once) and their end nodes.
  Status ForEachOutgoing(NodeId node, const std::function<Status(RelId rel, NodeId end)>& visit);

  // One element by id; nothing when there is none.
  Result<std::optional<NodeRecord>> GetNode(NodeId id);
  Result<std::optional<RelRecord>> GetRelationship(RelId id);
  Result<bool> NodeExists(NodeId id);

 private:
  std::unique_ptr<Transaction> txn_;
};

}  // namespace kg
