// AlgoGraph: the graph an algorithm runs on, copied out of one read
// transaction into compressed sparse rows over dense vertex numbers.
//
// A ProjectionSpec picks what is copied: nodes with any of some labels (all
// nodes when none are named), relationships of any of some types (all when
// none are named) whose two ends were both picked, an orientation, and
// optionally a numeric relationship property as the weight. Node ids are
// sparse 64-bit numbers; the projection numbers the picked nodes 0..n-1 in
// increasing id order, so that arrays indexed by vertex replace hash maps.
//
// Every relationship is one edge (parallel relationships stay parallel:
// PageRank and degree count them, as networkx's multigraphs do). Orientation
// kOut keeps each relationship start -> end, kIn end -> start, and
// kUndirected lists it at both ends (a self-loop once). Each vertex's edges
// lie together in Out(); directed projections also have In(), the same
// edges listed at their heads. Simple() merges parallel edges, for the
// algorithms whose networkx definitions see a neighbour once.
//
// Build reads the storage layer's in-memory projection (building it when
// missing): one pass over its adjacency blocks, no RocksDB reads, except
// for nodes a later commit made dirty, which are read through the
// transaction. Weights come from one sequential scan of the relationship
// records. Build stops with kInterrupted when *interrupt becomes true.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/stop_signal.h"
#include "storage/ids.h"

namespace kg {
class Transaction;
}

namespace kg::graph {

using Vertex = uint32_t;

enum class Orientation { kOut, kIn, kUndirected };

// "out", "in", "undirected" (as procedures spell them); nullopt otherwise.
std::optional<Orientation> ParseOrientation(std::string_view text);
const char* OrientationName(Orientation o);

struct ProjectionSpec {
  std::vector<std::string> labels;  // any of; empty: every node
  std::vector<std::string> types;   // any of; empty: every relationship
  Orientation orientation = Orientation::kOut;
  std::string weight;  // relationship property; empty: every edge weighs 1
  // Keep each edge's relationship id (paths and bridges name them).
  bool keep_relationships = false;
};

// True when the caller asked to stop or the deadline passed; algorithms
// test it between rounds.
inline bool Interrupted(StopSignal interrupt) { return interrupt.Requested(); }
// The kInterrupted status an algorithm returns when it stopped early.
Status Cancelled();

// Told how far long work has got ("pagerank: iteration 7 of 20"), for a
// progress line; may be null or empty. Called on the algorithm's thread, a
// hundred times a run at most, so it may take its time.
using Progress = std::function<void(const std::string&)>;
inline void Report(const Progress* progress, const std::string& text) {
  if (progress != nullptr && *progress) (*progress)(text);
}

class AlgoGraph {
 public:
  // One edge as FromEdges takes it: tail -> head in dense numbers.
  struct Edge {
    Vertex from, to;
    double weight = 1;
    RelId rel = 0;
  };

  // Reads the graph `spec` describes from `txn`. Errors: kSemantic for a
  // label, type or weight key the database has never seen (a typo gives an
  // error, not an empty graph); kRuntime for a weight that is not a number;
  // kInterrupted.
  static Result<AlgoGraph> Build(Transaction* txn, const ProjectionSpec& spec, StopSignal interrupt,
                                 const Progress* progress = nullptr);
  // A graph given directly (tests; Simple()): `ids` are the vertices' node
  // ids in increasing order, edges in any order and oriented as given
  // (kUndirected lists each at both ends).
  static AlgoGraph FromEdges(std::vector<NodeId> ids, std::vector<Edge> edges, Orientation orientation, bool weighted,
                             bool keep_relationships);

  // Parallel edges merged into one, weighing the smallest (kMin, what
  // shortest paths see) or the sum (kSum, what modularity sees) of theirs;
  // self-loops dropped unless `keep_self_loops`. Relationship ids are not
  // kept.
  enum class Merge { kMin, kSum };
  AlgoGraph Simple(Merge merge, bool keep_self_loops) const;
  // The same graph with orientation kUndirected (each directed edge listed
  // at both ends).
  AlgoGraph Undirected() const;

  Vertex num_vertices() const { return static_cast<Vertex>(ids_.size()); }
  // Relationships projected (an undirected edge counts once).
  uint64_t num_relationships() const { return relationships_; }
  Orientation orientation() const { return orientation_; }
  bool directed() const { return orientation_ != Orientation::kUndirected; }
  bool weighted() const { return !out_.weights.empty(); }
  bool has_relationships() const { return !out_.rels.empty(); }

  NodeId node_id(Vertex v) const { return ids_[v]; }
  // The vertex of node `id`, or nullopt when the projection left it out.
  std::optional<Vertex> Find(NodeId id) const;

  // Edge positions of `v` in one direction: [begin, end) index targets(),
  // weights() and rels() of that direction. In() is Out() when undirected.
  struct Rows {
    std::vector<uint64_t> offsets;  // num_vertices() + 1
    std::vector<Vertex> targets;    // the other end of each edge
    std::vector<double> weights;    // empty when unweighted
    std::vector<RelId> rels;        // empty unless keep_relationships
    uint64_t begin(Vertex v) const { return offsets[v]; }
    uint64_t end(Vertex v) const { return offsets[v + 1]; }
    uint64_t degree(Vertex v) const { return offsets[v + 1] - offsets[v]; }
    double weight(uint64_t e) const { return weights.empty() ? 1.0 : weights[e]; }
  };
  const Rows& Out() const { return out_; }
  const Rows& In() const { return directed() ? in_ : out_; }

  // Memory held and time taken, for the docs and the benchmark.
  struct Stats {
    uint64_t bytes = 0;
    double build_seconds = 0;               // this projection, from the storage one
    double storage_projection_seconds = 0;  // building the storage projection, when this call built it
  };
  Stats stats() const;

 private:
  std::vector<NodeId> ids_;
  Orientation orientation_ = Orientation::kOut;
  uint64_t relationships_ = 0;
  Rows out_, in_;
  double build_seconds_ = 0, storage_seconds_ = 0;
};

}  // namespace kg::graph
