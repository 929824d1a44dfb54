// kg_query_bench: kg's column in the benchmark kit of shared/bench (the
// Kuzu and SQLite harnesses are the peers).
//
// It bulk-loads a gen_graph.py data set into a fresh database, declares the
// index on :Person(id), runs the openCypher text of queries.json through
// the public API (kg::Database::Execute, with the parameters of params.json
// as a ValueMap) and prints one JSON object in the kit's output contract
// (shared/bench/README.md, "Output contract"): load_s, and per query n,
// median_ms, p95_ms, total_ms, first_result, rows and checksum. Progress
// goes to stderr.
//
// Each query is prepared once (kg::Database::Prepare) and its timed runs
// call PreparedStatement::Execute, which neither parses nor plans again
// (settings.prepared is true). --unprepared runs the text through Execute
// with the plan cache off instead, so that every run parses and plans
// (settings.prepared false): the difference is what preparing saves. A run
// is timed from just before Execute until it returns its QueryResult, which
// holds every row by then.
//
// --profile adds, after the timed runs of each query, one untimed PROFILE
// of it (run 0's parameters) whose plan goes to stderr: rows and time per
// operator, to see where the time goes.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "bench_main.h"
#include "common/status.h"
#include "common/value.h"
#include "common/version.h"
#include "gen_graph_loader.h"
#include "main/database.h"
#include "storage/graph_store.h"

#ifndef KG_BENCH_DEFAULT_QUERIES
#define KG_BENCH_DEFAULT_QUERIES "queries.json"
#endif

