#include "exec/procedure_call_operator.h"

#include "exec/expression_evaluator.h"
#include "exec/query_error.h"

namespace kg {

ProcedureCallOp::ProcedureCallOp(OperatorPtr input, const Procedure* procedure, std::vector<const bound::Expr*> args,
                                 Arguments passing, std::vector<Output> outputs, bool standalone, std::string detail)
    : procedure_(procedure),
      args_(std::move(args)),
      passing_(passing),
      outputs_(std::move(outputs)),
      standalone_(standalone),
      detail_(std::move(detail)) {
  AddChild(std::move(input));
}

void ProcedureCallOp::OpenImpl(ExecContext& ctx) {
  Operator::OpenImpl(ctx);
  rows_.reset();
}

void ProcedureCallOp::Start(ExecContext& ctx, Row& row) {
  std::vector<Value> args;
  args.reserve(procedure_->arguments.size());
  for (size_t i = 0; i < procedure_->arguments.size(); ++i) {
    const ProcedureArgument& declared = procedure_->arguments[i];
    Value v;
    const Value* param = nullptr;
    if (args_[i] == nullptr && passing_ == Arguments::kFromParameters && ctx.eval.params != nullptr) {
      auto it = ctx.eval.params->find(declared.name);
      if (it != ctx.eval.params->end()) param = &it->second;
    }
    if (args_[i] != nullptr) {
      v = Evaluate(*args_[i], row, ctx.eval);
    } else if (param != nullptr) {
      v = *param;
    } else if (declared.default_value) {
      v = *declared.default_value;
    } else {
      ThrowSemantic("missing parameter $" + declared.name + " for " + procedure_->name + "(" + declared.name + ")");
    }
    if (!ValueHasType(v, declared.type)) {
      ThrowStatus(Status::Error(ErrorKind::kRuntime,
                                procedure_->name + "() expects " + CypherTypeName(declared.type) + " for `" +
                                    declared.name + "`, got " + ValueKindName(v.kind()),
                                args_[i] != nullptr ? args_[i]->pos : Position{}));
    }
    if (declared.type == CypherType::kFloat && v.is_int()) v = Value(static_cast<double>(v.as_int()));
    args.push_back(std::move(v));
  }
  rows_ = procedure_->run(ctx, args);
}

bool ProcedureCallOp::NextImpl(ExecContext& ctx, Row& row) {
  if (procedure_->columns.empty()) {
    // Runs for its effect; each input row passes once (a standalone call
    // has no rows to pass).
    while (child()->Next(ctx, row)) {
      Start(ctx, row);
      rows_.reset();
      if (!standalone_) return true;
    }
    return false;
  }
  for (;;) {
    if (rows_ != nullptr) {
      if (rows_->Next(values_)) {
        if (values_.size() != procedure_->columns.size()) {
          ThrowRuntime(procedure_->name + "() yielded a row of " + std::to_string(values_.size()) + " values for " +
                       std::to_string(procedure_->columns.size()) + " columns");
        }
        for (const Output& o : outputs_) row[o.slot] = std::move(values_[o.column]);
        return true;
      }
      rows_.reset();
    }
    if (!child()->Next(ctx, row)) return false;
    Start(ctx, row);
  }
}

}  // namespace kg
