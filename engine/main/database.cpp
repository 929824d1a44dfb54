#include "main/database.h"

#include <algorithm>
#include <exception>
#include <map>

#include "common/source_files.h"
#include "exec/functions.h"
#include "exec/query_error.h"
#include "main/plan_cache.h"
#include "parser/parser.h"
#include "planner/planner.h"
#include "procedures/builtin_procedures.h"
#include "runner/query_runner.h"
#include "storage/cursors.h"
#include "storage/transaction.h"

namespace kg {

Database::~Database() = default;

Database::Database(std::unique_ptr<GraphStore> store, DatabaseOptions options)
    : store_(std::move(store)),
      options_(options),
      plan_cache_(std::make_unique<PlanCache>(options.plan_cache_entries)),
      sources_(std::make_unique<SourceFiles>(options.sources_dir)) {
  RegisterBuiltinProcedures(&procedures_);
}

void Database::RegisterProcedure(Procedure procedure) { procedures_.Register(std::move(procedure)); }

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
  std::shared_ptr<PlanSlot> slot = plan_cache_->Find(text);
  return ExecuteText(text, slot.get(), params);
}

namespace {

bool Cacheable(const std::vector<ast::Statement>& statements) {
  return statements.size() == 1 && statements[0].kind == ast::Statement::Kind::kQuery;
}

// Runs a compiled statement; gives it back to `slot` when the run went well.
// Plans a statement against the store's current catalog, for the cache.
Result<std::unique_ptr<CompiledStatement>> Compile(GraphStore& store, const ProcedureRegistry& procedures,
                                                   ast::Statement statement) {
  auto compiled = std::make_unique<CompiledStatement>();
  compiled->statement = std::make_unique<ast::Statement>(std::move(statement));
  compiled->catalog = store.catalog();
  compiled->procedures_version = procedures.version();
  try {
    KG_ASSIGN_OR_RETURN(compiled->plan, PlanStatement(*compiled->statement, *compiled->catalog, procedures));
  } catch (const std::exception& e) {
    return Status::Runtime(std::string("internal error: ") + e.what());
  }
  return compiled;
}

Result<QueryResult> RunCompiled(GraphStore& store, PlanSlot& slot, std::unique_ptr<CompiledStatement> compiled,
                                const ValueMap& params, const RunOptions& options) {
  Result<QueryResult> result = Status::Runtime("internal error");
  try {
    result = RunPlan(store, *compiled->statement, *compiled->plan, params, options);
  } catch (const std::bad_alloc&) {
    return Status::Runtime("out of memory while running the statement");
  } catch (const std::exception& e) {
    return Status::Runtime(std::string("internal error: ") + e.what());
  }
  if (!result.ok()) return result.status();  // the copy is dropped: its operators may be half-way
  result->statement = compiled->statement->text;
  result->position = compiled->statement->pos;
  PlanCache::CheckIn(slot, std::move(compiled), store.catalog().get());
  return result;
}

}  // namespace

