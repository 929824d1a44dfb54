// Communities by the Louvain method, and the modularity of a partition.
//
// Both see the projection as an undirected weighted graph: directions are
// dropped, parallel relationships add their weights, self-loops stay. The
// modularity is networkx's (networkx.community.modularity):
//   Q = sum over communities c of  L_c / m - resolution * (d_c / 2m)^2
// with m the total weight, L_c the weight of the edges inside c and d_c the
// sum of the weighted degrees of c's vertices (a self-loop adds twice its
// weight to its vertex's degree, once to L_c).
//
// Louvain (Blondel et al. 2008, as networkx.louvain_communities): each
// vertex in turn moves to the neighbouring community that raises Q most,
// until a pass over all vertices moves none; then each community becomes
// one vertex and the same is done on that graph, until a level raises Q by
// no more than `threshold`. The vertex order of each pass is a shuffle
// drawn from `seed`, so a seed always gives the same communities.
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "common/status.h"
#include "common/stop_signal.h"
#include "graph/algo_graph.h"
#include "storage/ids.h"

namespace kg::graph {

struct LouvainOptions {
  double resolution = 1.0;
  double threshold = 1e-7;
  uint64_t seed = 42;
  int max_levels = 32;
};

struct LouvainResult {
  std::vector<NodeId> community;  // by vertex: the smallest node id in its community
  double modularity = 0;
  int levels = 0;
};

Result<LouvainResult> Louvain(const AlgoGraph& g, const LouvainOptions& options, StopSignal interrupt,
                              const Progress* progress = nullptr);

// The modularity of `community` (by vertex, any labels) on `g`.
double Modularity(const AlgoGraph& g, const std::vector<NodeId>& community, double resolution);

}  // namespace kg::graph
