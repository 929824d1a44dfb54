#include "graph/algo_graph.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <memory>
#include <numeric>
#include <thread>

#include "storage/catalog.h"
#include "storage/cursors.h"
#include "storage/graph_projection.h"
#include "storage/transaction.h"

namespace kg::graph {

namespace {

constexpr Vertex kNoVertex = std::numeric_limits<Vertex>::max();

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// The picked nodes' ids, increasing: the union of the labels' scans, or
// every node.
Result<std::vector<NodeId>> PickNodes(Transaction* txn, const std::vector<LabelId>& labels, StopSignal interrupt) {
  std::vector<NodeId> ids;
  auto drain = [&](std::unique_ptr<NodeIdCursor> c) -> Status {
    for (uint64_t n = 0; c->Valid(); c->Next()) {
      if ((++n & 0xffff) == 0 && Interrupted(interrupt)) return Cancelled();
      ids.push_back(c->id());
    }
    return c->status();
  };
  if (labels.empty()) {
    KG_RETURN_IF_ERROR(drain(txn->ScanNodeIds()));
    return ids;
  }
  for (LabelId l : labels) KG_RETURN_IF_ERROR(drain(txn->ScanLabel(l)));
  if (labels.size() > 1) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  }
  return ids;
}

// Relationship weights by relationship id, from one sequential scan of the
// records: 1 where the property is absent (as networkx's default).
Result<std::vector<double>> ReadWeights(Transaction* txn, PropertyKeyId key, const std::vector<bool>& type_ok,
                                        StopSignal interrupt) {
  std::vector<double> weights(txn->catalog().next_rel_id(), 1.0);
  auto c = txn->ScanRelationships();
  for (uint64_t n = 0; c->Valid(); c->Next()) {
    if ((++n & 0xffff) == 0 && Interrupted(interrupt)) return Cancelled();
    const RelRecord& r = c->record();
    if (!type_ok.empty() && (r.type >= type_ok.size() || !type_ok[r.type])) continue;
    const Value* v = FindProperty(r.properties, key);
    if (v == nullptr) continue;
    if (!v->is_number()) {
      return Status::Runtime("the weight " + txn->catalog().PropertyKeyName(key) + " of relationship " +
                             std::to_string(r.id) + " is " + v->ToString() + ", not a number");
    }
    if (r.id >= weights.size()) weights.resize(r.id + 1, 1.0);
    weights[r.id] = v->as_number();
  }
  KG_RETURN_IF_ERROR(c->status());
  return weights;
}

// Rows with their relationship ids (weights are looked up from them later).
struct RawRows {
  std::vector<uint64_t> offsets;
  std::vector<Vertex> targets;
  std::vector<RelId> rels;
};

}  // namespace

Status Cancelled() { return Status::Error(ErrorKind::kInterrupted, "the algorithm was cancelled"); }

std::optional<Orientation> ParseOrientation(std::string_view text) {
  if (text == "out" || text == "OUT" || text == "outgoing") return Orientation::kOut;
  if (text == "in" || text == "IN" || text == "incoming") return Orientation::kIn;
  if (text == "undirected" || text == "UNDIRECTED" || text == "both") return Orientation::kUndirected;
  return std::nullopt;
}

const char* OrientationName(Orientation o) {
  switch (o) {
    case Orientation::kOut:
      return "out";
    case Orientation::kIn:
      return "in";
    case Orientation::kUndirected:
      return "undirected";
  }
  return "?";
}

