// Catalog: the schema a database carries with it.
//
// Labels, relationship types and property keys are interned to small
// integers so that records and keys stay compact; the catalog maps them back
// to names. It also keeps counts per label and type (the planner's
// statistics), per property key the number of nodes and of relationships
// that carry it (so that `:schema` reads no data), the declared property
// indexes, the next free ids, and the format version.
//
// A Catalog object is an immutable snapshot once published: a reader takes a
// shared_ptr at the start of its transaction and sees counts that agree with
// its data snapshot. The single writer works on a private copy and publishes
// it on commit (copy-on-write). Entries changed since the copy are tracked so
// that a commit writes only those.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/status.h"
#include "storage/ids.h"

namespace kg {

struct IndexDef {
  LabelId label;
  PropertyKeyId key;
  friend bool operator<(const IndexDef& a, const IndexDef& b) {
    return a.label != b.label ? a.label < b.label : a.key < b.key;
  }
  friend bool operator==(const IndexDef& a, const IndexDef& b) { return a.label == b.label && a.key == b.key; }
};

// A full-text index (CREATE FULLTEXT INDEX): the string values of `keys`
// on nodes with any of `labels` (every node when empty), found by their
// folded words; see fulltext_entries.h.
using FullTextIndexId = uint32_t;
struct FullTextIndexDef {
  FullTextIndexId id = 0;
  std::string name;
  std::vector<LabelId> labels;      // sorted, unique
  std::vector<PropertyKeyId> keys;  // in the order the definition lists them
  bool Covers(const NodeRecord& node) const;
};

class Catalog {
 public:
  // Version of the on-disk format this build writes and understands.
  // Bump it on any incompatible change to docs/storage.md.
  // Version 2 added the property key counts ("propcount:" entries); a
  // version 1 database opens, and its catalog reports
  // property_counts_known() false until SetPropertyKeyCounts fills them
  // in (which also rewrites the format marker as version 2).
  // Version 3 added the fulltext column family and "fulltext:" entries;
  // opening a version 2 database for writing adds the (empty) family and
  // rewrites the marker.
  static constexpr uint32_t kFormatVersion = 3;

  std::optional<LabelId> FindLabel(std::string_view name) const { return Find(labels_, name); }
  std::optional<RelTypeId> FindRelType(std::string_view name) const { return Find(types_, name); }
  std::optional<PropertyKeyId> FindPropertyKey(std::string_view name) const { return Find(keys_, name); }
  const std::string& LabelName(LabelId id) const { return labels_.names.at(id); }
  const std::string& RelTypeName(RelTypeId id) const { return types_.names.at(id); }
  const std::string& PropertyKeyName(PropertyKeyId id) const { return keys_.names.at(id); }
  size_t num_labels() const { return labels_.names.size(); }
  size_t num_rel_types() const { return types_.names.size(); }
  size_t num_property_keys() const { return keys_.names.size(); }

  uint64_t NodesWithLabel(LabelId id) const { return id < label_counts_.size() ? label_counts_[id] : 0; }
  uint64_t RelsOfType(RelTypeId id) const { return id < type_counts_.size() ? type_counts_[id] : 0; }
  // Nodes (relationships) carrying property `id`; 0 for an unknown id, and
  // meaningless while property_counts_known() is false.
  uint64_t NodesWithProperty(PropertyKeyId id) const { return id < key_node_counts_.size() ? key_node_counts_[id] : 0; }
  uint64_t RelsWithProperty(PropertyKeyId id) const { return id < key_rel_counts_.size() ? key_rel_counts_[id] : 0; }
  bool property_counts_known() const { return property_counts_known_; }
  uint64_t node_count() const { return node_count_; }
  uint64_t rel_count() const { return rel_count_; }
  NodeId next_node_id() const { return next_node_id_; }
  RelId next_rel_id() const { return next_rel_id_; }

