#include "graph/centrality.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>
#include <queue>
#include <random>

namespace kg::graph {

namespace {

constexpr double kUnreached = std::numeric_limits<double>::infinity();

// One single-source search over a simple graph (parallel edges merged,
// self-loops gone): distances, the number of shortest paths (sigma) and
// the vertices in the order they were settled. Breadth-first when
// unweighted, Dijkstra otherwise. State is reset only where it was touched,
// so n searches cost O(n m), not O(n^2) for clearing.
class ShortestPathSearch {
 public:
  ShortestPathSearch(const AlgoGraph::Rows& rows, Vertex n, bool weighted)
      : rows_(rows), weighted_(weighted), dist_(n, kUnreached), sigma_(n, 0.0) {}

  void Run(Vertex source) {
    for (Vertex v : order_) {
      dist_[v] = kUnreached;
      sigma_[v] = 0;
    }
    order_.clear();
    dist_[source] = 0;
    sigma_[source] = 1;
    if (!weighted_) {
      order_.push_back(source);
      for (size_t head = 0; head < order_.size(); ++head) {
        const Vertex v = order_[head];
        const double next = dist_[v] + 1;
        for (uint64_t e = rows_.begin(v); e < rows_.end(v); ++e) {
          const Vertex w = rows_.targets[e];
          if (dist_[w] == kUnreached) {
            dist_[w] = next;
            order_.push_back(w);
          }
          if (dist_[w] == next) sigma_[w] += sigma_[v];
        }
      }
      return;
    }
    // Dijkstra with lazy deletion; a vertex is settled when first popped.
    using Item = std::pair<double, Vertex>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
    queue.push({0.0, source});
    while (!queue.empty()) {
      const auto [d, v] = queue.top();
      queue.pop();
      if (d > dist_[v] || settled(v)) continue;
      settle(v);
      for (uint64_t e = rows_.begin(v); e < rows_.end(v); ++e) {
        const Vertex w = rows_.targets[e];
        const double nd = d + rows_.weights[e];
        if (nd < dist_[w]) {
          dist_[w] = nd;
          sigma_[w] = sigma_[v];
          queue.push({nd, w});
        } else if (nd == dist_[w] && !settled(w)) {
          sigma_[w] += sigma_[v];
        }
      }
    }
    // Every vertex given a distance is pushed, so popped and settled:
    // order_ holds every vertex the next Run must reset.
    for (Vertex v : order_) settled_flag_[v] = false;
  }

  double dist(Vertex v) const { return dist_[v]; }
  double sigma(Vertex v) const { return sigma_[v]; }
  // Settled vertices, nearest first (the source first).
  const std::vector<Vertex>& order() const { return order_; }

