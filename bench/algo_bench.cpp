// kg_algo_bench: how long the graph algorithms take on the bench kit's
// graph, projection included, and how much memory the projection holds.
//
// It loads gen_graph.py's CSVs (shared/bench) into a database once (or
// opens the one a previous run left, with --reuse), then, --runs times,
// opens the store afresh (so the storage layer's in-memory projection is
// built again, from RocksDB), builds the algorithm projection of every
// node and relationship, runs PageRank (20 iterations, tolerance 0 so that
// all 20 run, as igraph_algo_bench.py is told) and weakly connected
// components. A readable summary goes to stderr and one JSON object to
// stdout. igraph_algo_bench.py times igraph on the same edge list.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <numeric>
#include <set>
#include <string>
#include <vector>

#include "gen_graph_loader.h"
#include "graph/algo_graph.h"
#include "graph/components.h"
#include "graph/pagerank.h"
#include "storage/graph_store.h"
#include "storage/transaction.h"

namespace {

using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

struct Options {
  std::string data = "/tmp/kgbench/n1m";
  std::string db = "/tmp/kgbench/algo_n1m.kg";
  bool reuse = false;
  int runs = 3;
  int iterations = 20;
};

kg::Status Run(const Options& opt) {
  namespace fs = std::filesystem;
  Json out;
  if (!(opt.reuse && fs::exists(fs::path(opt.db) / "CURRENT"))) {
    std::cerr << "loading " << opt.data << " into " << opt.db << "\n";
    KG_RETURN_IF_ERROR(kg::bench::ResetDatabaseDirectory(opt.db));
    KG_ASSIGN_OR_RETURN(kg::bench::GraphInput input, kg::bench::ReadGenGraph(opt.data));
    KG_ASSIGN_OR_RETURN(std::unique_ptr<kg::GraphStore> store, kg::GraphStore::Open(opt.db));
    kg::bench::LoadedIds ids;
    KG_ASSIGN_OR_RETURN(kg::bench::LoadTimes t, kg::bench::BulkLoadGraph(store.get(), input, {}, &ids));
    out["load_seconds"] = t.total();
  }
  std::vector<double> storage_s, project_s, pagerank_s, wcc_s, total_pr_s, total_wcc_s;
  uint64_t nodes = 0, rels = 0, bytes = 0, storage_bytes = 0, components = 0;
  double score_sum = 0, l1_from_converged = 0;
  for (int run = 0; run < opt.runs; ++run) {
    KG_ASSIGN_OR_RETURN(std::unique_ptr<kg::GraphStore> store, kg::GraphStore::Open(opt.db));
    KG_ASSIGN_OR_RETURN(std::unique_ptr<kg::Transaction> txn, store->BeginRead());
    const Clock::time_point start = Clock::now();
    KG_ASSIGN_OR_RETURN(kg::graph::AlgoGraph g, kg::graph::AlgoGraph::Build(txn.get(), {}, nullptr));
    const double project = SecondsSince(start);
    const kg::graph::AlgoGraph::Stats stats = g.stats();
    const kg::GraphProjection::Stats sp = txn->projection()->stats();
    Clock::time_point t = Clock::now();
    kg::graph::PageRankOptions pr_options;
    pr_options.iterations = opt.iterations;
    pr_options.tolerance = 0;
    KG_ASSIGN_OR_RETURN(kg::graph::PageRankResult pr, kg::graph::PageRank(g, pr_options, nullptr));
    const double pagerank = SecondsSince(t);
    t = Clock::now();
    KG_ASSIGN_OR_RETURN(std::vector<kg::NodeId> wcc, kg::graph::WeaklyConnectedComponents(g, nullptr));
    const double wcc_time = SecondsSince(t);
    std::vector<kg::NodeId> sorted = wcc;
    std::sort(sorted.begin(), sorted.end());
    components = static_cast<uint64_t>(std::unique(sorted.begin(), sorted.end()) - sorted.begin());
    score_sum = std::accumulate(pr.scores.begin(), pr.scores.end(), 0.0);
    if (run == 0) {
      // How far 20 iterations are from the converged scores (what igraph's
      // PRPACK computes), untimed.
      kg::graph::PageRankOptions exact;
      exact.iterations = 1000;
      exact.tolerance = 1e-12;
      KG_ASSIGN_OR_RETURN(kg::graph::PageRankResult converged, kg::graph::PageRank(g, exact, nullptr));
      l1_from_converged = 0;
      for (size_t i = 0; i < pr.scores.size(); ++i) l1_from_converged += std::abs(pr.scores[i] - converged.scores[i]);
    }
    nodes = g.num_vertices();
    rels = g.num_relationships();
    bytes = stats.bytes;
    storage_bytes = sp.bytes_adjacency + sp.bytes_labels + sp.bytes_columns;
    storage_s.push_back(stats.storage_projection_seconds);
    project_s.push_back(project);
    pagerank_s.push_back(pagerank);
    wcc_s.push_back(wcc_time);
    total_pr_s.push_back(project + pagerank);
    total_wcc_s.push_back(project + wcc_time);
    std::cerr << "run " << run + 1 << ": projection " << project << " s (storage projection "
              << stats.storage_projection_seconds << " s, algorithm projection " << stats.build_seconds
              << " s), PageRank " << pr.iterations << " iterations " << pagerank << " s, WCC " << wcc_time << " s ("
              << components << " components)\n";
  }
  out["data"] = opt.data;
  out["nodes"] = nodes;
  out["relationships"] = rels;
  out["runs"] = opt.runs;
  out["pagerank_iterations"] = opt.iterations;
  out["median_seconds"] = {{"projection_total", Median(project_s)},
                           {"storage_projection", Median(storage_s)},
                           {"pagerank", Median(pagerank_s)},
                           {"wcc", Median(wcc_s)},
                           {"projection_plus_pagerank", Median(total_pr_s)},
                           {"projection_plus_wcc", Median(total_wcc_s)}};
  out["projection_bytes"] = bytes;
  out["projection_bytes_per_relationship"] = rels ? static_cast<double>(bytes) / static_cast<double>(rels) : 0;
  out["storage_projection_bytes"] = storage_bytes;
  out["wcc_components"] = components;
  out["pagerank_score_sum"] = score_sum;
  out["pagerank_l1_from_converged"] = l1_from_converged;
  std::cerr << "algorithm projection " << bytes << " bytes, " << out["projection_bytes_per_relationship"].get<double>()
            << " bytes per relationship\n";
  std::cout << out.dump(2) << "\n";
  return kg::Status::Ok();
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  CLI::App app{"kg_algo_bench: PageRank and WCC on the bench kit's graph, projection included"};
  app.add_option("--data", opt.data, "gen_graph.py output directory");
  app.add_option("--db", opt.db, "database directory (reset unless --reuse finds one)");
  app.add_flag("--reuse", opt.reuse, "open the database at --db if it exists instead of loading again");
  app.add_option("--runs", opt.runs, "measured runs, each on a freshly opened store");
  app.add_option("--iterations", opt.iterations, "PageRank iterations");
  CLI11_PARSE(app, argc, argv);
  kg::Status s = Run(opt);
  if (!s.ok()) {
    std::cerr << "kg_algo_bench: " << s.ToString() << "\n";
    return 1;
  }
  return 0;
}
