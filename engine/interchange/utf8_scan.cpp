#include "interchange/utf8_scan.h"

#include <utf8proc.h>

namespace kg::interchange {

CodePoint DecodeUtf8(std::string_view text, size_t pos) {
  utf8proc_int32_t cp = 0;
  // utf8proc_iterate rejects overlong forms, surrogates and values past
  // U+10FFFF, and returns a negative error for them.
  const utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                              static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
  if (n <= 0) return CodePoint{0, 0};
  return CodePoint{cp, static_cast<size_t>(n)};
}

uint64_t AppendValidUtf8(std::string* out, std::string_view text) {
  uint64_t replaced = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t run = i;
    while (run < text.size() && static_cast<unsigned char>(text[run]) < 0x80) ++run;
    out->append(text.data() + i, run - i);
    i = run;
    if (i == text.size()) break;
    const CodePoint cp = DecodeUtf8(text, i);
    if (cp.length == 0) {
      out->append(kReplacementCharacter);
      ++replaced;
      ++i;
    } else {
      out->append(text.data() + i, cp.length);
      i += cp.length;
    }
  }
  return replaced;
}

}  // namespace kg::interchange
