#include "parser/parser.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <mutex>
#include <string>

#include "ANTLRInputStream.h"
#include "BailErrorStrategy.h"
#include "CommonTokenStream.h"
#include "CypherLexer.h"
#include "CypherParser.h"
#include "DefaultErrorStrategy.h"
#include "Exceptions.h"
#include "atn/ParserATNSimulator.h"
#include "atn/PredictionMode.h"
#include "common/utf8.h"
#include "parser/ast_builder.h"
#include "parser/grammar_lock.h"
#include "parser/parse_limits.h"
#include "parser/statement_splitter.h"
#include "parser/syntax_error_listener.h"

namespace kg {
namespace {

using kg_grammar::CypherLexer;
using kg_grammar::CypherParser;

// ANTLR's parser recurses about fifteen rules deep for every bracket
// level; a deeper query would exhaust the stack instead of failing.
constexpr int kMaxNesting = kMaxBracketNesting;

// Brackets are not the only way to nest: NOT NOT NOT ..., - - - 1 and CASE
// inside CASE recurse in the grammar too. Rather than count every such
// construct, the parser measures the stack its rules use (as PostgreSQL's
// check_stack_depth does) and stops at kMaxParserStackBytes.
struct TooDeep {
  Position pos;
};

class DepthCheckedParser : public CypherParser {
 public:
  explicit DepthCheckedParser(antlr4::TokenStream* tokens)
      : CypherParser(tokens), base_(reinterpret_cast<uintptr_t>(__builtin_frame_address(0))) {}

  void enterRule(antlr4::ParserRuleContext* ctx, size_t state, size_t rule) override {
    Check();
    CypherParser::enterRule(ctx, state, rule);
  }
  void enterRecursionRule(antlr4::ParserRuleContext* ctx, size_t rule) override {
    Check();
    CypherParser::enterRecursionRule(ctx, rule);
  }
  void enterRecursionRule(antlr4::ParserRuleContext* ctx, size_t state, size_t rule, int precedence) override {
    Check();
    CypherParser::enterRecursionRule(ctx, state, rule, precedence);
  }
  // The parse starts from here: the stack used is measured from this frame.
  void SetBase() { base_ = reinterpret_cast<uintptr_t>(__builtin_frame_address(0)); }

