// db.* and dbms.*: what the database holds (labels, relationship types,
// property keys, indexes, the schema as a graph of labels) and what it can
// do (its procedures and functions). Everything but db.schema comes from the
// catalog; db.schema reads the adjacency once.
#include <algorithm>
#include <map>
#include <tuple>

#include "exec/operator.h"
#include "exec/query_error.h"
#include "procedures/builtin_procedures.h"
#include "procedures/function_docs.h"
#include "storage/transaction.h"

namespace kg {

namespace {

using Rows = std::vector<std::vector<Value>>;

// One row per name whose id is `used`, sorted: the catalog keeps names
// nothing carries any more (after a DELETE), which the lists leave out.
template <typename Used, typename Name>
std::unique_ptr<ProcedureRows> NamesInUse(size_t count, Used used, Name name) {
  std::vector<std::string> names;
  for (size_t id = 0; id < count; ++id) {
    if (used(id)) names.push_back(name(id));
  }
  std::sort(names.begin(), names.end());
  Rows rows;
  for (auto& n : names) rows.push_back({Value(std::move(n))});
  return std::make_unique<VectorRows>(std::move(rows));
}

std::unique_ptr<ProcedureRows> Labels(ExecContext& ctx, std::vector<Value>&) {
  const Catalog& c = ctx.txn->catalog();
  return NamesInUse(
      c.num_labels(), [&](size_t id) { return c.NodesWithLabel(id) > 0; }, [&](size_t id) { return c.LabelName(id); });
}

std::unique_ptr<ProcedureRows> RelationshipTypes(ExecContext& ctx, std::vector<Value>&) {
  const Catalog& c = ctx.txn->catalog();
  return NamesInUse(
      c.num_rel_types(), [&](size_t id) { return c.RelsOfType(id) > 0; }, [&](size_t id) { return c.RelTypeName(id); });
}

std::unique_ptr<ProcedureRows> PropertyKeys(ExecContext& ctx, std::vector<Value>&) {
  const Catalog& c = ctx.txn->catalog();
  // A database made before kg counted keys lists every key it ever saw.
  return NamesInUse(
      c.num_property_keys(),
      [&](size_t id) { return !c.property_counts_known() || c.NodesWithProperty(id) + c.RelsWithProperty(id) > 0; },
      [&](size_t id) { return c.PropertyKeyName(id); });
}

std::unique_ptr<ProcedureRows> Indexes(ExecContext& ctx, std::vector<Value>&) {
  const Catalog& c = ctx.txn->catalog();
  Rows rows;
  // Every node's `key` is unique across the graph and found by one read.
  rows.push_back({Value("key"), Value(), Value("key"), Value("UNIQUE"), Value(static_cast<int64_t>(c.node_count()))});
  std::vector<IndexDef> defs(c.indexes().begin(), c.indexes().end());
  std::sort(defs.begin(), defs.end(), [&](const IndexDef& a, const IndexDef& b) {
    return std::make_tuple(c.LabelName(a.label), c.PropertyKeyName(a.key)) <
           std::make_tuple(c.LabelName(b.label), c.PropertyKeyName(b.key));
  });
  for (const IndexDef& d : defs) {
    const std::string& label = c.LabelName(d.label);
    const std::string& key = c.PropertyKeyName(d.key);
    rows.push_back({Value(label + "(" + key + ")"), Value(label), Value(key), Value("RANGE"),
                    Value(static_cast<int64_t>(c.NodesWithLabel(d.label)))});
  }
  // Full-text indexes: labels joined by '|' (null: every node), properties
  // by ', '; how many nodes they cover is not counted.
  for (const FullTextIndexDef& d : c.fulltext_indexes()) {
    std::vector<std::string> names;
    for (LabelId l : d.labels) names.push_back(c.LabelName(l));
    std::sort(names.begin(), names.end());
    std::string labels, keys;
    for (const std::string& l : names) labels += (labels.empty() ? "" : "|") + l;
    for (PropertyKeyId k : d.keys) keys += (keys.empty() ? "" : ", ") + c.PropertyKeyName(k);
    rows.push_back({Value(d.name), labels.empty() ? Value() : Value(labels), Value(keys), Value("FULLTEXT"), Value()});
  }
  return std::make_unique<VectorRows>(std::move(rows));
}

void CheckStatus(const Status& st) {
  if (!st.ok()) ThrowStatus(st);
}

// The schema as a graph: one row per (start label, type, end label) that
// some relationship has, with how many relationships. A node without a
// label counts under null.
std::unique_ptr<ProcedureRows> Schema(ExecContext& ctx, std::vector<Value>&) {
  Transaction& txn = *ctx.txn;
  const Catalog& c = txn.catalog();
  CheckStatus(txn.UseProjection(kProjectAll, ctx.interrupt));
  // Each node's set of labels, as an index into `sets`: labels are added
  // one at a time, the set a label leads to remembered per set.
  std::vector<uint32_t> set_of(c.next_node_id(), 0);
  std::vector<std::vector<LabelId>> sets{{}};
  std::map<std::pair<uint32_t, LabelId>, uint32_t> next_set;
  for (LabelId l = 0; l < c.num_labels(); ++l) {
    for (auto cur = txn.ScanLabel(l); cur->Valid(); cur->Next()) {
      if (cur->id() >= set_of.size()) continue;
      uint32_t& set = set_of[cur->id()];
      auto [it, added] = next_set.try_emplace(std::make_pair(set, l), static_cast<uint32_t>(sets.size()));
      if (added) {
        std::vector<LabelId> grown = sets[set];
        grown.push_back(l);
        sets.push_back(std::move(grown));
      }
      set = it->second;
      CheckInterrupt(ctx);
    }
  }
  std::map<std::tuple<uint32_t, RelTypeId, uint32_t>, int64_t> by_sets;
  for (auto nodes = txn.ScanNodeIds(); nodes->Valid(); nodes->Next()) {
    const NodeId id = nodes->id();
    for (auto rels = txn.Expand(id, Direction::kOut); rels->Valid(); rels->Next()) {
      const AdjacencyEntry& e = rels->entry();
      const uint32_t to = e.neighbour < set_of.size() ? set_of[e.neighbour] : 0;
      ++by_sets[{id < set_of.size() ? set_of[id] : 0, e.type, to}];
    }
    CheckInterrupt(ctx);
  }
  std::map<std::tuple<std::string, std::string, std::string>, int64_t> counts;
  auto names = [&](uint32_t set) {
    std::vector<std::string> out;
    for (LabelId l : sets[set]) out.push_back(c.LabelName(l));
    if (out.empty()) out.push_back("");
    return out;
  };
  for (const auto& [key, n] : by_sets) {
    const auto& [from, type, to] = key;
    for (const std::string& a : names(from)) {
      for (const std::string& b : names(to)) counts[{a, c.RelTypeName(type), b}] += n;
    }
  }
  Rows rows;
  auto label_value = [](const std::string& s) { return s.empty() ? Value() : Value(s); };
  for (const auto& [key, n] : counts) {
    const auto& [from, type, to] = key;
    rows.push_back({label_value(from), Value(type), label_value(to), Value(n)});
  }
  return std::make_unique<VectorRows>(std::move(rows));
}

ProcedureColumn Column(std::string name, CypherType type) { return ProcedureColumn{std::move(name), type}; }

}  // namespace

void RegisterDbProcedures(ProcedureRegistry* r) {
  r->Register({"db.labels",
               {},
               {Column("label", CypherType::kString)},
               false,
               "The labels that at least one node has, by name.",
               Labels});
  r->Register({"db.relationshipTypes",
               {},
               {Column("relationshipType", CypherType::kString)},
               false,
               "The relationship types that at least one relationship has, by name.",
               RelationshipTypes});
  r->Register({"db.propertyKeys",
               {},
               {Column("propertyKey", CypherType::kString)},
               false,
               "The property keys in use on nodes or relationships, by name.",
               PropertyKeys});
  r->Register({"db.indexes",
               {},
               {Column("name", CypherType::kString), Column("label", CypherType::kString),
                Column("property", CypherType::kString), Column("type", CypherType::kString),
                Column("nodes", CypherType::kInteger)},
               false,
               "The indexes: the unique `key` of every node, each CREATE INDEX with the nodes of its label, and each "
               "CREATE FULLTEXT INDEX.",
               Indexes});
  r->Register({"db.schema",
               {},
               {Column("from", CypherType::kString), Column("type", CypherType::kString),
                Column("to", CypherType::kString), Column("relationships", CypherType::kInteger)},
               false,
               "The schema as a graph: which labels each relationship type joins, and how often (reads the "
               "adjacency once).",
               Schema});
  r->Register({"dbms.functions",
               {},
               {Column("name", CypherType::kString), Column("signature", CypherType::kString),
                Column("description", CypherType::kString), Column("aggregating", CypherType::kBoolean)},
               false,
               "Every function, with its signature and what it does.",
               [](ExecContext&, std::vector<Value>&) -> std::unique_ptr<ProcedureRows> {
                 Rows rows;
                 for (const FunctionDoc& f : FunctionDocs()) {
                   rows.push_back({Value(std::string(f.name)), Value(std::string(f.signature)),
                                   Value(std::string(f.description)), Value(f.aggregate)});
                 }
                 return std::make_unique<VectorRows>(std::move(rows));
               }});
  r->Register({"dbms.procedures",
               {},
               {Column("name", CypherType::kString), Column("signature", CypherType::kString),
                Column("description", CypherType::kString), Column("mode", CypherType::kString)},
               false,
               "Every procedure CALL can run, with its signature.",
               [r](ExecContext&, std::vector<Value>&) -> std::unique_ptr<ProcedureRows> {
                 Rows rows;
                 for (const Procedure* p : r->All()) {
                   rows.push_back({Value(p->name), Value(p->Signature()), Value(p->description),
                                   Value(p->writes ? "WRITE" : "READ")});
                 }
                 return std::make_unique<VectorRows>(std::move(rows));
               }});
}

}  // namespace kg
