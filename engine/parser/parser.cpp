#include "parser/parser.h"

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
#include "parser/ast_builder.h"
#include "parser/grammar_lock.h"
#include "parser/syntax_error_listener.h"

namespace kg {
namespace {

using kg_grammar::CypherLexer;
using kg_grammar::CypherParser;

// ANTLR's parser recurses about fifteen rules deep for every bracket
// level; a deeper query would exhaust the stack instead of failing.
constexpr int kMaxNesting = 100;

Status CheckNesting(antlr4::CommonTokenStream& tokens) {
  int depth = 0;
  for (antlr4::Token* token : tokens.getTokens()) {
    const std::string text = token->getType() == antlr4::Token::EOF ? "" : token->getText();
    if (text == "(" || text == "[" || text == "{") {
      if (++depth > kMaxNesting) {
        return Status::Syntax(
            "the query nests brackets more than " + std::to_string(kMaxNesting) + " levels deep",
            Position{static_cast<int>(token->getLine()), static_cast<int>(token->getCharPositionInLine()) + 1});
      }
    } else if (text == ")" || text == "]" || text == "}") {
      --depth;
    }
  }
  return Status::Ok();
}

// ANTLR decodes UTF-8 with an exception on a bad byte; find it first to
// say where it is.
Status CheckUtf8(std::string_view text) {
  Position pos{1, 1};
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool valid = length > 0 && i + length <= text.size();
    for (size_t k = 1; valid && k < length; ++k) valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
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

Result<std::vector<ast::Statement>> Parse(std::string_view text) {
  KG_RETURN_IF_ERROR(CheckUtf8(text));
  antlr4::ANTLRInputStream input(text.data(), text.size());
  CypherLexer lexer(&input);
  lexer.removeErrorListeners();  // the lexer has a token for every character; it never reports
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  KG_RETURN_IF_ERROR(CheckNesting(tokens));

  CypherParser parser(&tokens);
  parser.removeErrorListeners();

  // Stage 1: SLL prediction, stop at the first error. Nearly every valid
  // query parses here; only a failure pays for stage 2.
  CypherParser::ScriptContext* tree = nullptr;
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    tree = parser.script();
  } catch (const antlr4::ParseCancellationException&) {
    tree = nullptr;
  }
  if (tree == nullptr) {
    // Stage 2: full LL, which also finds the real first error.
    tokens.seek(0);
    parser.reset();
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::LL);
    parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
    parser::SyntaxErrorListener listener;
    parser.addErrorListener(&listener);
    tree = parser.script();
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
  std::lock_guard<std::mutex> lock(parser::GrammarMutex());
  try {
    return Parse(text);
  } catch (const std::exception& e) {
    // ANTLR's exceptions stop here.
    return Status::Syntax(std::string("the query could not be parsed: ") + e.what());
  }
}

}  // namespace kg
