#include "link/mention_matcher.h"

#include <algorithm>
#include <set>

#include "common/text_fold.h"
#include "link/word_shape.h"

namespace kg::link {
namespace {

// Words that introduce a name inside a longer one: "tại Hà Nội", "của Đảng",
// "giữa Chính phủ Việt Nam và UNESCO", "of the UNESCO Global Geoparks
// Network". Lower case, marks kept (folded, "của" would also be "cửa").
const std::set<std::string>& Linkers() {
  static const std::set<std::string> words = {"tại", "của",   "ở",  "về",      "giữa", "và",   "với",
                                              "cho", "thuộc", "từ", "đến",     "of",   "in",   "at",
                                              "on",  "for",   "to", "between", "and",  "with", "from"};
  return words;
}

// Words that may stand between a linking word and the name: "về các mục
// tiêu", "of the Asia-Pacific".
const std::set<std::string>& Determiners() {
  static const std::set<std::string> words = {"các", "những", "the", "a", "an"};
  return words;
}

// Words that make the name after them another office: "Phó Tổng Giám đốc
// UNESCO" is the Deputy Director-General, not the Director-General.
const std::set<std::string>& Deputies() {
  static const std::set<std::string> words = {"phó", "deputy", "vice"};
  return words;
}

struct Candidate {
  size_t first = 0;  // token index
  size_t count = 0;  // tokens
  std::vector<size_t> entities;
  std::string form;
};

class Matcher {
 public:
  Matcher(std::string_view article, const NameDictionary& dictionary)
      : article_(article), dictionary_(dictionary), tokens_(FoldTokenSpans(article)) {
    const size_t n = tokens_.size();
    shapes_.resize(n);
    lower_.resize(n);
    gaps_.resize(n);
    starts_sentence_.assign(n, false);
    for (size_t k = 0; k < n; ++k) {
      const std::string_view word = Word(k);
      shapes_[k] = ShapeOf(word);
      lower_[k] = LowerWord(word);
      if (k > 0) gaps_[k] = BreakingPart(article_.substr(tokens_[k - 1].end, tokens_[k].begin - tokens_[k - 1].end));
    }
    sentences_ = SentenceRanges(article_);
    size_t k = 0;
    for (const ByteRange& sentence : sentences_) {
      while (k < n && tokens_[k].begin < sentence.begin) ++k;
      if (k < n && tokens_[k].begin < sentence.end) starts_sentence_[k] = true;
    }
  }

  std::vector<Mention> Run() {
    FindCandidates();
    std::vector<Mention> mentions;
    Select(0, tokens_.size(), nullptr, &mentions);
    SortByPlace(&mentions);
    ChooseAmongCandidates(&mentions);
    return mentions;
  }

 private:
  std::string_view Word(size_t k) const { return article_.substr(tokens_[k].begin, tokens_[k].end - tokens_[k].begin); }
  std::string_view Span(size_t first, size_t count) const {
    return article_.substr(tokens_[first].begin, tokens_[first + count - 1].end - tokens_[first].begin);
  }

  bool Accepts(const NameForm& form, size_t first, size_t count) const {
    if (first > 0 && gaps_[first].empty() && Deputies().count(lower_[first - 1]) != 0) return false;
    for (size_t k = 1; k < count; ++k) {
      const std::string& gap = gaps_[first + k];
      if (!gap.empty() && gap != form.gaps[k]) return false;
    }
    if (form.is_short) {
      if (ComposedWord(Span(first, count)) != form.composed) return false;
      if (starts_sentence_[first]) return false;
      const bool capital_before = first > 0 && gaps_[first].empty() && !starts_sentence_[first - 1] &&
                                  shapes_[first - 1] == WordShape::kCapitalized;
      const size_t next = first + count;
      const bool capital_after =
          next < tokens_.size() && gaps_[next].empty() && shapes_[next] == WordShape::kCapitalized;
      if (capital_before || capital_after) return false;
      return true;
    }
    if (!form.proper) return true;
    // A sentence's first word is capitalized whatever it is: there its
    // capital shows a name only when the form has no other ("Hội nghị có
    // ..."), not for "Đổi mới, sáng tạo" against the form "Đổi Mới".
    size_t capitals = 0;
    for (WordShape shape : form.shapes) capitals += shape == WordShape::kCapitalized ? 1 : 0;
    for (size_t k = 0; k < count; ++k) {
      if (form.shapes[k] == WordShape::kLower || shapes_[first + k] != form.shapes[k]) continue;
      const bool first_of_sentence = starts_sentence_[first + k] && shapes_[first + k] == WordShape::kCapitalized;
      if (!first_of_sentence || capitals == 1) return true;
    }
    return false;
  }

  void FindCandidates() {
    const size_t n = tokens_.size();
    for (size_t i = 0; i < n; ++i) {
      std::string key;
      for (size_t count = 1; count <= dictionary_.max_words() && i + count <= n; ++count) {
        if (count > 1) key.push_back(' ');
        key += tokens_[i + count - 1].text;
        const std::vector<NameForm>* forms = dictionary_.Find(key);
        if (forms == nullptr) continue;
        Candidate c;
        c.first = i;
        c.count = count;
        for (const NameForm& form : *forms) {
          if (!Accepts(form, i, count)) continue;
          if (c.entities.empty()) c.form = form.written;
          if (std::find(c.entities.begin(), c.entities.end(), form.entity) == c.entities.end()) {
            c.entities.push_back(form.entity);
          }
        }
        if (!c.entities.empty()) {
          std::sort(c.entities.begin(), c.entities.end());
          candidates_.push_back(std::move(c));
        }
      }
    }
  }

