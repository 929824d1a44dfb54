// Procedures: what `CALL name(args) YIELD columns` runs.
//
// A procedure is declared like a function: a name ("db.labels",
// "algo.pagerank"), its arguments with types and defaults, the columns it
// yields with their types, whether it writes, and a one-line description.
// Running it yields rows through a ProcedureRows cursor, so an algorithm can
// compute its scores once and hand out a million rows without copying them.
//
// The registry (procedure_registry.h) holds the declarations; the binder
// checks a CALL against them and the ProcedureCall operator runs one.
// Built-in procedures live in engine/procedures/ and register themselves.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/value.h"

namespace kg {

struct ExecContext;

// The types a procedure's signature names (openCypher's type names; "?"
// after a type in a signature means null is allowed, which here is always).
enum class CypherType { kAny, kBoolean, kInteger, kFloat, kNumber, kString, kMap, kList, kNode, kRelationship, kPath };

// "INTEGER", "STRING", ... as written in signatures.
const char* CypherTypeName(CypherType type);
// The type named by `name` (case-insensitive, a trailing '?' ignored).
std::optional<CypherType> ParseCypherType(std::string name);
// Whether `v` may be passed where `type` is expected (null always may;
// an INTEGER may be passed as a FLOAT or NUMBER).
bool ValueHasType(const Value& v, CypherType type);
// Whether a value of `kind` may be passed where `type` is expected.
bool KindHasType(Value::Kind kind, CypherType type);

struct ProcedureArgument {
  std::string name;
  CypherType type = CypherType::kAny;
  std::optional<Value> default_value;  // present: the argument may be left out
};

struct ProcedureColumn {
  std::string name;
  CypherType type = CypherType::kAny;
};

// The rows one call yields, pulled one at a time. Next fills `out` with one
// value per declared column, in declaration order.
class ProcedureRows {
 public:
  virtual ~ProcedureRows() = default;
  virtual bool Next(std::vector<Value>& out) = 0;
};

// Rows computed in advance.
class VectorRows : public ProcedureRows {
 public:
  explicit VectorRows(std::vector<std::vector<Value>> rows) : rows_(std::move(rows)) {}
  bool Next(std::vector<Value>& out) override {
    if (next_ >= rows_.size()) return false;
    out = std::move(rows_[next_++]);
    return true;
  }

 private:
  std::vector<std::vector<Value>> rows_;
  size_t next_ = 0;
};

// Runs the procedure. `args` has one value per declared argument (defaults
// filled in, types checked). Errors are thrown as QueryError; long loops
// call CheckInterrupt(ctx). ctx.txn is the statement's transaction.
using ProcedureFn = std::function<std::unique_ptr<ProcedureRows>(ExecContext& ctx, std::vector<Value>& args)>;

struct Procedure {
  std::string name;  // namespaced, as called: "db.labels"
  std::vector<ProcedureArgument> arguments;
  std::vector<ProcedureColumn> columns;  // empty: a procedure that yields nothing ("VOID")
  bool writes = false;
  std::string description;  // one line
  ProcedureFn run;

  // "db.labels() :: (label :: STRING)", as dbms.procedures shows it.
  std::string Signature() const;
};

}  // namespace kg
