// Values as nlohmann::ordered_json.
#include "output/value_json.h"

#include <cmath>

namespace kg::shell {
namespace {

using Json = nlohmann::ordered_json;

Json PropertiesJson(const std::shared_ptr<const EntityView>& view) {
  Json out = Json::object();
  if (!view) return out;
  for (const auto& [key, v] : view->properties) out[key] = ValueToJson(v);
  return out;
}

Json NodeJson(const NodeRef& node) {
  Json out = Json::object();
  out["id"] = node.id;
  out["labels"] = node.view ? Json(node.view->labels) : Json::array();
  out["properties"] = PropertiesJson(node.view);
  return out;
}

Json RelationshipJson(const RelRef& rel) {
  Json out = Json::object();
  out["id"] = rel.id;
  // A relationship's type name comes with its view (labels[0]).
  out["type"] = rel.view && !rel.view->labels.empty() ? Json(rel.view->labels[0]) : Json(nullptr);
  out["start"] = rel.start;
  out["end"] = rel.end;
  out["properties"] = PropertiesJson(rel.view);
  return out;
}

Json FloatJson(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  return d;
}

}  // namespace

Json ValueToJson(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kNull:
      return nullptr;
    case Value::Kind::kBool:
      return value.as_bool();
    case Value::Kind::kInt:
      return value.as_int();
    case Value::Kind::kFloat:
      return FloatJson(value.as_float());
    case Value::Kind::kString:
      return value.as_string();
    case Value::Kind::kDate:
    case Value::Kind::kLocalTime:
    case Value::Kind::kTime:
    case Value::Kind::kLocalDateTime:
    case Value::Kind::kDateTime:
    case Value::Kind::kDuration:
      return TemporalIsoString(value);
    case Value::Kind::kList: {
      Json out = Json::array();
      for (const Value& v : value.as_list()) out.push_back(ValueToJson(v));
      return out;
    }
    case Value::Kind::kMap: {
      Json out = Json::object();
      for (const auto& [key, v] : value.as_map()) out[key] = ValueToJson(v);
      return out;
    }
    case Value::Kind::kNode:
      return NodeJson(value.as_node());
    case Value::Kind::kRelationship:
      return RelationshipJson(value.as_relationship());
    case Value::Kind::kPath: {
      const PathValue& path = value.as_path();
      Json nodes = Json::array();
      for (const NodeRef& n : path.nodes) nodes.push_back(NodeJson(n));
      Json rels = Json::array();
      for (const RelRef& r : path.rels) rels.push_back(RelationshipJson(r));
      Json out = Json::object();
      out["nodes"] = std::move(nodes);
      out["relationships"] = std::move(rels);
      return out;
    }
  }
  return nullptr;
}

Json RowToJson(const std::vector<std::string>& columns, const std::vector<Value>& row) {
  Json out = Json::object();
  for (size_t i = 0; i < columns.size() && i < row.size(); ++i) out[columns[i]] = ValueToJson(row[i]);
  return out;
}

std::string JsonText(const Json& json) {
  return json.dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

}  // namespace kg::shell
