// Walking UTF-8 text by code point, for the writers that must hand their
// readers valid UTF-8 (XML and DOT): a byte that does not start a valid
// sequence (stray continuation bytes, overlong forms, surrogates, values
// past U+10FFFF, a sequence cut short) is one invalid unit of one byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kg::interchange {

// The code point starting at text[pos] and its length in bytes; the length
// is 0 for an invalid unit (which is one byte long).
struct CodePoint {
  int32_t value = 0;
  size_t length = 0;
};
CodePoint DecodeUtf8(std::string_view text, size_t pos);

// U+FFFD in UTF-8: what the writers put in place of what they cannot write.
constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

// Appends `text` with each invalid unit replaced by U+FFFD; returns how
// many were replaced. Valid text is copied as it is.
uint64_t AppendValidUtf8(std::string* out, std::string_view text);

}  // namespace kg::interchange
