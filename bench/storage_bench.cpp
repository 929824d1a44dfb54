// kg_storage_bench: how fast the storage layer loads, reads and expands on
// this machine.
//
// It builds a graph (synthetic, or the CSVs of shared/bench/gen_graph.py),
// bulk-loads it into a fresh database, closes and reopens the database, and
// then times random node reads, lookups by key and one-hop expansions. A
// readable summary goes to stderr and one JSON object to stdout, so that a
// script can keep the numbers.
//
// The input is built in memory before the clock starts, so the load rates
// measure the store (and building its Properties), not CSV parsing or the
// random generator. Every read is checked against that input: a wrong
// answer from the store ends the run with an error instead of a fast number.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <vector>

#include "bench_main.h"
#include "common/status.h"
#include "common/value.h"
#include "gen_graph_loader.h"
#include "storage/bulk_loader.h"
#include "storage/catalog.h"
#include "storage/cursors.h"
#include "storage/graph_store.h"
#include "storage/ids.h"
#include "storage/transaction.h"

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;
using Input = kg::bench::GraphInput;
using kg::bench::NodeRow;
using kg::bench::RelRow;
using Ids = kg::bench::LoadedIds;
using kg::bench::LoadTimes;

// gen_graph.py's label order and shares; the synthetic graph uses the same
// so that both modes load graphs of a similar shape.
constexpr const char* kLabels[] = {"Person", "Organization", "Place", "Event"};
constexpr double kLabelShares[] = {0.60, 0.25, 0.10, 0.05};
constexpr int kPerson = 0, kOrganization = 1, kPlace = 2, kEvent = 3;

// Synthetic relationship types: endpoints' labels, share of all
// relationships, and how strongly popular targets are preferred (the
// exponent of a power-law rank; 1 is uniform).
struct RelTypeSpec {
  const char* name;
  int from, to;
  double share;
  double target_skew;
};
constexpr RelTypeSpec kRelTypes[] = {
    {"KNOWS", kPerson, kPerson, 0.60, 2.0},
    {"MEMBER_OF", kPerson, kOrganization, 0.20, 2.0},
    {"ATTENDED", kPerson, kEvent, 0.15, 1.5},
    {"LOCATED_IN", kOrganization, kPlace, 0.05, 2.5},
};
// Sources are skewed too, less than targets, so out-degrees vary.
constexpr double kSourceSkew = 1.5;

// The property every node gets as its unique key, "n/<id>" in both modes.
using kg::bench::GenGraphNodeKey;

struct Options {
  std::string db = "/tmp/kg-bench/storage";
  std::string data;  // empty: synthetic graph
  uint64_t nodes = 100000;
  uint64_t rels = 1000000;
  uint64_t reads = 1000000;
  uint64_t key_lookups = 200000;
  uint64_t expansions = 200000;
  uint64_t seed = 42;
  uint64_t txn_rels = 50000;
  bool compact = false;
};

class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double Seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

 private:
  std::chrono::steady_clock::time_point start_;
};

double PerSecond(uint64_t n, double seconds) { return seconds > 0 ? static_cast<double>(n) / seconds : 0.0; }

// "1.23M", "456k": rates are read by eye, three digits are plenty.
std::string Human(double v) {
  char buf[32];
  if (v >= 1e6)
    std::snprintf(buf, sizeof(buf), "%.2fM", v / 1e6);
  else if (v >= 1e3)
    std::snprintf(buf, sizeof(buf), "%.1fk", v / 1e3);
  else
    std::snprintf(buf, sizeof(buf), "%.1f", v);
  return buf;
}

std::string Fixed(double v, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.*f", digits, v);
  return buf;
}

