#include "exec/write_operators.h"

#include <set>

#include "exec/expression_evaluator.h"
#include "exec/query_error.h"
#include "exec/query_stats.h"
#include "storage/transaction.h"

namespace kg {

namespace {

void CheckStorable(const std::string& key, const Value& v) {
  if (v.is_null() || v.IsStorable()) return;
  if (v.is_list()) {
    ThrowRuntime("cannot store property '" + key +
                 "': a list property may hold only numbers, strings, booleans and dates, and no nulls");
  }
  ThrowRuntime("cannot store property '" + key + "': a " + ValueKindName(v.kind()) +
               " is not a property value (use numbers, strings, booleans, dates or lists of them)");
}

// Evaluates a property map expression into storable properties.
Properties EvaluateProperties(ExecContext& ctx, Row& row, const bound::Expr* expr, bool merge) {
  Properties props;
  if (!expr) return props;
  Value m = Evaluate(*expr, row, ctx.eval);
  if (m.is_null()) return props;
  if (!m.is_map()) ThrowRuntime("expected a map of properties, got " + std::string(ValueKindName(m.kind())));
  for (const auto& [key, value] : m.as_map()) {
    if (value.is_null()) {
      if (merge) ThrowRuntime("cannot merge with a null property value: '" + key + "' is null");
      continue;
    }
    CheckStorable(key, value);
    props.push_back(Property{Check(ctx.txn->InternPropertyKey(key)), value});
  }
  return NormaliseProperties(std::move(props));
}

struct Entity {
  bool is_node = false;
  uint64_t id = 0;
};

// The node or relationship an expression names; nullopt for null.
std::optional<Entity> EntityOf(ExecContext& ctx, Row& row, const bound::Expr* expr, const char* clause) {
  Value v = Evaluate(*expr, row, ctx.eval);
  if (v.is_null()) return std::nullopt;
  if (v.is_node()) return Entity{true, v.as_node().id};
  if (v.is_relationship()) return Entity{false, v.as_relationship().id};
  ThrowRuntime(std::string(clause) + " needs a node or a relationship, got " + ValueKindName(v.kind()));
}

Properties CurrentProperties(ExecContext& ctx, const Entity& e) {
  if (e.is_node) {
    auto n = Check(ctx.txn->GetNode(e.id));
    if (!n) ThrowRuntime("node " + std::to_string(e.id) + " was deleted");
    return n->properties;
  }
  auto r = Check(ctx.txn->GetRelationship(e.id));
  if (!r) ThrowRuntime("relationship " + std::to_string(e.id) + " was deleted");
  return r->properties;
}

void SetProperty(ExecContext& ctx, const Entity& e, PropertyKeyId key, Value v) {
  if (e.is_node) {
    Check(ctx.txn->SetNodeProperty(e.id, key, std::move(v)));
  } else {
    Check(ctx.txn->SetRelProperty(e.id, key, std::move(v)));
  }
}

void ReplaceProperties(ExecContext& ctx, const Entity& e, Properties props) {
  if (e.is_node) {
    Check(ctx.txn->ReplaceNodeProperties(e.id, std::move(props)));
  } else {
    Check(ctx.txn->ReplaceRelProperties(e.id, std::move(props)));
  }
}

// The entries of a map, node or relationship used as SET's right side.
ValueMap MapOf(ExecContext& ctx, const Value& v) {
  if (v.is_null()) return {};
  if (v.is_map()) return v.as_map();
  if (v.is_node() || v.is_relationship()) {
    const Value m = Materialise(v, ctx.eval);
    const auto& view = m.is_node() ? m.as_node().view : m.as_relationship().view;
    return view ? view->properties : ValueMap{};
  }
  ThrowRuntime("SET expects a map, a node or a relationship on the right, got " + std::string(ValueKindName(v.kind())));
}

}  // namespace

void CreateInRow(ExecContext& ctx, Row& row, const CreateSpec& spec) {
  std::vector<NodeId> ids(spec.nodes.size());
  for (size_t i = 0; i < spec.nodes.size(); ++i) {
    const CreateSpec::Node& n = spec.nodes[i];
    if (n.bound) {
      const Value& v = row[n.slot];
      if (!v.is_node()) {
        ThrowRuntime(v.is_null() ? "cannot create a relationship to a missing (null) node"
                                 : "expected a node, got " + std::string(ValueKindName(v.kind())));
      }
      ids[i] = v.as_node().id;
      continue;
    }
    std::vector<LabelId> labels;
    for (const std::string& l : n.labels) labels.push_back(Check(ctx.txn->InternLabel(l)));
    Properties props = EvaluateProperties(ctx, row, n.properties, spec.merge);
    const int64_t nprops = static_cast<int64_t>(props.size());
    ids[i] = Check(ctx.txn->CreateNode(labels, std::move(props)));
    row[n.slot] = Value(NodeRef{ids[i], nullptr});
    ctx.stats->nodes_created++;
    ctx.stats->labels_added += static_cast<int64_t>(std::set<std::string>(n.labels.begin(), n.labels.end()).size());
    ctx.stats->properties_set += nprops;
  }
  for (const CreateSpec::Rel& r : spec.rels) {
    const RelTypeId type = Check(ctx.txn->InternRelType(r.type));
    Properties props = EvaluateProperties(ctx, row, r.properties, spec.merge);
    const int64_t nprops = static_cast<int64_t>(props.size());
    const NodeId start = ids[r.start], end = ids[r.end];
    const RelId id = Check(ctx.txn->CreateRelationship(type, start, end, std::move(props)));
    row[r.slot] = Value(RelRef{id, type, start, end, nullptr});
    ctx.stats->relationships_created++;
    ctx.stats->properties_set += nprops;
  }
}

void ApplySet(ExecContext& ctx, Row& row, const SetSpec& spec) {
  auto entity = EntityOf(ctx, row, spec.entity, "SET");
  if (!entity) return;  // SET on null does nothing
  switch (spec.kind) {
    case SetSpec::Kind::kProperty: {
      Value v = Evaluate(*spec.value, row, ctx.eval);
      CheckStorable(spec.key, v);
      SetProperty(ctx, *entity, Check(ctx.txn->InternPropertyKey(spec.key)), std::move(v));
      ctx.stats->properties_set++;
      break;
    }
    case SetSpec::Kind::kReplace: {
      ValueMap m = MapOf(ctx, Evaluate(*spec.value, row, ctx.eval));
      Properties props;
      for (auto& [k, v] : m) {
        if (v.is_null()) continue;
        CheckStorable(k, v);
        props.push_back(Property{Check(ctx.txn->InternPropertyKey(k)), v});
      }
      const Properties before = CurrentProperties(ctx, *entity);
      ctx.stats->properties_set += static_cast<int64_t>(props.size() + before.size());
      ReplaceProperties(ctx, *entity, NormaliseProperties(std::move(props)));
      break;
    }
    case SetSpec::Kind::kMerge: {
      ValueMap m = MapOf(ctx, Evaluate(*spec.value, row, ctx.eval));
      for (auto& [k, v] : m) {
        CheckStorable(k, v);
        SetProperty(ctx, *entity, Check(ctx.txn->InternPropertyKey(k)), v);
        ctx.stats->properties_set++;
      }
      break;
    }
    case SetSpec::Kind::kLabels: {
      if (!entity->is_node) ThrowRuntime("SET of labels needs a node, got a relationship");
      auto node = Check(ctx.txn->GetNode(entity->id));
      if (!node) ThrowRuntime("node " + std::to_string(entity->id) + " was deleted");
      for (const std::string& l : spec.labels) {
        const LabelId id = Check(ctx.txn->InternLabel(l));
        if (node->HasLabel(id)) continue;
        Check(ctx.txn->AddNodeLabel(entity->id, id));
        node = Check(ctx.txn->GetNode(entity->id));
        ctx.stats->labels_added++;
      }
      break;
    }
  }
}

CreateOp::CreateOp(OperatorPtr input, CreateSpec spec, std::string detail)
    : spec_(std::move(spec)), detail_(std::move(detail)) {
  AddChild(std::move(input));
}

bool CreateOp::NextImpl(ExecContext& ctx, Row& row) {
  if (!child()->Next(ctx, row)) return false;
  CreateInRow(ctx, row, spec_);
  return true;
}

MergeOp::MergeOp(OperatorPtr input, OperatorPtr match, CreateSpec create, std::vector<SetSpec> on_create,
                 std::vector<SetSpec> on_match, std::string detail)
    : create_(std::move(create)),
      on_create_(std::move(on_create)),
      on_match_(std::move(on_match)),
      detail_(std::move(detail)) {
  AddChild(std::move(input));
  AddChild(std::move(match));
}

void MergeOp::OpenImpl(ExecContext& ctx) {
  child(0)->Open(ctx);
  matching_ = false;
}

bool MergeOp::NextImpl(ExecContext& ctx, Row& row) {
  for (;;) {
    if (matching_) {
      if (child(1)->Next(ctx, row)) {
        for (const SetSpec& s : on_match_) ApplySet(ctx, row, s);
        return true;
      }
      matching_ = false;
      continue;
    }
    if (!child(0)->Next(ctx, row)) return false;
    // Look for a match first; only when there is none, create.
    child(1)->Open(ctx);
    Row probe = row;
    if (child(1)->Next(ctx, probe)) {
      // Re-run the match so that every match comes out through the loop.
      child(1)->Open(ctx);
      matching_ = true;
      continue;
    }
    CreateInRow(ctx, row, create_);
    for (const SetSpec& s : on_create_) ApplySet(ctx, row, s);
    return true;
  }
}

SetOp::SetOp(OperatorPtr input, std::vector<SetSpec> items, std::string detail)
    : items_(std::move(items)), detail_(std::move(detail)) {
  AddChild(std::move(input));
}

bool SetOp::NextImpl(ExecContext& ctx, Row& row) {
  if (!child()->Next(ctx, row)) return false;
  for (const SetSpec& s : items_) ApplySet(ctx, row, s);
  return true;
}

RemoveOp::RemoveOp(OperatorPtr input, std::vector<RemoveSpec> items, std::string detail)
    : items_(std::move(items)), detail_(std::move(detail)) {
  AddChild(std::move(input));
}

bool RemoveOp::NextImpl(ExecContext& ctx, Row& row) {
  if (!child()->Next(ctx, row)) return false;
  for (const RemoveSpec& s : items_) {
    auto entity = EntityOf(ctx, row, s.entity, "REMOVE");
    if (!entity) continue;
    if (s.kind == RemoveSpec::Kind::kProperty) {
      auto key = ctx.txn->catalog().FindPropertyKey(s.key);
      if (!key) continue;
      const Properties props = CurrentProperties(ctx, *entity);
      if (!FindProperty(props, *key)) continue;
      SetProperty(ctx, *entity, *key, Value());
      ctx.stats->properties_set++;
    } else {
      if (!entity->is_node) ThrowRuntime("REMOVE of labels needs a node, got a relationship");
      for (const std::string& l : s.labels) {
        auto id = ctx.txn->catalog().FindLabel(l);
        if (!id) continue;
        auto node = Check(ctx.txn->GetNode(entity->id));
        if (!node || !node->HasLabel(*id)) continue;
        Check(ctx.txn->RemoveNodeLabel(entity->id, *id));
        ctx.stats->labels_removed++;
      }
    }
  }
  return true;
}

DeleteOp::DeleteOp(OperatorPtr input, std::vector<const bound::Expr*> exprs, bool detach, std::string detail)
    : exprs_(std::move(exprs)), detach_(detach), detail_(std::move(detail)) {
  AddChild(std::move(input));
}

void DeleteOp::OpenImpl(ExecContext& ctx) {
  Operator::OpenImpl(ctx);
  rows_.clear();
  pos_ = 0;
  done_ = false;
}

bool DeleteOp::NextImpl(ExecContext& ctx, Row& row) {
  if (!done_) {
    done_ = true;
    std::vector<NodeId> nodes;
    std::vector<RelId> rels;
    std::set<NodeId> seen_nodes;
    std::set<RelId> seen_rels;
    auto add = [&](const Value& v, auto& self) -> void {
      if (v.is_null()) return;
      if (v.is_node()) {
        if (seen_nodes.insert(v.as_node().id).second) nodes.push_back(v.as_node().id);
      } else if (v.is_relationship()) {
        if (seen_rels.insert(v.as_relationship().id).second) rels.push_back(v.as_relationship().id);
      } else if (v.is_path()) {
        for (const RelRef& r : v.as_path().rels) self(Value(r), self);
        for (const NodeRef& n : v.as_path().nodes) self(Value(n), self);
      } else {
        ThrowRuntime("DELETE needs a node, a relationship or a path, got " + std::string(ValueKindName(v.kind())));
      }
    };
    while (child()->Next(ctx, row)) {
      for (const bound::Expr* e : exprs_) add(Evaluate(*e, row, ctx.eval), add);
      rows_.push_back(row);
    }
    for (RelId r : rels) {
      if (!Check(ctx.txn->GetRelationship(r))) continue;
      Check(ctx.txn->DeleteRelationship(r));
      ctx.stats->relationships_deleted++;
    }
    for (NodeId n : nodes) {
      if (!Check(ctx.txn->NodeExists(n))) continue;
      if (detach_)
        ctx.stats->relationships_deleted += static_cast<int64_t>(Check(ctx.txn->Degree(n, Direction::kBoth)));
      Check(ctx.txn->DeleteNode(n, detach_));
      ctx.stats->nodes_deleted++;
    }
  }
  if (pos_ >= rows_.size()) return false;
  row = std::move(rows_[pos_++]);
  return true;
}

}  // namespace kg
