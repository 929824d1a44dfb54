// Search functions: kg.fold, the search key that forgives case and diacritics
// (common/text_fold.h), so that a query can write
//   WHERE kg.fold(n.name) CONTAINS kg.fold($q)
#include <string>

#include "common/text_fold.h"
#include "exec/function_registry.h"

namespace kg::functions {

namespace {

Value Fold(std::vector<Value>& a, EvalContext&) {
  if (a[0].is_null()) return Value();
  if (!a[0].is_string()) ThrowArgument("kg.fold", "a STRING", a[0]);
  return Value(FoldText(a[0].as_string()));
}

}  // namespace

void RegisterSearchFunctions(Registry* r) { r->push_back({{"kg.fold", 1, 1}, Fold}); }

}  // namespace kg::functions
