// Full-text index entries: what a node contributes to each full-text index
// (CREATE FULLTEXT INDEX), and how those entries are keyed in the fulltext
// column family. docs/storage.md describes the same layout byte by byte.
//
// A full-text index covers the string (or list-of-string) values of some
// property keys on nodes carrying any of its labels (any node when it names
// none). Each such value is a "slot": (property key, list element). A slot
// contributes, per distinct word of FoldTokens(value):
//   token entry  't' index(4) word 0x00 node(8) key(4) element(4) -> payload
// and once for the whole folded value:
//   exact entry  'x' index(4) folded 0x00 node(8) key(4) element(4) -> payload
// The payload is the node's labels and the slot's folded text, so a search
// ranks a hit from the entry alone and reads records only for the answers.
// A long value (folded text over kMaxPayloadText bytes: a description, not
// a name) carries no text, lest every word repeat it; a search reads its
// record instead. One over kMaxExactText bytes has no exact entry (its
// exact match is still found through its words).
//
// Entries are derived from the node record alone: a write replaces the
// entries of the record before with those of the record after, in the same
// write batch as the record, so the index can never disagree with the data.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/catalog.h"
#include "storage/ids.h"

namespace kg::fulltext {

// Entry kinds, the first byte of a key. Stored on disk: never change.
constexpr char kTokenEntry = 't';
constexpr char kExactEntry = 'x';

constexpr size_t kMaxPayloadText = 512;
constexpr size_t kMaxExactText = 1024;

struct Entry {
  std::string key, value;
  friend bool operator==(const Entry& a, const Entry& b) { return a.key == b.key && a.value == b.value; }
};

// Every entry `node` has in every full-text index of `catalog`, appended.
void DeriveEntries(const Catalog& catalog, const NodeRecord& node, std::vector<Entry>* out);
// The entries of one index.
void DeriveEntries(const FullTextIndexDef& index, const NodeRecord& node, std::vector<Entry>* out);
// Whether two versions of a node have the same entries for sure: the same
// labels and the same values of every indexed property (a write that sets
// other properties need not fold any text).
bool SameEntries(const Catalog& catalog, const NodeRecord& before, const NodeRecord& after);

// Prefixes: every entry of an index, its token entries, those of one word
// (`word` then 0x00: that word exactly), words starting with `prefix`, and
// the exact entries of one folded value.
std::string IndexPrefix(FullTextIndexId index);
std::string TokenPrefix(FullTextIndexId index, std::string_view word);
std::string WordsStartingWith(FullTextIndexId index, std::string_view prefix);
std::string ExactPrefix(FullTextIndexId index, std::string_view folded);

// What a key and its payload say.
struct Decoded {
  std::string_view word;  // the token (token entries) or the folded value (exact entries)
  NodeId node = 0;
  PropertyKeyId key = 0;
  uint32_t element = 0;  // list element; 0 for a plain string
  std::vector<LabelId> labels;
  std::string_view folded;  // the slot's folded text; empty for a long value (read the record)
};
// False for a malformed key or payload.
bool Decode(std::string_view key, std::string_view value, Decoded* out);

}  // namespace kg::fulltext
