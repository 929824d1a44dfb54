// The graph algorithms (engine/graph/) on graphs small enough to check by
// hand; the expected numbers come from networkx 2.8 (noted per case). The
// comparison on real graphs (Zachary's karate club, a random digraph, the
// bundled graph) runs through the kg program: networkx_agreement.py.
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <random>

#include "graph/algo_graph.h"
#include "graph/biconnected.h"
#include "graph/centrality.h"
#include "graph/communities.h"
#include "graph/components.h"
#include "graph/kcore.h"
#include "graph/pagerank.h"
#include "graph/paths.h"
#include "graph/triangles.h"
#include "test_util.h"

namespace kg::test {
namespace {

using graph::AlgoGraph;
using graph::Orientation;
using graph::ProjectionSpec;
using graph::Vertex;

// Seven nodes: 0..5 :Person, 6 :Place with no relationships. KNOWS
// 0->1 (w 1), 1->2 (2), 2->0 (1), 2->3 (4), 3->4 (1), 4->3 (1), 4->5 (1),
// and a parallel LIKES 0->1 (w 3).
struct SmallGraph {
  TempDir dir;
  std::unique_ptr<GraphStore> store = OpenStore(dir.Sub("db"));
  std::vector<NodeId> ids;
  std::vector<RelId> rels;

  SmallGraph() {
    auto w = Write(*store);
    for (int i = 0; i < 7; ++i) {
      ids.push_back(AddNode(*w, {i == 6 ? "Place" : "Person"}, {{"name", Value("n" + std::to_string(i))}}));
    }
    const struct {
      int a, b;
      const char* type;
      double w;
    } edges[] = {{0, 1, "KNOWS", 1}, {1, 2, "KNOWS", 2}, {2, 0, "KNOWS", 1}, {2, 3, "KNOWS", 4},
                 {3, 4, "KNOWS", 1}, {4, 3, "KNOWS", 1}, {4, 5, "KNOWS", 1}, {0, 1, "LIKES", 3}};
    for (const auto& e : edges) rels.push_back(AddRel(*w, e.type, ids[e.a], ids[e.b], {{"w", Value(e.w)}}));
    MustOk(w->Commit());
  }