 private:
  bool settled(Vertex v) const { return !settled_flag_.empty() && settled_flag_[v]; }
  void settle(Vertex v) {
    if (settled_flag_.empty()) settled_flag_.assign(dist_.size(), false);
    settled_flag_[v] = true;
    order_.push_back(v);
  }
  const AlgoGraph::Rows& rows_;
  const bool weighted_;
  std::vector<double> dist_, sigma_;
  std::vector<Vertex> order_;
  std::vector<bool> settled_flag_;
};

// "betweenness: source 1,200 of 50,000" (the count from 1).
void ReportShare(const Progress* progress, const char* what, uint64_t done, uint64_t total) {
  if (progress == nullptr || !*progress) return;
  Report(progress, std::string(what) + " " + std::to_string(done + 1) + " of " + std::to_string(total));
}

// networkx's _rescale (endpoints=False); with samples the sums are scaled
// by n / samples in every case.
void Rescale(std::vector<double>* scores, Vertex n, bool directed, bool normalized, uint64_t samples) {
  double scale = 1;
  bool any = false;
  if (normalized) {
    if (n > 2) {
      scale = 1.0 / ((static_cast<double>(n) - 1) * (static_cast<double>(n) - 2));
      any = true;
    }
  } else if (!directed) {
    scale = 0.5;
    any = true;
  }
  if (samples > 0) {
    scale *= static_cast<double>(n) / static_cast<double>(samples);
    any = true;
  }
  if (!any) return;
  for (double& s : *scores) s *= scale;
}

}  // namespace

// Own code: Boost's brandes_betweenness_centrality runs every source with no
// way to stop it (a big graph takes hours, and Ctrl-C must work), cannot
// sample sources, and counts parallel edges as distinct shortest paths,
// where networkx counts neighbours. The unit tests check this against
// Boost's on simple graphs.
Result<std::vector<double>> Betweenness(const AlgoGraph& graph, const BetweennessOptions& options, StopSignal interrupt,
                                        const Progress* progress) {
  const AlgoGraph g = graph.Simple(AlgoGraph::Merge::kMin, false);
  const Vertex n = g.num_vertices();
  std::vector<double> scores(n, 0.0);
  std::vector<Vertex> sources(n);
  std::iota(sources.begin(), sources.end(), 0);
  uint64_t samples = options.samples;
  if (samples >= n) samples = 0;
  if (samples > 0) {
    std::mt19937_64 rng(options.seed);
    for (uint64_t i = 0; i < samples; ++i) {
      std::uniform_int_distribution<uint64_t> pick(i, n - 1);
      std::swap(sources[i], sources[pick(rng)]);
    }
    sources.resize(samples);
  }
  const AlgoGraph::Rows& out = g.Out();
  const AlgoGraph::Rows& in = g.In();
  ShortestPathSearch search(out, n, g.weighted());
  std::vector<double> delta(n, 0.0);
  const size_t step = std::max<size_t>(1, sources.size() / 100);
  for (size_t i = 0; i < sources.size(); ++i) {
    const Vertex s = sources[i];
    if (Interrupted(interrupt)) return Cancelled();
    if (i % step == 0) ReportShare(progress, "betweenness: source", i, sources.size());
    search.Run(s);
    const std::vector<Vertex>& order = search.order();
    for (Vertex v : order) delta[v] = 0;
    // Dependencies, farthest first: w's predecessors are its in-neighbours
    // one edge nearer the source (recomputed rather than stored).
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      const Vertex w = *it;
      const double coeff = (1.0 + delta[w]) / search.sigma(w);
      const double dw = search.dist(w);
      for (uint64_t e = in.begin(w); e < in.end(w); ++e) {
        const Vertex v = in.targets[e];
        if (search.dist(v) + in.weight(e) == dw && search.dist(v) < dw) delta[v] += search.sigma(v) * coeff;
      }
      if (w != s) scores[w] += delta[w];
    }
  }
  Rescale(&scores, n, g.directed(), options.normalized, samples);
  return scores;
}

// Own code: Boost's closeness_centrality takes an all-pairs distance
// matrix, n^2 numbers; this runs one search per vertex instead.
Result<std::vector<double>> Closeness(const AlgoGraph& graph, bool wf_improved, StopSignal interrupt,
                                      const Progress* progress) {
  const AlgoGraph g = graph.Simple(AlgoGraph::Merge::kMin, false);
  const Vertex n = g.num_vertices();
  std::vector<double> scores(n, 0.0);
  // Distances to v: search the edges backwards.
  ShortestPathSearch search(g.In(), n, g.weighted());
  const Vertex step = std::max<Vertex>(1, n / 100);
  for (Vertex v = 0; v < n; ++v) {
    if ((v & 0xff) == 0 && Interrupted(interrupt)) return Cancelled();
    if (v % step == 0) ReportShare(progress, "closeness: node", v, n);
    search.Run(v);
    double total = 0;
    for (Vertex u : search.order()) total += search.dist(u);
    const double reached = static_cast<double>(search.order().size());
    if (total > 0 && n > 1) {
      scores[v] = (reached - 1.0) / total;
      if (wf_improved) scores[v] *= (reached - 1.0) / (static_cast<double>(n) - 1.0);
    }
  }
  return scores;
}

Degrees DegreeCentrality(const AlgoGraph& g) {
  const Vertex n = g.num_vertices();
  Degrees d;
  d.in.assign(n, 0);
  d.out.assign(n, 0);
  d.total.assign(n, 0);
  auto sum = [](const AlgoGraph::Rows& rows, Vertex v, bool loops_twice) {
    double s = 0;
    for (uint64_t e = rows.begin(v); e < rows.end(v); ++e) {
      const double w = rows.weight(e);
      s += (loops_twice && rows.targets[e] == v) ? 2 * w : w;
    }
    return s;
  };
  for (Vertex v = 0; v < n; ++v) {
    if (g.directed()) {
      d.out[v] = sum(g.Out(), v, false);
      d.in[v] = sum(g.In(), v, false);
      d.total[v] = d.in[v] + d.out[v];
    } else {
      d.total[v] = d.in[v] = d.out[v] = sum(g.Out(), v, true);
    }
  }
  return d;
}

}  // namespace kg::graph
