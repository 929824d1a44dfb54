// Planning patterns: MATCH (where the start point is chosen), patterns in
// expressions, CREATE and MERGE.
#include <algorithm>
#include <limits>

#include "binder/pattern_binder.h"
#include "exec/join_operators.h"
#include "exec/relational_operators.h"
#include "planner/planner_internal.h"

namespace kg::planner {

namespace {

using binder::HiddenName;
using binder::IsHidden;
using PartSlots = binder::PatternSlots;

std::string NodeText(const ast::NodePattern& n) {
  std::string out = "(" + (IsHidden(n.variable) ? std::string() : n.variable);
  for (const auto& l : n.labels) out += ":" + l;
  return out + ")";
}

std::string RelText(const ast::RelPattern& r) {
  std::string out = r.direction == ast::RelDirection::kLeft ? "<-[" : "-[";
  if (!IsHidden(r.variable)) out += r.variable;
  for (size_t i = 0; i < r.types.size(); ++i) out += (i ? "|" : ":") + r.types[i];
  if (r.variable_length) {
    out += "*";
    if (r.min_hops) out += std::to_string(*r.min_hops);
    if (r.min_hops != r.max_hops || !r.min_hops) out += "..";
    if (r.max_hops && r.min_hops != r.max_hops) out += std::to_string(*r.max_hops);
  }
  out += r.direction == ast::RelDirection::kRight ? "]->" : "]-";
  return out;
}

// A conjunct of WHERE or of a property map: read as written to place it,
// evaluated bound.
struct Predicate {
  const ast::Expr* expr;
  std::set<std::string> vars;
  const bound::Expr* bound = nullptr;
  bool applied = false;
};

}  // namespace

static void SplitConjuncts(const ast::Expr* e, std::vector<const ast::Expr*>* out) {
  if (e->kind == ast::ExprKind::kBinary && e->op == ast::Op::kAnd) {
    SplitConjuncts(e->args[0].get(), out);
    SplitConjuncts(e->args[1].get(), out);
    return;
  }
  out->push_back(e);
}

namespace {

// Plans the parts of one pattern (MATCH, OPTIONAL MATCH, MERGE's match, a
// pattern in an expression) on top of `plan`.
class PatternPlanner {
 public:
  PatternPlanner(QueryPlanner& p, Scope& scope, const Scope& before) : p_(p), scope_(scope) {
    for (const auto& [name, v] : before.vars) bound_.insert(name);
  }

  void AddBoundRelationship(int slot) { uniqueness_.rel_slots.push_back(slot); }

  void AddPredicate(const ast::Expr* e) {
    Predicate pred{e, {}};
    CollectVariables(*e, &pred.vars);
    preds_.push_back(std::move(pred));
  }

  // Property maps become equality predicates.
  void AddPropertyPredicates(const std::string& var, const ast::Expr* props, Position pos) {
    if (!props) return;
    if (props->kind != ast::ExprKind::kMap) {
      ThrowUnsupported("a parameter as the property map of a pattern in MATCH (write the keys out)", pos);
    }
    for (size_t i = 0; i < props->keys.size(); ++i) {
      auto eq = MakeBinary(ast::Op::kEq, MakeProperty(MakeVariable(var, pos), props->keys[i], pos),
                           CloneExpr(*props->args[i]), pos);
      AddPredicate(p_.Made(std::move(eq)));
    }
  }

  void BindPredicates(const char* context) {
    BindOptions options;
    options.context = context;
    options.predicate = true;
    for (auto& pred : preds_) {
      pred.bound = p_.Bind(*pred.expr, scope_, options);
      CheckPredicateKind(*pred.bound);
    }
  }

