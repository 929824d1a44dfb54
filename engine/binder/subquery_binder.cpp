// Checking a subquery against its outer scope, and the names it mentions.
#include "binder/subquery_binder.h"

#include "binder/expression_binder.h"
#include "exec/query_error.h"

namespace kg::binder {

namespace {

void CheckNotShadowing(const std::string& name, const Scope& outer, const std::string& what, Position pos) {
  if (!outer.Find(name)) return;
  ThrowSemantic("variable `" + name + "` inside " + what + " shadows the variable `" + name +
                    "` of the query around it; give it another name",
                pos);
}

void CollectPatternVariables(const std::vector<ast::PatternPart>& parts, std::set<std::string>* out) {
  for (const auto& part : parts) {
    if (!part.path_variable.empty()) out->insert(part.path_variable);
    for (const auto& n : part.nodes) {
      if (!n.variable.empty()) out->insert(n.variable);
      if (n.properties) CollectVariables(*n.properties, out);
    }
    for (const auto& r : part.rels) {
      if (!r.variable.empty()) out->insert(r.variable);
      if (r.properties) CollectVariables(*r.properties, out);
    }
  }
}

void CollectSetItems(const std::vector<ast::SetItem>& items, std::set<std::string>* out) {
  for (const auto& item : items) {
    if (!item.variable.empty()) out->insert(item.variable);
    if (item.target) CollectVariables(*item.target, out);
    if (item.value) CollectVariables(*item.value, out);
  }
}

}  // namespace

void CheckSubquery(const ast::Query& query, const Scope& outer, const std::string& what) {
  for (const auto& part : query.parts) {
    for (const auto& clause : part.clauses) {
      if (ast::IsWriteClause(clause.kind)) {
        ThrowSemantic(what + " cannot contain " + ast::ClauseName(clause.kind) + ": a subquery only reads the graph",
                      clause.pos);
      }
      switch (clause.kind) {
        case ast::ClauseKind::kMatch:
          for (const auto& p : clause.pattern) {
            if (!p.path_variable.empty()) CheckNotShadowing(p.path_variable, outer, what, p.pos);
          }
          break;
        case ast::ClauseKind::kUnwind:
          CheckNotShadowing(clause.variable, outer, what, clause.pos);
          break;
        case ast::ClauseKind::kWith:
        case ast::ClauseKind::kReturn:
          // `WITH n` (or `n AS n`) passes the outer `n` on: not a new variable.
          for (const auto& item : clause.projection.items) {
            const bool same = item.expr->kind == ast::ExprKind::kVariable && item.expr->name == item.alias;
            if (!same) CheckNotShadowing(item.alias, outer, what, item.expr->pos);
          }
          break;
        case ast::ClauseKind::kCall:
          for (const auto& y : clause.yield_items) CheckNotShadowing(y.variable, outer, what, y.pos);
          break;
        default:
          break;
      }
    }
  }
}

void CollectQueryVariables(const ast::Query& query, std::set<std::string>* out) {
  auto expr = [&](const ast::ExprPtr& e) {
    if (e) CollectVariables(*e, out);
  };
  for (const auto& part : query.parts) {
    for (const auto& c : part.clauses) {
      CollectPatternVariables(c.pattern, out);
      expr(c.where);
      expr(c.expr);
      if (!c.variable.empty()) out->insert(c.variable);
      const ast::Projection& p = c.projection;
      for (const auto& item : p.items) {
        expr(item.expr);
        out->insert(item.alias);
      }
      for (const auto& s : p.order_by) expr(s.expr);
      expr(p.skip);
      expr(p.limit);
      expr(p.where);
      CollectSetItems(c.set_items, out);
      CollectSetItems(c.on_create, out);
      CollectSetItems(c.on_match, out);
      for (const auto& r : c.remove_items) {
        if (!r.variable.empty()) out->insert(r.variable);
        expr(r.target);
      }
      for (const auto& e : c.delete_exprs) expr(e);
      for (const auto& e : c.call_args) expr(e);
      for (const auto& y : c.yield_items) out->insert(y.variable);
    }
  }
}

}  // namespace kg::binder
