#include "storage/graph_store.h"

#include <rocksdb/cache.h>
#include <rocksdb/db.h>
#include <rocksdb/env.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>
#include <rocksdb/utilities/write_batch_with_index.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <system_error>

#include "storage/bulk_loader.h"
#include "storage/fulltext_entries.h"
#include "storage/key_codec.h"
#include "storage/projection_builder.h"
#include "storage/record_codec.h"
#include "storage/rocks_util.h"
#include "storage/transaction.h"

namespace kg {
namespace fs = std::filesystem;
namespace {

// Column family names, in ColumnFamily order. Stored on disk: never rename.
// "default" is RocksDB's kDefaultColumnFamilyName spelled out: that global
// std::string, in another library, may not be constructed yet when this
// array is initialised.
const char* const kCfNames[kNumColumnFamilies] = {"default", "nodes",          "rels",        "adjacency",
                                                  "labels",  "property_index", "unique_keys", "fulltext"};
// Families that a database of an older format may lack: opened for
// writing, they are added empty; opened read-only, they stay missing (and
// nothing in the catalog can refer to them).
bool AddedLater(int cf) { return cf == static_cast<int>(ColumnFamily::kFullText); }

rocksdb::ColumnFamilyOptions CfOptions(ColumnFamily f, const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions o;
  rocksdb::BlockBasedTableOptions t;
  t.block_cache = cache;
  t.cache_index_and_filter_blocks = true;
  t.pin_l0_filter_and_index_blocks_in_cache = true;
  t.format_version = 5;
  // Point lookups (records by id, nodes by key) skip files with a bloom
  // filter; scan-only families do not need one.
  if (f == ColumnFamily::kNodes || f == ColumnFamily::kRels || f == ColumnFamily::kUniqueKeys) {
    t.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  }
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(t));
  o.compression = rocksdb::kLZ4Compression;
  o.bottommost_compression = rocksdb::kLZ4Compression;
  o.level_compaction_dynamic_level_bytes = true;
  return o;
}

// A read-only store needs a directory of its own (RocksDB writes the
// secondary instance's log there). It is named after our process id, so
// that directories left by processes that died can be recognised and
// removed.
const char kSecondaryPrefix[] = "kg-secondary-";

Result<std::string> MakeSecondaryDir() {
  std::error_code ec;
  const fs::path tmp = fs::temp_directory_path(ec);
  if (ec) return Status::Io("no temporary directory for the read-only instance: " + ec.message());
  for (const fs::directory_entry& e : fs::directory_iterator(tmp, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(kSecondaryPrefix, 0) != 0) continue;
    const std::string pid = name.substr(sizeof kSecondaryPrefix - 1,
                                        name.find('-', sizeof kSecondaryPrefix - 1) - (sizeof kSecondaryPrefix - 1));
    if (!pid.empty() && pid.find_first_not_of("0123456789") == std::string::npos && !fs::exists("/proc/" + pid)) {
      std::error_code ignored;
      fs::remove_all(e.path(), ignored);
    }
  }
  std::string pattern = (tmp / (kSecondaryPrefix + std::to_string(getpid()) + "-XXXXXX")).string();
  if (!mkdtemp(pattern.data()))
    return Status::Io("cannot create a directory for the read-only instance in " + tmp.string());
  return pattern;
}

bool IsLockError(const rocksdb::Status& s) {
  const std::string m = s.ToString();
  return s.IsIOError() &&
         (m.find("lock") != std::string::npos || m.find("Resource temporarily unavailable") != std::string::npos);
}

}  // namespace

GraphStore::GraphStore(std::string path, StoreOptions options) : path_(std::move(path)), options_(options) {}

GraphStore::~GraphStore() {
  for (auto* h : cfs_) {
    if (h) db_->DestroyColumnFamilyHandle(h);
  }
  delete db_;
  if (!secondary_dir_.empty()) {
    std::error_code ec;
    fs::remove_all(secondary_dir_, ec);
  }
}

