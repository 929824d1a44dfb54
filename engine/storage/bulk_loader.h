// BulkLoader: the fast path for loading millions of nodes and relationships.
//
// Rather than inserting keys one by one into RocksDB's memtables, the loader
// collects each column family's entries in memory and writes them as sorted
// SST files, which Finish() ingests, every file of every column family
// together with the updated catalog, in one atomic RocksDB ingestion. So a
// load is all or nothing: before Finish() returns the database holds none
// of it (a crash, a kill or an abandoned loader leave the database exactly
// as it was), afterwards all of it.
//
// Entries that arrive in key order (records, by id) are written out in
// chunks while loading goes on. The others (adjacency and index entries) are
// sorted in chunks and held in memory; Finish() merges those sorted runs
// into files that do not overlap, on two threads, so they go straight to
// the last level and need no compaction. Only when the held runs outgrow
// the memory budget are they written out early; files written so overlap,
// and Finish() compacts their column family as it used to.
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
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "storage/catalog.h"
#include "storage/fulltext_entries.h"
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

  // Declares an index on `key` for nodes labelled `label`, filled as the
  // nodes are added: what GraphStore::CreateIndex would do after the load,
  // without reading the nodes back. Only before the first AddNode, and only
  // for a label that no node of the database holds (kUsage otherwise).
  Status DeclareIndex(LabelId label, PropertyKeyId key);

  Result<NodeId> AddNode(std::vector<LabelId> labels, Properties properties);
  Result<RelId> AddRelationship(RelTypeId type, NodeId start, NodeId end, Properties properties);

  uint64_t nodes_added() const { return nodes_added_; }
  uint64_t rels_added() const { return rels_added_; }

  // How many bytes of sorted runs (keys, values and 32 bytes an entry) the
  // loader may hold in memory until Finish(); beyond it they are written
  // out early and Finish() compacts (slower, same result). The default is
  // a quarter of physical memory, at most kMaxMemoryBudget.
  static constexpr size_t kMaxMemoryBudget = size_t{8} << 30;
  void SetMemoryBudget(size_t bytes) { memory_budget_ = bytes; }

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
  static constexpr size_t kInlineKey = 32;
  struct Entry {
    // The key's first kInlineKey bytes as big-endian integers (zero-padded):
    // comparisons while sorting and merging are settled here. A key no
    // longer than that (adjacency, label and record keys) is kept only
    // here, so that writing sorted entries does not jump around the arena.
    uint64_t prefix[4];
    uint32_t offset;  // in the arena: the key if it is not inline, then the value
    uint32_t key_size, value_size;
    bool inline_key() const { return key_size <= kInlineKey; }
  };
  struct Chunk {
    std::string arena;  // values, and keys too long to be inline
    std::vector<Entry> entries;
    size_t data_bytes = 0;  // of keys and values
    size_t bytes() const { return arena.size() + entries.size() * sizeof(Entry); }
    // The entry's key; an inline key is spelled out in `buffer` (kInlineKey bytes).
    std::string_view key(const Entry& e, char* buffer) const;
    std::string_view value(const Entry& e) const {
      return std::string_view(arena.data() + e.offset + (e.inline_key() ? 0 : e.key_size), e.value_size);
    }
  };
  // Sorted chunks of one column family waiting to be merged into files.
  using Runs = std::vector<std::shared_ptr<const Chunk>>;
  Status Add(ColumnFamily cf, std::string_view key, std::string_view value);
  // Hands a full chunk to the background thread (waiting for the one
  // before), which sorts it and then writes it out or keeps it as a run.
  Status SpillInBackground(ColumnFamily cf);
  // Sorts `c` unless it is sorted already; returns whether it was.
  static bool SortChunk(Chunk* c);
  // One SST file to write: the entries of a key range, from several runs.
  struct MergeTask {
    struct Part {
      const Chunk* run;
      size_t begin, end;  // entries[begin, end) of the run
    };
    ColumnFamily cf = ColumnFamily::kMeta;
    std::vector<Part> parts;
    uint64_t sequence = 0;  // names the file
  };
  // Splits sorted runs into key ranges of about chunk_bytes_, one task
  // each. The runs must outlive the tasks.
  void PlanMerge(ColumnFamily cf, const Runs& runs, std::vector<MergeTask>* tasks);
  // Writes the tasks' files on two threads and adds them to files_.
  Status RunMerges(std::vector<MergeTask>* tasks);
  // Merges a task's parts into one SST file.
  Result<SpilledFileInfo> WriteMerged(const MergeTask& task);
  // Writes a sorted chunk as an SST file.
  Result<SpilledFileInfo> WriteChunk(ColumnFamily cf, const Chunk& c, uint64_t sequence);
  Status WaitForBackground();
  // Writes out the held runs of the column family holding most, while
  // they exceed the memory budget.
  Status EnforceMemoryBudget();
  Result<bool> ExistingNode(NodeId id);
  void Discard();

  GraphStore* store_;
  const size_t chunk_bytes_;
  std::unique_lock<std::mutex> writer_lock_;
  std::shared_ptr<Catalog> catalog_;
  std::string scratch_;
  std::array<Chunk, kNumColumnFamilies> chunks_;
  std::array<Runs, kNumColumnFamilies> runs_;
  std::array<std::vector<SpilledFileInfo>, kNumColumnFamilies> files_;
  size_t run_bytes_ = 0;  // held in runs_
  size_t memory_budget_;
  // One chunk at a time is sorted (and written, if it continues the files
  // before it in key order) on a second thread while the caller goes on
  // adding to a fresh chunk. It yields a file or a sorted run.
  struct Spilled {
    std::optional<SpilledFileInfo> file;
    std::shared_ptr<const Chunk> run;
  };
  std::future<Result<Spilled>> background_;
  ColumnFamily background_cf_ = ColumnFamily::kMeta;
  uint64_t chunks_written_ = 0;
  // True when some files of a column family overlap in key range (runs
  // written out early for the memory budget): those land in level 0 and are
  // compacted by Finish(), or every read would search each of them.
  bool Overlapping(int cf) const;
  NodeId first_new_node_ = 0;                         // nodes at or above this id are this load's
  std::unordered_map<std::string, NodeId> new_keys_;  // unique keys added by this load
  std::string value_buffer_, key_buffer_;
  std::vector<fulltext::Entry> fulltext_buffer_;  // AddNode's full-text entries, reused
  uint64_t nodes_added_ = 0, rels_added_ = 0;
  bool finished_ = false;
};

}  // namespace kg
