#include "common/utf8.h"

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

CodePoint DecodeAt(std::string_view text, size_t pos) {
  utf8proc_int32_t cp = 0;
  // utf8proc_iterate rejects overlong forms, surrogates and values past
  // U+10FFFF, and returns a negative error for them.
  const utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                              static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
  if (n <= 0) return CodePoint{0, 0};
  return CodePoint{cp, static_cast<size_t>(n)};
}

uint64_t AppendValid(std::string* out, std::string_view text) {
  uint64_t replaced = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t run = i;
    while (run < text.size() && static_cast<unsigned char>(text[run]) < 0x80) ++run;
    out->append(text.data() + i, run - i);
    i = run;
    if (i == text.size()) break;
    const CodePoint cp = DecodeAt(text, i);
    if (cp.length == 0) {
      out->append(kReplacementCharacter);
      ++replaced;
      ++i;
    } else {
      out->append(text.data() + i, cp.length);
      i += cp.length;
    }
  }
  return replaced;
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && EqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 0;
}

void AppendCodePoint(std::string* out, int32_t cp) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  if (n <= 0 || (cp >= 0xD800 && cp <= 0xDFFF)) n = utf8proc_encode_char(0xFFFD, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

}  // namespace kg::utf8
