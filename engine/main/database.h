// Database: the public entry point of the engine.
//
//   auto db = Database::Open("/path/to/db");
//   auto result = (*db)->Execute("MATCH (p:Person) RETURN p.name");
//
//   auto find = (*db)->Prepare("MATCH (p:Person {key: $key}) RETURN p.name");
//   auto one = find->Execute({{"key", Value("person/le-hoai-trung")}});
//
// Each statement runs in its own transaction and commits atomically or not
// at all: a statement that fails leaves the database as it was. Errors come
// back as a Status (kind, message, position in the text); nothing throws.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "common/value.h"
#include "exec/procedure_registry.h"
#include "main/database_snapshot.h"
#include "parser/statement_splitter.h"
#include "runner/query_result.h"
#include "storage/consistency_check.h"
#include "storage/graph_store.h"

namespace kg {

struct DatabaseOptions {
  StoreOptions store;
  // Variable-length patterns without an upper bound (`*`, `*2..`) stop at
  // this many hops with a runtime error rather than run without bound.
  int64_t max_path_length = 32;
  // The query timeout: a statement that runs longer (after it is parsed and
  // planned) stops with a runtime error and changes nothing. Zero: none,
  // the default (the shell's --timeout and :timeout set one).
  std::chrono::milliseconds timeout{0};
  // The memory one statement may hold in what can grow without bound
  // (sorted, grouped, distinct and result rows, collect()'s lists, big
  // values such as range(1, 1e10)): over it the statement fails with a
  // runtime error and changes nothing (exec/memory_budget.h). 0: no limit.
  int64_t memory_limit = int64_t{2} << 30;
  // Texts whose plans Execute keeps (main/plan_cache.h), least recently
  // used first out; 0 turns the cache off.
  size_t plan_cache_entries = 256;
  // A read statement that has scanned or expanded this many nodes after a
  // scan builds the in-memory projection (storage/graph_projection.h) and
  // reads through it from then on; fewer (a LIMIT 25) never pay for it.
  // 0: every scan uses it at once (the language tests run so).
  int64_t project_after_steps = 4096;
  // As-of mode: statements see only the relationships that hold on this
  // day (docs/query-language.md, "Facts as of a date"); writes are refused.
  std::optional<Date> as_of;
  // Evidence: the directory holding the article texts that Documents name
  // by `file` (kg.evidence() reads them); empty: none, and kg.evidence()
  // of a fact with a span says how to set one. The shell fills it from
  // --sources, KG_SOURCES or a checkout's ../shared/seeds.
  std::string sources_dir;
};

class Database;
class PlanCache;
class SourceFiles;
struct PlanSlot;

// A statement parsed and planned once, run many times with different
// parameters (like Execute on its text, minus the parsing and planning).
// It is planned again, transparently, when the catalog it was planned
// against has changed (any commit: writes, CREATE INDEX, DROP INDEX), so it
// always gives Execute's answer. Several threads may run one
// PreparedStatement at once. It must not outlive its Database.
class PreparedStatement {
 public:
  Result<QueryResult> Execute(const ValueMap& params = {});
  const std::string& text() const { return text_; }

 private:
  friend class Database;
  PreparedStatement(Database* db, std::string text, std::shared_ptr<PlanSlot> slot);
  Database* db_;
  std::string text_;
  std::shared_ptr<PlanSlot> slot_;
};

// What `:schema` shows, all from the catalog (no data is read).
struct SchemaSummary {
  struct Count {
    std::string name;
    uint64_t count = 0;
  };
  struct KeyCount {
    std::string name;
    uint64_t nodes = 0, relationships = 0;
  };
  struct Index {
    std::string label, property;
    // Full-text indexes: their name, labels joined by '|' (empty: every
    // node) in `label` and properties joined by ", " in `property`.
    std::string fulltext_name;
  };
  uint64_t nodes = 0, relationships = 0;
  std::vector<Count> labels;              // with at least one node, by name
  std::vector<Count> relationship_types;  // with at least one relationship, by name
  std::vector<KeyCount> property_keys;    // on at least one node or relationship, by name
  std::vector<Index> indexes;
  // A database made before kg kept property key counts: they were counted
  // by reading every node and relationship (as slow as the database is big).
  bool property_keys_scanned = false;
};

class Database {
 public:
  ~Database();
  // Opens (or creates) the database at `path`.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, DatabaseOptions options = {});
  // Wraps a store that is already open.
  explicit Database(std::unique_ptr<GraphStore> store, DatabaseOptions options = {});

  // Runs every statement in `text` (separated by ';') in order and returns
  // the result of the last. Stops at the first statement that fails;
  // statements before it stay committed.
  Result<QueryResult> Execute(std::string_view text, const ValueMap& params = {});
  // The same, returning every statement's result.
  Result<std::vector<QueryResult>> ExecuteAll(std::string_view text, const ValueMap& params = {});

