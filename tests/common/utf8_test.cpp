// common/utf8.h, the one UTF-8 and case helper: code points, valid text,
// Unicode case for values, ASCII case for names that are ASCII by definition.
#include "common/utf8.h"

#include <catch2/catch.hpp>

namespace kg {
namespace {

TEST_CASE("code points are counted, decoded and encoded whole", "[utf8]") {
  CHECK(utf8::Length("Việt Nam") == 8);
  CHECK(utf8::Length("") == 0);
  const std::vector<int32_t> cps = utf8::Decode("Hà Nội");
  REQUIRE(cps.size() == 6);
  CHECK(cps[1] == 0xE0);
  CHECK(utf8::Encode(cps) == "Hà Nội");
  CHECK(utf8::Encode(cps, 3) == "Nội");
}

TEST_CASE("DecodeAt and AppendValid refuse what is not UTF-8", "[utf8]") {
  CHECK(utf8::DecodeAt("ệ", 0).length == 3);
  CHECK(utf8::DecodeAt("\xC0\x80", 0).length == 0);      // overlong
  CHECK(utf8::DecodeAt("\xED\xA0\x80", 0).length == 0);  // surrogate
  std::string out;
  CHECK(utf8::AppendValid(&out,
                          "a\xFF"
                          "b") == 1);
  CHECK(out ==
        "a\xEF\xBF\xBD"
        "b");
}

TEST_CASE("ToUpper and ToLower map case in every script", "[utf8]") {
  CHECK(utf8::ToUpper("đường") == "ĐƯỜNG");
  CHECK(utf8::ToLower("ĐẢNG") == "đảng");
}

TEST_CASE("the ASCII case functions leave other letters alone", "[utf8]") {
  CHECK(utf8::AsciiLower("toUpper") == "toupper");
  CHECK(utf8::AsciiLower("ĐẢNG") == "ĐẢng");  // names are ASCII: Đ and Ả are not folded
  CHECK(utf8::AsciiLower('Q') == 'q');
  CHECK(utf8::EqualsIgnoreCase("Europe/Paris", "EUROPE/PARIS"));
  CHECK_FALSE(utf8::EqualsIgnoreCase("đ", "Đ"));
  CHECK_FALSE(utf8::EqualsIgnoreCase("count", "counts"));
  CHECK(utf8::StartsWithIgnoreCase("LIST OF STRING", "list"));
  CHECK_FALSE(utf8::StartsWithIgnoreCase("LI", "list"));
}

}  // namespace
}  // namespace kg
