#include "storage/graph_projection.h"

#include <rocksdb/db.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <limits>
#include <roaring/roaring.hh>
#include <thread>
#include <utility>

#include "common/huge_pages.h"
#include "common/stop_signal.h"
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
  std::string arena;  // strings: bits is an offset to a 4-byte length and the bytes; so
                      // are the temporal values wider than 8 bytes, in record_codec's form

  size_t Bytes() const { return ids.capacity() * 8 + tags.capacity() + bits.capacity() * 8 + arena.capacity(); }
};

struct GraphProjection::NodesPart {
  NodeId bound = 0;  // node ids below it were known at the build
  Roaring all;
  std::vector<Roaring> labels;  // by label id
  std::vector<Column> columns;  // by property key id
  double build_seconds = 0;
};

// Out entries: read from RocksDB in chunks of 2^chunk_shift consecutive
// node ids by two threads taking chunks in turn (so a range of heavy nodes
// does not leave one thread behind), each appending its chunks to its own
// array (nothing is copied). out_offsets holds positions in the chunks laid
// end to end: node n's block is out_offsets[n] .. out_offsets[n + 1], in
// chunk n >> chunk_shift, which starts at out_chunk[n >> chunk_shift] and
// position out_base[n >> chunk_shift]. In entries: one array, derived
// from the out entries in memory; node n's block is in_offsets[n] ..
// in_offsets[n + 1].
namespace {
// A HugePageAllocator whose resize() leaves trivial values unwritten: the
// in entries are all written by the scatter, whose two threads then also
// take the page faults of first touching them (0.4 s at 10M relationships
// when one thread zeroed the array first).
template <typename T>
struct UninitializedHugePageAllocator : HugePageAllocator<T> {
  template <typename U>
  struct rebind {
    using other = UninitializedHugePageAllocator<U>;
  };
  UninitializedHugePageAllocator() = default;
  template <typename U>
  UninitializedHugePageAllocator(const UninitializedHugePageAllocator<U>&) {}  // NOLINT
  template <typename U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};
}  // namespace

struct GraphProjection::AdjacencyPart {
  using Entries = std::vector<GraphProjection::Entry, HugePageAllocator<GraphProjection::Entry>>;
  using Offsets = std::vector<uint64_t, HugePageAllocator<uint64_t>>;
  NodeId bound = 0;
  unsigned chunk_shift = 0;
  Entries out[2];                                        // by reading thread
  std::vector<const GraphProjection::Entry*> out_chunk;  // by chunk: its first entry
  std::vector<uint64_t> out_base;                        // by chunk: position of its first entry
  Offsets out_offsets;                                   // bound + 1
  Offsets in_offsets;                                    // bound + 1
  std::vector<GraphProjection::Entry, UninitializedHugePageAllocator<GraphProjection::Entry>> in;
  uint64_t relationships = 0;
  double build_seconds = 0;

