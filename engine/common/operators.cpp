#include "common/operators.h"

namespace kg {

const char* OpSymbol(Op op) {
  switch (op) {
    case Op::kNone:
      return "";
    case Op::kNot:
      return "NOT";
    case Op::kNegate:
      return "-";
    case Op::kPlus:
      return "+";
    case Op::kOr:
      return "OR";
    case Op::kXor:
      return "XOR";
    case Op::kAnd:
      return "AND";
    case Op::kEq:
      return "=";
    case Op::kNe:
      return "<>";
    case Op::kLt:
      return "<";
    case Op::kLe:
      return "<=";
    case Op::kGt:
      return ">";
    case Op::kGe:
      return ">=";
    case Op::kAdd:
      return "+";
    case Op::kSub:
      return "-";
    case Op::kMul:
      return "*";
    case Op::kDiv:
      return "/";
    case Op::kMod:
      return "%";
    case Op::kPow:
      return "^";
    case Op::kIn:
      return "IN";
    case Op::kStartsWith:
      return "STARTS WITH";
    case Op::kEndsWith:
      return "ENDS WITH";
    case Op::kContains:
      return "CONTAINS";
    case Op::kRegexMatch:
      return "=~";
  }
  return "?";
}

}  // namespace kg
