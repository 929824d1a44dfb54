#include "storage/consistency_check.h"

#include <rocksdb/db.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <unordered_set>

#include "storage/catalog.h"
#include "storage/fulltext_entries.h"
#include "storage/graph_store.h"
#include "storage/key_codec.h"
#include "storage/record_codec.h"
#include "storage/rocks_util.h"
#include "storage/transaction.h"

namespace kg {

std::string ConsistencyReport::Counts() const {
  auto count = [](uint64_t n, const char* one, const char* many) { return std::to_string(n) + (n == 1 ? one : many); };
  return count(nodes, " node, ", " nodes, ") + count(relationships, " relationship, ", " relationships, ") +
         std::to_string(adjacency_entries) + " adjacency, " + std::to_string(label_entries) + " label, " +
         std::to_string(property_index_entries) + " property index, " + std::to_string(unique_key_entries) +
         " unique key and " + std::to_string(fulltext_entries) + " full-text entries checked";
}

// A friend of GraphStore and Transaction: it reads the column families
// directly, through the snapshot of a read transaction.
class ConsistencyChecker {
 public:
  ConsistencyChecker(GraphStore& store, Transaction& txn, const std::atomic<bool>* interrupt)
      : store_(store), db_(store.db_), catalog_(txn.catalog()), interrupt_(interrupt) {
    options_.snapshot = txn.snapshot_;  // nullptr on a secondary instance, whose view holds still meanwhile
    options_.fill_cache = false;
  }

  Result<ConsistencyReport> Run() {
    families_[kAdjacencyFamily] = {ColumnFamily::kAdjacency, "adjacency", &report_.adjacency_entries,
                                   &ConsistencyChecker::VerifyAdjacency};
    families_[kLabelsFamily] = {ColumnFamily::kLabels, "labels", &report_.label_entries,
                                &ConsistencyChecker::VerifyLabel};
    families_[kIndexFamily] = {ColumnFamily::kPropertyIndex, "property index", &report_.property_index_entries,
                               &ConsistencyChecker::VerifyPropertyIndex};
    families_[kUniqueFamily] = {ColumnFamily::kUniqueKeys, "unique key", &report_.unique_key_entries,
                                &ConsistencyChecker::VerifyUniqueKey};
    families_[kFullTextFamily] = {ColumnFamily::kFullText, "full-text", &report_.fulltext_entries,
                                  &ConsistencyChecker::VerifyFullText};
    KG_RETURN_IF_ERROR(CheckCatalog());
    KG_RETURN_IF_ERROR(CheckNodes());
    KG_RETURN_IF_ERROR(CheckRelationships());
    CheckCounts();
    bool node_families_damaged = false;
    for (int f = 0; f < kNumFamilies; ++f) {
      KG_RETURN_IF_ERROR(Fingerprint(&families_[f]));
      if (f != kAdjacencyFamily && families_[f].damaged) node_families_damaged = true;
    }
    // Only a family whose entries differ from what the records imply is
    // read again, entry by entry, to name the differences.
    finding_ = true;
    if (node_families_damaged) KG_RETURN_IF_ERROR(CheckNodes());
    if (families_[kAdjacencyFamily].damaged) KG_RETURN_IF_ERROR(CheckRelationships());
    for (FamilyState& f : families_) {
      if (f.damaged) KG_RETURN_IF_ERROR(FindStale(&f));
    }
    return std::move(report_);
  }

 private:
  using Verifier = void (ConsistencyChecker::*)(const std::string& key, const std::string& value);

  // The column families of entries derived from records.
  enum Family { kAdjacencyFamily, kLabelsFamily, kIndexFamily, kUniqueFamily, kFullTextFamily, kNumFamilies };
  struct FamilyState {
    ColumnFamily cf;
    const char* name;
    uint64_t* count;  // in the report: the entries there
    Verifier verify;  // checks one entry against its record
    // What the records imply, and what is there: counts and the sums of
    // the entries' hashes (a fingerprint of the set, whatever the order).
    uint64_t expected = 0, expected_hash = 0, actual_hash = 0;
    bool damaged = false;
    uint64_t problems = 0;  // named so far
  };

  static uint64_t Mix(uint64_t x) {  // splitmix64's finaliser
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  }
  static uint64_t EntryHash(std::string_view key, std::string_view value) {
    return Mix(std::hash<std::string_view>{}(key) ^ Mix(std::hash<std::string_view>{}(value)));
  }

