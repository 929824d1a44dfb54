#include "exec/utf8_text.h"

#include <utf8proc.h>

namespace kg::utf8 {

std::vector<int32_t> Decode(std::string_view s) {
  std::vector<int32_t> out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {  // malformed: keep the byte as a code point of its own value
      cp = *p;
      n = 1;
    }
    out.push_back(cp);
    p += n;
    left -= n;
  }
  return out;
}

std::string Encode(const std::vector<int32_t>& cps, size_t begin, size_t end) {
  std::string out;
  if (end > cps.size()) end = cps.size();
  utf8proc_uint8_t buf[4];
  for (size_t i = begin; i < end; ++i) {
    const utf8proc_ssize_t n = utf8proc_encode_char(cps[i], buf);
    if (n <= 0) {
      out.push_back(static_cast<char>(cps[i]));
    } else {
      out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
    }
  }
  return out;
}

size_t Length(std::string_view s) {
  size_t n = 0;
  // Every byte that is not a continuation byte starts a code point.
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string ToUpper(std::string_view s) {
  std::vector<int32_t> cps = Decode(s);
  for (int32_t& cp : cps) cp = utf8proc_toupper(cp);
  return Encode(cps);
}

std::string ToLower(std::string_view s) {
  std::vector<int32_t> cps = Decode(s);
  for (int32_t& cp : cps) cp = utf8proc_tolower(cp);
  return Encode(cps);
}

bool IsSpace(int32_t cp) {
  if (cp == ' ' || (cp >= '\t' && cp <= '\r')) return true;
  if (cp < 0x80) return false;
  const utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

}  // namespace kg::utf8
