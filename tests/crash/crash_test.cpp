// The crash test: a writer is killed with SIGKILL at random moments, and
// after each kill the database must open, hold every statement the writer
// was told had committed, hold no statement in part, and pass the
// consistency check. docs/durability.md states the promise this tests.
//
//   kg_crash_test [--kills 100] [--seed N] [--max-delay-ms 200] [--keep DIR]
//
// The writer (this program with --writer) runs, again and again:
//   - a statement i that creates a Stmt node, k = 2 + i % 3 Item nodes and k
//     PART relationships, all tagged with i, and sets three properties
//     (the counter's value and running total, the Stmt's count of what it
//     made): partly applied, it would leave a Stmt with fewer than k items,
//     items without a Stmt, or a counter out of step;
//   - at the start of a quarter of the runs, and one time in a hundred, an import of a JSON graph file of kBatchNodes
//   Bulk
//     nodes in a chain, tagged with its batch number, alternately as one
//     bulk load (ImportMode::kBulk: the files are ingested at once) and as
//     one write transaction: all of it or nothing must be there.
// After Execute (ImportGraph) returns success, it logs "S i" ("I b"),
// fsynced. The driver starts it, waits for it to be ready (or, one round in
// ten, not: the kill then lands while RocksDB opens and recovers), lets it
// run for a random time, kills it, and checks. Exit 0 when every check held.
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "child_process.h"
#include "interchange/import/importer.h"
#include "main/database.h"

namespace fs = std::filesystem;
using kg::crash::EventLog;

