// Cursors over the store's scans. Each walks keys of one column family in
// key order (and so in id order) and decodes them; none reads records it was
// not asked for. Use: for (; c->Valid(); c->Next()) {...}; then check
// status(), which reports an I/O or corruption error that ended the scan.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "storage/graph_projection.h"
#include "storage/ids.h"

namespace kg {

// A source of (key, value) pairs in key order; internal to the storage layer.
class KeyStream {
 public:
  virtual ~KeyStream() = default;
  virtual bool Valid() const = 0;
  virtual void Next() = 0;
  virtual std::string_view key() const = 0;
  virtual std::string_view value() const = 0;
  virtual Status status() const = 0;
};

// Relationships of one node, as adjacency entries (no relationship record is
// read). With Direction::kBoth a self-loop comes back once, as kOut. The
// entries come from a scan of the adjacency column family or from the
// in-memory projection's blocks, in the same order.
class AdjacencyCursor {
 public:
  AdjacencyCursor(std::unique_ptr<KeyStream> stream, bool both_directions);
  // From the projection: `node` must be clean there; `types` sorted and
  // unique (empty: every type); with `neighbour`, only entries to it.
  AdjacencyCursor(const GraphProjection& projection, NodeId node, Direction dir, const std::vector<RelTypeId>& types,
                  std::optional<NodeId> neighbour = std::nullopt);
  bool Valid() const { return stream_ ? stream_->Valid() : range_ < ranges_.size(); }
  void Next();
  const AdjacencyEntry& entry() const { return entry_; }
  Status status() const { return stream_ ? stream_->status() : Status::Ok(); }

 private:
  struct Range {
    const GraphProjection::Entry* begin;
    const GraphProjection::Entry* end;
    Direction dir;
  };
  void Settle();  // decode the current key; skip the mirror entry of a self-loop
  void SettleBlock();
  std::unique_ptr<KeyStream> stream_;
  bool both_;
  AdjacencyEntry entry_{};
  // Projection mode.
  std::vector<Range> ranges_;
  size_t range_ = 0;
  const GraphProjection::Entry* pos_ = nullptr;
};

// A source of node ids in increasing order, for NodeIdCursor.
class IdSource {
 public:
  virtual ~IdSource() = default;
  // The next id, or false at the end.
  virtual bool Next(NodeId* id) = 0;
  // Whether the id Next gave is known to pass the source's filter (see
  // Transaction::ScanLabelMaybeEqual); false when unsure.
  virtual bool certain() const { return false; }
};

// Node ids from a label scan, an index scan or a scan of every node.
class NodeIdCursor {
 public:
  using Decode = NodeId (*)(std::string_view key);
  using Filter = std::function<bool(std::string_view key)>;
  NodeIdCursor(std::unique_ptr<KeyStream> stream, Decode decode, Filter filter = nullptr);
  explicit NodeIdCursor(std::unique_ptr<IdSource> source);
  bool Valid() const { return stream_ ? stream_->Valid() : source_valid_; }
  void Next();
  NodeId id() const { return id_; }
  // See IdSource::certain().
  bool certain() const { return source_ && source_->certain(); }
  Status status() const { return stream_ ? stream_->status() : Status::Ok(); }

 private:
  void Settle();
  std::unique_ptr<KeyStream> stream_;
  Decode decode_ = nullptr;
  Filter filter_;
  std::unique_ptr<IdSource> source_;
  bool source_valid_ = false;
  NodeId id_ = 0;
};

// Every node or every relationship, decoded, in id order:
// RecordCursor<NodeRecord> (NodeCursor) and RecordCursor<RelRecord> (RelCursor).
template <typename Record>
class RecordCursor {
 public:
  explicit RecordCursor(std::unique_ptr<KeyStream> stream) : stream_(std::move(stream)) { Settle(); }
  bool Valid() const { return stream_->Valid() && status_.ok(); }
  void Next() {
    stream_->Next();
    Settle();
  }
  const Record& record() const { return record_; }
  Status status() const { return status_.ok() ? stream_->status() : status_; }

 private:
  void Settle() {
    if (stream_->Valid()) status_ = DecodeRecord(stream_->key(), stream_->value(), &record_);
  }
  std::unique_ptr<KeyStream> stream_;
  Record record_;
  Status status_;
};

// Decode a record from its key (the id) and value; a corrupt one is an error.
Status DecodeRecord(std::string_view key, std::string_view value, NodeRecord* out);
Status DecodeRecord(std::string_view key, std::string_view value, RelRecord* out);

using NodeCursor = RecordCursor<NodeRecord>;
using RelCursor = RecordCursor<RelRecord>;

}  // namespace kg