Result<std::vector<QueryResult>> Database::ExecuteText(std::string_view text, PlanSlot* slot, const ValueMap& params) {
  RunOptions run_options;
  run_options.max_path_length = options_.max_path_length;
  run_options.interrupt = &interrupt_;
  run_options.progress = &progress_;
  run_options.sources = sources_.get();
  run_options.project_after_steps = options_.project_after_steps;
  run_options.as_of = options_.as_of;
  run_options.timeout = options_.timeout;
  run_options.memory_limit = options_.memory_limit;
  interrupt_.store(false, std::memory_order_relaxed);
  std::vector<QueryResult> results;
  if (slot != nullptr && !slot->uncacheable.load(std::memory_order_relaxed)) {
    // A copy planned against the catalog the uncached path would plan
    // against now gives the same plan, and so the same answer.
    std::shared_ptr<const Catalog> catalog = store_->catalog();
    plan_cache_->DropStale(catalog.get());
    std::unique_ptr<CompiledStatement> compiled = PlanCache::CheckOut(*slot, catalog.get());
    // A plan that resolved CALLs before a procedure was added is planned again.
    if (compiled != nullptr && compiled->procedures_version != procedures_.version()) compiled.reset();
    if (compiled != nullptr) {
      ++plan_cache_->hits;
      KG_ASSIGN_OR_RETURN(QueryResult result, RunCompiled(*store_, *slot, std::move(compiled), params, run_options));
      results.push_back(std::move(result));
      return results;
    }
  }
  KG_ASSIGN_OR_RETURN(std::vector<ast::Statement> statements, ParseStatements(text));
  if (slot != nullptr && Cacheable(statements)) {
    ++plan_cache_->misses;
    KG_ASSIGN_OR_RETURN(std::unique_ptr<CompiledStatement> compiled,
                        Compile(*store_, procedures_, std::move(statements[0])));
    KG_ASSIGN_OR_RETURN(QueryResult result, RunCompiled(*store_, *slot, std::move(compiled), params, run_options));
    results.push_back(std::move(result));
    return results;
  }
  if (slot != nullptr) slot->uncacheable.store(true, std::memory_order_relaxed);
  for (ast::Statement& statement : statements) {
    Result<QueryResult> result = Status::Runtime("internal error");
    try {
      result = RunStatement(*store_, procedures_, statement, params, run_options);
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

PreparedStatement::PreparedStatement(Database* db, std::string text, std::shared_ptr<PlanSlot> slot)
    : db_(db), text_(std::move(text)), slot_(std::move(slot)) {}

Result<QueryResult> PreparedStatement::Execute(const ValueMap& params) {
  KG_ASSIGN_OR_RETURN(std::vector<QueryResult> results, db_->ExecuteText(text_, slot_.get(), params));
  if (results.empty()) return QueryResult{};
  return std::move(results.back());
}

Result<std::unique_ptr<PreparedStatement>> Database::Prepare(std::string_view text) {
  KG_ASSIGN_OR_RETURN(std::vector<ast::Statement> statements, ParseStatements(text));
  if (statements.size() != 1) {
    return Status::Usage("Prepare takes one statement; the text has " + std::to_string(statements.size()));
  }
  // Its own slot, outside the LRU, so that it is never evicted.
  auto slot = std::make_shared<PlanSlot>();
  if (Cacheable(statements)) {
    KG_ASSIGN_OR_RETURN(std::unique_ptr<CompiledStatement> compiled,
                        Compile(*store_, procedures_, std::move(statements[0])));
    PlanCache::CheckIn(*slot, std::move(compiled), store_->catalog().get());
  } else {
    KG_RETURN_IF_ERROR(Check(text));
    slot->uncacheable = true;
  }
  return std::unique_ptr<PreparedStatement>(new PreparedStatement(this, std::string(text), std::move(slot)));
}

uint64_t Database::plan_cache_hits() const { return plan_cache_->hits.load(); }
uint64_t Database::plan_cache_misses() const { return plan_cache_->misses.load(); }

Result<ConsistencyReport> Database::CheckConsistency() {
  interrupt_.store(false, std::memory_order_relaxed);
  return kg::CheckConsistency(*store_, &interrupt_);
}

Result<std::unique_ptr<DatabaseSnapshot>> Database::Snapshot() {
  KG_ASSIGN_OR_RETURN(std::unique_ptr<Transaction> txn, store_->BeginRead());
  return std::make_unique<DatabaseSnapshot>(std::move(txn));
}

GraphStore& StoreOf(Database& db) { return *db.store_; }

Result<SchemaSummary> Database::Schema() {
  KG_ASSIGN_OR_RETURN(std::unique_ptr<Transaction> txn, store_->BeginRead());
  const Catalog& catalog = txn->catalog();
  SchemaSummary schema;
  schema.nodes = catalog.node_count();
  schema.relationships = catalog.rel_count();
  for (LabelId i = 0; i < catalog.num_labels(); ++i) {
    if (catalog.NodesWithLabel(i) > 0) schema.labels.push_back({catalog.LabelName(i), catalog.NodesWithLabel(i)});
  }
  for (RelTypeId i = 0; i < catalog.num_rel_types(); ++i) {
    if (catalog.RelsOfType(i) > 0) {
      schema.relationship_types.push_back({catalog.RelTypeName(i), catalog.RelsOfType(i)});
    }
  }
  std::vector<uint64_t> node_keys(catalog.num_property_keys()), rel_keys(catalog.num_property_keys());
  if (catalog.property_counts_known()) {
    for (PropertyKeyId k = 0; k < catalog.num_property_keys(); ++k) {
      node_keys[k] = catalog.NodesWithProperty(k);
      rel_keys[k] = catalog.RelsWithProperty(k);
    }
  } else {
    // A version 1 database keeps no property key counts: read every record.
    interrupt_.store(false, std::memory_order_relaxed);
    schema.property_keys_scanned = true;
    uint64_t seen = 0;
    auto check_interrupt = [&]() -> Status {
      if ((++seen & 4095) == 0 && interrupt_.load(std::memory_order_relaxed)) {
        return Status::Error(ErrorKind::kInterrupted, "the statement was cancelled; it changed nothing");
      }
      return Status::Ok();
    };
    for (auto c = txn->ScanNodes(); c->Valid(); c->Next()) {
      for (const Property& p : c->record().properties) ++node_keys.at(p.key);
      KG_RETURN_IF_ERROR(check_interrupt());
    }
    for (auto c = txn->ScanRelationships(); c->Valid(); c->Next()) {
      for (const Property& p : c->record().properties) ++rel_keys.at(p.key);
      KG_RETURN_IF_ERROR(check_interrupt());
    }
  }
  for (PropertyKeyId k = 0; k < catalog.num_property_keys(); ++k) {
    if (node_keys[k] + rel_keys[k] > 0)
      schema.property_keys.push_back({catalog.PropertyKeyName(k), node_keys[k], rel_keys[k]});
  }
  for (const IndexDef& index : catalog.indexes()) {
    schema.indexes.push_back({catalog.LabelName(index.label), catalog.PropertyKeyName(index.key), ""});
  }
  for (const FullTextIndexDef& d : catalog.fulltext_indexes()) {
    SchemaSummary::Index index;
    std::vector<std::string> labels;
    for (LabelId l : d.labels) labels.push_back(catalog.LabelName(l));
    std::sort(labels.begin(), labels.end());
    for (const std::string& l : labels) index.label += (index.label.empty() ? "" : "|") + l;
    for (PropertyKeyId k : d.keys) index.property += (index.property.empty() ? "" : ", ") + catalog.PropertyKeyName(k);
    index.fulltext_name = d.name;
    schema.indexes.push_back(std::move(index));
  }
  auto by_name = [](const auto& a, const auto& b) { return a.name < b.name; };
  std::sort(schema.labels.begin(), schema.labels.end(), by_name);
  std::sort(schema.relationship_types.begin(), schema.relationship_types.end(), by_name);
  std::sort(schema.property_keys.begin(), schema.property_keys.end(), by_name);
  return schema;
}

Database::CatalogOutline Database::Outline() const {
  CatalogOutline outline;
  const std::shared_ptr<const Catalog> catalog = store_->catalog();
  if (catalog == nullptr) return outline;
  outline.nodes = catalog->node_count();
  outline.relationships = catalog->rel_count();
  for (size_t i = 0; i < catalog->num_labels(); ++i) outline.labels.push_back(catalog->LabelName(i));
  for (size_t i = 0; i < catalog->num_rel_types(); ++i) outline.relationship_types.push_back(catalog->RelTypeName(i));
  for (size_t i = 0; i < catalog->num_property_keys(); ++i)
    outline.property_keys.push_back(catalog->PropertyKeyName(i));
  return outline;
}

std::vector<StatementText> Database::SplitStatements(std::string_view script, bool* open_at_end) {
  return kg::SplitStatements(script, open_at_end);
}

std::vector<std::string> Database::FunctionNames() {
  std::vector<std::string> names;
  for (size_t id = 0; id < ScalarFunctionCount(); ++id)
    names.emplace_back(ScalarFunctionInfo(static_cast<int>(id)).name);
  for (std::string_view name : AggregateFunctionNames()) names.emplace_back(name);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

bool Database::read_only() const { return store_->read_only(); }

Status Database::Check(std::string_view text) {
  KG_ASSIGN_OR_RETURN(std::vector<ast::Statement> statements, ParseStatements(text));
  std::shared_ptr<const Catalog> catalog = store_->catalog();
  for (ast::Statement& statement : statements) {
    if (statement.kind != ast::Statement::Kind::kQuery && statement.kind != ast::Statement::Kind::kExplain &&
        statement.kind != ast::Statement::Kind::kProfile) {
      continue;  // index statements: nothing to plan
    }
    try {
      PlanQuery(statement.query, *catalog, &procedures_);
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
  run_options.sources = sources_.get();
  run_options.project_after_steps = options_.project_after_steps;
  run_options.memory_limit = options_.memory_limit;
  interrupt_.store(false, std::memory_order_relaxed);
  Result<QueryResult> result = Status::Runtime("internal error");
  try {
    result = RunStatement(*store_, procedures_, statements[0], params, run_options);
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