  AlgoGraph Project(ProjectionSpec spec) {
    auto r = Read(*store);
    return Must(AlgoGraph::Build(r.get(), spec, nullptr));
  }
};

ProjectionSpec Spec(Orientation o, std::string weight = "", std::vector<std::string> types = {},
                    std::vector<std::string> labels = {}) {
  ProjectionSpec s;
  s.orientation = o;
  s.weight = std::move(weight);
  s.types = std::move(types);
  s.labels = std::move(labels);
  return s;
}

void RequireNear(const std::vector<double>& got, const std::vector<double>& want, double tolerance = 1e-9) {
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    INFO("vertex " << i << ": " << got[i] << " against " << want[i]);
    REQUIRE(std::abs(got[i] - want[i]) <= tolerance * std::max(1.0, std::abs(want[i])));
  }
}

TEST_CASE("The projection numbers nodes densely and follows the spec", "[graph]") {
  SmallGraph s;
  const AlgoGraph all = s.Project(Spec(Orientation::kOut));
  REQUIRE(all.num_vertices() == 7);
  REQUIRE(all.num_relationships() == 8);
  for (Vertex v = 0; v < 7; ++v) REQUIRE(all.node_id(v) == s.ids[v]);
  REQUIRE(all.Find(s.ids[3]) == Vertex{3});
  REQUIRE(all.Out().degree(0) == 2);  // KNOWS and LIKES to 1
  REQUIRE(all.In().degree(3) == 2);

  // Only KNOWS, only :Person, backwards.
  const AlgoGraph in = s.Project(Spec(Orientation::kIn, "", {"KNOWS"}, {"Person"}));
  REQUIRE(in.num_vertices() == 6);
  REQUIRE(in.num_relationships() == 7);
  REQUIRE(in.Out().degree(1) == 1);  // 1 <- 0 seen as 1 -> 0
  REQUIRE(in.Out().targets[in.Out().begin(1)] == 0);

  const AlgoGraph undirected = s.Project(Spec(Orientation::kUndirected, "w"));
  REQUIRE(undirected.num_relationships() == 8);
  REQUIRE(undirected.Out().degree(0) == 3);  // 1 twice, 2
  REQUIRE(undirected.weighted());
  REQUIRE(undirected.stats().bytes > 0);
}

TEST_CASE("The projection refuses unknown names and weights that are not numbers", "[graph]") {
  SmallGraph s;
  auto r = Read(*s.store);
  auto unknown_type = AlgoGraph::Build(r.get(), Spec(Orientation::kOut, "", {"KNOWZ"}), nullptr);
  REQUIRE(unknown_type.status().Is(ErrorKind::kSemantic));
  REQUIRE(unknown_type.status().message().find("KNOWZ") != std::string::npos);
  REQUIRE(AlgoGraph::Build(r.get(), Spec(Orientation::kOut, "", {}, {"Nobody"}), nullptr)
              .status()
              .Is(ErrorKind::kSemantic));
  REQUIRE(AlgoGraph::Build(r.get(), Spec(Orientation::kOut, "weight"), nullptr).status().Is(ErrorKind::kSemantic));
  {
    auto w = Write(*s.store);
    AddRel(*w, "KNOWS", s.ids[5], s.ids[0], {{"w", Value("heavy")}});
    MustOk(w->Commit());
  }
  auto r2 = Read(*s.store);
  auto bad = AlgoGraph::Build(r2.get(), Spec(Orientation::kOut, "w"), nullptr);
  REQUIRE(bad.status().Is(ErrorKind::kRuntime));
  REQUIRE(bad.status().message().find("'heavy'") != std::string::npos);
}

TEST_CASE("The projection sees commits made after the storage projection was built", "[graph]") {
  SmallGraph s;
  {
    auto r = Read(*s.store);
    MustOk(r->UseProjection());
  }
  NodeId extra;
  {
    auto w = Write(*s.store);
    extra = AddNode(*w, {"Person"});
    AddRel(*w, "KNOWS", s.ids[6], extra);
    MustOk(w->Commit());
  }
  const AlgoGraph g = s.Project(Spec(Orientation::kOut));
  REQUIRE(g.num_vertices() == 8);
  REQUIRE(g.num_relationships() == 9);
  REQUIRE(g.Out().degree(6) == 1);
  REQUIRE(g.node_id(g.Out().targets[g.Out().begin(6)]) == extra);
}

TEST_CASE("A cancelled projection stops with kInterrupted", "[graph]") {
  SmallGraph s;
  auto r = Read(*s.store);
  std::atomic<bool> stop{true};
  REQUIRE(AlgoGraph::Build(r.get(), Spec(Orientation::kOut), &stop).status().Is(ErrorKind::kInterrupted));
}

TEST_CASE("PageRank matches networkx, dangling nodes and parallel edges included", "[graph]") {
  SmallGraph s;
  graph::PageRankOptions o;
  o.iterations = 1000;
  o.tolerance = 1e-13;
  // networkx._pagerank_python on the MultiDiGraph, tol 1e-12.
  auto pr = Must(graph::PageRank(s.Project(Spec(Orientation::kOut)), o, nullptr));
  REQUIRE(pr.converged);
  RequireNear(
      pr.scores,
      {0.110627497472, 0.136948945435, 0.159322176206, 0.201748126529, 0.214401480133, 0.134036201642, 0.042915572585},
      1e-9);
  auto weighted = Must(graph::PageRank(s.Project(Spec(Orientation::kOut, "w")), o, nullptr));
  RequireNear(
      weighted.scores,
      {0.068218980287, 0.103509133649, 0.133505764007, 0.24368562834, 0.252655784496, 0.152901708815, 0.045523000406},
      1e-9);
  o.iterations = 3;
  auto short_run = Must(graph::PageRank(s.Project(Spec(Orientation::kOut)), o, nullptr));
  REQUIRE(short_run.iterations == 3);
  REQUIRE_FALSE(short_run.converged);
}

TEST_CASE("Betweenness and closeness match networkx", "[graph]") {
  SmallGraph s;
  // networkx.betweenness_centrality(nx.DiGraph(G)): parallel edges count once.
  auto bc = Must(graph::Betweenness(s.Project(Spec(Orientation::kOut)), {}, nullptr));
  RequireNear(bc, {1.0 / 30, 4.0 / 30, 7.0 / 30, 0.2, 4.0 / 30, 0, 0});
  graph::BetweennessOptions raw;
  raw.normalized = false;
  auto bcu = Must(graph::Betweenness(s.Project(Spec(Orientation::kUndirected)), raw, nullptr));
  RequireNear(bcu, {0, 0, 6, 6, 4, 0, 0});
  // closeness_centrality(nx.DiGraph(G)): incoming distances, Wasserman-Faust.
  auto cl = Must(graph::Closeness(s.Project(Spec(Orientation::kOut)), true, nullptr));
  RequireNear(cl, {2.0 / 9, 2.0 / 9, 2.0 / 9, 0.38095238095238093, 0.26666666666666666, 0.2777777777777778, 0});
}

// Boost's Brandes on a simple random graph is the reference for our own
// (which adds sampling, cancelling and networkx's view of parallel edges).
TEST_CASE("Betweenness agrees with Boost's brandes_betweenness_centrality", "[graph]") {
  std::mt19937 rng(7);
  const Vertex n = 60;
  std::vector<NodeId> ids(n);
  std::iota(ids.begin(), ids.end(), 0);
  std::vector<AlgoGraph::Edge> edges;
  using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  BoostGraph bg(n);
  std::set<std::pair<Vertex, Vertex>> seen;
  std::uniform_int_distribution<Vertex> pick(0, n - 1);
  while (edges.size() < 240) {
    const Vertex a = pick(rng), b = pick(rng);
    if (a == b || !seen.insert({a, b}).second) continue;
    edges.push_back({a, b, 1.0, 0});
    boost::add_edge(a, b, bg);
  }
  const AlgoGraph g = AlgoGraph::FromEdges(ids, edges, Orientation::kOut, false, false);
  graph::BetweennessOptions raw;
  raw.normalized = false;
  auto ours = Must(graph::Betweenness(g, raw, nullptr));
  std::vector<double> boost_scores(n);
  boost::brandes_betweenness_centrality(
      bg, boost::centrality_map(boost::make_iterator_property_map(boost_scores.begin(), get(boost::vertex_index, bg))));
  RequireNear(ours, boost_scores);
  // Sampling every source is the exact answer.
  raw.samples = n - 1;
  auto sampled = Must(graph::Betweenness(g, raw, nullptr));
  double total_exact = 0, total_sampled = 0;
  for (Vertex v = 0; v < n; ++v) {
    total_exact += ours[v];
    total_sampled += sampled[v];
  }
  REQUIRE(total_sampled > 0.5 * total_exact);
  REQUIRE(total_sampled < 1.5 * total_exact);
}

TEST_CASE("Degrees count every relationship, self-loops at both ends", "[graph]") {
  SmallGraph s;
  auto d = graph::DegreeCentrality(s.Project(Spec(Orientation::kOut)));
  RequireNear(d.out, {2, 1, 2, 1, 2, 0, 0});
  RequireNear(d.in, {1, 2, 1, 2, 1, 1, 0});
  RequireNear(d.total, {3, 3, 3, 3, 3, 1, 0});
  auto w = graph::DegreeCentrality(s.Project(Spec(Orientation::kUndirected, "w")));
  RequireNear(w.total, {5, 6, 7, 6, 3, 1, 0});
  const AlgoGraph loop =
      AlgoGraph::FromEdges({1, 2}, {{0, 0, 1, 0}, {0, 1, 1, 0}}, Orientation::kUndirected, false, false);
  RequireNear(graph::DegreeCentrality(loop).total, {3, 1});
}

TEST_CASE("Components, cores and triangles match networkx", "[graph]") {
  SmallGraph s;
  const AlgoGraph g = s.Project(Spec(Orientation::kOut));
  const auto& id = s.ids;
  REQUIRE(Must(graph::WeaklyConnectedComponents(g, nullptr)) ==
          std::vector<NodeId>{id[0], id[0], id[0], id[0], id[0], id[0], id[6]});
  REQUIRE(Must(graph::StronglyConnectedComponents(g, nullptr)) ==
          std::vector<NodeId>{id[0], id[0], id[0], id[3], id[3], id[5], id[6]});
  REQUIRE(Must(graph::CoreNumbers(g, nullptr)) == std::vector<int64_t>{2, 2, 2, 1, 1, 1, 0});
  auto t = Must(graph::Triangles(g, nullptr));
  REQUIRE(t.triangles == std::vector<uint64_t>{1, 1, 1, 0, 0, 0, 0});
  RequireNear(t.coefficient, {1, 1, 1.0 / 3, 0, 0, 0, 0});
}

TEST_CASE("Bridges and articulation points: parallel relationships are no bridge", "[graph]") {
  SmallGraph s;
  ProjectionSpec spec = Spec(Orientation::kUndirected);
  spec.keep_relationships = true;
  const AlgoGraph g = s.Project(spec);
  REQUIRE(Must(graph::ArticulationPoints(g, nullptr)) == std::vector<Vertex>{2, 3, 4});
  auto bridges = Must(graph::Bridges(g, nullptr));
  // 3-4 has two relationships (3->4, 4->3): not a bridge, unlike in
  // networkx's simple Graph; networkx's MultiGraph agrees.
  REQUIRE(bridges.size() == 2);
  REQUIRE(bridges[0].rel == s.rels[3]);  // 2->3
  REQUIRE(bridges[1].rel == s.rels[6]);  // 4->5
}

TEST_CASE("Louvain separates two cliques joined by one edge", "[graph]") {
  std::vector<NodeId> ids(10);
  std::iota(ids.begin(), ids.end(), 100);
  std::vector<AlgoGraph::Edge> edges;
  for (Vertex a = 0; a < 5; ++a) {
    for (Vertex b = a + 1; b < 5; ++b) {
      edges.push_back({a, b, 1, 0});
      edges.push_back({a + 5, b + 5, 1, 0});
    }
  }
  edges.push_back({4, 5, 1, 0});
  const AlgoGraph g = AlgoGraph::FromEdges(ids, edges, Orientation::kUndirected, false, false);
  auto r = Must(graph::Louvain(g, {}, nullptr));
  for (Vertex v = 0; v < 10; ++v) REQUIRE(r.community[v] == (v < 5 ? 100u : 105u));
  // networkx.community.modularity of that split: 2 * (10/21 - (21/42)^2).
  REQUIRE(std::abs(r.modularity - 2 * (10.0 / 21 - 0.25)) < 1e-12);
  REQUIRE(std::abs(graph::Modularity(g, r.community, 1.0) - r.modularity) < 1e-12);
  // The same seed, the same communities.
  REQUIRE(Must(graph::Louvain(g, {}, nullptr)).community == r.community);
}

TEST_CASE("Dijkstra finds the lightest path and its relationships", "[graph]") {
  SmallGraph s;
  ProjectionSpec spec = Spec(Orientation::kOut, "w");
  spec.keep_relationships = true;
  const AlgoGraph g = s.Project(spec);
  auto path = Must(graph::ShortestPath(g, 0, 4, nullptr));
  REQUIRE(path.has_value());
  REQUIRE(path->cost == 8);  // 0-1 by KNOWS (1, not LIKES' 3), 1-2 (2), 2-3 (4), 3-4 (1)
  REQUIRE(path->vertices == std::vector<Vertex>{0, 1, 2, 3, 4});
  REQUIRE(path->rels == std::vector<RelId>{s.rels[0], s.rels[1], s.rels[3], s.rels[4]});
  REQUIRE_FALSE(Must(graph::ShortestPath(g, 5, 0, nullptr)).has_value());
  auto d = Must(graph::SingleSourceDistances(g, 3, nullptr));
  REQUIRE(d.size() == 3);
  REQUIRE(d[0].vertex == 3);
  REQUIRE(d[0].distance == 0);
  REQUIRE(d[2].vertex == 5);
  REQUIRE(d[2].distance == 2);
}

}  // namespace
}  // namespace kg::test