  // An entry the records imply: counted into the family's fingerprint, or,
  // while finding (the family is damaged), read and handed to `report`
  // with what is stored under its key when that differs from `value`.
  template <typename Report>
  Status Expect(Family f, const std::string& key, const std::string& value, Report report) {
    FamilyState& s = families_[f];
    if (!finding_) {
      ++s.expected;
      s.expected_hash += EntryHash(key, value);
      return Status::Ok();
    }
    if (!s.damaged) return Status::Ok();
    KG_ASSIGN_OR_RETURN(std::optional<std::string> stored, Get(s.cf, key));
    if (!stored || *stored != value) report(stored);
    return Status::Ok();
  }

  void FamilyProblem(Family f, std::string line) {
    ++families_[f].problems;
    Problem(std::move(line));
  }

  // Counts and hashes what a family holds; damaged when it is not what the
  // records imply.
  Status Fingerprint(FamilyState* f) {
    if (!store_.cf(f->cf)) return Status::Ok();  // an older database without full-text indexes
    auto it = Iterate(f->cf);
    uint64_t n = 0;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      KG_RETURN_IF_ERROR(Tick());
      ++n;
      f->actual_hash += EntryHash(it->key().ToStringView(), it->value().ToStringView());
    }
    KG_RETURN_IF_ERROR(FromRocks(it->status(), std::string("reading the ") + f->name + " entries"));
    *f->count = n;
    f->damaged = n != f->expected || f->actual_hash != f->expected_hash;
    return Status::Ok();
  }

