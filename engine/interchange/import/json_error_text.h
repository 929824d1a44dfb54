// JSON errors in a reader's words. nlohmann's exceptions say
// "[json.exception.out_of_range.406] number overflow parsing '1e999'": the
// library's name and numbering, which mean nothing to the person whose file
// it is. These give the reason without them, and the line and column of a
// byte, so that a reader can say "data.json:3:17: number 1e999 is out of
// range".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kg::interchange {

// The reason of a nlohmann::json exception, from its id and what():
//   parse_error.101 -> "not valid JSON: unexpected '}'; expected string literal"
//   out_of_range.406 -> "number 1e999 is out of range"
//   out_of_range.403 -> "member \"file\" is missing"
//   type_error.302  -> "a string was expected, not a number"
// and any other the message with the library's prefix taken off.
std::string JsonErrorReason(int id, std::string_view what);

// The number in an out_of_range.406 message ("1e999"), "" for another.
std::string_view JsonOverflowNumber(std::string_view what);

// The line and column (in characters, from 1) of byte `offset` of `text`.
struct TextPosition {
  uint64_t line = 1;
  uint64_t column = 1;
};
TextPosition PositionOf(std::string_view text, size_t offset);

}  // namespace kg::interchange
