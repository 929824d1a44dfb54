// Planner: from a query's AST to a tree of physical operators.
//
// It walks the clauses in order, keeping the scope (which variables exist
// and in which row slot each lives), and has the binder (binder/) bind each
// clause's patterns, projections, calls and expressions against it: the
// binder gives variables their slots, resolves functions and procedures and
// checks what the query means (unknown variables, aggregates where they
// are not allowed, column names, what CREATE and MERGE accept). The planner
// stacks operators over the bound expressions, which the plan owns; it
// reads the AST and never changes it.
//
// Choosing where a pattern starts is the decision that matters most for
// speed. For each connected pattern part the planner starts from a node
// already bound by an earlier clause if there is one; otherwise from the
// cheapest of: a node whose `key` property is given (one point read), a
// node with a label and an indexed property given by equality (an index
// seek), a node with a label (a label scan, the least frequent label), and
// only then a scan of every node. It expands from there along the pattern
// in both directions, checking labels as nodes are reached and applying
// each WHERE conjunct as soon as its variables are bound. EXPLAIN shows the
// choice.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "exec/bound_expression.h"
#include "exec/operator.h"
#include "parser/ast.h"
#include "storage/catalog.h"

namespace kg {

// The nested plan of an EXISTS { } or COUNT { } subquery: one operator
// tree per part of its UNION (one without UNION), each on an Argument leaf
// that passes the outer row in.
struct SubqueryPlan {
  std::vector<OperatorPtr> parts;
  std::vector<std::vector<int>> column_slots;  // per part: where its RETURN's columns are
  bool distinct = false;                       // UNION (not UNION ALL): equal rows count once
};

// A planned query, ready to run.
struct Plan {
  OperatorPtr root;
  std::vector<std::string> columns;
  std::vector<int> column_slots;  // where each column's value is in the root's rows
  size_t width = 0;               // row width the root needs
  bool writes = false;
  bool has_result = false;  // ends with RETURN (or UNION of RETURNs)
  // Nested plans of pattern predicates and comprehensions, by the bound
  // expression that stands for the pattern.
  std::unordered_map<const bound::Expr*, OperatorPtr> pattern_plans;
  // Nested plans of EXISTS { } and COUNT { }, by their bound expression.
  std::unordered_map<const bound::Expr*, SubqueryPlan> subquery_plans;
  // The bound expressions the operators evaluate. A plan points into
  // nothing else: the AST it was planned from may go.
  std::vector<bound::ExprPtr> expressions;
};

class ProcedureRegistry;

// Throws QueryError (kSemantic with a position) for a query that cannot
// be planned. CALL finds its procedures in `procedures` (none if nullptr).
Plan PlanQuery(const ast::Query& query, const Catalog& catalog, const ProcedureRegistry* procedures);

// The plan as text, one operator per line, indented by depth; with
// `profile`, each line also gives rows and time.
std::string DescribePlan(const Operator& root, bool profile);

}  // namespace kg
