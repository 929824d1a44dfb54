// The rules of EXISTS { } and COUNT { } subqueries that the clause-by-clause
// planning does not check by itself, and what a subquery reads.
//
// A subquery sees every variable of the scope around it (the outer scope)
// from its first clause to its last, so it may not declare a variable of
// the same name (WITH ... AS x, UNWIND ... AS x, RETURN ... AS x, YIELD x,
// p = ... with x or p outside): that would shadow the outer one. It only
// reads: CREATE, MERGE, SET, REMOVE and DELETE are refused. Errors are
// thrown as QueryError (kSemantic, at the clause or item).
#pragma once

#include <set>
#include <string>

#include "binder/scope.h"
#include "parser/ast.h"

namespace kg::binder {

// `what` names the subquery in messages ("EXISTS { ... }").
void CheckSubquery(const ast::Query& query, const Scope& outer, const std::string& what);

// Every name the subquery mentions (a superset of the outer variables it
// reads): where a predicate holding the subquery may be placed.
void CollectQueryVariables(const ast::Query& query, std::set<std::string>* out);

}  // namespace kg::binder
