// The search key of a text: what "forgives diacritics" compares.
//
// FoldText("Ủy ban Quốc gia UNESCO Việt Nam") == "uy ban quoc gia unesco viet nam"
// FoldText("Đặng Thị Bích Liên")             == "dang thi bich lien"
//
// Contract:
//  - NFC and NFD input fold alike (Unicode compatibility forms too: "ﬁ" is "fi",
//    full-width "Ａ" is "a").
//  - Case is folded (Unicode case folding, so "ß" becomes "ss").
//  - Every combining mark is removed: Vietnamese tone marks and the marks of
//    ă â ê ô ơ ư, so "Uỷ" and "Ủy" both become "uy".
//  - đ/Đ become d, and so do ð/Ð (Ð is often typed for Đ in converted
//    Vietnamese text): these letters have no decomposition for utf8proc to
//    strip, so they are the only ones mapped by hand.
//  - Letters and digits are kept; every other code point (punctuation,
//    symbols, white space, controls) separates words. Words are joined by one
//    space, with none at either end. Default-ignorable code points (soft
//    hyphen, zero-width joiner) are dropped without separating.
//  - Bytes that are not UTF-8 never fail: each malformed sequence counts as a
//    separator, as punctuation would.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kg {

std::string FoldText(std::string_view utf8);

// The words of FoldText(utf8), in order ({} for a text with no letter or digit).
std::vector<std::string> FoldTokens(std::string_view utf8);

// A word of FoldTokens with the bytes of `utf8` it comes from: [begin, end),
// UTF-8 byte offsets, from the first byte of its first character to the last
// byte of its last (combining marks included). What linking an article needs
// to point back at the words it matched.
struct FoldedToken {
  std::string text;
  size_t begin = 0;
  size_t end = 0;
};

// The same words as FoldTokens(utf8), in the same order, each with its span.
// Folding goes by grapheme cluster (a letter with its marks), so a cluster
// that folds to two words ("½" is "1 2") gives both the cluster's span.
std::vector<FoldedToken> FoldTokenSpans(std::string_view utf8);

}  // namespace kg
