#include "help/help_rows.h"

#include <string_view>

#include "common/utf8.h"

namespace kg::shell {

void AppendHelpRow(std::string* out, const std::string& left, const std::string& summary, size_t column) {
  constexpr size_t kWidth = 99;
  std::string line = "  " + left;
  if (utf8::Length(line) + 2 > column) {
    *out += line + "\n";
    line.clear();
  }
  line += std::string(column - utf8::Length(line), ' ');
  // Wrap the summary at spaces within the width.
  std::string_view rest = summary;
  while (!rest.empty()) {
    const size_t room = kWidth - utf8::Length(line);
    if (utf8::Length(rest) <= room) {
      line += std::string(rest);
      break;
    }
    // The last space before the room runs out.
    size_t cut = 0;
    for (size_t space = rest.find(' '); space != std::string_view::npos && utf8::Length(rest.substr(0, space)) <= room;
         space = rest.find(' ', space + 1)) {
      cut = space;
    }
    if (cut == 0) cut = rest.find(' ');
    if (cut == std::string_view::npos) {
      line += std::string(rest);
      break;
    }
    line += std::string(rest.substr(0, cut));
    *out += line + "\n";
    line = std::string(column, ' ');
    rest = rest.substr(cut + 1);
  }
  *out += line + "\n";
}

}  // namespace kg::shell