Result<std::unique_ptr<GraphStore>> GraphStore::Open(const std::string& path, StoreOptions options) {
  std::unique_ptr<GraphStore> store(new GraphStore(path, options));
  KG_RETURN_IF_ERROR(store->OpenDb());
  KG_ASSIGN_OR_RETURN(Catalog catalog, store->ReadCatalog());
  store->catalog_ = std::make_shared<const Catalog>(std::move(catalog));
  return store;
}

Status GraphStore::OpenDb() {
  std::error_code ec;
  const fs::file_status st = fs::status(path_, ec);
  bool fresh = false;
  if (options_.in_memory) {
    if (options_.read_only) return Status::Usage("an in-memory database cannot be opened read-only");
    memory_env_.reset(rocksdb::NewMemEnv(rocksdb::Env::Default()));
    // The memory environment names files by absolute path only; the path
    // is just a name here, so any name will do.
    if (path_.empty() || path_[0] != '/') path_ = "/" + path_;
    fresh = true;
  } else if (!fs::exists(st)) {
    if (options_.read_only || !options_.create_if_missing) return Status::NotFound("no database at " + path_);
    fs::create_directories(path_, ec);
    if (ec) return Status::Io("cannot create " + path_ + ": " + ec.message());
    fresh = true;
  } else if (!fs::is_directory(st)) {
    return Status::Storage(path_ + " is not a kg database (it is a file, not a directory)");
  } else if (fs::is_empty(path_, ec)) {
    if (options_.read_only || !options_.create_if_missing)
      return Status::NotFound("no database at " + path_ + " (the directory is empty)");
    fresh = true;
  } else if (!fs::exists(fs::path(path_) / "CURRENT")) {
    return Status::Storage(path_ + " is not a kg database (the directory holds other files)");
  }

  rocksdb::DBOptions db_options;
  db_options.create_if_missing = fresh;
  db_options.create_missing_column_families = fresh;
  db_options.max_background_jobs = 2;
  db_options.bytes_per_sync = 1 << 20;
  db_options.keep_log_file_num = 3;
  db_options.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  if (memory_env_) db_options.env = memory_env_.get();
  block_cache_ = rocksdb::NewLRUCache(options_.block_cache_bytes);

  std::vector<bool> present(kNumColumnFamilies, true);
  if (!fresh) {
    std::vector<std::string> existing;
    rocksdb::Status s = rocksdb::DB::ListColumnFamilies(db_options, path_, &existing);
    if (!s.ok()) return Status::Storage(path_ + " is not a kg database (" + s.ToString() + ")");
    for (int i = 0; i < kNumColumnFamilies; ++i) {
      if (std::find(existing.begin(), existing.end(), kCfNames[i]) != existing.end()) continue;
      if (!AddedLater(i)) {
        return Status::Storage(path_ + " is not a kg database (a RocksDB database without kg's column families)");
      }
      if (options_.read_only) {
        present[i] = false;
      } else {
        db_options.create_missing_column_families = true;
      }
    }
  }

  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (int i = 0; i < kNumColumnFamilies; ++i) {
    if (present[i]) descriptors.emplace_back(kCfNames[i], CfOptions(static_cast<ColumnFamily>(i), block_cache_));
  }
  rocksdb::Status s;
  if (options_.read_only) {
    // A secondary instance follows the primary's files, so it may be opened
    // while another process writes (a plain read-only instance may not).
    KG_ASSIGN_OR_RETURN(secondary_dir_, MakeSecondaryDir());
    rocksdb::Options o(db_options, rocksdb::ColumnFamilyOptions());
    o.max_open_files = -1;
    s = rocksdb::DB::OpenAsSecondary(o, path_, secondary_dir_, descriptors, &cfs_, &db_);
  } else {
    s = rocksdb::DB::Open(db_options, path_, descriptors, &cfs_, &db_);
  }
  if (IsLockError(s)) {
    return Status::Storage("database " + path_ +
                           " is in use by another process; open it read-only to read it meanwhile");
  }
  if (!s.ok()) return Status::Storage("cannot open database " + path_ + ": " + s.ToString());
  for (int i = 0; i < kNumColumnFamilies; ++i) {
    if (!present[i]) cfs_.insert(cfs_.begin() + i, nullptr);
  }
  if (!options_.read_only && !options_.in_memory) {
    // Files of a bulk load whose process died before it finished: never
    // part of the database, so nothing is lost by removing them.
    fs::remove_all(fs::path(path_) / BulkLoader::kScratchDir, ec);
  }

  if (fresh) {
    rocksdb::WriteBatch batch;
    for (const auto& [k, v] : Catalog::InitialEntries()) batch.Put(cf(ColumnFamily::kMeta), k, v);
    rocksdb::WriteOptions wo;
    wo.sync = true;
    KG_RETURN_IF_ERROR(FromRocks(db_->Write(wo, &batch), "initialising " + path_));
  }
  return Status::Ok();
}

