// Expressions the planner writes itself, as AST for the binder: a property
// map's `n.key = value` predicates, RETURN *'s variables; and copies of
// patterns, which the planner plans without touching the statement's own.
#include "planner/planner_internal.h"

namespace kg::planner {

ast::ExprPtr MakeVariable(const std::string& name, Position pos) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = ast::ExprKind::kVariable;
  e->name = name;
  e->text = name;
  e->pos = pos;
  return e;
}

ast::ExprPtr MakeProperty(ast::ExprPtr base, const std::string& key, Position pos) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = ast::ExprKind::kProperty;
  e->name = key;
  e->text = base->text + "." + key;
  e->pos = pos;
  e->args.push_back(std::move(base));
  return e;
}

ast::ExprPtr MakeBinary(ast::Op op, ast::ExprPtr a, ast::ExprPtr b, Position pos) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = ast::ExprKind::kBinary;
  e->op = op;
  e->pos = pos;
  e->text = a->text + " " + OpSymbol(op) + " " + b->text;
  e->args.push_back(std::move(a));
  e->args.push_back(std::move(b));
  return e;
}

ast::ExprPtr CloneExpr(const ast::Expr& e) {
  auto c = std::make_unique<ast::Expr>();
  c->kind = e.kind;
  c->pos = e.pos;
  c->op = e.op;
  c->value = e.value;
  c->name = e.name;
  for (const auto& a : e.args) c->args.push_back(a ? CloneExpr(*a) : nullptr);
  c->keys = e.keys;
  c->labels = e.labels;
  c->distinct = e.distinct;
  c->quantifier = e.quantifier;
  if (e.case_subject) c->case_subject = CloneExpr(*e.case_subject);
  for (const auto& w : e.whens) c->whens.push_back(CloneExpr(*w));
  for (const auto& t : e.thens) c->thens.push_back(CloneExpr(*t));
  if (e.case_else) c->case_else = CloneExpr(*e.case_else);
  for (const auto& item : e.map_items) {
    c->map_items.push_back(ast::MapProjectionItem{item.kind, item.key, item.value ? CloneExpr(*item.value) : nullptr});
  }
  c->pattern = e.pattern;    // read only: planning copies it (ClonePattern)
  c->subquery = e.subquery;  // read only
  c->text = e.text;
  return c;
}

ast::PatternPart ClonePattern(const ast::PatternPart& part) {
  ast::PatternPart c;
  c.pos = part.pos;
  c.path_variable = part.path_variable;
  c.kind = part.kind;
  for (const auto& n : part.nodes) {
    c.nodes.push_back(ast::NodePattern{n.pos, n.variable, n.labels, n.properties ? CloneExpr(*n.properties) : nullptr});
  }
  for (const auto& r : part.rels) {
    ast::RelPattern rc;
    rc.pos = r.pos;
    rc.variable = r.variable;
    rc.types = r.types;
    rc.direction = r.direction;
    rc.variable_length = r.variable_length;
    rc.min_hops = r.min_hops;
    rc.max_hops = r.max_hops;
    rc.properties = r.properties ? CloneExpr(*r.properties) : nullptr;
    c.rels.push_back(std::move(rc));
  }
  return c;
}

std::vector<ast::PatternPart> ClonePatterns(const std::vector<ast::PatternPart>& parts) {
  std::vector<ast::PatternPart> out;
  out.reserve(parts.size());
  for (const auto& p : parts) out.push_back(ClonePattern(p));
  return out;
}

}  // namespace kg::planner
