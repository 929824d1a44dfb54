// Internal to the scalar function table (functions.cpp): each family of
// functions lives in its own file and adds its entries here.
#pragma once

#include <string>
#include <vector>

#include "common/value.h"
#include "exec/eval_context.h"
#include "exec/functions.h"

namespace kg::functions {

using ScalarFn = Value (*)(std::vector<Value>& args, EvalContext& ctx);

struct FunctionEntry {
  FunctionInfo info;
  ScalarFn fn;
};

using Registry = std::vector<FunctionEntry>;

void RegisterGraphFunctions(Registry* r);               // graph_functions.cpp
void RegisterListFunctions(Registry* r);                // list_functions.cpp
void RegisterStringFunctions(Registry* r);              // string_functions.cpp
void RegisterMathFunctions(Registry* r);                // math_functions.cpp
void RegisterConversionFunctions(Registry* r);          // conversion_functions.cpp
void RegisterTemporalConstructFunctions(Registry* r);   // temporal_construct.cpp
void RegisterTemporalArithmeticFunctions(Registry* r);  // temporal_arithmetic_functions.cpp
void RegisterValidityFunctions(Registry* r);            // validity_functions.cpp
void RegisterSearchFunctions(Registry* r);              // search_functions.cpp
void RegisterEvidenceFunctions(Registry* r);            // evidence_functions.cpp

// "toUpper() expects a STRING, got INTEGER" as a runtime error.
[[noreturn]] void ThrowArgument(const char* function, const char* expected, const Value& got);
// An integer argument, or a runtime error naming the function.
int64_t IntArgument(const char* function, const Value& v);

}  // namespace kg::functions
