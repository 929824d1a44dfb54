#include "common/evidence_text.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

#include "common/utf8.h"

namespace kg {

namespace {

std::string SpanText(ByteRange span) {
  return "[" + std::to_string(span.begin) + ", " + std::to_string(span.end) + ")";
}

// Each run of white space that holds a line break, as one space.
std::string OneLine(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r') {
      out.push_back(s[i++]);
      continue;
    }
    size_t j = i;
    bool line_break = false;
    while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')) {
      line_break = line_break || s[j] == '\n' || s[j] == '\r';
      ++j;
    }
    if (line_break) {
      out.push_back(' ');
    } else {
      out.append(s.substr(i, j - i));
    }
    i = j;
  }
  return out;
}

// `s` in NFC; as it is when it is not valid UTF-8 (ICU and the seeds' check
// have their say about that elsewhere).
std::string Nfc(const std::string& s) {
  utf8proc_uint8_t* composed = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str()));
  if (composed == nullptr) return s;
  std::string out(reinterpret_cast<const char*>(composed));
  std::free(composed);
  return out;
}

}  // namespace

Result<std::string> MarkedEvidence(std::string_view text, ByteRange span) {
  return MarkedEvidence(text, SentenceRanges(text), span);
}

Result<std::string> MarkedEvidence(std::string_view text, const std::vector<ByteRange>& sentences, ByteRange span) {
  if (span.begin > span.end) return Status::Runtime("span " + SpanText(span) + " ends before it starts");
  if (span.end > text.size()) {
    return Status::Runtime("span " + SpanText(span) + " lies outside the text (" + std::to_string(text.size()) +
                           " bytes)");
  }
  if ((span.begin < text.size() && utf8::IsContinuation(text[span.begin])) ||
      (span.end < text.size() && utf8::IsContinuation(text[span.end]))) {
    return Status::Runtime("span " + SpanText(span) + " cuts a UTF-8 character in two");
  }
  const ByteRange around = SentencesAround(sentences, text.size(), span);
  // A span may reach into the white space around its sentence (SentencesAround
  // trims it): the marks still go where the span says.
  const size_t from = std::min(around.begin, span.begin);
  const size_t to = std::max(around.end, span.end);
  std::string marked;
  marked.reserve(to - from + kEvidenceOpen.size() + kEvidenceClose.size());
  marked.append(text.substr(from, span.begin - from));
  marked.append(kEvidenceOpen);
  marked.append(text.substr(span.begin, span.end - span.begin));
  marked.append(kEvidenceClose);
  marked.append(text.substr(span.end, to - span.end));
  return Nfc(OneLine(marked));
}

}  // namespace kg
