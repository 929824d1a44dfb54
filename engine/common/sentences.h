// Sentences of a UTF-8 text, as byte ranges: what "the sentence a fact comes
// from" means for evidence and for linking an article.
//
// Boundaries follow Unicode's sentence rules (UAX #29, through ICU's
// BreakIterator), and every line break ends a sentence too: the articles put
// headings, captions and bylines on lines of their own. Offsets are UTF-8 byte
// offsets into the text given; a sentence never starts or ends with white
// space; lines that hold only white space give no sentence. Malformed UTF-8
// never fails (ICU reads it as U+FFFD) and offsets stay byte offsets.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace kg {

struct ByteRange {
  size_t begin = 0;
  size_t end = 0;  // one past the last byte
  bool operator==(const ByteRange& o) const { return begin == o.begin && end == o.end; }
};

// Every sentence of the text, in order.
std::vector<ByteRange> SentenceRanges(std::string_view utf8);

// The sentence or run of sentences that holds [span.begin, span.end): from the
// start of the sentence where the span starts to the end of the one where it
// ends. A span past the text's end is clamped to it; an empty span gives the
// sentence it sits in.
ByteRange SentencesAround(std::string_view utf8, ByteRange span);

// The same, with SentenceRanges(utf8) computed once by the caller (and
// utf8.size()): for many spans of one text, such as an article's mentions.
ByteRange SentencesAround(const std::vector<ByteRange>& sentences, size_t text_size, ByteRange span);

}  // namespace kg
