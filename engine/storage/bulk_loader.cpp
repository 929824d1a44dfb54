#include "storage/bulk_loader.h"

#include <rocksdb/db.h>
#include <rocksdb/sst_file_writer.h>

#include <algorithm>
#include <filesystem>
#include <future>
#include <system_error>

#include "storage/key_codec.h"
#include "storage/record_codec.h"
#include "storage/rocks_util.h"

namespace kg {
namespace fs = std::filesystem;
const char* const BulkLoader::kScratchDir = "bulk-load.tmp";

BulkLoader::BulkLoader(GraphStore* store, size_t chunk_bytes) : store_(store), chunk_bytes_(chunk_bytes) {}

BulkLoader::~BulkLoader() {
  if (background_.valid()) background_.wait();
  if (!finished_) Discard();
}

void BulkLoader::Discard() {
  if (background_.valid()) background_.wait();
  finished_ = true;
  std::error_code ec;
  if (!scratch_.empty()) fs::remove_all(scratch_, ec);
}

Status BulkLoader::Start() {
  writer_lock_ = std::unique_lock<std::mutex>(store_->writer_mutex_);
  catalog_ = std::make_shared<Catalog>(*store_->catalog());
  catalog_->ClearChanges();
  first_new_node_ = catalog_->next_node_id();
  scratch_ = (fs::path(store_->path()) / kScratchDir).string();
  std::error_code ec;
  fs::remove_all(scratch_, ec);
  fs::create_directories(scratch_, ec);
  if (ec) return Status::Io("cannot create " + scratch_ + ": " + ec.message());
  return Status::Ok();
}

Status BulkLoader::Add(ColumnFamily cf, std::string_view key, std::string_view value) {
  Chunk& c = chunks_[static_cast<int>(cf)];
  char head[16] = {};
  key.copy(head, sizeof head);
  c.entries.push_back(Entry{{key_codec::GetU64(head), key_codec::GetU64(head + 8)},
                            static_cast<uint32_t>(c.arena.size()),
                            static_cast<uint32_t>(key.size()),
                            static_cast<uint32_t>(value.size())});
  c.arena.append(key);
  c.arena.append(value);
  if (c.arena.size() >= chunk_bytes_) return SpillInBackground(cf);
  return Status::Ok();
}

Status BulkLoader::WaitForBackground() {
  if (!background_.valid()) return Status::Ok();
  Result<SpilledFileInfo> done = background_.get();
  if (!done.ok()) return done.status();
  files_[static_cast<int>(background_cf_)].push_back(std::move(done).value());
  return Status::Ok();
}

Status BulkLoader::SpillInBackground(ColumnFamily cf) {
  KG_RETURN_IF_ERROR(WaitForBackground());
  Chunk chunk = std::move(chunks_[static_cast<int>(cf)]);
  chunks_[static_cast<int>(cf)] = Chunk();
  background_cf_ = cf;
  const uint64_t sequence = chunks_written_++;
  background_ = std::async(std::launch::async, [this, cf, sequence, c = std::move(chunk)]() mutable {
    return WriteChunk(cf, std::move(c), sequence);
  });
  return Status::Ok();
}

Result<SpilledFileInfo> BulkLoader::WriteChunk(ColumnFamily cf, Chunk c, uint64_t sequence) {
  const std::string& arena = c.arena;
  auto less = [&arena](const Entry& a, const Entry& b) {
    if (a.prefix[0] != b.prefix[0]) return a.prefix[0] < b.prefix[0];
    if (a.prefix[1] != b.prefix[1]) return a.prefix[1] < b.prefix[1];
    return std::string_view(arena.data() + a.offset, a.key_size) <
           std::string_view(arena.data() + b.offset, b.key_size);
  };
  // Records arrive in id order already; index entries need sorting.
  if (!std::is_sorted(c.entries.begin(), c.entries.end(), less)) std::sort(c.entries.begin(), c.entries.end(), less);
  const std::string file = scratch_ + "/" + std::to_string(sequence) + ".sst";
  rocksdb::Options options = store_->db_->GetOptions(store_->cf(cf));
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options, store_->cf(cf));
  KG_RETURN_IF_ERROR(FromRocks(writer.Open(file), "writing " + file));
  for (const Entry& e : c.entries) {
    rocksdb::Slice key(arena.data() + e.offset, e.key_size);
    rocksdb::Slice value(arena.data() + e.offset + e.key_size, e.value_size);
    KG_RETURN_IF_ERROR(FromRocks(writer.Put(key, value), "writing " + file));
  }
  KG_RETURN_IF_ERROR(FromRocks(writer.Finish(), "writing " + file));
  const Entry& first = c.entries.front();
  const Entry& last = c.entries.back();
  return SpilledFileInfo{file, arena.substr(first.offset, first.key_size), arena.substr(last.offset, last.key_size)};
}

