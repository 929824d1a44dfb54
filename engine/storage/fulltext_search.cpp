#include "storage/fulltext_search.h"

#include <algorithm>
#include <memory>
#include <set>
#include <unordered_map>

#include "common/text_fold.h"
#include "common/utf8.h"
#include "storage/fulltext_entries.h"
#include "storage/key_codec.h"
#include "storage/transaction.h"

namespace kg::fulltext {
namespace {

using Range = std::pair<std::string, std::string>;

// Folded text is well-formed UTF-8 (utf8proc wrote it).
std::u32string Decode32(std::string_view s) {
  const std::vector<int32_t> cps = utf8::Decode(s);
  return std::u32string(cps.begin(), cps.end());
}

std::string Encode8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) utf8::AppendCodePoint(&out, static_cast<int32_t>(c));
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

constexpr size_t kMinTypoLetters = 4;
// Longer words are matched whole or as a prefix only (the variants of a
// word grow with its length squared).
constexpr size_t kMaxTypoLetters = 32;

// The words one edit away from `word` that a typo match may find, other
// than those starting with `word` (the prefix range has them).
std::set<std::string> OneEditVariants(const std::string& word) {
  std::set<std::string> out;
  const std::u32string w = Decode32(word);
  // Letters put in: a–z in a word with a letter, 0–9 in one with a digit
  // (a typo in a number is a digit), and the word's own letters.
  bool letter = false, digit = false;
  for (char32_t c : w) (c >= U'0' && c <= U'9' ? digit : letter) = true;
  std::u32string alphabet =
      std::u32string(letter ? U"abcdefghijklmnopqrstuvwxyz" : U"") + (digit ? U"0123456789" : U"");
  for (char32_t c : w)
    if (alphabet.find(c) == std::u32string::npos) alphabet.push_back(c);
  auto add = [&](const std::u32string& v) {
    if (v.empty()) return;
    std::string s = Encode8(v);
    if (!StartsWith(s, word)) out.insert(std::move(s));
  };
  for (size_t i = 0; i < w.size(); ++i) {
    std::u32string v = w;
    v.erase(i, 1);
    add(v);  // dropped
    if (i + 1 < w.size() && w[i] != w[i + 1]) {
      v = w;
      std::swap(v[i], v[i + 1]);
      add(v);  // swapped
    }
    for (char32_t c : alphabet) {
      if (c == w[i]) continue;
      v = w;
      v[i] = c;
      add(v);  // changed
    }
  }
  for (size_t i = 0; i <= w.size(); ++i) {
    for (char32_t c : alphabet) {
      std::u32string v = w;
      v.insert(v.begin() + static_cast<std::ptrdiff_t>(i), c);
      add(v);  // added
    }
  }
  return out;
}

std::vector<std::string_view> SplitWords(std::string_view folded) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string_view::npos) end = folded.size();
    if (end > start) out.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

bool WithinOneEdit(std::u32string_view a, std::u32string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;  // equal, or one letter added at the end
  if (a.size() == b.size()) {
    // One letter changed, or two neighbours swapped.
    if (a.substr(i + 1) == b.substr(i + 1)) return true;
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
  }
  return a.substr(i) == b.substr(i + 1);  // one letter added in b
}

MatchKind MatchWord(std::string_view q, std::string_view v) {
  if (q == v) return MatchKind::kWhole;
  if (StartsWith(v, q)) return MatchKind::kPrefix;
  // Byte lengths bound code point lengths loosely; decode only plausible pairs.
  if (q.size() + 4 < v.size() || v.size() + 4 < q.size()) return MatchKind::kNone;
  const std::u32string q32 = Decode32(q);
  if (q32.size() < kMinTypoLetters || q32.size() > kMaxTypoLetters) return MatchKind::kNone;
  return WithinOneEdit(q32, Decode32(v)) ? MatchKind::kTypo : MatchKind::kNone;
}

MatchKind MatchValue(const std::vector<std::string>& query, std::string_view folded_query, std::string_view folded,
                     double* score) {
  if (folded == folded_query) {
    *score = static_cast<double>(MatchKind::kExact) + 0.5;
    return MatchKind::kExact;
  }
  const std::vector<std::string_view> words = SplitWords(folded);
  MatchKind worst = MatchKind::kWhole;
  double points = 0;  // a word matched whole 1, as a prefix 0.5, by a typo 0
  for (const std::string& q : query) {
    MatchKind best = MatchKind::kNone;
    for (std::string_view v : words) {
      best = std::max(best, MatchWord(q, v));
      if (best == MatchKind::kWhole) break;
    }
    if (best == MatchKind::kNone) return MatchKind::kNone;
    worst = std::min(worst, best);
    points += best == MatchKind::kWhole ? 1.0 : best == MatchKind::kPrefix ? 0.5 : 0.0;
  }
  const size_t extra = words.size() > query.size() ? words.size() - query.size() : 0;
  *score = static_cast<double>(worst) + 0.5 / (1.0 + static_cast<double>(extra));
  // Within prefix and typo matches, more words matched well rank higher:
  // 'ogranization 823847' is nearer 'Organization 823847' than '... 823848'.
  if (worst < MatchKind::kWhole) *score += 0.4 * points / static_cast<double>(query.size());
  return worst;
}

