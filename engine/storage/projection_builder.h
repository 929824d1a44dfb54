// Builds the parts of a GraphProjection from one state of the database: the
// nodes part from a scan of the nodes column family (existence, labels,
// property columns), the adjacency part from the out entries of the
// adjacency column family (two threads taking chunks of the node range in
// turn), its in direction derived from them in memory. Internal to the storage layer;
// GraphStore calls it.
#pragma once

#include <rocksdb/db.h>

#include <atomic>
#include <memory>
#include <vector>

#include "common/huge_pages.h"
#include "common/status.h"
#include "common/stop_signal.h"
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
  // `bound`: the catalog's next node id; `rel_count`: its relationship
  // count (for reserving). Both stop with kInterrupted when *interrupt
  // becomes true.
  static Result<std::shared_ptr<const GraphProjection::NodesPart>> BuildNodes(Source src, NodeId bound,
                                                                              StopSignal interrupt);
  static Result<std::shared_ptr<const GraphProjection::AdjacencyPart>> BuildAdjacency(Source src, NodeId bound,
                                                                                      uint64_t rel_count,
                                                                                      StopSignal interrupt);
  // A projection with the given parts, the other parts and the dirty set
  // taken from `base` (may be null).
  static std::shared_ptr<const GraphProjection> Combine(
      const GraphProjection* base, std::shared_ptr<const GraphProjection::NodesPart> nodes,
      std::shared_ptr<const GraphProjection::AdjacencyPart> adjacency);

 private:
  static Status ScanNodes(Source src, GraphProjection::NodesPart* part, StopSignal interrupt);
  // The out entries of nodes [first, last) into `entries`, and their
  // offsets (relative to `entries`) into offsets[1 .. last - first]: node n
  // ends at offsets[n - first + 1]. Every neighbour must lie below `bound`.
  static Status ScanOut(Source src, NodeId first, NodeId last, NodeId bound, uint64_t* offsets,
                        std::vector<GraphProjection::Entry, HugePageAllocator<GraphProjection::Entry>>* entries,
                        StopSignal interrupt);
};

}  // namespace kg
