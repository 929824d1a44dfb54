#include "graph/paths.h"

#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <limits>

#include "graph/boost_views.h"

namespace kg::graph {

namespace {

// Thrown from the visitor to end Boost's search early: at the target, or
// when the caller cancels (checked every 4096 vertices).
struct StopSearch {
  bool cancelled;
};

class Visitor : public boost::default_dijkstra_visitor {
 public:
  Visitor(std::optional<Vertex> target, std::vector<uint64_t>* pred_edge, std::vector<Vertex>* settled,
          StopSignal interrupt)
      : target_(target), pred_edge_(pred_edge), settled_(settled), interrupt_(interrupt) {}
  void examine_vertex(Vertex v, const BoostCsr&) {
    if (settled_ != nullptr) settled_->push_back(v);
    if ((++count_ & 0xfff) == 0 && Interrupted(interrupt_)) throw StopSearch{true};
    if (target_ && v == *target_) throw StopSearch{false};
  }
  void edge_relaxed(boost::graph_traits<BoostCsr>::edge_descriptor e, const BoostCsr& g) {
    if (pred_edge_ != nullptr) (*pred_edge_)[boost::target(e, g)] = get(boost::edge_index, g, e);
  }

 private:
  std::optional<Vertex> target_;
  std::vector<uint64_t>* pred_edge_;
  std::vector<Vertex>* settled_;
  StopSignal interrupt_;
  uint64_t count_ = 0;
};

struct Search {
  std::vector<double> dist;
  std::vector<uint64_t> pred_edge;
  std::vector<Vertex> settled;
};

Result<Search> Run(const AlgoGraph& g, Vertex source, std::optional<Vertex> target, StopSignal interrupt) {
  const Vertex n = g.num_vertices();
  const AlgoGraph::Rows& out = g.Out();
  for (double w : out.weights) {
    if (w < 0) return Status::Runtime("Dijkstra needs weights that are not negative; found " + std::to_string(w));
  }
  const BoostCsr csr = ToBoostCsr(out, n);
  Search s;
  s.dist.assign(n, std::numeric_limits<double>::infinity());
  s.pred_edge.assign(n, ~uint64_t{0});
  std::vector<Vertex> pred(n);
  std::vector<double> ones;
  if (!g.weighted()) ones.assign(out.targets.size(), 1.0);
  const std::vector<double>& weights = g.weighted() ? out.weights : ones;
  const auto index = get(boost::vertex_index, csr);
  try {
    boost::dijkstra_shortest_paths(
        csr, source,
        boost::predecessor_map(boost::make_iterator_property_map(pred.begin(), index))
            .distance_map(boost::make_iterator_property_map(s.dist.begin(), index))
            .distance_inf(std::numeric_limits<double>::infinity())
            .weight_map(boost::make_iterator_property_map(weights.begin(), get(boost::edge_index, csr)))
            .visitor(Visitor(target, &s.pred_edge, &s.settled, interrupt)));
  } catch (const StopSearch& stop) {
    if (stop.cancelled) return Cancelled();
  }
  return s;
}

}  // namespace

Result<std::optional<Path>> ShortestPath(const AlgoGraph& g, Vertex source, Vertex target, StopSignal interrupt) {
  KG_ASSIGN_OR_RETURN(Search s, Run(g, source, target, interrupt));
  if (s.dist[target] == std::numeric_limits<double>::infinity()) return std::optional<Path>();
  Path path;
  path.cost = s.dist[target];
  const AlgoGraph::Rows& out = g.Out();
  // Back from the target along the edges that last improved each distance;
  // an edge index is a position in the rows, so the tail is the row it is
  // in.
  for (Vertex v = target; v != source;) {
    const uint64_t e = s.pred_edge[v];
    const Vertex tail =
        static_cast<Vertex>(std::upper_bound(out.offsets.begin(), out.offsets.end(), e) - out.offsets.begin() - 1);
    path.vertices.push_back(v);
    if (!out.rels.empty()) path.rels.push_back(out.rels[e]);
    v = tail;
  }
  path.vertices.push_back(source);
  std::reverse(path.vertices.begin(), path.vertices.end());
  std::reverse(path.rels.begin(), path.rels.end());
  return std::optional<Path>(std::move(path));
}

Result<std::vector<Distance>> SingleSourceDistances(const AlgoGraph& g, Vertex source, StopSignal interrupt) {
  KG_ASSIGN_OR_RETURN(Search s, Run(g, source, std::nullopt, interrupt));
  std::vector<Distance> out;
  out.reserve(s.settled.size());
  for (Vertex v : s.settled) out.push_back({v, s.dist[v]});
  return out;
}

}  // namespace kg::graph
