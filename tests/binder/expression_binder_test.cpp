// The binder below the language: what a bound expression carries (slots,
// resolved functions, aggregate slots, static kinds), the errors it reports
// before anything runs, and that it leaves the AST as the parser made it
// (plans are cached and a statement may be bound more than once).
#include "binder/expression_binder.h"

#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "exec/functions.h"
#include "exec/query_error.h"
#include "parser/parser.h"

namespace kg {
namespace {

class CountingHost : public binder::ExpressionBinder::Host {
 public:
  int NewSlot() override { return next++; }
  // As the planner does, a comprehension's pattern brings its new node
  // variables into the comprehension's scope.
  void PlanPatternExpression(const ast::PatternPart& part, binder::Scope& scope, bool allow_new,
                             const bound::Expr& at) override {
    for (const auto& node : part.nodes) {
      if (allow_new && !node.variable.empty() && !scope.Find(node.variable)) {
        scope.vars[node.variable] = binder::Var{NewSlot(), binder::VarKind::kNode};
      }
    }
    patterns.push_back(&at);
  }
  void PlanSubquery(const ast::Query&, binder::Scope&, const bound::Expr& at) override { subqueries.push_back(&at); }
  int next = 10;
  std::vector<const bound::Expr*> subqueries;
  std::vector<const bound::Expr*> patterns;
};

// The parsed `RETURN <text>` (kept alive with its statement).
struct Parsed {
  std::vector<ast::Statement> statements;
  const ast::Expr& expr() const {
    return *statements.at(0).query.parts.at(0).clauses.back().projection.items.at(0).expr;
  }
};

Parsed Parse(const std::string& text) {
  auto parsed = ParseStatements("RETURN " + text);
  INFO(text << ": " << parsed.status().ToString());
  REQUIRE(parsed.ok());
  return Parsed{std::move(parsed).value()};
}

// `n` is a node in slot 0, `x` a value in slot 1.
binder::Scope TestScope() {
  binder::Scope scope;
  scope.vars["n"] = binder::Var{0, binder::VarKind::kNode};
  scope.vars["x"] = binder::Var{1, binder::VarKind::kValue};
  return scope;
}

Status BindError(const std::string& text, binder::BindOptions options = {}) {
  Parsed p = Parse(text);
  CountingHost host;
  binder::ExpressionBinder b(host);
  binder::Scope scope = TestScope();
  try {
    b.Bind(p.expr(), scope, options);
  } catch (const QueryError& e) {
    return e.status();
  }
  return Status::Ok();
}

TEST_CASE("Variables become slots and functions their table entries", "[binder]") {
  Parsed p = Parse("toUpper(n.name) + x");
  CountingHost host;
  binder::ExpressionBinder b(host);
  binder::Scope scope = TestScope();
  bound::ExprPtr e = b.Bind(p.expr(), scope, {});
  REQUIRE(e->kind == bound::ExprKind::kBinary);
  const bound::Expr& call = *e->args[0];
  REQUIRE(call.kind == bound::ExprKind::kFunction);
  REQUIRE(call.function != nullptr);
  CHECK(std::string(call.function->name) == "toupper");
  CHECK(call.function_id == FindScalarFunction("toupper"));
  CHECK(call.args[0]->args[0]->slot == 0);  // n
  CHECK(e->args[1]->slot == 1);             // x
  CHECK(e->text == "toUpper(n.name) + x");
}

TEST_CASE("Static kinds are known where the text tells them", "[binder]") {
  CountingHost host;
  binder::ExpressionBinder b(host);
  auto kind = [&](const std::string& text) {
    Parsed p = Parse(text);
    binder::Scope scope = TestScope();
    return b.Bind(p.expr(), scope, {})->static_kind;
  };
  CHECK(kind("1 + 2") == Value::Kind::kInt);
  CHECK(kind("1 + 2.5") == Value::Kind::kFloat);
  CHECK(kind("'a' + 'b'") == Value::Kind::kString);
  CHECK(kind("n") == Value::Kind::kNode);
  CHECK(kind("n:Person") == Value::Kind::kBool);
  CHECK(kind("[y IN [1, 2] | y]") == Value::Kind::kList);
  CHECK(!kind("x").has_value());
  CHECK(!kind("n.age").has_value());
}

TEST_CASE("Comprehensions get fresh slots from the host each time they are bound", "[binder]") {
  Parsed p = Parse("[y IN [1, 2] WHERE y > x | y * 2]");
  CountingHost host;
  binder::ExpressionBinder b(host);
  binder::Scope scope = TestScope();
  bound::ExprPtr first = b.Bind(p.expr(), scope, {});
  bound::ExprPtr second = b.Bind(p.expr(), scope, {});
  CHECK(first->slot == 10);
  CHECK(second->slot == 11);
  CHECK(first->args[1]->args[0]->slot == 10);  // y in WHERE
  CHECK(first->args[1]->args[1]->slot == 1);   // x from outside
  CHECK(scope.Find("y") == nullptr);           // y does not leak into the scope
}

TEST_CASE("Aggregates are bound to the slot their result is in, and only where allowed", "[binder]") {
  Parsed p = Parse("count(*) + 1");
  const ast::Expr& count = *p.expr().args[0];
  CountingHost host;
  binder::ExpressionBinder b(host);
  binder::Scope scope = TestScope();
  std::map<const ast::Expr*, int> slots{{&count, 7}};
  binder::BindOptions options;
  options.aggregates = true;
  options.aggregate_slots = &slots;
  bound::ExprPtr e = b.Bind(p.expr(), scope, options);
  CHECK(e->args[0]->kind == bound::ExprKind::kCountStar);
  CHECK(e->args[0]->slot == 7);
  CHECK(e->args[0]->aggregate);
  CHECK(!e->aggregate);

  binder::BindOptions where;
  where.context = "WHERE";
  const Status s = BindError("count(*) + 1", where);
  CHECK(s.kind() == ErrorKind::kSemantic);
  CHECK(s.message().find("not allowed in WHERE") != std::string::npos);
}

TEST_CASE("The binder reports what the text gets wrong, at its position", "[binder]") {
  Status s = BindError("y + 1");
  CHECK(s.kind() == ErrorKind::kSemantic);
  CHECK(s.message() == "variable `y` is not defined");
  CHECK(s.position().column == 8);
  s = BindError("toUpper('a', 'b')");
  CHECK(s.message().find("toUpper() takes 1 argument, got 2") != std::string::npos);
  s = BindError("noSuchFunction(1)");
  CHECK(s.message().find("unknown function") != std::string::npos);
  s = BindError("size(n)");
  CHECK(s.message().find("size() takes a list or a string, got NODE") != std::string::npos);
  s = BindError("1 AND 'yes'");
  CHECK(s.message().find("AND expects BOOLEAN operands") != std::string::npos);
}

TEST_CASE("A pattern inside an expression is handed to the host under its bound node", "[binder]") {
  Parsed p = Parse("[(n)-->(m) | m]");
  CountingHost host;
  binder::ExpressionBinder b(host);
  binder::Scope scope = TestScope();
  bound::ExprPtr e = b.Bind(p.expr(), scope, {});
  REQUIRE(host.patterns.size() == 1);
  CHECK(host.patterns[0] == e.get());
  CHECK(e->args[1]->slot == 10);      // m, in the comprehension's scope
  CHECK(scope.Find("m") == nullptr);  // and not in the outer one
  // A pattern as a value is refused outside a predicate.
  const Status s = BindError("(n)-->()");
  CHECK(s.message().find("only as a predicate") != std::string::npos);
}

TEST_CASE("EXISTS { } and COUNT { } are handed to the host under their bound node, with their kind", "[binder]") {
  Parsed p = Parse("COUNT { (n)-->(m) WHERE m.x = x } + 1");
  CountingHost host;
  binder::ExpressionBinder b(host);
  binder::Scope scope = TestScope();
  bound::ExprPtr e = b.Bind(p.expr(), scope, {});
  REQUIRE(host.subqueries.size() == 1);
  CHECK(host.subqueries[0] == e->args[0].get());
  CHECK(e->args[0]->kind == bound::ExprKind::kCountSubquery);
  CHECK(e->static_kind == Value::Kind::kInt);
  Parsed q = Parse("EXISTS { MATCH (n)-->(m) RETURN m }");
  bound::ExprPtr exists = b.Bind(q.expr(), scope, {});
  CHECK(exists->kind == bound::ExprKind::kExistsSubquery);
  CHECK(exists->static_kind == Value::Kind::kBool);
  CHECK(scope.Find("m") == nullptr);
}

}  // namespace
}  // namespace kg
