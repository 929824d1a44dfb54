// Binding WITH and RETURN: the projection's items with their column names
// and row slots, aggregation (the grouping keys, each aggregate call and the
// slot of its result, the expressions computed around them), DISTINCT,
// ORDER BY, SKIP, LIMIT and WITH's WHERE, each in the scope openCypher
// gives it (ORDER BY and WHERE see the columns and, unless the projection
// grouped or removed duplicates, the variables from before it). On return
// `scope` holds the projection's columns only.
//
// The checks made here: column names used once, WITH's expressions
// aliased, aggregating items using only grouping keys, aggregates neither
// nested nor in ORDER BY unless projected, SKIP and LIMIT constant.
// Errors are thrown as QueryError (kSemantic, at the item).
#pragma once

#include <string>
#include <vector>

#include "binder/expression_binder.h"
#include "binder/scope.h"
#include "exec/bound_expression.h"
#include "parser/ast.h"

namespace kg::binder {

struct BoundProjection {
  struct Item {
    std::string name;  // the column
    std::string text;  // the expression as written
    int slot;
    // Uses an aggregate: computed on the grouped rows. Without aggregates
    // every item is computed per row; with them, the other items are the
    // grouping keys.
    bool aggregating;
    bound::ExprPtr value;
  };
  struct Aggregate {
    bound::ExprPtr call;  // kFunction (an aggregate) or kCountStar, arguments bound
    int slot;             // where its result is, per group
  };
  struct SortKey {
    bound::ExprPtr expr;
    bool descending;
    std::string text;
  };
  std::vector<Item> items;
  std::vector<Aggregate> aggregates;  // empty: the projection does not group
  bool distinct = false;
  std::vector<SortKey> order_by;
  bound::ExprPtr skip, limit, where;  // nullptr when absent
  std::string where_text;
};

// `outer`: in a subquery, the scope around it, whose variables ORDER BY and
// WITH's WHERE see even after grouping or DISTINCT; nullptr otherwise.
BoundProjection BindProjection(ExpressionBinder& binder, ExpressionBinder::Host& host, const ast::Clause& clause,
                               Scope& scope, bool is_return, const Scope* outer = nullptr);

}  // namespace kg::binder
