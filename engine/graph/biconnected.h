// Brokers: articulation points and bridges of the projection taken as
// undirected (direction ignored), from Boost's biconnected_components.
//
// An articulation point is a vertex whose removal leaves more connected
// components than before; a bridge is a relationship whose removal does.
// Two parallel relationships between the same nodes are never bridges
// (removing one leaves the other); self-loops are ignored.
#pragma once

#include <atomic>
#include <vector>

#include "common/status.h"
#include "common/stop_signal.h"
#include "graph/algo_graph.h"

namespace kg::graph {

// Vertices, increasing.
Result<std::vector<Vertex>> ArticulationPoints(const AlgoGraph& g, StopSignal interrupt);

struct Bridge {
  Vertex from, to;  // as the relationship is oriented in the projection
  RelId rel;
};
// Needs a projection built with keep_relationships. In edge order.
Result<std::vector<Bridge>> Bridges(const AlgoGraph& g, StopSignal interrupt);

}  // namespace kg::graph
