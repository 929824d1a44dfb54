// Functions on nodes, relationships and paths: id, labels, type, keys,
// properties, startNode, endNode, nodes, relationships, length.
#include "exec/expression_evaluator.h"
#include "exec/function_registry.h"
#include "exec/query_error.h"
#include "storage/transaction.h"

namespace kg::functions {

namespace {

Value Id(std::vector<Value>& a, EvalContext&) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (v.is_node()) return Value(static_cast<int64_t>(v.as_node().id));
  if (v.is_relationship()) return Value(static_cast<int64_t>(v.as_relationship().id));
  ThrowArgument("id", "a NODE or RELATIONSHIP", v);
}

Value Labels(std::vector<Value>& a, EvalContext& ctx) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (!v.is_node()) ThrowArgument("labels", "a NODE", v);
  if (ctx.txn) {
    auto rec = ctx.txn->GetNode(v.as_node().id);
    if (!rec.ok()) ThrowStatus(rec.status());
    if (!rec->has_value()) ThrowRuntime("node " + std::to_string(v.as_node().id) + " was deleted");
    ValueList out;
    for (LabelId l : (*rec)->labels) out.emplace_back(ctx.txn->catalog().LabelName(l));
    return Value(std::move(out));
  }
  ValueList out;
  if (v.as_node().view) {
    for (const std::string& l : v.as_node().view->labels) out.emplace_back(l);
  }
  return Value(std::move(out));
}

Value Type(std::vector<Value>& a, EvalContext& ctx) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (!v.is_relationship()) ThrowArgument("type", "a RELATIONSHIP", v);
  const RelRef& r = v.as_relationship();
  if (ctx.txn) return Value(ctx.txn->catalog().RelTypeName(r.type));
  if (r.view && !r.view->labels.empty()) return Value(r.view->labels[0]);
  ThrowRuntime("type() needs a transaction");
}

// The properties of a node, relationship or map as a map (null for null).
Value PropertyMap(const char* fn, const Value& v, EvalContext& ctx) {
  if (v.is_null()) return Value();
  if (v.is_map()) return v;
  if (!v.is_node() && !v.is_relationship()) ThrowArgument(fn, "a NODE, RELATIONSHIP or MAP", v);
  if (ctx.txn) {
    // Reading a deleted entity's properties is an error, as property access is.
    bool exists;
    if (v.is_node()) {
      auto rec = ctx.txn->GetNode(v.as_node().id);
      if (!rec.ok()) ThrowStatus(rec.status());
      exists = rec->has_value();
    } else {
      auto rec = ctx.txn->GetRelationship(v.as_relationship().id);
      if (!rec.ok()) ThrowStatus(rec.status());
      exists = rec->has_value();
    }
    if (!exists) {
      ThrowRuntime(std::string(v.is_node() ? "node " : "relationship ") +
                   std::to_string(v.is_node() ? v.as_node().id : v.as_relationship().id) + " was deleted");
    }
  }
  const Value m = Materialise(v, ctx);
  const auto& view = m.is_node() ? m.as_node().view : m.as_relationship().view;
  return Value::Map(view->properties);
}

Value Keys(std::vector<Value>& a, EvalContext& ctx) {
  const Value m = PropertyMap("keys", a[0], ctx);
  if (m.is_null()) return Value();
  ValueList out;
  for (const auto& [k, v] : m.as_map()) out.emplace_back(k);
  return Value(std::move(out));
}

Value Properties(std::vector<Value>& a, EvalContext& ctx) { return PropertyMap("properties", a[0], ctx); }

Value StartNode(std::vector<Value>& a, EvalContext&) {
  if (a[0].is_null()) return Value();
  if (!a[0].is_relationship()) ThrowArgument("startNode", "a RELATIONSHIP", a[0]);
  return Value(NodeRef{a[0].as_relationship().start, nullptr});
}

Value EndNode(std::vector<Value>& a, EvalContext&) {
  if (a[0].is_null()) return Value();
  if (!a[0].is_relationship()) ThrowArgument("endNode", "a RELATIONSHIP", a[0]);
  return Value(NodeRef{a[0].as_relationship().end, nullptr});
}

Value Nodes(std::vector<Value>& a, EvalContext&) {
  if (a[0].is_null()) return Value();
  if (!a[0].is_path()) ThrowArgument("nodes", "a PATH", a[0]);
  ValueList out;
  for (const NodeRef& n : a[0].as_path().nodes) out.emplace_back(n);
  return Value(std::move(out));
}

Value Relationships(std::vector<Value>& a, EvalContext&) {
  if (a[0].is_null()) return Value();
  if (!a[0].is_path()) ThrowArgument("relationships", "a PATH", a[0]);
  ValueList out;
  for (const RelRef& r : a[0].as_path().rels) out.emplace_back(r);
  return Value(std::move(out));
}

Value Length(std::vector<Value>& a, EvalContext&) {
  if (a[0].is_null()) return Value();
  if (!a[0].is_path()) ThrowArgument("length", "a PATH", a[0]);
  return Value(static_cast<int64_t>(a[0].as_path().rels.size()));
}

}  // namespace

void RegisterGraphFunctions(Registry* r) {
  r->push_back({{"id", 1, 1}, Id});
  r->push_back({{"labels", 1, 1}, Labels});
  r->push_back({{"type", 1, 1}, Type});
  r->push_back({{"keys", 1, 1}, Keys});
  r->push_back({{"properties", 1, 1}, Properties});
  r->push_back({{"startnode", 1, 1}, StartNode});
  r->push_back({{"endnode", 1, 1}, EndNode});
  r->push_back({{"nodes", 1, 1}, Nodes});
  r->push_back({{"relationships", 1, 1}, Relationships});
  r->push_back({{"length", 1, 1}, Length});
}

}  // namespace kg::functions
