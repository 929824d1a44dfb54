#include "graph/biconnected.h"

#include <algorithm>
#include <boost/graph/biconnected_components.hpp>
#include <iterator>

#include "graph/boost_views.h"

namespace kg::graph {

namespace {

// Each pair of neighbours once, as Boost edges whose index is the position
// in `edges`. Parallel relationships become one edge that remembers it had
// company: Boost's search tells the way back to the parent by the parent
// vertex, not by the edge, so it would take a parallel edge for a second
// tree edge. Self-loops are left out: they never split a graph.
struct UndirectedCopy {
  BoostUndirected graph;
  std::vector<AlgoGraph::Edge> edges;  // the first relationship of each pair
  std::vector<bool> parallel;          // the pair has more than one
};

UndirectedCopy Copy(const AlgoGraph& g) {
  std::vector<AlgoGraph::Edge> all;
  const AlgoGraph::Rows& out = g.Out();
  for (Vertex v = 0; v < g.num_vertices(); ++v) {
    for (uint64_t e = out.begin(v); e < out.end(v); ++e) {
      const Vertex w = out.targets[e];
      if (w == v || (!g.directed() && w < v)) continue;
      all.push_back({v, w, 1.0, out.rels.empty() ? 0 : out.rels[e]});
    }
  }
  auto pair = [](const AlgoGraph::Edge& e) { return std::make_pair(std::min(e.from, e.to), std::max(e.from, e.to)); };
  std::stable_sort(all.begin(), all.end(),
                   [&](const AlgoGraph::Edge& a, const AlgoGraph::Edge& b) { return pair(a) < pair(b); });
  UndirectedCopy c;
  c.graph = BoostUndirected(g.num_vertices());
  for (size_t i = 0; i < all.size(); ++i) {
    if (i > 0 && pair(all[i]) == pair(all[i - 1])) {
      c.parallel.back() = true;
      continue;
    }
    boost::add_edge(all[i].from, all[i].to, c.edges.size(), c.graph);
    c.edges.push_back(all[i]);
    c.parallel.push_back(false);
  }
  return c;
}

}  // namespace

Result<std::vector<Vertex>> ArticulationPoints(const AlgoGraph& g, StopSignal interrupt) {
  UndirectedCopy c = Copy(g);
  if (Interrupted(interrupt)) return Cancelled();
  std::vector<Vertex> points;
  boost::articulation_points(c.graph, std::back_inserter(points));
  std::sort(points.begin(), points.end());
  return points;
}

Result<std::vector<Bridge>> Bridges(const AlgoGraph& g, StopSignal interrupt) {
  if (!g.has_relationships()) return Status::Usage("bridges needs a projection that keeps relationship ids");
  UndirectedCopy c = Copy(g);
  if (Interrupted(interrupt)) return Cancelled();
  // A bridge is a biconnected component of one edge that stands for one
  // relationship.
  std::vector<size_t> component(c.edges.size());
  const size_t count = boost::biconnected_components(
      c.graph, boost::make_iterator_property_map(component.begin(), get(boost::edge_index, c.graph)));
  std::vector<size_t> size(count, 0);
  for (size_t comp : component) ++size[comp];
  std::vector<Bridge> bridges;
  for (size_t i = 0; i < c.edges.size(); ++i) {
    if (size[component[i]] == 1 && !c.parallel[i]) bridges.push_back({c.edges[i].from, c.edges[i].to, c.edges[i].rel});
  }
  return bridges;
}

}  // namespace kg::graph
