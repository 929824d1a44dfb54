#include "session/session_text.h"

#include "common/utf8.h"

namespace kg::shell {

std::string_view Trim(std::string_view s) {
  const size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const size_t end = s.find_last_not_of(" \t\r\n");
  return s.substr(begin, end - begin + 1);
}

Position Compose(Position base, Position relative) {
  if (!relative.valid()) return base;
  if (relative.line == 1) return Position{base.line, base.column + relative.column - 1};
  return Position{base.line + relative.line - 1, relative.column};
}

Position PositionOf(std::string_view text, size_t offset) {
  Position pos{1, 1};
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if (!utf8::IsContinuation(static_cast<unsigned char>(text[i]))) {
      ++pos.column;
    }
  }
  return pos;
}

std::string Plural(uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace kg::shell
