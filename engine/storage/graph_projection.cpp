#include "storage/graph_projection.h"

#include <rocksdb/db.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <limits>
#include <roaring/roaring.hh>
#include <thread>

#include "common/huge_pages.h"
#include "storage/graph_store.h"
#include "storage/key_codec.h"
#include "storage/projection_builder.h"
#include "storage/record_codec.h"
#include "storage/rocks_util.h"
#include "storage/transaction.h"

namespace kg {

// One property key's values. Sparse: `ids` sorted, one entry each; dense:
// `ids` empty and the vectors indexed by node id.
struct Column {
  bool dense = false;
  std::vector<uint64_t> ids;
  std::vector<uint8_t> tags;
  std::vector<int64_t> bits;
  std::string arena;  // strings: bits is an offset to a 4-byte length and the bytes

  size_t Bytes() const {
    return ids.capacity() * 8 + tags.capacity() + bits.capacity() * 8 + arena.capacity();
  }
};

struct GraphProjection::Core {
  NodeId bound = 0;  // node ids below it were known at the build
  Roaring all;
  std::vector<Roaring> labels;  // by label id
  // 2 * bound + 1: node n, out block [2n, 2n+1), in block [2n+1, 2n+2)
  std::vector<uint64_t, HugePageAllocator<uint64_t>> offsets;
  std::vector<GraphProjection::Entry, HugePageAllocator<GraphProjection::Entry>> entries;
  std::vector<Column> columns;  // by property key id
  uint64_t relationships = 0;
  double build_seconds = 0;
};

namespace {
const Roaring& EmptyBitmap() {
  static const Roaring empty;
  return empty;
}
}  // namespace

GraphProjection::~GraphProjection() = default;

bool GraphProjection::IsDirty(NodeId id) const {
  if (id >= core_->bound) return true;
  return dirty_ && dirty_->contains(static_cast<uint32_t>(id));
}

bool GraphProjection::HasDirty() const { return dirty_ && !dirty_->isEmpty(); }

std::vector<NodeId> GraphProjection::DirtyIds() const {
  std::vector<NodeId> out;
  if (!dirty_) return out;
  out.reserve(dirty_->cardinality());
  for (uint32_t id : *dirty_) out.push_back(id);
  return out;
}

const Roaring& GraphProjection::Dirty() const { return dirty_ ? *dirty_ : EmptyBitmap(); }

bool GraphProjection::Exists(NodeId id) const { return id < core_->bound && core_->all.contains(static_cast<uint32_t>(id)); }

bool GraphProjection::HasLabel(NodeId id, LabelId label) const {
  if (label >= core_->labels.size() || id >= core_->bound) return false;
  return core_->labels[label].contains(static_cast<uint32_t>(id));
}

const Roaring& GraphProjection::Nodes(LabelId label) const {
  if (label == kAllNodes) return core_->all;
  return label < core_->labels.size() ? core_->labels[label] : EmptyBitmap();
}

void GraphProjection::Block(NodeId id, Direction dir, uint64_t* begin, uint64_t* end) const {
  if (id >= core_->bound) {
    *begin = *end = 0;
    return;
  }
  const size_t slot = 2 * id + (dir == Direction::kIn ? 1 : 0);
  *begin = core_->offsets[slot];
  *end = core_->offsets[slot + 1];
}

const GraphProjection::Entry* GraphProjection::entries() const { return core_->entries.data(); }

namespace {

Value ColumnValue(const Column& c, size_t i) {
  const int64_t b = c.bits[i];
  switch (static_cast<Value::Kind>(c.tags[i])) {
    case Value::Kind::kBool:
      return Value(b != 0);
    case Value::Kind::kInt:
      return Value(b);
    case Value::Kind::kFloat: {
      double d;
      std::memcpy(&d, &b, sizeof d);
      return Value(d);
    }
    case Value::Kind::kDate:
      return Value(Date{b});
    case Value::Kind::kString: {
      uint32_t len;
      std::memcpy(&len, c.arena.data() + b, 4);
      return Value(std::string(c.arena.data() + b + 4, len));
    }
    default:
      return Value();
  }
}

}  // namespace

GraphProjection::Lookup GraphProjection::Property(NodeId id, PropertyKeyId key, Value* out) const {
  if (key >= core_->columns.size()) return Lookup::kAbsent;  // no node had the key at the build
  const Column& c = core_->columns[key];
  size_t i;
  if (c.dense) {
    if (id >= c.tags.size()) return Lookup::kAbsent;
    i = id;
  } else {
    auto it = std::lower_bound(c.ids.begin(), c.ids.end(), id);
    if (it == c.ids.end() || *it != id) return Lookup::kAbsent;
    i = static_cast<size_t>(it - c.ids.begin());
  }
  const uint8_t tag = c.tags[i];
  if (tag == kAbsentTag) return Lookup::kAbsent;
  if (tag == kOtherTag) return Lookup::kUnknown;
  *out = ColumnValue(c, i);
  return Lookup::kFound;
}

bool GraphProjection::Dense(PropertyKeyId key, DenseColumn* out) const {
  if (key >= core_->columns.size() || !core_->columns[key].dense) return false;
  const Column& c = core_->columns[key];
  out->tags = c.tags.data();
  out->bits = c.bits.data();
  out->arena = c.arena.data();
  out->size = c.tags.size();
  return true;
}

std::shared_ptr<const GraphProjection> GraphProjection::WithDirty(const std::vector<NodeId>& touched) const {
  auto dirty = std::make_shared<Roaring>(dirty_ ? *dirty_ : Roaring());
  for (NodeId id : touched) {
    if (id > std::numeric_limits<uint32_t>::max()) return nullptr;  // beyond what the bitmaps hold
    dirty->add(static_cast<uint32_t>(id));
  }
  // Past an eighth of the graph (and a floor for small graphs), reads of
  // dirty nodes cost more than a rebuild saves.
  const uint64_t limit = std::max<uint64_t>(4096, core_->bound / 8);
  if (dirty->cardinality() > limit) return nullptr;
  std::shared_ptr<GraphProjection> p(new GraphProjection());
  p->core_ = core_;
  p->dirty_ = std::move(dirty);
  return p;
}

GraphProjection::Stats GraphProjection::stats() const {
  Stats s;
  s.nodes = core_->all.cardinality();
  s.relationships = core_->relationships;
  s.dirty = dirty_ ? dirty_->cardinality() : 0;
  s.bytes_labels = core_->all.getSizeInBytes();
  for (const Roaring& r : core_->labels) s.bytes_labels += r.getSizeInBytes();
  s.bytes_adjacency = core_->offsets.capacity() * 8 + core_->entries.capacity() * sizeof(Entry);
  for (const Column& c : core_->columns) {
    if (c.tags.empty()) continue;
    ++s.columns;
    s.bytes_columns += c.Bytes();
  }
  s.build_seconds = core_->build_seconds;
  return s;
}

// ---------------------------------------------------------------- building

namespace {

void AddValue(Column* c, const Value& v) {
  int64_t bits = 0;
  uint8_t tag = static_cast<uint8_t>(v.kind());
  switch (v.kind()) {
    case Value::Kind::kBool:
      bits = v.as_bool() ? 1 : 0;
      break;
    case Value::Kind::kInt:
      bits = v.as_int();
      break;
    case Value::Kind::kFloat: {
      const double d = v.as_float();
      std::memcpy(&bits, &d, sizeof d);
      break;
    }
    case Value::Kind::kDate:
      bits = v.as_date().days;
      break;
    case Value::Kind::kString: {
      const std::string& s = v.as_string();
      bits = static_cast<int64_t>(c->arena.size());
      const uint32_t len = static_cast<uint32_t>(s.size());
      c->arena.append(reinterpret_cast<const char*>(&len), 4);
      c->arena.append(s);
      break;
    }
    default:
      tag = GraphProjection::kOtherTag;
      break;
  }
  c->tags.push_back(tag);
  c->bits.push_back(bits);
}

// Sparse columns where most nodes have the key become dense (9 bytes a
// node instead of 17 a value).
void Finish(Column* c, NodeId bound) {
  if (c->ids.empty()) return;
  if (c->ids.size() * 2 >= bound) {
    std::vector<uint8_t> tags(bound, GraphProjection::kAbsentTag);
    std::vector<int64_t> bits(bound, 0);
    for (size_t i = 0; i < c->ids.size(); ++i) {
      tags[c->ids[i]] = c->tags[i];
      bits[c->ids[i]] = c->bits[i];
    }
    c->tags = std::move(tags);
    c->bits = std::move(bits);
    c->ids = {};
    c->dense = true;
  } else {
    c->ids.shrink_to_fit();
    c->tags.shrink_to_fit();
    c->bits.shrink_to_fit();
  }
  c->arena.shrink_to_fit();
}

bool Interrupted(const std::atomic<bool>* interrupt) {
  return interrupt != nullptr && interrupt->load(std::memory_order_relaxed);
}

}  // namespace

Status ProjectionBuilder::ScanNodes(Source src, GraphProjection::Core* core, const std::atomic<bool>* interrupt) {
  std::unique_ptr<rocksdb::Iterator> it(src.db->NewIterator(src.options, src.nodes));
  NodeRecord rec;
  std::vector<uint32_t> ids;
  ids.reserve(core->bound);
  uint64_t n = 0;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if ((++n & 0xffff) == 0 && Interrupted(interrupt)) return Status::Error(ErrorKind::kInterrupted, "building the graph projection was cancelled");
    const NodeId id = key_codec::DecodeNodeKey(std::string_view(it->key().data(), it->key().size()));
    if (id >= core->bound) return Status::Storage("node " + std::to_string(id) + " is beyond the catalog's next id");
    KG_RETURN_IF_ERROR(record_codec::DecodeNode(id, std::string_view(it->value().data(), it->value().size()), &rec));
    ids.push_back(static_cast<uint32_t>(id));
    for (LabelId l : rec.labels) {
      if (l >= core->labels.size()) core->labels.resize(l + 1);
      core->labels[l].add(static_cast<uint32_t>(id));
    }
    for (const Property& p : rec.properties) {
      if (p.key >= core->columns.size()) core->columns.resize(p.key + 1);
      Column& c = core->columns[p.key];
      c.ids.push_back(id);
      AddValue(&c, p.value);
    }
  }
  KG_RETURN_IF_ERROR(FromRocks(it->status(), "building the graph projection"));
  core->all.addMany(ids.size(), ids.data());
  core->all.runOptimize();
  for (Roaring& r : core->labels) {
    r.runOptimize();
    r.shrinkToFit();
  }
  for (Column& c : core->columns) Finish(&c, core->bound);
  return Status::Ok();
}

