// NameDictionary: every form of every entity's name, looked up by its folded
// words (common/text_fold.h), so that "Uỷ ban quốc gia UNESCO Việt Nam" in an
// article finds the form "Ủy ban Quốc gia UNESCO Việt Nam".
//
// A form keeps what the matcher checks beyond the folded words: the shape of
// each word as the graph writes it (capitals and numbers are what make
// "Văn hóa" the Culture Sub-Commission and "văn hóa" the word), and the
// punctuation between its words ("25/CT-TƯ" keeps its slash).
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/text_fold.h"
#include "link/link_entity.h"
#include "link/word_shape.h"

namespace kg::link {

struct NameForm {
  size_t entity = 0;              // index into the dictionary's entities
  std::string written;            // as the graph writes it
  std::vector<WordShape> shapes;  // of each word as written
  std::vector<std::string> gaps;  // BreakingPart before each word ("" before the first)
  // A capitalized word or a number: the form is a proper name, and the
  // text must show one of those capitals or numbers where it has them.
  bool proper = false;
  // One word of at most kShortLetters letters ("Mỹ", "EU", "Đảng"): folded,
  // such words are common words ("my", "bi", "dang"), so they match only as
  // written, never at a sentence's start, and never next to a capitalized
  // word that the dictionary does not join them to ("Hong" in "Hong Kong").
  bool is_short = false;
  std::string composed;  // the NFC form, for is_short's exact comparison
};

constexpr size_t kShortLetters = 4;

class NameDictionary {
 public:
  explicit NameDictionary(std::vector<LinkEntity> entities);

  // The forms whose folded words, joined by one space, are `folded`;
  // nullptr when there is none.
  const std::vector<NameForm>* Find(const std::string& folded) const;
  // The most words a form has.
  size_t max_words() const { return max_words_; }
  const std::vector<LinkEntity>& entities() const { return entities_; }
  size_t form_count() const { return form_count_; }

 private:
  std::vector<LinkEntity> entities_;
  std::unordered_map<std::string, std::vector<NameForm>> forms_;
  size_t max_words_ = 0;
  size_t form_count_ = 0;
};

}  // namespace kg::link