  OperatorPtr Apply(OperatorPtr plan) {
    for (auto& pred : preds_) {
      if (pred.applied) continue;
      bool ready = true;
      for (const auto& v : pred.vars) {
        if (!bound_.count(v) && scope_.Find(v)) ready = false;
      }
      if (!ready) continue;
      pred.applied = true;
      plan = std::make_unique<FilterOp>(std::move(plan), pred.bound, pred.expr->text);
    }
    return plan;
  }

  // Equality predicate `var.key = <expr of bound variables>`: its value side.
  const bound::Expr* EqualityOn(const std::string& var, const std::string& key, Predicate** which = nullptr) {
    std::string found = key;
    return FindEquality(var, &found, which);
  }

  // The first equality predicate `var.<some key> = <expr of bound
  // variables>` (not yet applied): its value side, and the key in *key.
  const bound::Expr* AnyEqualityOn(const std::string& var, std::string* key, Predicate** which) {
    key->clear();
    return FindEquality(var, key, which);
  }

  // Both of the above: *key names the key, or is empty for any (and then
  // receives the one found).
  // The value side is the bound predicate's operand (a binary keeps its
  // operands in order).
  const bound::Expr* FindEquality(const std::string& var, std::string* key, Predicate** which) {
    for (auto& pred : preds_) {
      if (pred.applied) continue;
      const ast::Expr* e = pred.expr;
      if (e->kind != ast::ExprKind::kBinary || e->op != ast::Op::kEq) continue;
      for (int side = 0; side < 2; ++side) {
        const ast::Expr* prop = e->args[side].get();
        const ast::Expr* value = e->args[1 - side].get();
        if (prop->kind != ast::ExprKind::kProperty || (!key->empty() && prop->name != *key)) continue;
        if (prop->args[0]->kind != ast::ExprKind::kVariable || prop->args[0]->name != var) continue;
        std::set<std::string> vars;
        CollectVariables(*value, &vars);
        bool ok = true;
        for (const auto& v : vars) ok = ok && bound_.count(v) > 0;
        if (ok) {
          if (which) *which = &pred;
          *key = prop->name;
          return pred.bound->args[1 - side].get();
        }
      }
    }
    return nullptr;
  }

  // Scans for (or seeks) the node that starts a part.
  OperatorPtr Scan(OperatorPtr plan, const ast::NodePattern& n, int slot) {
    const Catalog& c = p_.catalog_;
    std::vector<std::string> labels = n.labels;
    Predicate* key_pred = nullptr;
    if (const bound::Expr* key = EqualityOn(n.variable, std::string(kKeyProperty), &key_pred)) {
      // The seek finds exactly the node whose key equals the value: the
      // predicate needs no second check.
      key_pred->applied = true;
      return std::make_unique<NodeScanOp>(std::move(plan), slot, NodeScanOp::Mode::kKeySeek, labels, "", key,
                                          Display(n.variable));
    }
    for (size_t i = 0; i < labels.size(); ++i) {
      auto label = c.FindLabel(labels[i]);
      if (!label) continue;
      for (PropertyKeyId key : c.IndexedKeys(*label)) {
        const std::string& name = c.PropertyKeyName(key);
        Predicate* pred = nullptr;
        if (const bound::Expr* value = EqualityOn(n.variable, name, &pred)) {
          // The index compares values as `=` does (1 = 1.0, strings
          // exactly): the predicate needs no second check.
          pred->applied = true;
          std::swap(labels[0], labels[i]);
          return std::make_unique<NodeScanOp>(std::move(plan), slot, NodeScanOp::Mode::kIndexSeek, labels, name, value,
                                              Display(n.variable));
        }
      }
    }
    if (!labels.empty()) {
      // The least frequent label; one the catalog does not know matches
      // nothing (unless the statement creates it first) and is cheapest.
      size_t best = 0;
      uint64_t best_count = std::numeric_limits<uint64_t>::max();
      for (size_t i = 0; i < labels.size(); ++i) {
        auto label = c.FindLabel(labels[i]);
        const uint64_t count = label ? c.NodesWithLabel(*label) : 0;
        if (count < best_count) best_count = count, best = i;
      }
      std::swap(labels[0], labels[best]);
      // An equality on a property lets the scan compare the property's
      // column in memory before any row is made; the scan checks the
      // predicate itself where the column cannot settle it.
      std::string column;
      Predicate* pred = nullptr;
      const bound::Expr* value = AnyEqualityOn(n.variable, &column, &pred);
      started_with_scan_ = started_with_scan_ || value == nullptr;
      auto scan = std::make_unique<NodeScanOp>(std::move(plan), slot, NodeScanOp::Mode::kLabel, labels, column, value,
                                               Display(n.variable));
      if (value) {
        pred->applied = true;
        scan->CheckPredicate(pred->bound);
      }
      return scan;
    }
    started_with_scan_ = true;
    return std::make_unique<NodeScanOp>(std::move(plan), slot, NodeScanOp::Mode::kAll, labels, "", nullptr,
                                        Display(n.variable));
  }

