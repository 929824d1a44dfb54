// ProcedureCall: runs `CALL name(args) YIELD ...` once per input row and
// writes the yielded columns into their slots, one output row per row the
// procedure yields. A procedure that yields nothing passes each input row
// through once, after running.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "exec/bound_expression.h"
#include "exec/operator.h"
#include "exec/procedure.h"

namespace kg {

class ProcedureCallOp : public Operator {
 public:
  struct Output {
    size_t column;  // index into the procedure's columns
    int slot;
  };
  // How the arguments were given: written in parentheses, or left out of
  // a standalone `CALL name` (each is then the parameter of its name).
  enum class Arguments { kWritten, kFromParameters };
  // `procedure` must outlive the operator (the registry owns it; a plan
  // is dropped when the registry changes). `args` has one expression per
  // declared argument; nullptr takes the argument's default (or, with
  // kFromParameters, the parameter of the argument's name if there is one).
  // A standalone call that yields nothing returns no rows; inside a query
  // it passes each input row on.
  ProcedureCallOp(OperatorPtr input, const Procedure* procedure, std::vector<const bound::Expr*> args,
                  Arguments passing, std::vector<Output> outputs, bool standalone, std::string detail);
  std::string Name() const override { return "ProcedureCall"; }
  std::string Detail() const override { return detail_; }

 protected:
  void OpenImpl(ExecContext& ctx) override;
  bool NextImpl(ExecContext& ctx, Row& row) override;
  void CloseImpl() override { rows_.reset(); }

 private:
  // Evaluates and checks the arguments, and starts the procedure.
  void Start(ExecContext& ctx, Row& row);

  const Procedure* procedure_;
  std::vector<const bound::Expr*> args_;
  Arguments passing_;
  std::vector<Output> outputs_;
  bool standalone_;
  std::string detail_;
  std::unique_ptr<ProcedureRows> rows_;
  std::vector<Value> values_;
};

}  // namespace kg
