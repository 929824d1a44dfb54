#include "parser/ast.h"

namespace kg::ast {

bool IsWriteClause(ClauseKind k) {
  switch (k) {
    case ClauseKind::kCreate:
    case ClauseKind::kMerge:
    case ClauseKind::kSet:
    case ClauseKind::kRemove:
    case ClauseKind::kDelete:
      return true;
    default:
      return false;
  }
}

const char* ClauseName(ClauseKind k) {
  switch (k) {
    case ClauseKind::kMatch:
      return "MATCH";
    case ClauseKind::kUnwind:
      return "UNWIND";
    case ClauseKind::kWith:
      return "WITH";
    case ClauseKind::kReturn:
      return "RETURN";
    case ClauseKind::kCreate:
      return "CREATE";
    case ClauseKind::kMerge:
      return "MERGE";
    case ClauseKind::kSet:
      return "SET";
    case ClauseKind::kRemove:
      return "REMOVE";
    case ClauseKind::kDelete:
      return "DELETE";
    case ClauseKind::kCall:
      return "CALL";
  }
  return "?";
}

}  // namespace kg::ast