  // How costly starting at this node is (lower is better).
  uint64_t StartCost(const ast::NodePattern& n) {
    if (bound_.count(n.variable)) return 0;
    const Catalog& c = p_.catalog_;
    if (EqualityOn(n.variable, std::string(kKeyProperty))) return 1;
    uint64_t best = c.node_count() + 2;
    for (const auto& l : n.labels) {
      auto label = c.FindLabel(l);
      if (!label) return 1;
      for (PropertyKeyId key : c.IndexedKeys(*label)) {
        if (EqualityOn(n.variable, c.PropertyKeyName(key))) best = std::min<uint64_t>(best, 2);
      }
      best = std::min<uint64_t>(best, c.NodesWithLabel(*label) + 2);
    }
    return best;
  }

  OperatorPtr LabelFilter(OperatorPtr plan, const ast::NodePattern& n) {
    if (n.labels.empty()) return plan;
    auto variable = std::make_unique<bound::Expr>();
    variable->kind = bound::ExprKind::kVariable;
    variable->pos = n.pos;
    variable->name = n.variable;
    variable->text = n.variable;
    variable->slot = scope_.Find(n.variable)->slot;
    auto check = std::make_unique<bound::Expr>();
    check->kind = bound::ExprKind::kLabelCheck;
    check->pos = n.pos;
    check->labels = n.labels;
    check->args.push_back(std::move(variable));
    check->text = Display(n.variable);
    for (const auto& l : n.labels) check->text += ":" + l;
    check->static_kind = Value::Kind::kBool;
    const bound::Expr* e = p_.Own(std::move(check));
    return std::make_unique<FilterOp>(std::move(plan), e, e->text);
  }

  // Set when the pattern is planned on the query's Start (the first MATCH,
  // not under OPTIONAL MATCH or a pattern expression): a join may build a
  // whole side once.
  void SetTopLevel(bool top) { top_level_ = top; }

  OperatorPtr PlanPart(OperatorPtr plan, ast::PatternPart& part, const PartSlots& slots, bool last) {
    if (part.kind != ast::PatternPart::Kind::kPlain) return PlanShortest(std::move(plan), part, slots);
    OperatorPtr out = HashJoinable(part, slots, last) ? HashJoinPart(std::move(plan), part, slots)
                                                      : PlanChain(std::move(plan), part, slots);
    for (const auto& r : part.rels) types_used_.insert(r.types.begin(), r.types.end());
    return out;
  }

