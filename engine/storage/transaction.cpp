#include "storage/transaction.h"

#include <rocksdb/db.h>
#include <rocksdb/utilities/write_batch_with_index.h>

#include <algorithm>
#include <cstring>
#include <roaring/roaring.hh>

#include "common/value_compare.h"
#include "storage/fulltext_entries.h"
#include "storage/graph_store.h"
#include "storage/key_codec.h"
#include "storage/record_codec.h"
#include "storage/rocks_util.h"

namespace kg {
namespace {
using Range = std::pair<std::string, std::string>;  // [begin, end); empty end: to the end
}  // namespace

// The iterators of one read transaction, kept for reuse: making a RocksDB
// iterator costs about as much as the seek that follows, and a query makes
// one scan per node it expands. Pooled iterators have no upper bound; the
// stream checks its range itself.
class IteratorPool {
 public:
  IteratorPool(rocksdb::DB* db, const rocksdb::Snapshot* snapshot, std::vector<rocksdb::ColumnFamilyHandle*> cfs)
      : db_(db), cfs_(std::move(cfs)), idle_(cfs_.size()) {
    options_.snapshot = snapshot;
  }
  std::unique_ptr<rocksdb::Iterator> Take(int cf) {
    if (idle_[cf].empty()) return std::unique_ptr<rocksdb::Iterator>(db_->NewIterator(options_, cfs_[cf]));
    std::unique_ptr<rocksdb::Iterator> it = std::move(idle_[cf].back());
    idle_[cf].pop_back();
    return it;
  }
  void Give(int cf, std::unique_ptr<rocksdb::Iterator> it) {
    if (it->status().ok()) idle_[cf].push_back(std::move(it));
  }

 private:
  rocksdb::DB* db_;
  std::vector<rocksdb::ColumnFamilyHandle*> cfs_;
  rocksdb::ReadOptions options_;
  std::vector<std::vector<std::unique_ptr<rocksdb::Iterator>>> idle_;
};

namespace {

// The ranges in turn on one iterator (which has no upper bound of its own:
// the stream checks each key against its range). `done` receives the
// iterator when the stream ends, so a read transaction can reuse it.
class RangeStream : public KeyStream {
 public:
  using Done = std::function<void(std::unique_ptr<rocksdb::Iterator>)>;
  RangeStream(std::unique_ptr<rocksdb::Iterator> it, std::vector<Range> ranges, Done done = nullptr)
      : it_(std::move(it)), ranges_(std::move(ranges)), done_(std::move(done)) {
    if (ranges_.empty()) return;
    it_->Seek(ranges_[0].first);
    Settle();
  }
  ~RangeStream() override {
    if (done_) done_(std::move(it_));
  }
  bool Valid() const override { return valid_; }
  void Next() override {
    it_->Next();
    Settle();
  }
  std::string_view key() const override {
    auto k = it_->key();
    return {k.data(), k.size()};
  }
  std::string_view value() const override {
    auto v = it_->value();
    return {v.data(), v.size()};
  }
  Status status() const override { return status_; }

 private:
  void Settle() {
    for (;;) {
      if (it_->Valid()) {
        const std::string& end = ranges_[index_].second;
        if (end.empty() || it_->key().compare(rocksdb::Slice(end)) < 0) {
          valid_ = true;
          return;
        }
      } else if (!it_->status().ok()) {
        status_ = FromRocks(it_->status(), "scanning");
        valid_ = false;
        return;
      }
      if (++index_ >= ranges_.size()) {
        valid_ = false;
        return;
      }
      it_->Seek(ranges_[index_].first);
    }
  }

  std::unique_ptr<rocksdb::Iterator> it_;
  std::vector<Range> ranges_;
  Done done_;
  size_t index_ = 0;
  bool valid_ = false;
  Status status_;
};

// Pairs read up front: what a write transaction's scans return.
class VectorStream : public KeyStream {
 public:
  VectorStream(std::vector<std::pair<std::string, std::string>> rows, Status status)
      : rows_(std::move(rows)), status_(std::move(status)) {}
  bool Valid() const override { return i_ < rows_.size(); }
  void Next() override { ++i_; }
  std::string_view key() const override { return rows_[i_].first; }
  std::string_view value() const override { return rows_[i_].second; }
  Status status() const override { return status_; }

