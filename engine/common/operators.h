// The operators of the query language and the quantifiers of all(),
// any(), none() and single(): written by the parser (ast.h), evaluated by
// exec (bound_expression.h), one definition for both.
#pragma once

namespace kg {

enum class Op {
  kNone,
  // unary
  kNot,
  kNegate,
  kPlus,
  // binary
  kOr,
  kXor,
  kAnd,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,
  kPow,
  kIn,
  kStartsWith,
  kEndsWith,
  kContains,
  kRegexMatch,
};

// The operator as written in a query ("STARTS WITH", "<>").
const char* OpSymbol(Op op);

enum class Quantifier { kAll, kAny, kNone, kSingle };

}  // namespace kg
