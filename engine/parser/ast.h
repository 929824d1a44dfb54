// The abstract syntax tree of an openCypher-compatible query.
//
// The parser (parser.h) builds it from the ANTLR parse tree; nothing after
// the parser sees ANTLR types. Every node carries the position where its text
// begins, so later stages report errors at the right place. Nothing after
// the parser changes it: the binder (binder/) makes bound expressions from
// it, and the planner reads it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/operators.h"
#include "common/status.h"
#include "common/value.h"

namespace kg::ast {

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;
struct PatternPart;
struct Query;

enum class ExprKind {
  kLiteral,               // value: null, boolean, integer, float, string
  kParameter,             // name: $name (or $0)
  kVariable,              // name
  kProperty,              // args[0].name
  kList,                  // [args...]
  kMap,                   // {keys[i]: args[i]}
  kUnary,                 // op args[0]: kNot, kNegate, kPlus
  kBinary,                // args[0] op args[1]
  kIsNull,                // args[0] IS NULL
  kIsNotNull,             // args[0] IS NOT NULL
  kFunction,              // name(args...), `distinct` for aggregates; name as written (namespaced: "a.b")
  kCountStar,             // count(*)
  kCase,                  // CASE [args[0] when subject] WHEN..THEN.. ELSE: see Expr::case_*
  kIndex,                 // args[0][args[1]]
  kSlice,                 // args[0][args[1]..args[2]]; a missing bound is nullptr
  kLabelCheck,            // args[0]:Label1:Label2 (labels)
  kListComprehension,     // [name IN args[0] WHERE args[1] | args[2]]; args[1], args[2] may be nullptr
  kQuantifier,            // all/any/none/single(name IN args[0] WHERE args[1]): quantifier
  kReduce,                // reduce(name = args[0], keys[0] IN args[1] | args[2])
  kPatternPredicate,      // a pattern used as a boolean: pattern
  kPatternComprehension,  // [path_var = pattern WHERE args[0] | args[1]]: pattern; args[0] may be nullptr
  kMapProjection,         // args[0]{...}: see Expr::map_items
  kExistsSubquery,        // EXISTS { ... }: whether `subquery` gives a row
  kCountSubquery,         // COUNT { ... }: how many rows `subquery` gives
};

using kg::Op;
using kg::Quantifier;

// One entry of a map projection n{.a, b: expr, .*, v}
struct MapProjectionItem {
  enum class Kind { kProperty, kLiteral, kVariable, kAllProperties } kind;
  std::string key;  // property name, literal key, or variable name
  ExprPtr value;    // kLiteral only
};

struct Expr {
  ExprKind kind;
  Position pos;
  Op op = Op::kNone;
  Value value;                      // kLiteral
  std::string name;                 // variable, parameter, property key, function name, bound variable
  std::vector<ExprPtr> args;        // operands, see ExprKind
  std::vector<std::string> keys;    // kMap keys (parallel to args); kReduce: keys[0] is the iteration variable
  std::vector<std::string> labels;  // kLabelCheck
  bool distinct = false;            // kFunction (aggregates)
  Quantifier quantifier = Quantifier::kAll;
  // kCase: case_subject may be nullptr (generic form); whens[i] -> thens[i]; case_else may be nullptr.
  ExprPtr case_subject;
  std::vector<ExprPtr> whens;
  std::vector<ExprPtr> thens;
  ExprPtr case_else;
  std::vector<MapProjectionItem> map_items;  // kMapProjection
  std::shared_ptr<PatternPart> pattern;      // kPatternPredicate, kPatternComprehension
  // kExistsSubquery, kCountSubquery: the query inside the braces; the short
  // form `{ (a)-->(b) WHERE ... }` is kept as the query `MATCH (a)-->(b) WHERE ...`.
  std::shared_ptr<const Query> subquery;
  std::string text;  // the expression as written (column names)
};

// ---- Patterns ----

enum class RelDirection { kRight, kLeft, kBoth };  // ->, <-, - (or <-> )

struct NodePattern {
  Position pos;
  std::string variable;             // empty: anonymous
  std::vector<std::string> labels;  // all must hold
  ExprPtr properties;               // a kMap or kParameter, or nullptr
};

struct RelPattern {
  Position pos;
  std::string variable;
  std::vector<std::string> types;  // any of them; empty: any type
  RelDirection direction = RelDirection::kBoth;
  bool variable_length = false;     // *
  std::optional<int64_t> min_hops;  // *2.. ; absent: 1
  std::optional<int64_t> max_hops;  // *..5 ; absent: unbounded (the depth cap applies)
  ExprPtr properties;
};

struct PatternPart {
  enum class Kind { kPlain, kShortest, kAllShortest };
  Position pos;
  std::string path_variable;  // p = ...; empty if none
  Kind kind = Kind::kPlain;
  std::vector<NodePattern> nodes;  // nodes.size() == rels.size() + 1
  std::vector<RelPattern> rels;    // rels[i] joins nodes[i] and nodes[i + 1]
};

// ---- Clauses ----

struct ProjectionItem {
  ExprPtr expr;
  std::string alias;  // the column name: the alias, or the expression's text
  bool has_alias = false;
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
};

// The body shared by WITH and RETURN.
struct Projection {
  bool distinct = false;
  bool star = false;  // RETURN * / WITH * (items may follow)
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip;   // nullptr when absent
  ExprPtr limit;  // nullptr when absent
  ExprPtr where;  // WITH ... WHERE; nullptr when absent (always for RETURN)
};

struct SetItem {
  enum class Kind {
    kProperty,  // target (a kProperty expression) = value
    kReplace,   // variable = value   (map, node or relationship)
    kMerge,     // variable += value
    kLabels,    // variable:Label...
  } kind;
  Position pos;
  ExprPtr target;  // kProperty
  std::string variable;
  ExprPtr value;
  std::vector<std::string> labels;
};

struct RemoveItem {
  enum class Kind { kProperty, kLabels } kind;
  Position pos;
  ExprPtr target;  // kProperty: a kProperty expression
  std::string variable;
  std::vector<std::string> labels;
};

// One column taken from a procedure: YIELD name [AS variable].
struct YieldItem {
  Position pos;
  std::string column;
  std::string variable;  // the column's name when there is no AS
};

enum class ClauseKind { kMatch, kUnwind, kWith, kReturn, kCreate, kMerge, kSet, kRemove, kDelete, kCall };

struct Clause {
  ClauseKind kind;
  Position pos;
  // kMatch
  bool optional = false;
  std::vector<PatternPart> pattern;  // kMatch, kCreate; kMerge: exactly one part
  ExprPtr where;                     // kMatch
  // kUnwind
  ExprPtr expr;
  std::string variable;
  // kWith, kReturn
  Projection projection;
  // kMerge
  std::vector<SetItem> on_create;
  std::vector<SetItem> on_match;
  // kSet
  std::vector<SetItem> set_items;
  // kRemove
  std::vector<RemoveItem> remove_items;
  // kDelete
  bool detach = false;
  std::vector<ExprPtr> delete_exprs;
  // kCall: CALL procedure(call_args) YIELD yield_items WHERE where. Without
  // parentheses (`CALL db.labels`) the arguments are implicit: a standalone
  // call takes them from the parameters of the same names.
  std::string procedure;
  bool call_args_given = false;  // parentheses were written
  std::vector<ExprPtr> call_args;
  bool yield_given = false;  // YIELD was written
  bool yield_star = false;   // YIELD *
  std::vector<YieldItem> yield_items;
};

// The clause's keyword ("MATCH", "CREATE", ...).
const char* ClauseName(ClauseKind kind);
// CREATE, MERGE, SET, REMOVE and DELETE change the graph.
bool IsWriteClause(ClauseKind kind);

struct SingleQuery {
  std::vector<Clause> clauses;
};

// parts[0] UNION [ALL] parts[1] ...; union_all[i] joins parts[i] and parts[i + 1].
struct Query {
  std::vector<SingleQuery> parts;
  std::vector<bool> union_all;
};

struct Statement {
  enum class Kind {
    kQuery,
    kExplain,              // EXPLAIN query: the plan, not run
    kProfile,              // PROFILE query: run, with rows and time per operator
    kCreateIndex,          // CREATE INDEX [name] FOR (n:Label) ON (n.key) / CREATE INDEX ON :Label(key)
    kDropIndex,            // DROP INDEX ON :Label(key)
    kCreateFullTextIndex,  // CREATE FULLTEXT INDEX name [IF NOT EXISTS] FOR (n[:A|B]) ON EACH [n.p, ...]
    kDropNamedIndex,       // DROP INDEX name [IF EXISTS]
  } kind = Kind::kQuery;
  Position pos;
  std::string text;  // the statement's own text
  Query query;
  std::string index_label;  // kCreateIndex, kDropIndex
  std::string index_property;
  // kCreateFullTextIndex, kDropNamedIndex
  std::string index_name;
  Position index_name_pos;
  bool if_exists = false;                     // IF NOT EXISTS on create, IF EXISTS on drop
  std::vector<std::string> index_labels;      // kCreateFullTextIndex: empty for every node
  std::vector<std::string> index_properties;  // kCreateFullTextIndex
};

}  // namespace kg::ast
