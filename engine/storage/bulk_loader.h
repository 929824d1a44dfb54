// BulkLoader: the fast path for loading millions of nodes and relationships.
//
// Rather than inserting keys one by one into RocksDB's memtables, the loader
// collects each column family's entries in memory, sorts them in chunks,
// writes each chunk as an SST file, and on Finish() ingests every file of
// every column family, together with the updated catalog, in one atomic
// RocksDB ingestion. So a load is all or nothing: before Finish() returns
// the database holds none of it (a crash, a kill or an abandoned loader
// leave the database exactly as it was), afterwards all of it.
//
// Each AddNode/AddRelationship is checked like a transaction's write
// (endpoints exist, keys unique, values storable), so what is loaded is
// always a valid graph; a refused element is simply not added.
//
// The loader holds the store's writer lock for its life: write transactions
// wait for it; read transactions go on and see the data as before the load.
#pragma once

#include <array>
#include <cstdint>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "storage/catalog.h"
#include "storage/graph_store.h"
#include "storage/ids.h"

namespace kg {

// An SST file a bulk load wrote, and its key range.
struct SpilledFileInfo {
  std::string path;
  std::string smallest, largest;
};

class BulkLoader {
 public:
  // Discards the load unless Finish() succeeded.
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

  // Makes the load durable and visible, atomically. Column families that
  // were spilled in overlapping chunks are then compacted, so reads are fast
  // at once; `compact` compacts every column family.
  Status Finish(bool compact = false);

  // Name of the scratch directory inside the database directory; a store
  // opened for writing removes one left by a loader that died.
  static const char* const kScratchDir;

 private:
  friend class GraphStore;
  BulkLoader(GraphStore* store, size_t chunk_bytes);
  Status Start();
  // Entries of one column family not yet written to a file.
  struct Entry {
    // The key's first 16 bytes as big-endian integers (zero-padded): most
    // comparisons while sorting are settled here without touching the arena.
    uint64_t prefix[2];
    uint32_t offset, key_size, value_size;
  };
  struct Chunk {
    std::string arena;  // keys and values, back to back
    std::vector<Entry> entries;
  };
  Status Add(ColumnFamily cf, std::string_view key, std::string_view value);
  // Hands a full chunk to the background writer (waiting for the one before).
  Status SpillInBackground(ColumnFamily cf);
  // Sorts a chunk and writes it as an SST file.
  Result<struct SpilledFileInfo> WriteChunk(ColumnFamily cf, Chunk chunk, uint64_t sequence);
  Status WaitForBackground();
  Result<bool> ExistingNode(NodeId id);
  void Discard();

  GraphStore* store_;
  const size_t chunk_bytes_;
  std::unique_lock<std::mutex> writer_lock_;
  std::shared_ptr<Catalog> catalog_;
  std::string scratch_;
  std::array<Chunk, kNumColumnFamilies> chunks_;
  std::array<std::vector<SpilledFileInfo>, kNumColumnFamilies> files_;
  // One chunk at a time is sorted and written on a second thread while the
  // caller goes on adding to a fresh chunk.
  std::future<Result<SpilledFileInfo>> background_;
  ColumnFamily background_cf_ = ColumnFamily::kMeta;
  uint64_t chunks_written_ = 0;
  // True when some files of a column family overlap in key range (index
  // entries spilled in several chunks): those land in level 0 and are
  // compacted by Finish(), or every read would search each of them.
  bool Overlapping(int cf) const;
  NodeId first_new_node_ = 0;                         // nodes at or above this id are this load's
  std::unordered_map<std::string, NodeId> new_keys_;  // unique keys added by this load
  std::string value_buffer_;
  uint64_t nodes_added_ = 0, rels_added_ = 0;
  bool finished_ = false;
};

}  // namespace kg