  // Checks every entry of a damaged family against its record, to name
  // those no record implies.
  Status FindStale(FamilyState* f) {
    auto it = Iterate(f->cf);
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      KG_RETURN_IF_ERROR(Tick());
      const uint64_t before = report_.problem_count;
      (this->*(f->verify))(it->key().ToString(), it->value().ToString());
      f->problems += report_.problem_count - before;
    }
    KG_RETURN_IF_ERROR(FromRocks(it->status(), std::string("reading the ") + f->name + " entries"));
    if (f->problems == 0) {
      // Only the fingerprint shows it (say, an entry with a value where none belongs).
      Problem(std::string(f->name) + ": the " + std::to_string(*f->count) + " entries differ from the " +
              std::to_string(f->expected) + " the records imply");
    }
    return Status::Ok();
  }

  void Problem(std::string line) {
    ++report_.problem_count;
    if (report_.problems.size() < ConsistencyReport::kMaxListed) report_.problems.push_back(std::move(line));
  }

  Status Tick() {
    if ((++ticks_ & 0xfff) == 0 && interrupt_ && interrupt_->load(std::memory_order_relaxed)) {
      return Status::Error(ErrorKind::kInterrupted, "the check was interrupted");
    }
    return Status::Ok();
  }

  std::unique_ptr<rocksdb::Iterator> Iterate(ColumnFamily f) {
    return std::unique_ptr<rocksdb::Iterator>(db_->NewIterator(options_, store_.cf(f)));
  }

  // The value under `key`, or nullopt.
  Result<std::optional<std::string>> Get(ColumnFamily f, const std::string& key) {
    std::string value;
    const rocksdb::Status s = db_->Get(options_, store_.cf(f), key, &value);
    if (s.IsNotFound()) return std::optional<std::string>();
    KG_RETURN_IF_ERROR(FromRocks(s, "reading the database"));
    return std::optional<std::string>(std::move(value));
  }

  std::string LabelText(LabelId id) const {
    return id < catalog_.num_labels() ? catalog_.LabelName(id) : "#" + std::to_string(id);
  }
  std::string TypeText(RelTypeId id) const {
    return id < catalog_.num_rel_types() ? catalog_.RelTypeName(id) : "#" + std::to_string(id);
  }
  std::string KeyText(PropertyKeyId id) const {
    return id < catalog_.num_property_keys() ? catalog_.PropertyKeyName(id) : "#" + std::to_string(id);
  }

  // ---- The catalog ----

  Status CheckCatalog() {
    auto it = Iterate(ColumnFamily::kMeta);
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      if (!Catalog::IsCatalogKey(it->key().ToString())) {
        Problem("catalog: unknown entry '" + it->key().ToString() + "'");
      }
    }
    KG_RETURN_IF_ERROR(FromRocks(it->status(), "reading the catalog"));
    for (size_t i = 0; i < catalog_.num_labels(); ++i) {
      if (catalog_.FindLabel(catalog_.LabelName(i)) != i)
        Problem("catalog: label " + std::to_string(i) + " repeats a name");
    }
    for (size_t i = 0; i < catalog_.num_rel_types(); ++i) {
      if (catalog_.FindRelType(catalog_.RelTypeName(i)) != i) {
        Problem("catalog: relationship type " + std::to_string(i) + " repeats a name");
      }
    }
    for (size_t i = 0; i < catalog_.num_property_keys(); ++i) {
      if (catalog_.FindPropertyKey(catalog_.PropertyKeyName(i)) != i) {
        Problem("catalog: property key " + std::to_string(i) + " repeats a name");
      }
    }
    for (const IndexDef& d : catalog_.indexes()) {
      if (d.label >= catalog_.num_labels() || d.key >= catalog_.num_property_keys()) {
        Problem("catalog: the index on label " + LabelText(d.label) + ", key " + KeyText(d.key) +
                " names an unknown label or key");
      }
    }
    std::set<std::string> names;
    std::set<FullTextIndexId> ids;
    for (const FullTextIndexDef& d : catalog_.fulltext_indexes()) {
      if (!names.insert(d.name).second) Problem("catalog: two full-text indexes are named '" + d.name + "'");
      if (!ids.insert(d.id).second) Problem("catalog: two full-text indexes have id " + std::to_string(d.id));
      for (LabelId l : d.labels) {
        if (l >= catalog_.num_labels())
          Problem("catalog: full-text index '" + d.name + "' names unknown label " + LabelText(l));
      }
      for (PropertyKeyId k : d.keys) {
        if (k >= catalog_.num_property_keys()) {
          Problem("catalog: full-text index '" + d.name + "' names unknown property key " + KeyText(k));
        }
      }
    }
    return Status::Ok();
  }

  // Labels sorted, unique and known; properties sorted, unique, known, not null.
  void CheckRecordParts(const std::string& what, const std::vector<LabelId>* labels, const Properties& props) {
    if (labels) {
      for (size_t i = 0; i < labels->size(); ++i) {
        if ((*labels)[i] >= catalog_.num_labels()) Problem(what + ": unknown label id " + std::to_string((*labels)[i]));
        if (i > 0 && (*labels)[i] <= (*labels)[i - 1]) Problem(what + ": labels not sorted or repeated");
      }
    }
    for (size_t i = 0; i < props.size(); ++i) {
      if (props[i].key >= catalog_.num_property_keys()) {
        Problem(what + ": unknown property key id " + std::to_string(props[i].key));
      }
      if (i > 0 && props[i].key <= props[i - 1].key) Problem(what + ": properties not sorted or repeated");
      if (props[i].value.is_null()) Problem(what + ": property " + KeyText(props[i].key) + " is null");
    }
  }

  // ---- Records: the walk nodes and relationships share ----

  // A family of records: where they are, and the words for them.
  struct RecordFamily {
    ColumnFamily family;
    const char* key_name;  // in "nodes: a key of 9 bytes, not 8"
    const char* noun;      // in "node 7: ..."
    const char* plural;    // in "reading the nodes"
  };
  static constexpr RecordFamily kNodeRecords{ColumnFamily::kNodes, "nodes", "node", "nodes"};
  static constexpr RecordFamily kRelRecords{ColumnFamily::kRels, "rels", "relationship", "relationships"};

  // Walks the records of `records`: counts each into `*counted` (in the
  // first pass), reports a key that is not 8 bytes or a record that does not
  // decode, and calls visit(id, record, what) on the others, `what()` naming
  // the record ("node 7") for messages.
  template <typename Record, typename Visit>
  Status ForEachRecord(const RecordFamily& records, uint64_t* counted, Visit visit) {
    auto it = Iterate(records.family);
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      KG_RETURN_IF_ERROR(Tick());
      if (!finding_) ++*counted;
      if (it->key().size() != 8) {
        if (!finding_) {
          Problem(std::string(records.key_name) + ": a key of " + std::to_string(it->key().size()) + " bytes, not 8");
        }
        continue;
      }
      const uint64_t id = key_codec::GetU64(it->key().data());
      auto what = [&records, id] { return records.noun + (" " + std::to_string(id)); };
      Record record;
      const Status decoded = Decode(id, it->value().ToStringView(), &record);
      if (!decoded.ok()) {
        if (!finding_) Problem(what() + ": the record does not decode (" + decoded.message() + ")");
        continue;
      }
      KG_RETURN_IF_ERROR(visit(id, record, what));
    }
    return FromRocks(it->status(), std::string("reading the ") + records.plural);
  }
  static Status Decode(NodeId id, std::string_view src, NodeRecord* out) {
    return record_codec::DecodeNode(id, src, out);
  }
  static Status Decode(RelId id, std::string_view src, RelRecord* out) { return record_codec::DecodeRel(id, src, out); }

  // ---- Nodes: records, and the entries they imply ----

  void MarkNode(NodeId id) {
    if (id < node_bits_.size()) {
      node_bits_[id] = true;
    } else {
      extra_nodes_.insert(id);
    }
  }
  bool NodeSeen(NodeId id) const { return id < node_bits_.size() ? node_bits_[id] : extra_nodes_.count(id) > 0; }

  // Counting (the first pass): checks each record and counts the entries it
  // implies into the fingerprints. Finding (again, when a family is
  // damaged): reads each entry a record implies in a damaged family.
  Status CheckNodes() {
    if (!finding_) {
      // One bit per id up to the counter (ids past it are reported, and kept aside).
      node_bits_.assign(std::min<uint64_t>(catalog_.next_node_id(), uint64_t{1} << 32), false);
      label_counts_.assign(catalog_.num_labels(), 0);
      key_node_counts_.assign(catalog_.num_property_keys(), 0);
    }
    const std::optional<PropertyKeyId> key_id = catalog_.FindPropertyKey(kKeyProperty);
    std::vector<fulltext::Entry> fulltext;
    return ForEachRecord<NodeRecord>(kNodeRecords, &report_.nodes, [&](NodeId id, const NodeRecord& node, auto what) {
      if (!finding_) {
        MarkNode(id);
        ++live_nodes_;
        if (id >= catalog_.next_node_id()) {
          Problem(what() + ": id not below the catalog's next node id " + std::to_string(catalog_.next_node_id()));
        }
        CheckRecordParts(what(), &node.labels, node.properties);
        for (LabelId l : node.labels) {
          if (l < label_counts_.size()) ++label_counts_[l];
        }
        for (const Property& p : node.properties) {
          if (p.key < key_node_counts_.size()) ++key_node_counts_[p.key];
        }
      }

      for (LabelId l : node.labels) {
        KG_RETURN_IF_ERROR(Expect(kLabelsFamily, key_codec::LabelKey(l, id), "", [&](const auto&) {
          FamilyProblem(kLabelsFamily, "labels: " + what() + " has label " + LabelText(l) + " but no labels entry");
        }));
        for (PropertyKeyId k : catalog_.IndexedKeys(l)) {
          const Value* v = FindProperty(node.properties, k);
          if (!v || !key_codec::IsIndexable(*v)) continue;
          KG_RETURN_IF_ERROR(Expect(kIndexFamily, key_codec::PropertyIndexKey(l, k, *v, id), "", [&](const auto&) {
            FamilyProblem(kIndexFamily, "property index: " + what() + " (:" + LabelText(l) + " {" + KeyText(k) + ": " +
                                            v->ToString() + "}) has no index entry");
          }));
        }
      }

      if (key_id) {
        if (const Value* v = FindProperty(node.properties, *key_id)) {
          if (!key_codec::IsIndexable(*v)) {
            if (!finding_) Problem("unique key: " + what() + " has a key that cannot be a key: " + v->ToString());
          } else {
            KG_RETURN_IF_ERROR(Expect(
                kUniqueFamily, key_codec::UniqueKeyKey(*v), key_codec::NodeKey(id),
                [&](const std::optional<std::string>& owner) {
                  if (!owner) {
                    FamilyProblem(kUniqueFamily,
                                  "unique key: " + what() + " has key " + v->ToString() + " but no unique key entry");
                    return;
                  }
                  const std::string other = owner->size() == 8
                                                ? "node " + std::to_string(key_codec::GetU64(owner->data()))
                                                : "a malformed value";
                  FamilyProblem(kUniqueFamily, "unique key: " + what() + " has key " + v->ToString() +
                                                   ", whose entry names " + other +
                                                   " (two nodes share a key, or the entry is wrong)");
                }));
          }
        }
      }

      if (store_.cf(ColumnFamily::kFullText) && !catalog_.fulltext_indexes().empty()) {
        fulltext.clear();
        fulltext::DeriveEntries(catalog_, node, &fulltext);
        for (const fulltext::Entry& e : fulltext) {
          KG_RETURN_IF_ERROR(Expect(kFullTextFamily, e.key, e.value, [&](const std::optional<std::string>& stored) {
            FamilyProblem(kFullTextFamily, "full-text: " + what() +
                                               (stored ? " has an entry with a wrong payload (" : " lacks an entry (") +
                                               FullTextEntryText(e.key) + ")");
          }));
        }
      }
      return Status::Ok();
    });
  }

  std::string FullTextEntryText(const std::string& key) const {
    fulltext::Decoded d;
    if (!fulltext::Decode(key, std::string(1, '\0'), &d) || key.size() < 5) return "a malformed key";
    const FullTextIndexId index = key_codec::GetU32(key.data() + 1);
    std::string name = "#" + std::to_string(index);
    for (const FullTextIndexDef& def : catalog_.fulltext_indexes()) {
      if (def.id == index) name = "'" + def.name + "'";
    }
    return std::string(key[0] == fulltext::kExactEntry ? "exact" : "word") + " '" + std::string(d.word) +
           "' of index " + name + ", property " + KeyText(d.key);
  }

  // ---- Relationships ----

  // Counting and finding as CheckNodes.
  Status CheckRelationships() {
    if (!finding_) {
      type_counts_.assign(catalog_.num_rel_types(), 0);
      key_rel_counts_.assign(catalog_.num_property_keys(), 0);
    }
    return ForEachRecord<RelRecord>(
        kRelRecords, &report_.relationships, [&](RelId id, const RelRecord& rel, auto what) {
          if (!finding_) {
            ++live_rels_;
            if (id >= catalog_.next_rel_id()) {
              Problem(what() + ": id not below the catalog's next relationship id " +
                      std::to_string(catalog_.next_rel_id()));
            }
            if (rel.type >= catalog_.num_rel_types()) {
              Problem(what() + ": unknown relationship type id " + std::to_string(rel.type));
            } else {
              ++type_counts_[rel.type];
            }
            CheckRecordParts(what(), nullptr, rel.properties);
            for (const Property& p : rel.properties) {
              if (p.key < key_rel_counts_.size()) ++key_rel_counts_[p.key];
            }
            if (!NodeSeen(rel.start))
              Problem(what() + ": its start node " + std::to_string(rel.start) + " does not exist");
            if (!NodeSeen(rel.end)) Problem(what() + ": its end node " + std::to_string(rel.end) + " does not exist");
          }
          for (const Direction dir : {Direction::kOut, Direction::kIn}) {
            const bool out = dir == Direction::kOut;
            const NodeId node = out ? rel.start : rel.end;
            const NodeId neighbour = out ? rel.end : rel.start;
            KG_RETURN_IF_ERROR(Expect(
                kAdjacencyFamily, key_codec::AdjacencyKey(node, dir, rel.type, neighbour, id), "", [&](const auto&) {
                  FamilyProblem(kAdjacencyFamily, "adjacency: " + what() + " (" + std::to_string(rel.start) +
                                                      ")-[:" + TypeText(rel.type) + "]->(" + std::to_string(rel.end) +
                                                      ") has no " + (out ? "out" : "in") + " entry under node " +
                                                      std::to_string(node));
                }));
          }
          return Status::Ok();
        });
  }

  // ---- The catalog's counts against the records ----

  void CheckCounts() {
    auto compare = [&](const std::string& what, uint64_t catalog, uint64_t records) {
      if (catalog != records) {
        Problem("counts: " + what + ": the catalog says " + std::to_string(catalog) + ", the records " +
                std::to_string(records));
      }
    };
    compare("nodes", catalog_.node_count(), live_nodes_);
    compare("relationships", catalog_.rel_count(), live_rels_);
    for (LabelId l = 0; l < label_counts_.size(); ++l) {
      compare("nodes labelled " + LabelText(l), catalog_.NodesWithLabel(l), label_counts_[l]);
    }
    for (RelTypeId t = 0; t < type_counts_.size(); ++t) {
      compare("relationships of type " + TypeText(t), catalog_.RelsOfType(t), type_counts_[t]);
    }
    if (!catalog_.property_counts_known()) return;  // a version 1 database keeps none
    for (PropertyKeyId k = 0; k < key_node_counts_.size(); ++k) {
      compare("nodes with property " + KeyText(k), catalog_.NodesWithProperty(k), key_node_counts_[k]);
      compare("relationships with property " + KeyText(k), catalog_.RelsWithProperty(k), key_rel_counts_[k]);
    }
  }

  // ---- Stale entries: each entry against its record ----

  // The node record, or nullopt when there is none (or it does not decode,
  // which was reported already).
  std::optional<NodeRecord> ReadNode(NodeId id) {
    if (!NodeSeen(id)) return std::nullopt;
    Result<std::optional<std::string>> value = Get(ColumnFamily::kNodes, key_codec::NodeKey(id));
    if (!value.ok() || !*value) return std::nullopt;
    NodeRecord node;
    if (!record_codec::DecodeNode(id, **value, &node).ok()) return std::nullopt;
    return node;
  }

  void VerifyAdjacency(const std::string& key, const std::string&) {
    if (key.size() != key_codec::kAdjacencyKeySize) {
      Problem("adjacency: a key of " + std::to_string(key.size()) + " bytes");
      return;
    }
    const AdjacencyEntry e = key_codec::DecodeAdjacencyKey(key);
    const std::string what = "adjacency: the " + std::string(e.direction == Direction::kOut ? "out" : "in") +
                             " entry of relationship " + std::to_string(e.rel) + " under node " +
                             std::to_string(e.node);
    if (e.direction != Direction::kOut && e.direction != Direction::kIn) {
      Problem("adjacency: an entry under node " + std::to_string(e.node) + " with direction " +
              std::to_string(static_cast<int>(e.direction)));
      return;
    }
    Result<std::optional<std::string>> value = Get(ColumnFamily::kRels, key_codec::RelKey(e.rel));
    RelRecord rel;
    if (!value.ok() || !*value || !record_codec::DecodeRel(e.rel, **value, &rel).ok()) {
      Problem(what + ": no such relationship (a stale entry)");
      return;
    }
    const bool out = e.direction == Direction::kOut;
    if (rel.type != e.type || (out ? rel.start : rel.end) != e.node || (out ? rel.end : rel.start) != e.neighbour) {
      Problem(what + ": the relationship is (" + std::to_string(rel.start) + ")-[:" + TypeText(rel.type) + "]->(" +
              std::to_string(rel.end) + "), the entry says type " + TypeText(e.type) + " and neighbour " +
              std::to_string(e.neighbour));
    }
  }

  void VerifyLabel(const std::string& key, const std::string&) {
    if (key.size() != 12) {
      Problem("labels: a key of " + std::to_string(key.size()) + " bytes, not 12");
      return;
    }
    const LabelId label = key_codec::GetU32(key.data());
    const NodeId id = key_codec::DecodeLabelKeyNode(key);
    const std::optional<NodeRecord> node = ReadNode(id);
    if (!node) {
      Problem("labels: an entry for label " + LabelText(label) + " names node " + std::to_string(id) +
              ", which does not exist (a stale entry)");
    } else if (!node->HasLabel(label)) {
      Problem("labels: an entry for label " + LabelText(label) + " names node " + std::to_string(id) +
              ", which does not have it (a stale entry)");
    }
  }

  void VerifyPropertyIndex(const std::string& key, const std::string&) {
    if (key.size() < 4 + 4 + 1 + 8) {
      Problem("property index: a key of " + std::to_string(key.size()) + " bytes");
      return;
    }
    const LabelId label = key_codec::GetU32(key.data());
    const PropertyKeyId prop = key_codec::GetU32(key.data() + 4);
    const NodeId id = key_codec::DecodePropertyIndexNode(key);
    const std::string what =
        "property index: an entry of :" + LabelText(label) + "(" + KeyText(prop) + ") for node " + std::to_string(id);
    if (!catalog_.HasIndex(label, prop)) {
      Problem(what + ": no such index is declared (a stale entry)");
      return;
    }
    const std::optional<NodeRecord> node = ReadNode(id);
    if (!node || !node->HasLabel(label)) {
      Problem(what + ": the node does not exist or lacks the label (a stale entry)");
      return;
    }
    const Value* v = FindProperty(node->properties, prop);
    if (!v || !key_codec::IsIndexable(*v) || key_codec::PropertyIndexKey(label, prop, *v, id) != key) {
      Problem(what + ": the node's value is " + (v ? v->ToString() : std::string("absent")) + " (a stale entry)");
    }
  }

  void VerifyUniqueKey(const std::string& key, const std::string& value) {
    size_t used = 0;
    const std::optional<Value> decoded = key_codec::DecodeOrderedValue(key, &used);
    const std::string shown = decoded && used == key.size() ? decoded->ToString() : "(a key that does not decode)";
    if (value.size() != 8) {
      Problem("unique key: the entry of key " + shown + " has a value of " + std::to_string(value.size()) +
              " bytes, not a node id");
      return;
    }
    const NodeId id = key_codec::GetU64(value.data());
    const std::string what = "unique key: the entry of key " + shown + " names node " + std::to_string(id);
    const std::optional<PropertyKeyId> key_id = catalog_.FindPropertyKey(kKeyProperty);
    const std::optional<NodeRecord> node = ReadNode(id);
    if (!node) {
      Problem(what + ", which does not exist (a stale entry)");
      return;
    }
    const Value* v = key_id ? FindProperty(node->properties, *key_id) : nullptr;
    if (!v || !key_codec::IsIndexable(*v) || key_codec::UniqueKeyKey(*v) != key) {
      Problem(what + ", whose key is " + (v ? v->ToString() : std::string("absent")) + " (a stale entry)");
    }
  }

  void VerifyFullText(const std::string& key, const std::string& value) {
    fulltext::Decoded d;
    if (key.size() < 5 || (key[0] != fulltext::kTokenEntry && key[0] != fulltext::kExactEntry) ||
        !fulltext::Decode(key, value, &d)) {
      Problem("full-text: an entry that does not decode (" + std::to_string(key.size()) + " bytes)");
      return;
    }
    const FullTextIndexId index = key_codec::GetU32(key.data() + 1);
    const std::string what = "full-text: an entry (" + FullTextEntryText(key) + ") for node " + std::to_string(d.node);
    const FullTextIndexDef* def = nullptr;
    for (const FullTextIndexDef& f : catalog_.fulltext_indexes()) {
      if (f.id == index) def = &f;
    }
    if (!def) {
      Problem(what + ": no such index is declared (a stale entry)");
      return;
    }
    const std::optional<NodeRecord> node = ReadNode(d.node);
    if (!node) {
      Problem(what + ": the node does not exist (a stale entry)");
      return;
    }
    std::vector<fulltext::Entry> entries;
    fulltext::DeriveEntries(*def, *node, &entries);
    const bool implied =
        std::any_of(entries.begin(), entries.end(), [&](const fulltext::Entry& e) { return e.key == key; });
    if (!implied) Problem(what + ": the node's values do not imply it (a stale entry)");
  }

  GraphStore& store_;
  rocksdb::DB* db_;
  const Catalog& catalog_;
  const std::atomic<bool>* interrupt_;
  rocksdb::ReadOptions options_;
  ConsistencyReport report_;
  uint64_t ticks_ = 0;

  std::vector<bool> node_bits_;
  std::unordered_set<NodeId> extra_nodes_;  // ids at or past the counter (reported)
  uint64_t live_nodes_ = 0, live_rels_ = 0;
  std::vector<uint64_t> label_counts_, type_counts_, key_node_counts_, key_rel_counts_;
  FamilyState families_[kNumFamilies];
  bool finding_ = false;  // the second pass over the records, for damaged families
};

Result<ConsistencyReport> CheckConsistency(GraphStore& store, const std::atomic<bool>* interrupt) {
  KG_ASSIGN_OR_RETURN(std::unique_ptr<Transaction> txn, store.BeginRead());
  ConsistencyChecker checker(store, *txn, interrupt);
  return checker.Run();
}

}  // namespace kg