  const Entry* OutBlock(NodeId id, size_t* count) const {
    const uint64_t begin = out_offsets[id];
    *count = out_offsets[id + 1] - begin;
    const size_t c = id >> chunk_shift;
    return out_chunk[c] + (begin - out_base[c]);
  }
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
  if (dir == Direction::kOut) return a.OutBlock(id, count);
  const uint64_t begin = a.in_offsets[id];
  *count = a.in_offsets[id + 1] - begin;
  return a.in.data() + begin;
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
    case Value::Kind::kLocalTime:
      return Value(LocalTime{b});
    case Value::Kind::kString: {
      uint32_t len;
      std::memcpy(&len, c.arena.data() + b, 4);
      return Value(std::string(c.arena.data() + b + 4, len));
    }
    case Value::Kind::kTime:
    case Value::Kind::kLocalDateTime:
    case Value::Kind::kDateTime:
    case Value::Kind::kDuration: {
      uint32_t len;
      std::memcpy(&len, c.arena.data() + b, 4);
      std::string_view bytes(c.arena.data() + b + 4, len);
      Value v;
      // Encoded at the build from a value that decoded: cannot fail.
      if (!record_codec::DecodeValue(&bytes, &v).ok()) return Value();
      return v;
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
    const AdjacencyPart& a = *adjacency_;
    // The out entries, not the arrays' reservations, which are never
    // touched past the entries and so take no memory.
    s.bytes_adjacency = (a.out_offsets.capacity() + a.in_offsets.capacity()) * 8 + a.in.capacity() * sizeof(Entry);
    s.bytes_adjacency += (a.out[0].size() + a.out[1].size()) * sizeof(Entry);
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
    case Value::Kind::kLocalTime:
      bits = v.as_local_time().nanos;
      break;
    case Value::Kind::kTime:
    case Value::Kind::kLocalDateTime:
    case Value::Kind::kDateTime:
    case Value::Kind::kDuration: {
      std::string bytes;
      record_codec::EncodeValue(v, &bytes);
      bits = static_cast<int64_t>(c->arena.size());
      const uint32_t len = static_cast<uint32_t>(bytes.size());
      c->arena.append(reinterpret_cast<const char*>(&len), 4);
      c->arena.append(bytes);
      break;
    }
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

bool Interrupted(StopSignal interrupt) { return interrupt.Requested(); }

}  // namespace

Status ProjectionBuilder::ScanNodes(Source src, GraphProjection::NodesPart* part, StopSignal interrupt) {
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

Status ProjectionBuilder::ScanOut(Source src, NodeId first, NodeId last, NodeId bound, uint64_t* offsets,
                                  GraphProjection::AdjacencyPart::Entries* entries, StopSignal interrupt) {
  const std::string end = key_codec::AdjacencyPrefix(last);
  rocksdb::ReadOptions options = src.options;
  const rocksdb::Slice upper(end);
  options.iterate_upper_bound = &upper;
  std::unique_ptr<rocksdb::Iterator> it(src.db->NewIterator(options, src.adjacency));
  size_t slot = 0;  // offsets[1 .. slot] are set
  uint64_t n = 0;

  it->Seek(key_codec::AdjacencyPrefix(first, Direction::kOut));
  while (it->Valid()) {
    if ((++n & 0xffff) == 0 && Interrupted(interrupt)) {
      return Status::Error(ErrorKind::kInterrupted, "building the graph projection was cancelled");
    }
    const rocksdb::Slice k = it->key();
    if (k.size() != key_codec::kAdjacencyKeySize) return Status::Storage("corrupt adjacency key");
    const AdjacencyEntry e = key_codec::DecodeAdjacencyKey(std::string_view(k.data(), k.size()));
    if (e.node < first || e.node >= last)
      return Status::Storage("adjacency of an unknown node " + std::to_string(e.node));
    if (e.direction != Direction::kOut) {
      // A node's in entries follow its out entries: one seek to the next
      // node's costs less CPU than stepping over them (about ten a node).
      if (e.node + 1 >= last) break;
      it->Seek(key_codec::AdjacencyPrefix(e.node + 1, Direction::kOut));
      continue;
    }
    if (e.neighbour >= bound) {
      return Status::Storage("relationship " + std::to_string(e.rel) + " ends at an unknown node " +
                             std::to_string(e.neighbour));
    }
    const size_t s = e.node - first;
    const uint64_t size = entries->size();
    while (slot < s) offsets[++slot] = size;
    entries->push_back(GraphProjection::Entry{e.type, e.neighbour, e.rel});
    it->Next();
  }
  KG_RETURN_IF_ERROR(FromRocks(it->status(), "building the graph projection"));
  const uint64_t size = entries->size();
  while (slot < last - first) offsets[++slot] = size;
  return Status::Ok();
}

namespace {

using AdjacencyPart = GraphProjection::AdjacencyPart;

// One more to in_degree[neighbour] for each out entry of nodes [first, last).
// A loop of its own: here the processor overlaps the cache misses, which
// it cannot between RocksDB calls (counting during the scan cost 1.2 s
// more at 10M relationships).
void CountIn(const AdjacencyPart& a, NodeId first, NodeId last, uint64_t* in_degree) {
  for (NodeId u = first; u < last; ++u) {
    size_t count;
    const GraphProjection::Entry* e = a.OutBlock(u, &count);
    for (size_t i = 0; i < count; ++i) ++in_degree[e[i].neighbour];
  }
}

// Writes the in entry of each out entry of nodes [first, last) to
// in[next[neighbour]++].
void ScatterIn(AdjacencyPart* a, NodeId first, NodeId last, uint64_t* next) {
  GraphProjection::Entry* in = a->in.data();
  for (NodeId u = first; u < last; ++u) {
    size_t count;
    const GraphProjection::Entry* e = a->OutBlock(u, &count);
    for (size_t i = 0; i < count; ++i) in[next[e[i].neighbour]++] = GraphProjection::Entry{e[i].type, u, e[i].rel};
  }
}

// Sorts the in blocks of nodes [first, last) by type, neighbour and
// relationship, the order of the adjacency column family. They were
// scattered in order of the start node (the neighbour), each start node's
// entries by type and relationship: sorted already unless the types go
// down somewhere.
void SortIn(AdjacencyPart* a, NodeId first, NodeId last) {
  using Entry = GraphProjection::Entry;
  for (NodeId v = first; v < last; ++v) {
    Entry* b = a->in.data() + a->in_offsets[v];
    Entry* e = a->in.data() + a->in_offsets[v + 1];
    if (std::is_sorted(b, e, [](const Entry& x, const Entry& y) { return x.type < y.type; })) continue;
    std::sort(b, e, [](const Entry& x, const Entry& y) {
      if (x.type != y.type) return x.type < y.type;
      if (x.neighbour != y.neighbour) return x.neighbour < y.neighbour;
      return x.rel < y.rel;
    });
  }
}

}  // namespace

Result<std::shared_ptr<const GraphProjection::NodesPart>> ProjectionBuilder::BuildNodes(Source src, NodeId bound,
                                                                                        StopSignal interrupt) {
  const auto start = std::chrono::steady_clock::now();
  auto part = std::make_shared<GraphProjection::NodesPart>();
  part->bound = bound;
  KG_RETURN_IF_ERROR(ScanNodes(src, part.get(), interrupt));
  part->build_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return std::shared_ptr<const GraphProjection::NodesPart>(std::move(part));
}

Result<std::shared_ptr<const GraphProjection::AdjacencyPart>> ProjectionBuilder::BuildAdjacency(Source src,
                                                                                                NodeId bound,
                                                                                                uint64_t rel_count,
                                                                                                StopSignal interrupt) {
  const auto start = std::chrono::steady_clock::now();
  auto part = std::make_shared<AdjacencyPart>();
  AdjacencyPart& a = *part;
  a.bound = bound;
  // Only the out entries are read: every relationship's in entry says
  // nothing more, and the in blocks are derived from the out entries in
  // memory. About 64 chunks, at least 4,096 nodes each: node ids are not
  // spread evenly (at 1M the lower half of the ids holds 88% of the out
  // entries), so two threads taking chunks in turn finish together where
  // two halves would not.
  a.chunk_shift = 12;
  while ((bound >> a.chunk_shift) > 64) ++a.chunk_shift;
  const size_t chunks = static_cast<size_t>((bound >> a.chunk_shift) + 1);
  a.out_chunk.assign(chunks, nullptr);
  a.out_base.assign(chunks + 1, 0);
  a.out_offsets.assign(bound + 1, 0);
  // Either thread may read most of the entries: each reserves room for
  // all of them, which costs address space but no memory until written,
  // whereas growing would copy.
  a.out[0].reserve(rel_count + rel_count / 16);
  a.out[1].reserve(rel_count + rel_count / 16);
  std::vector<std::pair<int, uint64_t>> chunk_at(chunks);  // thread, position in its array
  std::vector<Status> status(chunks);
  std::atomic<size_t> next_chunk{0};
  auto scan = [&](int thread) {
    AdjacencyPart::Entries* entries = &a.out[thread];
    for (size_t c; (c = next_chunk.fetch_add(1)) < chunks;) {
      if (Interrupted(interrupt)) {
        status[c] = Status::Error(ErrorKind::kInterrupted, "building the graph projection was cancelled");
        break;
      }
      const NodeId first = std::min<NodeId>(NodeId{c} << a.chunk_shift, bound);
      const NodeId last = std::min<NodeId>(NodeId{c + 1} << a.chunk_shift, bound);
      chunk_at[c] = {thread, entries->size()};
      status[c] = ScanOut(src, first, last, bound, a.out_offsets.data() + first, entries, interrupt);
      if (!status[c].ok()) next_chunk = chunks;  // the other thread stops too
    }
  };
  std::thread second(scan, 1);
  scan(0);
  second.join();
  for (const Status& st : status) KG_RETURN_IF_ERROR(st);
  // ScanOut wrote positions in its thread's array: make them positions in
  // the chunks laid end to end.
  for (size_t c = 0; c < chunks; ++c) {
    const auto [thread, begin] = chunk_at[c];
    a.out_chunk[c] = a.out[thread].data() + begin;
    const NodeId first = std::min<NodeId>(NodeId{c} << a.chunk_shift, bound);
    const NodeId last = std::min<NodeId>(NodeId{c + 1} << a.chunk_shift, bound);
    const uint64_t size = first == last ? 0 : a.out_offsets[last] - begin;
    for (NodeId n = first + 1; n <= last; ++n) a.out_offsets[n] = a.out_offsets[n] - begin + a.out_base[c];
    a.out_base[c + 1] = a.out_base[c] + size;
  }
  const uint64_t total = a.out_base[chunks];
  // The in entries: a counting sort of the out entries by end node. Two
  // threads, each the start nodes of about half the entries; each end
  // node's block holds the first half's entries, then the second's, so
  // both scatter at once without meeting, and each block comes out in
  // order of the start node.
  size_t split_chunk = 0;
  while (split_chunk < chunks && a.out_base[split_chunk] < total / 2) ++split_chunk;
  const NodeId split = std::min<NodeId>(NodeId{split_chunk} << a.chunk_shift, bound);
  AdjacencyPart::Offsets next_low(bound, 0), next_high(bound, 0);
  second = std::thread([&] { CountIn(a, split, bound, next_high.data()); });
  CountIn(a, 0, split, next_low.data());
  second.join();
  a.in_offsets.assign(bound + 1, 0);
  uint64_t at = 0;
  for (NodeId v = 0; v < bound; ++v) {
    const uint64_t from_low = next_low[v];
    const uint64_t from_high = next_high[v];
    a.in_offsets[v] = at;
    next_low[v] = at;  // now each thread's next free slot in the block
    next_high[v] = at + from_low;
    at += from_low + from_high;
  }
  a.in_offsets[bound] = at;
  if (Interrupted(interrupt))
    return Status::Error(ErrorKind::kInterrupted, "building the graph projection was cancelled");
  a.in.resize(total);
  second = std::thread([&] { ScatterIn(&a, split, bound, next_high.data()); });
  ScatterIn(&a, 0, split, next_low.data());
  second.join();
  // Both threads wrote into every end node's block: sort once both are done.
  const NodeId half = bound / 2;
  second = std::thread([&] { SortIn(&a, half, bound); });
  SortIn(&a, 0, half);
  second.join();
  a.relationships = total;
  a.build_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
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
