#include "graph/communities.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <unordered_map>

namespace kg::graph {

namespace {

// The undirected weighted graph one Louvain level works on: each edge at
// both ends in the rows, self-loops apart (a community's inner weight, once
// the graph is aggregated).
struct LevelGraph {
  Vertex n = 0;
  std::vector<uint64_t> offsets;
  std::vector<Vertex> targets;
  std::vector<double> weights;
  std::vector<double> loops;   // self-loop weight by vertex
  std::vector<double> degree;  // weighted degree: a self-loop counts twice
  double total = 0;            // sum of degrees: 2m
};

LevelGraph FromAlgoGraph(const AlgoGraph& g) {
  const AlgoGraph s = g.Undirected().Simple(AlgoGraph::Merge::kSum, true);
  LevelGraph l;
  l.n = s.num_vertices();
  l.offsets.assign(l.n + 1, 0);
  l.loops.assign(l.n, 0);
  const AlgoGraph::Rows& rows = s.Out();
  for (Vertex v = 0; v < l.n; ++v) {
    for (uint64_t e = rows.begin(v); e < rows.end(v); ++e) {
      if (rows.targets[e] == v) {
        l.loops[v] += rows.weights[e];
      } else {
        l.targets.push_back(rows.targets[e]);
        l.weights.push_back(rows.weights[e]);
      }
    }
    l.offsets[v + 1] = l.targets.size();
  }
  return l;
}

void ComputeDegrees(LevelGraph* l) {
  l->degree.assign(l->n, 0);
  l->total = 0;
  for (Vertex v = 0; v < l->n; ++v) {
    double k = 2 * l->loops[v];
    for (uint64_t e = l->offsets[v]; e < l->offsets[v + 1]; ++e) k += l->weights[e];
    l->degree[v] = k;
    l->total += k;
  }
}

// Moves vertices between communities until a pass moves none. Returns
// whether any vertex moved; `community` holds the result (community
// numbers are vertex numbers of their first member).
bool MovePhase(const LevelGraph& l, double resolution, std::mt19937_64* rng, std::vector<Vertex>* community,
               StopSignal interrupt, bool* cancelled) {
  std::vector<Vertex>& comm = *community;
  comm.resize(l.n);
  std::iota(comm.begin(), comm.end(), 0);
  std::vector<double> tot(l.degree);
  std::vector<Vertex> order(l.n);
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), *rng);
  std::vector<double> to_comm(l.n, 0.0);
  std::vector<Vertex> seen;
  bool moved_any = false;
  for (bool moved = true; moved;) {
    moved = false;
    if (Interrupted(interrupt)) {
      *cancelled = true;
      return moved_any;
    }
    for (Vertex v : order) {
      const Vertex old = comm[v];
      const double k = l.degree[v];
      seen.clear();
      seen.push_back(old);
      for (uint64_t e = l.offsets[v]; e < l.offsets[v + 1]; ++e) {
        const Vertex c = comm[l.targets[e]];
        if (to_comm[c] == 0 && c != old) seen.push_back(c);
        to_comm[c] += l.weights[e];
      }
      tot[old] -= k;
      // The gain of joining c, times m: w(v, c) - resolution * tot(c) k / 2m.
      Vertex best = old;
      double best_gain = to_comm[old] - resolution * tot[old] * k / l.total;
      for (Vertex c : seen) {
        const double gain = to_comm[c] - resolution * tot[c] * k / l.total;
        if (gain > best_gain) {
          best_gain = gain;
          best = c;
        }
      }
      for (Vertex c : seen) to_comm[c] = 0;
      tot[best] += k;
      if (best != old) {
        comm[v] = best;
        moved = moved_any = true;
      }
    }
  }
  return moved_any;
}

