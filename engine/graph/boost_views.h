// The projection as Boost.Graph types, for the algorithms kg takes from
// Boost (strong components, core numbers, Dijkstra, biconnected
// components). Each is a copy made for one run: Boost's compressed sparse
// row graph keeps its own arrays, and biconnected_components needs a truly
// undirected graph (an edge must be the same edge from both ends, so that
// the search does not mistake the way back for a cycle).
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <utility>
#include <vector>

#include "graph/algo_graph.h"

namespace kg::graph {

// Directed; edge i (boost::edge_index) is the i-th edge of the rows it was
// made from, so weights and relationship ids are found by index.
using BoostCsr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                    boost::no_property, Vertex, uint64_t>;

inline BoostCsr ToBoostCsr(const AlgoGraph::Rows& rows, Vertex n) {
  std::vector<std::pair<Vertex, Vertex>> edges;
  edges.reserve(rows.targets.size());
  for (Vertex v = 0; v < n; ++v) {
    for (uint64_t e = rows.begin(v); e < rows.end(v); ++e) edges.emplace_back(v, rows.targets[e]);
  }
  return BoostCsr(boost::edges_are_sorted, edges.begin(), edges.end(), n);
}

// Undirected, with an edge index (the position in the list it was made
// from).
using BoostUndirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                              boost::property<boost::edge_index_t, std::size_t>>;

}  // namespace kg::graph
