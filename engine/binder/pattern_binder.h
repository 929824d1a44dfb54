// Binding a pattern's variables (MATCH, OPTIONAL MATCH, a pattern inside an
// expression; CREATE and MERGE by their own rules, below): each node,
// relationship and named path gets its row slot, from the scope when the
// name is bound already, a new one otherwise (added to the scope), with the
// checks that names are used consistently (a node variable is not a
// relationship, a relationship variable is used once per clause, a pattern
// in an expression introduces no new variable).
//
// Anonymous elements get a hidden name (HiddenName) written into `parts`:
// callers pass their own copy of the AST's pattern (planner/ plans copies),
// never the statement's. Errors are thrown as QueryError (kSemantic, at the
// element).
#pragma once

#include <string>
#include <vector>

#include "binder/expression_binder.h"
#include "binder/scope.h"
#include "parser/ast.h"

namespace kg::binder {

// The row slots of one pattern part's elements, in the part's order.
struct PatternSlots {
  std::vector<int> nodes;
  std::vector<int> rels;
  int path = -1;  // -1: the part has no path variable
};

// Name under which an anonymous element lives in the scope: a leading space
// keeps it out of reach of query text and out of RETURN *.
std::string HiddenName(int slot);
bool IsHidden(const std::string& name);

// `before` is the scope before the clause (what earlier clauses bound);
// `allow_new` is false for a pattern predicate; `clause` names the clause
// in messages.
std::vector<PatternSlots> BindPatternVariables(ExpressionBinder::Host& host, std::vector<ast::PatternPart>& parts,
                                               Scope& scope, const Scope& before, bool allow_new, const char* clause);

// A named path's slot (-1 when the part has no name); the name must be new.
int BindPathVariable(ExpressionBinder::Host& host, const ast::PatternPart& part, Scope& scope);

// What CREATE (and MERGE, when nothing matches) makes for one row, by the
// rules of creating: a node variable bound already is reused (and may not
// get labels or properties), every other node and every relationship is
// new (one type, no variable length; CREATE needs a direction), and the
// property maps are bound.
struct BoundCreatePattern {
  struct Node {
    int slot;
    bool bound;  // bound already: not created
    std::vector<std::string> labels;
    bound::ExprPtr properties;  // nullptr when none
  };
  struct Rel {
    int slot;
    std::string type;
    int start;  // index into nodes
    int end;
    bound::ExprPtr properties;
  };
  std::vector<Node> nodes;
  std::vector<Rel> rels;
  std::vector<PatternSlots> slots;  // per part
};

// `clause` is "CREATE" or "MERGE" (MERGE allows an undirected relationship).
BoundCreatePattern BindCreatePattern(ExpressionBinder& binder, ExpressionBinder::Host& host,
                                     std::vector<ast::PatternPart>& parts, Scope& scope, const char* clause,
                                     bool merge);

}  // namespace kg::binder
