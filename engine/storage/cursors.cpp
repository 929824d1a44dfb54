#include "storage/cursors.h"

#include <algorithm>

#include "storage/graph_projection.h"
#include "storage/key_codec.h"
#include "storage/record_codec.h"

namespace kg {

AdjacencyCursor::AdjacencyCursor(std::unique_ptr<KeyStream> stream, bool both_directions)
    : stream_(std::move(stream)), both_(both_directions) {
  Settle();
}

AdjacencyCursor::AdjacencyCursor(const GraphProjection& projection, NodeId node, Direction dir,
                                 const std::vector<RelTypeId>& types, std::optional<NodeId> neighbour)
    : both_(dir == Direction::kBoth) {
  using Entry = GraphProjection::Entry;
  auto below = [](const Entry& e, RelTypeId type) { return e.type < type; };
  auto above = [](RelTypeId type, const Entry& e) { return type < e.type; };
  for (Direction d : {Direction::kOut, Direction::kIn}) {
    if (dir != Direction::kBoth && dir != d) continue;
    size_t count;
    const Entry* b = projection.Block(node, d, &count);
    if (count == 0) continue;
    const Entry* e = b + count;
    if (types.empty()) {
      ranges_.push_back(Range{b, e, d});
      continue;
    }
    // A block is sorted by type, and each type's run by neighbour.
    for (RelTypeId type : types) {
      const Entry* lo = std::lower_bound(b, e, type, below);
      const Entry* hi = std::upper_bound(lo, e, type, above);
      if (neighbour && lo != hi) {
        auto before = [](const Entry& x, NodeId n) { return x.neighbour < n; };
        auto after = [](NodeId n, const Entry& x) { return n < x.neighbour; };
        lo = std::lower_bound(lo, hi, *neighbour, before);
        hi = std::upper_bound(lo, hi, *neighbour, after);
      }
      if (lo != hi) ranges_.push_back(Range{lo, hi, d});
    }
  }
  entry_.node = node;
  if (!ranges_.empty()) pos_ = ranges_[0].begin;
  SettleBlock();
}

void AdjacencyCursor::Next() {
  if (!stream_) {
    ++pos_;
    SettleBlock();
    return;
  }
  stream_->Next();
  Settle();
}

void AdjacencyCursor::SettleBlock() {
  while (range_ < ranges_.size()) {
    const Range& r = ranges_[range_];
    for (; pos_ < r.end; ++pos_) {
      const GraphProjection::Entry& e = *pos_;
      if (both_ && r.dir == Direction::kIn && e.neighbour == entry_.node) continue;
      entry_.direction = r.dir;
      entry_.type = e.type;
      entry_.neighbour = e.neighbour;
      entry_.rel = e.rel;
      return;
    }
    if (++range_ < ranges_.size()) pos_ = ranges_[range_].begin;
  }
}

void AdjacencyCursor::Settle() {
  for (; stream_->Valid(); stream_->Next()) {
    entry_ = key_codec::DecodeAdjacencyKey(stream_->key());
    // A self-loop has an out entry and an in entry under the same node;
    // walking both directions it is still one relationship.
    if (both_ && entry_.direction == Direction::kIn && entry_.neighbour == entry_.node) continue;
    return;
  }
}

NodeIdCursor::NodeIdCursor(std::unique_ptr<KeyStream> stream, Decode decode, Filter filter)
    : stream_(std::move(stream)), decode_(decode), filter_(std::move(filter)) {
  Settle();
}

NodeIdCursor::NodeIdCursor(std::unique_ptr<IdSource> source) : source_(std::move(source)) {
  source_valid_ = source_->Next(&id_);
}

void NodeIdCursor::Next() {
  if (!stream_) {
    source_valid_ = source_valid_ && source_->Next(&id_);
    return;
  }
  stream_->Next();
  Settle();
}

void NodeIdCursor::Settle() {
  for (; stream_->Valid(); stream_->Next()) {
    if (filter_ && !filter_(stream_->key())) continue;
    id_ = decode_(stream_->key());
    return;
  }
}

Status DecodeRecord(std::string_view key, std::string_view value, NodeRecord* out) {
  return record_codec::DecodeNode(key_codec::DecodeNodeKey(key), value, out);
}

Status DecodeRecord(std::string_view key, std::string_view value, RelRecord* out) {
  return record_codec::DecodeRel(key_codec::DecodeRelKey(key), value, out);
}

}  // namespace kg
