// Tab completion: reads the text before the cursor with a small lexer of its
// own (it must cope with unfinished input, which the real parser rejects),
// finds what kind of word the cursor is in, and matches candidates.
#include "repl/completer.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>

#include "commands/command_table.h"
#include "common/utf8.h"
#include "main/database.h"

namespace kg::shell {
namespace {

// The lexer rule IdentifierStart / IdentifierPart of grammar/Cypher.g4.
bool IsIdentifierStart(int32_t c) {
  if (c < 0x80) return std::isalpha(c) || c == '_';
  return c == 0xAA || c == 0xB5 || c == 0xBA || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) ||
         (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) ||
         (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
         (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD);
}

bool IsIdentifierPart(int32_t c) {
  return IsIdentifierStart(c) || (c >= '0' && c <= '9') || c == 0xB7 || (c >= 0x300 && c <= 0x36F) ||
         (c >= 0x203F && c <= 0x2040);
}

// The byte length of the longest common prefix of a and b that ends on a
// character boundary.
size_t CommonPrefixLength(std::string_view a, std::string_view b) {
  size_t n = 0;
  const size_t limit = std::min(a.size(), b.size());
  while (n < limit && a[n] == b[n]) ++n;
  // Back off to the start of a character if we stopped inside one.
  while (n > 0 && n < a.size() && utf8::IsContinuation(static_cast<unsigned char>(a[n]))) --n;
  return n;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// ---------------------------------------------------------------- lexer

enum class TokenType { kWord, kBackquoted, kNumber, kString, kParam, kPunct };

struct Token {
  TokenType type;
  std::string_view text;
  size_t begin;
  size_t end;
};

struct Lexed {
  std::vector<Token> tokens;
  bool in_string = false;   // the text ends inside a string literal
  bool in_comment = false;  // ... inside a comment
  bool in_backquote = false;
  size_t backquote_start = 0;  // where the unfinished `name starts
};

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

Lexed Lex(std::string_view s) {
  Lexed out;
  size_t i = 0;
  const size_t n = s.size();
  const auto push = [&](TokenType type, size_t begin, size_t end) {
    out.tokens.push_back(Token{type, s.substr(begin, end - begin), begin, end});
  };
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isspace(c)) {
      ++i;
    } else if (c == '/' && i + 1 < n && s[i + 1] == '/') {
      const size_t eol = s.find('\n', i);
      if (eol == std::string_view::npos) {
        out.in_comment = true;
        return out;
      }
      i = eol + 1;
    } else if (c == '/' && i + 1 < n && s[i + 1] == '*') {
      const size_t close = s.find("*/", i + 2);
      if (close == std::string_view::npos) {
        out.in_comment = true;
        return out;
      }
      i = close + 2;
    } else if (c == '\'' || c == '"') {
      const size_t begin = i++;
      bool closed = false;
      while (i < n) {
        if (s[i] == '\\') {
          i += 2;
        } else if (static_cast<unsigned char>(s[i]) == c) {
          ++i;
          closed = true;
          break;
        } else {
          ++i;
        }
      }
      if (!closed) {
        out.in_string = true;
        return out;
      }
      push(TokenType::kString, begin, i);
    } else if (c == '`') {
      // ( '`' ~'`'* '`' )+ : a doubled backquote stands for one.
      const size_t begin = i;
      for (;;) {
        const size_t close = s.find('`', i + 1);
        if (close == std::string_view::npos) {
          out.in_backquote = true;
          out.backquote_start = begin;
          return out;
        }
        i = close + 1;
        if (i >= n || s[i] != '`') break;
      }
      push(TokenType::kBackquoted, begin, i);
    } else if (c == '$') {
      const size_t begin = i++;
      while (i < n && IsWordByte(static_cast<unsigned char>(s[i]))) ++i;
      push(TokenType::kParam, begin, i);
    } else if (std::isdigit(c)) {
      const size_t begin = i;
      while (i < n && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
      if (i + 1 < n && s[i] == '.' && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
        ++i;
        while (i < n && std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
      }
      push(TokenType::kNumber, begin, i);
    } else if (IsWordByte(c)) {
      const size_t begin = i;
      while (i < n && IsWordByte(static_cast<unsigned char>(s[i]))) ++i;
      push(TokenType::kWord, begin, i);
    } else {
      static const char* const kTwoChar[] = {"->", "<-", "..", "<=", ">=", "<>", "=~", "+=", "!="};
      size_t len = 1;
      for (const char* op : kTwoChar) {
        if (s.compare(i, 2, op) == 0) len = 2;
      }
      push(TokenType::kPunct, i, i + len);
      i += len;
    }
  }
  return out;
}

std::string UnescapeBackquoted(std::string_view body) {
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    out += body[i];
    if (body[i] == '`' && i + 1 < body.size() && body[i + 1] == '`') ++i;
  }
  return out;
}

// ---------------------------------------------------------------- context

enum class Opener { kParen, kPatternCall, kNodePattern, kRelPattern, kList, kMap };

bool IsKeywordWord(const Token& t, std::initializer_list<const char*> words) {
  if (t.type != TokenType::kWord) return false;
  for (const char* w : words) {
    if (utf8::EqualsIgnoreCase(t.text, w)) return true;
  }
  return false;
}

bool IsPunct(const Token& t, std::string_view p) { return t.type == TokenType::kPunct && t.text == p; }

// Words after which an expression starts.
bool IntroducesExpression(const Token& t) {
  return IsKeywordWord(t, {"RETURN", "WITH", "WHERE", "AND", "OR", "XOR", "NOT", "BY", "IN", "UNWIND", "WHEN", "THEN",
                           "ELSE", "CASE", "SKIP", "LIMIT", "DISTINCT", "CONTAINS"});
}

// Words after which a new name (a variable, an alias) follows: nothing to complete.
bool IntroducesName(const Token& t) {
  return IsKeywordWord(t, {"AS", "MATCH", "CREATE", "MERGE", "SET", "DELETE", "REMOVE"});
}

// The rest of the keywords Tab knows: after them another keyword follows
// (OPTIONAL MATCH, ORDER BY, IS NOT NULL, UNION ALL, ...).
bool IsOtherKeyword(const Token& t) {
  return IsKeywordWord(t, {"OPTIONAL", "ORDER",   "DETACH",  "ON",   "IS",   "STARTS",    "ENDS",       "UNION",
                           "ALL",      "EXPLAIN", "PROFILE", "ASC",  "DESC", "ASCENDING", "DESCENDING", "END",
                           "DROP",     "INDEX",   "FOR",     "NULL", "TRUE", "FALSE"});
}

// Whether the text is a ':' command (the first non-blank character is ':').
bool IsCommandText(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == ':';
}

WordContext CommandContext(std::string_view text) {
  WordContext ctx;
  const size_t first = text.find_first_not_of(" \t\r\n");
  const size_t name_end = text.find_first_of(" \t\r\n", first);
  if (name_end == std::string_view::npos) {
    ctx.kind = WordKind::kCommand;
    ctx.start = first;
    ctx.prefix = std::string(text.substr(first));
    return ctx;
  }
  ctx.kind = WordKind::kCommandArgument;
  ctx.command = std::string(text.substr(first, name_end - first));
  const size_t last_blank = text.find_last_of(" \t\r\n");
  ctx.start = last_blank + 1;
  ctx.prefix = std::string(text.substr(ctx.start));
  // Words between the name and this one.
  const std::string_view before = text.substr(name_end, ctx.start - name_end);
  for (size_t at = before.find_first_not_of(" \t\r\n"); at != std::string_view::npos;
       at = before.find_first_not_of(" \t\r\n", before.find_first_of(" \t\r\n", at))) {
    ++ctx.argument;
  }
  return ctx;
}

}  // namespace

WordContext FindWordContext(std::string_view text) {
  if (IsCommandText(text)) return CommandContext(text);

  WordContext ctx;
  const Lexed lexed = Lex(text);
  if (lexed.in_string || lexed.in_comment) return ctx;

  // The typed word: an unfinished `name, or a word touching the end.
  std::vector<Token> tokens = lexed.tokens;
  if (lexed.in_backquote) {
    ctx.backquoted = true;
    ctx.start = lexed.backquote_start;
    ctx.prefix = UnescapeBackquoted(text.substr(lexed.backquote_start + 1));
  } else if (!tokens.empty() && tokens.back().end == text.size()) {
    const Token& last = tokens.back();
    if (last.type == TokenType::kWord) {
      ctx.start = last.begin;
      ctx.prefix = std::string(last.text);
      tokens.pop_back();
    } else if (last.type == TokenType::kPunct) {
      ctx.start = text.size();  // a new word starts at the cursor
    } else {
      return ctx;  // right after a number, string, parameter or closed `name`
    }
  } else {
    ctx.start = text.size();
  }

  // CALL db.la: the word is the dotted name after CALL, parts and dots included.
  if (!ctx.backquoted) {
    size_t k = tokens.size();
    while (k >= 2 && IsPunct(tokens[k - 1], ".") && tokens[k - 2].type == TokenType::kWord) k -= 2;
    if (k >= 1 && IsKeywordWord(tokens[k - 1], {"CALL"})) {
      if (k < tokens.size()) ctx.start = tokens[k].begin;
      ctx.prefix = std::string(text.substr(ctx.start));
      ctx.kind = WordKind::kProcedure;
      return ctx;
    }
  }

  // Walk the tokens before the word: which brackets are open, and of what kind.
  std::vector<Opener> open;
  const Token* clause = nullptr;  // the last clause keyword outside brackets
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    const Token* before = k > 0 ? &tokens[k - 1] : nullptr;
    if (t.type == TokenType::kWord && open.empty() &&
        IsKeywordWord(t, {"MATCH", "CREATE", "MERGE", "WHERE", "RETURN", "WITH", "UNWIND", "SET", "DELETE", "REMOVE",
                          "ORDER", "SKIP", "LIMIT", "UNION"})) {
      clause = &t;
    } else if (IsPunct(t, ";")) {
      open.clear();
      clause = nullptr;
    } else if (IsPunct(t, "(")) {
      Opener kind = Opener::kParen;
      if (before == nullptr) {
        kind = Opener::kParen;
      } else if (IsKeywordWord(*before, {"SHORTESTPATH", "ALLSHORTESTPATHS"})) {
        kind = Opener::kPatternCall;
      } else if (IsKeywordWord(*before, {"MATCH", "CREATE", "MERGE"}) || IsPunct(*before, "-") ||
                 IsPunct(*before, "->")) {
        kind = Opener::kNodePattern;
      } else if (IsPunct(*before, "(") && !open.empty() && open.back() == Opener::kPatternCall) {
        kind = Opener::kNodePattern;
      } else if ((IsPunct(*before, ",") || IsPunct(*before, "=")) && open.empty() && clause != nullptr &&
                 IsKeywordWord(*clause, {"MATCH", "CREATE", "MERGE"})) {
        kind = Opener::kNodePattern;
      }
      open.push_back(kind);
    } else if (IsPunct(t, "[")) {
      const bool rel = before != nullptr && (IsPunct(*before, "-") || IsPunct(*before, "<-"));
      open.push_back(rel ? Opener::kRelPattern : Opener::kList);
    } else if (IsPunct(t, "{")) {
      open.push_back(Opener::kMap);
    } else if (IsPunct(t, ")") || IsPunct(t, "]") || IsPunct(t, "}")) {
      if (!open.empty()) open.pop_back();
    }
  }