  // The last part of a top-level MATCH that closes a cycle over a
  // whole-graph scan (two or more of its nodes bound already), e.g.
  //   MATCH (p:Person)-[:ATTENDED]->(:Event)-[:HELD_IN]->(pl),
  //         (p)-[:MEMBER_OF]->(:Organization)-[:LOCATED_IN]->(pl)
  // is planned on its own and hash-joined on the bound nodes instead of
  // being expanded from every row. Relationship uniqueness needs no check
  // across the join: every relationship of the part has types, none of
  // them used by the other parts.
  bool HashJoinable(const ast::PatternPart& part, const PartSlots& slots, bool last) const {
    if (!top_level_ || !last || !started_with_scan_ || slots.path >= 0 || part.rels.size() < 2) return false;
    // A WHERE might make the probe side small; then expanding from its rows
    // costs less than building the whole other side.
    if (!preds_.empty()) return false;
    const std::set<std::string> shared = BoundNodes(part);
    if (shared.size() < 2 || shared.size() > HashJoinOp::kMaxJoinSlots) return false;
    for (const auto& r : part.rels) {
      if (r.variable_length || r.types.empty() || bound_.count(r.variable)) return false;
      for (const auto& t : r.types) {
        if (types_used_.count(t)) return false;
      }
    }
    return true;
  }

  // The part's nodes bound already (by earlier parts): what a join joins on.
  std::set<std::string> BoundNodes(const ast::PatternPart& part) const {
    std::set<std::string> out;
    for (const auto& n : part.nodes) {
      if (bound_.count(n.variable)) out.insert(n.variable);
    }
    return out;
  }

  OperatorPtr HashJoinPart(OperatorPtr plan, ast::PatternPart& part, const PartSlots& slots) {
    const std::set<std::string> shared = BoundNodes(part);
    const std::set<std::string> outer = bound_;
    const RelUniqueness outer_uniqueness = uniqueness_;
    bound_.clear();
    uniqueness_ = RelUniqueness{};
    OperatorPtr build = PlanChain(std::make_unique<StartOp>(), part, slots);
    std::vector<int> join_slots, keep_slots;
    std::string detail;
    for (const auto& v : shared) {
      join_slots.push_back(scope_.Find(v)->slot);
      detail += (detail.empty() ? "" : ", ") + Display(v);
    }
    for (const auto& v : bound_) {
      if (shared.count(v) || IsHidden(v)) continue;  // hidden ones: nothing after this part reads them
      keep_slots.push_back(scope_.Find(v)->slot);
    }
    const RelUniqueness inner = uniqueness_;
    uniqueness_ = outer_uniqueness;
    uniqueness_.rel_slots.insert(uniqueness_.rel_slots.end(), inner.rel_slots.begin(), inner.rel_slots.end());
    bound_.insert(outer.begin(), outer.end());
    plan = std::make_unique<HashJoinOp>(std::move(plan), std::move(build), std::move(join_slots), std::move(keep_slots),
                                        "on " + detail);
    return Apply(std::move(plan));
  }

  // A part as a chain of expansions from its cheapest node.
  OperatorPtr PlanChain(OperatorPtr plan, ast::PatternPart& part, const PartSlots& slots) {
    // Start at the cheapest node.
    size_t start = 0;
    uint64_t best = std::numeric_limits<uint64_t>::max();
    for (size_t i = 0; i < part.nodes.size(); ++i) {
      const uint64_t cost = StartCost(part.nodes[i]);
      if (cost < best) best = cost, start = i;
    }
    plan = BindNode(std::move(plan), part.nodes[start], slots.nodes[start]);
    for (size_t i = start; i < part.rels.size(); ++i) {
      plan = ExpandStep(std::move(plan), part, slots, i, /*rightwards=*/true);
    }
    for (size_t i = start; i-- > 0;) plan = ExpandStep(std::move(plan), part, slots, i, /*rightwards=*/false);
    if (slots.path >= 0) plan = ProjectPath(std::move(plan), part, slots);
    return plan;
  }

  OperatorPtr BindNode(OperatorPtr plan, const ast::NodePattern& n, int slot) {
    if (bound_.count(n.variable)) {
      plan = LabelFilter(std::move(plan), n);
    } else {
      plan = Scan(std::move(plan), n, slot);
      bound_.insert(n.variable);
    }
    return Apply(std::move(plan));
  }

