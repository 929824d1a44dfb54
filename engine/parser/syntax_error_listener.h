// SyntaxErrorListener: turns the first ANTLR syntax error into a kSyntax
// Status a person understands.
//
// Attached to the CypherParser for the second (full LL) parse. It keeps only
// the first error: later ones are usually consequences of ANTLR's recovery.
// The message names what was expected in the user's words ("expected ')' to
// close the node pattern but found 'RETURN'", "unexpected end of query:
// expected an expression", "unknown clause 'MATHC'"), and the position is
// the 1-based line and column of the offending token. Tokens the lexer made
// for broken input (an unterminated string, name or comment, a stray
// character) get a message of their own.
#pragma once

#include <exception>
#include <string>

#include "BaseErrorListener.h"
#include "common/status.h"

namespace kg::parser {

class SyntaxErrorListener : public antlr4::BaseErrorListener {
 public:
  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line, size_t column,
                   const std::string& antlr_message, std::exception_ptr error) override;

  bool has_error() const { return !status_.ok(); }
  // The first error; Ok if there was none.
  const Status& status() const { return status_; }

 private:
  Status status_;
};

}  // namespace kg::parser