  const Opener inner = open.empty() ? Opener::kParen : open.back();
  const Token* prev = tokens.empty() ? nullptr : &tokens.back();
  const Token* prev2 = tokens.size() >= 2 ? &tokens[tokens.size() - 2] : nullptr;

  WordKind kind = WordKind::kNone;
  if (prev == nullptr || IsPunct(*prev, ";")) {
    kind = WordKind::kKeyword;
  } else if (IsPunct(*prev, ".")) {
    const bool after_value =
        prev2 != nullptr &&
        (prev2->type == TokenType::kWord || prev2->type == TokenType::kBackquoted || prev2->type == TokenType::kParam ||
         IsPunct(*prev2, ")") || IsPunct(*prev2, "]") || IsPunct(*prev2, "}"));
    const bool map_projection =
        prev2 != nullptr && inner == Opener::kMap && (IsPunct(*prev2, "{") || IsPunct(*prev2, ","));
    if (after_value || map_projection) kind = WordKind::kPropertyKey;
  } else if (IsPunct(*prev, ":")) {
    if (inner == Opener::kMap) {
      kind = WordKind::kFunction;  // {key: value
    } else if (inner == Opener::kRelPattern) {
      kind = WordKind::kRelType;
    } else {
      kind = WordKind::kLabel;
    }
  } else if (IsPunct(*prev, "|") && inner == Opener::kRelPattern) {
    kind = WordKind::kRelType;
  } else if (inner == Opener::kMap && (IsPunct(*prev, "{") || IsPunct(*prev, ","))) {
    kind = WordKind::kPropertyKey;
  } else if (inner == Opener::kNodePattern || inner == Opener::kRelPattern) {
    kind = WordKind::kNone;  // a variable's name, a length, a property map to come
  } else if (prev->type == TokenType::kWord) {
    if (IntroducesExpression(*prev)) {
      kind = WordKind::kFunction;
    } else if (IntroducesName(*prev)) {
      kind = WordKind::kNone;
    } else {
      kind = WordKind::kKeyword;  // after a variable or another keyword: the clause goes on
    }
    if (IsOtherKeyword(*prev)) kind = WordKind::kKeyword;
  } else if (prev->type == TokenType::kPunct) {
    const bool ends_value = IsPunct(*prev, ")") || IsPunct(*prev, "]") || IsPunct(*prev, "}");
    kind = ends_value ? WordKind::kKeyword : WordKind::kFunction;
    if (IsPunct(*prev, "..") || IsPunct(*prev, "$")) kind = WordKind::kNone;
  } else {
    kind = WordKind::kKeyword;  // after a number, string, parameter or `name`: the expression may go on
  }
  // A backquoted word is a name: never a keyword or function.
  if (ctx.backquoted && (kind == WordKind::kKeyword || kind == WordKind::kFunction)) kind = WordKind::kNone;
  ctx.kind = kind;
  return ctx;
}

