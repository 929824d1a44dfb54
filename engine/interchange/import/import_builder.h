// ImportBuilder: what the format readers hand their elements to.
//
// It turns a file's own node ids into database node ids, holds back a
// relationship whose end node has not been read yet (GraphML and JSON may
// name a node before it appears) until the end of its source, checks
// `key` values for duplicates within the import, and reports progress.
// Every error it returns names the input file and line.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "interchange/import/import_sink.h"
#include "interchange/import/importer.h"
#include "storage/ids.h"

namespace kg::interchange {

// A node's id within its source: an integer or a string. JSON tells them
// apart (7 and "7" are different ids); other formats use one kind.
struct FileNodeId {
  bool is_int = false;
  int64_t number = 0;
  std::string text;
  static FileNodeId Int(int64_t n) { return FileNodeId{true, n, {}}; }
  static FileNodeId Text(std::string s) { return FileNodeId{false, 0, std::move(s)}; }
  // 7, or "org/x" (JSON-quoted), as error messages show it.
  std::string ToString() const;
};

// A place in the input: a file the builder knows and a line in it.
struct Where {
  uint32_t file = 0;
  uint64_t line = 0;
};

// The words errors use for one format's elements.
struct SourceWords {
  std::string start = "source";  // "link source 'x' is not a node of this import"
  std::string end = "target";
};

class ImportBuilder {
 public:
  ImportBuilder(ImportSink& sink, const ImportOptions& options, uint64_t bytes_total);

  // Registers an input file (as errors name it); returns its number.
  uint32_t AddFile(std::string display_name);
  const std::string& file_name(uint32_t file) const { return files_[file]; }
  // "file:line: reason" as a kIo error.
  Status Error(Where where, const std::string& reason) const;
  // "file:line:column: reason", for readers that know the column.
  Status Error(Where where, uint64_t column, const std::string& reason) const;

  // Interned names, looked up once each.
  Result<LabelId> Label(std::string_view name);
  Result<RelTypeId> RelType(std::string_view name);
  Result<PropertyKeyId> Key(std::string_view name);

  // A source is one path argument: node ids are its own. EndSource adds the
  // relationships held back, or fails on one whose end never appeared.
  void BeginSource(SourceWords words);
  Status EndSource();

  // `id` may be null (a node no relationship can name).
  Status AddNode(Where where, const FileNodeId* id, std::vector<LabelId> labels, Properties properties);
  Status AddRelationship(Where where, RelTypeId type, FileNodeId start, FileNodeId end, Properties properties);

  // Bytes of the current file consumed so far; and the end of a file.
  void SetFileBytes(uint64_t bytes) { file_bytes_ = bytes; }
  void FileDone(uint64_t size);
  // Progress and cancellation; readers call it once per element.
  Status Tick() {
    if (++ticks_ % kTickEvery != 0) return Status::Ok();
    return Poll();
  }

  uint64_t nodes() const { return nodes_; }
  uint64_t relationships() const { return rels_; }
  const ImportOptions& options() const { return options_; }

 private:
  static constexpr uint64_t kTickEvery = 1024;
  struct Placed {
    NodeId node;
    Where where;
  };
  struct Pending {
    Where where;
    RelTypeId type;
    FileNodeId start, end;
    Properties properties;
  };
  Status Poll();
  const Placed* Find(const FileNodeId& id) const;
  Status Add(const Pending& rel, NodeId start, NodeId end);

  ImportSink& sink_;
  const ImportOptions& options_;
  std::vector<std::string> files_;
  std::unordered_map<std::string, LabelId> labels_;
  std::unordered_map<std::string, RelTypeId> types_;
  std::unordered_map<std::string, PropertyKeyId> keys_;
  PropertyKeyId key_property_ = 0;  // the id of `key`, once a reader used it
  bool key_property_known_ = false;

  SourceWords words_;
  // Integer ids that came in counting up from the first (gen_graph's and
  // kg's CSV ids) are kept in a vector, looked up without hashing; the
  // others in the map.
  int64_t dense_first_ = 0;
  std::vector<Placed> dense_ids_;
  std::unordered_map<int64_t, Placed> int_ids_;
  std::unordered_map<std::string, Placed> text_ids_;
  std::vector<Pending> pending_;
  // `key` values of this import (typed, encoded) and where each was given.
  std::unordered_map<std::string, Where> import_keys_;

  uint64_t nodes_ = 0, rels_ = 0;
  uint64_t ticks_ = 0;
  uint64_t bytes_done_ = 0, file_bytes_ = 0, bytes_total_;
  std::chrono::steady_clock::time_point last_progress_;  // none yet: the first poll reports
};

}  // namespace kg::interchange
