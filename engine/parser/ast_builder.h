// AstBuilder: turns one statement's ANTLR parse tree into an ast::Statement.
//
// Runs only on a tree that parsed without syntax errors. It still rejects
// what the grammar lets through but openCypher does not mean: integer
// literals out of range and bad string escapes (kSyntax), a SET or REMOVE
// target that is not a property, and constructs kg does not run yet
// (kSemantic "not supported yet: FOREACH"), and expressions nested deeper
// than kMaxExpressionDepth (parse_limits.h). Every Expr gets its original
// text (column names come from it) and the position where it begins.
#pragma once

#include "CypherParser.h"
#include "common/status.h"
#include "parser/ast.h"

namespace kg::parser {

class AstBuilder {
 public:
  // input: the character stream the tree was parsed from (for the text of
  // expressions and statements); it must outlive the builder.
  explicit AstBuilder(antlr4::CharStream* input) : input_(input) {}

  Result<ast::Statement> Build(kg_grammar::CypherParser::StatementContext* ctx);

 private:
  using P = kg_grammar::CypherParser;

  void BuildQuery(P::QueryContext* ctx, ast::Query* query);
  ast::SingleQuery BuildSingleQuery(P::SingleQueryContext* ctx);
  ast::Clause BuildClause(P::ClauseContext* ctx);
  ast::Projection BuildProjection(P::ProjectionBodyContext* ctx);
  ast::SetItem BuildSetItem(P::SetItemContext* ctx);
  ast::RemoveItem BuildRemoveItem(P::RemoveItemContext* ctx);

  std::vector<ast::PatternPart> BuildPattern(P::PatternContext* ctx);
  ast::PatternPart BuildPatternPart(P::PatternPartContext* ctx);
  void BuildPatternElement(P::PatternElementContext* ctx, ast::PatternPart* part);
  void AddChain(P::PatternElementChainContext* ctx, ast::PatternPart* part);
  ast::NodePattern BuildNode(P::NodePatternContext* ctx);
  ast::RelPattern BuildRel(P::RelationshipPatternContext* ctx);
  ast::PatternPart BuildRelationshipsPattern(P::RelationshipsPatternContext* ctx);
  ast::ExprPtr BuildProperties(P::PropertiesContext* ctx);

  ast::ExprPtr Expr(antlr4::ParserRuleContext* ctx);  // any expression-level rule
  ast::ExprPtr Or(P::OrExpressionContext* ctx);
  ast::ExprPtr Xor(P::XorExpressionContext* ctx);
  ast::ExprPtr And(P::AndExpressionContext* ctx);
  ast::ExprPtr Not(P::NotExpressionContext* ctx);
  ast::ExprPtr Comparison(P::ComparisonExpressionContext* ctx);
  ast::ExprPtr Predicate(P::PredicateExpressionContext* ctx);
  ast::ExprPtr Arithmetic(antlr4::ParserRuleContext* ctx);  // + -, * / %, ^
  ast::ExprPtr Unary(P::UnaryExpressionContext* ctx);
  ast::ExprPtr Label(P::LabelExpressionContext* ctx);
  ast::ExprPtr Postfix(P::PostfixExpressionContext* ctx);
  ast::ExprPtr Atom(P::AtomContext* ctx);
  ast::ExprPtr Literal(P::LiteralContext* ctx);
  ast::ExprPtr Number(P::NumberLiteralContext* ctx, bool negate, antlr4::ParserRuleContext* whole);
  ast::ExprPtr Case(P::CaseExpressionContext* ctx);
  ast::ExprPtr ListComprehension(P::ListComprehensionContext* ctx);
  ast::ExprPtr PatternComprehension(P::PatternComprehensionContext* ctx);
  ast::ExprPtr Quantifier(P::QuantifierExpressionContext* ctx);
  ast::ExprPtr Reduce(P::ReduceExpressionContext* ctx);
  ast::ExprPtr Function(P::FunctionInvocationContext* ctx);
  ast::ExprPtr MapProjection(P::MapProjectionContext* ctx);
  ast::ExprPtr Parameter(P::ParameterContext* ctx);
  // EXISTS { ... } or COUNT { ... } (kind), whose braces hold `body`.
  ast::ExprPtr Subquery(ast::ExprKind kind, P::AtomContext* ctx, P::SubqueryBodyContext* body);

  // A new expression of `kind` covering the text from `first` to `last`.
  ast::ExprPtr Make(ast::ExprKind kind, antlr4::Token* first, antlr4::Token* last);
  ast::ExprPtr Make(ast::ExprKind kind, antlr4::ParserRuleContext* ctx) {
    return Make(kind, ctx->getStart(), ctx->getStop());
  }
  std::string Text(antlr4::Token* first, antlr4::Token* last) const;
  std::string Text(antlr4::ParserRuleContext* ctx) const { return Text(ctx->getStart(), ctx->getStop()); }
  std::string DecodeString(antlr4::Token* token);

  // A left-deep chain of `levels` operators (a + b + ..., n.a.b..., x IS
  // NULL IS NULL) starting at `at` is about to be built: its operands are
  // built this much deeper. Refuses past kMaxExpressionDepth (parse_limits.h)
  // before anything deep exists. Undone by the returned guard.
  class Deeper {
   public:
    Deeper(AstBuilder* builder, size_t levels, antlr4::Token* at);
    ~Deeper() { builder_->depth_ -= levels_; }
    Deeper(const Deeper&) = delete;
    Deeper& operator=(const Deeper&) = delete;

   private:
    AstBuilder* builder_;
    size_t levels_;
  };

  antlr4::CharStream* input_;
  size_t depth_ = 0;  // of the expression being built, counted by Deeper
};

}  // namespace kg::parser
