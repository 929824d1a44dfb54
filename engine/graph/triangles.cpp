#include "graph/triangles.h"

#include <limits>

namespace kg::graph {

// Own code: Boost's num_triangles_on_vertex looks up an edge for every pair
// of a vertex's neighbours, d^2 lookups at a hub. Here each triangle is
// found once, from its lowest-ranked corner (rank: degree, then vertex), by
// marking that corner's higher-ranked neighbours and walking theirs: about
// m^1.5 steps however skewed the degrees are.
Result<TriangleCounts> Triangles(const AlgoGraph& graph, StopSignal interrupt) {
  const AlgoGraph g = graph.Undirected().Simple(AlgoGraph::Merge::kMin, false);
  const Vertex n = g.num_vertices();
  const AlgoGraph::Rows& rows = g.Out();
  auto higher = [&](Vertex a, Vertex b) {  // b ranks above a
    const uint64_t da = rows.degree(a), db = rows.degree(b);
    return db != da ? db > da : b > a;
  };
  // Each vertex's higher-ranked neighbours.
  std::vector<uint64_t> offsets(n + 1, 0);
  std::vector<Vertex> up;
  up.reserve(rows.targets.size() / 2);
  for (Vertex v = 0; v < n; ++v) {
    for (uint64_t e = rows.begin(v); e < rows.end(v); ++e) {
      if (higher(v, rows.targets[e])) up.push_back(rows.targets[e]);
    }
    offsets[v + 1] = up.size();
  }
  TriangleCounts result;
  result.triangles.assign(n, 0);
  constexpr Vertex kNone = std::numeric_limits<Vertex>::max();
  std::vector<Vertex> mark(n, kNone);
  for (Vertex v = 0; v < n; ++v) {
    if ((v & 0xffff) == 0 && Interrupted(interrupt)) return Cancelled();
    for (uint64_t e = offsets[v]; e < offsets[v + 1]; ++e) mark[up[e]] = v;
    for (uint64_t e = offsets[v]; e < offsets[v + 1]; ++e) {
      const Vertex u = up[e];
      for (uint64_t f = offsets[u]; f < offsets[u + 1]; ++f) {
        const Vertex w = up[f];
        if (mark[w] != v) continue;
        ++result.triangles[v];
        ++result.triangles[u];
        ++result.triangles[w];
      }
    }
  }
  result.coefficient.assign(n, 0.0);
  for (Vertex v = 0; v < n; ++v) {
    const double d = static_cast<double>(rows.degree(v));
    if (d >= 2) result.coefficient[v] = 2.0 * static_cast<double>(result.triangles[v]) / (d * (d - 1));
  }
  return result;
}

}  // namespace kg::graph
