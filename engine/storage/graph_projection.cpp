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
  uint8_t only_kind = 0xFD;  // see DenseColumn::only_kind
  std::vector<uint64_t> ids;
  std::vector<uint8_t> tags;
  std::vector<int64_t> bits;
  std::string arena;  // strings: bits is an offset to a 4-byte length and the bytes

  size_t Bytes() const {
    return ids.capacity() * 8 + tags.capacity() + bits.capacity() * 8 + arena.capacity();
  }
};

struct GraphProjection::NodesPart {
  NodeId bound = 0;  // node ids below it were known at the build
  Roaring all;
  std::vector<Roaring> labels;  // by label id
  std::vector<Column> columns;  // by property key id
  double build_seconds = 0;
};

// The entries of nodes below `mid` and from `mid` on lie in two arrays (one
// per build thread, so nothing is copied). offsets[2n] .. offsets[2n + 2]
// delimit node n's out and in blocks within its array; from `mid` on, one
// slot later, since each half has an end of its own.
struct GraphProjection::AdjacencyPart {
  using Entries = std::vector<GraphProjection::Entry, HugePageAllocator<GraphProjection::Entry>>;
  NodeId bound = 0;
  NodeId mid = 0;
  std::vector<uint64_t, HugePageAllocator<uint64_t>> offsets;  // 2 * bound + 2
  Entries low, high;
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

NodeId GraphProjection::ComputeBound() const {
  NodeId b = std::numeric_limits<NodeId>::max();
  if (nodes_) b = std::min(b, nodes_->bound);
  if (adjacency_) b = std::min(b, adjacency_->bound);
  return b;
}

bool GraphProjection::IsDirty(NodeId id) const {
  if (id >= bound_) return true;
  return dirty_ && dirty_->contains(static_cast<uint32_t>(id));
}

bool GraphProjection::HasDirty() const { return dirty_ && !dirty_->isEmpty(); }

const Roaring& GraphProjection::Dirty() const { return dirty_ ? *dirty_ : EmptyBitmap(); }

bool GraphProjection::Exists(NodeId id) const {
  return id < nodes_->bound && nodes_->all.contains(static_cast<uint32_t>(id));
}

bool GraphProjection::HasLabel(NodeId id, LabelId label) const {
  if (label >= nodes_->labels.size() || id >= nodes_->bound) return false;
  return nodes_->labels[label].contains(static_cast<uint32_t>(id));
}

const Roaring& GraphProjection::Nodes(LabelId label) const {
  if (label == kAllNodes) return nodes_->all;
  return label < nodes_->labels.size() ? nodes_->labels[label] : EmptyBitmap();
}

const GraphProjection::Entry* GraphProjection::Block(NodeId id, Direction dir, size_t* count) const {
  const AdjacencyPart& a = *adjacency_;
  if (id >= a.bound) {
    *count = 0;
    return nullptr;
  }
  // The high half's offsets come one slot later (each half has its own end).
  const size_t slot = 2 * id + (dir == Direction::kIn ? 1 : 0) + (id < a.mid ? 0 : 1);
  const uint64_t begin = a.offsets[slot];
  *count = a.offsets[slot + 1] - begin;
  return (id < a.mid ? a.low.data() : a.high.data()) + begin;
}

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
  if (key >= nodes_->columns.size()) return Lookup::kAbsent;  // no node had the key at the build
  const Column& c = nodes_->columns[key];
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
  if (key >= nodes_->columns.size() || !nodes_->columns[key].dense) return false;
  const Column& c = nodes_->columns[key];
  out->tags = c.tags.data();
  out->bits = c.bits.data();
  out->arena = c.arena.data();
  out->only_kind = c.only_kind;
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
  const uint64_t limit = std::max<uint64_t>(4096, bound_ / 8);
  if (dirty->cardinality() > limit) return nullptr;
  std::shared_ptr<GraphProjection> p(new GraphProjection());
  p->nodes_ = nodes_;
  p->adjacency_ = adjacency_;
  p->bound_ = bound_;
  p->dirty_ = std::move(dirty);
  return p;
}

