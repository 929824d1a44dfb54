// Binding a pattern's variables: slots from the scope or new ones, and the
// checks that names are used consistently.
#include "binder/pattern_binder.h"

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
      const VarKind kind = r.variable_length || part.kind != ast::PatternPart::Kind::kPlain ? VarKind::kRelList
                                                                                              : VarKind::kRel;
      if (r.variable.empty()) {
        const int slot = host.NewSlot();
        r.variable = HiddenName(slot);
        scope.vars[r.variable] = Var{slot, kind};
        ps.rels.push_back(slot);
        continue;
      }
      if (!rels_in_clause.insert(r.variable).second) {
        ThrowSemantic("the relationship variable `" + r.variable + "` is used for more than one relationship in " +
                          clause,
                      r.pos);
      }
      if (const Var* v = scope.Find(r.variable)) {
        if (v->kind == VarKind::kRel && !r.variable_length && before.Find(r.variable)) {
          ps.rels.push_back(v->slot);  // bound by an earlier clause: the expansion must arrive at it
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

}  // namespace kg::binder