  OperatorPtr ExpandStep(OperatorPtr plan, ast::PatternPart& part, const PartSlots& slots, size_t i, bool rightwards) {
    const ast::RelPattern& r = part.rels[i];
    const size_t from = rightwards ? i : i + 1;
    const size_t to = rightwards ? i + 1 : i;
    const ast::NodePattern& to_node = part.nodes[to];
    Direction dir = Direction::kBoth;
    if (r.direction == ast::RelDirection::kRight) dir = rightwards ? Direction::kOut : Direction::kIn;
    if (r.direction == ast::RelDirection::kLeft) dir = rightwards ? Direction::kIn : Direction::kOut;
    const bool into = bound_.count(to_node.variable) > 0;
    std::vector<std::string> to_labels = into ? std::vector<std::string>{} : to_node.labels;
    const std::string detail =
        rightwards
            ? Display(part.nodes[i].variable) + RelText(r) + Display(part.nodes[i + 1].variable)
            : Display(part.nodes[i].variable) + RelText(r) + Display(part.nodes[i + 1].variable) + " (from the right)";
    if (r.variable_length && bound_.count(r.variable)) {
      // The list is bound already: follow it (its own relationships are not
      // in the uniqueness yet, so they are checked against the others).
      plan = std::make_unique<RelListExpandOp>(
          std::move(plan), slots.nodes[from], slots.rels[i], slots.nodes[to], dir, r.types, to_labels, into,
          r.min_hops.value_or(1), r.max_hops ? *r.max_hops : -1, !rightwards, BindProperties(r), uniqueness_, detail);
      uniqueness_.rel_list_slots.push_back(slots.rels[i]);
    } else if (r.variable_length) {
      const int64_t min = r.min_hops.value_or(1);
      const int64_t max = r.max_hops ? *r.max_hops : -1;
      auto expand = std::make_unique<VarLengthExpandOp>(std::move(plan), slots.nodes[from], slots.rels[i],
                                                        slots.nodes[to], dir, r.types, to_labels, into, min, max,
                                                        !rightwards, BindProperties(r), uniqueness_, detail);
      if (started_with_scan_) expand->ReadsWholeGraph();
      plan = std::move(expand);
      uniqueness_.rel_list_slots.push_back(slots.rels[i]);
    } else {
      auto expand = std::make_unique<ExpandOp>(std::move(plan), slots.nodes[from], slots.rels[i], slots.nodes[to], dir,
                                               r.types, to_labels, into, uniqueness_, detail);
      if (bound_.count(r.variable)) expand->RequireBoundRelationship();
      if (started_with_scan_) expand->ReadsWholeGraph();
      plan = std::move(expand);
      uniqueness_.rel_slots.push_back(slots.rels[i]);
    }
    bound_.insert(r.variable);
    if (into) {
      plan = LabelFilter(std::move(plan), to_node);
    } else {
      bound_.insert(to_node.variable);
    }
    return Apply(std::move(plan));
  }

  OperatorPtr ProjectPath(OperatorPtr plan, ast::PatternPart& part, const PartSlots& slots) {
    std::vector<ProjectPathOp::Step> steps;
    for (size_t i = 0; i < part.rels.size(); ++i) {
      const bool list = part.rels[i].variable_length || part.kind != ast::PatternPart::Kind::kPlain;
      steps.push_back(ProjectPathOp::Step{slots.rels[i], list, slots.nodes[i + 1]});
    }
    plan = std::make_unique<ProjectPathOp>(std::move(plan), slots.nodes[0], std::move(steps), slots.path,
                                           part.path_variable);
    bound_.insert(part.path_variable);
    return Apply(std::move(plan));
  }

