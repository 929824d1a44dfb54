#include "storage/fulltext_entries.h"

#include <algorithm>

#include "common/text_fold.h"
#include "storage/key_codec.h"

namespace kg::fulltext {
namespace {

std::string Payload(const NodeRecord& node, std::string_view folded) {
  std::string v;
  v.push_back(static_cast<char>(std::min<size_t>(node.labels.size(), 255)));
  for (size_t i = 0; i < node.labels.size() && i < 255; ++i) key_codec::PutU32(&v, node.labels[i]);
  v.append(folded);
  return v;
}

std::string EntryKey(char kind, FullTextIndexId index, std::string_view word, NodeId node, PropertyKeyId key,
                     uint32_t element) {
  std::string k(1, kind);
  key_codec::PutU32(&k, index);
  k.append(word);
  k.push_back('\0');
  key_codec::PutU64(&k, node);
  key_codec::PutU32(&k, key);
  key_codec::PutU32(&k, element);
  return k;
}

void AddSlot(const FullTextIndexDef& index, const NodeRecord& node, PropertyKeyId key, uint32_t element,
             const std::string& text, std::vector<Entry>* out) {
  std::vector<std::string> words = FoldTokens(text);
  if (words.empty()) return;
  std::string folded;
  for (const std::string& w : words) {
    if (!folded.empty()) folded.push_back(' ');
    folded += w;
  }
  const std::string payload = Payload(node, folded.size() <= kMaxPayloadText ? folded : std::string_view());
  if (folded.size() <= kMaxExactText) {
    out->push_back({EntryKey(kExactEntry, index.id, folded, node.id, key, element), payload});
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  for (const std::string& w : words) {
    out->push_back({EntryKey(kTokenEntry, index.id, w, node.id, key, element), payload});
  }
}

}  // namespace

void DeriveEntries(const FullTextIndexDef& index, const NodeRecord& node, std::vector<Entry>* out) {
  if (!index.Covers(node)) return;
  for (PropertyKeyId key : index.keys) {
    const Value* v = FindProperty(node.properties, key);
    if (!v) continue;
    if (v->is_string()) {
      AddSlot(index, node, key, 0, v->as_string(), out);
    } else if (v->kind() == Value::Kind::kList) {
      const auto& items = v->as_list();
      for (size_t i = 0; i < items.size(); ++i) {
        if (items[i].is_string()) {
          AddSlot(index, node, key, static_cast<uint32_t>(i), items[i].as_string(), out);
        }
      }
    }
  }
}

void DeriveEntries(const Catalog& catalog, const NodeRecord& node, std::vector<Entry>* out) {
  for (const FullTextIndexDef& index : catalog.fulltext_indexes()) DeriveEntries(index, node, out);
}

bool SameEntries(const Catalog& catalog, const NodeRecord& before, const NodeRecord& after) {
  if (catalog.fulltext_indexes().empty()) return true;
  if (before.labels != after.labels) return false;
  for (const FullTextIndexDef& index : catalog.fulltext_indexes()) {
    for (PropertyKeyId key : index.keys) {
      const Value* a = FindProperty(before.properties, key);
      const Value* b = FindProperty(after.properties, key);
      if ((a == nullptr) != (b == nullptr) || (a != nullptr && *a != *b)) return false;
    }
  }
  return true;
}

std::string IndexPrefix(FullTextIndexId index) {
  std::string k;
  key_codec::PutU32(&k, index);
  return k;
}

std::string WordsStartingWith(FullTextIndexId index, std::string_view prefix) {
  std::string k(1, kTokenEntry);
  key_codec::PutU32(&k, index);
  k.append(prefix);
  return k;
}

std::string TokenPrefix(FullTextIndexId index, std::string_view word) {
  std::string k = WordsStartingWith(index, word);
  k.push_back('\0');
  return k;
}

std::string ExactPrefix(FullTextIndexId index, std::string_view folded) {
  std::string k(1, kExactEntry);
  key_codec::PutU32(&k, index);
  k.append(folded);
  k.push_back('\0');
  return k;
}

bool Decode(std::string_view key, std::string_view value, Decoded* out) {
  // kind(1) index(4) word 0x00 node(8) key(4) element(4)
  constexpr size_t kTail = 1 + 8 + 4 + 4;
  if (key.size() < 5 + kTail) return false;
  const size_t zero = key.size() - kTail;
  if (key[zero] != '\0') return false;
  out->word = key.substr(5, zero - 5);
  out->node = key_codec::GetU64(key.data() + zero + 1);
  out->key = key_codec::GetU32(key.data() + zero + 9);
  out->element = key_codec::GetU32(key.data() + zero + 13);
  if (value.empty()) return false;
  const size_t n = static_cast<unsigned char>(value[0]);
  if (value.size() < 1 + 4 * n) return false;
  out->labels.clear();
  for (size_t i = 0; i < n; ++i) out->labels.push_back(key_codec::GetU32(value.data() + 1 + 4 * i));
  out->folded = value.substr(1 + 4 * n);
  return true;
}

}  // namespace kg::fulltext
