#include "tck/graph_snapshot.h"

#include <cstring>
#include <memory>

#include "main/database_snapshot.h"
#include "storage/catalog.h"

namespace kg::tck {
namespace {

// An exact, unambiguous text for a stored value: kind, then content (a
// double by its bits, a string by its length and bytes).
void Encode(const Value& v, std::string* out) {
  *out += std::to_string(static_cast<int>(v.kind())) + ":";
  switch (v.kind()) {
    case Value::Kind::kBool:
      *out += v.as_bool() ? "1" : "0";
      break;
    case Value::Kind::kInt:
      *out += std::to_string(v.as_int());
      break;
    case Value::Kind::kFloat: {
      uint64_t bits;
      const double d = v.as_float();
      std::memcpy(&bits, &d, sizeof bits);
      *out += std::to_string(bits);
      break;
    }
    case Value::Kind::kString:
      *out += std::to_string(v.as_string().size()) + ":" + v.as_string();
      break;
    case Value::Kind::kDate:
      *out += std::to_string(v.as_date().days);
      break;
    case Value::Kind::kList:
      *out += std::to_string(v.as_list().size()) + "[";
      for (const Value& e : v.as_list()) Encode(e, out);
      *out += "]";
      break;
    default:
      // Temporal values: their literal (datetime('...[Europe/Paris]'),
      // duration('P1D')) is exact. Other kinds are not storable.
      *out += v.ToString();
      break;
  }
  *out += ";";
}

void AddProperties(const char* entity, uint64_t id, const Properties& props, const Catalog& catalog,
                   std::set<std::string>* out) {
  for (const Property& p : props) {
    std::string entry = std::string(entity) + std::to_string(id) + "/";
    const std::string& key = catalog.PropertyKeyName(p.key);
    entry += std::to_string(key.size()) + ":" + key + "=";
    Encode(p.value, &entry);
    out->insert(std::move(entry));
  }
}

int64_t Added(const std::set<uint64_t>& a, const std::set<uint64_t>& b) {
  int64_t n = 0;
  for (uint64_t x : b) n += a.count(x) == 0;
  return n;
}
int64_t Added(const std::set<std::string>& a, const std::set<std::string>& b) {
  int64_t n = 0;
  for (const std::string& x : b) n += a.count(x) == 0;
  return n;
}

}  // namespace

int64_t* SideEffects::Find(const std::string& name) {
  if (name == "+nodes") return &nodes_added;
  if (name == "-nodes") return &nodes_removed;
  if (name == "+relationships") return &relationships_added;
  if (name == "-relationships") return &relationships_removed;
  if (name == "+labels") return &labels_added;
  if (name == "-labels") return &labels_removed;
  if (name == "+properties") return &properties_added;
  if (name == "-properties") return &properties_removed;
  return nullptr;
}

std::string SideEffects::ToString() const {
  std::string out;
  auto add = [&](const char* name, int64_t n) {
    if (n == 0) return;
    if (!out.empty()) out += ", ";
    out += std::string(name) + " " + std::to_string(n);
  };
  add("+nodes", nodes_added);
  add("-nodes", nodes_removed);
  add("+relationships", relationships_added);
  add("-relationships", relationships_removed);
  add("+labels", labels_added);
  add("-labels", labels_removed);
  add("+properties", properties_added);
  add("-properties", properties_removed);
  return out.empty() ? "none" : out;
}

Result<GraphSnapshot> TakeSnapshot(Database& db) {
  KG_ASSIGN_OR_RETURN(std::unique_ptr<DatabaseSnapshot> read, db.Snapshot());
  const Catalog& catalog = read->catalog();
  GraphSnapshot snap;
  KG_RETURN_IF_ERROR(read->ForEachNode([&](const NodeRecord& n) {
    snap.nodes.insert(n.id);
    for (LabelId l : n.labels) snap.labels.insert(catalog.LabelName(l));
    AddProperties("n", n.id, n.properties, catalog, &snap.properties);
    return Status::Ok();
  }));
  KG_RETURN_IF_ERROR(read->ForEachRelationship([&](const RelRecord& r) {
    snap.relationships.insert(r.id);
    AddProperties("r", r.id, r.properties, catalog, &snap.properties);
    return Status::Ok();
  }));
  return snap;
}

SideEffects Diff(const GraphSnapshot& before, const GraphSnapshot& after) {
  SideEffects d;
  d.nodes_added = Added(before.nodes, after.nodes);
  d.nodes_removed = Added(after.nodes, before.nodes);
  d.relationships_added = Added(before.relationships, after.relationships);
  d.relationships_removed = Added(after.relationships, before.relationships);
  d.labels_added = Added(before.labels, after.labels);
  d.labels_removed = Added(after.labels, before.labels);
  d.properties_added = Added(before.properties, after.properties);
  d.properties_removed = Added(after.properties, before.properties);
  return d;
}

}  // namespace kg::tck
