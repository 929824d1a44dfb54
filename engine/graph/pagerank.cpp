#include "graph/pagerank.h"

#include <cmath>

namespace kg::graph {

// Own code: Boost's page_rank scores (1 - d) + d * sum without dividing by n
// and lets a dangling vertex's score vanish, which is not networkx's
// PageRank; and it has no tolerance test. The loop below pulls each
// vertex's new score over its in-edges, so the writes are sequential and
// only the reads of the neighbours' shares jump around memory.
Result<PageRankResult> PageRank(const AlgoGraph& g, const PageRankOptions& options,
                                const std::atomic<bool>* interrupt) {
  if (!(options.damping >= 0 && options.damping <= 1)) return Status::Usage("damping must lie in [0, 1]");
  if (options.iterations < 0) return Status::Usage("iterations must not be negative");
  PageRankResult result;
  const Vertex n = g.num_vertices();
  if (n == 0) {
    result.converged = true;
    return result;
  }
  const AlgoGraph::Rows& out = g.Out();
  const AlgoGraph::Rows& in = g.In();
  const bool weighted = g.weighted();
  // The inverse of each vertex's out-weight (0 for a dangling vertex).
  std::vector<double> inv_out(n, 0.0);
  for (Vertex v = 0; v < n; ++v) {
    double w = 0;
    if (weighted) {
      for (uint64_t e = out.begin(v); e < out.end(v); ++e) w += out.weights[e];
    } else {
      w = static_cast<double>(out.degree(v));
    }
    inv_out[v] = w == 0 ? 0.0 : 1.0 / w;
  }
  const double d = options.damping;
  const double inv_n = 1.0 / n;
  std::vector<double> x(n, inv_n), next(n), share(n);
  for (int it = 0; it < options.iterations; ++it) {
    if (Interrupted(interrupt)) return Cancelled();
    double dangling = 0;
    for (Vertex v = 0; v < n; ++v) {
      share[v] = x[v] * inv_out[v];
      if (inv_out[v] == 0) dangling += x[v];
    }
    const double base = (d * dangling + (1.0 - d)) * inv_n;
    double err = 0;
    const uint64_t* offsets = in.offsets.data();
    const Vertex* sources = in.targets.data();
    for (Vertex v = 0; v < n; ++v) {
      double sum = 0;
      if (weighted) {
        for (uint64_t e = offsets[v]; e < offsets[v + 1]; ++e) sum += share[sources[e]] * in.weights[e];
      } else {
        for (uint64_t e = offsets[v]; e < offsets[v + 1]; ++e) sum += share[sources[e]];
      }
      next[v] = base + d * sum;
      err += std::fabs(next[v] - x[v]);
    }
    x.swap(next);
    result.iterations = it + 1;
    if (err < n * options.tolerance) {
      result.converged = true;
      break;
    }
  }
  result.scores = std::move(x);
  return result;
}

}  // namespace kg::graph