namespace {

using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

struct Options {
  std::string data;
  std::string db = "/tmp/kg-bench/kg";
  std::string only;
  double repeat_scale = 1.0;
  int warmup = 1;
  std::string queries = KG_BENCH_DEFAULT_QUERIES;
  // Label.property pairs to index after the load. The queries look
  // Persons up by `id` (Q1, Q3-Q7, Q9); no other label is looked up by id.
  std::string indexes = "Person.id";
  bool profile = false;
  bool unprepared = false;
};

kg::Result<Json> ReadJson(const std::string& path) {
  std::ifstream f(path);
  if (!f) return kg::Status::Io("cannot open " + path);
  try {
    return Json::parse(f);
  } catch (const std::exception& e) {
    return kg::Status::Io(path + ": " + e.what());
  }
}

// The contract's weight(): an integer counts as itself, a string as its
// UTF-8 byte length, a float truncated toward zero, a boolean as 1 or 0,
// null as 0, a list as the sum of its elements. Other kinds (the workload
// returns none) count 0, as in the peer harnesses.
int64_t Weight(const kg::Value& v) {
  switch (v.kind()) {
    case kg::Value::Kind::kBool:
      return v.as_bool() ? 1 : 0;
    case kg::Value::Kind::kInt:
      return v.as_int();
    case kg::Value::Kind::kFloat:
      return static_cast<int64_t>(std::trunc(v.as_float()));
    case kg::Value::Kind::kString:
      return static_cast<int64_t>(v.as_string().size());
    case kg::Value::Kind::kList: {
      int64_t sum = 0;
      for (const kg::Value& e : v.as_list()) sum += Weight(e);
      return sum;
    }
    default:
      return 0;
  }
}

// A result value as JSON for first_result; kinds JSON has no word for
// (dates, maps, graph elements) appear in Cypher notation.
Json ToJson(const kg::Value& v) {
  switch (v.kind()) {
    case kg::Value::Kind::kNull:
      return nullptr;
    case kg::Value::Kind::kBool:
      return v.as_bool();
    case kg::Value::Kind::kInt:
      return v.as_int();
    case kg::Value::Kind::kFloat:
      return v.as_float();
    case kg::Value::Kind::kString:
      return v.as_string();
    case kg::Value::Kind::kList: {
      Json list = Json::array();
      for (const kg::Value& e : v.as_list()) list.push_back(ToJson(e));
      return list;
    }
    default:
      return v.ToString();
  }
}

double Round(double v, int digits) {
  const double scale = std::pow(10.0, digits);
  return std::round(v * scale) / scale;
}

// n, median (mean of the middle two when n is even), p95 (nearest rank) and
// total, in milliseconds, rounded as the peer harnesses round them.
Json Summarize(std::vector<double> times_ms) {
  std::sort(times_ms.begin(), times_ms.end());
  const size_t n = times_ms.size();
  const double median = n % 2 ? times_ms[n / 2] : (times_ms[n / 2 - 1] + times_ms[n / 2]) / 2;
  const size_t rank = static_cast<size_t>(std::ceil(0.95 * static_cast<double>(n)));
  const double p95 = times_ms[rank > 0 ? rank - 1 : 0];
  double total = 0;
  for (double t : times_ms) total += t;
  return Json{{"n", n}, {"median_ms", Round(median, 4)}, {"p95_ms", Round(p95, 4)}, {"total_ms", Round(total, 3)}};
}

// Run i's parameters: params.json[key][i % len]; a pair binds $a and $b,
// anything else $id. A null key binds nothing.
kg::Result<kg::ValueMap> ParamsFor(const Json& query, const Json& params, size_t i) {
  const Json& key = query.at("params");
  if (key.is_null()) return kg::ValueMap{};
  const std::string name = key.get<std::string>();
  if (!params.contains(name) || !params.at(name).is_array() || params.at(name).empty()) {
    return kg::Status::Io("params.json has no list '" + name + "'");
  }
  const Json& list = params.at(name);
  const Json& value = list.at(i % list.size());
  if (name == "pairs") {
    return kg::ValueMap{{"a", kg::Value(value.at(0).get<int64_t>())}, {"b", kg::Value(value.at(1).get<int64_t>())}};
  }
  return kg::ValueMap{{"id", kg::Value(value.get<int64_t>())}};
}

// Runs the query: prepared, or its text through Execute (--unprepared).
kg::Result<kg::QueryResult> Run(kg::Database* db, kg::PreparedStatement* prepared, const std::string& text,
                                const kg::ValueMap& params) {
  kg::Result<kg::QueryResult> r = prepared ? prepared->Execute(params) : db->Execute(text, params);
  if (!r.ok()) return kg::Status::Runtime("query failed: " + kg::DescribeError(r.status(), text));
  return r;
}

kg::Result<Json> RunQuery(kg::Database* db, const Json& query, const Json& params, const Options& opt) {
  const std::string text = query.at("cypher").get<std::string>();
  std::unique_ptr<kg::PreparedStatement> prepared;
  if (!opt.unprepared) {
    kg::Result<std::unique_ptr<kg::PreparedStatement>> p = db->Prepare(text);
    if (!p.ok()) return kg::Status::Runtime("query failed: " + kg::DescribeError(p.status(), text));
    prepared = std::move(p).value();
  }
  const int64_t repeat = std::max<int64_t>(1, std::llround(query.at("repeat").get<double>() * opt.repeat_scale));
  for (int i = 0; i < opt.warmup; ++i) {
    KG_ASSIGN_OR_RETURN(kg::ValueMap p, ParamsFor(query, params, static_cast<size_t>(i)));
    KG_ASSIGN_OR_RETURN(kg::QueryResult r, Run(db, prepared.get(), text, p));
    (void)r;
  }
  std::vector<double> times_ms;
  times_ms.reserve(static_cast<size_t>(repeat));
  int64_t rows = 0, checksum = 0;
  Json first = nullptr;
  for (int64_t i = 0; i < repeat; ++i) {
    KG_ASSIGN_OR_RETURN(kg::ValueMap p, ParamsFor(query, params, static_cast<size_t>(i)));
    const Clock::time_point start = Clock::now();
    kg::Result<kg::QueryResult> r = Run(db, prepared.get(), text, p);
    times_ms.push_back(SecondsSince(start) * 1000.0);
    if (!r.ok()) return r.status();
    if (i == 0 && !r->rows.empty()) {
      first = Json::array();
      for (const kg::Value& v : r->rows.front()) first.push_back(ToJson(v));
    }
    rows += static_cast<int64_t>(r->rows.size());
    for (const std::vector<kg::Value>& row : r->rows) {
      for (const kg::Value& v : row) checksum += Weight(v);
    }
  }
  Json out = Summarize(std::move(times_ms));
  out["first_result"] = first;
  out["rows"] = rows;
  out["checksum"] = checksum;
  return out;
}

// One untimed PROFILE of the query with run 0's parameters; the plan text.
kg::Result<std::string> Profile(kg::Database* db, const Json& query, const Json& params) {
  const std::string text = "PROFILE " + query.at("cypher").get<std::string>();
  KG_ASSIGN_OR_RETURN(kg::ValueMap p, ParamsFor(query, params, 0));
  KG_ASSIGN_OR_RETURN(kg::QueryResult r, Run(db, nullptr, text, p));
  return r.plan;
}

std::vector<std::string> SplitList(const std::string& list) {
  std::vector<std::string> items;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) items.push_back(item);
  }
  return items;
}

