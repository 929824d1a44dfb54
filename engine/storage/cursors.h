// Cursors over the store's scans. Each walks keys of one column family in
// key order (and so in id order) and decodes them; none reads records it was
// not asked for. Use: for (; c->Valid(); c->Next()) {...}; then check
// status(), which reports an I/O or corruption error that ended the scan.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
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
// read). With Direction::kBoth a self-loop comes back once, as kOut.
class AdjacencyCursor {
 public:
  AdjacencyCursor(std::unique_ptr<KeyStream> stream, bool both_directions);
  bool Valid() const { return stream_->Valid(); }
  void Next();
  const AdjacencyEntry& entry() const { return entry_; }
  Status status() const { return stream_->status(); }

 private:
  void Settle();  // decode the current key; skip the mirror entry of a self-loop
  std::unique_ptr<KeyStream> stream_;
  bool both_;
  AdjacencyEntry entry_{};
};

// Node ids from a label scan, an index scan or a scan of every node.
class NodeIdCursor {
 public:
  using Decode = NodeId (*)(std::string_view key);
  using Filter = std::function<bool(std::string_view key)>;
  NodeIdCursor(std::unique_ptr<KeyStream> stream, Decode decode, Filter filter = nullptr);
  bool Valid() const { return stream_->Valid(); }
  void Next();
  NodeId id() const { return id_; }
  Status status() const { return stream_->status(); }

 private:
  void Settle();
  std::unique_ptr<KeyStream> stream_;
  Decode decode_;
  Filter filter_;
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
