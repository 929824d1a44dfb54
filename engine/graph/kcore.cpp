#include "graph/kcore.h"

#include <boost/graph/core_numbers.hpp>

#include "graph/boost_views.h"

namespace kg::graph {

Result<std::vector<int64_t>> CoreNumbers(const AlgoGraph& g, StopSignal interrupt) {
  // Boost counts every out-edge, so it gets the simple graph with each
  // edge listed at both ends (a directed Boost graph that is symmetric).
  const AlgoGraph simple = g.Undirected().Simple(AlgoGraph::Merge::kMin, false);
  const Vertex n = simple.num_vertices();
  const BoostCsr csr = ToBoostCsr(simple.Out(), n);
  if (Interrupted(interrupt)) return Cancelled();
  std::vector<int64_t> core(n, 0);
  boost::core_numbers(csr, boost::make_iterator_property_map(core.begin(), get(boost::vertex_index, csr)));
  return core;
}

}  // namespace kg::graph
