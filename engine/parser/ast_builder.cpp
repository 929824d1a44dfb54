#include "parser/ast_builder.h"

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <utility>

#include "common/utf8.h"
#include "misc/Interval.h"
#include "parser/parse_limits.h"
#include "tree/TerminalNode.h"

namespace kg::parser {
namespace {

using P = kg_grammar::CypherParser;
using ast::ExprKind;
using ast::ExprPtr;
using ast::Op;

// Thrown inside the builder only; Build() turns it into its Status.
struct BuildError {
  Status status;
};

Position PosOf(const antlr4::Token* token) {
  return Position{static_cast<int>(token->getLine()), static_cast<int>(token->getCharPositionInLine()) + 1};
}

Position PosOf(antlr4::ParserRuleContext* ctx) { return PosOf(ctx->getStart()); }

// The text of a name, with the backquotes of `a name` removed (a doubled
// backquote inside stands for one).
std::string NameText(antlr4::ParserRuleContext* ctx) {
  std::string text = ctx->getText();
  if (text.empty() || text[0] != '`') return text;
  std::string out;
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] == '`') ++i;  // `` inside, or the end of one part and the start of the next
    out += text[i];
  }
  return out;
}

std::string Name(P::VariableContext* ctx) { return NameText(ctx->symbolicName()); }
std::string Name(P::SchemaNameContext* ctx) {
  return ctx->symbolicName() != nullptr ? NameText(ctx->symbolicName()) : ctx->getText();
}
std::string Name(P::PropertyKeyNameContext* ctx) { return Name(ctx->schemaName()); }

std::vector<std::string> Labels(P::NodeLabelsContext* ctx) {
  std::vector<std::string> labels;
  for (auto* label : ctx->nodeLabel()) labels.push_back(Name(label->labelName()->schemaName()));
  return labels;
}

bool IsTerminal(antlr4::tree::ParseTree* node, const char* text) {
  auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(node);
  return terminal != nullptr && terminal->getText() == text;
}

// Parses `count` hex digits at text[i]; false if they are not all hex digits.
bool ParseHex(const std::string& text, size_t i, size_t count, uint32_t* value) {
  if (i + count > text.size()) return false;
  *value = 0;
  for (size_t k = 0; k < count; ++k) {
    char c = text[i + k];
    int digit = (c >= '0' && c <= '9')   ? c - '0'
                : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                         : -1;
    if (digit < 0) return false;
    *value = *value * 16 + static_cast<uint32_t>(digit);
  }
  return true;
}

