// Planning CALL: the binder resolves the procedure and binds the call
// (binder/call_binder.h); the planner places a ProcedureCall operator and,
// for YIELD ... WHERE, a Filter. A standalone call's columns are the
// result's.
#include "binder/call_binder.h"
#include "exec/procedure_call_operator.h"
#include "exec/relational_operators.h"
#include "planner/planner_internal.h"

namespace kg::planner {

OperatorPtr QueryPlanner::PlanCall(OperatorPtr input, const ast::Clause& clause, Scope& scope, bool standalone,
                                   std::vector<std::string>* columns, std::vector<int>* column_slots) {
  binder::BoundCall call = binder::BindCall(binder_, *this, procedures_, clause, scope, standalone);
  const Procedure* p = call.procedure;
  if (p->writes) plan_->writes = true;
  std::vector<const bound::Expr*> args;
  for (auto& a : call.args) args.push_back(a ? Own(std::move(a)) : nullptr);
  const auto passing = call.arguments_from_parameters ? ProcedureCallOp::Arguments::kFromParameters
                                                      : ProcedureCallOp::Arguments::kWritten;
  std::string detail = p->name + "(";
  for (size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i] != nullptr ? args[i]->text : "default";
    if (args[i] == nullptr && passing == ProcedureCallOp::Arguments::kFromParameters) arg = "$" + p->arguments[i].name;
    detail += (i ? ", " : "") + arg;
  }
  detail += ")";
  std::vector<ProcedureCallOp::Output> outputs;
  for (const auto& out : call.outputs) {
    outputs.push_back(ProcedureCallOp::Output{out.column, out.slot});
    detail += (outputs.size() == 1 ? " YIELD " : ", ") + out.column_name +
              (out.variable == out.column_name ? "" : " AS " + out.variable);
    if (standalone) {
      columns->push_back(out.variable);
      column_slots->push_back(out.slot);
    }
  }
  OperatorPtr plan = std::make_unique<ProcedureCallOp>(std::move(input), p, std::move(args), passing,
                                                       std::move(outputs), standalone, detail);
  if (call.where) plan = std::make_unique<FilterOp>(std::move(plan), Own(std::move(call.where)), clause.where->text);
  return plan;
}

}  // namespace kg::planner
