// What every function kg has does, for dbms.functions() (Neo4j's SHOW
// FUNCTIONS): its name as users write it, its signature and one line of
// description. One entry per scalar function (exec/functions.h) and per
// aggregate; tests/procedures/function_docs_test.cpp checks that the two
// lists agree.
//
// Signatures are written as Neo4j writes them, `name(arg :: TYPE) :: TYPE`:
// ANY where several types are accepted (the description names them), NUMBER
// for INTEGER or FLOAT, LIST<T> for lists. An optional argument with a
// default value is `arg :: TYPE = default`; an optional argument whose
// absence is not a value (substring's length: to the end) is in brackets,
// `[, arg :: TYPE]`; `...` repeats the argument before it.
#pragma once

#include <string_view>
#include <vector>

namespace kg {

struct FunctionDoc {
  std::string_view name;         // as users write it: "toUpper", "stDevP"
  std::string_view signature;    // "toUpper(input :: STRING) :: STRING"
  std::string_view description;  // one sentence, ending with a period
  bool aggregate;
};

// Every function, sorted by name case-insensitively.
const std::vector<FunctionDoc>& FunctionDocs();

// The function named `name` (in any case), or nullptr.
const FunctionDoc* FindFunctionDoc(std::string_view name);

}  // namespace kg
