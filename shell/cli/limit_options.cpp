#include "cli/limit_options.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "common/utf8.h"

namespace kg::shell {
namespace {

// Lower case without spaces: "512 MiB" is "512mib".
std::string Normalize(std::string_view text) {
  std::string out = utf8::AsciiLower(text);
  out.erase(std::remove(out.begin(), out.end(), ' '), out.end());
  return out;
}

// A non-negative decimal number at the start of `text`; `rest` is what follows.
bool LeadingNumber(const std::string& text, double* value, std::string* rest) {
  if (text.empty() || !(std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '.')) return false;
  char* end = nullptr;
  *value = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || !std::isfinite(*value)) return false;
  *rest = std::string(end);
  return true;
}

}  // namespace

Result<std::chrono::milliseconds> ParseTimeout(std::string_view text) {
  const std::string t = Normalize(text);
  if (t == "off") return std::chrono::milliseconds(0);
  double seconds = 0;
  std::string rest;
  constexpr double kWeek = 7 * 24 * 3600;
  if (!LeadingNumber(t, &seconds, &rest) || !(rest.empty() || rest == "s") || seconds > kWeek ||
      (seconds > 0 && seconds < 0.001)) {
    return Status::Usage("timeout takes a number of seconds (for example 30 or 0.5) or off; got '" + std::string(text) +
                         "'");
  }
  return std::chrono::milliseconds(static_cast<int64_t>(std::llround(seconds * 1000)));
}

std::string DescribeTimeout(std::chrono::milliseconds timeout) {
  if (timeout.count() == 0) return "off";
  char text[32];
  std::snprintf(text, sizeof text, "%g s", static_cast<double>(timeout.count()) / 1000.0);
  return text;
}

Result<int64_t> ParseMemorySize(std::string_view text) {
  const std::string t = Normalize(text);
  if (t == "off") return int64_t{0};
  double amount = 0;
  std::string unit;
  double scale = -1;
  if (LeadingNumber(t, &amount, &unit)) {
    if (unit.empty() || unit == "b") scale = 1;
    if (unit == "k" || unit == "kb" || unit == "kib") scale = 1024.0;
    if (unit == "m" || unit == "mb" || unit == "mib") scale = 1024.0 * 1024;
    if (unit == "g" || unit == "gb" || unit == "gib") scale = 1024.0 * 1024 * 1024;
    if (unit == "t" || unit == "tb" || unit == "tib") scale = 1024.0 * 1024 * 1024 * 1024;
  }
  const double bytes = amount * scale;
  if (scale < 0 || bytes < 1 || bytes > 9.0e18) {
    return Status::Usage("the memory limit takes a size such as 512MiB or 4GiB, or off; got '" + std::string(text) +
                         "'");
  }
  return static_cast<int64_t>(bytes);
}

}  // namespace kg::shell