  OperatorPtr PlanShortest(OperatorPtr plan, ast::PatternPart& part, const PartSlots& slots) {
    if (part.rels.size() != 1) {
      ThrowSemantic("shortestPath needs a pattern of exactly one relationship, such as (a)-[*]-(b)", part.pos);
    }
    const ast::RelPattern& r = part.rels[0];
    if (r.min_hops && *r.min_hops > 1) {
      ThrowSemantic("shortestPath accepts a minimal length of 0 or 1 only", r.pos);
    }
    for (size_t i = 0; i < 2; ++i) plan = BindNode(std::move(plan), part.nodes[i], slots.nodes[i]);
    Direction dir = Direction::kBoth;
    if (r.direction == ast::RelDirection::kRight) dir = Direction::kOut;
    if (r.direction == ast::RelDirection::kLeft) dir = Direction::kIn;
    const int64_t min = r.min_hops.value_or(1);
    const int64_t max = r.variable_length ? (r.max_hops ? *r.max_hops : -1) : 1;
    plan = std::make_unique<ShortestPathOp>(
        std::move(plan), slots.nodes[0], slots.nodes[1], slots.rels[0], dir, r.types, min, max,
        part.kind == ast::PatternPart::Kind::kAllShortest, BindProperties(r),
        Display(part.nodes[0].variable) + RelText(r) + Display(part.nodes[1].variable));
    bound_.insert(r.variable);
    plan = Apply(std::move(plan));
    if (slots.path >= 0) plan = ProjectPath(std::move(plan), part, slots);
    return plan;
  }

  OperatorPtr Finish(OperatorPtr plan) {
    for (auto& pred : preds_) {
      if (pred.applied) continue;
      pred.applied = true;
      plan = std::make_unique<FilterOp>(std::move(plan), pred.bound, pred.expr->text);
    }
    return plan;
  }

  // A variable-length relationship's property map, which the expansion
  // checks on every relationship it walks (nullptr when there is none).
  const bound::Expr* BindProperties(const ast::RelPattern& r) {
    if (!r.properties) return nullptr;
    BindOptions options;
    options.context = "a pattern's properties";
    return p_.Bind(*r.properties, scope_, options);
  }

  static std::string Display(const std::string& var) { return IsHidden(var) ? "" : var; }