int64_t ParseHops(antlr4::tree::TerminalNode* node) {
  const std::string text = node->getText();
  int64_t value = 0;
  for (char c : text) {
    if (value > (INT64_MAX - 9) / 10) {
      throw BuildError{Status::Syntax("integer literal is too large", PosOf(node->getSymbol()))};
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::string AstBuilder::Text(antlr4::Token* first, antlr4::Token* last) const {
  if (first == nullptr || last == nullptr || last->getStopIndex() < first->getStartIndex()) return "";
  return input_->getText(antlr4::misc::Interval(first->getStartIndex(), last->getStopIndex()));
}

AstBuilder::Deeper::Deeper(AstBuilder* builder, size_t levels, antlr4::Token* at) : builder_(builder), levels_(levels) {
  builder_->depth_ += levels_;
  if (builder_->depth_ > static_cast<size_t>(kMaxExpressionDepth)) {
    builder_->depth_ -= levels_;
    // A chain says how long it is; NOT NOT ... and - - ... grow one at a time.
    const std::string chain = levels > 1 ? " (here a chain of " + std::to_string(levels) +
                                               " operators begins; pass long lists as parameters and use IN, "
                                               "any() or reduce())"
                                         : "";
    throw BuildError{Status::Syntax(
        "the expression nests more than " + std::to_string(kMaxExpressionDepth) + " operations deep" + chain,
        PosOf(at))};
  }
}

ExprPtr AstBuilder::Make(ExprKind kind, antlr4::Token* first, antlr4::Token* last) {
  auto expr = std::make_unique<ast::Expr>();
  expr->kind = kind;
  expr->pos = PosOf(first);
  expr->text = Text(first, last);
  return expr;
}

// ------------------------------------------------------------------ statements

Result<ast::Statement> AstBuilder::Build(P::StatementContext* ctx) {
  ast::Statement statement;
  statement.pos = PosOf(ctx);
  statement.text = Text(ctx);
  try {
    if (auto* index = ctx->createIndex()) {
      statement.kind = ast::Statement::Kind::kCreateIndex;
      statement.index_label = Name(index->nodeLabel()->labelName()->schemaName());
      statement.index_property = Name(index->propertyKeyName());
      auto variables = index->variable();
      if (variables.size() == 2 && Name(variables[0]) != Name(variables[1])) {
        return Status::Semantic(
            "the indexed property must belong to '" + Name(variables[0]) + "', not '" + Name(variables[1]) + "'",
            PosOf(variables[1]));
      }
    } else if (auto* index = ctx->createFullTextIndex()) {
      statement.kind = ast::Statement::Kind::kCreateFullTextIndex;
      statement.index_name = NameText(index->symbolicName());
      statement.index_name_pos = PosOf(index->symbolicName());
      statement.if_exists = index->EXISTS() != nullptr;
      for (auto* label : index->labelName()) {
        std::string name = Name(label->schemaName());
        if (std::find(statement.index_labels.begin(), statement.index_labels.end(), name) ==
            statement.index_labels.end()) {
          statement.index_labels.push_back(std::move(name));
        }
      }
      const std::string variable = Name(index->variable());
      for (auto* item : index->expression()) {
        ast::ExprPtr e = Expr(item);
        if (e->kind != ast::ExprKind::kProperty || e->args[0]->kind != ast::ExprKind::kVariable ||
            e->args[0]->name != variable) {
          return Status::Semantic(
              "a full-text index lists properties of '" + variable + "', like " + variable + ".name, not " + Text(item),
              PosOf(item));
        }
        if (std::find(statement.index_properties.begin(), statement.index_properties.end(), e->name) !=
            statement.index_properties.end()) {
          return Status::Semantic(variable + "." + e->name + " is listed twice", PosOf(item));
        }
        statement.index_properties.push_back(e->name);
      }
    } else if (auto* index = ctx->dropIndex()) {
      if (index->symbolicName()) {
        statement.kind = ast::Statement::Kind::kDropNamedIndex;
        statement.index_name = NameText(index->symbolicName());
        statement.index_name_pos = PosOf(index->symbolicName());
        statement.if_exists = index->EXISTS() != nullptr;
      } else {
        statement.kind = ast::Statement::Kind::kDropIndex;
        statement.index_label = Name(index->nodeLabel()->labelName()->schemaName());
        statement.index_property = Name(index->propertyKeyName());
      }
    } else {
      if (ctx->EXPLAIN() != nullptr) statement.kind = ast::Statement::Kind::kExplain;
      if (ctx->PROFILE() != nullptr) statement.kind = ast::Statement::Kind::kProfile;
      BuildQuery(ctx->query(), &statement.query);
    }
  } catch (BuildError& e) {
    return std::move(e.status);
  }
  return statement;
}

void AstBuilder::BuildQuery(P::QueryContext* ctx, ast::Query* query) {
  for (auto* single : ctx->singleQuery()) query->parts.push_back(BuildSingleQuery(single));
  for (auto* op : ctx->unionOp()) query->union_all.push_back(op->ALL() != nullptr);
}

ast::SingleQuery AstBuilder::BuildSingleQuery(P::SingleQueryContext* ctx) {
  ast::SingleQuery query;
  for (auto* clause : ctx->clause()) query.clauses.push_back(BuildClause(clause));
  return query;
}

ast::Clause AstBuilder::BuildClause(P::ClauseContext* ctx) {
  ast::Clause clause;
  clause.pos = PosOf(ctx);
  if (auto* match = ctx->matchClause()) {
    clause.kind = ast::ClauseKind::kMatch;
    clause.optional = match->OPTIONAL() != nullptr;
    clause.pattern = BuildPattern(match->pattern());
    if (match->whereClause() != nullptr) clause.where = Expr(match->whereClause()->expression());
  } else if (auto* unwind = ctx->unwindClause()) {
    clause.kind = ast::ClauseKind::kUnwind;
    clause.expr = Expr(unwind->expression());
    clause.variable = Name(unwind->variable());
  } else if (auto* with = ctx->withClause()) {
    clause.kind = ast::ClauseKind::kWith;
    clause.projection = BuildProjection(with->projectionBody());
    if (with->whereClause() != nullptr) clause.projection.where = Expr(with->whereClause()->expression());
  } else if (auto* ret = ctx->returnClause()) {
    clause.kind = ast::ClauseKind::kReturn;
    clause.projection = BuildProjection(ret->projectionBody());
  } else if (auto* create = ctx->createClause()) {
    clause.kind = ast::ClauseKind::kCreate;
    clause.pattern = BuildPattern(create->pattern());
  } else if (auto* merge = ctx->mergeClause()) {
    clause.kind = ast::ClauseKind::kMerge;
    clause.pattern.push_back(BuildPatternPart(merge->patternPart()));
    for (auto* action : merge->mergeAction()) {
      auto& items = action->CREATE() != nullptr ? clause.on_create : clause.on_match;
      for (auto* item : action->setItem()) items.push_back(BuildSetItem(item));
    }
  } else if (auto* set = ctx->setClause()) {
    clause.kind = ast::ClauseKind::kSet;
    for (auto* item : set->setItem()) clause.set_items.push_back(BuildSetItem(item));
  } else if (auto* remove = ctx->removeClause()) {
    clause.kind = ast::ClauseKind::kRemove;
    for (auto* item : remove->removeItem()) clause.remove_items.push_back(BuildRemoveItem(item));
  } else if (auto* del = ctx->deleteClause()) {
    clause.kind = ast::ClauseKind::kDelete;
    clause.detach = del->DETACH() != nullptr;
    for (auto* expr : del->expression()) clause.delete_exprs.push_back(Expr(expr));
  } else if (auto* call = ctx->callClause()) {
    clause.kind = ast::ClauseKind::kCall;
    for (auto* part : call->procedureName()->symbolicName()) {
      if (!clause.procedure.empty()) clause.procedure += '.';
      clause.procedure += NameText(part);
    }
    for (auto* child : call->children) {  // CALL name ( ... ): the parenthesis is a bare token
      auto* token = dynamic_cast<antlr4::tree::TerminalNode*>(child);
      if (token != nullptr && token->getText() == "(") clause.call_args_given = true;
    }
    for (auto* arg : call->expression()) clause.call_args.push_back(Expr(arg));
    if (auto* yield = call->yieldItems()) {
      clause.yield_given = true;
      clause.yield_star = yield->yieldItem().empty();
      for (auto* item : yield->yieldItem()) {
        ast::YieldItem y;
        y.pos = PosOf(item);
        y.column = NameText(item->symbolicName());
        y.variable = item->variable() != nullptr ? Name(item->variable()) : y.column;
        clause.yield_items.push_back(std::move(y));
      }
      if (yield->whereClause() != nullptr) clause.where = Expr(yield->whereClause()->expression());
    }
  } else {
    auto* unsupported = ctx->unsupportedClause();
    const char* what = "this clause";
    if (dynamic_cast<P::ForeachClauseContext*>(unsupported) != nullptr) what = "FOREACH";
    if (dynamic_cast<P::LoadCsvClauseContext*>(unsupported) != nullptr) what = "LOAD CSV";
    if (dynamic_cast<P::CallSubqueryClauseContext*>(unsupported) != nullptr) what = "CALL { ... } subqueries";
    if (dynamic_cast<P::UseClauseContext*>(unsupported) != nullptr) what = "USE";
    throw BuildError{Status::Semantic(std::string("not supported yet: ") + what, clause.pos)};
  }
  return clause;
}

ast::Projection AstBuilder::BuildProjection(P::ProjectionBodyContext* ctx) {
  ast::Projection projection;
  projection.distinct = ctx->DISTINCT() != nullptr;
  auto* items = ctx->projectionItems();
  projection.star = IsTerminal(items->children[0], "*");
  for (auto* item : items->projectionItem()) {
    ast::ProjectionItem out;
    out.expr = Expr(item->expression());
    if (item->variable() != nullptr) {
      out.alias = Name(item->variable());
      out.has_alias = true;
    } else {
      out.alias = out.expr->text;
    }
    projection.items.push_back(std::move(out));
  }
  if (auto* order = ctx->orderBy()) {
    for (auto* sort : order->sortItem()) {
      ast::SortItem item;
      item.expr = Expr(sort->expression());
      item.descending = sort->DESC() != nullptr || sort->DESCENDING() != nullptr;
      projection.order_by.push_back(std::move(item));
    }
  }
  if (ctx->skipClause() != nullptr) projection.skip = Expr(ctx->skipClause()->expression());
  if (ctx->limitClause() != nullptr) projection.limit = Expr(ctx->limitClause()->expression());
  return projection;
}

ast::SetItem AstBuilder::BuildSetItem(P::SetItemContext* ctx) {
  ast::SetItem item{};
  item.pos = PosOf(ctx);
  if (ctx->nodeLabels() != nullptr) {
    item.kind = ast::SetItem::Kind::kLabels;
    item.variable = Name(ctx->variable());
    item.labels = Labels(ctx->nodeLabels());
    return item;
  }
  item.value = Expr(ctx->expression());
  if (ctx->variable() != nullptr) {  // +=
    item.kind = ast::SetItem::Kind::kMerge;
    item.variable = Name(ctx->variable());
    return item;
  }
  ExprPtr target = Expr(ctx->postfixExpression());
  if (target->kind == ExprKind::kProperty) {
    item.kind = ast::SetItem::Kind::kProperty;
    item.target = std::move(target);
  } else if (target->kind == ExprKind::kVariable) {
    item.kind = ast::SetItem::Kind::kReplace;
    item.variable = target->name;
  } else {
    throw BuildError{Status::Syntax(
        "SET needs a property (n.key) or a variable to assign to, not '" + target->text + "'", item.pos)};
  }
  return item;
}

ast::RemoveItem AstBuilder::BuildRemoveItem(P::RemoveItemContext* ctx) {
  ast::RemoveItem item{};
  item.pos = PosOf(ctx);
  if (ctx->nodeLabels() != nullptr) {
    item.kind = ast::RemoveItem::Kind::kLabels;
    item.variable = Name(ctx->variable());
    item.labels = Labels(ctx->nodeLabels());
    return item;
  }
  ExprPtr target = Expr(ctx->postfixExpression());
  if (target->kind != ExprKind::kProperty) {
    throw BuildError{
        Status::Syntax("REMOVE needs a property (n.key) or labels (n:Label), not '" + target->text + "'", item.pos)};
  }
  item.kind = ast::RemoveItem::Kind::kProperty;
  item.target = std::move(target);
  return item;
}

// -------------------------------------------------------------------- patterns

std::vector<ast::PatternPart> AstBuilder::BuildPattern(P::PatternContext* ctx) {
  std::vector<ast::PatternPart> parts;
  for (auto* part : ctx->patternPart()) parts.push_back(BuildPatternPart(part));
  return parts;
}

ast::PatternPart AstBuilder::BuildPatternPart(P::PatternPartContext* ctx) {
  ast::PatternPart part;
  part.pos = PosOf(ctx);
  if (ctx->variable() != nullptr) part.path_variable = Name(ctx->variable());
  auto* anonymous = ctx->anonymousPatternPart();
  if (anonymous->SHORTESTPATH() != nullptr) part.kind = ast::PatternPart::Kind::kShortest;
  if (anonymous->ALLSHORTESTPATHS() != nullptr) part.kind = ast::PatternPart::Kind::kAllShortest;
  BuildPatternElement(anonymous->patternElement(), &part);
  return part;
}

void AstBuilder::BuildPatternElement(P::PatternElementContext* ctx, ast::PatternPart* part) {
  while (ctx->patternElement() != nullptr) ctx = ctx->patternElement();  // ((a)-->(b))
  part->nodes.push_back(BuildNode(ctx->nodePattern()));
  for (auto* chain : ctx->patternElementChain()) AddChain(chain, part);
}

void AstBuilder::AddChain(P::PatternElementChainContext* ctx, ast::PatternPart* part) {
  part->rels.push_back(BuildRel(ctx->relationshipPattern()));
  part->nodes.push_back(BuildNode(ctx->nodePattern()));
}

ast::PatternPart AstBuilder::BuildRelationshipsPattern(P::RelationshipsPatternContext* ctx) {
  ast::PatternPart part;
  part.pos = PosOf(ctx);
  part.nodes.push_back(BuildNode(ctx->nodePattern()));
  for (auto* chain : ctx->patternElementChain()) AddChain(chain, &part);
  return part;
}

ast::NodePattern AstBuilder::BuildNode(P::NodePatternContext* ctx) {
  ast::NodePattern node;
  node.pos = PosOf(ctx);
  if (ctx->variable() != nullptr) node.variable = Name(ctx->variable());
  if (ctx->nodeLabels() != nullptr) node.labels = Labels(ctx->nodeLabels());
  if (ctx->properties() != nullptr) node.properties = BuildProperties(ctx->properties());
  return node;
}

ast::RelPattern AstBuilder::BuildRel(P::RelationshipPatternContext* ctx) {
  ast::RelPattern rel;
  rel.pos = PosOf(ctx);
  bool left = false;
  bool right = false;
  for (auto* child : ctx->children) {
    if (IsTerminal(child, "<")) left = true;
    if (IsTerminal(child, ">")) right = true;
  }
  rel.direction = left == right ? ast::RelDirection::kBoth
                  : left        ? ast::RelDirection::kLeft
                                : ast::RelDirection::kRight;
  auto* detail = ctx->relationshipDetail();
  if (detail == nullptr) return rel;
  if (detail->variable() != nullptr) rel.variable = Name(detail->variable());
  if (auto* types = detail->relationshipTypes()) {
    for (auto* type : types->relTypeName()) rel.types.push_back(Name(type->schemaName()));
  }
  if (auto* range = detail->rangeLiteral()) {
    rel.variable_length = true;
    bool after_dots = false;
    bool has_dots = false;
    for (auto* child : range->children) {
      auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(child);
      if (terminal == nullptr) continue;
      if (terminal->getText() == "..") {
        after_dots = has_dots = true;
      } else if (terminal->getSymbol()->getType() == P::DecimalInteger) {
        (after_dots ? rel.max_hops : rel.min_hops) = ParseHops(terminal);
      }
    }
    if (!has_dots && rel.min_hops) rel.max_hops = rel.min_hops;  // *2 means exactly two
  }
  if (detail->properties() != nullptr) rel.properties = BuildProperties(detail->properties());
  return rel;
}

ExprPtr AstBuilder::BuildProperties(P::PropertiesContext* ctx) {
  if (ctx->parameter() != nullptr) return Parameter(ctx->parameter());
  auto map = Make(ExprKind::kMap, ctx->mapLiteral());
  auto* literal = ctx->mapLiteral();
  for (size_t i = 0; i < literal->propertyKeyName().size(); ++i) {
    map->keys.push_back(Name(literal->propertyKeyName(i)));
    map->args.push_back(Expr(literal->expression(i)));
  }
  return map;
}

// ----------------------------------------------------------------- expressions

ExprPtr AstBuilder::Expr(antlr4::ParserRuleContext* ctx) {
  if (auto* e = dynamic_cast<P::ExpressionContext*>(ctx)) return Or(e->orExpression());
  if (auto* e = dynamic_cast<P::OrExpressionContext*>(ctx)) return Or(e);
  if (auto* e = dynamic_cast<P::XorExpressionContext*>(ctx)) return Xor(e);
  if (auto* e = dynamic_cast<P::AndExpressionContext*>(ctx)) return And(e);
  if (auto* e = dynamic_cast<P::NotExpressionContext*>(ctx)) return Not(e);
  if (auto* e = dynamic_cast<P::ComparisonExpressionContext*>(ctx)) return Comparison(e);
  if (auto* e = dynamic_cast<P::PredicateExpressionContext*>(ctx)) return Predicate(e);
  if (auto* e = dynamic_cast<P::UnaryExpressionContext*>(ctx)) return Unary(e);
  if (auto* e = dynamic_cast<P::LabelExpressionContext*>(ctx)) return Label(e);
  if (auto* e = dynamic_cast<P::PostfixExpressionContext*>(ctx)) return Postfix(e);
  if (auto* e = dynamic_cast<P::AtomContext*>(ctx)) return Atom(e);
  return Arithmetic(ctx);
}

namespace {

Op BinaryOp(const std::string& symbol) {
  if (symbol == "+") return Op::kAdd;
  if (symbol == "-") return Op::kSub;
  if (symbol == "*") return Op::kMul;
  if (symbol == "/") return Op::kDiv;
  if (symbol == "%") return Op::kMod;
  if (symbol == "^") return Op::kPow;
  if (symbol == "=") return Op::kEq;
  if (symbol == "<>") return Op::kNe;
  if (symbol == "<") return Op::kLt;
  if (symbol == "<=") return Op::kLe;
  if (symbol == ">") return Op::kGt;
  if (symbol == ">=") return Op::kGe;
  if (utf8::EqualsIgnoreCase(symbol, "OR")) return Op::kOr;
  if (utf8::EqualsIgnoreCase(symbol, "XOR")) return Op::kXor;
  if (utf8::EqualsIgnoreCase(symbol, "AND")) return Op::kAnd;
  return Op::kNone;
}

}  // namespace

// Every binary level has the shape `operand (operator operand)*`: fold it
// left to right; each partial result covers the text of its operands.
ExprPtr AstBuilder::Arithmetic(antlr4::ParserRuleContext* ctx) {
  ExprPtr result;
  antlr4::Token* first = ctx->getStart();
  const size_t operands = ctx->children.size() / 2 + 1;  // operand (operator operand)*
  Deeper deeper(this, operands - 1, first);
  Op op = Op::kNone;
  for (auto* child : ctx->children) {
    if (auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(child)) {
      op = BinaryOp(terminal->getText());
      continue;
    }
    auto* operand = dynamic_cast<antlr4::ParserRuleContext*>(child);
    if (operand == nullptr) continue;
    if (auto* comparison_op = dynamic_cast<P::ComparisonOperatorContext*>(operand)) {
      op = BinaryOp(comparison_op->getText());
      continue;
    }
    ExprPtr right = Expr(operand);
    if (result == nullptr) {
      result = std::move(right);
      continue;
    }
    auto binary = Make(ExprKind::kBinary, first, operand->getStop());
    binary->op = op;
    binary->args.push_back(std::move(result));
    binary->args.push_back(std::move(right));
    result = std::move(binary);
  }
  return result;
}

ExprPtr AstBuilder::Or(P::OrExpressionContext* ctx) { return Arithmetic(ctx); }
ExprPtr AstBuilder::Xor(P::XorExpressionContext* ctx) { return Arithmetic(ctx); }
ExprPtr AstBuilder::And(P::AndExpressionContext* ctx) { return Arithmetic(ctx); }

ExprPtr AstBuilder::Not(P::NotExpressionContext* ctx) {
  if (ctx->NOT() == nullptr) return Comparison(ctx->comparisonExpression());
  Deeper deeper(this, 1, ctx->getStart());
  auto expr = Make(ExprKind::kUnary, ctx);
  expr->op = Op::kNot;
  expr->args.push_back(Not(ctx->notExpression()));
  return expr;
}

// a < b < c is a < b AND b < c: b is built twice, once for each comparison.
ExprPtr AstBuilder::Comparison(P::ComparisonExpressionContext* ctx) {
  auto operands = ctx->predicateExpression();
  auto ops = ctx->comparisonOperator();
  if (ops.size() <= 1) return Arithmetic(ctx);
  Deeper deeper(this, 2 * ops.size(), ctx->getStart());
  ExprPtr result;
  for (size_t i = 0; i < ops.size(); ++i) {
    auto comparison = Make(ExprKind::kBinary, operands[i]->getStart(), operands[i + 1]->getStop());
    comparison->op = BinaryOp(ops[i]->getText());
    comparison->args.push_back(Predicate(operands[i]));
    comparison->args.push_back(Predicate(operands[i + 1]));
    if (result == nullptr) {
      result = std::move(comparison);
      continue;
    }
    auto conjunction = Make(ExprKind::kBinary, ctx->getStart(), operands[i + 1]->getStop());
    conjunction->op = Op::kAnd;
    conjunction->args.push_back(std::move(result));
    conjunction->args.push_back(std::move(comparison));
    result = std::move(conjunction);
  }
  return result;
}

ExprPtr AstBuilder::Predicate(P::PredicateExpressionContext* ctx) {
  Deeper deeper(this, ctx->predicateSuffix().size(), ctx->getStart());
  ExprPtr result = Arithmetic(ctx->addSubExpression());
  for (auto* suffix : ctx->predicateSuffix()) {
    ExprPtr expr;
    if (dynamic_cast<P::IsNullPredicateContext*>(suffix) != nullptr) {
      expr = Make(ExprKind::kIsNull, ctx->getStart(), suffix->getStop());
    } else if (dynamic_cast<P::IsNotNullPredicateContext*>(suffix) != nullptr) {
      expr = Make(ExprKind::kIsNotNull, ctx->getStart(), suffix->getStop());
    } else {
      expr = Make(ExprKind::kBinary, ctx->getStart(), suffix->getStop());
      P::AddSubExpressionContext* right = nullptr;
      if (auto* s = dynamic_cast<P::InPredicateContext*>(suffix)) expr->op = Op::kIn, right = s->addSubExpression();
      if (auto* s = dynamic_cast<P::StartsWithPredicateContext*>(suffix)) {
        expr->op = Op::kStartsWith, right = s->addSubExpression();
      }
      if (auto* s = dynamic_cast<P::EndsWithPredicateContext*>(suffix)) {
        expr->op = Op::kEndsWith, right = s->addSubExpression();
      }
      if (auto* s = dynamic_cast<P::ContainsPredicateContext*>(suffix)) {
        expr->op = Op::kContains, right = s->addSubExpression();
      }
      if (auto* s = dynamic_cast<P::RegexPredicateContext*>(suffix)) {
        expr->op = Op::kRegexMatch, right = s->addSubExpression();
      }
      expr->args.push_back(std::move(result));
      expr->args.push_back(Arithmetic(right));
      result = std::move(expr);
      continue;
    }
    expr->args.push_back(std::move(result));
    result = std::move(expr);
  }
  return result;
}

ExprPtr AstBuilder::Unary(P::UnaryExpressionContext* ctx) {
  if (ctx->labelExpression() != nullptr) return Label(ctx->labelExpression());
  const bool minus = IsTerminal(ctx->children[0], "-");
  auto* operand = ctx->unaryExpression();
  // -<number> is one literal, so -9223372036854775808 is representable.
  if (minus && operand->labelExpression() != nullptr && operand->labelExpression()->nodeLabels() == nullptr) {
    auto* postfix = operand->labelExpression()->postfixExpression();
    if (postfix->postfixOperator().empty()) {
      if (auto* atom = dynamic_cast<P::LiteralAtomContext*>(postfix->atom())) {
        if (atom->literal()->numberLiteral() != nullptr) return Number(atom->literal()->numberLiteral(), true, ctx);
      }
    }
  }
  Deeper deeper(this, 1, ctx->getStart());
  auto expr = Make(ExprKind::kUnary, ctx);
  expr->op = minus ? Op::kNegate : Op::kPlus;
  expr->args.push_back(Unary(operand));
  return expr;
}

ExprPtr AstBuilder::Label(P::LabelExpressionContext* ctx) {
  ExprPtr base = Postfix(ctx->postfixExpression());
  if (ctx->nodeLabels() == nullptr) return base;
  auto expr = Make(ExprKind::kLabelCheck, ctx);
  expr->labels = Labels(ctx->nodeLabels());
  expr->args.push_back(std::move(base));
  return expr;
}

ExprPtr AstBuilder::Postfix(P::PostfixExpressionContext* ctx) {
  Deeper deeper(this, ctx->postfixOperator().size(), ctx->getStart());
  ExprPtr result = Atom(ctx->atom());
  for (auto* op : ctx->postfixOperator()) {
    ExprPtr expr;
    if (auto* lookup = dynamic_cast<P::PropertyLookupContext*>(op)) {
      expr = Make(ExprKind::kProperty, ctx->getStart(), op->getStop());
      expr->name = Name(lookup->propertyKeyName());
      expr->args.push_back(std::move(result));
    } else if (auto* index = dynamic_cast<P::IndexOperatorContext*>(op)) {
      expr = Make(ExprKind::kIndex, ctx->getStart(), op->getStop());
      expr->args.push_back(std::move(result));
      expr->args.push_back(Expr(index->expression()));
    } else {
      expr = Make(ExprKind::kSlice, ctx->getStart(), op->getStop());
      expr->args.push_back(std::move(result));
      ExprPtr from, to;
      bool after_dots = false;
      for (auto* child : op->children) {
        if (IsTerminal(child, "..")) after_dots = true;
        if (auto* bound = dynamic_cast<P::ExpressionContext*>(child)) (after_dots ? to : from) = Expr(bound);
      }
      expr->args.push_back(std::move(from));
      expr->args.push_back(std::move(to));
    }
    result = std::move(expr);
  }
  return result;
}

ExprPtr AstBuilder::Subquery(ExprKind kind, P::AtomContext* ctx, P::SubqueryBodyContext* body) {
  auto expr = Make(kind, ctx);
  auto query = std::make_shared<ast::Query>();
  if (body->query() != nullptr) {
    BuildQuery(body->query(), query.get());
  } else {
    // The short form is the query MATCH <pattern> [WHERE ...].
    ast::Clause match;
    match.kind = ast::ClauseKind::kMatch;
    match.pos = PosOf(body);
    match.pattern = BuildPattern(body->pattern());
    if (body->whereClause() != nullptr) match.where = Expr(body->whereClause()->expression());
    query->parts.emplace_back();
    query->parts[0].clauses.push_back(std::move(match));
  }
  expr->subquery = std::move(query);
  return expr;
}

ExprPtr AstBuilder::Atom(P::AtomContext* ctx) {
  if (auto* a = dynamic_cast<P::LiteralAtomContext*>(ctx)) return Literal(a->literal());
  if (auto* a = dynamic_cast<P::ParameterAtomContext*>(ctx)) return Parameter(a->parameter());
  if (auto* a = dynamic_cast<P::CaseAtomContext*>(ctx)) return Case(a->caseExpression());
  if (dynamic_cast<P::CountStarAtomContext*>(ctx) != nullptr) return Make(ExprKind::kCountStar, ctx);
  if (auto* a = dynamic_cast<P::ListComprehensionAtomContext*>(ctx)) return ListComprehension(a->listComprehension());
  if (auto* a = dynamic_cast<P::PatternComprehensionAtomContext*>(ctx)) {
    return PatternComprehension(a->patternComprehension());
  }
  if (auto* a = dynamic_cast<P::QuantifierAtomContext*>(ctx)) return Quantifier(a->quantifierExpression());
  if (auto* a = dynamic_cast<P::ReduceAtomContext*>(ctx)) return Reduce(a->reduceExpression());
  if (auto* a = dynamic_cast<P::ExistsSubqueryAtomContext*>(ctx)) {
    return Subquery(ExprKind::kExistsSubquery, ctx, a->existsSubquery()->subqueryBody());
  }
  if (auto* a = dynamic_cast<P::CountSubqueryAtomContext*>(ctx)) {
    return Subquery(ExprKind::kCountSubquery, ctx, a->countSubquery()->subqueryBody());
  }
  if (auto* a = dynamic_cast<P::PatternPredicateAtomContext*>(ctx)) {
    auto expr = Make(ExprKind::kPatternPredicate, ctx);
    expr->pattern = std::make_shared<ast::PatternPart>(BuildRelationshipsPattern(a->relationshipsPattern()));
    return expr;
  }
  if (auto* a = dynamic_cast<P::ParenthesizedAtomContext*>(ctx)) {
    // The parentheses belong to the expression's text: RETURN (1 + 2) names its column "(1 + 2)".
    ExprPtr inner = Expr(a->parenthesizedExpression()->expression());
    inner->text = Text(ctx);
    inner->pos = PosOf(ctx);
    return inner;
  }
  if (auto* a = dynamic_cast<P::FunctionAtomContext*>(ctx)) return Function(a->functionInvocation());
  if (auto* a = dynamic_cast<P::MapProjectionAtomContext*>(ctx)) return MapProjection(a->mapProjection());
  auto* a = dynamic_cast<P::VariableAtomContext*>(ctx);
  auto expr = Make(ExprKind::kVariable, ctx);
  expr->name = Name(a->variable());
  return expr;
}

ExprPtr AstBuilder::Literal(P::LiteralContext* ctx) {
  if (ctx->numberLiteral() != nullptr) return Number(ctx->numberLiteral(), false, ctx);
  if (auto* list = ctx->listLiteral()) {
    auto expr = Make(ExprKind::kList, ctx);
    for (auto* element : list->expression()) expr->args.push_back(Expr(element));
    return expr;
  }
  if (auto* map = ctx->mapLiteral()) {
    auto expr = Make(ExprKind::kMap, ctx);
    for (size_t i = 0; i < map->propertyKeyName().size(); ++i) {
      expr->keys.push_back(Name(map->propertyKeyName(i)));
      expr->args.push_back(Expr(map->expression(i)));
    }
    return expr;
  }
  auto expr = Make(ExprKind::kLiteral, ctx);
  if (ctx->StringLiteral() != nullptr) expr->value = Value(DecodeString(ctx->StringLiteral()->getSymbol()));
  if (ctx->TRUE() != nullptr) expr->value = Value(true);
  if (ctx->FALSE() != nullptr) expr->value = Value(false);
  return expr;  // NULL: the default Value
}

ExprPtr AstBuilder::Number(P::NumberLiteralContext* ctx, bool negate, antlr4::ParserRuleContext* whole) {
  auto expr = Make(ExprKind::kLiteral, whole);
  const std::string text = ctx->getText();
  if (ctx->ExponentReal() != nullptr || ctx->RegularReal() != nullptr) {
    errno = 0;
    double value = std::strtod(text.c_str(), nullptr);
    if (std::isinf(value)) throw BuildError{Status::Syntax("float literal is too large", expr->pos)};
    expr->value = Value(negate ? -value : value);
    return expr;
  }
  int base = 10;
  size_t start = 0;
  if (ctx->HexInteger() != nullptr) base = 16, start = 2;
  if (ctx->OctalInteger() != nullptr) base = 8, start = 2;
  // The magnitude may reach 2^63 only when negated.
  const uint64_t limit = negate ? (uint64_t{1} << 63) : static_cast<uint64_t>(INT64_MAX);
  uint64_t magnitude = 0;
  for (size_t i = start; i < text.size(); ++i) {
    char c = text[i];
    uint64_t digit = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : c - 'A' + 10;
    if (magnitude > (limit - digit) / base) {
      throw BuildError{Status::Syntax("integer literal is too large", expr->pos)};
    }
    magnitude = magnitude * base + digit;
  }
  int64_t value = negate ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
  expr->value = Value(value);
  return expr;
}

std::string AstBuilder::DecodeString(antlr4::Token* token) {
  const std::string text = token->getText();
  std::string out;
  Position pos = PosOf(token);
  // Position of text[i], for errors: columns count code points.
  auto position_at = [&](size_t index) {
    Position p = pos;
    for (size_t k = 0; k < index; ++k) {
      if (text[k] == '\n') {
        ++p.line;
        p.column = 1;
      } else if (!utf8::IsContinuation(text[k])) {
        ++p.column;
      }
    }
    return p;
  };
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] != '\\') {
      out += text[i];
      continue;
    }
    char c = text[i + 1];
    uint32_t cp = 0;
    switch (c) {
      case '\\':
        out += '\\';
        break;
      case '\'':
        out += '\'';
        break;
      case '"':
        out += '"';
        break;
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'u':
      case 'U': {
        size_t digits = c == 'u' ? 4 : 8;
        if (!ParseHex(text, i + 2, digits, &cp) || cp > 0x10FFFF) {
          throw BuildError{Status::Syntax(std::string("invalid escape sequence '\\") + c + "' in string: expected " +
                                              std::to_string(digits) + " hex digits",
                                          position_at(i))};
        }
        i += digits;
        // A UTF-16 surrogate pair written as two \u escapes is one code point.
        uint32_t low = 0;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 7 < text.size() && text[i + 2] == '\\' && text[i + 3] == 'u' &&
            ParseHex(text, i + 4, 4, &low) && low >= 0xDC00 && low <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          i += 6;
        }
        out += utf8::Encode({static_cast<int32_t>(cp)});  // a lone surrogate as its three bytes
        break;
      }
      default:
        throw BuildError{
            Status::Syntax(std::string("invalid escape sequence '\\") + c + "' in string", position_at(i))};
    }
    ++i;
  }
  return out;
}

