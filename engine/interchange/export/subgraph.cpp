#include "interchange/export/subgraph.h"

#include <algorithm>

namespace kg::interchange {
namespace {

constexpr uint64_t kCancelEvery = 4096;

template <typename T>
void SortUnique(std::vector<T>* ids) {
  std::sort(ids->begin(), ids->end());
  ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  ids->shrink_to_fit();
}

bool Cancelled(const std::atomic<bool>* cancel) { return cancel && cancel->load(std::memory_order_relaxed); }

}  // namespace

Subgraph Subgraph::FromRows(const std::vector<std::vector<Value>>& rows) {
  Subgraph s(false);
  for (const auto& row : rows) {
    for (const Value& v : row) s.Collect(v);
  }
  s.Normalise();
  return s;
}

void Subgraph::Collect(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kNode:
      nodes_.push_back(value.as_node().id);
      break;
    case Value::Kind::kRelationship: {
      const RelRef& r = value.as_relationship();
      rels_.push_back(r.id);
      nodes_.push_back(r.start);
      nodes_.push_back(r.end);
      break;
    }
    case Value::Kind::kPath: {
      const PathValue& p = value.as_path();
      for (const NodeRef& n : p.nodes) nodes_.push_back(n.id);
      for (const RelRef& r : p.rels) {
        rels_.push_back(r.id);
        nodes_.push_back(r.start);
        nodes_.push_back(r.end);
      }
      break;
    }
    case Value::Kind::kList:
      for (const Value& v : value.as_list()) Collect(v);
      break;
    case Value::Kind::kMap:
      for (const auto& entry : value.as_map()) Collect(entry.second);
      break;
    default:
      break;
  }
}

void Subgraph::Normalise() {
  SortUnique(&nodes_);
  SortUnique(&rels_);
}

bool Subgraph::ContainsNode(NodeId id) const { return whole_ || std::binary_search(nodes_.begin(), nodes_.end(), id); }

Status Subgraph::AddInducedRelationships(DatabaseSnapshot& snapshot, const std::atomic<bool>* cancel) {
  if (whole_) return Status::Ok();
  uint64_t seen = 0;
  for (NodeId node : nodes_) {
    // A self-loop comes back once: it joins two exported nodes.
    KG_RETURN_IF_ERROR(snapshot.ForEachOutgoing(node, [&](RelId rel, NodeId end) {
      if (++seen % kCancelEvery == 0 && Cancelled(cancel))
        return Status::Error(ErrorKind::kInterrupted, "export cancelled");
      if (ContainsNode(end)) rels_.push_back(rel);
      return Status::Ok();
    }));
  }
  SortUnique(&rels_);
  return Status::Ok();
}

uint64_t Subgraph::NodeCount(const DatabaseSnapshot& snapshot) const {
  return whole_ ? snapshot.node_count() : nodes_.size();
}

uint64_t Subgraph::RelationshipCount(const DatabaseSnapshot& snapshot) const {
  return whole_ ? snapshot.relationship_count() : rels_.size();
}

Status Subgraph::ForEachNode(DatabaseSnapshot& snapshot, const std::function<Status(const NodeRecord&)>& visit) const {
  if (whole_) return snapshot.ForEachNode(visit);
  for (NodeId id : nodes_) {
    Result<std::optional<NodeRecord>> node = snapshot.GetNode(id);
    if (!node.ok()) return node.status();
    if (*node) KG_RETURN_IF_ERROR(visit(**node));
  }
  return Status::Ok();
}

Status Subgraph::ForEachRelationship(DatabaseSnapshot& snapshot,
                                     const std::function<Status(const RelRecord&)>& visit) const {
  if (whole_) return snapshot.ForEachRelationship(visit);
  for (RelId id : rels_) {
    Result<std::optional<RelRecord>> rel = snapshot.GetRelationship(id);
    if (!rel.ok()) return rel.status();
    if (!*rel) continue;
    // Its ends are exported nodes (FromRows added them); one deleted since
    // the query ran would leave the edge dangling.
    const RelRecord& r = **rel;
    if (!ContainsNode(r.start) || !ContainsNode(r.end)) continue;
    Result<bool> start = snapshot.NodeExists(r.start);
    if (!start.ok()) return start.status();
    Result<bool> end = snapshot.NodeExists(r.end);
    if (!end.ok()) return end.status();
    if (*start && *end) KG_RETURN_IF_ERROR(visit(r));
  }
  return Status::Ok();
}

}  // namespace kg::interchange
