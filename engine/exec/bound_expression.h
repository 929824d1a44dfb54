// Bound expressions: the form in which exec evaluates expressions.
//
// The binder (binder/expression_binder.h) makes them from the parser's AST
// and the plan owns them; operators hold pointers into them. Unlike the AST
// a bound expression is complete: every variable is a row slot, every
// scalar function is resolved to its entry in the function table (with its
// signature), every aggregate names the slot its result is in, and each
// node carries the kind its value is sure to have when that is known
// before running. Nothing after the binder reads the AST.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/operators.h"
#include "common/status.h"
#include "common/value.h"

namespace kg {

struct FunctionInfo;

namespace bound {

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

enum class ExprKind {
  kLiteral,               // value
  kParameter,             // name: $name, read from the run's parameters
  kVariable,              // row[slot]; name for messages
  kProperty,              // args[0].name
  kList,                  // [args...]
  kMap,                   // {keys[i]: args[i]}
  kUnary,                 // op args[0]: kNot, kNegate, kPlus
  kBinary,                // args[0] op args[1]
  kIsNull,                // args[0] IS NULL
  kIsNotNull,             // args[0] IS NOT NULL
  kFunction,              // a scalar function (function_id, function), or an aggregate (see Expr::aggregate)
  kCountStar,             // count(*), an aggregate
  kCase,                  // see Expr::case_*
  kIndex,                 // args[0][args[1]]
  kSlice,                 // args[0][args[1]..args[2]]; a missing bound is nullptr
  kLabelCheck,            // args[0]:Label1:Label2 (labels)
  kListComprehension,     // [x IN args[0] WHERE args[1] | args[2]], x in row[slot]; args[1], args[2] may be nullptr
  kQuantifier,            // all/any/none/single(x IN args[0] WHERE args[1]), x in row[slot]
  kReduce,                // reduce(acc = args[0], x IN args[1] | args[2]): acc in row[slot2], x in row[slot]
  kPatternPredicate,      // a pattern used as a boolean: the plan's nested plan for this node
  kPatternComprehension,  // [pattern WHERE args[0] | args[1]]: the nested plan for this node; args[0] may be nullptr
  kMapProjection,         // args[0]{...}: see Expr::map_items
  kExistsSubquery,        // EXISTS { ... }: whether the plan's nested subquery plan for this node gives a row
  kCountSubquery,         // COUNT { ... }: how many rows it gives
};

using kg::Op;
using kg::Quantifier;

// One entry of a map projection n{.a, b: expr, .*, v}.
struct MapProjectionItem {
  enum class Kind { kProperty, kLiteral, kAllProperties } kind;
  std::string key;  // property name or key
  ExprPtr value;    // kLiteral (a variable item `v` is the literal item v: v)
};

struct Expr {
  ExprKind kind = ExprKind::kLiteral;
  Position pos;
  Op op = Op::kNone;
  Value value;                      // kLiteral
  std::string name;                 // variable, parameter, property key, function name as written
  std::vector<ExprPtr> args;        // operands, see ExprKind
  std::vector<std::string> keys;    // kMap keys (parallel to args)
  std::vector<std::string> labels;  // kLabelCheck
  // An aggregate call (kCountStar, or kFunction naming an aggregate). In an
  // Aggregate operator's list it is the call itself (arguments bound);
  // anywhere else it stands for its result, row[slot], which the Aggregate
  // operator below put there.
  bool aggregate = false;
  bool distinct = false;  // aggregates
  Quantifier quantifier = Quantifier::kAll;
  ExprPtr case_subject;  // kCase: may be nullptr (generic form); whens[i] -> thens[i]; case_else may be nullptr
  std::vector<ExprPtr> whens;
  std::vector<ExprPtr> thens;
  ExprPtr case_else;
  std::vector<MapProjectionItem> map_items;  // kMapProjection
  std::string text;                          // as written (plans, column names, messages)

  int slot = -1;   // kVariable; the element of comprehensions, quantifiers, reduce; an aggregate's result
  int slot2 = -1;  // kReduce: the accumulator
  // kFunction, a scalar function: its index in the function table and its
  // entry (name, number of arguments); -1 and nullptr for an aggregate.
  int function_id = -1;
  const FunctionInfo* function = nullptr;
  // The kind the value is sure to have (null aside), when the binder can tell.
  std::optional<Value::Kind> static_kind;
};

}  // namespace bound
}  // namespace kg
