// BulkLoader: the fast path for loading millions of nodes and relationships.
//
// It holds the store's writer lock for its whole life and writes large
// batches with the write-ahead log off and automatic compaction paused;
// Finish() flushes everything to disk files, writes the catalog, and turns
// compaction back on. Each AddNode/AddRelationship is checked like a
// transaction's write (endpoints exist, keys unique, values storable), so
// what is loaded is always a valid graph.
//
// Durability: nothing is durable before Finish() returns. A marker written
// at the start and removed by Finish() makes a database whose load was cut
// short (a crash, a kill) refuse to open with a clear message, rather than
// open with part of a load. Destroying a loader without Finish() finishes it:
// what was added so far is kept.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "storage/catalog.h"
#include "storage/ids.h"

namespace rocksdb {
class WriteBatch;
}

namespace kg {

class GraphStore;

class BulkLoader {
 public:
  ~BulkLoader();
  BulkLoader(const BulkLoader&) = delete;
  BulkLoader& operator=(const BulkLoader&) = delete;

  const Catalog& catalog() const { return *catalog_; }
  LabelId InternLabel(std::string_view name) { return catalog_->InternLabel(name); }
  RelTypeId InternRelType(std::string_view name) { return catalog_->InternRelType(name); }
  PropertyKeyId InternPropertyKey(std::string_view name) { return catalog_->InternPropertyKey(name); }

  Result<NodeId> AddNode(std::vector<LabelId> labels, Properties properties);
  Result<RelId> AddRelationship(RelTypeId type, NodeId start, NodeId end, Properties properties);

  uint64_t nodes_added() const { return nodes_added_; }
  uint64_t rels_added() const { return rels_added_; }

  // Makes the load durable and visible. `compact` also compacts the data
  // into its final shape (slower to finish, faster to read right after).
  Status Finish(bool compact = false);

 private:
  friend class GraphStore;
  explicit BulkLoader(GraphStore* store);
  Status Start();
  Status Put(int cf, const std::string& key, std::string_view value);
  Status WriteBatchIfFull(bool force);
  Result<bool> ExistingNode(NodeId id);

  GraphStore* store_;
  std::unique_lock<std::mutex> writer_lock_;
  std::shared_ptr<Catalog> catalog_;
  std::unique_ptr<rocksdb::WriteBatch> batch_;
  NodeId first_new_node_ = 0;  // nodes at or above this id were added here
  std::unordered_map<std::string, NodeId> new_keys_;  // unique keys added by this load
  PropertyKeyId key_property_ = 0;
  bool key_property_known_ = false;
  uint64_t nodes_added_ = 0, rels_added_ = 0;
  bool finished_ = false;
  Status failed_;
};

}  // namespace kg
