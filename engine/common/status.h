// Status and Result<T>: every fallible call in kg returns one of these.
//
// An error is a value: a kind (which stage failed), a message a person can
// act on, and, where the error points into query text, a position. Nothing
// below the public API throws for expected failures; exceptions from
// libraries (ANTLR, RocksDB, the standard library) are caught at the layer
// boundary and turned into a Status.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace kg {

enum class ErrorKind {
  kSyntax,       // the query text cannot be parsed
  kSemantic,     // it parses but means nothing (unknown variable, bad types)
  kRuntime,      // it failed while running (division by zero, depth cap)
  kConstraint,   // a write would break an invariant (dangling edge, duplicate key)
  kStorage,      // the database directory: not kg, wrong version, corrupt, in use
  kIo,           // files other than the database: import, export, scripts
  kUsage,        // the caller asked for something that makes no sense
  kNotFound,     // a named thing is not there
  kInterrupted,  // the caller cancelled the statement (Database::Interrupt)
};

const char* ErrorKindName(ErrorKind kind);

// A place in query text or an input file; lines and columns count from 1.
struct Position {
  int line = 0;
  int column = 0;
  bool valid() const { return line > 0; }
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // success
  static Status Ok() { return Status(); }
  static Status Error(ErrorKind kind, std::string message, Position pos = {}) {
    return Status(kind, std::move(message), pos);
  }
  static Status Syntax(std::string m, Position p = {}) { return Error(ErrorKind::kSyntax, std::move(m), p); }
  static Status Semantic(std::string m, Position p = {}) { return Error(ErrorKind::kSemantic, std::move(m), p); }
  static Status Runtime(std::string m) { return Error(ErrorKind::kRuntime, std::move(m)); }
  static Status Constraint(std::string m) { return Error(ErrorKind::kConstraint, std::move(m)); }
  static Status Storage(std::string m) { return Error(ErrorKind::kStorage, std::move(m)); }
  static Status Io(std::string m) { return Error(ErrorKind::kIo, std::move(m)); }
  static Status Usage(std::string m) { return Error(ErrorKind::kUsage, std::move(m)); }
  static Status NotFound(std::string m) { return Error(ErrorKind::kNotFound, std::move(m)); }

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  ErrorKind kind() const {
    assert(!ok());
    return error_->kind;
  }
  const std::string& message() const;
  Position position() const { return ok() ? Position{} : error_->pos; }
  bool Is(ErrorKind kind) const { return !ok() && error_->kind == kind; }

  // "storage error: database is in use by another process: /tmp/db"
  std::string ToString() const;

 private:
  struct Detail {
    ErrorKind kind;
    std::string message;
    Position pos;
  };
  Status(ErrorKind kind, std::string message, Position pos) : error_(Detail{kind, std::move(message), pos}) {}
  std::optional<Detail> error_;
};

// Either a T or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}                                              // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) { assert(!std::get<Status>(v_).ok()); }  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & {
    assert(ok());
    return std::get<T>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(v_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace kg

// Early return on error, as in LevelDB/DuckDB code: the caller's return type
// must be constructible from a Status.
#define KG_RETURN_IF_ERROR(expr)             \
  do {                                       \
    ::kg::Status kg_status_ = (expr);        \
    if (!kg_status_.ok()) return kg_status_; \
  } while (0)

#define KG_CONCAT_INNER(a, b) a##b
#define KG_CONCAT(a, b) KG_CONCAT_INNER(a, b)
#define KG_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.status();            \
  lhs = std::move(tmp).value()
#define KG_ASSIGN_OR_RETURN(lhs, expr) KG_ASSIGN_OR_RETURN_IMPL(KG_CONCAT(kg_result_, __LINE__), lhs, expr)