  // Parses and plans `text` (one statement) now: syntax and semantic errors
  // come back here rather than from Execute.
  Result<std::unique_ptr<PreparedStatement>> Prepare(std::string_view text);

  // Labels, types, property keys with their counts, and indexes, from the
  // catalog. Fails only when interrupted (see property_keys_scanned).
  Result<SchemaSummary> Schema();

  // What a client such as the shell reads besides results, so that it needs
  // no header of the engine's own rooms (storage/, exec/, parser/).
  //
  // The counts and every name the catalog holds now (in id order, names
  // with no element left included), without reading any data: cheap enough
  // for each Tab of the REPL and its welcome line.
  struct CatalogOutline {
    uint64_t nodes = 0, relationships = 0;
    std::vector<std::string> labels, relationship_types, property_keys;
  };
  CatalogOutline Outline() const;
  // The statements of a script, cut at the ';' that end them without
  // parsing them (parser/statement_splitter.h): a ';' in a string, a
  // backquoted name or a comment does not count. `open_at_end` is set when
  // the script ends inside one of those.
  static std::vector<StatementText> SplitStatements(std::string_view script, bool* open_at_end = nullptr);
  // The names of the functions statements may call, scalar and aggregate,
  // in lower case (names are case-insensitive), sorted. CALL's procedures
  // are procedures().
  static std::vector<std::string> FunctionNames();
  // Whether the database was opened read-only (write statements are refused).
  bool read_only() const;

  // How often a run found its plan in the cache, and did not (tests, bench).
  uint64_t plan_cache_hits() const;
  uint64_t plan_cache_misses() const;

  // Plans every statement in `text` without running it: the syntax and
  // semantic errors Execute would report first, and nothing else.
  Status Check(std::string_view text);

  // Verifies that the database agrees with itself (records, adjacency,
  // labels, indexes, unique keys, catalog counts; storage/consistency_check.h)
  // and reports every inconsistency. Interrupt() stops it (kInterrupted).
  Result<ConsistencyReport> CheckConsistency();

  // The graph as of now, through one read transaction, for reading elements
  // directly (export: interchange/export/graph_exporter.h). See
  // main/database_snapshot.h.
  Result<std::unique_ptr<DatabaseSnapshot>> Snapshot();
  // Engine code that writes below statements (the importer's sinks) reaches
  // the store through main/database_internal.h, not through the public API.
  friend GraphStore& StoreOf(Database& db);

  // The value of one expression without variables, such as a parameter
  // given on the command line: "42", "'text'", "[1, 2]", "{a: 1}",
  // "date('2024-07-09')". Error positions are columns of `text`.
  Result<Value> Evaluate(std::string_view expression, const ValueMap& params = {});

  // Asks the statement running now (in another thread, or interrupted by a
  // signal handler: this only stores an atomic flag) to stop; it fails
  // with a kInterrupted error and changes nothing. Each Execute clears the
  // request when it starts.
  void Interrupt() { interrupt_.store(true, std::memory_order_relaxed); }

  // Called, on the statement's thread, with how far long work has got
  // ("pagerank: iteration 7 of 20"); empty: nobody listens.
  void SetProgressListener(std::function<void(const std::string&)> listener) { progress_ = std::move(listener); }

  // Turns as-of mode on for a day, or off with nullopt (DatabaseOptions::as_of).
  void SetAsOf(std::optional<Date> day) { options_.as_of = day; }
  // Sets the query timeout (zero: none) and the memory limit of a statement
  // (0: none) for the statements that start from now on (DatabaseOptions).
  void SetTimeout(std::chrono::milliseconds timeout) { options_.timeout = timeout; }
  void SetMemoryLimit(int64_t bytes) { options_.memory_limit = bytes; }

  const DatabaseOptions& options() const { return options_; }

  // The procedures CALL can run: the built-in ones (db.*, dbms.*, algo.*)
  // and those added here. Add procedures before running statements, not
  // while another thread runs one.
  const ProcedureRegistry& procedures() const { return procedures_; }
  void RegisterProcedure(Procedure procedure);

 private:
  friend class PreparedStatement;
  // Runs `text` through `slot` (nullptr: no cache).
  Result<std::vector<QueryResult>> ExecuteText(std::string_view text, PlanSlot* slot, const ValueMap& params);

  std::unique_ptr<GraphStore> store_;
  DatabaseOptions options_;
  std::atomic<bool> interrupt_{false};
  std::function<void(const std::string&)> progress_;
  ProcedureRegistry procedures_;
  std::unique_ptr<PlanCache> plan_cache_;  // after store_: its plans go first
  std::unique_ptr<SourceFiles> sources_;   // options_.sources_dir's texts, read once each
};

// The error as a person reads it, with the offending line of `text` and a
// caret under the column when the status has a position:
//   syntax error at line 1, column 15: expected ')'
//     MATCH (n:Person RETURN n
//                   ^
std::string DescribeError(const Status& status, std::string_view text);

}  // namespace kg
