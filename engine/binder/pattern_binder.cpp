// Binding a pattern's variables: slots from the scope or new ones, and the
// checks that names are used consistently.
#include "binder/pattern_binder.h"

#include <map>
#include <set>

#include "exec/query_error.h"

namespace kg::binder {

std::string HiddenName(int slot) { return " anon" + std::to_string(slot); }

bool IsHidden(const std::string& name) { return !name.empty() && name[0] == ' '; }

int BindPathVariable(ExpressionBinder::Host& host, const ast::PatternPart& part, Scope& scope) {
  if (part.path_variable.empty()) return -1;
  if (scope.Find(part.path_variable)) {
    ThrowSemantic("variable `" + part.path_variable + "` is already declared", part.pos);
  }
  const int slot = host.NewSlot();
  scope.vars[part.path_variable] = Var{slot, VarKind::kPath};
  return slot;
}

std::vector<PatternSlots> BindPatternVariables(ExpressionBinder::Host& host, std::vector<ast::PatternPart>& parts,
                                               Scope& scope, const Scope& before, bool allow_new, const char* clause) {
  std::vector<PatternSlots> out;
  std::set<std::string> rels_in_clause;
  for (auto& part : parts) {
    PatternSlots ps;
    for (auto& n : part.nodes) {
      if (n.variable.empty()) {
        const int slot = host.NewSlot();
        n.variable = HiddenName(slot);
        scope.vars[n.variable] = Var{slot, VarKind::kNode};
        ps.nodes.push_back(slot);
        continue;
      }
      if (const Var* v = scope.Find(n.variable)) {
        const bool maybe_node = v->kind == VarKind::kValue && before.Find(n.variable) &&
                                (!v->static_kind || *v->static_kind == Value::Kind::kNode);
        if (v->kind != VarKind::kNode && !maybe_node) {
          ThrowSemantic("variable `" + n.variable + "` is " + VarKindName(v->kind) + ", not a node", n.pos);
        }
        ps.nodes.push_back(v->slot);
        continue;
      }
      if (!allow_new) {
        ThrowSemantic("a pattern in an expression cannot introduce the new variable `" + n.variable + "`", n.pos);
      }
      const int slot = host.NewSlot();
      scope.vars[n.variable] = Var{slot, VarKind::kNode};
      ps.nodes.push_back(slot);
    }
    for (auto& r : part.rels) {
      const VarKind kind =
          r.variable_length || part.kind != ast::PatternPart::Kind::kPlain ? VarKind::kRelList : VarKind::kRel;
      if (r.variable.empty()) {
        const int slot = host.NewSlot();
        r.variable = HiddenName(slot);
        scope.vars[r.variable] = Var{slot, kind};
        ps.rels.push_back(slot);
        continue;
      }
      if (!rels_in_clause.insert(r.variable).second) {
        ThrowSemantic(
            "the relationship variable `" + r.variable + "` is used for more than one relationship in " + clause,
            r.pos);
      }
      if (const Var* v = scope.Find(r.variable)) {
        if (v->kind == VarKind::kRel && !r.variable_length && before.Find(r.variable)) {
          ps.rels.push_back(v->slot);  // bound by an earlier clause: the expansion must arrive at it
          continue;
        }
        const bool maybe_list =
            v->kind == VarKind::kRelList ||
            (v->kind == VarKind::kValue && (!v->static_kind || *v->static_kind == Value::Kind::kList));
        if (r.variable_length && maybe_list && before.Find(r.variable) && part.kind == ast::PatternPart::Kind::kPlain) {
          ps.rels.push_back(v->slot);  // a list bound by an earlier clause: the walk follows it
          continue;
        }
        if (v->kind == VarKind::kRel || v->kind == VarKind::kRelList) {
          ThrowUnsupported("matching relationship list `" + r.variable + "` again after an earlier clause bound it",
                           r.pos);
        }
        ThrowSemantic("variable `" + r.variable + "` is " + VarKindName(v->kind) + ", not a relationship", r.pos);
      }
      if (!allow_new) {
        ThrowSemantic("a pattern in an expression cannot introduce the new variable `" + r.variable + "`", r.pos);
      }
      const int slot = host.NewSlot();
      scope.vars[r.variable] = Var{slot, kind};
      ps.rels.push_back(slot);
    }
    ps.path = BindPathVariable(host, part, scope);
    out.push_back(ps);
  }
  return out;
}

BoundCreatePattern BindCreatePattern(ExpressionBinder& binder, ExpressionBinder::Host& host,
                                     std::vector<ast::PatternPart>& parts, Scope& scope, const char* clause,
                                     bool merge) {
  BoundCreatePattern spec;
  std::map<std::string, int> node_index;  // variable -> index in spec.nodes
  BindOptions options;
  options.context = clause;
  for (auto& part : parts) {
    if (part.kind != ast::PatternPart::Kind::kPlain) {
      ThrowSemantic(std::string(clause) + " cannot create a shortestPath pattern", part.pos);
    }
    PatternSlots ps;
    std::vector<int> indexes;
    for (auto& n : part.nodes) {
      if (!n.variable.empty()) {
        auto it = node_index.find(n.variable);
        if (it != node_index.end() || scope.Find(n.variable)) {
          const Var* v = scope.Find(n.variable);
          if (v && v->kind != VarKind::kNode && v->kind != VarKind::kValue) {
            ThrowSemantic("variable `" + n.variable + "` is " + VarKindName(v->kind) + ", not a node", n.pos);
          }
          if (!n.labels.empty() || n.properties || part.nodes.size() == 1) {
            ThrowSemantic("variable `" + n.variable + "` is already declared; " + clause +
                              " cannot create it again or add labels or properties to it",
                          n.pos);
          }
          if (it == node_index.end()) {
            node_index[n.variable] = static_cast<int>(spec.nodes.size());
            spec.nodes.push_back(BoundCreatePattern::Node{v->slot, true, {}, nullptr});
          }
          indexes.push_back(node_index[n.variable]);
          ps.nodes.push_back(spec.nodes[node_index[n.variable]].slot);
          continue;
        }
      }
      bound::ExprPtr properties = n.properties ? binder.Bind(*n.properties, scope, options) : nullptr;
      const int slot = host.NewSlot();
      if (n.variable.empty()) n.variable = HiddenName(slot);
      scope.vars[n.variable] = Var{slot, VarKind::kNode};
      node_index[n.variable] = static_cast<int>(spec.nodes.size());
      indexes.push_back(static_cast<int>(spec.nodes.size()));
      spec.nodes.push_back(BoundCreatePattern::Node{slot, false, n.labels, std::move(properties)});
      ps.nodes.push_back(slot);
    }
    for (size_t i = 0; i < part.rels.size(); ++i) {
      auto& r = part.rels[i];
      if (r.types.size() != 1) {
        ThrowSemantic(std::string(clause) + " needs exactly one type for each relationship, such as -[:KNOWS]->",
                      r.pos);
      }
      if (r.variable_length)
        ThrowSemantic(std::string(clause) + " cannot create a variable-length relationship", r.pos);
      if (r.direction == ast::RelDirection::kBoth && !merge) {
        ThrowSemantic("CREATE needs a direction for each relationship: use -> or <-", r.pos);
      }
      if (!r.variable.empty() && scope.Find(r.variable)) {
        ThrowSemantic("variable `" + r.variable + "` is already declared; " + clause + " cannot create it again",
                      r.pos);
      }
      bound::ExprPtr properties = r.properties ? binder.Bind(*r.properties, scope, options) : nullptr;
      const int slot = host.NewSlot();
      if (r.variable.empty()) r.variable = HiddenName(slot);
      scope.vars[r.variable] = Var{slot, VarKind::kRel};
      const bool left = r.direction == ast::RelDirection::kLeft;
      spec.rels.push_back(BoundCreatePattern::Rel{slot, r.types[0], left ? indexes[i + 1] : indexes[i],
                                                  left ? indexes[i] : indexes[i + 1], std::move(properties)});
      ps.rels.push_back(slot);
    }
    ps.path = BindPathVariable(host, part, scope);
    spec.slots.push_back(ps);
  }
  return spec;
}

}  // namespace kg::binder