// A double in [0, 1) from 53 random bits; written out rather than using
// std::uniform_real_distribution so the graph is the same on any library.
double Unit(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

uint64_t UniformIndex(std::mt19937_64& rng, uint64_t n) {
  return std::min<uint64_t>(n - 1, static_cast<uint64_t>(Unit(rng) * static_cast<double>(n)));
}

// Skewed choice among `count` nodes starting at `first`: rank n*u^skew puts
// most picks on low ranks, and the ranks are scattered over the id range by
// a stride coprime with `count` (a permutation), so hubs are not all at the
// start of the range, where they would share disk blocks.
class Picker {
 public:
  Picker(uint64_t first, uint64_t count, double skew, double stride_fraction)
      : first_(first), count_(count), skew_(skew) {
    stride_ = std::max<uint64_t>(1, static_cast<uint64_t>(static_cast<double>(count) * stride_fraction));
    while (std::gcd(stride_, count_) != 1) ++stride_;
  }
  kg::NodeId operator()(std::mt19937_64& rng) const {
    const double u = std::pow(Unit(rng), skew_);
    const uint64_t rank = std::min<uint64_t>(count_ - 1, static_cast<uint64_t>(u * static_cast<double>(count_)));
    return first_ + (rank * stride_) % count_;
  }

 private:
  uint64_t first_, count_;
  double skew_;
  uint64_t stride_;
};

kg::Result<Input> MakeSyntheticInput(const Options& opt) {
  if (opt.nodes < 100) return kg::Status::Usage("--nodes must be at least 100 (every label needs some nodes)");
  Input in;
  for (const char* l : kLabels) in.labels.emplace_back(l);
  for (const RelTypeSpec& t : kRelTypes) in.types.emplace_back(t.name);

  uint64_t first[4], count[4], left = opt.nodes;
  for (int l = 0; l < 4; ++l) {
    count[l] = l < 3 ? static_cast<uint64_t>(std::llround(static_cast<double>(opt.nodes) * kLabelShares[l])) : left;
    left -= count[l];
    first[l] = l == 0 ? 0 : first[l - 1] + count[l - 1];
  }

  // Separate streams for nodes and relationships, so changing --rels does
  // not change the nodes.
  std::mt19937_64 node_rng(opt.seed * 2 + 1);
  in.nodes.reserve(opt.nodes);
  for (int l = 0; l < 4; ++l) {
    for (uint64_t i = 0; i < count[l]; ++i) {
      const int64_t id = static_cast<int64_t>(first[l] + i);
      int64_t year = 0;
      if (l == kPerson) year = 1940 + static_cast<int64_t>(UniformIndex(node_rng, 66));
      if (l == kOrganization) year = 1850 + static_cast<int64_t>(UniformIndex(node_rng, 175));
      const double score = std::floor(Unit(node_rng) * 1e6) / 1e4;  // 4 decimals, as in the CSVs
      in.nodes.push_back(
          NodeRow{static_cast<uint32_t>(l), id, std::string(kLabels[l]) + " " + std::to_string(id), year, score});
    }
  }

  std::vector<Picker> sources, targets;
  for (const RelTypeSpec& t : kRelTypes) {
    sources.emplace_back(first[t.from], count[t.from], kSourceSkew, 0.6180339887);
    targets.emplace_back(first[t.to], count[t.to], t.target_skew, 0.4142135624);
  }
  std::mt19937_64 rel_rng(opt.seed * 2 + 2);
  in.rels.reserve(opt.rels);
  for (uint64_t i = 0; i < opt.rels; ++i) {
    const double u = Unit(rel_rng);
    uint32_t type = 0;
    double acc = kRelTypes[0].share;
    while (type + 1 < std::size(kRelTypes) && u >= acc) acc += kRelTypes[++type].share;
    const kg::NodeId src = sources[type](rel_rng);
    const kg::NodeId dst = targets[type](rel_rng);
    in.rels.push_back(RelRow{type, src, dst, 1950 + static_cast<int64_t>(UniformIndex(rel_rng, 75))});
  }
  return in;
}

// ---- The database ----

kg::Result<uint64_t> DirectoryBytes(const std::string& path) {
  std::error_code ec;
  uint64_t total = 0;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) total += it->file_size(ec);
    if (ec) break;
  }
  if (ec) return kg::Status::Io("cannot measure " + path + ": " + ec.message());
  return total;
}

struct PointResult {
  uint64_t count = 0;
  double seconds = 0;
};