ExprPtr AstBuilder::Parameter(P::ParameterContext* ctx) {
  auto expr = Make(ExprKind::kParameter, ctx);
  expr->name = ctx->symbolicName() != nullptr ? NameText(ctx->symbolicName()) : ctx->DecimalInteger()->getText();
  return expr;
}

ExprPtr AstBuilder::Case(P::CaseExpressionContext* ctx) {
  auto expr = Make(ExprKind::kCase, ctx);
  bool after_else = false;
  for (auto* child : ctx->children) {
    auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(child);
    if (terminal != nullptr && terminal->getSymbol()->getType() == P::ELSE) {
      after_else = true;
    } else if (auto* e = dynamic_cast<P::ExpressionContext*>(child)) {
      (after_else ? expr->case_else : expr->case_subject) = Expr(e);
    } else if (auto* alternative = dynamic_cast<P::CaseAlternativeContext*>(child)) {
      expr->whens.push_back(Expr(alternative->expression(0)));
      expr->thens.push_back(Expr(alternative->expression(1)));
    }
  }
  return expr;
}

ExprPtr AstBuilder::ListComprehension(P::ListComprehensionContext* ctx) {
  auto expr = Make(ExprKind::kListComprehension, ctx);
  expr->name = Name(ctx->variable());
  expr->args.resize(3);
  int slot = 0;  // 0: the list, 1: after WHERE, 2: after '|'
  for (auto* child : ctx->children) {
    if (auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(child)) {
      if (terminal->getSymbol()->getType() == P::WHERE) slot = 1;
      if (terminal->getText() == "|") slot = 2;
    } else if (auto* e = dynamic_cast<P::ExpressionContext*>(child)) {
      expr->args[slot] = Expr(e);
    }
  }
  return expr;
}