struct IndexSpec {
  std::string label, property;
  std::string Name() const { return label + "(" + property + ")"; }
};

// "Person.id,Person.year" -> {Person, id}, {Person, year}.
kg::Result<std::vector<IndexSpec>> ParseIndexes(const std::string& list) {
  std::vector<IndexSpec> specs;
  for (const std::string& item : SplitList(list)) {
    const size_t dot = item.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == item.size()) {
      return kg::Status::Usage("--index: expected Label.property, got '" + item + "'");
    }
    specs.push_back(IndexSpec{item.substr(0, dot), item.substr(dot + 1)});
  }
  return specs;
}

kg::Status Main(const Options& opt, Json* report) {
  KG_ASSIGN_OR_RETURN(Json manifest, ReadJson(opt.data + "/manifest.json"));
  KG_ASSIGN_OR_RETURN(Json params, ReadJson(opt.data + "/params.json"));
  KG_ASSIGN_OR_RETURN(Json queries, ReadJson(opt.queries));
  if (!queries.is_array()) return kg::Status::Io(opt.queries + ": expected a list of queries");
  const std::vector<std::string> only_list = SplitList(opt.only);
  const std::set<std::string> only(only_list.begin(), only_list.end());
  KG_ASSIGN_OR_RETURN(std::vector<IndexSpec> indexes, ParseIndexes(opt.indexes));
  for (const std::string& name : only) {
    const bool known = std::any_of(queries.begin(), queries.end(),
                                   [&](const Json& q) { return q.value("name", std::string()) == name; });
    if (!known) return kg::Status::Usage("--only: no query named " + name + " in " + opt.queries);
  }

  // ---- Load: empty store to loaded and indexed, CSV parsing included (the
  // peers' load times include theirs) ----
  std::cerr << "loading " << opt.data << " into " << opt.db << "\n";
  KG_RETURN_IF_ERROR(kg::bench::ResetDatabaseDirectory(opt.db));
  const Clock::time_point load_start = Clock::now();
  KG_ASSIGN_OR_RETURN(kg::bench::GraphInput input, kg::bench::ReadGenGraph(opt.data));
  const double read_s = SecondsSince(load_start);
  KG_ASSIGN_OR_RETURN(std::unique_ptr<kg::GraphStore> store, kg::GraphStore::Open(opt.db));
  kg::bench::LoadedIds ids;
  // The indexes are declared before the first node and filled by the bulk
  // load itself (as Kuzu builds its primary-key index during COPY); the
  // CreateIndex calls below then find them declared.
  kg::bench::BulkLoadOptions load_options;
  for (const IndexSpec& index : indexes) load_options.indexes.emplace_back(index.label, index.property);
  KG_ASSIGN_OR_RETURN(kg::bench::LoadTimes bulk, kg::bench::BulkLoadGraph(store.get(), input, load_options, &ids));
  const Clock::time_point index_start = Clock::now();
  Json index_names = Json::array();
  for (const IndexSpec& index : indexes) {
    KG_RETURN_IF_ERROR(store->CreateIndex(index.label, index.property));
    index_names.push_back(index.Name());
  }
  const double index_s = SecondsSince(index_start);
  const double load_s = SecondsSince(load_start);
  const uint64_t num_nodes = input.nodes.size(), num_rels = input.rels.size();
  input = kg::bench::GraphInput{};  // the queries run without the CSV copy in memory
  std::cerr << "loaded " << num_nodes << " nodes and " << num_rels << " relationships in " << Round(load_s, 2)
            << " s (CSV " << Round(read_s, 2) << " s, bulk load " << Round(bulk.total(), 2) << " s of which Finish "
            << Round(bulk.finish, 2) << " s, indexes " << index_names.dump() << " " << Round(index_s, 2) << " s)\n";

  kg::DatabaseOptions db_options;
  if (opt.unprepared) db_options.plan_cache_entries = 0;  // every run parses and plans
  kg::Database db(std::move(store), db_options);
  Json results = Json::object();
  for (const Json& q : queries) {
    const std::string name = q.at("name").get<std::string>();
    if (!only.empty() && !only.count(name)) continue;
    KG_ASSIGN_OR_RETURN(Json stats, RunQuery(&db, q, params, opt));
    std::cerr << name << std::string(name.size() < 4 ? 4 - name.size() : 0, ' ') << " n=" << stats["n"] << " median "
              << stats["median_ms"] << " ms  p95 " << stats["p95_ms"] << " ms  rows " << stats["rows"] << "  checksum "
              << stats["checksum"] << "\n";
    if (opt.profile) {
      KG_ASSIGN_OR_RETURN(std::string plan, Profile(&db, q, params));
      std::cerr << "PROFILE " << name << ":\n" << plan << "\n";
    }
    results[name] = std::move(stats);
  }

  *report = Json{
      {"system", "kg"},
      {"version", KG_VERSION},
      {"client", opt.unprepared ? "C++ kg::Database::Execute, no plan cache (kg_query_bench)"
                                : "C++ kg::PreparedStatement::Execute (kg_query_bench)"},
      {"dataset",
       {{"dir", opt.data},
        {"nodes", manifest.value("total_nodes", num_nodes)},
        {"edges", manifest.value("total_edges", num_rels)},
        {"seed", manifest.value("seed", Json(nullptr))}}},
      {"settings",
       {{"threads", 1},
        {"warmup", opt.warmup},
        {"repeat_scale", opt.repeat_scale},
        {"prepared", !opt.unprepared},
        {"indexes", index_names}}},
      {"load_s", Round(load_s, 3)},
      {"read_csv_s", Round(read_s, 3)},
      {"bulk_load_s", Round(bulk.total(), 3)},
      {"index_s", Round(index_s, 3)},
      {"queries", std::move(results)},
  };
  return kg::Status::Ok();
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  CLI::App app{"kg_query_bench: the shared/bench workload (queries.json) run through kg::Database"};
  app.add_option("--data", opt.data, "Directory written by gen_graph.py")->required();
  app.add_option("--db", opt.db, "Database directory; deleted and rebuilt on every run")->capture_default_str();
  app.add_option("--only", opt.only, "Run only these queries (comma-separated names, e.g. Q1,Q7)");
  app.add_option("--repeat-scale", opt.repeat_scale, "Multiply every query's repeat (at least 1 run)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--warmup", opt.warmup, "Untimed runs per query before the timed ones")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--queries", opt.queries, "Workload file")->capture_default_str();
  app.add_option("--index", opt.indexes, "Indexes to declare after the load (comma-separated Label.property)")
      ->capture_default_str();
  app.add_flag("--unprepared", opt.unprepared,
               "Run each query's text through Database::Execute with the plan cache off: every run parses and plans");
  app.add_flag("--profile", opt.profile, "After each query's timed runs, print one PROFILE of it to stderr");
  return kg::bench::RunBenchMain<Json>(app, argc, argv, "kg_query_bench",
                                       [&](Json* report) { return Main(opt, report); });
}