// The same relationships written the slow way, one write transaction each
// (the nodes first, in one transaction): what the bulk path is measured
// against.
kg::Result<PointResult> TimeTransactionalRels(const std::string& db, const Input& in, uint64_t rels) {
  KG_RETURN_IF_ERROR(kg::bench::ResetDatabaseDirectory(db));
  KG_ASSIGN_OR_RETURN(std::unique_ptr<kg::GraphStore> store, kg::GraphStore::Open(db));
  {
    KG_ASSIGN_OR_RETURN(std::unique_ptr<kg::Transaction> txn, store->BeginWrite());
    KG_ASSIGN_OR_RETURN(kg::PropertyKeyId key, txn->InternPropertyKey(kg::kKeyProperty));
    std::vector<kg::LabelId> labels;
    for (const std::string& l : in.labels) {
      KG_ASSIGN_OR_RETURN(kg::LabelId id, txn->InternLabel(l));
      labels.push_back(id);
    }
    for (const NodeRow& n : in.nodes) {
      KG_ASSIGN_OR_RETURN(kg::NodeId got,
                          txn->CreateNode({labels[n.label]}, {{key, kg::Value(GenGraphNodeKey(n.id))}}));
      (void)got;
    }
    KG_RETURN_IF_ERROR(txn->Commit());
  }
  std::vector<kg::RelTypeId> types;
  kg::PropertyKeyId since = 0;
  {
    KG_ASSIGN_OR_RETURN(std::unique_ptr<kg::Transaction> txn, store->BeginWrite());
    for (const std::string& t : in.types) {
      KG_ASSIGN_OR_RETURN(kg::RelTypeId id, txn->InternRelType(t));
      types.push_back(id);
    }
    KG_ASSIGN_OR_RETURN(since, txn->InternPropertyKey("since"));
    KG_RETURN_IF_ERROR(txn->Commit());
  }
  PointResult r;
  r.count = std::min<uint64_t>(rels, in.rels.size());
  Stopwatch clock;
  for (uint64_t i = 0; i < r.count; ++i) {
    const RelRow& row = in.rels[i];
    KG_ASSIGN_OR_RETURN(std::unique_ptr<kg::Transaction> txn, store->BeginWrite());
    KG_ASSIGN_OR_RETURN(kg::RelId id,
                        txn->CreateRelationship(types[row.type], row.src, row.dst, {{since, kg::Value(row.since)}}));
    (void)id;
    KG_RETURN_IF_ERROR(txn->Commit());
  }
  r.seconds = clock.Seconds();
  return r;
}

// R random GetNode calls in one read transaction, each checked against the
// input (label and name), so a fast wrong answer cannot pass.
kg::Result<PointResult> TimeGetNode(kg::GraphStore* store, const Input& in, const Ids& ids, uint64_t reads,
                                    uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<kg::NodeId> picks(reads);
  for (auto& p : picks) p = UniformIndex(rng, in.nodes.size());
  KG_ASSIGN_OR_RETURN(std::unique_ptr<kg::Transaction> txn, store->BeginRead());
  Stopwatch clock;
  for (kg::NodeId id : picks) {
    KG_ASSIGN_OR_RETURN(std::optional<kg::NodeRecord> node, txn->GetNode(id));
    if (!node) return kg::Status::Storage("GetNode(" + std::to_string(id) + ") found no node");
    const NodeRow& want = in.nodes[id];
    const kg::Value* name = kg::FindProperty(node->properties, ids.name);
    if (node->id != id || node->labels.size() != 1 || node->labels[0] != ids.labels[want.label] || !name ||
        !name->is_string() || name->as_string() != want.name) {
      return kg::Status::Storage("GetNode(" + std::to_string(id) + ") returned a different node (name " +
                                 (name ? name->ToString() : "missing") + ", expected '" + want.name + "')");
    }
  }
  return PointResult{reads, clock.Seconds()};
}

