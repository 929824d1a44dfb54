// The lock every use of the generated ANTLR lexer and parser takes.
//
// ANTLR's C++ runtime shares its prediction caches (DFA) between lexers and
// parsers of one grammar; the 4.9 runtime does not guard all of them, so
// uses take turns.
#pragma once

#include <mutex>

namespace kg::parser {

std::mutex& GrammarMutex();

}  // namespace kg::parser
