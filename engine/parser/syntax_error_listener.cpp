#include "parser/syntax_error_listener.h"

#include <algorithm>
#include <vector>

#include "CypherLexer.h"
#include "CypherParser.h"
#include "NoViableAltException.h"
#include "Parser.h"
#include "Token.h"
#include "common/nearest_name.h"
#include "common/utf8.h"
#include "misc/IntervalSet.h"

namespace kg::parser {
namespace {

using kg_grammar::CypherLexer;
using kg_grammar::CypherParser;

// Keywords that are also names (grammar rule symbolicName).
constexpr size_t kNameKeywords[] = {CypherParser::COUNT,
                                    CypherParser::ANY,
                                    CypherParser::NONE,
                                    CypherParser::SINGLE,
                                    CypherParser::ALL,
                                    CypherParser::EXISTS,
                                    CypherParser::FILTER,
                                    CypherParser::EXTRACT,
                                    CypherParser::SHORTESTPATH,
                                    CypherParser::ALLSHORTESTPATHS,
                                    CypherParser::INDEX,
                                    CypherParser::FOR,
                                    CypherParser::HEADERS,
                                    CypherParser::CSV,
                                    CypherParser::FIELDTERMINATOR,
                                    CypherParser::FROM,
                                    CypherParser::EXPLAIN,
                                    CypherParser::PROFILE,
                                    CypherParser::DROP,
                                    CypherParser::YIELD,
                                    CypherParser::USE,
                                    CypherParser::LOAD};

constexpr size_t kClauseKeywords[] = {
    CypherParser::FOREACH, CypherParser::LOAD,   CypherParser::USE,      CypherParser::EXPLAIN, CypherParser::PROFILE,
    CypherParser::DROP,    CypherParser::MATCH,  CypherParser::OPTIONAL, CypherParser::RETURN,  CypherParser::WITH,
    CypherParser::UNWIND,  CypherParser::CREATE, CypherParser::MERGE,    CypherParser::SET,     CypherParser::REMOVE,
    CypherParser::DELETE,  CypherParser::DETACH, CypherParser::CALL};

const char* const kClauseNames[] = {"MATCH",   "OPTIONAL", "RETURN", "WITH",   "UNWIND", "CREATE",
                                    "MERGE",   "SET",      "REMOVE", "DELETE", "DETACH", "CALL",
                                    "FOREACH", "UNION",    "WHERE",  "ORDER",  "SKIP",   "LIMIT"};

bool IsWordToken(size_t type) {
  return type == CypherParser::Identifier || type == CypherParser::EscapedIdentifier ||
         (type >= CypherParser::ALL && type <= CypherParser::YIELD);
}

// The token as the user typed it, quoted; long tokens are cut.
std::string Quote(const antlr4::Token* token) {
  std::string text = token->getText();
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return "'" + text + "'";
}

// The query text from `start` up to `offending`, quoted, on one line, at
// most about 40 characters (cut at the front).
std::string TextBefore(antlr4::Token* start, antlr4::Token* offending) {
  antlr4::CharStream* input = offending->getInputStream();
  if (input == nullptr || offending->getStartIndex() <= start->getStartIndex()) return Quote(start);
  std::string text = input->getText(antlr4::misc::Interval(start->getStartIndex(), offending->getStartIndex() - 1));
  std::string out;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.size() > 40) {
    size_t cut = out.size() - 37;
    while (cut < out.size() && utf8::IsContinuation(out[cut])) ++cut;  // whole code points
    out = "..." + out.substr(cut);
  }
  return "'" + out + "'";
}

// The construct a closing bracket would close, from the innermost rule out.
std::string ConstructClosedBy(antlr4::ParserRuleContext* ctx, const antlr4::misc::IntervalSet& expected,
                              const antlr4::dfa::Vocabulary& vocabulary, std::string* closer) {
  for (; ctx != nullptr; ctx = dynamic_cast<antlr4::ParserRuleContext*>(ctx->parent)) {
    const char* name = nullptr;
    std::string want;
    switch (ctx->getRuleIndex()) {
      case CypherParser::RuleNodePattern:
        name = "the node pattern", want = "')'";
        break;
      case CypherParser::RuleParenthesizedExpression:
        name = "the parenthesised expression", want = "')'";
        break;
      case CypherParser::RuleFunctionInvocation:
        name = "the function call", want = "')'";
        break;
      case CypherParser::RuleQuantifierExpression:
      case CypherParser::RuleReduceExpression:
        name = "the function call", want = "')'";
        break;
      case CypherParser::RuleCallClause:
        name = "the procedure call", want = "')'";
        break;
      case CypherParser::RuleAnonymousPatternPart:
      case CypherParser::RulePatternElement:
        name = "the pattern", want = "')'";
        break;
      case CypherParser::RuleCreateIndex:
      case CypherParser::RuleDropIndex:
        name = "the index definition", want = "')'";
        break;
      case CypherParser::RuleCreateFullTextIndex:
        name = "the full-text index definition", want = "']'";
        break;
      case CypherParser::RuleRelationshipDetail:
        name = "the relationship pattern", want = "']'";
        break;
      case CypherParser::RuleListLiteral:
        name = "the list", want = "']'";
        break;
      case CypherParser::RuleListComprehension:
      case CypherParser::RulePatternComprehension:
        name = "the list comprehension", want = "']'";
        break;
      case CypherParser::RulePostfixOperator:
        name = "the subscript", want = "']'";
        break;
      case CypherParser::RuleMapLiteral:
        name = "the map", want = "'}'";
        break;
      case CypherParser::RuleMapProjection:
        name = "the map projection", want = "'}'";
        break;
      case CypherParser::RuleExistsSubquery:
        name = "the EXISTS subquery", want = "'}'";
        break;
      case CypherParser::RuleCountSubquery:
        name = "the COUNT subquery", want = "'}'";
        break;
      case CypherParser::RuleCaseExpression:
        name = "the CASE expression", want = "END";
        break;
      default:
        break;
    }
    if (name == nullptr) continue;
    for (size_t type : expected.toList()) {
      if (vocabulary.getDisplayName(type) == want) {
        *closer = want;
        return name;
      }
    }
    return "";  // the innermost construct is not being closed here
  }
  return "";
}

// Where a label, type or property key may stand: any keyword is a name.
bool ExpectsName(const antlr4::misc::IntervalSet& expected) {
  return expected.contains(static_cast<size_t>(CypherParser::Identifier)) &&
         expected.contains(static_cast<size_t>(CypherParser::RETURN)) &&
         expected.contains(static_cast<size_t>(CypherParser::CASE));
}

// The expected token set in words: categories first, then single tokens.
std::string DescribeExpected(const antlr4::misc::IntervalSet& expected, const antlr4::dfa::Vocabulary& vocabulary) {
  std::vector<std::string> items;
  // Where any name may stand (a property key, a label), the keywords are
  // names too: say "a name" rather than list them.
  const bool name_slot = ExpectsName(expected);
  auto add = [&items](const std::string& item) {
    if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
  };
  bool end = false;
  for (size_t type : expected.toList()) {
    if (type == antlr4::Token::EOF || vocabulary.getDisplayName(type) == "';'") {
      end = true;
      continue;
    }
    if (name_slot && type >= CypherParser::ALL && type <= CypherParser::YIELD) {
      add("a name");
      continue;
    }
    if (expected.contains(static_cast<size_t>(CypherParser::Identifier)) &&
        std::find(std::begin(kNameKeywords), std::end(kNameKeywords), type) != std::end(kNameKeywords)) {
      add("a name");
      continue;
    }
    switch (type) {
      case CypherParser::Identifier:
      case CypherParser::EscapedIdentifier:
        add("a name");
        continue;
      case CypherParser::StringLiteral:
        add("a string");
        continue;
      case CypherParser::DecimalInteger:
      case CypherParser::HexInteger:
      case CypherParser::OctalInteger:
      case CypherParser::ExponentReal:
      case CypherParser::RegularReal:
        add("a number");
        continue;
      case CypherParser::ORDER:
        add("ORDER BY");
        continue;
      case CypherParser::STARTS:
        add("STARTS WITH");
        continue;
      case CypherParser::ENDS:
        add("ENDS WITH");
        continue;
      case CypherParser::AND:
      case CypherParser::OR:
      case CypherParser::XOR:
      case CypherParser::IN:
      case CypherParser::CONTAINS:
      case CypherParser::IS:
        add("an operator");
        continue;
      default:
        break;
    }
    if (std::find(std::begin(kClauseKeywords), std::end(kClauseKeywords), type) != std::end(kClauseKeywords)) {
      add("a clause");
      continue;
    }
    std::string name = vocabulary.getDisplayName(type);
    if (name == "'+'" || name == "'-'" || name == "'*'" || name == "'/'" || name == "'%'" || name == "'^'" ||
        name == "'='" || name == "'<>'" || name == "'<'" || name == "'<='" || name == "'>'" || name == "'>='" ||
        name == "'=~'" || name == "'.'" || name == "'['") {
      add("an operator");
      continue;
    }
    if (!name.empty() && name.back() == '_') name.pop_back();  // SKIP_, NULL_
    add(name);
  }
  if (end) add("the end of the query");
  if (items.size() > 8) {
    items.resize(7);
    items.push_back("...");
  }
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size()) ? " or " : ", ";
    out += items[i];
  }
  return out;
}

