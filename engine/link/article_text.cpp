#include "link/article_text.h"

#include <utf8proc.h>

#include <cstdio>

#include "common/input_file.h"
#include "common/text_fold.h"

namespace kg::link {

size_t FirstInvalidUtf8(const std::string& text) {
  const auto* data = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  size_t pos = 0;
  while (pos < text.size()) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(data + pos, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (n <= 0) return pos;
    pos += static_cast<size_t>(n);
  }
  return text.size();
}

Result<std::string> ReadArticle(const std::string& path) {
  KG_ASSIGN_OR_RETURN(std::string text, ReadInputFile(path, kArticleFile));
  if (text.empty()) return Status::Io(path + " is empty");
  const size_t bad = FirstInvalidUtf8(text);
  if (bad < text.size()) {
    size_t line = 1, line_start = 0;
    for (size_t i = 0; i < bad; ++i) {
      if (text[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    // The column counts characters, as an editor shows them.
    size_t column = 1;
    for (size_t i = line_start; i < bad; ++i) column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 ? 1 : 0;
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
    return Status::Io(path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": not UTF-8 (byte " + byte +
                      " at offset " + std::to_string(bad) + "); kg link reads UTF-8 text");
  }
  if (FoldTokens(text).empty()) return Status::Io(path + " has no words to link");
  return text;
}

}  // namespace kg::link
