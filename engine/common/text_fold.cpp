#include "common/text_fold.h"

#include <utf8proc.h>

#include <cstdlib>
#include <new>

#include "common/utf8.h"

namespace kg {

namespace {

// utf8proc's own flags do the work: compatibility decomposition, case folding,
// stripping the marks (Mn, Mc, Me) and the default ignorables, then
// recomposition so that scripts whose letters decompose without marks (Hangul)
// come back whole.
constexpr utf8proc_option_t kFoldOptions = static_cast<utf8proc_option_t>(
    UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);

// The input with each malformed UTF-8 sequence replaced by a space, so that
// utf8proc_map cannot refuse it.
std::string ValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) {
    const size_t n = utf8::DecodeAt(s, pos).length;
    if (n == 0) {
      out.push_back(' ');
      ++pos;
      continue;
    }
    out.append(s.substr(pos, n));
    pos += n;
  }
  return out;
}

bool IsWordCodePoint(utf8proc_int32_t cp) {
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

// Folds valid UTF-8 [data, data + size) with utf8proc and calls
// emit(code point, is_word) for each code point of the result, đ/ð already
// made d. Only memory can make utf8proc fail on valid input.
template <typename Emit>
void ForEachFolded(const char* data, size_t size, Emit emit) {
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(data),
                                            static_cast<utf8proc_ssize_t>(size), &mapped, kFoldOptions);
  if (len < 0) {
    std::free(mapped);
    throw std::bad_alloc();
  }
  const std::string_view folded(reinterpret_cast<const char*>(mapped), static_cast<size_t>(len));
  for (size_t pos = 0; pos < folded.size();) {
    utf8::CodePoint decoded = utf8::DecodeAt(folded, pos);
    if (decoded.length == 0) decoded = utf8::CodePoint{' ', 1};  // not expected from utf8proc's own output
    pos += decoded.length;
    utf8proc_int32_t cp = decoded.value;
    // After case folding Đ is đ and Ð is ð.
    if (cp == 0x0111 || cp == 0x00F0) cp = 'd';
    emit(cp, IsWordCodePoint(cp));
  }
  std::free(mapped);
}

}  // namespace

std::string FoldText(std::string_view utf8) {
  const std::string valid = ValidUtf8(utf8);
  std::string out;
  out.reserve(valid.size());
  bool pending_space = false;
  ForEachFolded(valid.data(), valid.size(), [&](utf8proc_int32_t cp, bool is_word) {
    if (!is_word) {
      pending_space = !out.empty();
      return;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    utf8::AppendCodePoint(&out, cp);
  });
  return out;
}

std::vector<std::string> FoldTokens(std::string_view utf8) {
  const std::string folded = FoldText(utf8);
  std::vector<std::string> words;
  size_t begin = 0;
  while (begin < folded.size()) {
    size_t end = folded.find(' ', begin);
    if (end == std::string::npos) end = folded.size();
    words.emplace_back(folded, begin, end - begin);
    begin = end + 1;
  }
  return words;
}

std::vector<FoldedToken> FoldTokenSpans(std::string_view utf8) {
  std::vector<FoldedToken> words;
  bool open = false;  // the last word may still grow
  auto separate = [&] { open = false; };
  // Folds one grapheme cluster [begin, end) and adds what it gives.
  auto fold_cluster = [&](size_t begin, size_t end) {
    ForEachFolded(utf8.data() + begin, end - begin, [&](utf8proc_int32_t cp, bool is_word) {
      if (!is_word) {
        separate();
        return;
      }
      if (!open) {
        words.push_back(FoldedToken{std::string(), begin, end});
        open = true;
      }
      utf8::AppendCodePoint(&words.back().text, cp);
      words.back().end = end;
    });
  };

  const size_t size = utf8.size();
  size_t pos = 0;
  size_t cluster_begin = 0;
  bool in_cluster = false;
  utf8proc_int32_t previous = 0;
  utf8proc_int32_t state = 0;
  while (pos < size) {
    const utf8::CodePoint decoded = utf8::DecodeAt(utf8, pos);
    const utf8proc_int32_t cp = decoded.value;
    if (decoded.length == 0) {  // a malformed byte separates, as in FoldText
      if (in_cluster) fold_cluster(cluster_begin, pos);
      in_cluster = false;
      state = 0;
      separate();
      ++pos;
      continue;
    }
    if (in_cluster && utf8proc_grapheme_break_stateful(previous, cp, &state)) {
      fold_cluster(cluster_begin, pos);
      in_cluster = false;
    }
    if (!in_cluster) {
      cluster_begin = pos;
      in_cluster = true;
    }
    previous = cp;
    pos += decoded.length;
  }
  if (in_cluster) fold_cluster(cluster_begin, pos);
  return words;
}

}  // namespace kg
