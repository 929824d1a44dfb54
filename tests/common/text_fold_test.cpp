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
  CHECK(FoldText("Ngo\xC2\xAD" "ai") == "ngoai");
}

TEST_CASE("FoldText folds compatibility forms and other scripts", "[text_fold]") {
  CHECK(FoldText("ＡＳＥＡＮ") == "asean");   // full-width letters
  CHECK(FoldText("ﬁnance") == "finance");     // ligature
  CHECK(FoldText("Straße") == "strasse");     // case folding, not lower-casing
  CHECK(FoldText("Café Müller") == "cafe muller");
  CHECK(FoldText("北京 東京") == "北京 東京");  // no case, no marks: unchanged
  CHECK(FoldText("한국") == "한국");           // Hangul recomposed after folding
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
