// GraphStore: one kg database, which is one directory of RocksDB files.
//
// The store keeps a property graph (nodes with labels and properties,
// relationships with one type and properties) in eight column families; see
// docs/storage.md for the key layout. It offers:
//   - read transactions on a consistent snapshot (any number at once);
//   - one write transaction at a time, atomic on commit;
//   - a bulk-load path for millions of nodes and relationships.
//
// Every Transaction and BulkLoader must end before the GraphStore that made
// it is destroyed.
//
// Opening checks the directory is a kg database of a format this build
// understands. Only one process may open a database for writing; others may
// open it read-only (a RocksDB secondary instance) while it is written.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/stop_signal.h"
#include "storage/catalog.h"
#include "storage/graph_projection.h"

namespace rocksdb {
class DB;
class Env;
class ColumnFamilyHandle;
class Cache;
class WriteBatch;
}  // namespace rocksdb

namespace kg {

class Transaction;
class BulkLoader;

struct StoreOptions {
  // Create the database when the directory is missing or empty.
  bool create_if_missing = true;
  // Open without write access; works while another process writes.
  bool read_only = false;
  // fsync the write-ahead log on every commit. Off, a commit survives a crash
  // of the process but the last commits may be lost if the machine fails;
  // a commit is never torn either way.
  bool sync_commits = false;
  size_t block_cache_bytes = size_t{256} << 20;
  // Keep the whole database in memory: nothing touches the disk and the
  // data is gone when the store closes; the path only names it. For tests
  // and scratch work (bulk loading needs a disk and is refused).
  bool in_memory = false;
};

// Column families. The names are stored on disk: never rename.
enum class ColumnFamily : int {
  kMeta = 0,           // "default": format version and catalog
  kNodes = 1,          // node id -> node record
  kRels = 2,           // relationship id -> relationship record
  kAdjacency = 3,      // (node, direction, type, neighbour, rel) -> ""
  kLabels = 4,         // (label, node) -> ""
  kPropertyIndex = 5,  // (label, property key, value, node) -> ""
  kUniqueKeys = 6,     // value of `key` -> node id
  kFullText = 7,       // full-text index entries (fulltext_entries.h); since format 3
};
constexpr int kNumColumnFamilies = 8;

class GraphStore {
 public:
  // Opens (or creates) the database at `path`.
  // Errors: kNotFound when there is no database and it may not be created;
  // kStorage when the directory is not a kg database, has a newer format,
  // or is in use by another process.
  static Result<std::unique_ptr<GraphStore>> Open(const std::string& path, StoreOptions options = {});
  ~GraphStore();
  GraphStore(const GraphStore&) = delete;
  GraphStore& operator=(const GraphStore&) = delete;

  // A read-only transaction on a snapshot taken now.
  Result<std::unique_ptr<Transaction>> BeginRead();
  // The write transaction. Blocks while another write transaction or bulk
  // load of this process is open. Fails on a read-only store.
  Result<std::unique_ptr<Transaction>> BeginWrite();
  // Exclusive bulk loading; see bulk_loader.h. `chunk_bytes` (64 KiB to
  // 2 GiB) is how much each column family collects in memory before it is
  // written to a file.
  static constexpr size_t kDefaultChunkBytes = size_t{64} << 20;
  Result<std::unique_ptr<BulkLoader>> BeginBulkLoad(size_t chunk_bytes = kDefaultChunkBytes);

  // Declares an index on `key` for nodes labelled `label` and fills it from
  // the nodes already there, in one atomic step. Declaring an existing index
  // is not an error.
  Status CreateIndex(std::string_view label, std::string_view key);
  Status DropIndex(std::string_view label, std::string_view key);

  // Declares a full-text index and fills it from the nodes already there,
  // in one atomic step. kConstraint when an index of that name exists.
  // Labels and keys are names; they are interned.
  Status CreateFullTextIndex(const std::string& name, const std::vector<std::string>& labels,
                             const std::vector<std::string>& keys);
  // kNotFound when there is no full-text index of that name.
  Status DropFullTextIndex(const std::string& name);

  // The catalog as of the last commit.
  std::shared_ptr<const Catalog> catalog() const;

  const std::string& path() const { return path_; }
  bool read_only() const { return options_.read_only; }

  // Writes memtables to disk files (tests and benchmarks use it; commits are
  // already durable through the write-ahead log).
  Status Flush();
  // Compacts every column family, or one (after a bulk load, for read speed).
  Status Compact();
  Status Compact(ColumnFamily family);

  // The in-memory projection of the state `txn` reads (a read
  // transaction) with at least `parts` (ProjectionParts), building what is
  // missing for that state; see graph_projection.h. nullptr when the graph cannot be projected (node ids
  // beyond 2^32). Concurrent callers share one build. `interrupt` cancels a
  // build in progress (kInterrupted).
  Result<std::shared_ptr<const GraphProjection>> ProjectionFor(Transaction* txn, unsigned parts, StopSignal interrupt);
  // The projection of the last committed state, if one is built (tests).
  std::shared_ptr<const GraphProjection> current_projection() const;

  // One line per column family from RocksDB's estimates (keys, bytes on
  // disk); for `kg --info` and benchmarks.
  std::string DescribeStorage() const;

 private:
  friend class Transaction;
  friend class BulkLoader;
  friend class ConsistencyChecker;  // reads the column families directly

  GraphStore(std::string path, StoreOptions options);
  Status OpenDb();
  Result<Catalog> ReadCatalog();
  rocksdb::ColumnFamilyHandle* cf(ColumnFamily f) const { return cfs_[static_cast<int>(f)]; }
  // Publishes a committed catalog (under publish_mutex_). A state changed
  // in unknown ways (a bulk load): the projection is dropped.
  void Publish(std::shared_ptr<const Catalog> catalog);
  // Publishes a transaction's commit (under publish_mutex_): the projection
  // lives on with the nodes it touched marked dirty.
  void PublishCommit(std::shared_ptr<const Catalog> catalog, const std::vector<NodeId>& touched);
  // Writes a schema change (the catalog's changed entries with `batch`)
  // and publishes the catalog. The caller holds writer_mutex_.
  Status CommitSchemaBatch(std::shared_ptr<Catalog> catalog, rocksdb::WriteBatch* batch);

  std::string path_;
  StoreOptions options_;
  std::string secondary_dir_;  // read-only opens: the secondary instance's own directory
  std::shared_ptr<rocksdb::Cache> block_cache_;
  std::unique_ptr<rocksdb::Env> memory_env_;  // in-memory stores only
  rocksdb::DB* db_ = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> cfs_;

  // One writer at a time: a write transaction or a bulk load holds it.
  std::mutex writer_mutex_;
  // Orders commits against the start of transactions, so that a snapshot
  // and the catalog it is paired with always agree.
  mutable std::mutex publish_mutex_;
  std::shared_ptr<const Catalog> catalog_;
  // The projection of the current state (or nullptr), and the number of
  // state changes so far: a projection built from an older state is not
  // installed. Both under publish_mutex_.
  std::shared_ptr<const GraphProjection> projection_;
  uint64_t generation_ = 0;
  // One projection build at a time.
  std::mutex build_mutex_;
  // Read-only stores: readers hold it shared; catching up with the primary
  // takes it exclusively, so no reader sees the data move under it.
  std::shared_mutex secondary_mutex_;
};

}  // namespace kg
