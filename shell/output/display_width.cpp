// Display width of UTF-8 text with libutf8proc, and cutting and wrapping
// it between grapheme clusters.
#include "output/display_width.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>

#include "common/utf8.h"

namespace kg::shell {
namespace {

constexpr int32_t kReplacement = 0xFFFD;      // "�"
constexpr char kEllipsis[] = "\xE2\x80\xA6";  // "…"

bool IsRegionalIndicator(int32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

// The width of one cluster. Combining marks have width 0, so the widest
// code point decides: "e" + U+0302 is 1, an emoji ZWJ sequence 2. Two
// things utf8proc's per-character width misses: a variation selector 16
// asks for the wide emoji form (❤️), and a pair of regional indicators is
// one flag, both shown 2 wide by terminals.
int ClusterWidth(const std::vector<int32_t>& cps) {
  int width = 0;
  int regional = 0;
  bool emoji_form = false;
  for (int32_t cp : cps) {
    width = std::max(width, utf8proc_charwidth(cp));
    if (cp == 0xFE0F) emoji_form = true;
    if (IsRegionalIndicator(cp)) ++regional;
  }
  if (emoji_form || regional >= 2) width = std::max(width, 2);
  return width;
}

}  // namespace

std::string SanitizeForDisplay(std::string_view text, Newlines newlines) {
  std::string out;
  out.reserve(text.size());
  auto line_break = [&] {
    if (newlines == Newlines::kKeep) {
      out += '\n';
    } else {
      out += "\xE2\x86\xB5";  // "↵"
    }
  };
  size_t i = 0;
  while (i < text.size()) {
    const utf8::CodePoint decoded = utf8::DecodeAt(text, i);
    const int32_t cp = decoded.value;
    const size_t n = decoded.length;
    if (n == 0) {
      utf8::AppendCodePoint(&out, kReplacement);
      ++i;
      continue;
    }
    if (cp == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      line_break();
      i += 2;
      continue;
    }
    if (cp == '\n' || cp == 0x2028 || cp == 0x2029) {
      line_break();
    } else if (cp < 0x20) {
      utf8::AppendCodePoint(&out, 0x2400 + cp);  // Control Pictures: ␀ .. ␟
    } else if (cp == 0x7F) {
      utf8::AppendCodePoint(&out, 0x2421);  // ␡
    } else if (cp >= 0x80 && cp <= 0x9F) {
      utf8::AppendCodePoint(&out, kReplacement);
    } else {
      out.append(text.data() + i, n);
    }
    i += n;
  }
  return out;
}

std::vector<Grapheme> SplitGraphemes(std::string_view text) {
  std::vector<Grapheme> out;
  std::vector<int32_t> cps;  // of the cluster being read
  size_t start = 0;
  int32_t prev = -1;
  int32_t state = 0;
  auto close = [&](size_t end) {
    if (end > start) out.push_back({text.substr(start, end - start), ClusterWidth(cps)});
    cps.clear();
    start = end;
    state = 0;
  };
  size_t i = 0;
  while (i < text.size()) {
    const utf8::CodePoint decoded = utf8::DecodeAt(text, i);
    const int32_t cp = decoded.value;
    const size_t n = decoded.length;
    if (n == 0) {
      // A byte that is not UTF-8 is a cluster of its own, one column wide.
      close(i);
      cps.push_back('?');
      close(i + 1);
      prev = -1;
      ++i;
      continue;
    }
    if (prev >= 0 && utf8proc_grapheme_break_stateful(prev, cp, &state)) close(i);
    cps.push_back(cp);
    prev = cp;
    i += n;
  }
  close(text.size());
  return out;
}

int DisplayWidth(std::string_view text) {
  // Printable ASCII, most cells of most results, is one column a byte.
  if (std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; })) {
    return static_cast<int>(text.size());
  }
  int width = 0;
  for (const Grapheme& g : SplitGraphemes(text)) width += g.width;
  return width;
}

std::string TruncateToWidth(std::string_view text, int width) {
  const std::vector<Grapheme> graphemes = SplitGraphemes(text);
  int total = 0;
  for (const Grapheme& g : graphemes) total += g.width;
  if (total <= width) return std::string(text);
  if (width <= 0) return "";
  std::string out;
  int used = 0;
  for (const Grapheme& g : graphemes) {
    if (used + g.width > width - 1) break;
    out.append(g.text);
    used += g.width;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + kEllipsis;
}

std::vector<std::string> WrapToWidth(std::string_view text, int width) {
  width = std::max(width, 1);
  std::vector<std::string> lines;
  std::string line;
  int line_width = 0;
  // Where the last space of `line` is (a place to break), and the width
  // of `line` before it.
  size_t space_at = std::string::npos;
  int width_before_space = 0;
  // Lines lose their trailing spaces; a line of spaces only (leading
  // spaces before a break) is dropped.
  auto push_line = [&](std::string text_of_line) {
    while (!text_of_line.empty() && text_of_line.back() == ' ') text_of_line.pop_back();
    if (!text_of_line.empty()) lines.push_back(std::move(text_of_line));
  };
  for (const Grapheme& g : SplitGraphemes(text)) {
    const bool is_space = g.text == " ";
    while (!line.empty() && line_width + g.width > width) {
      if (is_space) {
        // The break falls on this space: it ends the line and is dropped.
        break;
      }
      if (space_at != std::string::npos) {
        std::string rest = line.substr(space_at + 1);
        const int rest_width = line_width - width_before_space - 1;
        line.resize(space_at);
        push_line(std::move(line));
        line = std::move(rest);
        line_width = rest_width;
        space_at = std::string::npos;
      } else {
        push_line(std::move(line));
        line.clear();
        line_width = 0;
      }
    }
    if (is_space && !line.empty() && line_width + g.width > width) {
      push_line(std::move(line));
      line.clear();
      line_width = 0;
      space_at = std::string::npos;
      continue;
    }
    if (is_space) {
      space_at = line.size();
      width_before_space = line_width;
    }
    line.append(g.text);
    line_width += g.width;
  }
  push_line(std::move(line));
  if (lines.empty()) lines.emplace_back();
  return lines;
}

}  // namespace kg::shell