GraphProjection::Stats GraphProjection::stats() const {
  Stats s;
  s.dirty = dirty_ ? dirty_->cardinality() : 0;
  if (nodes_) {
    s.nodes = nodes_->all.cardinality();
    s.bytes_labels = nodes_->all.getSizeInBytes();
    for (const Roaring& r : nodes_->labels) s.bytes_labels += r.getSizeInBytes();
    for (const Column& c : nodes_->columns) {
      if (c.tags.empty()) continue;
      ++s.columns;
      s.bytes_columns += c.Bytes();
    }
    s.nodes_build_seconds = nodes_->build_seconds;
  }
  if (adjacency_) {
    s.relationships = adjacency_->relationships;
    s.bytes_adjacency = adjacency_->offsets.capacity() * 8 +
                        (adjacency_->low.capacity() + adjacency_->high.capacity()) * sizeof(Entry);
    s.adjacency_build_seconds = adjacency_->build_seconds;
  }
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
    uint8_t kind = GraphProjection::kAbsentTag;
    for (uint8_t t : c->tags) {
      if (t == GraphProjection::kAbsentTag) continue;
      if (kind == GraphProjection::kAbsentTag) kind = t;
      if (t != kind || t == GraphProjection::kOtherTag) {
        kind = 0xFD;
        break;
      }
    }
    c->only_kind = kind == GraphProjection::kAbsentTag ? 0xFD : kind;
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

Status ProjectionBuilder::ScanNodes(Source src, GraphProjection::NodesPart* part, const std::atomic<bool>* interrupt) {
  std::unique_ptr<rocksdb::Iterator> it(src.db->NewIterator(src.options, src.nodes));
  NodeRecord rec;
  std::vector<uint32_t> ids;
  ids.reserve(part->bound);
  uint64_t n = 0;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if ((++n & 0xffff) == 0 && Interrupted(interrupt)) {
      return Status::Error(ErrorKind::kInterrupted, "building the graph projection was cancelled");
    }
    const NodeId id = key_codec::DecodeNodeKey(std::string_view(it->key().data(), it->key().size()));
    if (id >= part->bound) return Status::Storage("node " + std::to_string(id) + " is beyond the catalog's next id");
    KG_RETURN_IF_ERROR(record_codec::DecodeNode(id, std::string_view(it->value().data(), it->value().size()), &rec));
    ids.push_back(static_cast<uint32_t>(id));
    for (LabelId l : rec.labels) {
      if (l >= part->labels.size()) part->labels.resize(l + 1);
      part->labels[l].add(static_cast<uint32_t>(id));
    }
    for (const Property& p : rec.properties) {
      if (p.key >= part->columns.size()) part->columns.resize(p.key + 1);
      Column& c = part->columns[p.key];
      c.ids.push_back(id);
      AddValue(&c, p.value);
    }
  }
  KG_RETURN_IF_ERROR(FromRocks(it->status(), "building the graph projection"));
  part->all.addMany(ids.size(), ids.data());
  part->all.runOptimize();
  for (Roaring& r : part->labels) {
    r.runOptimize();
    r.shrinkToFit();
  }
  for (Column& c : part->columns) Finish(&c, part->bound);
  return Status::Ok();
}

