// The words that state a fact, shown in their sentence: what kg.evidence()
// and :why print. The span is marked with ⟦ and ⟧ (U+27E6, U+27E7: brackets
// no article uses, so a mark is never mistaken for the text):
//   "Chủ tịch ⟦Ủy ban Quốc gia UNESCO Việt Nam Hà Kim Ngọc⟧ phát biểu."
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/sentences.h"
#include "common/status.h"

namespace kg {

inline constexpr std::string_view kEvidenceOpen = "\u27E6";   // ⟦
inline constexpr std::string_view kEvidenceClose = "\u27E7";  // ⟧

// The sentence (or run of sentences, common/sentences.h) of `text` that
// holds `span`, with the span's bytes between the marks. Line breaks inside
// it (a span that runs over a heading or a list) become one space each, so
// the result is one line; the result is in Unicode NFC (the graph's names
// are), whatever the file's normalisation. A span that does not lie inside
// the text, runs backwards, or cuts a UTF-8 character is a kRuntime error
// ("span [9000, 9010) lies outside the text (8719 bytes)"); the caller
// says whose span it is.
Result<std::string> MarkedEvidence(std::string_view text, ByteRange span);
// The same with the text's SentenceRanges found once (many spans, one text).
Result<std::string> MarkedEvidence(std::string_view text, const std::vector<ByteRange>& sentences, ByteRange span);

}  // namespace kg
