#include "exec/graph_operators.h"

#include <algorithm>
#include <cmath>

#include "exec/as_of.h"
#include "exec/expression_evaluator.h"
#include "exec/query_error.h"
#include "exec/value_ops.h"
#include "storage/transaction.h"

namespace kg {

namespace {

// The node in a slot; nullopt for null. Anything else is a type error.
std::optional<NodeId> NodeIn(const Row& row, int slot) {
  const Value& v = row[slot];
  if (v.is_null()) return std::nullopt;
  if (!v.is_node()) ThrowRuntime("expected a node, got " + std::string(ValueKindName(v.kind())));
  return v.as_node().id;
}

}  // namespace

RelRef ToRelRef(const AdjacencyEntry& e) {
  RelRef r;
  r.id = e.rel;
  r.type = e.type;
  if (e.direction == Direction::kOut) {
    r.start = e.node;
    r.end = e.neighbour;
  } else {
    r.start = e.neighbour;
    r.end = e.node;
  }
  return r;
}

void LabelSet::Resolve(const Transaction& txn) {
  if (resolved && !impossible) return;
  resolved = true;
  ids.clear();
  impossible = false;
  for (const std::string& n : names) {
    auto id = txn.catalog().FindLabel(n);
    if (!id) {
      impossible = true;
      return;
    }
    ids.push_back(*id);
  }
}

bool LabelSet::Matches(const NodeRecord& node) const {
  if (impossible) return false;
  for (LabelId l : ids) {
    if (!node.HasLabel(l)) return false;
  }
  return true;
}

void TypeSet::Resolve(const Transaction& txn) {
  if (resolved && (!impossible && ids.size() == names.size())) return;
  resolved = true;
  ids.clear();
  impossible = false;
  for (const std::string& n : names) {
    if (auto id = txn.catalog().FindRelType(n)) ids.push_back(*id);
  }
  impossible = !names.empty() && ids.empty();
}

bool TypeSet::Matches(RelTypeId type) const {
  if (impossible) return false;
  return ids.empty() || std::find(ids.begin(), ids.end(), type) != ids.end();
}

// ---- NodeScanOp ----

NodeScanOp::NodeScanOp(OperatorPtr input, int slot, Mode mode, std::vector<std::string> labels, std::string property,
                       const bound::Expr* value, std::string variable)
    : slot_(slot), mode_(mode), property_(std::move(property)), value_(value), variable_(std::move(variable)) {
  labels_.names = std::move(labels);
  AddChild(std::move(input));
}

std::string NodeScanOp::Name() const {
  switch (mode_) {
    case Mode::kAll:
      return "AllNodesScan";
    case Mode::kLabel:
      return "NodeByLabelScan";
    case Mode::kKeySeek:
      return "NodeByKeySeek";
    case Mode::kIndexSeek:
      return "NodeIndexSeek";
  }
  return "?";
}

std::string NodeScanOp::Detail() const {
  std::string out = "(" + variable_;
  for (const std::string& l : labels_.names) out += ":" + l;
  out += ")";
  if (mode_ == Mode::kKeySeek) out += " key = " + value_->text;
  if (mode_ == Mode::kIndexSeek) out += " " + property_ + " = " + value_->text;
  if (mode_ == Mode::kLabel && value_) out += ", column " + variable_ + "." + property_ + " = " + value_->text;
  return out;
}

void NodeScanOp::OpenImpl(ExecContext& ctx) {
  Operator::OpenImpl(ctx);
  active_ = false;
}

bool NodeScanOp::Accept(ExecContext& ctx, NodeId id) {
  if (labels_.names.empty() && mode_ != Mode::kKeySeek) return true;
  if (labels_.impossible) return false;
  return Check(ctx.txn->HasLabels(id, labels_.ids));
}

bool NodeScanOp::StartScan(ExecContext& ctx, Row& row) {
  all_.reset();
  ids_.reset();
  single_.reset();
  labels_.Resolve(*ctx.txn);
  if (labels_.impossible) return false;
  scan_value_.reset();
  switch (mode_) {
    case Mode::kAll:
      MakeCursor(ctx);
      return true;
    case Mode::kLabel: {
      if (value_) {
        // Only nodes that may pass the equality this scan checks.
        Value v;
        try {
          v = Evaluate(*value_, row, ctx.eval);
        } catch (const QueryError&) {
          // Leave the error to the predicate, met only if a node comes.
          MakeCursor(ctx);
          return true;
        }
        if (v.is_null()) return false;  // `=` null is never true
        auto key = ctx.txn->catalog().FindPropertyKey(property_);
        if (!key) return false;  // no node has the property
        scan_value_ = std::move(v);
        scan_key_ = *key;
      }
      MakeCursor(ctx);
      return true;
    }
    case Mode::kKeySeek: {
      Value v = Evaluate(*value_, row, ctx.eval);
      if (v.is_null()) return false;
      single_ = Check(ctx.txn->FindNodeByKey(v));
      // Keys are stored as written; 1 and 1.0 are equal in a query.
      if (!single_ && v.is_float() && std::fabs(v.as_float()) < 9e18 &&
          v.as_float() == static_cast<double>(static_cast<int64_t>(v.as_float()))) {
        single_ = Check(ctx.txn->FindNodeByKey(Value(static_cast<int64_t>(v.as_float()))));
      } else if (!single_ && v.is_int()) {
        single_ = Check(ctx.txn->FindNodeByKey(Value(static_cast<double>(v.as_int()))));
      }
      return true;
    }
    case Mode::kIndexSeek: {
      Value v = Evaluate(*value_, row, ctx.eval);
      if (v.is_null() || !v.IsStorable() || v.is_list()) return false;
      auto key = ctx.txn->catalog().FindPropertyKey(property_);
      if (!key) return false;
      ids_ = Check(ctx.txn->ScanIndex(labels_.ids[0], *key, IndexRange::Equal(v)));
      return true;
    }
  }
  return false;
}

void NodeScanOp::MakeCursor(ExecContext& ctx) {
  all_.reset();
  ids_.reset();
  const GraphProjection* p = ctx.txn->projection();
  on_projection_ = p && p->has_nodes();
  if (mode_ == Mode::kAll) {
    if (p && p->has_nodes()) {
      ids_ = ctx.txn->ScanNodeIds();
    } else {
      all_ = ctx.txn->ScanNodes();
    }
  } else if (scan_value_) {
    ids_ = ctx.txn->ScanLabelMaybeEqual(labels_.ids[0], scan_key_, *scan_value_);
  } else {
    ids_ = ctx.txn->ScanLabel(labels_.ids[0]);
  }
}

void NodeScanOp::Step(ExecContext& ctx, NodeId id) {
  if (on_projection_ || ++ctx.graph_steps < ctx.project_after_steps) return;
  Check(ctx.txn->UseProjection(kProjectNodes, ctx.interrupt));
  const GraphProjection* after = ctx.txn->projection();
  if (!after || !after->has_nodes()) {  // a write transaction: RocksDB it stays
    on_projection_ = true;              // (and no more asking)
    return;
  }
  // Both cursors give ids in order: go on after the last one given.
  MakeCursor(ctx);
  if (all_) return;
  while (ids_->Valid() && ids_->id() <= id) ids_->Next();
}

bool NodeScanOp::NextImpl(ExecContext& ctx, Row& row) {
  for (;;) {
    if (active_) {
      if (all_) {
        bool switched = false;
        while (all_->Valid()) {
          const NodeRecord& rec = all_->record();
          const NodeId id = rec.id;
          const bool ok = labels_.Matches(rec);
          all_->Next();
          Step(ctx, id);
          switched = !all_;
          if (ok) {
            row[slot_] = Value(NodeRef{id, nullptr});
            return true;
          }
          if (switched) break;
        }
        if (switched) continue;  // on with the projection's cursor
        if (!all_->status().ok()) ThrowStatus(all_->status());
      } else if (ids_) {
        while (ids_->Valid()) {
          const NodeId id = ids_->id();
          const bool certain = ids_->certain();
          ids_->Next();
          if (mode_ == Mode::kAll || mode_ == Mode::kLabel) Step(ctx, id);
          const bool labelled =
              (labels_.ids.size() <= 1 && mode_ == Mode::kLabel) || (labels_.ids.empty() && mode_ == Mode::kAll);
          if (!labelled && !Accept(ctx, id)) continue;
          row[slot_] = Value(NodeRef{id, nullptr});
          if (predicate_ && !certain && !IsTrue(Evaluate(*predicate_, row, ctx.eval))) continue;
          return true;
        }
        if (!ids_->status().ok()) ThrowStatus(ids_->status());
      } else if (single_) {
        const NodeId id = *single_;
        single_.reset();
        if (Accept(ctx, id)) {
          row[slot_] = Value(NodeRef{id, nullptr});
          return true;
        }
      }
      active_ = false;
    }
    if (!child()->Next(ctx, row)) return false;
    active_ = StartScan(ctx, row);
  }
}

// ---- RelUniqueness ----

bool RelUniqueness::Allows(const Row& row, uint64_t rel) const {
  for (int s : rel_slots) {
    const Value& v = row[s];
    if (v.is_relationship() && v.as_relationship().id == rel) return false;
  }
  for (int s : rel_list_slots) {
    const Value& v = row[s];
    if (!v.is_list()) continue;
    for (const Value& r : v.as_list()) {
      if (r.is_relationship() && r.as_relationship().id == rel) return false;
    }
  }
  return true;
}

// ---- ExpandOp ----

ExpandOp::ExpandOp(OperatorPtr input, int from_slot, int rel_slot, int to_slot, Direction dir,
                   std::vector<std::string> types, std::vector<std::string> to_labels, bool into,
                   RelUniqueness uniqueness, std::string detail)
    : from_slot_(from_slot),
      rel_slot_(rel_slot),
      to_slot_(to_slot),
      dir_(dir),
      into_(into),
      uniqueness_(std::move(uniqueness)),
      detail_(std::move(detail)) {
  types_.names = std::move(types);
  to_labels_.names = std::move(to_labels);
  AddChild(std::move(input));
}

void ExpandOp::OpenImpl(ExecContext& ctx) {
  Operator::OpenImpl(ctx);
  cursor_.reset();
}

namespace {

// An expansion after a scan counts towards the statement's steps; past the
// threshold the whole projection is built and later expansions use it.
void ExpansionStep(ExecContext& ctx) {
  if (ctx.asked_adjacency || ++ctx.graph_steps < ctx.project_after_steps) return;
  ctx.asked_adjacency = true;
  Check(ctx.txn->UseProjection(kProjectAll, ctx.interrupt));
}

}  // namespace

bool ExpandOp::NextImpl(ExecContext& ctx, Row& row) {
  for (;;) {
    if (cursor_) {
      while (cursor_->Valid()) {
        const AdjacencyEntry e = cursor_->entry();
        cursor_->Next();
        if (bound_rel_) {
          const Value& bound = row[rel_slot_];
          if (!bound.is_relationship() || bound.as_relationship().id != e.rel) continue;
        } else if (!uniqueness_.Allows(row, e.rel)) {
          continue;
        }
        if (into_) {
          auto to = NodeIn(row, to_slot_);
          if (!to || *to != e.neighbour) continue;
        }
        if (!to_labels_.names.empty() && !Check(ctx.txn->HasLabels(e.neighbour, to_labels_.ids))) continue;
        if (!HoldsAsOf(ctx, e.rel)) continue;
        row[rel_slot_] = Value(ToRelRef(e));
        if (!into_) row[to_slot_] = Value(NodeRef{e.neighbour, nullptr});
        return true;
      }
      if (!cursor_->status().ok()) ThrowStatus(cursor_->status());
      cursor_.reset();
    }
    if (!child()->Next(ctx, row)) return false;
    auto from = NodeIn(row, from_slot_);
    types_.Resolve(*ctx.txn);
    to_labels_.Resolve(*ctx.txn);
    if (!from || types_.impossible || to_labels_.impossible) continue;
    if (into_ && !NodeIn(row, to_slot_)) continue;
    if (bound_rel_ && !row[rel_slot_].is_relationship()) continue;
    if (whole_graph_) ExpansionStep(ctx);
    cursor_ = ctx.txn->Expand(*from, dir_, types_.ids, into_ ? NodeIn(row, to_slot_) : std::nullopt);
  }
}

// ---- VarLengthPatternOp ----

VarLengthPatternOp::VarLengthPatternOp(OperatorPtr input, int from_slot, int rels_slot, int to_slot, Direction dir,
                                       std::vector<std::string> types, std::vector<std::string> to_labels, bool into,
                                       int64_t min_hops, int64_t max_hops, bool reverse_list,
                                       const bound::Expr* rel_properties, RelUniqueness uniqueness, std::string detail)
    : from_slot_(from_slot),
      rels_slot_(rels_slot),
      to_slot_(to_slot),
      dir_(dir),
      into_(into),
      min_hops_(min_hops),
      max_hops_(max_hops),
      reverse_list_(reverse_list),
      rel_properties_(rel_properties),
      uniqueness_(std::move(uniqueness)),
      detail_(std::move(detail)) {
  types_.names = std::move(types);
  to_labels_.names = std::move(to_labels);
  AddChild(std::move(input));
}

// ---- VarLengthExpandOp ----

void VarLengthExpandOp::OpenImpl(ExecContext& ctx) {
  Operator::OpenImpl(ctx);
  active_ = false;
  pending_ = false;
  stack_.clear();
  path_.clear();
}

bool VarLengthExpandOp::EndMatches(ExecContext& ctx, const Row& row, NodeId node) {
  if (into_) {
    auto to = NodeIn(row, to_slot_);
    if (!to || *to != node) return false;
  }
  if (!to_labels_.names.empty() && !Check(ctx.txn->HasLabels(node, to_labels_.ids))) return false;
  return true;
}

bool VarLengthExpandOp::RelMatches(ExecContext& ctx, const AdjacencyEntry& e) {
  if (!props_.is_map() || props_.as_map().empty()) return true;
  auto rec = Check(ctx.txn->GetRelationship(e.rel));
  if (!rec) return false;
  Value rel(RelRef{e.rel, e.type, 0, 0, nullptr});
  for (const auto& [key, want] : props_.as_map()) {
    Value have = PropertyOf(rel, key, ctx.eval);
    Value eq = CypherEquals(have, want);
    if (!eq.is_bool() || !eq.as_bool()) return false;
  }
  return true;
}

void VarLengthExpandOp::Emit(Row& row, NodeId end) {
  ValueList rels;
  rels.reserve(path_.size());
  for (const RelRef& r : path_) rels.emplace_back(r);
  if (reverse_list_) std::reverse(rels.begin(), rels.end());
  row[rels_slot_] = Value(std::move(rels));
  if (!into_) row[to_slot_] = Value(NodeRef{end, nullptr});
}

bool VarLengthExpandOp::NextImpl(ExecContext& ctx, Row& row) {
  for (;;) {
    if (pending_) {
      pending_ = false;
      Emit(row, pending_end_);
      return true;
    }
    if (!active_) {
      if (!child()->Next(ctx, row)) return false;
      auto from = NodeIn(row, from_slot_);
      types_.Resolve(*ctx.txn);
      to_labels_.Resolve(*ctx.txn);
      if (!from || types_.impossible) continue;
      if (into_ && !NodeIn(row, to_slot_)) continue;
      props_ = rel_properties_ ? Evaluate(*rel_properties_, row, ctx.eval) : Value();
      limit_ = max_hops_ >= 0 ? max_hops_ : ctx.max_path_length + 1;
      stack_.clear();
      path_.clear();
      if (whole_graph_) ExpansionStep(ctx);
      stack_.push_back(Frame{*from, limit_ > 0 ? ctx.txn->Expand(*from, dir_, types_.ids) : nullptr});
      active_ = true;
      if (min_hops_ == 0 && EndMatches(ctx, row, *from)) {
        pending_ = true;
        pending_end_ = *from;
      }
      continue;
    }
    if (stack_.empty()) {
      active_ = false;
      continue;
    }
    CheckInterrupt(ctx);  // a search may step through many paths before it emits one
    Frame& top = stack_.back();
    if (!top.cursor || !top.cursor->Valid()) {
      if (top.cursor && !top.cursor->status().ok()) ThrowStatus(top.cursor->status());
      stack_.pop_back();
      if (!path_.empty() && stack_.size() == path_.size()) path_.pop_back();
      continue;
    }
    const AdjacencyEntry e = top.cursor->entry();
    top.cursor->Next();
    bool used = false;
    for (const RelRef& r : path_) used = used || r.id == e.rel;
    if (used || !uniqueness_.Allows(row, e.rel) || !RelMatches(ctx, e) || !HoldsAsOf(ctx, e.rel)) continue;
    const int64_t depth = static_cast<int64_t>(path_.size()) + 1;
    if (max_hops_ < 0 && depth > ctx.max_path_length) {
      ThrowRuntime("variable-length pattern " + detail_ + " goes beyond " + std::to_string(ctx.max_path_length) +
                   " hops, the depth cap; give it an upper bound such as *.." + std::to_string(ctx.max_path_length));
    }
    path_.push_back(ToRelRef(e));
    stack_.push_back(Frame{e.neighbour, depth < limit_ ? ctx.txn->Expand(e.neighbour, dir_, types_.ids) : nullptr});
    if (depth >= min_hops_ && depth <= (max_hops_ >= 0 ? max_hops_ : ctx.max_path_length) &&
        EndMatches(ctx, row, e.neighbour)) {
      pending_ = true;
      pending_end_ = e.neighbour;
    }
  }
}

// ---- ProjectPathOp ----

ProjectPathOp::ProjectPathOp(OperatorPtr input, int first_node_slot, std::vector<Step> steps, int path_slot,
                             std::string variable)
    : first_node_slot_(first_node_slot),
      steps_(std::move(steps)),
      path_slot_(path_slot),
      variable_(std::move(variable)) {
  AddChild(std::move(input));
}

bool ProjectPathOp::NextImpl(ExecContext& ctx, Row& row) {
  if (!child()->Next(ctx, row)) return false;
  const Value& first = row[first_node_slot_];
  if (!first.is_node()) {
    row[path_slot_] = Value();
    return true;
  }
  PathValue path;
  path.nodes.push_back(first.as_node());
  for (const Step& step : steps_) {
    const Value& rel = row[step.rel_slot];
    if (rel.is_null()) {
      row[path_slot_] = Value();
      return true;
    }
    auto add_rel = [&](const RelRef& r) {
      const uint64_t at = path.nodes.back().id;
      path.rels.push_back(r);
      path.nodes.push_back(NodeRef{r.start == at ? r.end : r.start, nullptr});
    };
    if (step.variable_length) {
      for (const Value& r : rel.as_list()) add_rel(r.as_relationship());
    } else {
      add_rel(rel.as_relationship());
    }
  }
  row[path_slot_] = Value::Path(std::move(path));
  return true;
}

}  // namespace kg