 private:
  QueryPlanner& p_;
  Scope& scope_;
  std::set<std::string> bound_;
  std::vector<Predicate> preds_;
  RelUniqueness uniqueness_;
  bool top_level_ = false;
  bool started_with_scan_ = false;    // a part began with a label or all-nodes scan without a pre-filter
  std::set<std::string> types_used_;  // relationship types of the parts planned so far
};

// Binds every property map once, in the whole pattern's scope, so that its
// errors are reported in the pattern's terms before the maps are split into
// predicates (which are bound again, as WHERE conjuncts).
void CheckPatternProperties(QueryPlanner& p, const std::vector<ast::PatternPart>& parts, Scope& scope) {
  BindOptions options;
  options.context = "a pattern's properties";
  for (const auto& part : parts) {
    for (const auto& n : part.nodes) {
      if (n.properties) p.Bind(*n.properties, scope, options);
    }
    for (const auto& r : part.rels) {
      if (r.properties) p.Bind(*r.properties, scope, options);
    }
  }
}

OperatorPtr PlanPattern(QueryPlanner& p, OperatorPtr plan, std::vector<ast::PatternPart>& parts, const ast::Expr* where,
                        Scope& scope, bool allow_new, const char* clause, std::vector<int>* new_slots) {
  const Scope before = scope;
  std::vector<PartSlots> slots = binder::BindPatternVariables(p, parts, scope, before, allow_new, clause);
  if (new_slots) {
    for (const auto& [name, v] : scope.vars) {
      if (!before.Find(name)) new_slots->push_back(v.slot);
    }
  }
  CheckPatternProperties(p, parts, scope);
  PatternPlanner pp(p, scope, before);
  // Relationships bound by an earlier clause take part in this pattern's
  // uniqueness from the start.
  for (size_t i = 0; i < parts.size(); ++i) {
    for (size_t k = 0; k < parts[i].rels.size(); ++k) {
      // (A bound list of a variable-length part joins when it is walked.)
      if (before.Find(parts[i].rels[k].variable) && !parts[i].rels[k].variable_length) {
        pp.AddBoundRelationship(slots[i].rels[k]);
      }
    }
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    for (auto& n : parts[i].nodes) pp.AddPropertyPredicates(n.variable, n.properties.get(), n.pos);
    for (auto& r : parts[i].rels) {
      if (!r.variable_length && parts[i].kind == ast::PatternPart::Kind::kPlain) {
        pp.AddPropertyPredicates(r.variable, r.properties.get(), r.pos);
      }
    }
  }
  if (where) {
    std::vector<const ast::Expr*> conjuncts;
    SplitConjuncts(where, &conjuncts);
    for (const ast::Expr* c : conjuncts) pp.AddPredicate(c);
  }
  pp.BindPredicates("WHERE");
  pp.SetTopLevel(dynamic_cast<StartOp*>(plan.get()) != nullptr);
  plan = pp.Apply(std::move(plan));
  for (size_t i = 0; i < parts.size(); ++i) {
    plan = pp.PlanPart(std::move(plan), parts[i], slots[i], i + 1 == parts.size());
  }
  return pp.Finish(std::move(plan));
}

}  // namespace

OperatorPtr QueryPlanner::PlanMatch(OperatorPtr input, const ast::Clause& clause, Scope& scope,
                                    std::vector<int>* new_slots) {
  // A copy: planning names the anonymous elements.
  std::vector<ast::PatternPart> parts = ClonePatterns(clause.pattern);
  return PlanPattern(*this, std::move(input), parts, clause.where.get(), scope, true,
                     clause.optional ? "OPTIONAL MATCH" : "MATCH", new_slots);
}

void QueryPlanner::PlanPatternExpression(const ast::PatternPart& part, Scope& scope, bool allow_new_variables,
                                         const bound::Expr& at) {
  std::vector<ast::PatternPart> parts;
  parts.push_back(ClonePattern(part));
  plan_->pattern_plans[&at] = PlanPattern(*this, std::make_unique<ArgumentOp>(), parts, nullptr, scope,
                                          allow_new_variables, "a pattern expression", nullptr);
}

// ---- CREATE and MERGE ----

// CREATE's (and MERGE's create side's) elements, bound by the binder, as
// the create operators take them.
static CreateSpec BuildCreateSpec(QueryPlanner& p, std::vector<ast::PatternPart>& parts, Scope& scope,
                                  const char* clause, bool merge, std::vector<PartSlots>* part_slots) {
  binder::BoundCreatePattern bound = binder::BindCreatePattern(p.binder(), p, parts, scope, clause, merge);
  CreateSpec spec;
  spec.merge = merge;
  for (auto& n : bound.nodes) {
    spec.nodes.push_back(
        CreateSpec::Node{n.slot, n.bound, n.labels, n.properties ? p.Own(std::move(n.properties)) : nullptr});
  }
  for (auto& r : bound.rels) {
    spec.rels.push_back(
        CreateSpec::Rel{r.slot, r.type, r.start, r.end, r.properties ? p.Own(std::move(r.properties)) : nullptr});
  }
  *part_slots = std::move(bound.slots);
  return spec;
}

static std::string PatternText(const std::vector<ast::PatternPart>& parts) {
  std::string out;
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k) out += ", ";
    const auto& part = parts[k];
    if (!part.path_variable.empty()) out += part.path_variable + " = ";
    for (size_t i = 0; i < part.nodes.size(); ++i) {
      out += NodeText(part.nodes[i]);
      if (i < part.rels.size()) out += RelText(part.rels[i]);
    }
  }
  // Anonymous elements carry hidden names; leave them out.
  std::string clean;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out.compare(i, 5, " anon") == 0) {
      i += 5;
      while (i < out.size() && std::isdigit(static_cast<unsigned char>(out[i]))) ++i;
      --i;
      continue;
    }
    clean += out[i];
  }
  return clean;
}

