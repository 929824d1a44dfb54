// Transaction: every read and write of graph data goes through one.
//
// A read transaction sees the snapshot taken when it began, for its whole
// life: a query that reads twice gets the same answer twice. A write
// transaction sees that snapshot plus its own writes. Its writes (records,
// both adjacency entries, label, index and key entries, catalog counts)
// reach the database together on Commit() or not at all; destroying an
// uncommitted write transaction rolls it back.
//
// Invariants a write transaction enforces, returning kConstraint:
//   - a relationship's start and end nodes exist;
//   - a node with relationships is deleted only by a detach delete;
//   - no two nodes share a value of the `key` property.
//
// Scans in a write transaction see the state at the moment the cursor is
// made (writes made while a cursor is open do not show up in it), so a
// query may write while it walks a scan. Cursors must not outlive the
// transaction that made them.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "common/stop_signal.h"
#include "storage/catalog.h"
#include "storage/cursors.h"
#include "storage/graph_projection.h"
#include "storage/graph_store.h"
#include "storage/ids.h"

namespace rocksdb {
class Snapshot;
class WriteBatchWithIndex;
}  // namespace rocksdb

namespace kg {

class GraphStore;
class IteratorPool;

// Bounds of a property index scan. A bound's value also fixes the class of
// values the scan returns (numbers, strings, booleans or one temporal kind),
// as a Cypher comparison would: `n.year > 1990` never matches a string.
// Zoned times and datetimes compare by instant; Equal on a temporal value
// finds the identical values only, as `=` does (durations, which have no
// order, only that way).
struct IndexRange {
  std::optional<Value> lower, upper;
  bool lower_inclusive = true, upper_inclusive = true;

  static IndexRange Equal(Value v) { return IndexRange{v, v, true, true}; }
  static IndexRange AtLeast(Value v, bool inclusive = true) {
    return IndexRange{std::move(v), std::nullopt, inclusive, true};
  }
  static IndexRange AtMost(Value v, bool inclusive = true) {
    return IndexRange{std::nullopt, std::move(v), true, inclusive};
  }
  static IndexRange Between(Value lo, Value hi, bool lo_inc = true, bool hi_inc = true) {
    return IndexRange{std::move(lo), std::move(hi), lo_inc, hi_inc};
  }
};

class Transaction {
 public:
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  bool is_write() const { return batch_ != nullptr; }
  // The catalog as this transaction sees it (with names it interned).
  const Catalog& catalog() const { return *catalog_; }

  // ---- Reads ----
  Result<std::optional<NodeRecord>> GetNode(NodeId id);
  Result<std::optional<RelRecord>> GetRelationship(RelId id);
  Result<bool> NodeExists(NodeId id);
  // The node whose `key` property equals `key`: one point read.
  Result<std::optional<NodeId>> FindNodeByKey(const Value& key);

  // Relationships of `node` in a direction, of any of `types` (all types
  // when empty), without reading relationship records: one prefix scan per
  // direction and type.
  // With `neighbour`, only (or at least: the caller still checks) the
  // relationships to that node: a seek instead of a walk where the types are
  // given or the projection is used.
  std::unique_ptr<AdjacencyCursor> Expand(NodeId node, Direction dir, const std::vector<RelTypeId>& types = {},
                                          std::optional<NodeId> neighbour = std::nullopt);
  // Number of relationships Expand would return.
  Result<uint64_t> Degree(NodeId node, Direction dir, const std::vector<RelTypeId>& types = {});
  // Nodes carrying `label`, in id order.
  std::unique_ptr<NodeIdCursor> ScanLabel(LabelId label);
  // Nodes with `label` whose indexed property `key` lies in `range`, in
  // value order. Fails with kUsage when no such index is declared.
  Result<std::unique_ptr<NodeIdCursor>> ScanIndex(LabelId label, PropertyKeyId key, const IndexRange& range);
  std::unique_ptr<NodeCursor> ScanNodes();
  // Nodes of `label` that may have property `key` equal to `value` (as `=`
  // compares), in id order: every node that has it is among them, and
  // perhaps others, which the caller's filter drops. With the projection it
  // compares the property's column instead of reading records, and the
  // cursor's certain() tells which ids have the value for sure.
  std::unique_ptr<NodeIdCursor> ScanLabelMaybeEqual(LabelId label, PropertyKeyId key, const Value& value);
  // Every node's id, in id order, without reading records.
  std::unique_ptr<NodeIdCursor> ScanNodeIds();
  std::unique_ptr<RelCursor> ScanRelationships();
  // Entries of the fulltext column family in the union of key ranges
  // [begin, end) (empty end: to the end), range by range; see
  // fulltext_search.h, which is what reads them.
  std::unique_ptr<KeyStream> ScanFullText(std::vector<std::pair<std::string, std::string>> ranges);

