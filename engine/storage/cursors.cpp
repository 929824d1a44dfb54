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

RelCursor::RelCursor(std::unique_ptr<KeyStream> stream) : stream_(std::move(stream)) { Settle(); }

void RelCursor::Next() {
  stream_->Next();
  Settle();
}

void RelCursor::Settle() {
  if (stream_->Valid()) {
    status_ = record_codec::DecodeRel(key_codec::DecodeRelKey(stream_->key()), stream_->value(), &record_);
  }
}

NodeCursor::NodeCursor(std::unique_ptr<KeyStream> stream) : stream_(std::move(stream)) { Settle(); }

void NodeCursor::Next() {
  stream_->Next();
  Settle();
}

void NodeCursor::Settle() {
  if (stream_->Valid()) {
    status_ = record_codec::DecodeNode(key_codec::DecodeNodeKey(stream_->key()), stream_->value(), &record_);
  }
}

}  // namespace kg
