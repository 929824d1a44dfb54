// QueryError: how execution reports an error that ends a query.
//
// Inside the planner and the operators, an error that makes the whole query
// fail (a type mismatch at run time, division by zero, the depth cap) is
// thrown as a QueryError carrying a Status. Database::Execute catches it at
// the public boundary and returns the Status; nothing escapes to callers.
#pragma once

#include <exception>
#include <string>
#include <utility>

#include "common/status.h"

namespace kg {

class QueryError : public std::exception {
 public:
  explicit QueryError(Status status) : status_(std::move(status)) {}
  const Status& status() const { return status_; }
  const char* what() const noexcept override { return status_.message().c_str(); }

 private:
  Status status_;
};

// Shorthands for the common kinds.
[[noreturn]] inline void ThrowRuntime(std::string message) { throw QueryError(Status::Runtime(std::move(message))); }
[[noreturn]] inline void ThrowSemantic(std::string message, Position pos = {}) {
  throw QueryError(Status::Semantic(std::move(message), pos));
}
[[noreturn]] inline void ThrowStatus(Status status) { throw QueryError(std::move(status)); }
// "not supported yet: <what>" as a semantic error at `pos`.
[[noreturn]] inline void ThrowUnsupported(const std::string& what, Position pos = {}) {
  throw QueryError(Status::Semantic("not supported yet: " + what, pos));
}

[[noreturn]] inline void ThrowInterrupted() {
  throw QueryError(Status::Error(ErrorKind::kInterrupted, "the statement was cancelled; it changed nothing"));
}

// Unwraps a storage result inside execution: its error ends the query.
template <typename T>
T Check(Result<T> r) {
  if (!r.ok()) ThrowStatus(r.status());
  return std::move(r).value();
}
inline void Check(const Status& s) {
  if (!s.ok()) ThrowStatus(s);
}

}  // namespace kg
