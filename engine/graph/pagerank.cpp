#include "graph/pagerank.h"

#include <algorithm>
#include <cmath>
#include <thread>

namespace kg::graph {

namespace {

// Below this many edges one thread is faster than starting a second.
constexpr uint64_t kParallelEdges = uint64_t{1} << 20;

// The vertex that splits the in-edges in two halves.
Vertex MiddleByEdges(const AlgoGraph::Rows& rows, Vertex n) {
  const uint64_t half = rows.offsets[n] / 2;
  return static_cast<Vertex>(std::lower_bound(rows.offsets.begin(), rows.offsets.end(), half) - rows.offsets.begin());
}

}  // namespace

// Own code: Boost's page_rank scores (1 - d) + d * sum without dividing by n
// and lets a dangling vertex's score vanish, which is not networkx's
// PageRank; and it has no tolerance test. The loop below pulls each
// vertex's new score over its in-edges, so the writes are sequential and
// only the reads of the neighbours' shares jump around memory.
Result<PageRankResult> PageRank(const AlgoGraph& g, const PageRankOptions& options, StopSignal interrupt,
                                const Progress* progress) {
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
    if (options.iterations <= 100 || it % (options.iterations / 100) == 0) {
      Report(progress,
             "pagerank: iteration " + std::to_string(it + 1) + " of at most " + std::to_string(options.iterations));
    }
    double dangling = 0;
    for (Vertex v = 0; v < n; ++v) {
      share[v] = x[v] * inv_out[v];
      if (inv_out[v] == 0) dangling += x[v];
    }
    const double base = (d * dangling + (1.0 - d)) * inv_n;
    // Each half of the vertices on its own thread: every vertex's new score
    // depends only on last round's shares.
    const uint64_t* offsets = in.offsets.data();
    const Vertex* sources = in.targets.data();
    auto pull = [&](Vertex first, Vertex last) {
      double err = 0;
      for (Vertex v = first; v < last; ++v) {
        double sum = 0;
        if (weighted) {
          for (uint64_t e = offsets[v]; e < offsets[v + 1]; ++e) sum += share[sources[e]] * in.weights[e];
        } else {
          for (uint64_t e = offsets[v]; e < offsets[v + 1]; ++e) sum += share[sources[e]];
        }
        next[v] = base + d * sum;
        err += std::fabs(next[v] - x[v]);
      }
      return err;
    };
    double err = 0;
    if (in.targets.size() < kParallelEdges) {
      err = pull(0, n);
    } else {
      const Vertex mid = MiddleByEdges(in, n);
      double high_err = 0;
      std::thread high([&] { high_err = pull(mid, n); });
      err = pull(0, mid);
      high.join();
      err += high_err;
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
