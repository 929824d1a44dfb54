// kg_search_bench: full-text search (CREATE FULLTEXT INDEX, kg.search) over
// the names of the bench kit's graph (shared/bench/gen_graph.py: 95 % names
// like "Person 123456", 5 % Vietnamese ones like "Nguyễn Văn An 123").
//
// It bulk-loads the nodes (not the relationships: search reads none),
// creates the full-text index over `name` (timed: the build from existing
// nodes), then runs a fixed set of queries of four kinds through
// kg::Database (CALL kg.search, a cached plan), built from names drawn with
// a fixed seed:
//   exact    the name without marks, in lower case    "nguyen van an 123"
//   whole    its words in another order               "123 an van nguyen"
//   prefix   the second-to-last word cut to 2 letters "nguyen van an 123" → "nguyen van a 123"
//   typo     two neighbouring letters of the first word swapped "ngyuen van an 123"
// Every query must find its node among the hits (exact: first), or the run
// fails. The summary goes to stderr, one JSON object to stdout.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "bench_main.h"
#include "common/text_fold.h"
#include "gen_graph_loader.h"
#include "main/database.h"

namespace {

using Clock = std::chrono::steady_clock;
using Json = nlohmann::json;

double SecondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }
double Round(double v, int digits) {
  const double f = std::pow(10.0, digits);
  return std::round(v * f) / f;
}

struct Options {
  std::string data = "/tmp/kgbench/n1m";
  std::string db = "/tmp/kg-bench/search";
  int per_kind = 200;
  double show_slow_ms = 0;  // print the queries slower than this (0: none)
  uint64_t seed = 42;
};

struct Query {
  std::string kind, text;
  int64_t id;  // the node it must find
};

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// The four queries of one name (folded words), or none of a kind the name
// cannot make (a typo needs a word of 4 letters or more).
std::vector<Query> QueriesOf(const std::vector<std::string>& words, int64_t id) {
  std::vector<Query> out;
  out.push_back({"exact", Join(words), id});
  std::vector<std::string> reversed(words.rbegin(), words.rend());
  out.push_back({"whole", Join(reversed), id});
  if (words.size() >= 2 && words[words.size() - 2].size() >= 2) {
    std::vector<std::string> cut = words;
    cut[cut.size() - 2] = cut[cut.size() - 2].substr(0, 1);
    out.push_back({"prefix", Join(cut), id});
  }
  if (words[0].size() >= 4 && words[0][1] != words[0][2]) {
    std::vector<std::string> typo = words;
    std::swap(typo[0][1], typo[0][2]);
    out.push_back({"typo", Join(typo), id});
  }
  return out;
}

struct Stats {
  std::vector<double> ms;
  int first = 0, found = 0;
};

