#include "interchange/text/joined_text.h"

namespace kg::interchange {

void AppendJoinedItem(std::string* out, std::string_view item, bool first) {
  if (!first) out->push_back(';');
  for (char c : item) {
    if (c == ';' || c == '\\') out->push_back('\\');
    out->push_back(c);
  }
}

void AppendJoined(std::string* out, const std::vector<std::string_view>& items) {
  for (size_t i = 0; i < items.size(); ++i) AppendJoinedItem(out, items[i], i == 0);
}

std::vector<std::string> SplitJoined(std::string_view text) {
  std::vector<std::string> parts;
  if (text.empty()) return parts;
  std::string part;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == ';' || text[i + 1] == '\\')) {
      part.push_back(text[++i]);
    } else if (text[i] == ';') {
      parts.push_back(std::move(part));
      part.clear();
    } else {
      part.push_back(text[i]);
    }
  }
  parts.push_back(std::move(part));
  return parts;
}

}  // namespace kg::interchange
