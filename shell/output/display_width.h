// Text as a terminal shows it: how wide UTF-8 text is in columns, and how
// it is cut or wrapped to fit a width without breaking a character.
//
// Width is counted per grapheme cluster (what a reader sees as one
// character): a base letter and its combining marks are one cluster, so
// "Lê Hoài Trung" is 13 columns whether precomposed (NFC) or decomposed
// (NFD). East Asian wide characters and emoji are 2 columns. Text is cut
// only between clusters, never inside a UTF-8 sequence.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kg::shell {

enum class Newlines {
  kMark,  // a line break becomes "↵" (one line of text)
  kKeep,  // a line break stays, as "\n"
};

// The text made safe to print in a cell: valid UTF-8 without control
// characters. LF, CRLF, U+2028 and U+2029 are line breaks (see Newlines);
// other C0 controls and DEL print as their Unicode Control Pictures (a tab
// as "␉", a lone CR as "␍", ESC as "␛"), so no escape sequence reaches the
// terminal; C1 controls and bytes that are not UTF-8 print as "�".
std::string SanitizeForDisplay(std::string_view text, Newlines newlines);

// One grapheme cluster of sanitized text and its width in columns.
struct Grapheme {
  std::string_view text;
  int width = 0;
};

// The clusters of `text` (which should be sanitized: a byte that is not
// UTF-8 counts as one cluster of width 1).
std::vector<Grapheme> SplitGraphemes(std::string_view text);

// Columns that `text` (one line, sanitized) takes on a terminal.
int DisplayWidth(std::string_view text);

// `text` when it fits in `width` columns; otherwise its longest prefix of
// whole clusters that fits in width - 1, without trailing spaces, followed
// by "…". A cluster wider than what is left is not split: the result may
// be narrower than `width` (pad it).
std::string TruncateToWidth(std::string_view text, int width);

// One line of text (no line breaks) as lines of at most `width` columns:
// breaks at spaces where it can (the space is dropped), inside a word only
// when the word alone is wider than `width`, and always between clusters.
// Returns at least one line (empty text gives one empty line). A single
// cluster wider than `width` is put on a line of its own.
std::vector<std::string> WrapToWidth(std::string_view text, int width);

}  // namespace kg::shell
