#include "common/sentences.h"

#include <catch2/catch.hpp>
#include <string>

namespace kg {
namespace {

std::string Text(std::string_view t, ByteRange r) { return std::string(t.substr(r.begin, r.end - r.begin)); }

TEST_CASE("sentences: Vietnamese prose splits at full stops and line breaks", "[sentences]") {
  const std::string text =
      "Thứ trưởng Ngoại giao Hà Kim Ngọc phát biểu. (Ảnh: Lâm Khánh/ TTXVN)\n\n"
      "Chiều 9/7, tại trụ sở Bộ Ngoại giao, hội nghị đã diễn ra. Hội nghị thành công!\n";
  auto s = SentenceRanges(text);
  REQUIRE(s.size() == 4);
  CHECK(Text(text, s[0]) == "Thứ trưởng Ngoại giao Hà Kim Ngọc phát biểu.");
  CHECK(Text(text, s[1]) == "(Ảnh: Lâm Khánh/ TTXVN)");
  CHECK(Text(text, s[2]) == "Chiều 9/7, tại trụ sở Bộ Ngoại giao, hội nghị đã diễn ra.");
  CHECK(Text(text, s[3]) == "Hội nghị thành công!");
}

TEST_CASE("sentences: a span gives the sentence or sentences that hold it", "[sentences]") {
  const std::string text = "First one here. Second one, with Lê Hoài Trung. Third.\nA heading";
  const size_t at = text.find("Lê Hoài");
  CHECK(Text(text, SentencesAround(text, {at, at + std::string("Lê Hoài Trung").size()})) ==
        "Second one, with Lê Hoài Trung.");
  // A span across a boundary takes both sentences.
  const size_t from = text.find("here");
  CHECK(Text(text, SentencesAround(text, {from, at + 3})) == "First one here. Second one, with Lê Hoài Trung.");
  // Lines are sentences of their own.
  const size_t h = text.find("heading");
  CHECK(Text(text, SentencesAround(text, {h, h + 7})) == "A heading");
  // Out of range spans are clamped, never read past the text.
  CHECK(SentencesAround(text, {text.size() + 5, text.size() + 9}).end == text.size());
}

TEST_CASE("sentences: empty, blank and malformed text", "[sentences]") {
  CHECK(SentenceRanges("").empty());
  CHECK(SentenceRanges(" \n\n \t").empty());
  const std::string bad = "ab\xff\xfe cd. Ef";
  auto s = SentenceRanges(bad);
  REQUIRE(s.size() == 2);
  CHECK(Text(bad, s[0]) == "ab\xff\xfe cd.");
  CHECK(Text(bad, s[1]) == "Ef");
}

}  // namespace
}  // namespace kg

TEST_CASE("SentencesAround over ranges computed once gives the same answers", "[sentences]") {
  const std::string text = "Hội nghị khai mạc. Ông Lê Hoài Trung phát biểu.\n\nUNESCO đánh giá cao.  ";
  const std::vector<kg::ByteRange> sentences = kg::SentenceRanges(text);
  for (size_t b = 0; b <= text.size(); ++b) {
    for (size_t e = b; e <= text.size() + 2; e += 3) {
      INFO(b << "-" << e);
      CHECK(kg::SentencesAround(sentences, text.size(), kg::ByteRange{b, e}) ==
            kg::SentencesAround(text, kg::ByteRange{b, e}));
    }
  }
}
