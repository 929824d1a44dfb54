#include "storage/catalog.h"

#include <algorithm>

#include "storage/key_codec.h"

namespace kg {
namespace {

// Meta key prefixes. Stored on disk: never change.
const std::string kLabelPrefix = "label:";
const std::string kTypePrefix = "type:";
const std::string kKeyPrefix = "prop:";
const std::string kKeyCountPrefix = "propcount:";  // since version 2
const std::string kIndexPrefix = "index:";
const std::string kFullTextPrefix = "fulltext:";  // since version 3
const std::string kNextNode = "next_node";
const std::string kNextRel = "next_rel";
const std::string kNodeCount = "node_count";
const std::string kRelCount = "rel_count";
const std::string kFormatMagic = "kg-graph";

std::string U64Value(uint64_t v) {
  std::string s;
  key_codec::PutU64(&s, v);
  return s;
}

std::string IdKey(const std::string& prefix, uint32_t id) {
  std::string k = prefix;
  key_codec::PutU32(&k, id);
  return k;
}

bool StartsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

}  // namespace

const char* const Catalog::kFormatKey = "format";

bool Catalog::IsCatalogKey(const std::string& key) {
  auto id_key = [&](const std::string& prefix, size_t id_bytes) {
    return StartsWith(key, prefix) && key.size() == prefix.size() + id_bytes;
  };
  return key == kFormatKey || key == kNextNode || key == kNextRel || key == kNodeCount || key == kRelCount ||
         id_key(kLabelPrefix, 4) || id_key(kTypePrefix, 4) || id_key(kKeyPrefix, 4) || id_key(kKeyCountPrefix, 4) ||
         id_key(kIndexPrefix, 8) || id_key(kFullTextPrefix, 4);
}

std::optional<uint32_t> Catalog::Find(const NameTable& t, std::string_view name) {
  auto it = t.ids.find(std::string(name));
  if (it == t.ids.end()) return std::nullopt;
  return it->second;
}

uint32_t Catalog::Intern(NameTable* t, std::string_view name, std::set<uint32_t>* dirty,
                         std::vector<uint64_t>* counts) {
  std::string key(name);
  auto it = t->ids.find(key);
  if (it != t->ids.end()) return it->second;
  const uint32_t id = static_cast<uint32_t>(t->names.size());
  t->names.push_back(key);
  t->ids.emplace(std::move(key), id);
  if (counts) counts->push_back(0);
  dirty->insert(id);
  return id;
}

PropertyKeyId Catalog::InternPropertyKey(std::string_view name) {
  const PropertyKeyId id = Intern(&keys_, name, &dirty_keys_, nullptr);
  key_node_counts_.resize(keys_.names.size(), 0);
  key_rel_counts_.resize(keys_.names.size(), 0);
  return id;
}

void Catalog::CountProperties(const Properties* before, const Properties* after, std::vector<uint64_t>* counts) {
  if (!property_counts_known_) return;  // a version 1 catalog: recounted when upgraded
  static const Properties kNone;
  const Properties& a = before ? *before : kNone;
  const Properties& b = after ? *after : kNone;
  auto add = [&](PropertyKeyId key, int64_t delta) {
    if (key >= counts->size()) counts->resize(key + 1, 0);
    (*counts)[key] += delta;
    // The flag spares the bulk loader a set insertion per property.
    if (key >= key_count_dirty_.size()) key_count_dirty_.resize(key + 1, false);
    if (!key_count_dirty_[key]) {
      key_count_dirty_[key] = true;
      dirty_keys_.insert(key);
    }
  };
  // Both are sorted by key: a merge finds the keys that came and went.
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].key < b[j].key)) {
      add(a[i++].key, -1);
    } else if (i == a.size() || b[j].key < a[i].key) {
      add(b[j++].key, +1);
    } else {
      ++i, ++j;
    }
  }
}

