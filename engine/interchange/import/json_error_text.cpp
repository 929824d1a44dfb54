#include "interchange/import/json_error_text.h"

#include <algorithm>

namespace kg::interchange {
namespace {

// What follows "[json.exception.kind.N] " and, for parse errors,
// "parse error at line 1, column 5: ".
std::string_view StripPrefix(std::string_view what) {
  if (!what.empty() && what.front() == '[') {
    const size_t close = what.find("] ");
    if (close != std::string_view::npos) what.remove_prefix(close + 2);
  }
  if (what.rfind("parse error", 0) == 0) {
    const size_t colon = what.find(": ");
    if (colon != std::string_view::npos) what.remove_prefix(colon + 2);
  }
  return what;
}

// The text between the first pair of single quotes, "" when there is none.
std::string_view Quoted(std::string_view text) {
  const size_t open = text.find('\'');
  if (open == std::string_view::npos) return {};
  const size_t close = text.find('\'', open + 1);
  if (close == std::string_view::npos) return {};
  return text.substr(open + 1, close - open - 1);
}

// "syntax error while parsing value - invalid literal; last read: 'tru}'"
// -> "not valid JSON: invalid literal". The text last read is left out: the
// column points at it, and it may hold bytes that are not text.
std::string SyntaxReason(std::string_view message) {
  const size_t dash = message.find(" - ");
  std::string_view rest = dash == std::string_view::npos ? message : message.substr(dash + 3);
  std::string_view expected;
  const size_t exp = rest.rfind("; expected ");
  if (exp != std::string_view::npos) {
    expected = rest.substr(exp + 11);
    rest = rest.substr(0, exp);
  }
  const size_t last = rest.find("; last read: ");
  if (last != std::string_view::npos) rest = rest.substr(0, last);
  std::string reason = "not valid JSON: " + std::string(rest);
  if (!expected.empty()) reason += "; expected " + std::string(expected);
  return reason;
}

// "a string", "an object".
std::string WithArticle(std::string_view noun) {
  const bool vowel = !noun.empty() && std::string_view("aeiou").find(noun.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(noun);
}

}  // namespace

std::string_view JsonOverflowNumber(std::string_view what) {
  what = StripPrefix(what);
  if (what.rfind("number overflow", 0) != 0) return {};
  return Quoted(what);
}

std::string JsonErrorReason(int id, std::string_view what) {
  const std::string_view message = StripPrefix(what);
  switch (id) {
    case 101:
      return SyntaxReason(message);
    case 406: {
      const std::string_view number = JsonOverflowNumber(what);
      if (!number.empty()) return "number " + std::string(number) + " is out of range";
      return "a number is out of range";
    }
    case 403: {
      const std::string_view key = Quoted(message);
      if (!key.empty()) return "member \"" + std::string(key) + "\" is missing";
      break;
    }
    case 302: {
      // "type must be string, but is number"
      const size_t must = message.find("must be ");
      const size_t but = message.find(", but is ");
      if (must != std::string_view::npos && but != std::string_view::npos && but > must) {
        return WithArticle(message.substr(must + 8, but - must - 8)) + " was expected, not " +
               WithArticle(message.substr(but + 9));
      }
      break;
    }
    default:
      break;
  }
  return std::string(message);
}

TextPosition PositionOf(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  TextPosition p;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      line_start = i + 1;
    }
  }
  // Characters, as an editor counts them: continuation bytes do not count.
  for (size_t i = line_start; i < offset; ++i) {
    p.column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 ? 1 : 0;
  }
  return p;
}

}  // namespace kg::interchange
