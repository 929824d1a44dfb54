// FoldText and FoldTokens: the search key below kg.fold and the later
// full-text index. Names are the project's own (Vietnamese diplomacy).
#include "common/text_fold.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using kg::FoldText;
using kg::FoldTokens;

TEST_CASE("FoldText removes case, tone marks and vowel marks", "[text_fold]") {
  CHECK(FoldText("Lê Hoài Trung") == "le hoai trung");
  CHECK(FoldText("Bùi Thanh Sơn") == "bui thanh son");
  CHECK(FoldText("Hà Kim Ngọc") == "ha kim ngoc");
  CHECK(FoldText("Tô Lâm") == "to lam");
  CHECK(FoldText("Ăn Ân Ên Ôn Ơn Ưn") == "an an en on on un");
  CHECK(FoldText("ặ ấ ề ổ ợ ữ ỳ ỹ") == "a a e o o u y y");
}

TEST_CASE("FoldText maps đ and Đ to d", "[text_fold]") {
  CHECK(FoldText("Đặng Thị Bích Liên") == "dang thi bich lien");
  CHECK(FoldText("đường Điện Biên Phủ") == "duong dien bien phu");
  // Ð (U+00D0, eth) is often typed for Đ in converted Vietnamese text.
  CHECK(FoldText("\xC3\x90\xE1\xBA\xB7ng") == "dang");
}

TEST_CASE("FoldText folds the old and new tone placements alike", "[text_fold]") {
  CHECK(FoldText("Uỷ") == FoldText("Ủy"));
  CHECK(FoldText("Ủy ban Quốc gia UNESCO Việt Nam") == "uy ban quoc gia unesco viet nam");
  CHECK(FoldText("Uỷ ban quốc gia UNESCO") == "uy ban quoc gia unesco");
  CHECK(FoldText("hoà") == FoldText("hòa"));
}

TEST_CASE("FoldText folds NFD input like NFC input", "[text_fold]") {
  // "Lê Hoài Trung" decomposed: e + U+0302, a + U+0300.
  const std::string nfd = "Le\xCC\x82 Hoa\xCC\x80i Trung";
  CHECK(nfd != "Lê Hoài Trung");
  CHECK(FoldText(nfd) == FoldText("Lê Hoài Trung"));
  // "Việt": e + U+0323 (dot below) + U+0302 (circumflex), in either order.
  CHECK(FoldText("Vie\xCC\xA3\xCC\x82t") == "viet");
  CHECK(FoldText("Vie\xCC\x82\xCC\xA3t") == "viet");
  // D + U+0336 (combining stroke) is not đ, but the mark goes all the same.
  CHECK(FoldText("D\xCC\xB6") == "d");
}

TEST_CASE("FoldText turns punctuation and white space into one space", "[text_fold]") {
  CHECK(FoldText("  Hà  Nội,\tViệt-Nam!\n") == "ha noi viet nam");
  CHECK(FoldText("ASEAN+3 (2024)") == "asean 3 2024");
  CHECK(FoldText("") == "");
  CHECK(FoldText(" .,;- ") == "");
  // A soft hyphen is ignorable: it does not split the word.
  CHECK(FoldText("Ngo\xC2\xAD"
                 "ai") == "ngoai");
}

TEST_CASE("FoldText folds compatibility forms and other scripts", "[text_fold]") {
  CHECK(FoldText("ＡＳＥＡＮ") == "asean");  // full-width letters
  CHECK(FoldText("ﬁnance") == "finance");    // ligature
  CHECK(FoldText("Straße") == "strasse");    // case folding, not lower-casing
  CHECK(FoldText("Café Müller") == "cafe muller");
  CHECK(FoldText("北京 東京") == "北京 東京");  // no case, no marks: unchanged
  CHECK(FoldText("한국") == "한국");            // Hangul recomposed after folding
}

