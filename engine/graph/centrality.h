// Centralities: betweenness, closeness and degree, as networkx defines them.
//
// Betweenness and closeness see each neighbour once (networkx's
// breadth-first search and Dijkstra walk G[v], a dict of neighbours; on a
// multigraph the lightest parallel edge counts) and ignore self-loops; pass
// them the projection as built, they simplify it themselves. Weighted
// projections use the weight as the edge's length.
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "common/status.h"
#include "common/stop_signal.h"
#include "graph/algo_graph.h"

namespace kg::graph {

// networkx.betweenness_centrality(G, k, normalized, weight, endpoints=False):
// the sum over sources s and targets t (s != v != t) of the share of
// shortest s-t paths through v (Brandes' algorithm). Undirected graphs
// count each pair once (the sum over ordered pairs halved). Normalised:
// divided by (n-1)(n-2) (directed) or (n-1)(n-2)/2 (undirected).
// `samples` > 0 (and < n): only that many sources, drawn by `seed`, and the
// sums scaled by n / samples, an estimate for graphs too big for all n
// searches (networkx's k; networkx draws its own sample, so sampled scores
// agree with it only on average).
struct BetweennessOptions {
  bool normalized = true;
  uint64_t samples = 0;
  uint64_t seed = 42;
};
Result<std::vector<double>> Betweenness(const AlgoGraph& g, const BetweennessOptions& options, StopSignal interrupt,
                                        const Progress* progress = nullptr);

// networkx.closeness_centrality(G, distance, wf_improved): for v, with r the
// number of vertices that reach v (v included) and D the sum of their
// distances to v, (r-1)/D, times (r-1)/(n-1) when wf_improved (Wasserman and
// Faust's scaling for graphs that are not connected); 0 when D is 0.
// Directed graphs use distances to v (incoming paths), as networkx does.
Result<std::vector<double>> Closeness(const AlgoGraph& g, bool wf_improved, StopSignal interrupt,
                                      const Progress* progress = nullptr);

// Degrees as networkx's G.in_degree, G.out_degree and G.degree count them
// on the multigraph: every relationship counts (weighted: its weight), and
// a self-loop counts at both ends. Undirected: in = out = degree.
struct Degrees {
  std::vector<double> in, out, total;
};
Degrees DegreeCentrality(const AlgoGraph& g);

}  // namespace kg::graph
