// Scope: the variables visible at one point of a query, each with the row
// slot it lives in and what the binder knows of its value. The planner
// keeps the scope as it walks the clauses; the binder reads it to turn
// names into slots.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "common/value.h"

namespace kg::binder {

enum class VarKind { kNode, kRel, kRelList, kPath, kValue };

// "a node", "a relationship", ... for messages.
const char* VarKindName(VarKind k);

struct Var {
  int slot;
  VarKind kind;
  // The value's kind when the binder knows it (`WITH 1 AS x`): lets
  // type errors be reported before anything runs.
  std::optional<Value::Kind> static_kind = std::nullopt;
};

// Variables by name (ordered: RETURN * lists them alphabetically). Names
// starting with a space are the planner's own (anonymous pattern elements).
struct Scope {
  std::map<std::string, Var> vars;
  const Var* Find(const std::string& name) const {
    auto it = vars.find(name);
    return it == vars.end() ? nullptr : &it->second;
  }
};

}  // namespace kg::binder