Result<Catalog> GraphStore::ReadCatalog() {
  std::vector<std::pair<std::string, std::string>> entries;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf(ColumnFamily::kMeta)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    entries.emplace_back(it->key().ToString(), it->value().ToString());
  }
  KG_RETURN_IF_ERROR(FromRocks(it->status(), "reading the catalog of " + path_));
  Result<Catalog> catalog = Catalog::Load(entries);
  if (!catalog.ok()) return Status::Storage(path_ + ": " + catalog.status().message());
  return catalog;
}

std::shared_ptr<const Catalog> GraphStore::catalog() const {
  std::lock_guard<std::mutex> lock(publish_mutex_);
  return catalog_;
}

void GraphStore::Publish(std::shared_ptr<const Catalog> catalog) {
  catalog_ = std::move(catalog);
  projection_.reset();
  ++generation_;
}

void GraphStore::PublishCommit(std::shared_ptr<const Catalog> catalog, const std::vector<NodeId>& touched) {
  catalog_ = std::move(catalog);
  if (touched.empty()) return;  // nothing the projection holds changed (an index, say)
  if (projection_) projection_ = projection_->WithDirty(touched);
  ++generation_;
}

std::shared_ptr<const GraphProjection> GraphStore::current_projection() const {
  std::lock_guard<std::mutex> lock(publish_mutex_);
  return projection_;
}