 private:
  void Check() {
    const uintptr_t here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    if (base_ > here && base_ - here > kMaxParserStackBytes) {
      antlr4::Token* token = getCurrentToken();
      throw TooDeep{Position{static_cast<int>(token->getLine()), static_cast<int>(token->getCharPositionInLine()) + 1}};
    }
  }
  uintptr_t base_;
};

// Where `text` starts once the blanks before its first word are skipped.
Position FirstWordOf(std::string_view text, Position at) {
  for (char c : text) {
    if (c == '\n') {
      ++at.line;
      at.column = 1;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      ++at.column;
    } else {
      break;
    }
  }
  return at;
}

Status TooLong(size_t bytes, Position at) {
  char size[32];
  std::snprintf(size, sizeof size, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
  return Status::Syntax(std::string("the statement is ") + size + " long; a statement may be at most " +
                            std::to_string(kMaxStatementBytes >> 20) + " MiB (pass long lists and maps as parameters)",
                        at);
}

// A statement longer than kMaxStatementBytes is refused before it is parsed:
// the parse tree and the AST of a megabyte of text take hundreds of
// megabytes and seconds to build. Only a text over the limit is cut into
// statements to find the long one.
Status CheckLength(std::string_view text) {
  if (text.size() <= kMaxStatementBytes) return Status::Ok();
  // Without a ';' anywhere the text is one statement (the shell passes
  // them so): no need to cut it, which takes a second for 2 MiB.
  if (text.find(';') == std::string_view::npos) return TooLong(text.size(), FirstWordOf(text, Position{1, 1}));
  for (const StatementText& piece : SplitStatements(text)) {
    if (piece.text.size() > kMaxStatementBytes) return TooLong(piece.text.size(), FirstWordOf(piece.text, piece.start));
  }
  return Status::Ok();
}

Position PosOf(const antlr4::Token* token) {
  return Position{static_cast<int>(token->getLine()), static_cast<int>(token->getCharPositionInLine()) + 1};
}

// The precedence class of a binary operator that makes a chain deeper by
// one level (a + b + c ...), lowest first, as far as the tokens alone tell;
// -1 for any other token. '-', '<' and '>' are left out: they also draw
// relationships in patterns.
constexpr int kChainClasses = 8;
int ChainClass(antlr4::Token* token, const std::string& text) {
  switch (token->getType()) {
    case CypherLexer::OR:
      return 0;
    case CypherLexer::XOR:
      return 1;
    case CypherLexer::AND:
      return 2;
    default:
      break;
  }
  if (text == "=" || text == "<>" || text == "<=" || text == ">=") return 3;
  if (text == "+") return 4;
  if (text == "*" || text == "/" || text == "%") return 5;
  if (text == "^") return 6;
  if (text == ".") return 7;
  return -1;
}

// Whether `token` is a clause word or another word that ends an expression
// (WHERE, RETURN, AS, THEN...), rather than a name (n.end, :Match).
bool EndsExpression(antlr4::Token* token, antlr4::Token* previous) {
  if (previous != nullptr && (previous->getText() == "." || previous->getText() == ":")) return false;
  switch (token->getType()) {
    case CypherLexer::AS:
    case CypherLexer::CALL:
    case CypherLexer::CASE:
    case CypherLexer::CREATE:
    case CypherLexer::DELETE:
    case CypherLexer::DETACH:
    case CypherLexer::ELSE:
    case CypherLexer::END:
    case CypherLexer::FOREACH:
    case CypherLexer::LIMIT:
    case CypherLexer::LOAD:
    case CypherLexer::MATCH:
    case CypherLexer::MERGE:
    case CypherLexer::ON:
    case CypherLexer::OPTIONAL:
    case CypherLexer::ORDER:
    case CypherLexer::REMOVE:
    case CypherLexer::RETURN:
    case CypherLexer::SET:
    case CypherLexer::SKIP_:
    case CypherLexer::THEN:
    case CypherLexer::UNION:
    case CypherLexer::UNWIND:
    case CypherLexer::WHEN:
    case CypherLexer::WHERE:
    case CypherLexer::WITH:
    case CypherLexer::YIELD:
      return true;
    default:
      return false;
  }
}

// Brackets beyond kMaxNesting, and chains of one operator longer than
// kMaxExpressionDepth, found from the tokens before ANTLR builds a parse
// tree of them (which for 100,000 operands takes a second). A chain is
// counted as the AST builder counts it: the operators of one precedence at
// one bracket level, until an operator of lower precedence, a ',' or a
// clause word; the builder measures whatever the tokens cannot tell.
Status CheckNesting(antlr4::CommonTokenStream& tokens) {
  struct Level {
    std::array<size_t, kChainClasses> chain{};  // operators of each class in the current chain
    std::array<antlr4::Token*, kChainClasses> chain_start{};
  };
  std::vector<Level> levels(1);
  // Ends the chains of classes `from` and above at this level.
  auto end_chains = [&](Level& level, int from) -> Status {
    for (int c = from; c < kChainClasses; ++c) {
      if (level.chain[c] > static_cast<size_t>(kMaxExpressionDepth)) {
        return Status::Syntax("the expression nests more than " + std::to_string(kMaxExpressionDepth) +
                                  " operations deep (here a chain of " + std::to_string(level.chain[c]) +
                                  " operators begins; pass long lists as parameters and use IN, any() or reduce())",
                              PosOf(level.chain_start[c]));
      }
      level.chain[c] = 0;
    }
    return Status::Ok();
  };
  antlr4::Token* previous = nullptr;
  for (antlr4::Token* token : tokens.getTokens()) {
    if (token->getType() == antlr4::Token::EOF) break;
    const std::string text = token->getText();
    const int chain_class = ChainClass(token, text);
    if (text == "(" || text == "[" || text == "{") {
      if (static_cast<int>(levels.size()) > kMaxNesting) {
        return Status::Syntax("the query nests brackets more than " + std::to_string(kMaxNesting) + " levels deep",
                              PosOf(token));
      }
      levels.emplace_back();
    } else if (text == ")" || text == "]" || text == "}") {
      if (levels.size() > 1) {
        KG_RETURN_IF_ERROR(end_chains(levels.back(), 0));
        levels.pop_back();
      }
    } else if (chain_class >= 0) {
      Level& level = levels.back();
      KG_RETURN_IF_ERROR(end_chains(level, chain_class + 1));
      if (level.chain[chain_class]++ == 0) level.chain_start[chain_class] = previous != nullptr ? previous : token;
    } else if (text == "," || text == ";" || EndsExpression(token, previous)) {
      KG_RETURN_IF_ERROR(end_chains(levels.back(), 0));
    }
    previous = token;
  }
  for (Level& level : levels) KG_RETURN_IF_ERROR(end_chains(level, 0));
  return Status::Ok();
}

// ANTLR decodes UTF-8 with an exception on a bad byte; find it first to
// say where it is.
Status CheckUtf8(std::string_view text) {
  Position pos{1, 1};
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    const size_t length = utf8::SequenceLength(c);
    bool valid = length > 0 && i + length <= text.size();
    for (size_t k = 1; valid && k < length; ++k) valid = utf8::IsContinuation(text[i + k]);
    if (!valid) return Status::Syntax("the query is not valid UTF-8", pos);
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
    } else {
      ++pos.column;
    }
    i += length;
  }
  return Status::Ok();
}

Status TooDeepError(Position pos) {
  return Status::Syntax(
      "the query nests too deeply here (NOT, signs, CASE or brackets inside one another, beyond what the parser "
      "can hold)",
      pos);
}

Result<std::vector<ast::Statement>> Parse(std::string_view text) {
  KG_RETURN_IF_ERROR(CheckUtf8(text));
  antlr4::ANTLRInputStream input(text.data(), text.size());
  CypherLexer lexer(&input);
  lexer.removeErrorListeners();  // the lexer has a token for every character; it never reports
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  KG_RETURN_IF_ERROR(CheckNesting(tokens));

  DepthCheckedParser parser(&tokens);
  parser.removeErrorListeners();
  parser.SetBase();

  // Stage 1: SLL prediction, stop at the first error. Nearly every valid
  // query parses here; only a failure pays for stage 2.
  CypherParser::ScriptContext* tree = nullptr;
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    tree = parser.script();
  } catch (const antlr4::ParseCancellationException&) {
    tree = nullptr;
  } catch (const TooDeep& e) {
    return TooDeepError(e.pos);
  }
  if (tree == nullptr) {
    // Stage 2: full LL, which also finds the real first error.
    tokens.seek(0);
    parser.reset();
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::LL);
    parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
    parser::SyntaxErrorListener listener;
    parser.addErrorListener(&listener);
    try {
      tree = parser.script();
    } catch (const TooDeep& e) {
      return TooDeepError(e.pos);
    }
    parser.removeErrorListeners();
    if (listener.has_error()) return listener.status();
  }

  parser::AstBuilder builder(&input);
  std::vector<ast::Statement> statements;
  for (auto* statement : tree->statement()) {
    KG_ASSIGN_OR_RETURN(ast::Statement built, builder.Build(statement));
    statements.push_back(std::move(built));
  }
  return statements;
}

}  // namespace

std::mutex& parser::GrammarMutex() {
  static std::mutex mutex;
  return mutex;
}

Result<std::vector<ast::Statement>> ParseStatements(std::string_view text) {
  KG_RETURN_IF_ERROR(CheckLength(text));  // before the lock: SplitStatements takes it
  std::lock_guard<std::mutex> lock(parser::GrammarMutex());
  try {
    return Parse(text);
  } catch (const std::exception& e) {
    // ANTLR's exceptions stop here.
    return Status::Syntax(std::string("the query could not be parsed: ") + e.what());
  }
}

}  // namespace kg
