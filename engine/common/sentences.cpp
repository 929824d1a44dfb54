#include "common/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>

namespace kg {
namespace {

bool IsSpaceByte(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Starts a sentence at each ICU boundary and at each line break; trims white
// space (ASCII and U+00A0, which the articles use between words) at both ends.
void AddTrimmed(std::string_view text, size_t begin, size_t end, std::vector<ByteRange>* out) {
  auto nbsp_at = [&](size_t i) {
    return i + 1 < text.size() && static_cast<unsigned char>(text[i]) == 0xC2 &&
           static_cast<unsigned char>(text[i + 1]) == 0xA0;
  };
  while (begin < end) {
    if (IsSpaceByte(static_cast<unsigned char>(text[begin]))) {
      ++begin;
    } else if (nbsp_at(begin) && begin + 2 <= end) {
      begin += 2;
    } else {
      break;
    }
  }
  while (end > begin) {
    if (IsSpaceByte(static_cast<unsigned char>(text[end - 1]))) {
      --end;
    } else if (end >= begin + 2 && nbsp_at(end - 2)) {
      end -= 2;
    } else {
      break;
    }
  }
  if (begin < end) out->push_back({begin, end});
}

void SplitLines(std::string_view text, size_t begin, size_t end, std::vector<ByteRange>* out) {
  size_t start = begin;
  for (size_t i = begin; i < end; ++i) {
    if (text[i] == '\n') {
      AddTrimmed(text, start, i, out);
      start = i + 1;
    }
  }
  AddTrimmed(text, start, end, out);
}

}  // namespace

std::vector<ByteRange> SentenceRanges(std::string_view utf8) {
  std::vector<ByteRange> out;
  if (utf8.empty()) return out;
  UErrorCode status = U_ZERO_ERROR;
  UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  std::unique_ptr<icu::BreakIterator> it(
      U_SUCCESS(status) ? icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status) : nullptr);
  if (U_FAILURE(status) || !it) {
    // ICU without its data: fall back to lines, which still bound a fact.
    if (text) utext_close(text);
    SplitLines(utf8, 0, utf8.size(), &out);
    return out;
  }
  it->setText(text, status);
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    SplitLines(utf8, static_cast<size_t>(start), static_cast<size_t>(end), &out);
  }
  it.reset();
  utext_close(text);
  return out;
}

ByteRange SentencesAround(std::string_view utf8, ByteRange span) {
  return SentencesAround(SentenceRanges(utf8), utf8.size(), span);
}

ByteRange SentencesAround(const std::vector<ByteRange>& sentences, size_t text_size, ByteRange span) {
  span.end = std::min(span.end, text_size);
  span.begin = std::min(span.begin, span.end);
  const size_t probe_end = std::max(span.end, span.begin + 1);
  ByteRange around = span;
  bool found = false;
  // The first sentence that ends after the span begins; those before it
  // cannot hold it.
  auto first =
      std::partition_point(sentences.begin(), sentences.end(), [&](const ByteRange& s) { return s.end <= span.begin; });
  for (auto it = first; it != sentences.end(); ++it) {
    const ByteRange& s = *it;
    if (s.begin >= probe_end) {
      // A span in the white space between two sentences belongs to the next.
      if (!found && span.begin == span.end) around = s, found = true;
      break;
    }
    if (s.end <= span.begin) continue;
    around.begin = found ? around.begin : std::min(s.begin, span.begin);
    around.end = std::max(span.end, s.end);
    found = true;
  }
  return around;
}

}  // namespace kg