bool ExpectsExpression(const antlr4::misc::IntervalSet& expected) {
  return expected.contains(static_cast<size_t>(CypherParser::StringLiteral)) &&
         expected.contains(static_cast<size_t>(CypherParser::DecimalInteger)) &&
         expected.contains(static_cast<size_t>(CypherParser::Identifier));
}

// At the start of a pattern (after MATCH, CREATE, MERGE or a comma).
bool ExpectsPattern(antlr4::ParserRuleContext* ctx, const antlr4::misc::IntervalSet& expected,
                    const antlr4::dfa::Vocabulary& vocabulary) {
  if (ctx == nullptr) return false;
  switch (ctx->getRuleIndex()) {
    case CypherParser::RuleMatchClause:
    case CypherParser::RuleCreateClause:
    case CypherParser::RuleMergeClause:
    case CypherParser::RulePattern:
    case CypherParser::RulePatternPart:
      break;
    default:
      return false;
  }
  for (size_t type : expected.toList()) {
    if (vocabulary.getDisplayName(type) == "'('") return true;
  }
  return false;
}

std::string UnknownClause(const antlr4::Token* token) {
  std::string message = "unknown clause " + Quote(token);
  const std::string best = NearestName(token->getText(), kClauseNames);
  if (!best.empty()) message += " (did you mean " + best + "?)";
  return message;
}

}  // namespace

