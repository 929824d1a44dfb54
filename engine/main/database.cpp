#include "main/database.h"

#include <algorithm>
#include <exception>

#include "exec/query_error.h"
#include "parser/parser.h"
#include "planner/planner.h"
#include "planner/query_runner.h"

namespace kg {

Database::~Database() = default;

Database::Database(std::unique_ptr<GraphStore> store, DatabaseOptions options)
    : store_(std::move(store)), options_(options) {}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, DatabaseOptions options) {
  KG_ASSIGN_OR_RETURN(std::unique_ptr<GraphStore> store, GraphStore::Open(path, options.store));
  return std::make_unique<Database>(std::move(store), options);
}

Result<QueryResult> Database::Execute(std::string_view text, const ValueMap& params) {
  KG_ASSIGN_OR_RETURN(std::vector<QueryResult> results, ExecuteAll(text, params));
  if (results.empty()) return QueryResult{};
  return std::move(results.back());
}

Result<std::vector<QueryResult>> Database::ExecuteAll(std::string_view text, const ValueMap& params) {
  KG_ASSIGN_OR_RETURN(std::vector<ast::Statement> statements, ParseStatements(text));
  std::vector<QueryResult> results;
  RunOptions run_options;
  run_options.max_path_length = options_.max_path_length;
  run_options.interrupt = &interrupt_;
  interrupt_.store(false, std::memory_order_relaxed);
  for (ast::Statement& statement : statements) {
    Result<QueryResult> result = Status::Runtime("internal error");
    try {
      result = RunStatement(*store_, statement, params, run_options);
    } catch (const std::bad_alloc&) {
      return Status::Runtime("out of memory while running the statement");
    } catch (const std::exception& e) {
      return Status::Runtime(std::string("internal error: ") + e.what());
    }
    if (!result.ok()) return result.status();
    result->statement = statement.text;
    result->position = statement.pos;
    results.push_back(std::move(result).value());
  }
  return results;
}

Status Database::Check(std::string_view text) {
  KG_ASSIGN_OR_RETURN(std::vector<ast::Statement> statements, ParseStatements(text));
  std::shared_ptr<const Catalog> catalog = store_->catalog();
  for (ast::Statement& statement : statements) {
    if (statement.kind == ast::Statement::Kind::kCreateIndex || statement.kind == ast::Statement::Kind::kDropIndex) {
      continue;
    }
    try {
      PlanQuery(statement.query, *catalog);
    } catch (const QueryError& e) {
      return e.status();
    } catch (const std::exception& e) {
      return Status::Runtime(std::string("internal error: ") + e.what());
    }
  }
  return Status::Ok();
}

Result<Value> Database::Evaluate(std::string_view expression, const ValueMap& params) {
  // The expression is the single item of a RETURN; the checks below make
  // sure nothing else rode along ("1 AS x; MATCH (n) DETACH DELETE n").
  static constexpr std::string_view kPrefix = "RETURN ";
  std::string text(kPrefix);
  text += expression;
  auto shift = [&](const Status& status) {
    Position pos = status.position();
    if (pos.valid() && pos.line == 1) pos.column = std::max(1, pos.column - static_cast<int>(kPrefix.size()));
    return Status::Error(status.kind(), status.message(), pos);
  };
  Result<std::vector<ast::Statement>> parsed = ParseStatements(text);
  if (!parsed.ok()) return shift(parsed.status());
  std::vector<ast::Statement>& statements = *parsed;
  const bool single = statements.size() == 1 && statements[0].kind == ast::Statement::Kind::kQuery &&
                      statements[0].query.parts.size() == 1 && statements[0].query.parts[0].clauses.size() == 1;
  if (!single) return Status::Syntax("expected one expression, such as 42, 'text', [1, 2] or {name: 'Huế'}");
  const ast::Projection& projection = statements[0].query.parts[0].clauses[0].projection;
  if (projection.items.size() != 1 || projection.star || projection.distinct || !projection.order_by.empty() ||
      projection.skip || projection.limit || projection.items[0].has_alias) {
    return Status::Syntax("expected one expression, such as 42, 'text', [1, 2] or {name: 'Huế'}");
  }
  RunOptions run_options;
  run_options.interrupt = &interrupt_;
  interrupt_.store(false, std::memory_order_relaxed);
  Result<QueryResult> result = Status::Runtime("internal error");
  try {
    result = RunStatement(*store_, statements[0], params, run_options);
  } catch (const std::exception& e) {
    return Status::Runtime(std::string("internal error: ") + e.what());
  }
  if (!result.ok()) return shift(result.status());
  if (result->rows.size() != 1 || result->rows[0].size() != 1) return Status::Runtime("the expression has no value");
  return std::move(result->rows[0][0]);
}

std::string DescribeError(const Status& status, std::string_view text) {
  std::string out = status.ToString();
  const Position pos = status.position();
  if (status.ok() || !pos.valid()) return out;
  // Find the offending line.
  size_t start = 0;
  for (int line = 1; line < pos.line; ++line) {
    const size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return out;
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  std::string_view line = text.substr(start, end - start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  // The caret sits under the column's character: columns count code points
  // (ANTLR counts characters), so count UTF-8 lead bytes to place it, and
  // keep tabs so the caret lines up in a terminal.
  std::string caret;
  int column = 1;
  for (size_t i = 0; i < line.size() && column < pos.column; ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    caret += c == '\t' ? '\t' : ' ';
    ++column;
  }
  out += "\n  ";
  out += line;
  out += "\n  ";
  out += caret;
  out += "^";
  return out;
}

}  // namespace kg
