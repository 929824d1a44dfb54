// kg's JSON graph format (data/README.md), one element per line, with the
// members networkx.node_link_graph looks for:
//
//   {"kg_graph": 1, "directed": true, "multigraph": true, "graph": {},
//    "nodes": [
//     {"id":"n12","labels":["Person"],"properties":{"born":{"$date":"1961-04-01"},"name":"Lê Hoài Trung"}},
//     {"id":"n14","labels":[],"properties":{}}
//    ],
//    "links": [
//     {"id":"e7","type":"KNOWS","source":"n12","target":"n14","properties":{"since":2019}}
//    ]}
//
// Node ids are strings, "n" and the database id, so that `kg import` reads
// the file back (links name nodes by these ids) and networkx gets readable
// node names. Properties keep their kinds: integers, floats (1.0 stays a
// float), booleans, strings, lists, and temporal values as objects naming
// their kind: {"$date": "YYYY-MM-DD"}, {"$localtime": "12:31:14.645"},
// {"$time": "12:00Z"}, {"$localdatetime": "2015-07-21T21:40"},
// {"$datetime": "2024-10-03T09:00+02:00[Europe/Paris]"},
// {"$duration": "P9Y10M15D"};
// NaN and the infinities, which JSON cannot hold, are written as the
// strings "NaN", "Infinity" and "-Infinity". Text that is not UTF-8 is
// written with U+FFFD in place of the bad bytes.
#include <algorithm>

#include "interchange/export/element_names.h"
#include "interchange/export/graph_writer.h"
#include "interchange/export/output_file.h"
#include "interchange/text/value_text.h"

namespace kg::interchange {
namespace {

class JsonGraphWriter : public GraphWriter {
 public:
  explicit JsonGraphWriter(std::unique_ptr<OutputFile> out) : out_(std::move(out)) {}

  Status Begin(const WriterContext& context) override {
    catalog_ = context.catalog;
    out_->buffer().append(
        "{\"kg_graph\": 1, \"directed\": true, \"multigraph\": true, \"graph\": {},\n \"nodes\": [\n");
    return out_->Flush();
  }

  Status WriteNode(const NodeRecord& node) override {
    std::string& b = out_->buffer();
    b.append(first_ ? "  " : ",\n  ");
    first_ = false;
    nlohmann::ordered_json j;
    j["id"] = NodeXmlId(node.id);
    nlohmann::ordered_json labels = nlohmann::ordered_json::array();
    for (LabelId label : node.labels) labels.push_back(catalog_->LabelName(label));
    j["labels"] = std::move(labels);
    j["properties"] = PropertiesJson(node.properties);
    b.append(JsonText(j));
    return out_->Flush();
  }

  Status BeginRelationships() override {
    out_->buffer().append(first_ ? " ],\n \"links\": [\n" : "\n ],\n \"links\": [\n");
    first_ = true;
    return Status::Ok();
  }

  Status WriteRelationship(const RelRecord& rel) override {
    std::string& b = out_->buffer();
    b.append(first_ ? "  " : ",\n  ");
    first_ = false;
    nlohmann::ordered_json j;
    j["id"] = RelXmlId(rel.id);
    j["type"] = catalog_->RelTypeName(rel.type);
    j["source"] = NodeXmlId(rel.start);
    j["target"] = NodeXmlId(rel.end);
    j["properties"] = PropertiesJson(rel.properties);
    b.append(JsonText(j));
    return out_->Flush();
  }

  Status Finish() override {
    out_->buffer().append(first_ ? " ]}\n" : "\n ]}\n");
    return out_->Commit();
  }

 private:
  nlohmann::ordered_json PropertiesJson(const Properties& properties) const {
    // Sorted by name, so that the same element is written the same way
    // whatever order its keys were created in.
    std::vector<const Property*> sorted;
    sorted.reserve(properties.size());
    for (const Property& p : properties) sorted.push_back(&p);
    std::sort(sorted.begin(), sorted.end(), [this](const Property* a, const Property* b) {
      return catalog_->PropertyKeyName(a->key) < catalog_->PropertyKeyName(b->key);
    });
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const Property* p : sorted) j[catalog_->PropertyKeyName(p->key)] = ValueJson(p->value, true);
    return j;
  }

  std::unique_ptr<OutputFile> out_;
  const Catalog* catalog_ = nullptr;
  bool first_ = true;
};

}  // namespace

Result<std::unique_ptr<GraphWriter>> NewJsonGraphWriter(const std::string& path, const WriterOptions&) {
  KG_ASSIGN_OR_RETURN(std::unique_ptr<OutputFile> out, OutputFile::Create(path));
  return std::unique_ptr<GraphWriter>(new JsonGraphWriter(std::move(out)));
}

}  // namespace kg::interchange
