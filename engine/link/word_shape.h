// What the linker reads in a word as written, beyond its folded form: whether
// it is capitalized or a number (evidence of a name), its lower-case form
// with marks kept (to tell "của" from "cửa"), and what separates two words.
#pragma once

#include <string>
#include <string_view>

namespace kg::link {

enum class WordShape {
  kLower,        // "hội", "văn"
  kCapitalized,  // "Hội", "UNESCO", "Đảng": the first letter is upper or title case
  kNumber,       // "2020", "41": starts with a digit
};

WordShape ShapeOf(std::string_view word);

// The word in NFC, case folded, marks kept: "Của" -> "của", "Uỷ" -> "uỷ".
std::string LowerWord(std::string_view word);

// The word in NFC, as written otherwise.
std::string ComposedWord(std::string_view word);

// What in the text between two words may stop a name from running across
// it: every character but spaces (not line breaks) and dashes, in NFC.
// "" between "Hà" and "Nội" in "Hà  Nội" or "Giáo dục- Đào", "(" in
// "Tiểu ban (Giáo dục", "\n" across a line break, "/" in "25/CT".
std::string BreakingPart(std::string_view gap);

}  // namespace kg::link