// One vertex per community (numbered 0.. in order of first member); inner
// edges become the new vertex's self-loop.
LevelGraph Aggregate(const LevelGraph& l, std::vector<Vertex>* community) {
  std::vector<Vertex> renumber(l.n, ~Vertex{0});
  Vertex count = 0;
  for (Vertex& c : *community) {
    if (renumber[c] == ~Vertex{0}) renumber[c] = count++;
    c = renumber[c];
  }
  const std::vector<Vertex>& comm = *community;
  LevelGraph a;
  a.n = count;
  a.loops.assign(count, 0);
  struct Link {
    Vertex from, to;
    double w;
  };
  std::vector<Link> links;
  for (Vertex v = 0; v < l.n; ++v) {
    a.loops[comm[v]] += l.loops[v];
    for (uint64_t e = l.offsets[v]; e < l.offsets[v + 1]; ++e) {
      const Vertex cu = comm[v], cw = comm[l.targets[e]];
      if (cu == cw) {
        a.loops[cu] += l.weights[e] / 2;  // listed at both ends
      } else {
        links.push_back({cu, cw, l.weights[e]});
      }
    }
  }
  std::sort(links.begin(), links.end(),
            [](const Link& x, const Link& y) { return x.from != y.from ? x.from < y.from : x.to < y.to; });
  a.offsets.assign(count + 1, 0);
  for (size_t i = 0; i < links.size(); ++i) {
    if (i > 0 && links[i].from == links[i - 1].from && links[i].to == links[i - 1].to) {
      a.weights.back() += links[i].w;
      continue;
    }
    a.targets.push_back(links[i].to);
    a.weights.push_back(links[i].w);
    a.offsets[links[i].from + 1] = a.targets.size();
  }
  for (Vertex c = 0; c < count; ++c) a.offsets[c + 1] = std::max(a.offsets[c + 1], a.offsets[c]);
  ComputeDegrees(&a);
  return a;
}

double LevelModularity(const LevelGraph& l, const std::vector<Vertex>& comm, double resolution) {
  if (l.total == 0) return 0;
  const double m = l.total / 2;
  std::unordered_map<Vertex, std::pair<double, double>> by_comm;  // inner weight, degree sum
  for (Vertex v = 0; v < l.n; ++v) {
    auto& [inner, degree] = by_comm[comm[v]];
    inner += l.loops[v];
    degree += l.degree[v];
    for (uint64_t e = l.offsets[v]; e < l.offsets[v + 1]; ++e) {
      if (comm[l.targets[e]] == comm[v]) inner += l.weights[e] / 2;
    }
  }
  double q = 0;
  for (const auto& [c, s] : by_comm) q += s.first / m - resolution * (s.second / l.total) * (s.second / l.total);
  return q;
}

}  // namespace

// Own code: Boost 1.74 has no community detection.
Result<LouvainResult> Louvain(const AlgoGraph& g, const LouvainOptions& options, StopSignal interrupt,
                              const Progress* progress) {
  LevelGraph base = FromAlgoGraph(g);
  ComputeDegrees(&base);
  const Vertex n = base.n;
  std::vector<Vertex> member(n);  // original vertex -> community at the current level
  std::iota(member.begin(), member.end(), 0);
  std::mt19937_64 rng(options.seed);
  LevelGraph level = base;
  double modularity = LevelModularity(base, member, options.resolution);
  LouvainResult result;
  for (int depth = 0; depth < options.max_levels && base.total > 0; ++depth) {
    Report(progress, "communities: level " + std::to_string(depth + 1) + ", " + std::to_string(level.n) + " vertices");
    std::vector<Vertex> comm;
    bool cancelled = false;
    const bool moved = MovePhase(level, options.resolution, &rng, &comm, interrupt, &cancelled);
    if (cancelled) return Cancelled();
    if (!moved) break;
    LevelGraph next = Aggregate(level, &comm);
    for (Vertex& m : member) m = comm[m];
    ++result.levels;
    const double q = LevelModularity(base, member, options.resolution);
    const bool enough = q - modularity > options.threshold;
    modularity = q;
    if (!enough) break;
    level = std::move(next);
  }
  // Name each community by its smallest node id (its first vertex).
  std::vector<NodeId> name(n, ~NodeId{0});
  result.community.resize(n);
  for (Vertex v = 0; v < n; ++v) {
    NodeId& c = name[member[v]];
    if (c == ~NodeId{0}) c = g.node_id(v);
    result.community[v] = c;
  }
  result.modularity = modularity;
  return result;
}

double Modularity(const AlgoGraph& g, const std::vector<NodeId>& community, double resolution) {
  LevelGraph l = FromAlgoGraph(g);
  ComputeDegrees(&l);
  std::unordered_map<NodeId, Vertex> dense;
  std::vector<Vertex> comm(l.n);
  for (Vertex v = 0; v < l.n; ++v)
    comm[v] = dense.emplace(community[v], static_cast<Vertex>(dense.size())).first->second;
  return LevelModularity(l, comm, resolution);
}

}  // namespace kg::graph
