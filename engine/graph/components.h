// Connected components. A component is named by the smallest node id in it,
// so the same graph always gives the same names.
#pragma once

#include <atomic>
#include <vector>

#include "common/status.h"
#include "common/stop_signal.h"
#include "graph/algo_graph.h"
#include "storage/ids.h"

namespace kg::graph {

// Weakly connected components: edge directions ignored (union-find with
// Boost's disjoint_sets over every edge). Component by vertex.
Result<std::vector<NodeId>> WeaklyConnectedComponents(const AlgoGraph& g, StopSignal interrupt);

// Strongly connected components (Boost's strong_components, Tarjan's
// algorithm). An undirected projection's are its connected components.
Result<std::vector<NodeId>> StronglyConnectedComponents(const AlgoGraph& g, StopSignal interrupt);

}  // namespace kg::graph
