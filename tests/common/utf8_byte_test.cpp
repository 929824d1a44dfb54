// common/utf8.h's byte-at-a-time helpers: what a sequence's first byte
// claims, continuation bytes, and one code point appended (the shell's line
// editor reads the terminal so).
#include <catch2/catch.hpp>
#include <string>

#include "common/utf8.h"

using namespace kg;

TEST_CASE("a lead byte claims its sequence's length, other bytes none", "[utf8]") {
  CHECK(utf8::SequenceLength('a') == 1);
  CHECK(utf8::SequenceLength(0x00) == 1);
  CHECK(utf8::SequenceLength(0xC3) == 2);  // ê: C3 AA
  CHECK(utf8::SequenceLength(0xE1) == 3);  // ệ: E1 BB 87
  CHECK(utf8::SequenceLength(0xF0) == 4);  // 😀
  CHECK(utf8::SequenceLength(0xC0) == 2);  // overlong, but its pattern claims two (DecodeAt refuses it)
  CHECK(utf8::SequenceLength(0x80) == 0);
  CHECK(utf8::SequenceLength(0xBF) == 0);
  CHECK(utf8::SequenceLength(0xF8) == 0);
  CHECK(utf8::SequenceLength(0xFF) == 0);
  CHECK(utf8::IsContinuation(0x80));
  CHECK(utf8::IsContinuation(0xBF));
  CHECK_FALSE(utf8::IsContinuation('a'));
  CHECK_FALSE(utf8::IsContinuation(0xC3));
}

TEST_CASE("AppendCodePoint writes UTF-8, and U+FFFD for what has none", "[utf8]") {
  std::string out;
  utf8::AppendCodePoint(&out, 'A');
  utf8::AppendCodePoint(&out, 0x1EC7);   // ệ
  utf8::AppendCodePoint(&out, 0x1F600);  // 😀
  CHECK(out == "A\xE1\xBB\x87\xF0\x9F\x98\x80");
  out.clear();
  utf8::AppendCodePoint(&out, 0xD800);  // a surrogate
  utf8::AppendCodePoint(&out, 0x110000);
  utf8::AppendCodePoint(&out, -1);
  CHECK(out == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}