TEST_CASE("FoldText never fails on bytes that are not UTF-8", "[text_fold]") {
  // Each malformed sequence separates words, as punctuation does.
  CHECK(FoldText("Ha\xFFNoi") == "ha noi");
  CHECK(FoldText("\xC3") == "");
  CHECK(FoldText("S\xC6\xA1n\xE1\xBA") == "son");
  CHECK(FoldText(std::string("a\0b", 3)) == "a b");
}

TEST_CASE("FoldTokens gives the folded words", "[text_fold]") {
  CHECK(FoldTokens("Ủy ban Quốc gia UNESCO, Việt Nam") ==
        std::vector<std::string>{"uy", "ban", "quoc", "gia", "unesco", "viet", "nam"});
  CHECK(FoldTokens("Tô Lâm") == std::vector<std::string>{"to", "lam"});
  CHECK(FoldTokens("  ...  ").empty());
  CHECK(FoldTokens("").empty());
}

// FoldTokenSpans: the words of FoldTokens with the bytes they come from, what
// `kg link` points back at.
namespace {

std::vector<std::string> SpanTexts(const std::vector<kg::FoldedToken>& tokens) {
  std::vector<std::string> texts;
  for (const kg::FoldedToken& t : tokens) texts.push_back(t.text);
  return texts;
}

std::vector<std::string> SpanSources(std::string_view text, const std::vector<kg::FoldedToken>& tokens) {
  std::vector<std::string> sources;
  for (const kg::FoldedToken& t : tokens) sources.emplace_back(text.substr(t.begin, t.end - t.begin));
  return sources;
}

}  // namespace

TEST_CASE("FoldTokenSpans gives FoldTokens' words", "[text_fold]") {
  const std::vector<std::string> texts = {
      "Ủy ban Quốc gia UNESCO Việt Nam",
      "  Hà  Nội,\tViệt-Nam!\n",
      "ASEAN+3 (2024)",
      "Ngo\xC2\xAD"
      "ai",
      "Le\xCC\x82 Hoa\xCC\x80i Trung",
      "ＡＳＥＡＮ ﬁnance Straße ½",
      "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB",  // 한 as conjoining jamo
      "Hà\xFFNội \xE1\x80",
      "",
      " .,;- ",
  };
  for (const std::string& text : texts) {
    INFO(text);
    CHECK(SpanTexts(kg::FoldTokenSpans(text)) == FoldTokens(text));
  }
}

TEST_CASE("FoldTokenSpans points at the words as written", "[text_fold]") {
  const std::string text = "Thứ trưởng Lê Hoài Trung, Ủy ban Quốc gia";
  const auto tokens = kg::FoldTokenSpans(text);
  CHECK(SpanSources(text, tokens) ==
        std::vector<std::string>{"Thứ", "trưởng", "Lê", "Hoài", "Trung", "Ủy", "ban", "Quốc", "gia"});
  REQUIRE(tokens.size() == 9);
  CHECK(tokens[2].begin == 16);  // "Thứ trưởng " is 16 bytes
  CHECK(tokens[4].end == text.find(','));
}

TEST_CASE("FoldTokenSpans keeps combining marks in the span and skips separators", "[text_fold]") {
  // NFD: the marks after "e" and "a" belong to their letters' words.
  const std::string nfd = "Le\xCC\x82 Hoa\xCC\x80i";
  CHECK(SpanSources(nfd, kg::FoldTokenSpans(nfd)) == std::vector<std::string>{"Le\xCC\x82", "Hoa\xCC\x80i"});
  // A malformed byte separates like punctuation; a soft hyphen joins.
  const std::string mixed =
      "Hà\xFFNội Ngo\xC2\xAD"
      "ai";
  CHECK(SpanSources(mixed, kg::FoldTokenSpans(mixed)) == std::vector<std::string>{"Hà", "Nội",
                                                                                  "Ngo\xC2\xAD"
                                                                                  "ai"});
  // A cluster that folds to two words gives both its span.
  const auto half = kg::FoldTokenSpans("x ½");
  REQUIRE(half.size() == 3);
  CHECK(half[1].begin == 2);
  CHECK(half[2].begin == 2);
  CHECK(half[2].end == 4);
}
