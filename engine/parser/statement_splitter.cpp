#include "parser/statement_splitter.h"

#include <mutex>
#include <string>

#include "ANTLRInputStream.h"
#include "CommonTokenStream.h"
#include "CypherLexer.h"
#include "common/utf8.h"
#include "parser/grammar_lock.h"

namespace kg {
namespace {

// ANTLR counts positions in code points; scripts are sliced in bytes.
std::vector<size_t> CodePointOffsets(std::string_view text) {
  std::vector<size_t> offsets;
  offsets.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    if (!utf8::IsContinuation(text[i])) offsets.push_back(i);
  }
  offsets.push_back(text.size());
  return offsets;
}

}  // namespace

std::vector<StatementText> SplitStatements(std::string_view script, bool* open_at_end) {
  if (open_at_end != nullptr) *open_at_end = false;
  std::lock_guard<std::mutex> lock(parser::GrammarMutex());
  // Invalid UTF-8 would make ANTLR's decoder throw: such a script is one
  // statement, and the parser reports where the bad byte is.
  std::vector<StatementText> out;
  const std::vector<size_t> offsets = CodePointOffsets(script);
  std::vector<antlr4::Token*> tokens;
  antlr4::ANTLRInputStream input;
  std::unique_ptr<kg_grammar::CypherLexer> lexer;
  std::unique_ptr<antlr4::CommonTokenStream> stream;
  try {
    input.load(std::string(script));
    lexer = std::make_unique<kg_grammar::CypherLexer>(&input);
    lexer->removeErrorListeners();
    stream = std::make_unique<antlr4::CommonTokenStream>(lexer.get());
    stream->fill();
    tokens = stream->getTokens();
  } catch (const std::exception&) {
    StatementText whole;
    whole.text = script;
    whole.start = Position{1, 1};
    whole.blank = script.find_first_not_of(" \t\r\n") == std::string_view::npos;
    if (!whole.blank) out.push_back(whole);
    return out;
  }
  const antlr4::dfa::Vocabulary& vocabulary = lexer->getVocabulary();

  StatementText current;
  current.start = Position{1, 1};
  auto finish = [&](size_t end_byte, bool terminated) {
    current.text = script.substr(current.offset, end_byte - current.offset);
    current.terminated = terminated;
    if (terminated || !current.blank) out.push_back(current);
  };
  for (antlr4::Token* token : tokens) {
    if (token->getType() == antlr4::Token::EOF) break;
    const std::string name = vocabulary.getSymbolicName(token->getType());
    if (name.rfind("Unterminated", 0) == 0 && open_at_end != nullptr) *open_at_end = true;
    if (vocabulary.getDisplayName(token->getType()) == "';'") {
      finish(offsets[token->getStartIndex()], true);
      const size_t next = token->getStopIndex() + 1;
      current = StatementText{};
      current.offset = offsets[next];
      current.start =
          Position{static_cast<int>(token->getLine()), static_cast<int>(token->getCharPositionInLine()) + 2};
      continue;
    }
    current.blank = false;
  }
  finish(script.size(), false);
  return out;
}

}  // namespace kg