ExprPtr AstBuilder::PatternComprehension(P::PatternComprehensionContext* ctx) {
  auto expr = Make(ExprKind::kPatternComprehension, ctx);
  auto pattern = std::make_shared<ast::PatternPart>(BuildRelationshipsPattern(ctx->relationshipsPattern()));
  if (ctx->variable() != nullptr) {
    pattern->path_variable = Name(ctx->variable());
    pattern->pos = PosOf(ctx->variable());
  }
  expr->pattern = std::move(pattern);
  auto expressions = ctx->expression();
  if (ctx->WHERE() != nullptr) {
    expr->args.push_back(Expr(expressions[0]));
  } else {
    expr->args.push_back(nullptr);
  }
  expr->args.push_back(Expr(expressions.back()));
  return expr;
}

ExprPtr AstBuilder::Quantifier(P::QuantifierExpressionContext* ctx) {
  auto expr = Make(ExprKind::kQuantifier, ctx);
  if (ctx->ALL() != nullptr) expr->quantifier = ast::Quantifier::kAll;
  if (ctx->ANY() != nullptr) expr->quantifier = ast::Quantifier::kAny;
  if (ctx->NONE() != nullptr) expr->quantifier = ast::Quantifier::kNone;
  if (ctx->SINGLE() != nullptr) expr->quantifier = ast::Quantifier::kSingle;
  expr->name = Name(ctx->variable());
  expr->args.push_back(Expr(ctx->expression(0)));
  expr->args.push_back(ctx->expression().size() > 1 ? Expr(ctx->expression(1)) : nullptr);
  return expr;
}

