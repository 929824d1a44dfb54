// Parser: query text to AST.
//
// Runs the ANTLR4 lexer and parser generated from grammar/Cypher.g4 and
// turns the parse tree into ast::Statement values. Syntax errors come back
// as a kSyntax Status with the line and column of the offending token and a
// message a person understands ("expected ')' ..."); constructs the grammar
// accepts but kg does not support yet come back as kSemantic "not supported
// yet: ...". ANTLR's types and exceptions never leave this folder.
#pragma once

#include <string_view>
#include <vector>

#include "common/status.h"
#include "parser/ast.h"

namespace kg {

// Parses one or more statements separated by ';' (a trailing ';' is fine;
// an empty text or one with only comments gives no statements).
Result<std::vector<ast::Statement>> ParseStatements(std::string_view text);

}  // namespace kg
