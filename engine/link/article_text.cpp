#include "link/article_text.h"

#include <cstdio>

#include "common/input_file.h"
#include "common/text_fold.h"
#include "common/utf8.h"

namespace kg::link {

size_t FirstInvalidUtf8(const std::string& text) {
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t n = utf8::DecodeAt(text, pos).length;
    if (n == 0) return pos;
    pos += n;
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
    const size_t column = 1 + utf8::Length(std::string_view(text).substr(line_start, bad - line_start));
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
    return Status::Io(path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": not UTF-8 (byte " + byte +
                      " at offset " + std::to_string(bad) + "); kg link reads UTF-8 text");
  }
  if (FoldTokens(text).empty()) return Status::Io(path + " has no words to link");
  return text;
}

}  // namespace kg::link
