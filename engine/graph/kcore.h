// Core numbers (networkx.core_number on the undirected simple graph): the
// k-core is the largest subgraph whose vertices all have at least k
// neighbours in it; a vertex's core number is the largest k whose k-core
// holds it. Direction, parallel relationships and self-loops are ignored
// (networkx refuses multigraphs and self-loops; kg simplifies instead).
// Computed by Boost's core_numbers (Batagelj and Zaversnik's bucket order).
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "common/status.h"
#include "common/stop_signal.h"
#include "graph/algo_graph.h"

namespace kg::graph {

Result<std::vector<int64_t>> CoreNumbers(const AlgoGraph& g, StopSignal interrupt);

}  // namespace kg::graph