Status ProjectionBuilder::ScanAdjacency(Source src, NodeId first, NodeId last, uint64_t* offsets,
                                        GraphProjection::AdjacencyPart::Entries* entries,
                                        const std::atomic<bool>* interrupt) {
  // Sets offsets[2 * first + 1 .. 2 * last]; offsets[2 * first] is 0.
  const std::string begin = key_codec::AdjacencyPrefix(first);
  const std::string end = key_codec::AdjacencyPrefix(last);
  rocksdb::ReadOptions options = src.options;
  const rocksdb::Slice upper(end);
  options.iterate_upper_bound = &upper;
  std::unique_ptr<rocksdb::Iterator> it(src.db->NewIterator(options, src.adjacency));
  size_t slot = 2 * first;  // offsets[2 * first .. slot] are set
  offsets[slot] = 0;
  uint64_t n = 0;
  for (it->Seek(begin); it->Valid(); it->Next()) {
    if ((++n & 0xffff) == 0 && Interrupted(interrupt)) {
      return Status::Error(ErrorKind::kInterrupted, "building the graph projection was cancelled");
    }
    const rocksdb::Slice k = it->key();
    if (k.size() != key_codec::kAdjacencyKeySize) return Status::Storage("corrupt adjacency key");
    const AdjacencyEntry e = key_codec::DecodeAdjacencyKey(std::string_view(k.data(), k.size()));
    if (e.node < first || e.node >= last) return Status::Storage("adjacency of an unknown node " + std::to_string(e.node));
    const size_t s = 2 * e.node + (e.direction == Direction::kIn ? 1 : 0);
    const uint64_t size = entries->size();
    while (slot < s) offsets[++slot] = size;
    entries->push_back(GraphProjection::Entry{e.type, e.neighbour, e.rel});
  }
  KG_RETURN_IF_ERROR(FromRocks(it->status(), "building the graph projection"));
  const uint64_t size = entries->size();
  while (slot < 2 * last) offsets[++slot] = size;
  return Status::Ok();
}

Result<std::shared_ptr<const GraphProjection::NodesPart>> ProjectionBuilder::BuildNodes(
    Source src, NodeId bound, const std::atomic<bool>* interrupt) {
  const auto start = std::chrono::steady_clock::now();
  auto part = std::make_shared<GraphProjection::NodesPart>();
  part->bound = bound;
  KG_RETURN_IF_ERROR(ScanNodes(src, part.get(), interrupt));
  part->build_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return std::shared_ptr<const GraphProjection::NodesPart>(std::move(part));
}

Result<std::shared_ptr<const GraphProjection::AdjacencyPart>> ProjectionBuilder::BuildAdjacency(
    Source src, NodeId bound, uint64_t rel_count, const std::atomic<bool>* interrupt) {
  const auto start = std::chrono::steady_clock::now();
  // Two halves of the node range, one thread each, each into its own array.
  auto part = std::make_shared<GraphProjection::AdjacencyPart>();
  part->bound = bound;
  part->mid = bound / 2;
  part->offsets.assign(2 * bound + 2, 0);
  part->low.reserve(rel_count + rel_count / 8);
  part->high.reserve(rel_count + rel_count / 8);
  Status high_status;
  std::thread second([&] {
    high_status = ScanAdjacency(src, part->mid, bound, part->offsets.data() + 1, &part->high, interrupt);
  });
  Status low_status = ScanAdjacency(src, 0, part->mid, part->offsets.data(), &part->low, interrupt);
  second.join();
  KG_RETURN_IF_ERROR(low_status);
  KG_RETURN_IF_ERROR(high_status);
  part->relationships = (part->low.size() + part->high.size()) / 2;
  part->build_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return std::shared_ptr<const GraphProjection::AdjacencyPart>(std::move(part));
}

std::shared_ptr<const GraphProjection> ProjectionBuilder::Combine(
    const GraphProjection* base, std::shared_ptr<const GraphProjection::NodesPart> nodes,
    std::shared_ptr<const GraphProjection::AdjacencyPart> adjacency) {
  std::shared_ptr<GraphProjection> p(new GraphProjection());
  p->nodes_ = nodes ? std::move(nodes) : (base ? base->nodes_ : nullptr);
  p->adjacency_ = adjacency ? std::move(adjacency) : (base ? base->adjacency_ : nullptr);
  p->bound_ = p->ComputeBound();
  // The dirty set was kept since the older part was built; for a part
  // built now it is merely cautious.
  if (base) p->dirty_ = base->dirty_;
  return p;
}

}  // namespace kg
