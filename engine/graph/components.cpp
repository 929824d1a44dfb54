#include "graph/components.h"

#include <boost/graph/strong_components.hpp>
#include <boost/pending/disjoint_sets.hpp>
#include <boost/property_map/property_map.hpp>
#include <cstdint>
#include <limits>

#include "graph/boost_views.h"

namespace kg::graph {

namespace {

// Component labels (any numbering) to the smallest node id of each
// component: vertices are numbered in id order, so a component's first
// vertex is its smallest id.
template <typename Label>
std::vector<NodeId> NameByFirstVertex(const AlgoGraph& g, const std::vector<Label>& label) {
  const Vertex n = g.num_vertices();
  constexpr NodeId kUnset = std::numeric_limits<NodeId>::max();
  std::vector<NodeId> first(n, kUnset);
  std::vector<NodeId> out(n);
  for (Vertex v = 0; v < n; ++v) {
    NodeId& f = first[label[v]];
    if (f == kUnset) f = g.node_id(v);
    out[v] = f;
  }
  return out;
}

}  // namespace

Result<std::vector<NodeId>> WeaklyConnectedComponents(const AlgoGraph& g, StopSignal interrupt) {
  const Vertex n = g.num_vertices();
  // Rank and parent through iterator property maps: Boost's
  // disjoint_sets_with_storage (raw pointers) does not compile next to
  // strong_components.hpp, whose boost::detail::get hides the pointer one.
  std::vector<uint8_t> rank(n, 0);
  std::vector<Vertex> parent(n);
  const boost::typed_identity_property_map<Vertex> index;
  boost::disjoint_sets sets(boost::make_iterator_property_map(rank.begin(), index),
                            boost::make_iterator_property_map(parent.begin(), index));
  for (Vertex v = 0; v < n; ++v) sets.make_set(v);
  const AlgoGraph::Rows& out = g.Out();
  for (Vertex v = 0; v < n; ++v) {
    if ((v & 0xffff) == 0 && Interrupted(interrupt)) return Cancelled();
    for (uint64_t e = out.begin(v); e < out.end(v); ++e) sets.union_set(v, out.targets[e]);
  }
  std::vector<Vertex> root(n);
  for (Vertex v = 0; v < n; ++v) root[v] = static_cast<Vertex>(sets.find_set(v));
  return NameByFirstVertex(g, root);
}

Result<std::vector<NodeId>> StronglyConnectedComponents(const AlgoGraph& g, StopSignal interrupt) {
  const Vertex n = g.num_vertices();
  if (!g.directed()) return WeaklyConnectedComponents(g, interrupt);
  const BoostCsr csr = ToBoostCsr(g.Out(), n);
  if (Interrupted(interrupt)) return Cancelled();
  // Boost's search runs to the end once started (linear time, no hook to
  // stop it).
  std::vector<Vertex> component(n);
  boost::strong_components(csr, boost::make_iterator_property_map(component.begin(), get(boost::vertex_index, csr)));
  return NameByFirstVertex(g, component);
}

}  // namespace kg::graph