namespace {

constexpr int kBatchNodes = 60;

int64_t ItemsOf(int64_t statement) { return 2 + statement % 3; }

const char kStatement[] =
    "MATCH (c:Counter {key: 'counter'}) "
    "CREATE (s:Stmt {key: 'stmt/' + toString($i), id: $i, name: 'statement number ' + toString($i)}) "
    "WITH c, s UNWIND range(1, $k) AS j "
    "CREATE (s)-[:PART {stmt: $i, j: j}]->(:Item {stmt: $i, j: j}) "
    "WITH c, s, count(*) AS made "
    "SET c.value = $i, c.total = c.total + made, s.made = made";

kg::DatabaseOptions SmallOptions() {
  kg::DatabaseOptions options;
  options.store.block_cache_bytes = size_t{8} << 20;
  return options;
}

kg::Result<kg::QueryResult> Run(kg::Database& db, const std::string& text, const kg::ValueMap& params = {}) {
  return db.Execute(text, params);
}

int64_t IntOr(const kg::Value& v, int64_t otherwise) {
  return v.kind() == kg::Value::Kind::kInt ? v.as_int() : otherwise;
}

// ---- The writer ----

std::string BatchFile(const std::string& dir, int64_t batch) {
  const std::string path = dir + "/batch-" + std::to_string(batch) + ".json";
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << "{\"kg_graph\": 1, \"nodes\": [\n";
  for (int j = 0; j < kBatchNodes; ++j) {
    out << (j ? ",\n" : "") << "{\"labels\": [\"Bulk\"], \"properties\": {\"key\": \"bulk/" << batch << "/" << j
        << "\", \"batch\": " << batch << ", \"j\": " << j << "}}";
  }
  out << "],\n\"links\": [\n";
  for (int j = 1; j < kBatchNodes; ++j) {
    out << (j > 1 ? ",\n" : "") << "{\"type\": \"CHAIN\", \"source\": \"bulk/" << batch << "/" << j - 1
        << "\", \"target\": \"bulk/" << batch << "/" << j << "\", \"properties\": {\"batch\": " << batch << "}}";
  }
  out << "]}\n";
  return path;
}

int RunWriter(const std::string& db_path, const std::string& log_path, const std::string& work_dir, uint64_t seed) {
  auto opened = kg::Database::Open(db_path, SmallOptions());
  if (!opened.ok()) {
    std::cerr << "writer: " << opened.status().ToString() << "\n";
    return 4;
  }
  kg::Database& db = **opened;
  auto state = Run(db,
                   "MATCH (c:Counter {key: 'counter'}) OPTIONAL MATCH (b:Bulk) "
                   "RETURN c.value AS value, max(b.batch) AS batch");
  if (!state.ok() || state->rows.size() != 1) {
    std::cerr << "writer: cannot read the counter: " << state.status().ToString() << "\n";
    return 4;
  }
  int64_t next = state->rows[0][0].as_int() + 1;
  int64_t batch = IntOr(state->rows[0][1], 0) + 1;
  EventLog log(log_path);
  log.Line("R");
  std::mt19937_64 rng(seed);
  // A bulk load takes longer (about 0.1 s, mostly fsyncs of its files)
  // than most runs last: a quarter of the runs start with an import, so
  // that kills land before, during and after one.
  bool import_first = rng() % 4 == 0;
  for (;;) {
    if (import_first || rng() % 100 == 0) {
      import_first = false;
      const std::string file = BatchFile(work_dir, batch);
      kg::interchange::ImportOptions options;
      options.mode = batch % 2 ? kg::interchange::ImportMode::kBulk : kg::interchange::ImportMode::kTransaction;
      log.Line("B " + std::to_string(batch));
      auto imported = kg::interchange::ImportGraph(db, {file}, options);
      if (!imported.ok()) {
        std::cerr << "writer: import " << batch << ": " << imported.status().ToString() << "\n";
        return 4;
      }
      log.Line("I " + std::to_string(batch));
      fs::remove(file);
      ++batch;
      continue;
    }
    auto r = Run(db, kStatement, {{"i", kg::Value(next)}, {"k", kg::Value(ItemsOf(next))}});
    if (!r.ok()) {
      std::cerr << "writer: statement " << next << ": " << r.status().ToString() << "\n";
      return 4;
    }
    log.Line("S " + std::to_string(next));
    ++next;
  }
}

// ---- The driver's checks ----

struct Figures {
  int kills = 0, kills_while_opening = 0, kills_during_import = 0, imports_cut_kept = 0;
  int64_t statements_verified = 0, imports_verified = 0;  // summed over the checks
  int64_t statements = 0, imports = 0;                    // in the database at the end
  int64_t partial = 0, lost = 0, inconsistent = 0;
};

std::map<int64_t, int64_t> Counts(kg::Database& db, const std::string& query, std::vector<std::string>* errors) {
  std::map<int64_t, int64_t> out;
  auto r = Run(db, query);
  if (!r.ok()) {
    errors->push_back(query + ": " + r.status().ToString());
    return out;
  }
  for (const auto& row : r->rows) out[row[0].as_int()] = row[1].as_int();
  return out;
}

// Checks the database after a kill against the log; returns the problems.
// `read_only`: as a RocksDB secondary instance, which replays the dead
// writer's log without writing anything (the next writer's open then
// recovers the database as its own); otherwise as the writer would.
std::vector<std::string> Verify(const std::string& db_path, const std::string& log_path, bool read_only, Figures* f) {
  std::vector<std::string> errors;
  kg::DatabaseOptions options = SmallOptions();
  options.store.read_only = read_only;
  options.store.create_if_missing = false;
  auto opened = kg::Database::Open(db_path, options);
  if (!opened.ok()) return {"the database does not open: " + opened.status().ToString()};
  kg::Database& db = **opened;

  // What the writer was told had committed, and the import it was in when killed.
  std::set<int64_t> said_statements, said_imports;
  int64_t open_import = 0;
  for (const std::string& line : kg::crash::ReadLog(log_path)) {
    if (line == "R") open_import = 0;
    if (line.size() < 3) continue;
    const int64_t n = std::stoll(line.substr(2));
    if (line[0] == 'S') said_statements.insert(n), open_import = 0;
    if (line[0] == 'I') said_imports.insert(n), open_import = 0;
    if (line[0] == 'B') open_import = n;
  }

  // Statements: every one is whole, they are 1..max, and the counter agrees.
  const auto made = Counts(db, "MATCH (s:Stmt) RETURN s.id, s.made", &errors);
  const auto items = Counts(db, "MATCH (i:Item) RETURN i.stmt, count(*)", &errors);
  const auto parts = Counts(db,
                            "MATCH (s:Stmt)-[r:PART]->(i:Item) WHERE r.stmt = s.id AND i.stmt = s.id "
                            "RETURN s.id, count(*)",
                            &errors);
  int64_t total = 0, max_id = 0;
  for (const auto& [id, n] : made) {
    const int64_t k = ItemsOf(id);
    const auto it = items.find(id);
    const auto pt = parts.find(id);
    if (n != k || it == items.end() || it->second != k || pt == parts.end() || pt->second != k) {
      errors.push_back("statement " + std::to_string(id) + " is there in part");
      ++f->partial;
    }
    total += k;
    max_id = std::max(max_id, id);
  }
  for (const auto& [id, n] : items) {
    if (!made.count(id)) {
      errors.push_back("items of statement " + std::to_string(id) + " are there without it");
      ++f->partial;
    }
  }
  if (static_cast<int64_t>(made.size()) != max_id) errors.push_back("statements are missing below the last");
  auto counter = Run(db, "MATCH (c:Counter {key: 'counter'}) RETURN c.value, c.total");
  if (!counter.ok() || counter->rows.size() != 1) {
    errors.push_back("no counter");
  } else if (counter->rows[0][0].as_int() != max_id || counter->rows[0][1].as_int() != total) {
    errors.push_back("the counter (" + counter->rows[0][0].ToString() + ", " + counter->rows[0][1].ToString() +
                     ") disagrees with the statements (" + std::to_string(max_id) + ", " + std::to_string(total) + ")");
    ++f->partial;
  }
  for (int64_t id : said_statements) {
    if (!made.count(id)) {
      errors.push_back("statement " + std::to_string(id) + " was committed and is lost");
      ++f->lost;
    }
  }

  // Imports: all of each or nothing.
  const auto bulk = Counts(db, "MATCH (b:Bulk) RETURN b.batch, count(*)", &errors);
  const auto chain = Counts(db,
                            "MATCH (a:Bulk)-[r:CHAIN]->(b:Bulk) WHERE a.batch = r.batch AND b.batch = r.batch "
                            "RETURN r.batch, count(*)",
                            &errors);
  for (const auto& [batch, n] : bulk) {
    const auto c = chain.find(batch);
    if (n != kBatchNodes || c == chain.end() || c->second != kBatchNodes - 1) {
      errors.push_back("import " + std::to_string(batch) + " is there in part");
      ++f->partial;
    }
  }
  for (int64_t batch : said_imports) {
    if (!bulk.count(batch)) {
      errors.push_back("import " + std::to_string(batch) + " was committed and is lost");
      ++f->lost;
    }
  }
  if (open_import) {
    ++f->kills_during_import;
    if (bulk.count(open_import)) ++f->imports_cut_kept;
  }

  auto report = db.CheckConsistency();
  if (!report.ok()) {
    errors.push_back("the consistency check failed: " + report.status().ToString());
  } else if (!report->clean()) {
    ++f->inconsistent;
    for (const std::string& line : report->problems) errors.push_back("inconsistent: " + line);
  }
  f->statements_verified += static_cast<int64_t>(said_statements.size());
  f->imports_verified += static_cast<int64_t>(said_imports.size());
  f->statements = static_cast<int64_t>(made.size());
  f->imports = static_cast<int64_t>(bulk.size());
  return errors;
}

bool WaitForReady(const std::string& log_path, size_t ready_before, pid_t pid) {
  for (int i = 0; i < 60000; ++i) {
    size_t ready = 0;
    for (const std::string& line : kg::crash::ReadLog(log_path)) ready += line == "R";
    if (ready > ready_before) return true;
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

int RunDriver(int kills, uint64_t seed, int max_delay_ms, const std::string& keep) {
  const auto start = std::chrono::steady_clock::now();
  std::string dir = keep;
  if (dir.empty()) {
    char tmpl[] = "/tmp/kg-crash-XXXXXX";
    if (!mkdtemp(tmpl)) return 3;
    dir = tmpl;
  } else {
    fs::create_directories(dir);
  }
  const std::string db_path = dir + "/db", log_path = dir + "/committed.log", work = dir + "/work";
  fs::create_directories(work);
  {
    auto db = kg::Database::Open(db_path, SmallOptions());
    if (!db.ok()) {
      std::cerr << "crash test: " << db.status().ToString() << "\n";
      return 1;
    }
    for (const char* setup :
         {"CREATE (:Counter {key: 'counter', value: 0, total: 0})", "CREATE INDEX ON :Item(stmt)",
          "CREATE INDEX ON :Bulk(batch)", "CREATE FULLTEXT INDEX statements FOR (n:Stmt) ON EACH [n.name]"}) {
      auto r = (*db)->Execute(setup);
      if (!r.ok()) {
        std::cerr << "crash test: " << setup << ": " << r.status().ToString() << "\n";
        return 1;
      }
    }
  }
  std::mt19937_64 rng(seed);
  Figures f;
  size_t ready = 0;
  bool ok = true;
  double verify_seconds = 0;
  for (int round = 0; round < kills && ok; ++round) {
    const pid_t pid = kg::crash::SpawnSelf({"--writer", db_path, log_path, work, std::to_string(rng())});
    const bool while_opening = rng() % 10 == 0;
    if (while_opening) {
      std::this_thread::sleep_for(std::chrono::microseconds(rng() % 60000));
      ++f.kills_while_opening;
    } else {
      if (!WaitForReady(log_path, ready, pid)) {
        std::cerr << "crash test: round " << round << ": the writer stopped before it was ready (exit "
                  << kg::crash::Wait(pid) << ")\n";
        ok = false;
        break;
      }
      std::this_thread::sleep_for(std::chrono::microseconds(rng() % (max_delay_ms * 1000 + 1)));
    }
    kill(pid, SIGKILL);
    const int code = kg::crash::Wait(pid);
    if (code != 128 + SIGKILL) {
      std::cerr << "crash test: round " << round << ": the writer ended by itself (exit " << code << ")\n";
      ok = false;
    }
    ++f.kills;
    ready = 0;
    for (const std::string& line : kg::crash::ReadLog(log_path)) ready += line == "R";
    const auto verify_start = std::chrono::steady_clock::now();
    // Every fifth check opens the database for writing, as a user would after
    // a crash; the others read it (the next writer recovers it anyway, and
    // a recovery that lost anything shows at the next check).
    const std::vector<std::string> problems = Verify(db_path, log_path, round % 5 != 4, &f);
    verify_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - verify_start).count();
    for (const std::string& e : problems) {
      std::cerr << "crash test: after kill " << f.kills << ": " << e << "\n";
      ok = false;
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "crash test (seed " << seed << "): " << f.kills << " kills (" << f.kills_while_opening
            << " while opening, " << f.kills_during_import << " during an import, of which " << f.imports_cut_kept
            << " had committed it), " << f.statements << " statements and " << f.imports << " imports in the database; "
            << f.statements_verified << " committed statements and " << f.imports_verified
            << " committed imports verified across the checks; " << f.partial << " partial, " << f.lost << " lost, "
            << f.inconsistent << " inconsistent; " << seconds << " s (" << verify_seconds
            << " s of it reopening and checking)\n";
  if (keep.empty()) fs::remove_all(dir);
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 5 && args[0] == "--writer") return RunWriter(args[1], args[2], args[3], std::stoull(args[4]));
  int kills = 100, max_delay_ms = 200;
  uint64_t seed = std::random_device{}();
  std::string keep;
  for (size_t i = 0; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if (args[i] == "--kills" && has_value) {
      kills = std::stoi(args[++i]);
    } else if (args[i] == "--seed" && has_value) {
      seed = std::stoull(args[++i]);
    } else if (args[i] == "--max-delay-ms" && has_value) {
      max_delay_ms = std::stoi(args[++i]);
    } else if (args[i] == "--keep" && has_value) {
      keep = args[++i];
    } else {
      std::cerr << "usage: kg_crash_test [--kills N] [--seed N] [--max-delay-ms N] [--keep DIR]\n";
      return 2;
    }
  }
  return RunDriver(kills, seed, max_delay_ms, keep);
}
