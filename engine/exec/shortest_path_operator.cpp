// ShortestPathOp. shortestPath (one path, no property filter on the
// relationships): bidirectional breadth-first search over Expand, which
// reads the in-memory projection. allShortestPaths and filtered patterns:
// the part of the graph that breadth-first search from the
// start node reaches within the hop limit (stopping at the level where the
// end node appears) is loaded into a Boost.Graph adjacency list; Boost's
// breadth_first_search then gives each vertex its distance, and the paths
// are read back along edges that step from one distance to the next.
#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/visitors.hpp>
#include <functional>
#include <unordered_map>

#include "exec/as_of.h"
#include "exec/expression_evaluator.h"
#include "exec/graph_operators.h"
#include "exec/memory_budget.h"
#include "exec/query_error.h"
#include "exec/value_ops.h"
#include "storage/transaction.h"

namespace kg {

namespace {

using LocalGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                         boost::property<boost::edge_index_t, size_t>>;

std::optional<NodeId> NodeAt(const Row& row, int slot) {
  const Value& v = row[slot];
  if (v.is_null()) return std::nullopt;
  if (!v.is_node())
    ThrowRuntime("shortestPath expects nodes at both ends, got " + std::string(ValueKindName(v.kind())));
  return v.as_node().id;
}

}  // namespace

ShortestPathOp::ShortestPathOp(OperatorPtr input, int from_slot, int to_slot, int rels_slot, Direction dir,
                               std::vector<std::string> types, int64_t min_hops, int64_t max_hops, bool all,
                               const bound::Expr* rel_properties, std::string detail)
    : from_slot_(from_slot),
      to_slot_(to_slot),
      rels_slot_(rels_slot),
      dir_(dir),
      min_hops_(min_hops),
      max_hops_(max_hops),
      all_(all),
      rel_properties_(rel_properties),
      detail_(std::move(detail)) {
  types_.names = std::move(types);
  AddChild(std::move(input));
}

void ShortestPathOp::OpenImpl(ExecContext& ctx) {
  Operator::OpenImpl(ctx);
  results_.clear();
  pos_ = 0;
}

namespace {

Direction Reverse(Direction d) {
  return d == Direction::kOut ? Direction::kIn : d == Direction::kIn ? Direction::kOut : Direction::kBoth;
}

}  // namespace

bool ShortestPathOp::Bidirectional(ExecContext& ctx, NodeId from, NodeId to, int64_t limit) {
  // Each side keeps, for every node it reached, the relationship it came
  // by and the node on the side's own end of it, and expands its smaller
  // frontier one whole level at a time. A level that meets the other side
  // gives the shortest paths through its meeting nodes; the shortest of
  // them (lowest node id at a tie, so answers are repeatable) is the path.
  struct Step {
    NodeId prev;
    RelRef rel;
    int64_t depth;  // hops from this side's end
  };
  std::unordered_map<NodeId, Step> seen[2];
  seen[0].emplace(from, Step{from, RelRef{}, 0});
  seen[1].emplace(to, Step{to, RelRef{}, 0});
  std::vector<NodeId> frontier[2] = {{from}, {to}};
  int64_t depth[2] = {0, 0};
  const Direction dirs[2] = {dir_, Reverse(dir_)};
  while (depth[0] + depth[1] < limit && !frontier[0].empty() && !frontier[1].empty()) {
    const int side = frontier[0].size() <= frontier[1].size() ? 0 : 1;
    const int other = 1 - side;
    std::vector<NodeId> next;
    bool met = false;
    NodeId best = 0;
    int64_t best_length = 0;
    for (NodeId u : frontier[side]) {
      CheckInterrupt(ctx);
      auto cursor = ctx.txn->Expand(u, dirs[side], types_.ids);
      for (; cursor->Valid(); cursor->Next()) {
        const AdjacencyEntry& e = cursor->entry();
        if (!HoldsAsOf(ctx, e.rel)) continue;
        auto [it, inserted] = seen[side].emplace(e.neighbour, Step{u, ToRelRef(e), depth[side] + 1});
        if (!inserted) continue;
        next.push_back(e.neighbour);
        auto there = seen[other].find(e.neighbour);
        if (there != seen[other].end()) {
          const int64_t length = depth[side] + 1 + there->second.depth;
          if (!met || length < best_length || (length == best_length && e.neighbour < best)) {
            met = true;
            best = e.neighbour;
            best_length = length;
          }
        }
      }
      if (!cursor->status().ok()) ThrowStatus(cursor->status());
    }
    ++depth[side];
    frontier[side] = std::move(next);
    if (!met) continue;
    if (best_length < min_hops_) return true;  // the shortest is too short: no path
    ValueList rels;
    for (NodeId v = best; v != from;) {
      const Step& s = seen[0].at(v);
      rels.emplace_back(s.rel);
      v = s.prev;
    }
    std::reverse(rels.begin(), rels.end());
    for (NodeId v = best; v != to;) {
      const Step& s = seen[1].at(v);
      rels.emplace_back(s.rel);
      v = s.prev;
    }
    results_.push_back(std::move(rels));
    return true;
  }
  return true;
}

void ShortestPathOp::FindPaths(ExecContext& ctx, const Row& row) {
  results_.clear();
  pos_ = 0;
  auto from = NodeAt(row, from_slot_);
  auto to = NodeAt(row, to_slot_);
  types_.Resolve(*ctx.txn);
  if (!from || !to || types_.impossible) return;
  if (*from == *to) {
    if (min_hops_ == 0) results_.push_back(ValueList{});
    return;
  }
  const int64_t limit = max_hops_ >= 0 ? max_hops_ : ctx.max_path_length;
  // A search may reach much of the graph: read it from the projection.
  Check(ctx.txn->UseProjection(kProjectAdjacency, ctx.interrupt));
  if (!all_ && !rel_properties_ && Bidirectional(ctx, *from, *to, limit)) return;
  Value props = rel_properties_ ? Evaluate(*rel_properties_, const_cast<Row&>(row), ctx.eval) : Value();

  // Load the ball around `from` level by level.
  std::unordered_map<NodeId, size_t> index{{*from, 0}};
  std::vector<NodeId> ids{*from};
  std::vector<std::pair<size_t, size_t>> edges;
  std::vector<RelRef> edge_rels;
  std::vector<size_t> frontier{0};
  bool found = false;
  for (int64_t level = 0; level < limit && !frontier.empty() && !found; ++level) {
    std::vector<size_t> next;
    for (size_t u : frontier) {
      CheckInterrupt(ctx);
      auto cursor = ctx.txn->Expand(ids[u], dir_, types_.ids);
      for (; cursor->Valid(); cursor->Next()) {
        const AdjacencyEntry& e = cursor->entry();
        if (props.is_map() && !props.as_map().empty()) {
          Value rel(RelRef{e.rel, e.type, 0, 0, nullptr});
          bool ok = true;
          for (const auto& [key, want] : props.as_map()) {
            Value eq = CypherEquals(PropertyOf(rel, key, ctx.eval), want);
            ok = ok && eq.is_bool() && eq.as_bool();
          }
          if (!ok) continue;
        }
        if (!HoldsAsOf(ctx, e.rel)) continue;
        auto [it, inserted] = index.emplace(e.neighbour, ids.size());
        if (inserted) {
          ids.push_back(e.neighbour);
          next.push_back(it->second);
          if (e.neighbour == *to) found = true;
        }
        edges.emplace_back(u, it->second);
        edge_rels.push_back(ToRelRef(e));
      }
      if (!cursor->status().ok()) ThrowStatus(cursor->status());
    }
    frontier = std::move(next);
  }
  if (!found) return;

  LocalGraph g(ids.size());
  for (size_t i = 0; i < edges.size(); ++i) boost::add_edge(edges[i].first, edges[i].second, i, g);
  std::vector<size_t> distance(ids.size(), 0);
  boost::breadth_first_search(
      g, boost::vertex(0, g),
      boost::visitor(boost::make_bfs_visitor(boost::record_distances(distance.data(), boost::on_tree_edge()))));

  const size_t target = index.at(*to);
  if (static_cast<int64_t>(distance[target]) < min_hops_) return;
  // Edges that step one level closer to the target, by their head vertex.
  std::vector<std::vector<size_t>> into(ids.size());
  auto edge_index = boost::get(boost::edge_index, g);
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const size_t s = boost::source(*it, g), t = boost::target(*it, g);
    if ((s == 0 || distance[s] > 0) && distance[t] == distance[s] + 1) into[t].push_back(edge_index[*it]);
  }
  // Walk back from the target; each complete walk is one shortest path.
  // allShortestPaths may find very many (a grid has exponentially many):
  // the timeout and the memory limit stop the walk.
  std::vector<size_t> walk;
  int64_t bytes = 0;
  std::function<void(size_t)> back = [&](size_t v) {
    CheckInterrupt(ctx);
    if (v == 0) {
      ValueList rels;
      for (auto it = walk.rbegin(); it != walk.rend(); ++it) rels.emplace_back(edge_rels[*it]);
      bytes += static_cast<int64_t>((rels.size() + 1) * sizeof(Value));
      if (ctx.eval.memory != nullptr) ctx.eval.memory->CheckFits(bytes);
      results_.push_back(std::move(rels));
      return;
    }
    for (size_t e : into[v]) {
      if (!all_ && !results_.empty()) return;
      walk.push_back(e);
      back(edges[e].first);
      walk.pop_back();
    }
  };
  back(target);
}

bool ShortestPathOp::NextImpl(ExecContext& ctx, Row& row) {
  for (;;) {
    if (pos_ < results_.size()) {
      row[rels_slot_] = Value(std::move(results_[pos_++]));
      return true;
    }
    if (!child()->Next(ctx, row)) return false;
    FindPaths(ctx, row);
  }
}

}  // namespace kg
