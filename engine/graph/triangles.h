// Triangles and the local clustering coefficient, as networkx.triangles and
// networkx.clustering define them on the undirected simple graph: direction,
// parallel relationships, self-loops and weights are ignored. A vertex with
// d distinct neighbours and t triangles has coefficient 2t / (d (d - 1)),
// and 0 when d < 2.
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "common/status.h"
#include "common/stop_signal.h"
#include "graph/algo_graph.h"

namespace kg::graph {

struct TriangleCounts {
  std::vector<uint64_t> triangles;  // by vertex
  std::vector<double> coefficient;  // by vertex
};

Result<TriangleCounts> Triangles(const AlgoGraph& g, StopSignal interrupt);

}  // namespace kg::graph