ExprPtr AstBuilder::Reduce(P::ReduceExpressionContext* ctx) {
  auto expr = Make(ExprKind::kReduce, ctx);
  expr->name = Name(ctx->variable(0));
  expr->keys.push_back(Name(ctx->variable(1)));
  for (auto* e : ctx->expression()) expr->args.push_back(Expr(e));
  return expr;
}

ExprPtr AstBuilder::Function(P::FunctionInvocationContext* ctx) {
  auto expr = Make(ExprKind::kFunction, ctx);
  for (auto* part : ctx->functionName()->symbolicName()) {
    if (!expr->name.empty()) expr->name += '.';
    expr->name += NameText(part);
  }
  expr->distinct = ctx->DISTINCT() != nullptr;
  for (auto* arg : ctx->expression()) expr->args.push_back(Expr(arg));
  return expr;
}

ExprPtr AstBuilder::MapProjection(P::MapProjectionContext* ctx) {
  auto expr = Make(ExprKind::kMapProjection, ctx);
  auto base = Make(ExprKind::kVariable, ctx->variable());
  base->name = Name(ctx->variable());
  expr->args.push_back(std::move(base));
  for (auto* item : ctx->mapProjectionItem()) {
    ast::MapProjectionItem out{};
    if (dynamic_cast<P::AllPropertiesItemContext*>(item) != nullptr) {
      out.kind = ast::MapProjectionItem::Kind::kAllProperties;
    } else if (auto* property = dynamic_cast<P::PropertyItemContext*>(item)) {
      out.kind = ast::MapProjectionItem::Kind::kProperty;
      out.key = Name(property->propertyKeyName());
    } else if (auto* literal = dynamic_cast<P::LiteralItemContext*>(item)) {
      out.kind = ast::MapProjectionItem::Kind::kLiteral;
      out.key = Name(literal->propertyKeyName());
      out.value = Expr(literal->expression());
    } else {
      auto* variable = dynamic_cast<P::VariableItemContext*>(item);
      out.kind = ast::MapProjectionItem::Kind::kVariable;
      out.key = Name(variable->variable());
    }
    expr->map_items.push_back(std::move(out));
  }
  return expr;
}

}  // namespace kg::parser
