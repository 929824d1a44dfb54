// Weighted shortest paths (Boost's dijkstra_shortest_paths): the length of a
// path is the sum of its edges' weights (1 each when the projection has no
// weight). Parallel edges: the lightest counts. A negative weight is an
// error (kRuntime), as it is in networkx's Dijkstra.
#pragma once

#include <atomic>
#include <optional>
#include <vector>

#include "common/status.h"
#include "common/stop_signal.h"
#include "graph/algo_graph.h"

namespace kg::graph {

struct Path {
  std::vector<Vertex> vertices;  // source first
  std::vector<RelId> rels;       // rels[i] joins vertices[i] and vertices[i + 1]; needs keep_relationships
  double cost = 0;
};

// The shortest path from `source` to `target`, or nullopt when there is
// none. The search stops when it reaches the target.
Result<std::optional<Path>> ShortestPath(const AlgoGraph& g, Vertex source, Vertex target, StopSignal interrupt);

struct Distance {
  Vertex vertex;
  double distance;
};
// Every vertex reachable from `source` (itself included, at 0), in order of
// distance.
Result<std::vector<Distance>> SingleSourceDistances(const AlgoGraph& g, Vertex source, StopSignal interrupt);

}  // namespace kg::graph
