// Full-text search: the nodes of one full-text index whose values match a
// text, best first. kg.search and the shell's :find run it.
//
// The query and every indexed value are folded (FoldTokens: case,
// diacritics, đ → d, punctuation). A value matches when every query word
// matches one of its words, as
//   whole   the same word                          (kind 3)
//   prefix  the start of a word: "ngo" → "ngoc"    (kind 2)
//   typo    one edit away (Damerau-Levenshtein: a letter added, dropped,
//           changed, or two neighbours swapped), for query words of 4
//           to 32 letters; the letter put in is one of a–z (in a word
//           with a letter), 0–9 (in a word with a digit) or a letter of
//           the word itself                           (kind 1)
// and the value's kind is its worst word's. A value equal to the query
// (after folding) is an exact match (kind 4). The score is the kind plus
// 0.5 / (1 + words of the value beyond the query's), so among equals the
// shorter value wins, and for prefix and typo matches plus 0.4 times the
// share of query words matched well (whole 1, prefix 0.5, typo 0), so a
// typo in one word of two beats typos in both. Ties go to the folded
// value, then the node id. A
// node counts once, by its best value.
//
// How it is fast: the index keeps an entry per (word, value) in word
// order. Exact matches are one seek. Otherwise each query word has a
// stream of entries (its word, the words it starts, its one-edit variants);
// the streams are read in turn until the shortest one ends, and that word's
// entries are the candidates, each ranked from the folded value the entry
// carries. A word that matches more than kMaxCandidates values is cut
// there (in word order): such a query ranks only that many candidates,
// besides every exact match.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "storage/catalog.h"
#include "storage/ids.h"

namespace kg {

class Transaction;

namespace fulltext {

constexpr size_t kMaxCandidates = 20000;

enum class MatchKind : int { kNone = 0, kTypo = 1, kPrefix = 2, kWhole = 3, kExact = 4 };

struct SearchOptions {
  // Only nodes with at least one of these labels (all nodes when empty).
  std::vector<LabelId> labels;
  size_t limit = 10;
};

struct SearchHit {
  NodeId node = 0;
  double score = 0;
  MatchKind kind = MatchKind::kNone;
  PropertyKeyId key = 0;  // the value that matched: property key and list element
  uint32_t element = 0;
  std::string folded;  // its folded text
};

// Best first, at most options.limit hits.
Result<std::vector<SearchHit>> Search(Transaction& txn, const FullTextIndexDef& index, std::string_view text,
                                      const SearchOptions& options);

// How query word `q` matches value word `v` (both folded).
MatchKind MatchWord(std::string_view q, std::string_view v);
// The kind and score of a folded value for folded query words.
MatchKind MatchValue(const std::vector<std::string>& query, std::string_view folded_query, std::string_view folded,
                     double* score);
// Whether a and b are at most one Damerau-Levenshtein edit apart (by code point).
bool WithinOneEdit(std::u32string_view a, std::u32string_view b);

}  // namespace fulltext
}  // namespace kg