static OperatorPtr AddPaths(OperatorPtr plan, std::vector<ast::PatternPart>& parts,
                            const std::vector<PartSlots>& slots) {
  for (size_t k = 0; k < parts.size(); ++k) {
    if (slots[k].path < 0) continue;
    std::vector<ProjectPathOp::Step> steps;
    for (size_t i = 0; i < parts[k].rels.size(); ++i) {
      steps.push_back(ProjectPathOp::Step{slots[k].rels[i], false, slots[k].nodes[i + 1]});
    }
    plan = std::make_unique<ProjectPathOp>(std::move(plan), slots[k].nodes[0], std::move(steps), slots[k].path,
                                           parts[k].path_variable);
  }
  return plan;
}

OperatorPtr QueryPlanner::PlanCreate(OperatorPtr input, const ast::Clause& clause, Scope& scope) {
  std::vector<PartSlots> slots;
  const std::string text = PatternText(clause.pattern);
  std::vector<ast::PatternPart> parts = ClonePatterns(clause.pattern);
  CreateSpec spec = BuildCreateSpec(*this, parts, scope, "CREATE", false, &slots);
  OperatorPtr plan = std::make_unique<CreateOp>(std::move(input), std::move(spec), text);
  return AddPaths(std::move(plan), parts, slots);
}

OperatorPtr QueryPlanner::PlanMerge(OperatorPtr input, const ast::Clause& clause, Scope& scope) {
  if (clause.pattern.size() != 1) ThrowSemantic("MERGE takes exactly one pattern", clause.pos);
  const std::string text = PatternText(clause.pattern);
  for (auto& n : clause.pattern[0].nodes) {
    if (n.properties && n.properties->kind != ast::ExprKind::kMap) {
      ThrowUnsupported("a parameter as the property map of a pattern in MERGE (write the keys out)", n.pos);
    }
  }
  // The create side names the slots; the match side reuses them.
  Scope create_scope = scope;
  std::vector<PartSlots> slots;
  std::vector<ast::PatternPart> parts = ClonePatterns(clause.pattern);
  // Give anonymous elements their names first so both sides agree.
  CreateSpec spec = BuildCreateSpec(*this, parts, create_scope, "MERGE", true, &slots);
  // An undirected relationship in MERGE matches either direction and, when
  // nothing matches, is created from left to right.
  // Match side: the same variables, already registered in create_scope with
  // their slots; plan the pattern as a MATCH on an Argument leaf, treating
  // only the variables bound before MERGE as bound.
  Scope match_scope = create_scope;
  PatternPlanner pp(*this, match_scope, scope);
  ast::PatternPart& part = parts[0];
  for (auto& n : part.nodes) pp.AddPropertyPredicates(n.variable, n.properties.get(), n.pos);
  for (auto& r : part.rels) pp.AddPropertyPredicates(r.variable, r.properties.get(), r.pos);
  pp.BindPredicates("MERGE");
  OperatorPtr match = pp.Apply(std::make_unique<ArgumentOp>());
  match = pp.PlanPart(std::move(match), part, slots[0], /*last=*/true);
  match = pp.Finish(std::move(match));
  scope = create_scope;
  std::vector<SetSpec> on_create, on_match;
  PlanSet(nullptr, clause.on_create, scope, &on_create);
  PlanSet(nullptr, clause.on_match, scope, &on_match);
  OperatorPtr plan = std::make_unique<MergeOp>(std::move(input), std::move(match), std::move(spec),
                                               std::move(on_create), std::move(on_match), text);
  // Both sides leave the path's elements in the same slots.
  plan = AddPaths(std::move(plan), parts, slots);
  return plan;
}

}  // namespace kg::planner