void Catalog::SetPropertyKeyCounts(std::vector<uint64_t> nodes, std::vector<uint64_t> rels) {
  nodes.resize(keys_.names.size(), 0);
  rels.resize(keys_.names.size(), 0);
  key_node_counts_ = std::move(nodes);
  key_rel_counts_ = std::move(rels);
  for (uint32_t id = 0; id < keys_.names.size(); ++id) dirty_keys_.insert(id);
  if (!property_counts_known_) format_changed_ = true;
  property_counts_known_ = true;
}

void Catalog::AddToLabel(LabelId id, int64_t delta) {
  label_counts_.at(id) += delta;
  dirty_labels_.insert(id);
}

void Catalog::AddToRelType(RelTypeId id, int64_t delta) {
  type_counts_.at(id) += delta;
  dirty_types_.insert(id);
}

void Catalog::AddIndex(IndexDef def) {
  indexes_.insert(def);
  dirty_indexes_.insert(def);
}

bool FullTextIndexDef::Covers(const NodeRecord& node) const {
  if (labels.empty()) return true;
  for (LabelId l : node.labels) {
    if (std::binary_search(labels.begin(), labels.end(), l)) return true;
  }
  return false;
}

const FullTextIndexDef* Catalog::FindFullTextIndex(std::string_view name) const {
  for (const FullTextIndexDef& d : fulltext_) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

const FullTextIndexDef& Catalog::AddFullTextIndex(FullTextIndexDef def) {
  // The smallest free id: a dropped index's entries went with it.
  FullTextIndexId id = 0;
  for (bool taken = true; taken; ++id) {
    taken = false;
    for (const FullTextIndexDef& d : fulltext_) taken = taken || d.id == id;
    if (!taken) break;
  }
  def.id = id;
  dirty_fulltext_.insert(id);
  // Older kg cannot open a database with a fulltext family: say so in the
  // marker. (A version 1 catalog is upgraded by SetPropertyKeyCounts first.)
  if (property_counts_known_) format_changed_ = true;
  auto at = std::lower_bound(fulltext_.begin(), fulltext_.end(), def.name,
                             [](const FullTextIndexDef& d, const std::string& n) { return d.name < n; });
  return *fulltext_.insert(at, std::move(def));
}

void Catalog::RemoveFullTextIndex(std::string_view name) {
  for (auto it = fulltext_.begin(); it != fulltext_.end(); ++it) {
    if (it->name == name) {
      dirty_fulltext_.insert(it->id);
      fulltext_.erase(it);
      return;
    }
  }
}

void Catalog::RemoveIndex(IndexDef def) {
  indexes_.erase(def);
  dirty_indexes_.insert(def);
}

Status Catalog::CheckProperties(const Properties& props) const {
  for (size_t i = 0; i < props.size(); ++i) {
    if (props[i].key >= num_property_keys()) {
      return Status::Usage("unknown property key id " + std::to_string(props[i].key));
    }
    if (i > 0 && props[i - 1].key >= props[i].key) return Status::Usage("properties must be sorted by key and unique");
    if (!props[i].value.IsStorable()) {
      return Status::Constraint("property '" + PropertyKeyName(props[i].key) + "' cannot hold " +
                                props[i].value.ToString() +
                                " (properties hold booleans, numbers, strings, dates and lists of these)");
    }
  }
  return Status::Ok();
}

std::vector<PropertyKeyId> Catalog::IndexedKeys(LabelId label) const {
  std::vector<PropertyKeyId> keys;
  for (auto it = indexes_.lower_bound(IndexDef{label, 0}); it != indexes_.end() && it->label == label; ++it) {
    keys.push_back(it->key);
  }
  return keys;
}

std::vector<std::pair<std::string, std::optional<std::string>>> Catalog::ChangedEntries() const {
  std::vector<std::pair<std::string, std::optional<std::string>>> out;
  for (uint32_t id : dirty_labels_)
    out.emplace_back(IdKey(kLabelPrefix, id), U64Value(label_counts_[id]) + labels_.names[id]);
  for (uint32_t id : dirty_types_)
    out.emplace_back(IdKey(kTypePrefix, id), U64Value(type_counts_[id]) + types_.names[id]);
  for (uint32_t id : dirty_keys_) {
    out.emplace_back(IdKey(kKeyPrefix, id), keys_.names[id]);
    if (property_counts_known_) {
      out.emplace_back(IdKey(kKeyCountPrefix, id), U64Value(NodesWithProperty(id)) + U64Value(RelsWithProperty(id)));
    }
  }
  if (format_changed_) {
    std::string format = kFormatMagic;
    key_codec::PutU32(&format, kFormatVersion);
    out.emplace_back(kFormatKey, std::move(format));
  }
  for (const IndexDef& def : dirty_indexes_) {
    std::string k = kIndexPrefix;
    key_codec::PutU32(&k, def.label);
    key_codec::PutU32(&k, def.key);
    if (indexes_.count(def)) {
      out.emplace_back(std::move(k), std::string());
    } else {
      out.emplace_back(std::move(k), std::nullopt);
    }
  }
  for (FullTextIndexId id : dirty_fulltext_) {
    // name length(4) name, label count(4) labels(4 each), key count(4) keys(4 each)
    std::optional<std::string> value;
    for (const FullTextIndexDef& d : fulltext_) {
      if (d.id != id) continue;
      value.emplace();
      key_codec::PutU32(&*value, static_cast<uint32_t>(d.name.size()));
      value->append(d.name);
      key_codec::PutU32(&*value, static_cast<uint32_t>(d.labels.size()));
      for (LabelId l : d.labels) key_codec::PutU32(&*value, l);
      key_codec::PutU32(&*value, static_cast<uint32_t>(d.keys.size()));
      for (PropertyKeyId k : d.keys) key_codec::PutU32(&*value, k);
    }
    out.emplace_back(IdKey(kFullTextPrefix, id), std::move(value));
  }
  out.emplace_back(kNextNode, U64Value(next_node_id_));
  out.emplace_back(kNextRel, U64Value(next_rel_id_));
  out.emplace_back(kNodeCount, U64Value(node_count_));
  out.emplace_back(kRelCount, U64Value(rel_count_));
  return out;
}

void Catalog::ClearChanges() {
  dirty_labels_.clear();
  dirty_types_.clear();
  dirty_keys_.clear();
  dirty_indexes_.clear();
  dirty_fulltext_.clear();
  format_changed_ = false;
  key_count_dirty_.clear();
}

std::vector<std::pair<std::string, std::string>> Catalog::InitialEntries() {
  std::string format = kFormatMagic;
  key_codec::PutU32(&format, kFormatVersion);
  return {{kFormatKey, format},
          {kNextNode, U64Value(0)},
          {kNextRel, U64Value(0)},
          {kNodeCount, U64Value(0)},
          {kRelCount, U64Value(0)}};
}

Result<Catalog> Catalog::Load(const std::vector<std::pair<std::string, std::string>>& entries) {
  Catalog c;
  bool have_format = false;
  std::vector<std::pair<uint32_t, std::string>> key_counts;  // id, value of a "propcount:" entry
  auto corrupt = [](const std::string& key) { return Status::Storage("corrupt catalog entry '" + key + "'"); };
  auto load_name = [&](NameTable* t, std::vector<uint64_t>* counts, const std::string& key, const std::string& prefix,
                       const std::string& value) -> Status {
    if (key.size() != prefix.size() + 4 || (counts && value.size() < 8)) return corrupt(key);
    const uint32_t id = key_codec::GetU32(key.data() + prefix.size());
    if (id != t->names.size()) return corrupt(key);  // ids are dense and come back in order
    std::string name = counts ? value.substr(8) : value;
    t->ids.emplace(name, id);
    t->names.push_back(std::move(name));
    if (counts) counts->push_back(key_codec::GetU64(value.data()));
    return Status::Ok();
  };
  for (const auto& [key, value] : entries) {
    if (key == kFormatKey) {
      if (value.size() != kFormatMagic.size() + 4 || !StartsWith(value, kFormatMagic)) {
        return Status::Storage("not a kg database (unrecognised format marker)");
      }
      const uint32_t version = key_codec::GetU32(value.data() + kFormatMagic.size());
      if (version > kFormatVersion) {
        return Status::Storage("database format version " + std::to_string(version) +
                               " is newer than this kg understands (" + std::to_string(kFormatVersion) +
                               "); upgrade kg to open it");
      }
      if (version < 1)
        return Status::Storage("database format version " + std::to_string(version) + " is not supported");
      have_format = true;
      c.property_counts_known_ = version >= 2;
    } else if (StartsWith(key, kLabelPrefix)) {
      KG_RETURN_IF_ERROR(load_name(&c.labels_, &c.label_counts_, key, kLabelPrefix, value));
    } else if (StartsWith(key, kTypePrefix)) {
      KG_RETURN_IF_ERROR(load_name(&c.types_, &c.type_counts_, key, kTypePrefix, value));
    } else if (StartsWith(key, kKeyCountPrefix)) {
      if (key.size() != kKeyCountPrefix.size() + 4 || value.size() != 16) return corrupt(key);
      key_counts.emplace_back(key_codec::GetU32(key.data() + kKeyCountPrefix.size()), value);
    } else if (StartsWith(key, kKeyPrefix)) {
      KG_RETURN_IF_ERROR(load_name(&c.keys_, nullptr, key, kKeyPrefix, value));
    } else if (StartsWith(key, kIndexPrefix)) {
      if (key.size() != kIndexPrefix.size() + 8) return corrupt(key);
      c.indexes_.insert(IndexDef{key_codec::GetU32(key.data() + kIndexPrefix.size()),
                                 key_codec::GetU32(key.data() + kIndexPrefix.size() + 4)});
    } else if (StartsWith(key, kFullTextPrefix)) {
      if (key.size() != kFullTextPrefix.size() + 4) return corrupt(key);
      FullTextIndexDef d;
      d.id = key_codec::GetU32(key.data() + kFullTextPrefix.size());
      size_t at = 0;
      // (A structured binding is captured by name: C++17 lambdas cannot
      // capture one implicitly, and Clang refuses it.)
      auto u32 = [&at, &value = value](uint32_t* v) {
        if (value.size() < at + 4) return false;
        *v = key_codec::GetU32(value.data() + at);
        at += 4;
        return true;
      };
      uint32_t n = 0;
      if (!u32(&n) || value.size() < at + n) return corrupt(key);
      d.name = value.substr(at, n);
      at += n;
      if (!u32(&n)) return corrupt(key);
      d.labels.resize(n);
      for (LabelId& l : d.labels)
        if (!u32(&l)) return corrupt(key);
      if (!u32(&n)) return corrupt(key);
      d.keys.resize(n);
      for (PropertyKeyId& k : d.keys)
        if (!u32(&k)) return corrupt(key);
      c.fulltext_.push_back(std::move(d));
    } else if (key == kNextNode || key == kNextRel || key == kNodeCount || key == kRelCount) {
      if (value.size() != 8) return corrupt(key);
      const uint64_t v = key_codec::GetU64(value.data());
      if (key == kNextNode)
        c.next_node_id_ = v;
      else if (key == kNextRel)
        c.next_rel_id_ = v;
      else if (key == kNodeCount)
        c.node_count_ = v;
      else
        c.rel_count_ = v;
    }
  }
  if (!have_format) return Status::Storage("not a kg database (no format marker)");
  std::sort(c.fulltext_.begin(), c.fulltext_.end(),
            [](const FullTextIndexDef& a, const FullTextIndexDef& b) { return a.name < b.name; });
  c.key_node_counts_.assign(c.keys_.names.size(), 0);
  c.key_rel_counts_.assign(c.keys_.names.size(), 0);
  for (const auto& [id, value] : key_counts) {
    if (id >= c.keys_.names.size()) return corrupt(IdKey(kKeyCountPrefix, id));
    c.key_node_counts_[id] = key_codec::GetU64(value.data());
    c.key_rel_counts_[id] = key_codec::GetU64(value.data() + 8);
  }
  return c;
}

}  // namespace kg