Result<std::vector<SearchHit>> Search(Transaction& txn, const FullTextIndexDef& index, std::string_view text,
                                      const SearchOptions& options) {
  std::vector<std::string> query = FoldTokens(text);
  if (query.empty() || options.limit == 0) return std::vector<SearchHit>{};
  std::string folded_query;
  for (const std::string& q : query) folded_query += (folded_query.empty() ? "" : " ") + q;

  std::unordered_map<NodeId, SearchHit> best;
  Decoded d;
  Status bad;
  auto consider = [&](std::string_view key, std::string_view value) {
    if (!Decode(key, value, &d)) {
      bad = Status::Storage("corrupt full-text index entry in index '" + index.name + "'");
      return;
    }
    if (!options.labels.empty()) {
      bool any = false;
      for (LabelId l : d.labels)
        any = any || std::find(options.labels.begin(), options.labels.end(), l) != options.labels.end();
      if (!any) return;
    }
    std::string long_text;  // a long value's text, which its entries do not carry
    if (d.folded.empty()) {
      auto record = txn.GetNode(d.node);
      if (!record.ok()) {
        bad = record.status();
        return;
      }
      const Value* v = *record ? FindProperty((*record)->properties, d.key) : nullptr;
      if (v && v->is_list()) v = d.element < v->as_list().size() ? &v->as_list()[d.element] : nullptr;
      if (!v || !v->is_string()) return;
      long_text = FoldText(v->as_string());
      d.folded = long_text;
    }
    double score = 0;
    const MatchKind kind = MatchValue(query, folded_query, d.folded, &score);
    if (kind == MatchKind::kNone) return;
    auto [it, added] = best.try_emplace(d.node);
    SearchHit& hit = it->second;
    // Among a node's equal values, the first property the index lists
    // (name before its translations), then the first list element.
    auto order = [&](PropertyKeyId key, uint32_t element) {
      const size_t at = std::find(index.keys.begin(), index.keys.end(), key) - index.keys.begin();
      return std::make_pair(at, element);
    };
    if (added || score > hit.score ||
        (score == hit.score && (d.folded < hit.folded ||
                                (d.folded == hit.folded && order(d.key, d.element) < order(hit.key, hit.element))))) {
      hit = SearchHit{d.node, score, kind, d.key, d.element, std::string(d.folded)};
    }
  };

  // Exact matches: one seek, however common their words.
  {
    const std::string prefix = ExactPrefix(index.id, folded_query);
    auto stream = txn.ScanFullText({{prefix, key_codec::PrefixSuccessor(prefix)}});
    for (; stream->Valid() && bad.ok(); stream->Next()) consider(stream->key(), stream->value());
    KG_RETURN_IF_ERROR(stream->status());
    KG_RETURN_IF_ERROR(bad);
  }

  // One stream per distinct query word: the word and the words it starts,
  // then its one-edit variants.
  std::vector<std::string> words = query;
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::vector<std::vector<Range>> ranges(words.size());  // per word
  std::vector<std::unique_ptr<KeyStream>> streams;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    std::string start = WordsStartingWith(index.id, w);
    std::string end = key_codec::PrefixSuccessor(start);
    ranges[i].emplace_back(std::move(start), std::move(end));
    const size_t letters = utf8::Length(w);
    if (letters >= kMinTypoLetters && letters <= kMaxTypoLetters) {
      for (const std::string& v : OneEditVariants(w)) {
        std::string p = TokenPrefix(index.id, v);
        std::string e = key_codec::PrefixSuccessor(p);
        ranges[i].emplace_back(std::move(p), std::move(e));
      }
    }
    streams.push_back(txn.ScanFullText(std::move(ranges[i])));
  }
  // Read the streams in turn until the shortest ends: its word drives.
  // What they give is kept (copying is cheaper than seeking the driver's
  // one-edit variants again).
  struct Entry {
    std::string key, value;
  };
  std::vector<std::vector<Entry>> read(streams.size());
  size_t driver = streams.size();
  for (size_t round = 0; driver == streams.size() && round < kMaxCandidates; ++round) {
    for (size_t i = 0; i < streams.size(); ++i) {
      KG_RETURN_IF_ERROR(streams[i]->status());
      if (!streams[i]->Valid()) {
        driver = i;
        break;
      }
      read[i].push_back({std::string(streams[i]->key()), std::string(streams[i]->value())});
      streams[i]->Next();
    }
  }
  if (driver == streams.size()) {
    // Every word matches more than kMaxCandidates values: the longest
    // word is likely the rarest; rank its first kMaxCandidates.
    driver = 0;
    for (size_t i = 1; i < words.size(); ++i)
      if (words[i].size() > words[driver].size()) driver = i;
  }
  for (const Entry& e : read[driver]) {
    consider(e.key, e.value);
    KG_RETURN_IF_ERROR(bad);
  }

  std::vector<SearchHit> hits;
  hits.reserve(best.size());
  for (auto& [node, hit] : best) hits.push_back(std::move(hit));
  auto better = [](const SearchHit& a, const SearchHit& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.folded != b.folded) return a.folded < b.folded;
    return a.node < b.node;
  };
  if (hits.size() > options.limit) {
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(options.limit), hits.end(), better);
    hits.resize(options.limit);
  } else {
    std::sort(hits.begin(), hits.end(), better);
  }
  return hits;
}

}  // namespace kg::fulltext