  // Whether the outer name [lo, hi) introduces `c` as a name of its own.
  bool Introduced(const Candidate& c, size_t lo, size_t hi) const {
    if (c.first > lo) {
      if (Linkers().count(lower_[c.first - 1]) != 0) return true;
      if (c.first - 1 > lo && Determiners().count(lower_[c.first - 1]) != 0 &&
          Linkers().count(lower_[c.first - 2]) != 0) {
        return true;
      }
    }
    const size_t after = c.first + c.count;
    return after < hi && tokens_[after].text == "s" && gaps_[after] == "'";
  }

  // Chooses among the candidates inside [lo, hi) (all of them at the top;
  // inside `outer`, those it introduces), longest first, then earliest, and
  // goes on inside each one chosen.
  void Select(size_t lo, size_t hi, const Candidate* outer, std::vector<Mention>* mentions) {
    std::vector<const Candidate*> pool;
    for (const Candidate& c : candidates_) {
      if (c.first < lo || c.first + c.count > hi) continue;
      if (outer != nullptr) {
        if (c.count == outer->count) continue;  // the outer name itself
        bool shared = false;
        for (size_t e : c.entities) {
          shared = shared || std::binary_search(outer->entities.begin(), outer->entities.end(), e);
        }
        if (shared || !Introduced(c, lo, hi)) continue;
      }
      pool.push_back(&c);
    }
    std::stable_sort(pool.begin(), pool.end(), [](const Candidate* a, const Candidate* b) {
      if (a->count != b->count) return a->count > b->count;
      return a->first < b->first;
    });
    std::vector<const Candidate*> taken;
    for (const Candidate* c : pool) {
      bool overlaps = false;
      for (const Candidate* t : taken) {
        overlaps = overlaps || (c->first < t->first + t->count && t->first < c->first + c->count);
      }
      if (!overlaps) taken.push_back(c);
    }
    const int parent = outer == nullptr ? -1 : static_cast<int>(mentions->size()) - 1;
    for (const Candidate* c : taken) {
      Mention m;
      m.begin = tokens_[c->first].begin;
      m.end = tokens_[c->first + c->count - 1].end;
      m.text = std::string(article_.substr(m.begin, m.end - m.begin));
      m.candidates = c->entities;
      m.form = c->form;
      m.outer = parent;
      m.sentence = SentencesAround(sentences_, article_.size(), ByteRange{m.begin, m.end});
      mentions->push_back(std::move(m));
      Select(c->first, c->first + c->count, c, mentions);
    }
  }

  static void SortByPlace(std::vector<Mention>* mentions) {
    std::vector<size_t> order(mentions->size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      const Mention& x = (*mentions)[a];
      const Mention& y = (*mentions)[b];
      if (x.begin != y.begin) return x.begin < y.begin;
      return x.end > y.end;
    });
    std::vector<int> place(order.size());
    for (size_t i = 0; i < order.size(); ++i) place[order[i]] = static_cast<int>(i);
    std::vector<Mention> sorted;
    sorted.reserve(order.size());
    for (size_t i : order) {
      Mention m = std::move((*mentions)[i]);
      if (m.outer >= 0) m.outer = place[static_cast<size_t>(m.outer)];
      sorted.push_back(std::move(m));
    }
    *mentions = std::move(sorted);
  }

  // An ambiguous mention goes to the candidate named, unambiguously, nearest
  // before it; else nearest after it.
  static void ChooseAmongCandidates(std::vector<Mention>* mentions) {
    const std::vector<Mention> before = *mentions;  // decisions use only names that were never ambiguous
    for (size_t i = 0; i < mentions->size(); ++i) {
      Mention& m = (*mentions)[i];
      if (m.decided()) continue;
      auto names_one = [&](size_t j) {
        return before[j].decided() &&
               std::find(m.candidates.begin(), m.candidates.end(), before[j].candidates[0]) != m.candidates.end();
      };
      size_t chosen = before.size();
      for (size_t j = i; j-- > 0;) {
        if (names_one(j)) {
          chosen = j;
          break;
        }
      }
      if (chosen == before.size()) {
        for (size_t j = i + 1; j < before.size(); ++j) {
          if (names_one(j)) {
            chosen = j;
            break;
          }
        }
      }
      if (chosen == before.size()) continue;
      m.candidates = {before[chosen].candidates[0]};
      m.chosen_by_context = true;
    }
  }

  std::string_view article_;
  const NameDictionary& dictionary_;
  std::vector<FoldedToken> tokens_;
  std::vector<WordShape> shapes_;
  std::vector<std::string> lower_;
  std::vector<std::string> gaps_;  // BreakingPart before each token
  std::vector<bool> starts_sentence_;
  std::vector<ByteRange> sentences_;
  std::vector<Candidate> candidates_;
};

}  // namespace

std::vector<Mention> FindMentions(std::string_view article, const NameDictionary& dictionary) {
  return Matcher(article, dictionary).Run();
}

}  // namespace kg::link
