// RelListExpandOp: a variable-length relationship bound to a list already,
// walked relationship by relationship from the start node (one record read
// each: a list from WITH may hold relationships without their endpoints).
#include <set>

#include "exec/as_of.h"
#include "exec/expression_evaluator.h"
#include "exec/graph_operators.h"
#include "exec/query_error.h"
#include "exec/value_ops.h"
#include "storage/transaction.h"

namespace kg {

std::optional<NodeId> RelListExpandOp::Walk(ExecContext& ctx, Row& row, NodeId from, const ValueList& rels) {
  const Value props = rel_properties_ ? Evaluate(*rel_properties_, row, ctx.eval) : Value();
  std::set<uint64_t> seen;
  NodeId at = from;
  const size_t n = rels.size();
  for (size_t k = 0; k < n; ++k) {
    const Value& v = rels[reverse_list_ ? n - 1 - k : k];
    if (!v.is_relationship()) {
      ThrowRuntime("the variable-length relationship " + detail_ + " expects a list of relationships, found " +
                   ValueKindName(v.kind()) + " in it");
    }
    const uint64_t id = v.as_relationship().id;
    if (!seen.insert(id).second || !uniqueness_.Allows(row, id)) return std::nullopt;
    auto rec = Check(ctx.txn->GetRelationship(id));
    if (!rec || !types_.Matches(rec->type) || !HoldsAsOf(ctx, id)) return std::nullopt;
    const bool forward = rec->start == at && dir_ != Direction::kIn;
    const bool backward = rec->end == at && dir_ != Direction::kOut;
    if (!forward && !backward) return std::nullopt;
    if (props.is_map()) {
      const Value rel(RelRef{id, rec->type, rec->start, rec->end, nullptr});
      for (const auto& [key, want] : props.as_map()) {
        const Value eq = CypherEquals(PropertyOf(rel, key, ctx.eval), want);
        if (!eq.is_bool() || !eq.as_bool()) return std::nullopt;
      }
    }
    at = forward ? rec->end : rec->start;
  }
  return at;
}

bool RelListExpandOp::NextImpl(ExecContext& ctx, Row& row) {
  while (child()->Next(ctx, row)) {
    const Value& from = row[from_slot_];
    const Value& list = row[rels_slot_];
    if (from.is_null() || list.is_null()) continue;
    if (!from.is_node()) ThrowRuntime("expected a node, got " + std::string(ValueKindName(from.kind())));
    if (!list.is_list()) {
      ThrowRuntime("the variable-length relationship " + detail_ + " expects a list of relationships, got " +
                   ValueKindName(list.kind()));
    }
    types_.Resolve(*ctx.txn);
    to_labels_.Resolve(*ctx.txn);
    if (types_.impossible || to_labels_.impossible) continue;
    const int64_t length = static_cast<int64_t>(list.as_list().size());
    if (length < min_hops_ || (max_hops_ >= 0 && length > max_hops_)) continue;
    const std::optional<NodeId> end = Walk(ctx, row, from.as_node().id, list.as_list());
    if (!end) continue;
    if (into_) {
      const Value& to = row[to_slot_];
      if (!to.is_node() || to.as_node().id != *end) continue;
    }
    if (!to_labels_.names.empty() && !Check(ctx.txn->HasLabels(*end, to_labels_.ids))) continue;
    if (!into_) row[to_slot_] = Value(NodeRef{*end, nullptr});
    return true;
  }
  return false;
}

}  // namespace kg