bool BulkLoader::Overlapping(int cf) const {
  std::vector<const SpilledFileInfo*> files;
  for (const SpilledFileInfo& f : files_[cf]) files.push_back(&f);
  std::sort(files.begin(), files.end(),
            [](const SpilledFileInfo* a, const SpilledFileInfo* b) { return a->smallest < b->smallest; });
  for (size_t i = 1; i < files.size(); ++i) {
    if (files[i]->smallest <= files[i - 1]->largest) return true;
  }
  return false;
}

Result<bool> BulkLoader::ExistingNode(NodeId id) {
  if (id >= first_new_node_) return id < catalog_->next_node_id();  // nothing is deleted during a load
  std::string value;
  rocksdb::Status s =
      store_->db_->Get(rocksdb::ReadOptions(), store_->cf(ColumnFamily::kNodes), key_codec::NodeKey(id), &value);
  if (s.IsNotFound()) return false;
  KG_RETURN_IF_ERROR(FromRocks(s, "loading"));
  return true;
}

Result<NodeId> BulkLoader::AddNode(std::vector<LabelId> labels, Properties properties) {
  if (finished_) return Status::Usage("the bulk load has already finished");
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  for (LabelId l : labels) {
    if (l >= catalog_->num_labels()) return Status::Usage("unknown label id " + std::to_string(l));
  }
  NodeRecord node;
  node.labels = std::move(labels);
  node.properties = NormaliseProperties(std::move(properties));
  KG_RETURN_IF_ERROR(catalog_->CheckProperties(node.properties));

  // The unique key, checked against this load and the database before it.
  std::string unique_key;
  if (auto key_id = catalog_->FindPropertyKey(kKeyProperty)) {
    if (const Value* v = FindProperty(node.properties, *key_id)) {
      if (!key_codec::IsIndexable(*v)) {
        return Status::Constraint("the key property must be a string, number, boolean or date, not " + v->ToString());
      }
      unique_key = key_codec::UniqueKeyKey(*v);
      auto it = new_keys_.find(unique_key);
      if (it != new_keys_.end()) {
        return Status::Constraint("key " + v->ToString() + " already belongs to node " + std::to_string(it->second));
      }
      if (first_new_node_ > 0) {
        std::string owner;
        rocksdb::Status s =
            store_->db_->Get(rocksdb::ReadOptions(), store_->cf(ColumnFamily::kUniqueKeys), unique_key, &owner);
        if (s.ok() && owner.size() == 8) {
          return Status::Constraint("key " + v->ToString() + " already belongs to node " +
                                    std::to_string(key_codec::GetU64(owner.data())));
        }
        if (!s.ok() && !s.IsNotFound()) return FromRocks(s, "loading");
      }
    }
  }

  node.id = catalog_->AllocateNodeId();
  value_buffer_.clear();
  record_codec::EncodeNode(node, &value_buffer_);
  KG_RETURN_IF_ERROR(Add(ColumnFamily::kNodes, key_codec::NodeKey(node.id), value_buffer_));
  for (LabelId l : node.labels) {
    KG_RETURN_IF_ERROR(Add(ColumnFamily::kLabels, key_codec::LabelKey(l, node.id), ""));
    catalog_->AddToLabel(l, 1);
    for (PropertyKeyId k : catalog_->IndexedKeys(l)) {
      const Value* v = FindProperty(node.properties, k);
      if (v && key_codec::IsIndexable(*v)) {
        KG_RETURN_IF_ERROR(Add(ColumnFamily::kPropertyIndex, key_codec::PropertyIndexKey(l, k, *v, node.id), ""));
      }
    }
  }
  if (!unique_key.empty()) {
    KG_RETURN_IF_ERROR(Add(ColumnFamily::kUniqueKeys, unique_key, key_codec::NodeKey(node.id)));
    new_keys_.emplace(std::move(unique_key), node.id);
  }
  catalog_->AddNodes(1);
  ++nodes_added_;
  return node.id;
}

