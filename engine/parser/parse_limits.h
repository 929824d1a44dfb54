// The limits the parser puts on query text, so that hostile or generated
// text is refused at once, with a position, instead of exhausting the
// stack or taking minutes (docs/query-language.md, "Limits").
#pragma once

#include <cstddef>

namespace kg {

// One statement's text, in bytes. Long lists and maps belong in parameters.
constexpr size_t kMaxStatementBytes = size_t{1} << 20;

// Brackets ( [ { inside one another.
constexpr int kMaxBracketNesting = 100;

// The stack the grammar's rules may use while parsing one text: nesting
// that brackets do not show (NOT NOT ..., - - 1, CASE inside CASE) stops
// here. Far above what 100 levels of brackets need (some 300 KiB, a few
// times more in a sanitizer build), well within the 8 MiB of a main thread.
constexpr size_t kMaxParserStackBytes = size_t{4} << 20;

// How deep the expression tree of a statement may become: a chain
// a + b + c + ... is as deep as it has operators (it is evaluated as
// ((a + b) + c) + ...), and so are n.a.b.c... and x[0][0]... The binder,
// the planner and the evaluator walk the tree recursively.
constexpr int kMaxExpressionDepth = 1000;

}  // namespace kg
