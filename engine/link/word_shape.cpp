#include "link/word_shape.h"

#include <utf8proc.h>

#include <cstdlib>
#include <new>

#include "common/utf8.h"

namespace kg::link {
namespace {

std::string Map(std::string_view text, utf8proc_option_t options) {
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                            static_cast<utf8proc_ssize_t>(text.size()), &mapped, options);
  if (len < 0) {
    std::free(mapped);
    // Words come from valid UTF-8 spans; anything else is kept as it is.
    if (len == UTF8PROC_ERROR_NOMEM) throw std::bad_alloc();
    return std::string(text);
  }
  std::string out(reinterpret_cast<const char*>(mapped), static_cast<size_t>(len));
  std::free(mapped);
  return out;
}

}  // namespace

WordShape ShapeOf(std::string_view word) {
  for (size_t pos = 0; pos < word.size();) {
    const utf8::CodePoint cp = utf8::DecodeAt(word, pos);
    if (cp.length == 0) return WordShape::kLower;
    switch (utf8proc_category(cp.value)) {
      case UTF8PROC_CATEGORY_LU:
      case UTF8PROC_CATEGORY_LT:
        return WordShape::kCapitalized;
      case UTF8PROC_CATEGORY_ND:
      case UTF8PROC_CATEGORY_NL:
      case UTF8PROC_CATEGORY_NO:
        return WordShape::kNumber;
      case UTF8PROC_CATEGORY_LL:
      case UTF8PROC_CATEGORY_LM:
      case UTF8PROC_CATEGORY_LO:
        return WordShape::kLower;
      default:
        break;  // a mark or an ignorable before the first letter
    }
    pos += cp.length;
  }
  return WordShape::kLower;
}

std::string LowerWord(std::string_view word) {
  return Map(word, static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
}

std::string ComposedWord(std::string_view word) { return Map(word, UTF8PROC_COMPOSE); }

std::string BreakingPart(std::string_view gap) {
  const std::string composed = ComposedWord(gap);
  std::string out;
  for (size_t pos = 0; pos < composed.size();) {
    const utf8::CodePoint cp = utf8::DecodeAt(composed, pos);
    if (cp.length == 0) {  // a malformed byte breaks like punctuation
      out.push_back('?');
      ++pos;
      continue;
    }
    const utf8proc_category_t category = utf8proc_category(cp.value);
    const bool space = category == UTF8PROC_CATEGORY_ZS || cp.value == '\t';
    const bool dash = category == UTF8PROC_CATEGORY_PD;
    if (cp.value == 0x2019 || cp.value == 0x02BC) {
      out.push_back('\'');  // a typographic apostrophe is the apostrophe
    } else if (!space && !dash) {
      out.append(composed, pos, cp.length);
    }
    pos += cp.length;
  }
  return out;
}

}  // namespace kg::link