// ---------------------------------------------------------------- candidates

bool IsPlainName(std::string_view name) {
  if (name.empty()) return false;
  size_t i = 0;
  bool first = true;
  while (i < name.size()) {
    const utf8::CodePoint cp = utf8::DecodeAt(name, i);
    if (cp.length == 0) return false;
    if (first ? !IsIdentifierStart(cp.value) : !IsIdentifierPart(cp.value)) return false;
    first = false;
    i += cp.length;
  }
  return true;
}

std::string QuoteName(std::string_view name, bool force_backquotes) {
  if (!force_backquotes && IsPlainName(name)) return std::string(name);
  std::string out = "`";
  for (char c : name) {
    out += c;
    if (c == '`') out += '`';
  }
  out += '`';
  return out;
}

const std::vector<std::string>& CompletableFunctions() {
  // The canonical spelling of every function kg may have; the list is
  // filtered by what the engine really has (Database::FunctionNames, in
  // lower case), so a name here that the engine lacks is never offered.
  static const std::vector<std::string> functions = [] {
    // clang-format off
    static const char* const kCanonical[] = {
        "abs", "acos", "asin", "atan", "atan2", "avg", "ceil", "coalesce", "collect", "cos", "cot", "count",
        "date", "datetime", "degrees", "duration", "e", "endNode", "exists", "exp", "floor", "haversin", "head",
        "id", "isEmpty", "isNaN", "keys", "labels", "last", "left", "length", "localDateTime", "localTime", "log",
        "log10", "ltrim", "max", "min", "nodes", "percentileCont", "percentileDisc", "pi", "properties",
        "radians", "rand", "range", "relationships", "replace", "reverse", "right", "round", "rtrim", "sign",
        "sin", "size", "split", "sqrt", "startNode", "stDev", "stDevP", "substring", "sum", "tail", "tan",
        "time", "timestamp", "toBoolean", "toBooleanOrNull", "toFloat", "toFloatOrNull", "toInteger",
        "toIntegerOrNull", "toLower", "toString", "toStringOrNull", "toUpper", "trim", "type"};
    // clang-format on
    const std::vector<std::string> engine = Database::FunctionNames();
    std::vector<std::string> out;
    for (const char* name : kCanonical) {
      if (std::binary_search(engine.begin(), engine.end(), utf8::AsciiLower(name))) out.emplace_back(name);
    }
    // Forms the grammar itself has (grammar/Cypher.g4): quantifiers, reduce,
    // and the shortest-path patterns.
    for (const char* name : {"all", "any", "none", "single", "reduce", "shortestPath", "allShortestPaths"}) {
      out.emplace_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
  }();
  return functions;
}

namespace {

// Keywords that may follow where a clause or operator is expected.
const std::vector<std::string>& Keywords() {
  // clang-format off
  static const std::vector<std::string> keywords = {
      "MATCH", "OPTIONAL MATCH", "WHERE", "RETURN", "WITH", "UNWIND", "CREATE", "CREATE INDEX", "DROP INDEX ON",
      "MERGE", "ON CREATE SET", "ON MATCH SET", "SET", "DELETE", "DETACH DELETE", "REMOVE", "ORDER BY", "SKIP",
      "LIMIT", "UNION", "UNION ALL", "EXPLAIN", "PROFILE", "AS", "DISTINCT", "AND", "OR", "XOR", "NOT", "IN",
      "IS NULL", "IS NOT NULL", "STARTS WITH", "ENDS WITH", "CONTAINS", "CASE", "WHEN", "THEN", "ELSE", "END",
      "ASC", "DESC", "NULL", "TRUE", "FALSE", "CALL", "YIELD"};
  // clang-format on
  return keywords;
}

// Keywords that may start an expression.
const std::vector<std::string>& ExpressionKeywords() {
  static const std::vector<std::string> keywords = {"NOT", "CASE", "DISTINCT", "NULL", "TRUE", "FALSE"};
  return keywords;
}

struct Candidate {
  std::string text;    // what replaces the typed word
  std::string suffix;  // added when it is the only candidate: ' ', '('
};

// Keywords in upper case, or in lower case when the user typed lower case.
std::string InCaseOf(std::string_view keyword, std::string_view typed) {
  bool lower = false;
  for (char c : typed) {
    if (std::isupper(static_cast<unsigned char>(c))) return std::string(keyword);
    if (std::islower(static_cast<unsigned char>(c))) lower = true;
  }
  return lower ? utf8::AsciiLower(keyword) : std::string(keyword);
}

// Names that start with the prefix: case-sensitive matches, or when there
// are none, matches ignoring case.
std::vector<std::string> MatchNames(const std::vector<std::string>& names, std::string_view prefix) {
  std::vector<std::string> exact, folded;
  for (const std::string& n : names) {
    if (StartsWith(n, prefix)) {
      exact.push_back(n);
    } else if (utf8::StartsWithIgnoreCase(n, prefix)) {
      folded.push_back(n);
    }
  }
  return exact.empty() ? folded : exact;
}

// Values a command's first argument may take: its row's choices, or the
// "[a|b|c]" of its arguments.
std::vector<std::string> CommandChoices(std::string_view command) {
  const CommandInfo* info = FindCommand(command);
  std::vector<std::string> out;
  if (info == nullptr) return out;
  if (!info->choices.empty()) return info->choices;
  std::string_view args = info->args;
  if (args.size() < 3 || args.front() != '[' || args.back() != ']') return out;
  args = args.substr(1, args.size() - 2);
  if (args.find('|') == std::string_view::npos) return out;
  size_t begin = 0;
  for (;;) {
    const size_t bar = args.find('|', begin);
    out.emplace_back(args.substr(begin, bar == std::string_view::npos ? std::string_view::npos : bar - begin));
    if (bar == std::string_view::npos) break;
    begin = bar + 1;
  }
  return out;
}

}  // namespace

Completion Completer::Complete(std::string_view text) const {
  const WordContext ctx = FindWordContext(text);
  std::vector<Candidate> candidates;
  const auto add_names = [&](const std::vector<std::string>& names) {
    for (const std::string& n : MatchNames(names, ctx.prefix)) candidates.push_back({QuoteName(n, ctx.backquoted), ""});
  };
  switch (ctx.kind) {
    case WordKind::kNone:
      break;
    case WordKind::kLabel:
      add_names(schema_().labels);
      break;
    case WordKind::kRelType:
      add_names(schema_().rel_types);
      break;
    case WordKind::kPropertyKey:
      add_names(schema_().property_keys);
      break;
    case WordKind::kProcedure:
      for (const std::string& p : schema_().procedures) {
        if (utf8::StartsWithIgnoreCase(p, ctx.prefix)) candidates.push_back({p, "("});
      }
      break;
    case WordKind::kKeyword: {
      for (const std::string& k : Keywords()) {
        if (utf8::StartsWithIgnoreCase(k, ctx.prefix)) candidates.push_back({InCaseOf(k, ctx.prefix), " "});
      }
      // On an empty line the ':' commands are there too.
      if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        for (const CommandInfo& c : Commands()) candidates.push_back({c.name, " "});
      }
      break;
    }
    case WordKind::kFunction: {
      for (const std::string& f : CompletableFunctions()) {
        if (utf8::StartsWithIgnoreCase(f, ctx.prefix)) candidates.push_back({f, "("});
      }
      for (const std::string& k : ExpressionKeywords()) {
        if (utf8::StartsWithIgnoreCase(k, ctx.prefix)) candidates.push_back({InCaseOf(k, ctx.prefix), " "});
      }
      break;
    }
    case WordKind::kCommand:
      for (const CommandInfo& c : Commands()) {
        if (StartsWith(c.name, ctx.prefix)) candidates.push_back({c.name, " "});
      }
      break;
    case WordKind::kCommandArgument:
      if (ctx.argument != 0) break;  // the choices are the first argument's
      for (const std::string& choice : CommandChoices(ctx.command)) {
        if (StartsWith(choice, ctx.prefix)) candidates.push_back({choice, ""});
      }
      break;
  }

  // One entry per text (a keyword and a function may both be "exists").
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) { return a.text < b.text; });
  candidates.erase(std::unique(candidates.begin(), candidates.end(),
                               [](const Candidate& a, const Candidate& b) { return a.text == b.text; }),
                   candidates.end());

  Completion out;
  if (candidates.empty()) return out;
  const std::string_view typed = text.substr(ctx.start);
  if (candidates.size() == 1) {
    out.replace_bytes = typed.size();
    out.insert = candidates[0].text + candidates[0].suffix;
    return out;
  }
  size_t common = candidates[0].text.size();
  for (const Candidate& c : candidates) common = std::min(common, CommonPrefixLength(candidates[0].text, c.text));
  const std::string prefix = candidates[0].text.substr(0, common);
  if (prefix.size() > typed.size()) {
    out.replace_bytes = typed.size();
    out.insert = prefix;
    return out;
  }
  for (const Candidate& c : candidates) out.candidates.push_back(c.text);
  return out;
}

}  // namespace kg::shell