void SyntaxErrorListener::syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line,
                                      size_t column, const std::string& antlr_message, std::exception_ptr error) {
  if (has_error()) return;
  Position pos{static_cast<int>(line), static_cast<int>(column) + 1};
  auto* parser = dynamic_cast<antlr4::Parser*>(recognizer);
  if (parser == nullptr || offending == nullptr) {  // the lexer never fails; keep ANTLR's words if it does
    status_ = Status::Syntax(antlr_message, pos);
    return;
  }
  switch (offending->getType()) {
    case CypherLexer::UnterminatedString:
      status_ = Status::Syntax("unterminated string literal", pos);
      return;
    case CypherLexer::UnterminatedIdentifier:
      status_ = Status::Syntax("unterminated quoted name: missing closing '`'", pos);
      return;
    case CypherLexer::UnterminatedComment:
      status_ = Status::Syntax("unterminated comment: missing '*/'", pos);
      return;
    case CypherLexer::ErrorChar:
      status_ = Status::Syntax("unexpected character " + Quote(offending), pos);
      return;
    default:
      break;
  }

  const bool at_end = offending->getType() == antlr4::Token::EOF;
  const std::string found = at_end ? "" : " but found " + Quote(offending);
  auto expected_message = [&](const std::string& what) {
    return at_end ? "unexpected end of query: expected " + what : "expected " + what + found;
  };

  // A failed prediction may have looked past its first token: the expected
  // set then belongs to an earlier token, so only say what was unexpected.
  if (error) {
    try {
      std::rethrow_exception(error);
    } catch (const antlr4::NoViableAltException& e) {
      antlr4::Token* start = e.getStartToken();
      if (start != nullptr && start != offending && !at_end) {
        status_ = Status::Syntax("unexpected " + Quote(offending) + " after " + TextBefore(start, offending), pos);
        return;
      }
    } catch (...) {
    }
  }

  antlr4::misc::IntervalSet expected;
  try {
    expected = parser->getExpectedTokens();
  } catch (...) {
    status_ = Status::Syntax(at_end ? "unexpected end of query" : "unexpected " + Quote(offending), pos);
    return;
  }
  const auto& vocabulary = parser->getVocabulary();

  std::string closer;
  std::string construct = ConstructClosedBy(parser->getContext(), expected, vocabulary, &closer);
  if (!construct.empty() && !ExpectsExpression(expected) && !ExpectsName(expected)) {
    status_ = Status::Syntax(expected_message(closer + " to close " + construct), pos);
    return;
  }
  // A word where a clause may start, followed by more query, is most
  // likely a misspelt clause keyword.
  if (IsWordToken(offending->getType()) && (expected.contains(static_cast<size_t>(CypherParser::MATCH)) ||
                                            expected.contains(static_cast<size_t>(antlr4::Token::EOF)))) {
    auto* tokens = parser->getTokenStream();
    size_t index = offending->getTokenIndex();
    size_t next = index + 1 < tokens->size() ? tokens->get(index + 1)->getType() : antlr4::Token::EOF;
    bool more = next != antlr4::Token::EOF && vocabulary.getDisplayName(next) != "';'";
    if (offending->getTokenIndex() == 0 || more) {
      status_ = Status::Syntax(UnknownClause(offending), pos);
      return;
    }
  }
  if (ExpectsPattern(parser->getContext(), expected, vocabulary)) {
    status_ = Status::Syntax(expected_message("a pattern"), pos);
    return;
  }
  if (ExpectsExpression(expected)) {
    status_ = Status::Syntax(expected_message("an expression"), pos);
    return;
  }
  std::string what = DescribeExpected(expected, vocabulary);
  if (what.empty()) {
    status_ = Status::Syntax(at_end ? "unexpected end of query" : "unexpected " + Quote(offending), pos);
    return;
  }
  status_ = Status::Syntax(expected_message(what), pos);
}

}  // namespace kg::parser
