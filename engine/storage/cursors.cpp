#include "storage/cursors.h"

#include "storage/key_codec.h"
#include "storage/record_codec.h"

namespace kg {

AdjacencyCursor::AdjacencyCursor(std::unique_ptr<KeyStream> stream, bool both_directions)
    : stream_(std::move(stream)), both_(both_directions) {
  Settle();
}

void AdjacencyCursor::Next() {
  stream_->Next();
  Settle();
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

void NodeIdCursor::Next() {
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
