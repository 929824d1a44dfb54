#include "storage/bulk_loader.h"

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include "storage/graph_store.h"
#include "storage/key_codec.h"
#include "storage/record_codec.h"
#include "storage/rocks_util.h"

namespace kg {
namespace {

constexpr int kMetaCf = static_cast<int>(ColumnFamily::kMeta);
constexpr int kNodesCf = static_cast<int>(ColumnFamily::kNodes);
constexpr int kRelsCf = static_cast<int>(ColumnFamily::kRels);
constexpr int kAdjacencyCf = static_cast<int>(ColumnFamily::kAdjacency);
constexpr int kLabelsCf = static_cast<int>(ColumnFamily::kLabels);
constexpr int kPropertyIndexCf = static_cast<int>(ColumnFamily::kPropertyIndex);
constexpr int kUniqueKeysCf = static_cast<int>(ColumnFamily::kUniqueKeys);

// Large batches amortise the write path; 16 MiB keeps memory modest.
constexpr size_t kBatchBytes = size_t{16} << 20;

}  // namespace

BulkLoader::BulkLoader(GraphStore* store) : store_(store), batch_(std::make_unique<rocksdb::WriteBatch>()) {}

BulkLoader::~BulkLoader() {
  if (!finished_) (void)Finish();
}

Status BulkLoader::Start() {
  writer_lock_ = std::unique_lock<std::mutex>(store_->writer_mutex_);
  catalog_ = std::make_shared<Catalog>(*store_->catalog());
  catalog_->ClearChanges();
  first_new_node_ = catalog_->next_node_id();
  rocksdb::WriteOptions wo;
  wo.sync = true;
  return FromRocks(store_->db_->Put(wo, store_->cf(ColumnFamily::kMeta), Catalog::kBulkLoadKey, ""),
                   "starting a bulk load");
}

Status BulkLoader::Put(int cf, const std::string& key, std::string_view value) {
  return FromRocks(batch_->Put(store_->cfs_[cf], key, rocksdb::Slice(value.data(), value.size())), "loading");
}

Status BulkLoader::WriteBatchIfFull(bool force) {
  if (batch_->GetDataSize() < kBatchBytes && !force) return Status::Ok();
  if (batch_->Count() == 0) return Status::Ok();
  rocksdb::WriteOptions wo;
  wo.disableWAL = true;
  Status s = FromRocks(store_->db_->Write(wo, batch_.get()), "loading");
  batch_->Clear();
  return s;
}

Result<bool> BulkLoader::ExistingNode(NodeId id) {
  if (id >= first_new_node_) return id < catalog_->next_node_id();
  std::string value;
  rocksdb::Status s = store_->db_->Get(rocksdb::ReadOptions(), store_->cf(ColumnFamily::kNodes), key_codec::NodeKey(id), &value);
  if (s.IsNotFound()) return false;
  KG_RETURN_IF_ERROR(FromRocks(s, "loading"));
  return true;
}

Result<NodeId> BulkLoader::AddNode(std::vector<LabelId> labels, Properties properties) {
  if (finished_) return Status::Usage("the bulk load has already finished");
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  properties = NormaliseProperties(std::move(properties));
  for (const Property& p : properties) {
    if (!p.value.IsStorable()) {
      return Status::Constraint("property '" + catalog_->PropertyKeyName(p.key) + "' cannot hold " + p.value.ToString());
    }
  }
  NodeRecord node;
  node.labels = std::move(labels);
  node.properties = std::move(properties);

  // The unique key, checked against this load and the database before it.
  std::string unique_key;
  if (!key_property_known_) {
    if (auto k = catalog_->FindPropertyKey(kKeyProperty)) {
      key_property_ = *k;
      key_property_known_ = true;
    }
  }
  if (key_property_known_) {
    if (const Value* v = FindProperty(node.properties, key_property_)) {
      if (!key_codec::IsIndexable(*v)) {
        return Status::Constraint("the key property must be a string, number, boolean or date, not " + v->ToString());
      }
      unique_key = key_codec::UniqueKeyKey(*v);
      auto it = new_keys_.find(unique_key);
      std::string owner;
      if (it != new_keys_.end()) {
        return Status::Constraint("key " + v->ToString() + " already belongs to node " + std::to_string(it->second));
      }
      if (first_new_node_ > 0) {
        rocksdb::Status s = store_->db_->Get(rocksdb::ReadOptions(), store_->cf(ColumnFamily::kUniqueKeys), unique_key, &owner);
        if (s.ok()) return Status::Constraint("key " + v->ToString() + " already belongs to node " + std::to_string(key_codec::GetU64(owner.data())));
        if (!s.IsNotFound()) return FromRocks(s, "loading");
      }
    }
  }

  node.id = catalog_->AllocateNodeId();
  std::string value;
  record_codec::EncodeNode(node, &value);
  KG_RETURN_IF_ERROR(Put(kNodesCf, key_codec::NodeKey(node.id), value));
  for (LabelId l : node.labels) {
    KG_RETURN_IF_ERROR(Put(kLabelsCf, key_codec::LabelKey(l, node.id), ""));
    catalog_->AddToLabel(l, 1);
    for (PropertyKeyId k : catalog_->IndexedKeys(l)) {
      const Value* v = FindProperty(node.properties, k);
      if (v && key_codec::IsIndexable(*v)) {
        KG_RETURN_IF_ERROR(Put(kPropertyIndexCf, key_codec::PropertyIndexKey(l, k, *v, node.id), ""));
      }
    }
  }
  if (!unique_key.empty()) {
    KG_RETURN_IF_ERROR(Put(kUniqueKeysCf, unique_key, key_codec::NodeKey(node.id)));
    new_keys_.emplace(std::move(unique_key), node.id);
  }
  catalog_->AddNodes(1);
  ++nodes_added_;
  KG_RETURN_IF_ERROR(WriteBatchIfFull(false));
  return node.id;
}

Result<RelId> BulkLoader::AddRelationship(RelTypeId type, NodeId start, NodeId end, Properties properties) {
  if (finished_) return Status::Usage("the bulk load has already finished");
  if (type >= catalog_->num_rel_types()) return Status::Usage("unknown relationship type id " + std::to_string(type));
  for (NodeId n : {start, end}) {
    KG_ASSIGN_OR_RETURN(bool exists, ExistingNode(n));
    if (!exists) return Status::Constraint("cannot create a relationship to node " + std::to_string(n) + ": it does not exist");
  }
  RelRecord rel;
  rel.id = catalog_->AllocateRelId();
  rel.type = type;
  rel.start = start;
  rel.end = end;
  rel.properties = NormaliseProperties(std::move(properties));
  for (const Property& p : rel.properties) {
    if (!p.value.IsStorable()) {
      return Status::Constraint("property '" + catalog_->PropertyKeyName(p.key) + "' cannot hold " + p.value.ToString());
    }
  }
  std::string value;
  record_codec::EncodeRel(rel, &value);
  KG_RETURN_IF_ERROR(Put(kRelsCf, key_codec::RelKey(rel.id), value));
  KG_RETURN_IF_ERROR(Put(kAdjacencyCf, key_codec::AdjacencyKey(start, Direction::kOut, type, end, rel.id), ""));
  KG_RETURN_IF_ERROR(Put(kAdjacencyCf, key_codec::AdjacencyKey(end, Direction::kIn, type, start, rel.id), ""));
  catalog_->AddRels(1);
  catalog_->AddToRelType(type, 1);
  ++rels_added_;
  KG_RETURN_IF_ERROR(WriteBatchIfFull(false));
  return rel.id;
}

Status BulkLoader::Finish(bool compact) {
  if (finished_) return Status::Usage("the bulk load has already finished");
  finished_ = true;
  KG_RETURN_IF_ERROR(WriteBatchIfFull(true));
  // The data must be in disk files before the catalog (written with the
  // log) says it is there.
  KG_RETURN_IF_ERROR(store_->Flush());
  rocksdb::WriteBatch meta;
  for (const auto& [key, value] : catalog_->ChangedEntries()) {
    if (value) meta.Put(store_->cfs_[kMetaCf], key, *value);
    else meta.Delete(store_->cfs_[kMetaCf], key);
  }
  meta.Delete(store_->cfs_[kMetaCf], Catalog::kBulkLoadKey);
  {
    std::lock_guard<std::mutex> lock(store_->publish_mutex_);
    rocksdb::WriteOptions wo;
    wo.sync = true;
    KG_RETURN_IF_ERROR(FromRocks(store_->db_->Write(wo, &meta), "finishing the bulk load"));
    catalog_->ClearChanges();
    store_->Publish(std::make_shared<const Catalog>(*catalog_));
  }
  if (compact) KG_RETURN_IF_ERROR(store_->Compact());
  writer_lock_.unlock();
  return Status::Ok();
}

}  // namespace kg