  // ---- Whole-graph reads ----
  // A read transaction reads through the in-memory projection of its state
  // when the store has one (graph_projection.h); UseProjection() builds it
  // (the `parts` of it, ProjectionParts) when missing, for a query about to
  // touch much of the graph. A
  // write transaction always reads RocksDB (its own writes are not in the
  // projection) and ignores the call.
  Status UseProjection(unsigned parts = kProjectAll, StopSignal interrupt = nullptr);
  const GraphProjection* projection() const { return projection_.get(); }
  // The projection parts this transaction built, and how long each took
  // (PROFILE reports it).
  struct ProjectionBuilt {
    double nodes_seconds = 0, adjacency_seconds = 0;
  };
  const ProjectionBuilt& projection_built() const { return projection_built_; }
  // Whether the node exists and carries every one of `labels`.
  Result<bool> HasLabels(NodeId id, const std::vector<LabelId>& labels);
  // The node's property `key` into *out (null when it has none); *exists is
  // false when there is no such node.
  Status GetNodeProperty(NodeId id, PropertyKeyId key, Value* out, bool* exists);

  // ---- Writes (kUsage on a read transaction) ----
  // Interns a name, so that it can be used in this transaction's writes; it
  // enters the stored catalog on commit.
  Result<LabelId> InternLabel(std::string_view name);
  Result<RelTypeId> InternRelType(std::string_view name);
  Result<PropertyKeyId> InternPropertyKey(std::string_view name);

  Result<NodeId> CreateNode(std::vector<LabelId> labels, Properties properties);
  Result<RelId> CreateRelationship(RelTypeId type, NodeId start, NodeId end, Properties properties);
  // A null value removes the property.
  Status SetNodeProperty(NodeId id, PropertyKeyId key, Value value);
  Status ReplaceNodeProperties(NodeId id, Properties properties);
  Status AddNodeLabel(NodeId id, LabelId label);
  Status RemoveNodeLabel(NodeId id, LabelId label);
  Status SetRelProperty(RelId id, PropertyKeyId key, Value value);
  Status ReplaceRelProperties(RelId id, Properties properties);
  Status DeleteRelationship(RelId id);
  // Without `detach`, fails when the node has relationships.
  Status DeleteNode(NodeId id, bool detach = false);

  // Applies every write atomically. After Commit (successful or not) the
  // transaction is finished; further calls fail with kUsage.
  Status Commit();
  void Rollback();

 private:
  friend class GraphStore;
  friend class BulkLoader;
  friend class ConsistencyChecker;  // reads through snapshot_
  Transaction(GraphStore* store, bool write);

  Status CheckWritable() const;
  Status Get(ColumnFamily cf, std::string_view key, std::string* value, bool* found);
  // A stream over the union of key ranges [begin, end) of one column family.
  std::unique_ptr<KeyStream> Scan(ColumnFamily cf, std::vector<std::pair<std::string, std::string>> ranges);
  // Rewrites a node's record and every entry derived from it (labels,
  // indexes, unique key) from `before` (nullptr: new node) to `after`
  // (nullptr: deleted node).
  Status WriteNode(const NodeRecord* before, const NodeRecord* after);
  Status Put(ColumnFamily cf, const std::string& key, std::string_view value);
  Status Delete(ColumnFamily cf, const std::string& key);

  GraphStore* store_;
  std::shared_ptr<const Catalog> base_catalog_;  // reads
  std::shared_ptr<Catalog> private_catalog_;     // writes: the copy being changed
  const Catalog* catalog_;                       // the one of the two in use
  const rocksdb::Snapshot* snapshot_ = nullptr;
  std::unique_ptr<rocksdb::WriteBatchWithIndex> batch_;
  std::unique_lock<std::mutex> writer_lock_;
  std::shared_lock<std::shared_mutex> secondary_lock_;
  bool finished_ = false;
  std::shared_ptr<IteratorPool> iterators_;  // read transactions: reused scan iterators
  // Read transactions: the state's count of changes when it began, and its
  // projection (nullptr until one is built or when none was current).
  uint64_t generation_ = 0;
  std::shared_ptr<const GraphProjection> projection_;
  ProjectionBuilt projection_built_;
  // Write transactions: nodes whose record or adjacency this one changed;
  // the commit marks them dirty in the projection.
  std::vector<NodeId> touched_;
  // Read transactions: node records already read. The snapshot never
  // changes, so an entry never goes stale; a query that meets the same node
  // in many rows (a popular organisation, a label check and then a
  // property) reads it from RocksDB once. Cleared when it reaches
  // kNodeCacheEntries.
  static constexpr size_t kNodeCacheEntries = size_t{1} << 16;
  std::unordered_map<NodeId, NodeRecord> node_cache_;
};

}  // namespace kg
