// FindMentions: the places where an article names entities of the graph.
//
// The text and every name form are folded the same way (common/text_fold.h:
// case, marks, đ, punctuation), and a name matches whole words of the text.
// On top of the folded words, a match must pass what folding cannot see
// (docs/linking.md walks through each rule with examples):
//   - punctuation: a name runs across spaces and dashes, and across other
//     punctuation only where the form has the same ("25/CT-TƯ"), never
//     across a line break or a bracket it does not have;
//   - capitals: a form written with a capital or a number (a proper name)
//     needs one of them in the text too: "Văn hóa" (the Culture
//     Sub-Commission) is not "văn hóa" (culture). A form in lower case
//     ("công cuộc đổi mới") matches in any case;
//   - short names (one word of at most four letters: "Mỹ", "Ý", "EU",
//     "Đảng"): only as written, marks and case, never as a sentence's first
//     word ("Ý kiến"), never glued to a neighbouring capitalized word
//     ("Hong" in "Hong Kong").
// Overlapping matches: the longest wins, then the earliest. Inside a name
// that won, a shorter name of another entity is a mention of its own only
// where the longer name introduces it with a linking word ("Văn phòng UNESCO
// tại Hà Nội": Hà Nội; "of the", "của", "giữa", "về các", …) or with an
// English possessive ("Vietnam's"); a bare modifier is part of the name
// (UNESCO and Việt Nam in "Ủy ban Quốc gia UNESCO Việt Nam").
// A folded name that several entities share ("Hội nghị" for two
// conferences) goes to the candidate the article names nearest before it
// (else nearest after it) by an unshared name; with none, the mention stays
// ambiguous and lists its candidates.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/sentences.h"
#include "link/name_dictionary.h"

namespace kg::link {

struct Mention {
  size_t begin = 0;  // UTF-8 byte offsets into the article, end exclusive
  size_t end = 0;
  std::string text;                // the article's words, as written
  std::vector<size_t> candidates;  // entity indices: one when decided, several when ambiguous
  bool chosen_by_context = false;  // several entities share the name; the nearest naming chose
  int outer = -1;                  // index of the mention whose name holds this one, -1 for none
  std::string form;                // the graph's form that matched
  ByteRange sentence;              // the sentence (or sentences) around it
  bool decided() const { return candidates.size() == 1; }
};

// The mentions, ordered by begin (a longer one before one it holds).
std::vector<Mention> FindMentions(std::string_view article, const NameDictionary& dictionary);

}  // namespace kg::link
