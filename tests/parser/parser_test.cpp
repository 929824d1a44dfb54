// Parser tests: the AST shapes later stages rely on (precedence, patterns,
// column names, literals) and the syntax errors a person sees for common
// mistakes. What queries do when run is tested by the language data files.

#include "parser/parser.h"

#include <catch2/catch.hpp>
#include <string>

#include "parser/parse_limits.h"

namespace kg {
namespace {

using ast::ClauseKind;
using ast::ExprKind;
using ast::Op;

// Parses text that must hold exactly one statement.
ast::Statement ParseOne(const std::string& text) {
  auto result = ParseStatements(text);
  INFO(text << " -> " << result.status().ToString());
  REQUIRE(result.ok());
  REQUIRE(result->size() == 1);
  return std::move(result->front());
}

// The first RETURN item's expression of a single-clause query.
const ast::Expr& ReturnExpr(const ast::Statement& statement, size_t item = 0) {
  const auto& clauses = statement.query.parts.at(0).clauses;
  REQUIRE(clauses.back().kind == ClauseKind::kReturn);
  return *clauses.back().projection.items.at(item).expr;
}

Status ParseError(const std::string& text) {
  auto result = ParseStatements(text);
  INFO(text);
  REQUIRE_FALSE(result.ok());
  return result.status();
}

TEST_CASE("Parser: operator precedence follows openCypher", "[parser]") {
  auto statement = ParseOne("RETURN 1 + 2 * 3 ^ 2 AS x");
  const auto& add = ReturnExpr(statement);
  REQUIRE(add.kind == ExprKind::kBinary);
  CHECK(add.op == Op::kAdd);
  const auto& mul = *add.args[1];
  CHECK(mul.op == Op::kMul);
  CHECK(mul.args[1]->op == Op::kPow);

  // OR binds loosest, then XOR, AND, NOT.
  auto logic = ParseOne("RETURN a OR b XOR c AND NOT d");
  const auto& top = ReturnExpr(logic);
  CHECK(top.op == Op::kOr);
  CHECK(top.args[1]->op == Op::kXor);
  CHECK(top.args[1]->args[1]->op == Op::kAnd);
  CHECK(top.args[1]->args[1]->args[1]->op == Op::kNot);

  // ^ is left-associative; unary minus binds tighter than ^.
  auto power = ParseOne("RETURN 2 ^ 3 ^ 2");
  const auto& pow = ReturnExpr(power);
  CHECK(pow.args[0]->op == Op::kPow);
  CHECK(pow.args[0]->text == "2 ^ 3");

  // IN and IS NULL bind tighter than comparison, looser than +.
  auto membership = ParseOne("RETURN x + 1 IN list = true");
  const auto& in = ReturnExpr(membership);
  CHECK(in.op == Op::kEq);
  CHECK(in.args[0]->op == Op::kIn);
  CHECK(in.args[0]->args[0]->op == Op::kAdd);
  auto is_not_null = ParseOne("RETURN n.x IS NOT NULL");
  CHECK(ReturnExpr(is_not_null).kind == ExprKind::kIsNotNull);
}

TEST_CASE("Parser: a chained comparison is a conjunction of comparisons", "[parser]") {
  auto statement = ParseOne("RETURN 1 < x <= 3");
  const auto& chain = ReturnExpr(statement);
  REQUIRE(chain.op == Op::kAnd);
  CHECK(chain.args[0]->op == Op::kLt);
  CHECK(chain.args[0]->text == "1 < x");
  CHECK(chain.args[1]->op == Op::kLe);
  CHECK(chain.args[1]->args[0]->name == "x");  // the middle operand appears in both
  CHECK(chain.text == "1 < x <= 3");
}

TEST_CASE("Parser: patterns with every arrow form and var-length bound", "[parser]") {
  auto statement = ParseOne(
      "MATCH p = (a:Person:Admin {name: 'x'})-[r:KNOWS|:LIKES *1..3]->(b)<-[*2]-(c)-[*..5]-(d)<-[*2..]->(e)"
      "-->(f)<--(g)--(h)-[*]-(i) RETURN p");
  const auto& part = statement.query.parts[0].clauses[0].pattern.at(0);
  CHECK(part.path_variable == "p");
  REQUIRE(part.nodes.size() == 9);
  REQUIRE(part.rels.size() == 8);
  CHECK(part.nodes[0].labels == std::vector<std::string>{"Person", "Admin"});
  REQUIRE(part.nodes[0].properties != nullptr);
  CHECK(part.nodes[0].properties->kind == ExprKind::kMap);
  CHECK(part.nodes[0].properties->keys == std::vector<std::string>{"name"});

  const auto& r = part.rels;
  CHECK(r[0].variable == "r");
  CHECK(r[0].types == std::vector<std::string>{"KNOWS", "LIKES"});
  CHECK(r[0].direction == ast::RelDirection::kRight);
  CHECK((r[0].variable_length && *r[0].min_hops == 1 && *r[0].max_hops == 3));
  CHECK(r[1].direction == ast::RelDirection::kLeft);
  CHECK((*r[1].min_hops == 2 && *r[1].max_hops == 2));  // *2: exactly two
  CHECK(r[2].direction == ast::RelDirection::kBoth);
  CHECK((!r[2].min_hops && *r[2].max_hops == 5));
  CHECK(r[3].direction == ast::RelDirection::kBoth);  // <-[]-> means either direction
  CHECK((*r[3].min_hops == 2 && !r[3].max_hops));
  CHECK((r[4].direction == ast::RelDirection::kRight && !r[4].variable_length));
  CHECK(r[5].direction == ast::RelDirection::kLeft);
  CHECK(r[6].direction == ast::RelDirection::kBoth);
  CHECK((r[7].variable_length && !r[7].min_hops && !r[7].max_hops));

  auto shortest = ParseOne("MATCH p = shortestPath((a)-[*]-(b)), q = allShortestPaths((a)-->(b)) RETURN p");
  const auto& parts = shortest.query.parts[0].clauses[0].pattern;
  CHECK(parts[0].kind == ast::PatternPart::Kind::kShortest);
  CHECK(parts[1].kind == ast::PatternPart::Kind::kAllShortest);
}

TEST_CASE("Parser: a pattern in an expression needs a relationship", "[parser]") {
  auto statement = ParseOne("MATCH (a) WHERE (a)-[:T]->() AND (a:Person) RETURN a");
  const auto& where = *statement.query.parts[0].clauses[0].where;
  CHECK(where.args[0]->kind == ExprKind::kPatternPredicate);
  CHECK(where.args[0]->pattern->rels.at(0).types == std::vector<std::string>{"T"});
  CHECK(where.args[1]->kind == ExprKind::kLabelCheck);  // parenthesised, not a pattern
  CHECK(where.args[1]->text == "(a:Person)");
}

TEST_CASE("Parser: column names are the expression's text", "[parser]") {
  auto statement = ParseOne("MATCH (n) RETURN n.name, count(*), toUpper( n.x ) , n.y AS why");
  const auto& items = statement.query.parts[0].clauses[1].projection.items;
  CHECK(items[0].alias == "n.name");
  CHECK_FALSE(items[0].has_alias);
  CHECK(items[1].alias == "count(*)");
  CHECK(items[1].expr->kind == ExprKind::kCountStar);
  CHECK(items[2].alias == "toUpper( n.x )");
  CHECK(items[3].alias == "why");
  CHECK(items[3].has_alias);
  CHECK(items[3].expr->pos.column == 53);
}

TEST_CASE("Parser: literals", "[parser]") {
  auto statement = ParseOne(
      "RETURN 0x1F, 0o17, -9223372036854775808, .5, 1.5E-3, 'it\\'s', \"a\\tb\\u00e9\\\\\", TRUE, null, "
      "[1, 2], {a: 1, `b c`: 2}, $name, $0");
  auto literal = [&](size_t i) -> const Value& { return ReturnExpr(statement, i).value; };
  CHECK(literal(0).as_int() == 31);
  CHECK(literal(1).as_int() == 15);
  CHECK(literal(2).as_int() == INT64_MIN);
  CHECK(ReturnExpr(statement, 2).kind == ExprKind::kLiteral);  // folded, not a negation
  CHECK(literal(3).as_float() == 0.5);
  CHECK(literal(4).as_float() == Approx(0.0015));
  CHECK(literal(5).as_string() == "it's");
  CHECK(literal(6).as_string() == "a\tb\xC3\xA9\\");
  CHECK(literal(7).as_bool());
  CHECK(literal(8).is_null());
  CHECK(ReturnExpr(statement, 9).kind == ExprKind::kList);
  CHECK(ReturnExpr(statement, 10).keys == std::vector<std::string>{"a", "b c"});
  CHECK(ReturnExpr(statement, 11).name == "name");
  CHECK(ReturnExpr(statement, 12).name == "0");
}

TEST_CASE("Parser: comprehensions, quantifiers, CASE and map projection", "[parser]") {
  auto statement = ParseOne(
      "MATCH (n) RETURN [x IN range(1, 3) WHERE x > 1 | x * 2], [p = (n)-->(m) | m.name], "
      "any(x IN n.list WHERE x = 1), reduce(s = 0, x IN [1] | s + x), CASE n.x WHEN 1 THEN 'a' ELSE 'b' END, "
      "n{.name, .*, k: 1, v}, count(DISTINCT n.x), date.truncate('day', d), EXISTS { MATCH (n)-->() }, exists(n.x), "
      "count { (n)-->(m) WHERE m.x = 1 }, count {.name}");
  const auto& comprehension = ReturnExpr(statement, 0);
  CHECK(comprehension.kind == ExprKind::kListComprehension);
  CHECK(comprehension.name == "x");
  CHECK(comprehension.args.size() == 3);
  CHECK(comprehension.args[1]->op == Op::kGt);
  const auto& pattern = ReturnExpr(statement, 1);
  CHECK(pattern.kind == ExprKind::kPatternComprehension);
  CHECK(pattern.pattern->path_variable == "p");
  CHECK(pattern.args[0] == nullptr);
  CHECK(ReturnExpr(statement, 2).quantifier == ast::Quantifier::kAny);
  const auto& reduce = ReturnExpr(statement, 3);
  CHECK((reduce.name == "s" && reduce.keys[0] == "x" && reduce.args.size() == 3));
  const auto& case_expr = ReturnExpr(statement, 4);
  CHECK((case_expr.case_subject != nullptr && case_expr.whens.size() == 1 && case_expr.case_else != nullptr));
  const auto& projection = ReturnExpr(statement, 5);
  REQUIRE(projection.map_items.size() == 4);
  CHECK(projection.map_items[1].kind == ast::MapProjectionItem::Kind::kAllProperties);
  CHECK(projection.map_items[2].kind == ast::MapProjectionItem::Kind::kLiteral);
  CHECK(projection.map_items[3].kind == ast::MapProjectionItem::Kind::kVariable);
  CHECK(ReturnExpr(statement, 6).distinct);
  CHECK(ReturnExpr(statement, 7).name == "date.truncate");
  CHECK(ReturnExpr(statement, 8).kind == ExprKind::kExistsSubquery);
  CHECK(ReturnExpr(statement, 9).kind == ExprKind::kFunction);
  // The short form of a subquery is kept as MATCH <pattern> WHERE ...
  const auto& count = ReturnExpr(statement, 10);
  REQUIRE(count.kind == ExprKind::kCountSubquery);
  REQUIRE(count.subquery != nullptr);
  const ast::Clause& match = count.subquery->parts.at(0).clauses.at(0);
  CHECK((match.kind == ast::ClauseKind::kMatch && match.pattern.size() == 1 && match.where != nullptr));
  // `count {.name}` is still a map projection of a variable named count.
  CHECK(ReturnExpr(statement, 11).kind == ExprKind::kMapProjection);
}

TEST_CASE("Parser: clauses, keywords as names and comments", "[parser]") {
  auto statement = ParseOne(
      "optional match (n:Order {end: 1}) // a comment\n"
      "MERGE (m:M) ON MATCH SET m.seen = true ON CREATE SET m += {a: 1}, m:New /* another */\n"
      "SET (n).count = 1, n = {} REMOVE n.x, n:Order DETACH DELETE n\n"
      "WITH DISTINCT m ORDER BY m.x DESC SKIP 1 LIMIT 2 WHERE m.y > 0\n"
      "UNWIND [1] AS x RETURN * UNION ALL RETURN 1 AS x");
  const auto& clauses = statement.query.parts[0].clauses;
  REQUIRE(clauses.size() == 8);
  CHECK((clauses[0].kind == ClauseKind::kMatch && clauses[0].optional));
  CHECK(clauses[0].pattern[0].nodes[0].labels[0] == "Order");
  CHECK(clauses[1].on_match.size() == 1);
  REQUIRE(clauses[1].on_create.size() == 2);
  CHECK(clauses[1].on_create[0].kind == ast::SetItem::Kind::kMerge);
  CHECK(clauses[1].on_create[1].kind == ast::SetItem::Kind::kLabels);
  CHECK(clauses[2].set_items[0].kind == ast::SetItem::Kind::kProperty);
  CHECK(clauses[2].set_items[0].target->name == "count");
  CHECK(clauses[2].set_items[1].kind == ast::SetItem::Kind::kReplace);
  CHECK(clauses[3].remove_items[1].kind == ast::RemoveItem::Kind::kLabels);
  CHECK(clauses[4].detach);
  CHECK(clauses[5].pos.line == 4);
  CHECK(clauses[5].projection.order_by[0].descending);
  CHECK(clauses[5].projection.where != nullptr);
  CHECK(clauses[7].projection.star);
  CHECK(statement.query.union_all == std::vector<bool>{true});
}

TEST_CASE("Parser: several statements, EXPLAIN and index statements", "[parser]") {
  auto result = ParseStatements(
      "EXPLAIN MATCH (n) RETURN n; CREATE INDEX FOR (p:Person) ON (p.name);\n"
      "CREATE INDEX ON :City(name); DROP INDEX ON :City(name);");
  REQUIRE(result.ok());
  REQUIRE(result->size() == 4);
  CHECK((*result)[0].kind == ast::Statement::Kind::kExplain);
  CHECK((*result)[0].text == "EXPLAIN MATCH (n) RETURN n");
  CHECK((*result)[1].kind == ast::Statement::Kind::kCreateIndex);
  CHECK(((*result)[1].index_label == "Person" && (*result)[1].index_property == "name"));
  CHECK((*result)[2].pos.line == 2);
  CHECK((*result)[3].kind == ast::Statement::Kind::kDropIndex);

  auto empty = ParseStatements("  // nothing here\n ; ");
  REQUIRE(empty.ok());
  CHECK(empty->empty());
}

TEST_CASE("Parser: syntax errors name the mistake and its position", "[parser]") {
  Status s = ParseError("MATCH (n RETURN n");
  CHECK(s.Is(ErrorKind::kSyntax));
  CHECK(s.message() == "expected ')' to close the node pattern but found 'RETURN'");
  CHECK((s.position().line == 1 && s.position().column == 10));

  s = ParseError("MATCH (a)-[r:T->(b) RETURN a");
  CHECK(s.message() == "expected ']' to close the relationship pattern but found '-'");
  CHECK(s.position().column == 15);

  s = ParseError("RETURN [1, 2");
  CHECK(s.message() == "unexpected end of query: expected ']' to close the list");

  s = ParseError("RETURN 'abc");
  CHECK(s.message() == "unterminated string literal");
  CHECK(s.position().column == 8);

  s = ParseError("MATHC (n) RETURN n");
  CHECK(s.message() == "unknown clause 'MATHC' (did you mean MATCH?)");

  s = ParseError("MATCH (n)\nRETURN");
  CHECK(s.message() == "unexpected end of query: expected an expression");
  CHECK((s.position().line == 2 && s.position().column == 7));

  s = ParseError("MATCH (n) RETURN n )");
  CHECK(s.message() == "expected the end of the query but found ')'");

  s = ParseError("RETURN \"a\\qb\"");
  CHECK(s.message() == "invalid escape sequence '\\q' in string");
  CHECK(s.position().column == 10);

  s = ParseError("RETURN 9223372036854775808");
  CHECK(s.message() == "integer literal is too large");

  s = ParseError("RETURN 1,\n  '\xFF'");
  CHECK(s.message() == "the query is not valid UTF-8");
  CHECK((s.position().line == 2 && s.position().column == 4));

  s = ParseError("MATCH (n)\n  WHERE n.x = 1 +\nRETURN n");
  CHECK(s.message() == "expected an expression but found 'RETURN'");
  CHECK((s.position().line == 3 && s.position().column == 1));
}

TEST_CASE("Parser: nesting is capped rather than exhausting the stack", "[parser]") {
  auto nested = [](int depth) { return "RETURN " + std::string(depth, '(') + "1" + std::string(depth, ')'); };
  CHECK(ParseStatements(nested(100)).ok());
  Status s = ParseError(nested(5000));
  CHECK(s.message() == "the query nests brackets more than 100 levels deep");
  CHECK(s.position().column == 108);
}

// Long chains and deep nesting are refused with a position, quickly and
// without exhausting the stack, whatever builds them (parse_limits.h).
TEST_CASE("Parser: chains deeper than the expression limit are refused", "[parser]") {
  auto chain = [](const std::string& term, const std::string& op, int terms) {
    std::string text = "RETURN " + term;
    for (int i = 1; i < terms; ++i) text += op + term;
    return text;
  };
  // 1,000 operators is the limit, not more.
  CHECK(ParseStatements(chain("1", "+", kMaxExpressionDepth + 1)).ok());
  Status s = ParseError(chain("1", "+", kMaxExpressionDepth + 2));
  CHECK(s.message().rfind("the expression nests more than 1000 operations deep (here a chain of 1001 operators", 0) ==
        0);
  CHECK(s.position().column == 8);
  // Long chains are refused from the tokens, before the parse tree exists.
  s = ParseError(chain("1", "+", 100000));
  CHECK(s.message().rfind("the expression nests more than 1000 operations deep (here a chain of 99999 operators", 0) ==
        0);
  CHECK(ParseError(chain("true", " AND ", 50000)).message().find("a chain of 49999 operators") != std::string::npos);
  CHECK(ParseError(chain("1", " - ", 20000)).message().find("a chain of 19999 operators") != std::string::npos);
  std::string is_null = "RETURN x";
  for (int i = 0; i < 2000; ++i) is_null += " IS NULL";
  CHECK(ParseError(is_null).message().find("nests more than 1000") != std::string::npos);
  s = ParseError("WITH {a: 1} AS m RETURN 1, m" + std::string(3000, '.') + "a");
  CHECK(s.Is(ErrorKind::kSyntax));
  std::string properties = "WITH {a: 1} AS m RETURN 1, m";
  for (int i = 0; i < 3000; ++i) properties += ".a";
  s = ParseError(properties);
  CHECK(s.message().find("a chain of 3000 operators") != std::string::npos);
  CHECK(s.position().column == 28);
}

TEST_CASE("Parser: nesting without brackets stops before the stack runs out", "[parser]") {
  auto repeat = [](const std::string& piece, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += piece;
    return out;
  };
  for (const std::string& text : {"RETURN " + repeat("NOT ", 100000) + "true", "RETURN " + repeat("- ", 100000) + "1",
                                  "RETURN " + repeat("CASE WHEN true THEN ", 20000) + "1" + repeat(" END", 20000)}) {
    Status s = ParseError(text);
    CHECK(s.Is(ErrorKind::kSyntax));
    CHECK(s.position().valid());
  }
}

TEST_CASE("Parser: a statement longer than the limit is refused before parsing", "[parser]") {
  std::string list = "RETURN 1;\nRETURN size([1";
  while (list.size() <= kMaxStatementBytes + 8) list += ",1";
  list += "])";
  Status s = ParseError(list);
  CHECK(s.message() ==
        "the statement is 1.0 MiB long; a statement may be at most 1 MiB (pass long lists and maps as parameters)");
  CHECK((s.position().line == 2 && s.position().column == 1));
  // Many statements may add up to more: each is parsed on its own.
  std::string many;
  while (many.size() <= kMaxStatementBytes) many += "RETURN 'a text of some length to fill the script';\n";
  CHECK(ParseStatements(many).ok());
}

TEST_CASE("Parser: unsupported clauses are refused by name", "[parser]") {
  Status s = ParseError("MATCH (n) FOREACH (x IN [1] | SET n.x = x)");
  CHECK(s.Is(ErrorKind::kSemantic));
  CHECK(s.message() == "not supported yet: FOREACH");
  CHECK(s.position().column == 11);

  auto call = ParseOne("CALL db.labels() YIELD label RETURN label");
  CHECK(call.query.parts[0].clauses[0].kind == ClauseKind::kCall);
  CHECK(call.query.parts[0].clauses[0].procedure == "db.labels");
}

}  // namespace
}  // namespace kg
