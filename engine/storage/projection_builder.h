// Builds a GraphProjection from one state of the database: a scan of the
// nodes column family (existence, labels, property columns) and, on a
// second thread, one of the adjacency column family (both directions of
// every node). Internal to the storage layer; GraphStore calls it.
#pragma once

#include <rocksdb/db.h>

#include <atomic>
#include <memory>

#include "common/status.h"
#include "storage/graph_projection.h"

namespace kg {

class ProjectionBuilder {
 public:
  struct Source {
    rocksdb::DB* db;
    rocksdb::ReadOptions options;  // with the snapshot to read (none on a secondary instance)
    rocksdb::ColumnFamilyHandle* nodes;
    rocksdb::ColumnFamilyHandle* adjacency;
  };
  // `bound`: the catalog's next node id; `rel_count`: its relationship count
  // (for reserving). Stops with kInterrupted when *interrupt becomes true.
  static Result<std::shared_ptr<const GraphProjection>> Build(Source src, NodeId bound, uint64_t rel_count,
                                                             const std::atomic<bool>* interrupt);

 private:
  static Status ScanNodes(Source src, GraphProjection::Core* core, const std::atomic<bool>* interrupt);
  static Status ScanAdjacency(Source src, GraphProjection::Core* core, uint64_t expected,
                              const std::atomic<bool>* interrupt);
};

}  // namespace kg