Result<AlgoGraph> AlgoGraph::Build(Transaction* txn, const ProjectionSpec& spec, StopSignal interrupt,
                                   const Progress* progress) {
  const Catalog& cat = txn->catalog();
  std::vector<LabelId> labels;
  for (const std::string& name : spec.labels) {
    auto id = cat.FindLabel(name);
    if (!id) return Status::Semantic("no node has the label '" + name + "'");
    labels.push_back(*id);
  }
  std::vector<bool> type_ok;  // by type id; empty: every type
  for (const std::string& name : spec.types) {
    auto id = cat.FindRelType(name);
    if (!id) return Status::Semantic("no relationship has the type '" + name + "'");
    if (type_ok.empty()) type_ok.assign(cat.num_rel_types(), false);
    type_ok[*id] = true;
  }
  std::optional<PropertyKeyId> weight_key;
  if (!spec.weight.empty()) {
    weight_key = cat.FindPropertyKey(spec.weight);
    if (!weight_key || (cat.property_counts_known() && cat.RelsWithProperty(*weight_key) == 0)) {
      return Status::Semantic("no relationship has the property '" + spec.weight + "' (the weight)");
    }
  }

  // The storage projection's adjacency first: afterwards every clean
  // node's relationships are an array in memory. Its nodes part (labels
  // and property columns) is not needed: the node ids come from the
  // label (or node) keys when it is missing, which is cheaper than
  // decoding every node record to build it.
  const auto built_before = txn->projection_built();
  if (txn->projection() == nullptr || !txn->projection()->has_adjacency()) {
    Report(progress, "projecting the graph: reading every relationship into memory");
  }
  KG_RETURN_IF_ERROR(txn->UseProjection(kProjectAdjacency, interrupt));
  const auto built_after = txn->projection_built();
  AlgoGraph g;
  g.storage_seconds_ = (built_after.nodes_seconds - built_before.nodes_seconds) +
                       (built_after.adjacency_seconds - built_before.adjacency_seconds);
  const auto own_start = std::chrono::steady_clock::now();
  const GraphProjection* p = txn->projection();
  const bool use_blocks = p != nullptr && p->has_adjacency();

  Report(progress, "projecting the graph: picking nodes");
  KG_ASSIGN_OR_RETURN(g.ids_, PickNodes(txn, labels, interrupt));
  Report(progress, "projecting the graph: " + std::to_string(g.ids_.size()) + " nodes, their relationships");
  if (g.ids_.size() >= kNoVertex) return Status::Runtime("too many nodes for one projection");
  const Vertex n = static_cast<Vertex>(g.ids_.size());
  std::vector<Vertex> dense(g.ids_.empty() ? 0 : g.ids_.back() + 1, kNoVertex);
  for (Vertex v = 0; v < n; ++v) dense[g.ids_[v]] = v;
  g.orientation_ = spec.orientation;

  const bool need_rels = weight_key.has_value() || spec.keep_relationships;
  // One direction's rows of every vertex: from the storage projection's
  // block where the node is clean, through Expand where a later commit made
  // it dirty. `skip_loops`: leave out self-loops (the in-half of an
  // undirected row, which has them from the out-half already).
  auto fill = [&](RawRows* rows, std::initializer_list<std::pair<Direction, bool>> parts) -> Status {
    rows->offsets.assign(n + 1, 0);
    const uint64_t guess = type_ok.empty() ? cat.rel_count() * parts.size() : 0;
    rows->targets.reserve(guess);
    if (need_rels) rows->rels.reserve(guess);
    auto add = [&](Vertex v, RelTypeId type, NodeId neighbour, RelId rel, bool skip_loops) {
      if (!type_ok.empty() && (type >= type_ok.size() || !type_ok[type])) return;
      if (neighbour >= dense.size() || dense[neighbour] == kNoVertex) return;
      const Vertex w = dense[neighbour];
      if (skip_loops && w == v) return;
      rows->targets.push_back(w);
      if (need_rels) rows->rels.push_back(rel);
    };
    for (Vertex v = 0; v < n; ++v) {
      if ((v & 0xffff) == 0 && Interrupted(interrupt)) return Cancelled();
      const NodeId id = g.ids_[v];
      for (const auto& [dir, skip_loops] : parts) {
        if (use_blocks && !p->IsDirty(id)) {
          size_t count = 0;
          const GraphProjection::Entry* e = p->Block(id, dir, &count);
          for (size_t i = 0; i < count; ++i) add(v, e[i].type, e[i].neighbour, e[i].rel, skip_loops);
        } else {
          auto c = txn->Expand(id, dir);
          for (; c->Valid(); c->Next()) add(v, c->entry().type, c->entry().neighbour, c->entry().rel, skip_loops);
          KG_RETURN_IF_ERROR(c->status());
        }
      }
      rows->offsets[v + 1] = rows->targets.size();
    }
    rows->targets.shrink_to_fit();
    rows->rels.shrink_to_fit();
    return Status::Ok();
  };

  std::vector<double> weights;
  if (weight_key) {
    Report(progress, "projecting the graph: reading the weights");
    KG_ASSIGN_OR_RETURN(weights, ReadWeights(txn, *weight_key, type_ok, interrupt));
  }
  auto finish = [&](RawRows raw, Rows* rows) {
    rows->offsets = std::move(raw.offsets);
    rows->targets = std::move(raw.targets);
    if (weight_key) {
      rows->weights.resize(raw.rels.size());
      for (size_t i = 0; i < raw.rels.size(); ++i) {
        rows->weights[i] = raw.rels[i] < weights.size() ? weights[raw.rels[i]] : 1.0;
      }
    }
    if (spec.keep_relationships) rows->rels = std::move(raw.rels);
  };
  const Direction fwd = spec.orientation == Orientation::kIn ? Direction::kIn : Direction::kOut;
  const Direction back = fwd == Direction::kOut ? Direction::kIn : Direction::kOut;
  RawRows raw;
  if (spec.orientation == Orientation::kUndirected) {
    KG_RETURN_IF_ERROR(fill(&raw, {{Direction::kOut, false}, {Direction::kIn, true}}));
    uint64_t loops = 0;
    for (Vertex v = 0; v < n; ++v) {
      for (uint64_t e = raw.offsets[v]; e < raw.offsets[v + 1]; ++e) loops += raw.targets[e] == v;
    }
    g.relationships_ = (raw.targets.size() - loops) / 2 + loops;
    finish(std::move(raw), &g.out_);
  } else {
    // The two directions are independent: with no dirty node (every read
    // is of the immutable storage projection, which threads may share;
    // the transaction's own reads may not be) the in-rows are filled on a
    // second thread.
    bool any_dirty = !use_blocks;
    for (Vertex v = 0; v < n && !any_dirty; ++v) any_dirty = p->IsDirty(g.ids_[v]);
    RawRows raw_in;
    Status in_status;
    std::thread second;
    if (!any_dirty) second = std::thread([&] { in_status = fill(&raw_in, {{back, false}}); });
    Status out_status = fill(&raw, {{fwd, false}});
    if (second.joinable()) {
      second.join();
    } else if (out_status.ok()) {
      in_status = fill(&raw_in, {{back, false}});
    }
    KG_RETURN_IF_ERROR(out_status);
    KG_RETURN_IF_ERROR(in_status);
    g.relationships_ = raw.targets.size();
    finish(std::move(raw), &g.out_);
    finish(std::move(raw_in), &g.in_);
  }
  g.build_seconds_ = Seconds(own_start);
  return g;
}