Status ProjectionBuilder::ScanAdjacency(Source src, GraphProjection::Core* core, uint64_t expected,
                                        const std::atomic<bool>* interrupt) {
  core->offsets.assign(2 * core->bound + 1, 0);
  core->entries.reserve(expected);
  std::unique_ptr<rocksdb::Iterator> it(src.db->NewIterator(src.options, src.adjacency));
  size_t slot = 0;  // offsets[0..slot] are set
  uint64_t n = 0;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if ((++n & 0xffff) == 0 && Interrupted(interrupt)) return Status::Error(ErrorKind::kInterrupted, "building the graph projection was cancelled");
    const rocksdb::Slice k = it->key();
    if (k.size() != key_codec::kAdjacencyKeySize) return Status::Storage("corrupt adjacency key");
    const AdjacencyEntry e = key_codec::DecodeAdjacencyKey(std::string_view(k.data(), k.size()));
    if (e.node >= core->bound) return Status::Storage("adjacency of an unknown node " + std::to_string(e.node));
    const size_t s = 2 * e.node + (e.direction == Direction::kIn ? 1 : 0);
    const uint64_t size = core->entries.size();
    while (slot < s) core->offsets[++slot] = size;
    core->entries.push_back(GraphProjection::Entry{e.type, e.neighbour, e.rel});
  }
  KG_RETURN_IF_ERROR(FromRocks(it->status(), "building the graph projection"));
  const uint64_t size = core->entries.size();
  core->entries.shrink_to_fit();
  while (slot < 2 * core->bound) core->offsets[++slot] = size;
  core->relationships = size / 2;
  return Status::Ok();
}

Result<std::shared_ptr<const GraphProjection>> ProjectionBuilder::Build(Source src, NodeId bound, uint64_t rel_count,
                                                                       const std::atomic<bool>* interrupt) {
  const auto start = std::chrono::steady_clock::now();
  if (bound > std::numeric_limits<uint32_t>::max()) {
    return Status::Usage("node ids beyond 2^32 are not projected");
  }
  auto core = std::make_shared<GraphProjection::Core>();
  core->bound = bound;
  // The two scans are independent: one thread each.
  Status adjacency_status;
  std::thread adjacency([&] { adjacency_status = ScanAdjacency(src, core.get(), 2 * rel_count, interrupt); });
  Status nodes_status = ScanNodes(src, core.get(), interrupt);
  adjacency.join();
  KG_RETURN_IF_ERROR(nodes_status);
  KG_RETURN_IF_ERROR(adjacency_status);
  core->build_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::shared_ptr<GraphProjection> p(new GraphProjection());
  p->core_ = std::move(core);
  return std::shared_ptr<const GraphProjection>(std::move(p));
}

}  // namespace kg
