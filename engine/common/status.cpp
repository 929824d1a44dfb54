#include "common/status.h"

namespace kg {

const char* ErrorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kSyntax:
      return "syntax error";
    case ErrorKind::kSemantic:
      return "semantic error";
    case ErrorKind::kRuntime:
      return "runtime error";
    case ErrorKind::kConstraint:
      return "constraint violation";
    case ErrorKind::kStorage:
      return "storage error";
    case ErrorKind::kIo:
      return "i/o error";
    case ErrorKind::kUsage:
      return "usage error";
    case ErrorKind::kNotFound:
      return "not found";
    case ErrorKind::kInterrupted:
      return "interrupted";
  }
  return "error";
}

const std::string& Status::message() const {
  static const std::string kEmpty;
  return ok() ? kEmpty : error_->message;
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string s = ErrorKindName(error_->kind);
  if (error_->pos.valid()) {
    s += " at line " + std::to_string(error_->pos.line) + ", column " + std::to_string(error_->pos.column);
  }
  s += ": ";
  s += error_->message;
  return s;
}

}  // namespace kg