AlgoGraph AlgoGraph::FromEdges(std::vector<NodeId> ids, std::vector<Edge> edges, Orientation orientation, bool weighted,
                               bool keep_relationships) {
  AlgoGraph g;
  g.ids_ = std::move(ids);
  g.orientation_ = orientation;
  g.relationships_ = edges.size();
  const Vertex n = static_cast<Vertex>(g.ids_.size());
  // Counting sort by tail (stable, so the given order survives within a
  // vertex).
  auto build = [&](Rows* rows, bool reverse) {
    rows->offsets.assign(n + 1, 0);
    auto tail = [&](const Edge& e) { return reverse ? e.to : e.from; };
    auto head = [&](const Edge& e) { return reverse ? e.from : e.to; };
    const bool both = orientation == Orientation::kUndirected;
    for (const Edge& e : edges) {
      ++rows->offsets[tail(e) + 1];
      if (both && e.from != e.to) ++rows->offsets[head(e) + 1];
    }
    std::partial_sum(rows->offsets.begin(), rows->offsets.end(), rows->offsets.begin());
    const uint64_t m = rows->offsets[n];
    rows->targets.resize(m);
    if (weighted) rows->weights.resize(m);
    if (keep_relationships) rows->rels.resize(m);
    std::vector<uint64_t> next(rows->offsets.begin(), rows->offsets.end() - 1);
    auto put = [&](Vertex at, Vertex to, const Edge& e) {
      const uint64_t i = next[at]++;
      rows->targets[i] = to;
      if (weighted) rows->weights[i] = e.weight;
      if (keep_relationships) rows->rels[i] = e.rel;
    };
    for (const Edge& e : edges) {
      put(tail(e), head(e), e);
      if (both && e.from != e.to) put(head(e), tail(e), e);
    }
  };
  build(&g.out_, false);
  if (orientation != Orientation::kUndirected) build(&g.in_, true);
  return g;
}

