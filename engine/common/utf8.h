// Text as kg sees it: UTF-8 strings of Unicode code points. The one place
// for walking, counting, checking and case-mapping text:
//   - code points: Decode/Encode/Length count and cut by code point, so
//     size('Việt') is 4; DecodeAt/AppendValid walk text that must reach a
//     reader as valid UTF-8 (XML, DOT, CSV);
//   - Unicode case (libutf8proc's tables): ToUpper('đ') is "Đ";
//   - ASCII case, for names that are ASCII by definition (keywords,
//     function and format names, file extensions, time-zone ids):
//     AsciiLower, EqualsIgnoreCase, StartsWithIgnoreCase.
// Search keys that forgive case and diacritics are text_fold.h's job.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg::utf8 {

// The code points of `s`; a malformed byte stands for itself (U+FFFD is not
// substituted, so nothing is lost when the text goes back to UTF-8).
std::vector<int32_t> Decode(std::string_view s);
std::string Encode(const std::vector<int32_t>& cps, size_t begin = 0, size_t end = SIZE_MAX);
// Code points, counting every byte that is not a continuation byte (which
// is also the display columns of text without wide characters).
size_t Length(std::string_view s);

// The code point starting at text[pos] and its length in bytes; the length
// is 0 for an invalid unit: a byte that does not start a valid sequence
// (stray continuation bytes, overlong forms, surrogates, values past
// U+10FFFF, a sequence cut short), which is one byte long.
struct CodePoint {
  int32_t value = 0;
  size_t length = 0;
};
CodePoint DecodeAt(std::string_view text, size_t pos);

// U+FFFD in UTF-8: what writers put in place of what they cannot write.
constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

// Appends `text` with each invalid unit replaced by U+FFFD; returns how
// many were replaced. Valid text is copied as it is.
uint64_t AppendValid(std::string* out, std::string_view text);

// Unicode case mapping, code point by code point.
std::string ToUpper(std::string_view s);
std::string ToLower(std::string_view s);
// Unicode white space (category Zs and the ASCII controls \t \n \v \f \r, and
// the line/paragraph separators).
bool IsSpace(int32_t cp);

// ASCII case only: other bytes are left as they are.
char AsciiLower(char c);
std::string AsciiLower(std::string_view s);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix);

// Byte by byte, for text that arrives a byte at a time (the shell's line
// editor reads a terminal so) or is cut at a byte offset: how many bytes a
// sequence starting with `lead` claims (1 to 4 by its bit pattern; 0 for a
// continuation byte or 0xF8..0xFF, which start none), whether `byte` is a
// continuation byte (10xxxxxx: not the start of a code point), and `cp`
// appended as UTF-8 (U+FFFD for a value that has no UTF-8 form).
size_t SequenceLength(unsigned char lead);
inline bool IsContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }
void AppendCodePoint(std::string* out, int32_t cp);

}  // namespace kg::utf8