 private:
  std::vector<std::pair<std::string, std::string>> rows_;
  size_t i_ = 0;
  Status status_;
};

Range PrefixRange(std::string prefix) {
  std::string end = key_codec::PrefixSuccessor(prefix);
  return {std::move(prefix), std::move(end)};
}

Status Finished() { return Status::Usage("the transaction has already ended"); }

// Keys a node record implies in the other column families.
struct DerivedEntries {
  std::vector<std::pair<ColumnFamily, std::string>> keys;  // labels and property index, empty values
  std::optional<std::string> unique_key;                   // ColumnFamily::kUniqueKeys key, value is the node id
  std::vector<fulltext::Entry> fulltext;                   // ColumnFamily::kFullText keys and values
};

// With `fulltext` false the full-text entries are left out (the caller
// knows they do not change).
DerivedEntries Derive(const Catalog& catalog, const NodeRecord& node, bool fulltext) {
  DerivedEntries d;
  for (LabelId l : node.labels) {
    d.keys.emplace_back(ColumnFamily::kLabels, key_codec::LabelKey(l, node.id));
    for (PropertyKeyId k : catalog.IndexedKeys(l)) {
      const Value* v = FindProperty(node.properties, k);
      if (v && key_codec::IsIndexable(*v)) {
        d.keys.emplace_back(ColumnFamily::kPropertyIndex, key_codec::PropertyIndexKey(l, k, *v, node.id));
      }
    }
  }
  if (auto key_id = catalog.FindPropertyKey(kKeyProperty)) {
    if (const Value* v = FindProperty(node.properties, *key_id)) d.unique_key = key_codec::UniqueKeyKey(*v);
  }
  if (fulltext) fulltext::DeriveEntries(catalog, node, &d.fulltext);
  return d;
}

bool Contains(const std::vector<std::pair<ColumnFamily, std::string>>& v,
              const std::pair<ColumnFamily, std::string>& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

Transaction::Transaction(GraphStore* store, bool write) : store_(store) {
  if (write) {
    batch_ = std::make_unique<rocksdb::WriteBatchWithIndex>(rocksdb::BytewiseComparator(), 0, /*overwrite_key=*/true);
  }
}

Transaction::~Transaction() {
  if (snapshot_) store_->db_->ReleaseSnapshot(snapshot_);
}

Status Transaction::CheckWritable() const {
  if (!batch_) return Status::Usage("this transaction is read-only");
  if (finished_) return Finished();
  return Status::Ok();
}

Status Transaction::Get(ColumnFamily cf, std::string_view key, std::string* value, bool* found) {
  if (finished_) return Finished();
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot_;
  rocksdb::Status s =
      batch_ ? batch_->GetFromBatchAndDB(store_->db_, ro, store_->cf(cf), rocksdb::Slice(key.data(), key.size()), value)
             : store_->db_->Get(ro, store_->cf(cf), rocksdb::Slice(key.data(), key.size()), value);
  *found = s.ok();
  if (s.IsNotFound()) return Status::Ok();
  return FromRocks(s, "reading");
}

std::unique_ptr<KeyStream> Transaction::Scan(ColumnFamily cf, std::vector<Range> ranges) {
  if (finished_) return std::make_unique<VectorStream>(std::vector<std::pair<std::string, std::string>>{}, Finished());
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot_;
  rocksdb::DB* db = store_->db_;
  rocksdb::ColumnFamilyHandle* handle = store_->cf(cf);
  if (!batch_) {
    if (!iterators_) iterators_ = std::make_shared<IteratorPool>(db, snapshot_, store_->cfs_);
    std::shared_ptr<IteratorPool> pool = iterators_;
    const int index = static_cast<int>(cf);
    return std::make_unique<RangeStream>(
        pool->Take(index), std::move(ranges),
        [pool, index](std::unique_ptr<rocksdb::Iterator> it) { pool->Give(index, std::move(it)); });
  }
  // Write transaction: the snapshot merged with this transaction's writes,
  // read whole now so that later writes cannot disturb the walk.
  RangeStream merged(
      std::unique_ptr<rocksdb::Iterator>(batch_->NewIteratorWithBase(handle, db->NewIterator(ro, handle), &ro)),
      std::move(ranges));
  std::vector<std::pair<std::string, std::string>> rows;
  for (; merged.Valid(); merged.Next()) rows.emplace_back(std::string(merged.key()), std::string(merged.value()));
  return std::make_unique<VectorStream>(std::move(rows), merged.status());
}

std::unique_ptr<KeyStream> Transaction::ScanFullText(std::vector<Range> ranges) {
  if (!store_->cf(ColumnFamily::kFullText)) {  // an old database opened read-only: no index can exist
    return std::make_unique<VectorStream>(std::vector<std::pair<std::string, std::string>>{}, Status::Ok());
  }
  return Scan(ColumnFamily::kFullText, std::move(ranges));
}

Result<std::optional<NodeRecord>> Transaction::GetNode(NodeId id) {
  const bool cached = !is_write();
  if (cached) {
    auto it = node_cache_.find(id);
    if (it != node_cache_.end()) return std::optional<NodeRecord>(it->second);
  }
  std::string value;
  bool found;
  KG_RETURN_IF_ERROR(Get(ColumnFamily::kNodes, key_codec::NodeKey(id), &value, &found));
  if (!found) return std::optional<NodeRecord>();
  NodeRecord node;
  KG_RETURN_IF_ERROR(record_codec::DecodeNode(id, value, &node));
  if (cached) {
    if (node_cache_.size() >= kNodeCacheEntries) node_cache_.clear();
    node_cache_.emplace(id, node);
  }
  return std::optional<NodeRecord>(std::move(node));
}

Result<std::optional<RelRecord>> Transaction::GetRelationship(RelId id) {
  std::string value;
  bool found;
  KG_RETURN_IF_ERROR(Get(ColumnFamily::kRels, key_codec::RelKey(id), &value, &found));
  if (!found) return std::optional<RelRecord>();
  RelRecord rel;
  KG_RETURN_IF_ERROR(record_codec::DecodeRel(id, value, &rel));
  return std::optional<RelRecord>(std::move(rel));
}

Result<bool> Transaction::NodeExists(NodeId id) {
  if (projection_ && projection_->has_nodes() && !finished_ && !projection_->IsDirty(id)) {
    return projection_->Exists(id);
  }
  std::string value;
  bool found;
  KG_RETURN_IF_ERROR(Get(ColumnFamily::kNodes, key_codec::NodeKey(id), &value, &found));
  return found;
}

Result<std::optional<NodeId>> Transaction::FindNodeByKey(const Value& key) {
  if (!key_codec::IsIndexable(key)) return std::optional<NodeId>();
  std::string value;
  bool found;
  KG_RETURN_IF_ERROR(Get(ColumnFamily::kUniqueKeys, key_codec::UniqueKeyKey(key), &value, &found));
  if (!found) return std::optional<NodeId>();
  if (value.size() != 8) return Status::Storage("corrupt key entry");
  return std::optional<NodeId>(key_codec::GetU64(value.data()));
}

std::unique_ptr<AdjacencyCursor> Transaction::Expand(NodeId node, Direction dir, const std::vector<RelTypeId>& types,
                                                     std::optional<NodeId> neighbour) {
  std::vector<Range> ranges;
  std::vector<RelTypeId> sorted = types;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  if (projection_ && projection_->has_adjacency() && !finished_ && !projection_->IsDirty(node)) {
    return std::make_unique<AdjacencyCursor>(*projection_, node, dir, sorted, neighbour);
  }
  for (Direction d : {Direction::kOut, Direction::kIn}) {
    if (dir != Direction::kBoth && dir != d) continue;
    if (sorted.empty()) {
      ranges.push_back(PrefixRange(dir == Direction::kBoth && d == Direction::kOut
                                       ? key_codec::AdjacencyPrefix(node)
                                       : key_codec::AdjacencyPrefix(node, d)));
      if (dir == Direction::kBoth) break;  // the node prefix covers both directions
    } else {
      for (RelTypeId t : sorted) {
        std::string prefix = key_codec::AdjacencyPrefix(node, d, t);
        if (neighbour) key_codec::PutU64(&prefix, *neighbour);
        ranges.push_back(PrefixRange(std::move(prefix)));
      }
    }
  }
  return std::make_unique<AdjacencyCursor>(Scan(ColumnFamily::kAdjacency, std::move(ranges)), dir == Direction::kBoth);
}

Result<uint64_t> Transaction::Degree(NodeId node, Direction dir, const std::vector<RelTypeId>& types) {
  uint64_t n = 0;
  auto c = Expand(node, dir, types);
  for (; c->Valid(); c->Next()) ++n;
  KG_RETURN_IF_ERROR(c->status());
  return n;
}

namespace {

// The ids of a bitmap, in order. `keep` holds what the bitmap lives in.
class BitmapIdSource : public IdSource {
 public:
  BitmapIdSource(std::shared_ptr<const void> keep, const Roaring* bitmap) : keep_(std::move(keep)) {
    roaring_init_iterator(&bitmap->roaring, &it_);
  }
  bool Next(NodeId* id) override {
    if (!it_.has_value) return false;
    *id = it_.current_value;
    roaring_advance_uint32_iterator(&it_);
    return true;
  }

 private:
  std::shared_ptr<const void> keep_;
  roaring_uint32_iterator_t it_;
};

}  // namespace

// The dirty nodes that exist now and carry `label` (any label for
// kAllNodes), read from RocksDB: there are few.
static Status AddDirtyWithLabel(Transaction* txn, const GraphProjection& p, LabelId label, Roaring* ids) {
  for (uint32_t d : p.Dirty()) {
    KG_ASSIGN_OR_RETURN(std::optional<NodeRecord> rec, txn->GetNode(d));
    if (rec && (label == GraphProjection::kAllNodes || rec->HasLabel(label))) ids->add(d);
  }
  return Status::Ok();
}

// The nodes of `label` (every node for kAllNodes) through the projection:
// its bitmap as of the build, less the dirty nodes, plus the dirty nodes
// that qualify now.
static Result<std::unique_ptr<NodeIdCursor>> ProjectedNodes(Transaction* txn, std::shared_ptr<const GraphProjection> p,
                                                            LabelId label) {
  const Roaring& base = p->Nodes(label);
  if (!p->HasDirty()) {
    return std::make_unique<NodeIdCursor>(std::make_unique<BitmapIdSource>(p, &base));
  }
  auto ids = std::make_shared<Roaring>(base);
  *ids -= p->Dirty();
  KG_RETURN_IF_ERROR(AddDirtyWithLabel(txn, *p, label, ids.get()));
  const Roaring* raw = ids.get();
  return std::make_unique<NodeIdCursor>(std::make_unique<BitmapIdSource>(std::move(ids), raw));
}

// A cursor that gives nothing but `status` (a projected scan that failed).
static std::unique_ptr<NodeIdCursor> FailedIdCursor(Status status) {
  return std::make_unique<NodeIdCursor>(
      std::make_unique<VectorStream>(std::vector<std::pair<std::string, std::string>>{}, std::move(status)),
      &key_codec::DecodeNodeKey);
}

std::unique_ptr<NodeIdCursor> Transaction::ScanLabel(LabelId label) {
  if (projection_ && projection_->has_nodes() && !finished_) {
    auto c = ProjectedNodes(this, projection_, label);
    return c.ok() ? std::move(c).value() : FailedIdCursor(c.status());
  }
  return std::make_unique<NodeIdCursor>(Scan(ColumnFamily::kLabels, {PrefixRange(key_codec::LabelPrefix(label))}),
                                        &key_codec::DecodeLabelKeyNode);
}

Result<std::unique_ptr<NodeIdCursor>> Transaction::ScanIndex(LabelId label, PropertyKeyId key,
                                                             const IndexRange& range) {
  if (!catalog_->HasIndex(label, key)) {
    return Status::Usage("no index on :" + (label < catalog_->num_labels() ? catalog_->LabelName(label) : "?") + "(" +
                         (key < catalog_->num_property_keys() ? catalog_->PropertyKeyName(key) : "?") + ")");
  }
  const std::string prefix = key_codec::PropertyIndexPrefix(label, key);
  std::string begin = prefix, end;
  bool empty = false;
  for (const auto* bound : {&range.lower, &range.upper}) {
    if (*bound && !key_codec::IsIndexable(**bound)) empty = true;  // null or a list: nothing compares to it
  }
  // `=` on temporal values is identity (a datetime equals one at the same
  // instant only with the same offset and zone; durations have no order at
  // all): an equality scan takes the instant's byte range and keeps exact
  // matches.
  const bool identity = range.lower && range.upper && range.lower_inclusive && range.upper_inclusive &&
                        range.lower->is_temporal() && *range.lower == *range.upper;
  if (range.lower && range.upper && !empty && !identity && !CompareComparable(*range.lower, *range.upper)) {
    empty = true;
  }
  if (empty) {
    return std::make_unique<NodeIdCursor>(
        std::make_unique<VectorStream>(std::vector<std::pair<std::string, std::string>>{}, Status::Ok()),
        &key_codec::DecodePropertyIndexNode);
  }
  // The byte range covers the whole class of the bounds (or everything with
  // no bound); the filter below then checks each value exactly, which also
  // settles integers and floats that share a double.
  const Value* any_bound = range.lower ? &*range.lower : (range.upper ? &*range.upper : nullptr);
  std::string class_start;
  if (any_bound) {
    key_codec::EncodeOrderedValuePrefix(*any_bound, &class_start);
    class_start.resize(1);  // the type tag
  }
  if (range.lower) {
    key_codec::EncodeOrderedValuePrefix(*range.lower, &begin);
  } else {
    begin += class_start;
  }
  if (range.upper) {
    std::string upper = prefix;
    key_codec::EncodeOrderedValuePrefix(*range.upper, &upper);
    end = key_codec::PrefixSuccessor(upper);
  } else {
    end = key_codec::PrefixSuccessor(prefix + class_start);
  }
  const size_t prefix_size = prefix.size();
  IndexRange r = range;
  auto filter = [r, prefix_size, identity](std::string_view k) {
    size_t used = 0;
    std::optional<Value> v = key_codec::DecodeOrderedValue(k.substr(prefix_size), &used);
    if (!v) return false;
    if (identity) return *v == *r.lower;
    if (r.lower) {
      auto c = CompareComparable(*v, *r.lower);
      if (!c || *c < 0 || (*c == 0 && !r.lower_inclusive)) return false;
    }
    if (r.upper) {
      auto c = CompareComparable(*v, *r.upper);
      if (!c || *c > 0 || (*c == 0 && !r.upper_inclusive)) return false;
    }
    return true;
  };
  return std::make_unique<NodeIdCursor>(Scan(ColumnFamily::kPropertyIndex, {{begin, end}}),
                                        &key_codec::DecodePropertyIndexNode, filter);
}

std::unique_ptr<NodeCursor> Transaction::ScanNodes() {
  return std::make_unique<NodeCursor>(Scan(ColumnFamily::kNodes, {{std::string(), std::string()}}));
}

namespace {

// The ids of a bitmap whose column value may equal `want`, in order.
class ColumnEqualsIdSource : public IdSource {
 public:
  ColumnEqualsIdSource(std::shared_ptr<const void> keep, const Roaring* bitmap, GraphProjection::DenseColumn column,
                       const Value& want)
      : keep_(std::move(keep)), bitmap_(bitmap), column_(column), want_(want) {
    roaring_init_iterator(&bitmap->roaring, &it_);
    switch (want.kind()) {
      case Value::Kind::kInt:
        bits_ = want.as_int();
        tag_ = static_cast<uint8_t>(Value::Kind::kInt);
        break;
      case Value::Kind::kBool:
        bits_ = want.as_bool() ? 1 : 0;
        tag_ = static_cast<uint8_t>(Value::Kind::kBool);
        break;
      case Value::Kind::kDate:
        bits_ = want.as_date().days;
        tag_ = static_cast<uint8_t>(Value::Kind::kDate);
        break;
      case Value::Kind::kLocalTime:
        bits_ = want.as_local_time().nanos;
        tag_ = static_cast<uint8_t>(Value::Kind::kLocalTime);
        break;
      case Value::Kind::kString:
        tag_ = static_cast<uint8_t>(Value::Kind::kString);
        break;
      default:
        tag_ = 0;  // compare nothing: keep every node that has a value
        break;
    }
    if (tag_ == static_cast<uint8_t>(Value::Kind::kInt)) cross_ = static_cast<uint8_t>(Value::Kind::kFloat);
    // A label that fills most of its id range (labels loaded together do):
    // walk the column over the range, comparing values first, and ask the
    // bitmap only about the matches.
    const uint64_t card = bitmap->cardinality();
    if (card > 0 && tag_ != 0 && tag_ != static_cast<uint8_t>(Value::Kind::kString)) {
      const uint64_t lo = bitmap->minimum(), hi = bitmap->maximum();
      if (card * 4 >= hi - lo + 1) {
        range_ = true;
        next_ = lo;
        end_ = std::min<uint64_t>(hi + 1, column_.size);
      }
    }
  }
  bool Next(NodeId* id) override {
    if (range_) return NextInRange(id);
    for (;;) {
      if (pos_ == size_) {
        size_ = roaring_read_uint32_iterator(&it_, buffer_, kBatch);
        pos_ = 0;
        if (size_ == 0) return false;
      }
      const uint32_t n = buffer_[pos_++];
      if (!MayEqual(n)) continue;
      *id = n;
      return true;
    }
  }
  bool certain() const override { return certain_; }

 private:
  // Sound, not exact: false only when the node's value cannot be `=` want;
  // sets certain_ when it is equal for sure (same kind, same value).
  bool MayEqual(uint32_t n) {
    certain_ = false;
    if (n >= column_.size) return false;  // no value: `=` is null
    const uint8_t tag = column_.tags[n];
    if (tag == GraphProjection::kAbsentTag) return false;
    if (tag_ == 0 || tag == GraphProjection::kOtherTag) return true;
    if (tag == tag_ && tag_ == static_cast<uint8_t>(Value::Kind::kString)) {
      const std::string& w = want_.as_string();
      uint32_t len;
      std::memcpy(&len, column_.arena + column_.bits[n], 4);
      certain_ = len == w.size() && std::memcmp(column_.arena + column_.bits[n] + 4, w.data(), len) == 0;
      return certain_;
    }
    if (tag == tag_) {
      certain_ = column_.bits[n] == bits_;
      return certain_;
    }
    // An integer may equal a float; other kinds never equal each other.
    return tag == cross_;
  }

  bool NextInRange(NodeId* id) {
    while (pos_ == size_) {
      if (next_ >= end_) return false;
      const uint64_t stop = std::min<uint64_t>(next_ + kBatch, end_);
      size_ = pos_ = 0;
      if (column_.only_kind == tag_) {
        // Every value is of the wanted kind: compare values, then make
        // sure the node has one (an absent value's bits are 0) and the label.
        for (uint64_t i = next_; i < stop; ++i) {
          if (column_.bits[i] != bits_ || column_.tags[i] != tag_) continue;
          if (!bitmap_->contains(static_cast<uint32_t>(i))) continue;
          buffer_[size_] = static_cast<uint32_t>(i);
          sure_[size_++] = true;
        }
        next_ = stop;
        continue;
      }
      for (uint64_t i = next_; i < stop; ++i) {
        const uint8_t t = column_.tags[i];
        const bool equal = t == tag_ && column_.bits[i] == bits_;
        if (!equal && t != GraphProjection::kOtherTag && t != cross_) continue;
        if (!bitmap_->contains(static_cast<uint32_t>(i))) continue;
        buffer_[size_] = static_cast<uint32_t>(i);
        sure_[size_++] = equal;
      }
      next_ = stop;
    }
    *id = buffer_[pos_];
    certain_ = sure_[pos_++];
    return true;
  }

  static constexpr uint32_t kBatch = 256;
  std::shared_ptr<const void> keep_;
  const Roaring* bitmap_;
  bool range_ = false;
  uint64_t next_ = 0, end_ = 0;
  uint8_t cross_ = 0xFD;  // another kind that may equal the wanted one (float for int); 0xFD: none
  bool sure_[kBatch];
  GraphProjection::DenseColumn column_;
  Value want_;
  int64_t bits_ = 0;
  uint8_t tag_ = 0;
  roaring_uint32_iterator_t it_;
  uint32_t buffer_[kBatch];
  uint32_t size_ = 0, pos_ = 0;
  bool certain_ = false;
};

}  // namespace

std::unique_ptr<NodeIdCursor> Transaction::ScanLabelMaybeEqual(LabelId label, PropertyKeyId key, const Value& value) {
  GraphProjection::DenseColumn column;
  if (!projection_ || !projection_->has_nodes() || finished_ || !projection_->Dense(key, &column)) {
    return ScanLabel(label);
  }
  if (value.is_float()) {
    // Floats are compared as `=` does, by the caller; ints in the column may equal them.
    return ScanLabel(label);
  }
  const Roaring* bitmap = &projection_->Nodes(label);
  if (!projection_->HasDirty()) {
    return std::make_unique<NodeIdCursor>(std::make_unique<ColumnEqualsIdSource>(projection_, bitmap, column, value));
  }
  // Clean nodes through the column, and every dirty node with the label
  // (few; the caller's check decides them), in one bitmap.
  Roaring clean = *bitmap;
  clean -= projection_->Dirty();
  auto ids = std::make_shared<Roaring>();
  ColumnEqualsIdSource filter(projection_, &clean, column, value);
  for (NodeId id; filter.Next(&id);) ids->add(static_cast<uint32_t>(id));
  if (Status s = AddDirtyWithLabel(this, *projection_, label, ids.get()); !s.ok()) return FailedIdCursor(s);
  const Roaring* raw = ids.get();
  return std::make_unique<NodeIdCursor>(std::make_unique<BitmapIdSource>(std::move(ids), raw));
}

std::unique_ptr<NodeIdCursor> Transaction::ScanNodeIds() {
  if (projection_ && projection_->has_nodes() && !finished_) {
    auto c = ProjectedNodes(this, projection_, GraphProjection::kAllNodes);
    return c.ok() ? std::move(c).value() : FailedIdCursor(c.status());
  }
  return std::make_unique<NodeIdCursor>(Scan(ColumnFamily::kNodes, {{std::string(), std::string()}}),
                                        &key_codec::DecodeNodeKey);
}

Status Transaction::UseProjection(unsigned parts, StopSignal interrupt) {
  if (is_write() || (projection_ && projection_->has(parts))) return Status::Ok();
  if (finished_) return Finished();
  KG_ASSIGN_OR_RETURN(auto p, store_->ProjectionFor(this, parts, interrupt));
  (void)p;
  return Status::Ok();
}

Result<bool> Transaction::HasLabels(NodeId id, const std::vector<LabelId>& labels) {
  if (projection_ && projection_->has_nodes() && !projection_->IsDirty(id)) {
    if (!projection_->Exists(id)) return false;
    for (LabelId l : labels) {
      if (!projection_->HasLabel(id, l)) return false;
    }
    return true;
  }
  KG_ASSIGN_OR_RETURN(std::optional<NodeRecord> rec, GetNode(id));
  if (!rec) return false;
  for (LabelId l : labels) {
    if (!rec->HasLabel(l)) return false;
  }
  return true;
}

Status Transaction::GetNodeProperty(NodeId id, PropertyKeyId key, Value* out, bool* exists) {
  if (projection_ && projection_->has_nodes() && !projection_->IsDirty(id)) {
    *exists = projection_->Exists(id);
    if (!*exists) return Status::Ok();
    switch (projection_->Property(id, key, out)) {
      case GraphProjection::Lookup::kFound:
        return Status::Ok();
      case GraphProjection::Lookup::kAbsent:
        *out = Value();
        return Status::Ok();
      case GraphProjection::Lookup::kUnknown:
        break;
    }
  }
  KG_ASSIGN_OR_RETURN(std::optional<NodeRecord> rec, GetNode(id));
  *exists = rec.has_value();
  if (!rec) return Status::Ok();
  const Value* v = FindProperty(rec->properties, key);
  *out = v ? *v : Value();
  return Status::Ok();
}

std::unique_ptr<RelCursor> Transaction::ScanRelationships() {
  return std::make_unique<RelCursor>(Scan(ColumnFamily::kRels, {{std::string(), std::string()}}));
}

// ---------------------------------------------------------------- writes

Result<LabelId> Transaction::InternLabel(std::string_view name) {
  KG_RETURN_IF_ERROR(CheckWritable());
  if (name.empty()) return Status::Usage("a label cannot be empty");
  return private_catalog_->InternLabel(name);
}

Result<RelTypeId> Transaction::InternRelType(std::string_view name) {
  KG_RETURN_IF_ERROR(CheckWritable());
  if (name.empty()) return Status::Usage("a relationship type cannot be empty");
  return private_catalog_->InternRelType(name);
}

Result<PropertyKeyId> Transaction::InternPropertyKey(std::string_view name) {
  KG_RETURN_IF_ERROR(CheckWritable());
  if (name.empty()) return Status::Usage("a property key cannot be empty");
  return private_catalog_->InternPropertyKey(name);
}

Status Transaction::Put(ColumnFamily cf, const std::string& key, std::string_view value) {
  return FromRocks(batch_->Put(store_->cf(cf), key, rocksdb::Slice(value.data(), value.size())), "writing");
}

Status Transaction::Delete(ColumnFamily cf, const std::string& key) {
  return FromRocks(batch_->Delete(store_->cf(cf), key), "writing");
}

Status Transaction::WriteNode(const NodeRecord* before, const NodeRecord* after) {
  // Full-text entries fold text: only worth it when the indexed text or the labels change.
  const bool fulltext = !before || !after || !fulltext::SameEntries(*catalog_, *before, *after);
  DerivedEntries old_entries = before ? Derive(*catalog_, *before, fulltext) : DerivedEntries{};
  DerivedEntries new_entries = after ? Derive(*catalog_, *after, fulltext) : DerivedEntries{};
  const NodeId id = after ? after->id : before->id;
  touched_.push_back(id);

  if (new_entries.unique_key && new_entries.unique_key != old_entries.unique_key) {
    const Value* v = FindProperty(after->properties, *catalog_->FindPropertyKey(kKeyProperty));
    if (!key_codec::IsIndexable(*v)) {
      return Status::Constraint("the key property must be a string, number, boolean or temporal value, not " +
                                v->ToString());
    }
    std::string owner;
    bool found;
    KG_RETURN_IF_ERROR(Get(ColumnFamily::kUniqueKeys, *new_entries.unique_key, &owner, &found));
    if (found && owner.size() == 8 && key_codec::GetU64(owner.data()) != id) {
      return Status::Constraint("key " + v->ToString() + " already belongs to node " +
                                std::to_string(key_codec::GetU64(owner.data())));
    }
  }
  for (const auto& e : old_entries.keys) {
    if (!Contains(new_entries.keys, e)) KG_RETURN_IF_ERROR(Delete(e.first, e.second));
  }
  for (const auto& e : new_entries.keys) {
    if (!Contains(old_entries.keys, e)) KG_RETURN_IF_ERROR(Put(e.first, e.second, ""));
  }
  // Full-text entries: old keys that went, new entries that are not
  // already there with the same payload.
  for (const fulltext::Entry& e : old_entries.fulltext) {
    bool kept = false;
    for (const fulltext::Entry& n : new_entries.fulltext) kept = kept || n.key == e.key;
    if (!kept) KG_RETURN_IF_ERROR(Delete(ColumnFamily::kFullText, e.key));
  }
  for (const fulltext::Entry& e : new_entries.fulltext) {
    if (std::find(old_entries.fulltext.begin(), old_entries.fulltext.end(), e) == old_entries.fulltext.end()) {
      KG_RETURN_IF_ERROR(Put(ColumnFamily::kFullText, e.key, e.value));
    }
  }
  if (old_entries.unique_key && old_entries.unique_key != new_entries.unique_key) {
    KG_RETURN_IF_ERROR(Delete(ColumnFamily::kUniqueKeys, *old_entries.unique_key));
  }
  if (new_entries.unique_key && new_entries.unique_key != old_entries.unique_key) {
    KG_RETURN_IF_ERROR(Put(ColumnFamily::kUniqueKeys, *new_entries.unique_key, key_codec::NodeKey(id)));
  }
  // Label and property key counts follow the label set and the properties.
  private_catalog_->CountNodeProperties(before ? &before->properties : nullptr, after ? &after->properties : nullptr);
  if (before) {
    for (LabelId l : before->labels)
      if (!after || !after->HasLabel(l)) private_catalog_->AddToLabel(l, -1);
  }
  if (after) {
    for (LabelId l : after->labels)
      if (!before || !before->HasLabel(l)) private_catalog_->AddToLabel(l, +1);
    std::string value;
    record_codec::EncodeNode(*after, &value);
    return Put(ColumnFamily::kNodes, key_codec::NodeKey(id), value);
  }
  return Delete(ColumnFamily::kNodes, key_codec::NodeKey(id));
}

Result<NodeId> Transaction::CreateNode(std::vector<LabelId> labels, Properties properties) {
  KG_RETURN_IF_ERROR(CheckWritable());
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  for (LabelId l : labels) {
    if (l >= catalog_->num_labels()) return Status::Usage("unknown label id " + std::to_string(l));
  }
  properties = NormaliseProperties(std::move(properties));
  KG_RETURN_IF_ERROR(catalog_->CheckProperties(properties));
  NodeRecord node;
  node.id = private_catalog_->AllocateNodeId();
  node.labels = std::move(labels);
  node.properties = std::move(properties);
  KG_RETURN_IF_ERROR(WriteNode(nullptr, &node));
  private_catalog_->AddNodes(1);
  return node.id;
}

Result<RelId> Transaction::CreateRelationship(RelTypeId type, NodeId start, NodeId end, Properties properties) {
  KG_RETURN_IF_ERROR(CheckWritable());
  if (type >= catalog_->num_rel_types()) return Status::Usage("unknown relationship type id " + std::to_string(type));
  properties = NormaliseProperties(std::move(properties));
  KG_RETURN_IF_ERROR(catalog_->CheckProperties(properties));
  for (NodeId n : {start, end}) {
    KG_ASSIGN_OR_RETURN(bool exists, NodeExists(n));
    if (!exists) {
      return Status::Constraint("cannot create a relationship to node " + std::to_string(n) + ": it does not exist");
    }
  }
  RelRecord rel;
  rel.id = private_catalog_->AllocateRelId();
  rel.type = type;
  rel.start = start;
  rel.end = end;
  rel.properties = std::move(properties);
  std::string value;
  record_codec::EncodeRel(rel, &value);
  KG_RETURN_IF_ERROR(Put(ColumnFamily::kRels, key_codec::RelKey(rel.id), value));
  KG_RETURN_IF_ERROR(
      Put(ColumnFamily::kAdjacency, key_codec::AdjacencyKey(start, Direction::kOut, type, end, rel.id), ""));
  touched_.push_back(start);
  touched_.push_back(end);
  KG_RETURN_IF_ERROR(
      Put(ColumnFamily::kAdjacency, key_codec::AdjacencyKey(end, Direction::kIn, type, start, rel.id), ""));
  private_catalog_->AddRels(1);
  private_catalog_->AddToRelType(type, 1);
  private_catalog_->CountRelProperties(nullptr, &rel.properties);
  return rel.id;
}

Status Transaction::SetNodeProperty(NodeId id, PropertyKeyId key, Value value) {
  KG_RETURN_IF_ERROR(CheckWritable());
  KG_ASSIGN_OR_RETURN(std::optional<NodeRecord> node, GetNode(id));
  if (!node) return Status::NotFound("node " + std::to_string(id) + " does not exist");
  NodeRecord updated = *node;
  SetProperty(&updated.properties, key, std::move(value));
  KG_RETURN_IF_ERROR(catalog_->CheckProperties(updated.properties));
  return WriteNode(&*node, &updated);
}

Status Transaction::ReplaceNodeProperties(NodeId id, Properties properties) {
  KG_RETURN_IF_ERROR(CheckWritable());
  KG_ASSIGN_OR_RETURN(std::optional<NodeRecord> node, GetNode(id));
  if (!node) return Status::NotFound("node " + std::to_string(id) + " does not exist");
  NodeRecord updated = *node;
  updated.properties = NormaliseProperties(std::move(properties));
  KG_RETURN_IF_ERROR(catalog_->CheckProperties(updated.properties));
  return WriteNode(&*node, &updated);
}

Status Transaction::AddNodeLabel(NodeId id, LabelId label) {
  KG_RETURN_IF_ERROR(CheckWritable());
  if (label >= catalog_->num_labels()) return Status::Usage("unknown label id " + std::to_string(label));
  KG_ASSIGN_OR_RETURN(std::optional<NodeRecord> node, GetNode(id));
  if (!node) return Status::NotFound("node " + std::to_string(id) + " does not exist");
  if (node->HasLabel(label)) return Status::Ok();
  NodeRecord updated = *node;
  updated.labels.insert(std::lower_bound(updated.labels.begin(), updated.labels.end(), label), label);
  return WriteNode(&*node, &updated);
}

Status Transaction::RemoveNodeLabel(NodeId id, LabelId label) {
  KG_RETURN_IF_ERROR(CheckWritable());
  KG_ASSIGN_OR_RETURN(std::optional<NodeRecord> node, GetNode(id));
  if (!node) return Status::NotFound("node " + std::to_string(id) + " does not exist");
  if (!node->HasLabel(label)) return Status::Ok();
  NodeRecord updated = *node;
  updated.labels.erase(std::lower_bound(updated.labels.begin(), updated.labels.end(), label));
  return WriteNode(&*node, &updated);
}

Status Transaction::SetRelProperty(RelId id, PropertyKeyId key, Value value) {
  KG_RETURN_IF_ERROR(CheckWritable());
  KG_ASSIGN_OR_RETURN(std::optional<RelRecord> rel, GetRelationship(id));
  if (!rel) return Status::NotFound("relationship " + std::to_string(id) + " does not exist");
  const Properties before = rel->properties;
  SetProperty(&rel->properties, key, std::move(value));
  KG_RETURN_IF_ERROR(catalog_->CheckProperties(rel->properties));
  private_catalog_->CountRelProperties(&before, &rel->properties);
  std::string encoded;
  record_codec::EncodeRel(*rel, &encoded);
  return Put(ColumnFamily::kRels, key_codec::RelKey(id), encoded);
}

Status Transaction::ReplaceRelProperties(RelId id, Properties properties) {
  KG_RETURN_IF_ERROR(CheckWritable());
  KG_ASSIGN_OR_RETURN(std::optional<RelRecord> rel, GetRelationship(id));
  if (!rel) return Status::NotFound("relationship " + std::to_string(id) + " does not exist");
  const Properties before = std::move(rel->properties);
  rel->properties = NormaliseProperties(std::move(properties));
  KG_RETURN_IF_ERROR(catalog_->CheckProperties(rel->properties));
  private_catalog_->CountRelProperties(&before, &rel->properties);
  std::string encoded;
  record_codec::EncodeRel(*rel, &encoded);
  return Put(ColumnFamily::kRels, key_codec::RelKey(id), encoded);
}

Status Transaction::DeleteRelationship(RelId id) {
  KG_RETURN_IF_ERROR(CheckWritable());
  KG_ASSIGN_OR_RETURN(std::optional<RelRecord> rel, GetRelationship(id));
  if (!rel) return Status::NotFound("relationship " + std::to_string(id) + " does not exist");
  KG_RETURN_IF_ERROR(Delete(ColumnFamily::kRels, key_codec::RelKey(id)));
  KG_RETURN_IF_ERROR(
      Delete(ColumnFamily::kAdjacency, key_codec::AdjacencyKey(rel->start, Direction::kOut, rel->type, rel->end, id)));
  touched_.push_back(rel->start);
  touched_.push_back(rel->end);
  KG_RETURN_IF_ERROR(
      Delete(ColumnFamily::kAdjacency, key_codec::AdjacencyKey(rel->end, Direction::kIn, rel->type, rel->start, id)));
  private_catalog_->AddRels(-1);
  private_catalog_->AddToRelType(rel->type, -1);
  private_catalog_->CountRelProperties(&rel->properties, nullptr);
  return Status::Ok();
}

Status Transaction::DeleteNode(NodeId id, bool detach) {
  KG_RETURN_IF_ERROR(CheckWritable());
  KG_ASSIGN_OR_RETURN(std::optional<NodeRecord> node, GetNode(id));
  if (!node) return Status::NotFound("node " + std::to_string(id) + " does not exist");
  std::vector<RelId> rels;
  {
    auto c = Expand(id, Direction::kBoth);
    for (; c->Valid(); c->Next()) rels.push_back(c->entry().rel);
    KG_RETURN_IF_ERROR(c->status());
  }
  if (!rels.empty() && !detach) {
    return Status::Constraint("cannot delete node " + std::to_string(id) + ": it still has " +
                              std::to_string(rels.size()) + (rels.size() == 1 ? " relationship" : " relationships") +
                              " (delete them first, or use DETACH DELETE)");
  }
  for (RelId r : rels) KG_RETURN_IF_ERROR(DeleteRelationship(r));
  KG_RETURN_IF_ERROR(WriteNode(&*node, nullptr));
  private_catalog_->AddNodes(-1);
  return Status::Ok();
}

Status Transaction::Commit() {
  KG_RETURN_IF_ERROR(CheckWritable());
  finished_ = true;
  std::lock_guard<std::mutex> lock(store_->publish_mutex_);
  for (const auto& [key, value] : private_catalog_->ChangedEntries()) {
    if (value) {
      KG_RETURN_IF_ERROR(Put(ColumnFamily::kMeta, key, *value));
    } else {
      KG_RETURN_IF_ERROR(Delete(ColumnFamily::kMeta, key));
    }
  }
  rocksdb::WriteOptions wo;
  wo.sync = store_->options_.sync_commits;
  Status s = FromRocks(store_->db_->Write(wo, batch_->GetWriteBatch()), "committing");
  if (s.ok()) {
    private_catalog_->ClearChanges();
    base_catalog_ = std::move(private_catalog_);
    catalog_ = base_catalog_.get();
    std::sort(touched_.begin(), touched_.end());
    touched_.erase(std::unique(touched_.begin(), touched_.end()), touched_.end());
    store_->PublishCommit(base_catalog_, touched_);
  }
  batch_->Clear();
  if (writer_lock_.owns_lock()) writer_lock_.unlock();
  return s;
}

void Transaction::Rollback() {
  if (!batch_ || finished_) return;
  finished_ = true;
  batch_->Clear();
  if (writer_lock_.owns_lock()) writer_lock_.unlock();
}

}  // namespace kg
