#include "binder/call_binder.h"

#include <set>

#include "exec/procedure_registry.h"
#include "exec/query_error.h"

namespace kg::binder {

namespace {

std::string ArgumentNames(const Procedure& p) {
  std::string out;
  for (const auto& a : p.arguments) out += (out.empty() ? "" : ", ") + a.name;
  return out;
}

std::string ColumnNames(const Procedure& p) {
  std::string out;
  for (const auto& c : p.columns) out += (out.empty() ? "" : ", ") + c.name;
  return out;
}

// The arguments as written: their number.
void CheckArgumentCount(const Procedure& p, const ast::Clause& clause) {
  size_t required = 0;
  for (const auto& a : p.arguments) required += a.default_value ? 0 : 1;
  const size_t given = clause.call_args.size();
  if (given < required || given > p.arguments.size()) {
    std::string wanted = p.arguments.empty() ? "no arguments" : std::to_string(required);
    if (p.arguments.size() != required) wanted += " to " + std::to_string(p.arguments.size());
    if (!p.arguments.empty())
      wanted += std::string(p.arguments.size() == 1 ? " argument" : " arguments") + " (" + ArgumentNames(p) + ")";
    ThrowSemantic(p.name + "() takes " + wanted + ", got " + std::to_string(given), clause.pos);
  }
}

// The arguments' types, where the binder could tell them.
void CheckArgumentKinds(const Procedure& p, const ast::Clause& clause, const std::vector<bound::ExprPtr>& bound) {
  for (size_t i = 0; i < clause.call_args.size(); ++i) {
    const ast::Expr& arg = *clause.call_args[i];
    auto kind = bound[i]->static_kind;
    if (kind && !KindHasType(*kind, p.arguments[i].type)) {
      ThrowSemantic(p.name + "() expects " + CypherTypeName(p.arguments[i].type) + " for `" + p.arguments[i].name +
                        "`, got " + ValueKindName(*kind),
                    arg.pos);
    }
  }
}

}  // namespace

BoundCall BindCall(ExpressionBinder& binder, ExpressionBinder::Host& host, const ProcedureRegistry* procedures,
                   const ast::Clause& clause, Scope& scope, bool standalone) {
  BoundCall call;
  const Procedure* p = procedures != nullptr ? procedures->Find(clause.procedure) : nullptr;
  if (p == nullptr) {
    ThrowSemantic("there is no procedure `" + clause.procedure + "` (CALL dbms.procedures() lists them)", clause.pos);
  }
  call.procedure = p;

  // Arguments.
  call.args.resize(p->arguments.size());
  BindOptions options;
  options.context = "a procedure's argument";
  if (clause.call_args_given) {
    CheckArgumentCount(*p, clause);
    for (const auto& arg : clause.call_args) {
      std::vector<const ast::Expr*> aggregates;
      CollectAggregates(*arg, &aggregates);
      if (!aggregates.empty()) {
        ThrowSemantic("a procedure's argument cannot be an aggregate: " + aggregates[0]->text, aggregates[0]->pos);
      }
    }
    for (size_t i = 0; i < clause.call_args.size(); ++i)
      call.args[i] = binder.Bind(*clause.call_args[i], scope, options);
    CheckArgumentKinds(*p, clause, call.args);
  } else if (!standalone) {
    size_t required = 0;
    for (const auto& a : p->arguments) required += a.default_value ? 0 : 1;
    if (required > 0) {
      ThrowSemantic("inside a query, " + p->name + "'s arguments must be written in parentheses: " + p->name + "(" +
                        ArgumentNames(*p) + ")",
                    clause.pos);
    }
  }
  // Standalone `CALL name` takes each argument from the parameter of its name.
  call.arguments_from_parameters = !clause.call_args_given && standalone;

  // Yielded columns.
  std::vector<ast::YieldItem> items = clause.yield_items;
  if (clause.yield_star && !standalone) {
    ThrowSemantic(
        "YIELD * is only allowed when the CALL is the whole query; name the columns: YIELD " + ColumnNames(*p),
        clause.pos);
  }
  if (!clause.yield_given || clause.yield_star) {
    if (!standalone && !p->columns.empty()) {
      ThrowSemantic("inside a query, CALL " + p->name + " must say which columns it uses: YIELD " + ColumnNames(*p),
                    clause.pos);
    }
    items.clear();
    for (const auto& c : p->columns) items.push_back(ast::YieldItem{clause.pos, c.name, c.name});
  }
  std::set<std::string> declared;
  for (const ast::YieldItem& item : items) {
    size_t column = p->columns.size();
    for (size_t c = 0; c < p->columns.size(); ++c) {
      if (p->columns[c].name == item.column) column = c;
    }
    if (column == p->columns.size()) {
      ThrowSemantic(p->name + " yields no column `" + item.column + "`; it yields " +
                        (p->columns.empty() ? std::string("nothing") : ColumnNames(*p)),
                    item.pos);
    }
    if (scope.Find(item.variable) != nullptr || !declared.insert(item.variable).second) {
      ThrowSemantic("variable `" + item.variable + "` is already declared", item.pos);
    }
    const int slot = host.NewSlot();
    call.outputs.push_back(BoundCall::Output{column, item.column, item.variable, slot});
    VarKind kind = VarKind::kValue;
    if (p->columns[column].type == CypherType::kNode) kind = VarKind::kNode;
    if (p->columns[column].type == CypherType::kRelationship) kind = VarKind::kRel;
    if (p->columns[column].type == CypherType::kPath) kind = VarKind::kPath;
    scope.vars[item.variable] = Var{slot, kind};
  }
  if (clause.where) {
    BindOptions where_options;
    where_options.context = "WHERE";
    where_options.predicate = true;
    call.where = binder.Bind(*clause.where, scope, where_options);
    CheckPredicateKind(*call.where);
  }
  return call;
}

}  // namespace kg::binder