  const std::set<IndexDef>& indexes() const { return indexes_; }
  bool HasIndex(LabelId label, PropertyKeyId key) const { return indexes_.count(IndexDef{label, key}) > 0; }
  // Full-text indexes, by name.
  const std::vector<FullTextIndexDef>& fulltext_indexes() const { return fulltext_; }
  const FullTextIndexDef* FindFullTextIndex(std::string_view name) const;
  // Declares a full-text index under a new id (def.id is ignored) and
  // returns it; the caller fills it.
  const FullTextIndexDef& AddFullTextIndex(FullTextIndexDef def);
  void RemoveFullTextIndex(std::string_view name);
  // Checks properties about to be written: known key ids, sorted and unique
  // (as NormaliseProperties leaves them), every value storable.
  Status CheckProperties(const Properties& props) const;

  // Declared indexes on properties of nodes with this label.
  std::vector<PropertyKeyId> IndexedKeys(LabelId label) const;

  // --- Changes, made by the writer on its private copy. ---
  LabelId InternLabel(std::string_view name) { return Intern(&labels_, name, &dirty_labels_, &label_counts_); }
  RelTypeId InternRelType(std::string_view name) { return Intern(&types_, name, &dirty_types_, &type_counts_); }
  PropertyKeyId InternPropertyKey(std::string_view name);
  void AddToLabel(LabelId id, int64_t delta);
  void AddToRelType(RelTypeId id, int64_t delta);
  // Counts the property keys of a node (relationship) whose properties
  // change from `before` to `after` (both sorted by key, as stored;
  // nullptr: none, for a new or deleted entity).
  void CountNodeProperties(const Properties* before, const Properties* after) {
    CountProperties(before, after, &key_node_counts_);
  }
  void CountRelProperties(const Properties* before, const Properties* after) {
    CountProperties(before, after, &key_rel_counts_);
  }
  // Replaces every property key count (indexed by key id), as counted by a
  // scan of a database made before counts were kept.
  void SetPropertyKeyCounts(std::vector<uint64_t> nodes, std::vector<uint64_t> rels);
  void AddNodes(int64_t delta) { node_count_ += delta; }
  void AddRels(int64_t delta) { rel_count_ += delta; }
  NodeId AllocateNodeId() { return next_node_id_++; }
  RelId AllocateRelId() { return next_rel_id_++; }
  void AddIndex(IndexDef def);
  void RemoveIndex(IndexDef def);

  // --- Persistence (the meta column family). ---
  // Key/value pairs for every entry changed since this copy was made (or
  // since ClearChanges), plus the counters. Deleted entries have no value.
  std::vector<std::pair<std::string, std::optional<std::string>>> ChangedEntries() const;
  void ClearChanges();
  // Entries for a brand-new database.
  static std::vector<std::pair<std::string, std::string>> InitialEntries();
  // Rebuilds a catalog from every entry of the meta column family. Fails on
  // a directory that is not kg's or a format version this build can't read.
  static Result<Catalog> Load(const std::vector<std::pair<std::string, std::string>>& entries);

  // The meta key of the format marker.
  static const char* const kFormatKey;
  // Whether `key` is one of the entries above (the consistency check
  // reports any other).
  static bool IsCatalogKey(const std::string& key);

 private:
  struct NameTable {
    std::vector<std::string> names;
    std::unordered_map<std::string, uint32_t> ids;
  };
  static std::optional<uint32_t> Find(const NameTable& t, std::string_view name);
  static uint32_t Intern(NameTable* t, std::string_view name, std::set<uint32_t>* dirty, std::vector<uint64_t>* counts);
  void CountProperties(const Properties* before, const Properties* after, std::vector<uint64_t>* counts);

  NameTable labels_, types_, keys_;
  std::vector<uint64_t> label_counts_, type_counts_;
  std::vector<uint64_t> key_node_counts_, key_rel_counts_;  // by property key id
  bool property_counts_known_ = true;
  bool format_changed_ = false;
  std::vector<bool>
      key_count_dirty_;  // by key id: in dirty_keys_ already  // SetPropertyKeyCounts upgraded a version 1 catalog
  uint64_t node_count_ = 0, rel_count_ = 0;
  NodeId next_node_id_ = 0;
  RelId next_rel_id_ = 0;
  std::set<IndexDef> indexes_;
  std::vector<FullTextIndexDef> fulltext_;  // by name

  std::set<uint32_t> dirty_labels_, dirty_types_, dirty_keys_;
  std::set<IndexDef> dirty_indexes_;
  std::set<FullTextIndexId> dirty_fulltext_;
};

}  // namespace kg
