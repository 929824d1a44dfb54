#include "exec/regex_match.h"

#include <re2/re2.h>

#include <memory>
#include <unordered_map>

#include "exec/query_error.h"

namespace kg {
namespace {

// Compiled patterns, kept per thread: a WHERE clause matches the same
// pattern against every row.
const RE2& CompiledRegex(const std::string& pattern) {
  constexpr size_t kMaxCached = 64;
  thread_local std::unordered_map<std::string, std::unique_ptr<RE2>> cache;
  auto it = cache.find(pattern);
  if (it != cache.end()) return *it->second;
  if (cache.size() >= kMaxCached) cache.clear();
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  // A pattern whose automaton needs more than this is refused, not built.
  options.set_max_mem(int64_t{32} << 20);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) {
    std::string why = re->error();
    if (re->error_code() == RE2::ErrorBadEscape && pattern.find("\\1") != std::string::npos) {
      why += " (backreferences are not supported)";
    } else if (re->error_code() == RE2::ErrorMissingParen || re->error_code() == RE2::ErrorRepeatArgument ||
               re->error_code() == RE2::ErrorBadPerlOp) {
      if (pattern.find("(?=") != std::string::npos || pattern.find("(?!") != std::string::npos ||
          pattern.find("(?<") != std::string::npos) {
        why += " (lookaround is not supported)";
      }
    } else if (re->error_code() == RE2::ErrorPatternTooLarge) {
      why = "the pattern is too large";
    }
    ThrowRuntime("invalid regular expression '" + pattern + "': " + why);
  }
  return *cache.emplace(pattern, std::move(re)).first->second;
}

}  // namespace

Value RegexMatch(const Value& text, const Value& pattern) {
  if (!text.is_string() || !pattern.is_string()) return Value();
  return Value(RE2::FullMatch(text.as_string(), CompiledRegex(pattern.as_string())));
}

}  // namespace kg
