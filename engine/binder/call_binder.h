// Binding CALL: the procedure is resolved in the registry, its arguments
// are checked against the signature (number, passing mode, the types the
// binder can tell) and bound, and each yielded column is given its
// variable and row slot (added to the scope), then WHERE is bound. A
// standalone call (the whole query is the CALL) may leave out YIELD and
// the parentheses; a call inside a query must YIELD what it uses.
//
// Errors are thrown as QueryError (kSemantic, at the clause or the item).
#pragma once

#include <string>
#include <vector>

#include "binder/expression_binder.h"
#include "binder/scope.h"
#include "exec/bound_expression.h"
#include "exec/procedure.h"
#include "parser/ast.h"

namespace kg {
class ProcedureRegistry;
}

namespace kg::binder {

struct BoundCall {
  const Procedure* procedure = nullptr;  // owned by the registry
  // One per declared argument: the written one, or nullptr for the default
  // (or, with arguments_from_parameters, the parameter of its name).
  std::vector<bound::ExprPtr> args;
  // A standalone `CALL name` without parentheses.
  bool arguments_from_parameters = false;
  struct Output {
    size_t column;  // index into the procedure's columns
    std::string column_name;
    std::string variable;
    int slot;
  };
  std::vector<Output> outputs;
  bound::ExprPtr where;  // nullptr when absent
};

// `procedures` may be nullptr (no procedure is known).
BoundCall BindCall(ExpressionBinder& binder, ExpressionBinder::Host& host, const ProcedureRegistry* procedures,
                   const ast::Clause& clause, Scope& scope, bool standalone);

}  // namespace kg::binder
