#include "link/name_dictionary.h"

#include <algorithm>

#include "common/utf8.h"

namespace kg::link {

NameDictionary::NameDictionary(std::vector<LinkEntity> entities) : entities_(std::move(entities)) {
  for (size_t e = 0; e < entities_.size(); ++e) {
    for (const std::string& written : entities_[e].forms) {
      const std::vector<FoldedToken> words = FoldTokenSpans(written);
      if (words.empty()) continue;  // no letter or digit: nothing to look for
      NameForm form;
      form.entity = e;
      form.written = written;
      std::string folded;
      size_t previous_end = 0;
      for (size_t k = 0; k < words.size(); ++k) {
        const std::string_view word(written.data() + words[k].begin, words[k].end - words[k].begin);
        form.shapes.push_back(ShapeOf(word));
        form.gaps.push_back(
            k == 0 ? std::string()
                   : BreakingPart(std::string_view(written).substr(previous_end, words[k].begin - previous_end)));
        form.proper = form.proper || form.shapes.back() != WordShape::kLower;
        previous_end = words[k].end;
        if (k > 0) folded.push_back(' ');
        folded += words[k].text;
      }
      form.is_short = words.size() == 1 && utf8::Length(words[0].text) <= kShortLetters;
      form.composed = ComposedWord(written.substr(words[0].begin, words.back().end - words[0].begin));
      max_words_ = std::max(max_words_, words.size());
      ++form_count_;
      forms_[folded].push_back(std::move(form));
    }
  }
}

const std::vector<NameForm>* NameDictionary::Find(const std::string& folded) const {
  auto it = forms_.find(folded);
  return it == forms_.end() ? nullptr : &it->second;
}

}  // namespace kg::link