kg::Status Run(const Options& opt, Json* report) {
  std::cerr << "reading " << opt.data << "\n";
  KG_ASSIGN_OR_RETURN(kg::bench::GraphInput input, kg::bench::ReadGenGraph(opt.data));
  input.rels.clear();  // names only
  const int64_t num_nodes = static_cast<int64_t>(input.nodes.size());
  KG_RETURN_IF_ERROR(kg::bench::ResetDatabaseDirectory(opt.db));
  KG_ASSIGN_OR_RETURN(std::unique_ptr<kg::GraphStore> store, kg::GraphStore::Open(opt.db));
  kg::bench::LoadedIds ids;
  KG_ASSIGN_OR_RETURN(kg::bench::LoadTimes load, kg::bench::BulkLoadGraph(store.get(), input, {}, &ids));
  std::cerr << "loaded " << input.nodes.size() << " nodes in " << Round(load.total(), 2) << " s\n";

  const Clock::time_point build_start = Clock::now();
  KG_RETURN_IF_ERROR(store->CreateFullTextIndex("names", {}, {"name"}));
  const double build_s = SecondsSince(build_start);
  KG_RETURN_IF_ERROR(store->Flush());
  std::cerr << "CREATE FULLTEXT INDEX names over " << input.nodes.size() << " names: " << Round(build_s, 2) << " s\n";

  // Names drawn with a fixed seed: half Vietnamese (5 % of the graph), half
  // plain, so both shapes of name are measured.
  std::vector<size_t> viet, plain;
  for (size_t i = 0; i < input.nodes.size(); ++i) {
    const std::string& name = input.nodes[i].name;
    (static_cast<unsigned char>(name[0]) >= 0x80 || name.find(' ') != name.rfind(' ') ? viet : plain).push_back(i);
  }
  std::mt19937_64 rng(opt.seed);
  std::vector<Query> queries;
  for (int i = 0; i < opt.per_kind; ++i) {
    const std::vector<size_t>& from = (i % 2 == 0 && !viet.empty()) ? viet : plain;
    const kg::bench::NodeRow& row = input.nodes[from[rng() % from.size()]];
    for (Query& q : QueriesOf(kg::FoldTokens(row.name), row.id)) queries.push_back(std::move(q));
  }
  input = kg::bench::GraphInput{};

  kg::Database db(std::move(store));
  const std::string statement = "CALL kg.search($q) YIELD node RETURN node.id AS id";
  // One untimed run: the plan is cached, the block cache warm for the
  // index's upper levels.
  KG_RETURN_IF_ERROR(db.Execute(statement, {{"q", kg::Value(queries[0].text)}}).status());
  std::map<std::string, Stats> by_kind;
  for (const Query& q : queries) {
    const Clock::time_point start = Clock::now();
    KG_ASSIGN_OR_RETURN(kg::QueryResult result, db.Execute(statement, {{"q", kg::Value(q.text)}}));
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    Stats& s = by_kind[q.kind];
    s.ms.push_back(ms);
    if (opt.show_slow_ms > 0 && ms > opt.show_slow_ms) {
      std::cerr << "slow: " << q.kind << " '" << q.text << "' " << Round(ms, 3) << " ms\n";
    }
    bool found = false;
    for (size_t r = 0; r < result.rows.size(); ++r) {
      if (result.rows[r][0].is_int() && result.rows[r][0].as_int() == q.id) {
        found = true;
        s.first += r == 0;
      }
    }
    s.found += found;
    if (!found || (q.kind == "exact" && result.rows[0][0].as_int() != q.id)) {
      return kg::Status::Runtime(q.kind + " query '" + q.text + "' did not find node " + std::to_string(q.id) +
                                 (found ? " first" : ""));
    }
  }
  Json kinds = Json::object();
  for (auto& [kind, s] : by_kind) {
    std::sort(s.ms.begin(), s.ms.end());
    const double median = s.ms[s.ms.size() / 2];
    const double p95 = s.ms[std::min(s.ms.size() - 1, s.ms.size() * 95 / 100)];
    std::cerr << kind << std::string(8 - kind.size(), ' ') << " n=" << s.ms.size() << "  median " << Round(median, 3)
              << " ms  p95 " << Round(p95, 3) << " ms  max " << Round(s.ms.back(), 3) << " ms  found first " << s.first
              << "/" << s.ms.size() << "\n";
    kinds[kind] = {{"n", s.ms.size()},
                   {"median_ms", Round(median, 3)},
                   {"p95_ms", Round(p95, 3)},
                   {"max_ms", Round(s.ms.back(), 3)},
                   {"found_first", s.first}};
  }
  *report = Json{{"data", opt.data},
                 {"nodes", num_nodes},
                 {"load_s", Round(load.total(), 3)},
                 {"index_build_s", Round(build_s, 3)},
                 {"queries", kinds}};
  return kg::Status::Ok();
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  CLI::App app{"kg_search_bench: full-text search over the bench kit's node names"};
  app.add_option("--data", opt.data, "Directory written by gen_graph.py")->capture_default_str();
  app.add_option("--db", opt.db, "Database directory; deleted and rebuilt on every run")->capture_default_str();
  app.add_option("--per-kind", opt.per_kind, "Names drawn; each gives up to one query of each kind")
      ->capture_default_str();
  app.add_option("--seed", opt.seed, "Seed of the draw")->capture_default_str();
  app.add_option("--show-slow", opt.show_slow_ms, "Print each query slower than this many ms");
  return kg::bench::RunBenchMain<Json>(
      app, argc, argv, "kg_search_bench", [&](Json* report) { return Run(opt, report); }, -1);
}