Result<RelId> BulkLoader::AddRelationship(RelTypeId type, NodeId start, NodeId end, Properties properties) {
  if (finished_) return Status::Usage("the bulk load has already finished");
  if (type >= catalog_->num_rel_types()) return Status::Usage("unknown relationship type id " + std::to_string(type));
  for (NodeId n : {start, end}) {
    KG_ASSIGN_OR_RETURN(bool exists, ExistingNode(n));
    if (!exists)
      return Status::Constraint("cannot create a relationship to node " + std::to_string(n) + ": it does not exist");
  }
  RelRecord rel;
  rel.type = type;
  rel.start = start;
  rel.end = end;
  rel.properties = NormaliseProperties(std::move(properties));
  KG_RETURN_IF_ERROR(catalog_->CheckProperties(rel.properties));
  rel.id = catalog_->AllocateRelId();
  value_buffer_.clear();
  record_codec::EncodeRel(rel, &value_buffer_);
  KG_RETURN_IF_ERROR(Add(ColumnFamily::kRels, key_codec::RelKey(rel.id), value_buffer_));
  KG_RETURN_IF_ERROR(
      Add(ColumnFamily::kAdjacency, key_codec::AdjacencyKey(start, Direction::kOut, type, end, rel.id), ""));
  KG_RETURN_IF_ERROR(
      Add(ColumnFamily::kAdjacency, key_codec::AdjacencyKey(end, Direction::kIn, type, start, rel.id), ""));
  catalog_->AddRels(1);
  catalog_->AddToRelType(type, 1);
  ++rels_added_;
  return rel.id;
}

Status BulkLoader::Finish(bool compact) {
  if (finished_) return Status::Usage("the bulk load has already finished");
  Status s = [&]() -> Status {
    // The catalog goes in as one more file, so that data and catalog become
    // visible in the same atomic step.
    for (const auto& [key, value] : catalog_->ChangedEntries()) {
      if (value) KG_RETURN_IF_ERROR(Add(ColumnFamily::kMeta, key, *value));
    }
    // The last chunks: the adjacency chunk (the largest) on the second
    // thread, the others on this one meanwhile.
    KG_RETURN_IF_ERROR(WaitForBackground());
    if (!chunks_[static_cast<int>(ColumnFamily::kAdjacency)].entries.empty()) {
      KG_RETURN_IF_ERROR(SpillInBackground(ColumnFamily::kAdjacency));
    }
    for (int i = 0; i < kNumColumnFamilies; ++i) {
      if (chunks_[i].entries.empty()) continue;
      Chunk chunk = std::move(chunks_[i]);
      chunks_[i] = Chunk();
      KG_ASSIGN_OR_RETURN(SpilledFileInfo file,
                          WriteChunk(static_cast<ColumnFamily>(i), std::move(chunk), chunks_written_++));
      files_[i].push_back(std::move(file));
    }
    KG_RETURN_IF_ERROR(WaitForBackground());
    std::vector<rocksdb::IngestExternalFileArg> args;
    for (int i = 0; i < kNumColumnFamilies; ++i) {
      if (files_[i].empty()) continue;
      rocksdb::IngestExternalFileArg arg;
      arg.column_family = store_->cfs_[i];
      for (const SpilledFileInfo& f : files_[i]) arg.external_files.push_back(f.path);
      arg.options.move_files = true;
      args.push_back(std::move(arg));
    }
    std::lock_guard<std::mutex> lock(store_->publish_mutex_);
    KG_RETURN_IF_ERROR(FromRocks(store_->db_->IngestExternalFiles(args), "finishing the bulk load"));
    catalog_->ClearChanges();
    store_->Publish(std::make_shared<const Catalog>(*catalog_));
    return Status::Ok();
  }();
  Discard();  // the scratch files, now moved into the database or not wanted
  if (s.ok() && compact) {
    s = store_->Compact();
  } else {
    for (int i = 0; i < kNumColumnFamilies && s.ok(); ++i) {
      if (Overlapping(i)) s = store_->Compact(static_cast<ColumnFamily>(i));
    }
  }
  if (writer_lock_.owns_lock()) writer_lock_.unlock();
  return s;
}

}  // namespace kg
