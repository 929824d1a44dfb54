// GraphProjection: an in-memory copy of the graph's shape, for reads that
// touch much of it.
//
// RocksDB answers a point read in microseconds, which is what a lookup or a
// short traversal needs, but a label scan, an aggregation over millions of
// rows or a breadth-first search would pay that per row. The projection
// holds, for one committed state of the database:
//   - which nodes exist, and the nodes of each label (Roaring bitmaps);
//   - the adjacency of every node in both directions (compressed sparse
//     rows: one block per node and direction, entries in the order of the
//     adjacency column family, so sorted by type, neighbour, relationship);
//   - node properties as columns (one per property key; dense when most
//     nodes have the key, sorted (id, value) pairs otherwise). Lists are
//     left out and read from the record.
// The two parts (nodes; adjacency) are built separately, each the first
// time a query needs it. It is immutable once built and shared by every read transaction of the
// state it was built from. A commit does not rebuild it: the nodes the
// commit touched (written, relabelled, given or losing a relationship) are
// added to a set of dirty nodes in a new projection sharing the same core,
// and every read of a dirty node goes to RocksDB. When too many nodes are
// dirty, the store drops the projection and the next whole-graph query
// builds a new one. docs/storage.md describes the design and its costs.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/value.h"
#include "storage/ids.h"

class Roaring;

namespace kg {

// What a query asks the projection for: the nodes part (existence,
// labels, property columns) and the adjacency part are built separately,
// each when first needed, so a label scan never pays for the adjacency.
enum ProjectionParts : unsigned { kProjectNodes = 1, kProjectAdjacency = 2, kProjectAll = 3 };

class GraphProjection {
 public:
  struct NodesPart;      // built from the nodes column family
  struct AdjacencyPart;  // built from the adjacency column family

  ~GraphProjection();

  bool has(unsigned parts) const {
    return ((parts & kProjectNodes) == 0 || nodes_) && ((parts & kProjectAdjacency) == 0 || adjacency_);
  }
  bool has_nodes() const { return nodes_ != nullptr; }
  bool has_adjacency() const { return adjacency_ != nullptr; }

  // Nodes created or changed since a part was built; reads of these go to
  // RocksDB.
  bool IsDirty(NodeId id) const;
  bool HasDirty() const;

  // Nodes part, clean nodes only (callers check IsDirty first).
  bool Exists(NodeId id) const;
  bool HasLabel(NodeId id, LabelId label) const;

  // One adjacency entry. A node's entries of one direction lie together
  // (one cache line holds two or three of them), sorted by type, neighbour
  // and relationship.
  struct Entry {
    uint32_t type;
    uint64_t neighbour;
    uint64_t rel;
  };
  // Adjacency part: a clean node's entries in one direction (kOut or kIn):
  // *count of them from the one returned.
  const Entry* Block(NodeId id, Direction dir, size_t* count) const;

  // Nodes part: a clean node's property. kUnknown: the projection does not
  // hold it (a list value); read the record.
  enum class Lookup { kAbsent, kFound, kUnknown };
  Lookup Property(NodeId id, PropertyKeyId key, Value* out) const;

  // Node ids of a label as of the build (dirty ones included: filter them),
  // or every node with label == kAllNodes. Empty bitmap for a label unknown
  // at build time.
  static constexpr LabelId kAllNodes = ~LabelId{0};
  const Roaring& Nodes(LabelId label) const;
  const Roaring& Dirty() const;

  // The property column of `key` as a flat view for vectorised filters:
  // false when there is no dense column for it.
  struct DenseColumn {
    const uint8_t* tags = nullptr;  // Value::Kind per node id; kAbsentTag: no value
    const int64_t* bits = nullptr;  // int, date days, local time nanos, bool, or a double's bits
    const char* arena = nullptr;    // strings (and wider temporal values, record-encoded): bits is
                                    // the offset of a 4-byte length and the bytes
    uint64_t size = 0;              // ids below it
    uint8_t only_kind = 0xFD;       // the one kind every value has, if so (0xFD: several, or lists)
  };
  static constexpr uint8_t kAbsentTag = 0xFE;
  static constexpr uint8_t kOtherTag = 0xFF;  // a value not held (list): read the record
  bool Dense(PropertyKeyId key, DenseColumn* out) const;

  // A projection like this one with `touched` also dirty; nullptr when
  // the dirty set would grow past the point where a rebuild pays.
  std::shared_ptr<const GraphProjection> WithDirty(const std::vector<NodeId>& touched) const;

  // Statistics for docs, PROFILE and tests.
  struct Stats {
    uint64_t nodes = 0, relationships = 0, columns = 0, dirty = 0;
    uint64_t bytes_labels = 0, bytes_adjacency = 0, bytes_columns = 0;
    double nodes_build_seconds = 0, adjacency_build_seconds = 0;
  };
  Stats stats() const;

 private:
  friend class ProjectionBuilder;
  GraphProjection() = default;
  // Ids at or past the smaller of the parts' bounds are dirty: created after
  // a part was built. Set whenever the parts are.
  NodeId ComputeBound() const;
  NodeId bound_ = 0;
  std::shared_ptr<const NodesPart> nodes_;
  std::shared_ptr<const AdjacencyPart> adjacency_;
  std::shared_ptr<const Roaring> dirty_;
};

}  // namespace kg
