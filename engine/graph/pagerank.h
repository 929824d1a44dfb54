// PageRank, as networkx.pagerank defines it.
//
// Power iteration on the projection's edges: a vertex passes damping times
// its score to its out-neighbours in proportion to the edges' weights
// (parallel edges add up); a dangling vertex (no out-edges, or out-weight 0)
// spreads damping times its score evenly over every vertex; every vertex
// also gets (1 - damping) / n. Scores start at 1/n and sum to 1. An
// undirected projection is the directed graph with each edge both ways (a
// self-loop once), as networkx's G.to_directed(). Iteration stops when the
// scores moved by less than n * tolerance in total (networkx's test) or
// after `iterations` rounds; unlike networkx, running out of rounds is not
// an error: the last scores are returned with converged false.
#pragma once

#include <atomic>
#include <vector>

#include "common/status.h"
#include "common/stop_signal.h"
#include "graph/algo_graph.h"

namespace kg::graph {

struct PageRankOptions {
  double damping = 0.85;
  int iterations = 20;
  double tolerance = 1e-6;
};

struct PageRankResult {
  std::vector<double> scores;  // by vertex
  int iterations = 0;          // rounds run
  bool converged = false;
};

Result<PageRankResult> PageRank(const AlgoGraph& g, const PageRankOptions& options, StopSignal interrupt,
                                const Progress* progress = nullptr);

}  // namespace kg::graph
