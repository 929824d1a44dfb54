// Strings as openCypher sees them: sequences of Unicode code points. kg keeps
// strings as UTF-8; these helpers count, cut and case-map by code point
// (libutf8proc's tables), so size('Việt') is 4 and toUpper('đ') is 'Đ'.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg::utf8 {

// The code points of `s`; a malformed byte stands for itself (U+FFFD is not
// substituted, so nothing is lost when the text goes back to UTF-8).
std::vector<int32_t> Decode(std::string_view s);
std::string Encode(const std::vector<int32_t>& cps, size_t begin = 0, size_t end = SIZE_MAX);
size_t Length(std::string_view s);

std::string ToUpper(std::string_view s);
std::string ToLower(std::string_view s);
// Unicode white space (category Zs and the ASCII controls \t \n \v \f \r, and
// the line/paragraph separators).
bool IsSpace(int32_t cp);

}  // namespace kg::utf8