namespace {

// Every relationship once, as a tail -> head edge (undirected: the lower
// vertex first).
std::vector<AlgoGraph::Edge> EdgesOnce(const AlgoGraph& g) {
  std::vector<AlgoGraph::Edge> edges;
  const AlgoGraph::Rows& out = g.Out();
  edges.reserve(g.num_relationships());
  for (Vertex v = 0; v < g.num_vertices(); ++v) {
    for (uint64_t e = out.begin(v); e < out.end(v); ++e) {
      const Vertex w = out.targets[e];
      if (!g.directed() && w < v) continue;
      edges.push_back({v, w, out.weight(e), out.rels.empty() ? 0 : out.rels[e]});
    }
  }
  return edges;
}

}  // namespace

AlgoGraph AlgoGraph::Simple(Merge merge, bool keep_self_loops) const {
  std::vector<Edge> edges = EdgesOnce(*this);
  std::sort(edges.begin(), edges.end(),
            [](const Edge& a, const Edge& b) { return a.from != b.from ? a.from < b.from : a.to < b.to; });
  std::vector<Edge> merged;
  merged.reserve(edges.size());
  for (const Edge& e : edges) {
    if (e.from == e.to && !keep_self_loops) continue;
    if (!merged.empty() && merged.back().from == e.from && merged.back().to == e.to) {
      double& w = merged.back().weight;
      w = merge == Merge::kMin ? std::min(w, e.weight) : w + e.weight;
      continue;
    }
    merged.push_back({e.from, e.to, e.weight, 0});
  }
  // Each vertex's neighbours come out sorted: the counting sort is stable.
  return FromEdges(ids_, std::move(merged), orientation_, weighted() || merge == Merge::kSum, false);
}

AlgoGraph AlgoGraph::Undirected() const {
  if (!directed()) return *this;
  return FromEdges(ids_, EdgesOnce(*this), Orientation::kUndirected, weighted(), has_relationships());
}

std::optional<Vertex> AlgoGraph::Find(NodeId id) const {
  auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
  if (it == ids_.end() || *it != id) return std::nullopt;
  return static_cast<Vertex>(it - ids_.begin());
}

AlgoGraph::Stats AlgoGraph::stats() const {
  auto rows_bytes = [](const Rows& r) {
    return r.offsets.capacity() * sizeof(uint64_t) + r.targets.capacity() * sizeof(Vertex) +
           r.weights.capacity() * sizeof(double) + r.rels.capacity() * sizeof(RelId);
  };
  Stats s;
  s.bytes = ids_.capacity() * sizeof(NodeId) + rows_bytes(out_) + rows_bytes(in_);
  s.build_seconds = build_seconds_;
  s.storage_projection_seconds = storage_seconds_;
  return s;
}

}  // namespace kg::graph