namespace kg::test {
namespace {

// Ctrl-C reaches every algorithm of kg's own between rounds, and each
// reports how far it has got.
TEST_CASE("Algorithms stop when asked and report progress", "[graph]") {
  SmallGraph s;
  const AlgoGraph g = s.Project(Spec(Orientation::kOut));
  std::atomic<bool> stop{true};
  REQUIRE(graph::PageRank(g, {}, &stop).status().Is(ErrorKind::kInterrupted));
  REQUIRE(graph::Betweenness(g, {}, &stop).status().Is(ErrorKind::kInterrupted));
  REQUIRE(graph::Closeness(g, true, &stop).status().Is(ErrorKind::kInterrupted));
  REQUIRE(graph::Louvain(g, {}, &stop).status().Is(ErrorKind::kInterrupted));
  REQUIRE(graph::WeaklyConnectedComponents(g, &stop).status().Is(ErrorKind::kInterrupted));
  REQUIRE(graph::Triangles(g, &stop).status().Is(ErrorKind::kInterrupted));

  std::vector<std::string> said;
  const graph::Progress progress = [&](const std::string& text) { said.push_back(text); };
  graph::PageRankOptions o;
  o.iterations = 3;
  o.tolerance = 0;
  Must(graph::PageRank(g, o, nullptr, &progress));
  REQUIRE(said == std::vector<std::string>{"pagerank: iteration 1 of at most 3", "pagerank: iteration 2 of at most 3",
                                           "pagerank: iteration 3 of at most 3"});
  said.clear();
  Must(graph::Betweenness(g, {}, nullptr, &progress));
  REQUIRE(said.size() == 7);
  REQUIRE(said.back() == "betweenness: source 7 of 7");
}

}  // namespace
}  // namespace kg::test
