#include "data/unicode_text.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace kg::data_test {

namespace {

std::string Map(const std::string& text, int options) {
  utf8proc_uint8_t* out = nullptr;
  auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                             static_cast<utf8proc_ssize_t>(text.size()), &out, static_cast<utf8proc_option_t>(options));
  if (length < 0) return std::string();
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
  return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(length));
}

}  // namespace

bool IsValidUtf8(const std::string& text) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t code_point = 0;
    auto n = utf8proc_iterate(p, left, &code_point);
    if (n <= 0) return false;
    p += n;
    left -= n;
  }
  return true;
}

bool IsNfc(const std::string& text) {
  return IsValidUtf8(text) && Map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE) == text;
}

std::string Fold(const std::string& text) { return Map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD); }

}  // namespace kg::data_test