kg::Result<PointResult> TimeFindByKey(kg::GraphStore* store, uint64_t num_nodes, uint64_t lookups, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<kg::NodeId> want(lookups);
  std::vector<kg::Value> keys;
  keys.reserve(lookups);
  for (auto& w : want) {
    w = UniformIndex(rng, num_nodes);
    keys.emplace_back(GenGraphNodeKey(static_cast<int64_t>(w)));
  }
  KG_ASSIGN_OR_RETURN(std::unique_ptr<kg::Transaction> txn, store->BeginRead());
  Stopwatch clock;
  for (uint64_t i = 0; i < lookups; ++i) {
    KG_ASSIGN_OR_RETURN(std::optional<kg::NodeId> got, txn->FindNodeByKey(keys[i]));
    if (!got || *got != want[i]) {
      return kg::Status::Storage("FindNodeByKey(" + keys[i].ToString() + ") returned " +
                                 (got ? std::to_string(*got) : std::string("nothing")) + ", expected " +
                                 std::to_string(want[i]));
    }
  }
  return PointResult{lookups, clock.Seconds()};
}

struct ExpandResult {
  uint64_t expansions = 0, neighbours = 0;
  double seconds = 0;
};

// K one-hop expansions of random nodes, walking every entry; each count is
// checked against the degree computed from the input.
kg::Result<ExpandResult> TimeExpand(kg::GraphStore* store, kg::Direction dir,
                                    const std::vector<uint32_t>& expected_degree, uint64_t expansions, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<kg::NodeId> picks(expansions);
  for (auto& p : picks) p = UniformIndex(rng, expected_degree.size());
  KG_ASSIGN_OR_RETURN(std::unique_ptr<kg::Transaction> txn, store->BeginRead());
  ExpandResult r;
  r.expansions = expansions;
  Stopwatch clock;
  for (kg::NodeId node : picks) {
    uint64_t n = 0;
    auto cursor = txn->Expand(node, dir);
    for (; cursor->Valid(); cursor->Next()) {
      const kg::AdjacencyEntry& e = cursor->entry();
      if (e.node != node || (dir != kg::Direction::kBoth && e.direction != dir)) {
        return kg::Status::Storage("Expand(" + std::to_string(node) + ") returned an entry of node " +
                                   std::to_string(e.node));
      }
      ++n;
    }
    KG_RETURN_IF_ERROR(cursor->status());
    if (n != expected_degree[node]) {
      return kg::Status::Storage("Expand(" + std::to_string(node) + ", " +
                                 (dir == kg::Direction::kOut ? "out" : "both") + ") returned " + std::to_string(n) +
                                 " relationships, expected " + std::to_string(expected_degree[node]));
    }
    r.neighbours += n;
  }
  r.seconds = clock.Seconds();
  return r;
}

Json PointJson(const PointResult& r) {
  return Json{{"count", r.count}, {"seconds", r.seconds}, {"per_second", PerSecond(r.count, r.seconds)}};
}

Json ExpandJson(const ExpandResult& r, double graph_avg_degree) {
  return Json{{"expansions", r.expansions},
              {"seconds", r.seconds},
              {"expansions_per_second", PerSecond(r.expansions, r.seconds)},
              {"neighbours", r.neighbours},
              {"neighbours_per_second", PerSecond(r.neighbours, r.seconds)},
              {"avg_degree_sampled",
               r.expansions ? static_cast<double>(r.neighbours) / static_cast<double>(r.expansions) : 0.0},
              {"avg_degree_graph", graph_avg_degree}};
}