Result<std::shared_ptr<const GraphProjection>> GraphStore::ProjectionFor(Transaction* txn, unsigned parts,
                                                                         StopSignal interrupt) {
  if (txn->projection_ && txn->projection_->has(parts)) return txn->projection_;
  if (txn->is_write()) return std::shared_ptr<const GraphProjection>();
  const Catalog& catalog = txn->catalog();
  if (catalog.next_node_id() > std::numeric_limits<uint32_t>::max()) return std::shared_ptr<const GraphProjection>();
  std::lock_guard<std::mutex> build(build_mutex_);
  {
    // Another transaction of the same state may have built it meanwhile.
    std::lock_guard<std::mutex> lock(publish_mutex_);
    if (generation_ == txn->generation_ && projection_ && projection_->has(parts)) {
      txn->projection_ = projection_;
      return projection_;
    }
  }
  ProjectionBuilder::Source src{db_, rocksdb::ReadOptions(), cf(ColumnFamily::kNodes), cf(ColumnFamily::kAdjacency)};
  src.options.snapshot = txn->snapshot_;
  src.options.fill_cache = false;
  src.options.readahead_size = size_t{2} << 20;
  const GraphProjection* base = txn->projection_.get();
  std::shared_ptr<const GraphProjection::NodesPart> nodes;
  std::shared_ptr<const GraphProjection::AdjacencyPart> adjacency;
  if ((parts & kProjectNodes) && !(base && base->has_nodes())) {
    const auto start = std::chrono::steady_clock::now();
    KG_ASSIGN_OR_RETURN(nodes, ProjectionBuilder::BuildNodes(src, catalog.next_node_id(), interrupt));
    txn->projection_built_.nodes_seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  if ((parts & kProjectAdjacency) && !(base && base->has_adjacency())) {
    const auto start = std::chrono::steady_clock::now();
    KG_ASSIGN_OR_RETURN(adjacency,
                        ProjectionBuilder::BuildAdjacency(src, catalog.next_node_id(), catalog.rel_count(), interrupt));
    txn->projection_built_.adjacency_seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  auto built = ProjectionBuilder::Combine(base, std::move(nodes), std::move(adjacency));
  txn->projection_ = built;
  std::lock_guard<std::mutex> lock(publish_mutex_);
  if (generation_ == txn->generation_) projection_ = built;
  return built;
}

Result<std::unique_ptr<Transaction>> GraphStore::BeginRead() {
  std::unique_ptr<Transaction> txn(new Transaction(this, /*write=*/false));
  if (options_.read_only) {
    // Catch up with the primary only when no reader is looking: a secondary
    // instance has no snapshots, so its view must not move under a reader.
    {
      std::unique_lock<std::shared_mutex> exclusive(secondary_mutex_, std::try_to_lock);
      if (exclusive.owns_lock()) {
        const rocksdb::SequenceNumber before = db_->GetLatestSequenceNumber();
        db_->TryCatchUpWithPrimary();
        const bool moved = db_->GetLatestSequenceNumber() != before;
        Result<Catalog> fresh = ReadCatalog();
        if (fresh.ok()) {
          std::lock_guard<std::mutex> lock(publish_mutex_);
          catalog_ = std::make_shared<const Catalog>(std::move(fresh).value());
          // The primary changed the data in ways this process cannot see:
          // the projection is rebuilt when next needed.
          if (moved) {
            projection_.reset();
            ++generation_;
          }
        }
      }
    }
    txn->secondary_lock_ = std::shared_lock<std::shared_mutex>(secondary_mutex_);
    std::lock_guard<std::mutex> lock(publish_mutex_);
    txn->base_catalog_ = catalog_;
    txn->generation_ = generation_;
    txn->projection_ = projection_;
  } else {
    std::lock_guard<std::mutex> lock(publish_mutex_);
    txn->snapshot_ = db_->GetSnapshot();
    txn->base_catalog_ = catalog_;
    txn->generation_ = generation_;
    txn->projection_ = projection_;
  }
  txn->catalog_ = txn->base_catalog_.get();
  return txn;
}

Result<std::unique_ptr<Transaction>> GraphStore::BeginWrite() {
  if (options_.read_only) return Status::Usage("the database " + path_ + " is open read-only");
  std::unique_ptr<Transaction> txn(new Transaction(this, /*write=*/true));
  txn->writer_lock_ = std::unique_lock<std::mutex>(writer_mutex_);
  std::lock_guard<std::mutex> lock(publish_mutex_);
  txn->snapshot_ = db_->GetSnapshot();
  txn->base_catalog_ = catalog_;
  txn->private_catalog_ = std::make_shared<Catalog>(*catalog_);
  txn->private_catalog_->ClearChanges();
  txn->catalog_ = txn->private_catalog_.get();
  return txn;
}

Result<std::unique_ptr<BulkLoader>> GraphStore::BeginBulkLoad(size_t chunk_bytes) {
  if (options_.read_only) return Status::Usage("the database " + path_ + " is open read-only");
  if (options_.in_memory) return Status::Usage("bulk loading needs a database on disk, not an in-memory one");
  // Tiny chunks would mean a file per handful of entries, and offsets within
  // a chunk are 32-bit.
  if (chunk_bytes < (size_t{64} << 10) || chunk_bytes > (size_t{1} << 31)) {
    return Status::Usage("bulk load chunks must be 64 KiB to 2 GiB");
  }
  std::unique_ptr<BulkLoader> loader(new BulkLoader(this, chunk_bytes));
  KG_RETURN_IF_ERROR(loader->Start());
  return loader;
}

Status GraphStore::CreateIndex(std::string_view label, std::string_view key) {
  KG_ASSIGN_OR_RETURN(std::unique_ptr<Transaction> txn, BeginWrite());
  KG_ASSIGN_OR_RETURN(LabelId l, txn->InternLabel(label));
  KG_ASSIGN_OR_RETURN(PropertyKeyId k, txn->InternPropertyKey(key));
  if (txn->catalog().HasIndex(l, k)) return Status::Ok();
  txn->private_catalog_->AddIndex(IndexDef{l, k});
  // Fill it from the nodes already carrying the label.
  std::vector<NodeId> ids;
  for (auto c = txn->ScanLabel(l); c->Valid(); c->Next()) ids.push_back(c->id());
  for (NodeId id : ids) {
    KG_ASSIGN_OR_RETURN(std::optional<NodeRecord> node, txn->GetNode(id));
    if (!node) continue;
    const Value* v = FindProperty(node->properties, k);
    if (v && key_codec::IsIndexable(*v)) {
      KG_RETURN_IF_ERROR(txn->Put(ColumnFamily::kPropertyIndex, key_codec::PropertyIndexKey(l, k, *v, id), ""));
    }
  }
  return txn->Commit();
}

Status GraphStore::DropIndex(std::string_view label, std::string_view key) {
  KG_ASSIGN_OR_RETURN(std::unique_ptr<Transaction> txn, BeginWrite());
  auto l = txn->catalog().FindLabel(label);
  auto k = txn->catalog().FindPropertyKey(key);
  if (!l || !k || !txn->catalog().HasIndex(*l, *k)) {
    return Status::NotFound("no index on :" + std::string(label) + "(" + std::string(key) + ")");
  }
  std::vector<std::string> keys;
  {
    const std::string prefix = key_codec::PropertyIndexPrefix(*l, *k);
    auto stream = txn->Scan(ColumnFamily::kPropertyIndex, {{prefix, key_codec::PrefixSuccessor(prefix)}});
    for (; stream->Valid(); stream->Next()) keys.emplace_back(stream->key());
    KG_RETURN_IF_ERROR(stream->status());
  }
  for (const std::string& key_bytes : keys) {
    KG_RETURN_IF_ERROR(txn->Delete(ColumnFamily::kPropertyIndex, key_bytes));
  }
  txn->private_catalog_->RemoveIndex(IndexDef{*l, *k});
  return txn->Commit();
}

Status GraphStore::CreateFullTextIndex(const std::string& name, const std::vector<std::string>& labels,
                                       const std::vector<std::string>& keys) {
  if (options_.read_only) return Status::Usage("the database " + path_ + " is open read-only");
  // The writer's lock for the whole build: no write can slip between the
  // scan and the commit. The entries go into a plain batch (a transaction's
  // indexed batch would cost a search per entry) written with the catalog.
  std::unique_lock<std::mutex> writer(writer_mutex_);
  auto catalog = std::make_shared<Catalog>(*this->catalog());
  catalog->ClearChanges();
  if (catalog->FindFullTextIndex(name)) return Status::Constraint("an index named '" + name + "' already exists");
  FullTextIndexDef def;
  def.name = name;
  for (const std::string& l : labels) def.labels.push_back(catalog->InternLabel(l));
  std::sort(def.labels.begin(), def.labels.end());
  def.labels.erase(std::unique(def.labels.begin(), def.labels.end()), def.labels.end());
  for (const std::string& k : keys) def.keys.push_back(catalog->InternPropertyKey(k));
  const FullTextIndexDef& added = catalog->AddFullTextIndex(std::move(def));

  rocksdb::WriteBatch batch;
  std::vector<fulltext::Entry> entries;
  NodeRecord node;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf(ColumnFamily::kNodes)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    const rocksdb::Slice k = it->key(), v = it->value();
    KG_RETURN_IF_ERROR(
        record_codec::DecodeNode(key_codec::DecodeNodeKey({k.data(), k.size()}), {v.data(), v.size()}, &node));
    entries.clear();
    fulltext::DeriveEntries(added, node, &entries);
    for (const fulltext::Entry& e : entries) {
      KG_RETURN_IF_ERROR(FromRocks(batch.Put(cf(ColumnFamily::kFullText), e.key, e.value), "indexing"));
    }
  }
  KG_RETURN_IF_ERROR(FromRocks(it->status(), "reading the nodes of " + path_));
  return CommitSchemaBatch(std::move(catalog), &batch);
}

Status GraphStore::DropFullTextIndex(const std::string& name) {
  if (options_.read_only) return Status::Usage("the database " + path_ + " is open read-only");
  std::unique_lock<std::mutex> writer(writer_mutex_);
  auto catalog = std::make_shared<Catalog>(*this->catalog());
  catalog->ClearChanges();
  const FullTextIndexDef* def = catalog->FindFullTextIndex(name);
  if (!def) return Status::NotFound("there is no index named '" + name + "'");
  rocksdb::WriteBatch batch;
  for (char kind : {fulltext::kTokenEntry, fulltext::kExactEntry}) {
    std::string begin(1, kind);
    begin += fulltext::IndexPrefix(def->id);
    KG_RETURN_IF_ERROR(FromRocks(
        batch.DeleteRange(cf(ColumnFamily::kFullText), begin, key_codec::PrefixSuccessor(begin)), "dropping"));
  }
  catalog->RemoveFullTextIndex(name);
  return CommitSchemaBatch(std::move(catalog), &batch);
}

Status GraphStore::CommitSchemaBatch(std::shared_ptr<Catalog> catalog, rocksdb::WriteBatch* batch) {
  for (const auto& [key, value] : catalog->ChangedEntries()) {
    rocksdb::Status s =
        value ? batch->Put(cf(ColumnFamily::kMeta), key, *value) : batch->Delete(cf(ColumnFamily::kMeta), key);
    KG_RETURN_IF_ERROR(FromRocks(s, "writing the catalog"));
  }
  std::lock_guard<std::mutex> lock(publish_mutex_);
  rocksdb::WriteOptions wo;
  wo.sync = options_.sync_commits;
  KG_RETURN_IF_ERROR(FromRocks(db_->Write(wo, batch), "committing"));
  catalog->ClearChanges();
  PublishCommit(std::move(catalog), {});
  return Status::Ok();
}

Status GraphStore::Flush() {
  if (options_.read_only) return Status::Ok();
  rocksdb::FlushOptions fo;
  fo.wait = true;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  for (auto* h : cfs_)
    if (h) handles.push_back(h);
  return FromRocks(db_->Flush(fo, handles), "flushing " + path_);
}

Status GraphStore::Compact() {
  for (int i = 0; i < kNumColumnFamilies; ++i) KG_RETURN_IF_ERROR(Compact(static_cast<ColumnFamily>(i)));
  return Status::Ok();
}

Status GraphStore::Compact(ColumnFamily family) {
  if (options_.read_only || !cf(family)) return Status::Ok();
  rocksdb::CompactRangeOptions co;
  co.max_subcompactions = 2;  // split the key range over both cores of a small machine
  return FromRocks(db_->CompactRange(co, cf(family), nullptr, nullptr), "compacting " + path_);
}

std::string GraphStore::DescribeStorage() const {
  std::string out;
  for (int i = 0; i < kNumColumnFamilies; ++i) {
    if (!cfs_[i]) continue;
    uint64_t keys = 0, live = 0;
    db_->GetIntProperty(cfs_[i], "rocksdb.estimate-num-keys", &keys);
    db_->GetIntProperty(cfs_[i], "rocksdb.estimate-live-data-size", &live);
    out += std::string(kCfNames[i]) + ": ~" + std::to_string(keys) + " keys, ~" + std::to_string(live / 1024) +
           " KiB on disk\n";
  }
  return out;
}

}  // namespace kg
