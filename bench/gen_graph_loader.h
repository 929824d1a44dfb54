// gen_graph_loader: reads the CSVs of shared/bench/gen_graph.py into memory
// and bulk-loads a graph into an empty kg store. Shared by kg_storage_bench
// and kg_query_bench, so both load exactly the same graph the same way.
//
// The graph in memory is in load order: nodes[i] becomes node id i, which is
// also its gen_graph `id` (ids are contiguous from 0, label by label), so the
// edge files' global ids are node ids as they stand.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "storage/graph_store.h"
#include "storage/ids.h"

namespace kg {
namespace bench {

struct NodeRow {
  uint32_t label;  // index into GraphInput::labels
  int64_t id;
  std::string name;
  int64_t year;
  double score;
};

struct RelRow {
  uint32_t type;  // index into GraphInput::types
  NodeId src, dst;
  int64_t since;
};

// The graph to load, in load order: nodes[i] must become node id i.
struct GraphInput {
  std::vector<std::string> labels, types;
  std::vector<NodeRow> nodes;
  std::vector<RelRow> rels;
};

// Reads a gen_graph.py output directory (manifest.json, nodes/*.csv,
// edges/*.csv). Node files are read in first_id order, edge files in
// manifest order. Errors (kIo): a missing or malformed file, ids that are
// not contiguous from 0, an endpoint out of range, row counts that differ
// from the manifest's.
Result<GraphInput> ReadGenGraph(const std::string& dir);

// Deletes the database directory `path` (if any) and creates its parent.
// A mistyped path could name anything, so only a missing or empty
// directory, or one holding a RocksDB database (a CURRENT file), is
// deleted; anything else is a kUsage error.
Status ResetDatabaseDirectory(const std::string& path);

// Interned ids of the names the loaded graph uses.
struct LoadedIds {
  std::vector<LabelId> labels;   // by GraphInput::labels index
  std::vector<RelTypeId> types;  // by GraphInput::types index
  PropertyKeyId key = 0, id = 0, name = 0, year = 0, score = 0, since = 0;
};

struct BulkLoadOptions {
  // Finish(compact=true): compact every column family at the end.
  bool compact = false;
  // Also give each node the unique key property (kKeyProperty) "n/<id>".
  bool unique_key = false;
  // Property indexes (label, property) declared before the first node and
  // filled during the load (BulkLoader::DeclareIndex); GraphStore::CreateIndex
  // on one of them afterwards finds it declared and returns at once.
  std::vector<std::pair<std::string, std::string>> indexes;
};

// Seconds spent adding nodes, adding relationships, and in Finish().
struct LoadTimes {
  double nodes = 0, rels = 0, finish = 0;
  double total() const { return nodes + rels + finish; }
};

// The unique key a node gets with BulkLoadOptions::unique_key.
std::string GenGraphNodeKey(int64_t id);

// Loads `in` through GraphStore::BeginBulkLoad(): nodes get their label and
// the properties id, name, year, score (and the unique key if asked);
// relationships their type and `since`. The store must hold no nodes yet
// (node ids must come out equal to the input's ids; kStorage otherwise).
// Fills `ids` with the interned names.
Result<LoadTimes> BulkLoadGraph(GraphStore* store, const GraphInput& in, const BulkLoadOptions& options,
                                LoadedIds* ids);

}  // namespace bench
}  // namespace kg