kg::Status Run(const Options& opt, Json* report) {
  Stopwatch wall;
  // ---- Input ----
  Stopwatch prepare_clock;
  kg::Result<Input> input = opt.data.empty() ? MakeSyntheticInput(opt) : kg::bench::ReadGenGraph(opt.data);
  if (!input.ok()) return input.status();
  const Input& in = *input;
  const double prepare_seconds = prepare_clock.Seconds();
  const uint64_t num_nodes = in.nodes.size(), num_rels = in.rels.size();

  // What Expand must return for each node; a self-loop counts once in kBoth
  // (cursors.h), as one relationship.
  std::vector<uint32_t> out_degree(num_nodes, 0), both_degree(num_nodes, 0);
  for (const RelRow& r : in.rels) {
    ++out_degree[r.src];
    ++both_degree[r.src];
    if (r.dst != r.src) ++both_degree[r.dst];
  }
  std::cerr << (opt.data.empty() ? "synthetic graph" : "graph from " + opt.data) << ": " << num_nodes << " nodes, "
            << num_rels << " relationships (prepared in " << Fixed(prepare_seconds, 2) << " s)\n";

  // ---- Bulk load ----
  KG_RETURN_IF_ERROR(kg::bench::ResetDatabaseDirectory(opt.db));
  Ids ids;
  LoadTimes load;
  {
    KG_ASSIGN_OR_RETURN(std::unique_ptr<kg::GraphStore> store, kg::GraphStore::Open(opt.db));
    KG_ASSIGN_OR_RETURN(
        load, kg::bench::BulkLoadGraph(store.get(), in, {opt.compact, /*unique_key=*/true, /*indexes=*/{}}, &ids));
    std::cerr << "load: " << num_nodes << " nodes in " << Fixed(load.nodes, 2) << " s ("
              << Human(PerSecond(num_nodes, load.nodes)) << " nodes/s), " << num_rels << " relationships in "
              << Fixed(load.rels, 2) << " s (" << Human(PerSecond(num_rels, load.rels)) << " rels/s), Finish("
              << (opt.compact ? "compact" : "no compaction") << ") " << Fixed(load.finish, 2) << " s; total "
              << Fixed(load.total(), 2) << " s, " << Human(PerSecond(num_rels, load.total()))
              << " rels/s including Finish\n";
    std::cerr << store->DescribeStorage();
  }  // closing the store, so that the reads below start from a fresh open
  KG_ASSIGN_OR_RETURN(uint64_t disk_bytes, DirectoryBytes(opt.db));
  std::cerr << "on disk: " << Fixed(static_cast<double>(disk_bytes) / (1 << 20), 1) << " MiB in " << opt.db << "\n";

  // ---- Reads on a reopened store ----
  Stopwatch open_clock;
  KG_ASSIGN_OR_RETURN(std::unique_ptr<kg::GraphStore> store, kg::GraphStore::Open(opt.db));
  const double open_seconds = open_clock.Seconds();
  std::cerr << "reopen: " << Fixed(open_seconds, 3) << " s\n";
  {
    std::shared_ptr<const kg::Catalog> c = store->catalog();
    if (c->node_count() != num_nodes || c->rel_count() != num_rels) {
      return kg::Status::Storage("after reopening, the catalog counts " + std::to_string(c->node_count()) +
                                 " nodes and " + std::to_string(c->rel_count()) + " relationships, expected " +
                                 std::to_string(num_nodes) + " and " + std::to_string(num_rels));
    }
  }

  KG_ASSIGN_OR_RETURN(PointResult get_node, TimeGetNode(store.get(), in, ids, opt.reads, opt.seed + 101));
  std::cerr << "GetNode: " << get_node.count << " random reads in " << Fixed(get_node.seconds, 2) << " s ("
            << Human(PerSecond(get_node.count, get_node.seconds)) << " reads/s)\n";
  KG_ASSIGN_OR_RETURN(PointResult by_key, TimeFindByKey(store.get(), num_nodes, opt.key_lookups, opt.seed + 102));
  std::cerr << "FindNodeByKey: " << by_key.count << " lookups in " << Fixed(by_key.seconds, 2) << " s ("
            << Human(PerSecond(by_key.count, by_key.seconds)) << " lookups/s)\n";

  const double graph_avg = static_cast<double>(num_rels) / static_cast<double>(num_nodes);
  KG_ASSIGN_OR_RETURN(ExpandResult out,
                      TimeExpand(store.get(), kg::Direction::kOut, out_degree, opt.expansions, opt.seed + 103));
  KG_ASSIGN_OR_RETURN(ExpandResult both,
                      TimeExpand(store.get(), kg::Direction::kBoth, both_degree, opt.expansions, opt.seed + 104));
  for (const auto& [name, r, avg] : {std::tuple{"out", &out, graph_avg}, std::tuple{"both", &both, 2 * graph_avg}}) {
    std::cerr << "Expand(" << name << "): " << r->expansions << " expansions in " << Fixed(r->seconds, 2) << " s ("
              << Human(PerSecond(r->expansions, r->seconds)) << " expansions/s, "
              << Human(PerSecond(r->neighbours, r->seconds)) << " neighbours/s); average degree "
              << Fixed(r->expansions ? static_cast<double>(r->neighbours) / static_cast<double>(r->expansions) : 0.0, 2)
              << " sampled, " << Fixed(avg, 2) << " in the graph\n";
  }
  PointResult txn_rels;
  if (opt.txn_rels > 0) {
    store.reset();
    KG_ASSIGN_OR_RETURN(txn_rels, TimeTransactionalRels(opt.db + "-txn", in, opt.txn_rels));
    std::cerr << "row at a time: " << txn_rels.count << " relationships, one write transaction each, in "
              << Fixed(txn_rels.seconds, 2) << " s (" << Human(PerSecond(txn_rels.count, txn_rels.seconds))
              << " rels/s; the bulk load is "
              << Fixed(PerSecond(num_rels, load.total()) / PerSecond(txn_rels.count, txn_rels.seconds), 1)
              << "x that, Finish included)\n";
  }
  const double wall_seconds = wall.Seconds();
  std::cerr << "wall time " << Fixed(wall_seconds, 1) << " s\n";

  *report = Json{
      {"benchmark", "kg_storage_bench"},
      {"mode", opt.data.empty() ? "synthetic" : "csv"},
      {"data", opt.data.empty() ? Json(nullptr) : Json(opt.data)},
      {"db", opt.db},
      {"seed", opt.seed},
      {"nodes", num_nodes},
      {"relationships", num_rels},
      {"prepare_seconds", prepare_seconds},
      {"load",
       {{"compact", opt.compact},
        {"node_seconds", load.nodes},
        {"rel_seconds", load.rels},
        {"finish_seconds", load.finish},
        {"total_seconds", load.total()},
        {"nodes_per_second", PerSecond(num_nodes, load.nodes)},
        {"rels_per_second", PerSecond(num_rels, load.rels)},
        {"entities_per_second_incl_finish", PerSecond(num_nodes + num_rels, load.total())}}},
      {"disk_bytes", disk_bytes},
      {"open_seconds", open_seconds},
      {"get_node", PointJson(get_node)},
      {"find_node_by_key", PointJson(by_key)},
      {"expand_out", ExpandJson(out, graph_avg)},
      {"expand_both", ExpandJson(both, 2 * graph_avg)},
      {"row_at_a_time",
       {{"rels", txn_rels.count},
        {"seconds", txn_rels.seconds},
        {"rels_per_second", PerSecond(txn_rels.count, txn_rels.seconds)}}},
      {"wall_seconds", wall_seconds},
  };
  return kg::Status::Ok();
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  CLI::App app{"kg_storage_bench: bulk-load, point-read and one-hop expansion rates of the kg storage layer"};
  app.add_option("--db", opt.db, "Database directory; deleted and rebuilt on every run")->capture_default_str();
  auto* data =
      app.add_option("--data", opt.data, "Load the CSVs gen_graph.py wrote into DIR instead of a synthetic graph");
  app.add_option("--nodes", opt.nodes, "Synthetic graph: number of nodes")->capture_default_str()->excludes(data);
  app.add_option("--rels", opt.rels, "Synthetic graph: number of relationships")->capture_default_str()->excludes(data);
  app.add_option("--reads", opt.reads, "Random GetNode calls")->capture_default_str();
  app.add_option("--key-lookups", opt.key_lookups, "Random FindNodeByKey calls")->capture_default_str();
  app.add_option("--expansions", opt.expansions, "Random one-hop expansions per direction")->capture_default_str();
  app.add_option("--seed", opt.seed, "Seed of the generator and of the random picks")->capture_default_str();
  app.add_option("--txn-rels", opt.txn_rels,
                 "Also write this many relationships one transaction each, for comparison (0: skip)")
      ->capture_default_str();
  app.add_flag("--compact", opt.compact, "Finish the bulk load with compaction (Finish(compact=true))");
  return kg::bench::RunBenchMain<Json>(app, argc, argv, "kg_storage_bench",
                                       [&](Json* report) { return Run(opt, report); });
}
