// GraphML 1.0 (http://graphml.graphdrawing.org/), as networkx, igraph,
// Boost.Graph, yEd and Gephi read it:
//
//   <?xml version="1.0" encoding="UTF-8"?>
//   <graphml xmlns="http://graphml.graphdrawing.org/xmlns" ...>
//     <key id="k_labels" for="node" attr.name="labels" attr.type="string"/>
//     <key id="k_node_label" for="node" attr.name="label" attr.type="string"/>
//     <key id="k_type" for="edge" attr.name="type" attr.type="string"/>
//     <key id="k_edge_label" for="edge" attr.name="label" attr.type="string"/>
//     <key id="np0" for="node" attr.name="born" attr.type="string"><desc>kg:date</desc></key>
//     <key id="np1" for="node" attr.name="name" attr.type="string"/>
//     <key id="ep0" for="edge" attr.name="since" attr.type="long"/>
//     <graph id="G" edgedefault="directed">
//       <desc>MATCH ... (the query; absent for the whole graph)</desc>
//       <node id="n12">
//         <data key="k_labels">:Person</data>
//         <data key="k_node_label">Lê Hoài Trung</data>
//         <data key="np1">Lê Hoài Trung</data>
//       </node>
//       <edge id="e7" source="n12" target="n14">
//         <data key="k_type">KNOWS</data>
//         <data key="k_edge_label">KNOWS</data>
//         <data key="ep0">2019</data>
//       </edge>
//     </graph>
//   </graphml>
//
// A key per property of the exported nodes (np<i>) and relationships
// (ep<i>), in name order, typed over every value it holds: boolean, long
// (64-bit integers), double, or string for text, temporal values (ISO:
// dates, times, datetimes, durations), lists (JSON text) and keys whose
// values have mixed kinds. A temporal or list key says what it held in
// <desc> ("kg:date", "kg:datetime", "kg:duration", "kg:int[]"...), so kg's
// importer can restore it; other readers ignore <desc>.
//
// Built-in attributes: node `labels` (element_text.h: LabelsText) and
// `label` (the caption: name, else labels, else id); edge `type` and
// `label` (the type). A property with a built-in name is renamed by
// element_text.h's AttributeName rule ("label" -> "_label"). Text is
// escaped by xml_text.h (forbidden characters become U+FFFD).
#include <optional>

#include "common/version.h"
#include "interchange/export/element_names.h"
#include "interchange/export/graph_writer.h"
#include "interchange/export/output_file.h"
#include "interchange/text/value_text.h"
#include "interchange/text/xml_text.h"

namespace kg::interchange {
namespace {

// The key columns of one kind of element, by property key id.
struct Keys {
  std::vector<int> column;  // key id -> index in ids/types, -1 when not exported
  std::vector<std::string> ids;
  std::vector<ColumnType> types;
};

class GraphmlWriter : public GraphWriter {
 public:
  explicit GraphmlWriter(std::unique_ptr<OutputFile> out) : out_(std::move(out)) {}

  Status Begin(const WriterContext& context) override {
    catalog_ = context.catalog;
    captions_.emplace(*catalog_);
    std::string& b = out_->buffer();
    b.append(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!-- written by kg " KG_VERSION
        " -->\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
        "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
        "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        "  <key id=\"k_labels\" for=\"node\" attr.name=\"labels\" attr.type=\"string\"/>\n"
        "  <key id=\"k_node_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
        "  <key id=\"k_type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
        "  <key id=\"k_edge_label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n");
    DeclareKeys(context.node_columns, "node", "np", {"labels", "label"}, &node_keys_);
    DeclareKeys(context.rel_columns, "edge", "ep", {"type", "label"}, &rel_keys_);
    b.append("  <graph id=\"G\" edgedefault=\"directed\">\n");
    if (!context.query.empty()) {
      b.append("    <desc>");
      replaced_ += AppendXml(&b, context.query);
      b.append("</desc>\n");
    }
    return out_->Flush();
  }

  Status WriteNode(const NodeRecord& node) override {
    std::string& b = out_->buffer();
    b.append("    <node id=\"n");
    AppendInt(&b, static_cast<int64_t>(node.id));
    b.append("\">\n");
    if (!node.labels.empty()) Data("k_labels", LabelsText(*catalog_, node.labels));
    Data("k_node_label", captions_->Of(node));
    Properties(node.properties, node_keys_);
    b.append("    </node>\n");
    return out_->Flush();
  }

  Status WriteRelationship(const RelRecord& rel) override {
    std::string& b = out_->buffer();
    b.append("    <edge id=\"e");
    AppendInt(&b, static_cast<int64_t>(rel.id));
    b.append("\" source=\"n");
    AppendInt(&b, static_cast<int64_t>(rel.start));
    b.append("\" target=\"n");
    AppendInt(&b, static_cast<int64_t>(rel.end));
    b.append("\">\n");
    const std::string& type = catalog_->RelTypeName(rel.type);
    Data("k_type", type);
    Data("k_edge_label", type);
    Properties(rel.properties, rel_keys_);
    b.append("    </edge>\n");
    return out_->Flush();
  }

  Status Finish() override {
    out_->buffer().append("  </graph>\n</graphml>\n");
    return out_->Commit();
  }

 private:
  void DeclareKeys(const std::vector<PropertyColumn>& columns, const char* domain, const char* prefix,
                   const std::vector<std::string_view>& reserved, Keys* keys) {
    std::string& b = out_->buffer();
    keys->column.assign(catalog_->num_property_keys(), -1);
    for (const PropertyColumn& c : columns) {
      const std::string id = prefix + std::to_string(keys->ids.size());
      if (c.key >= keys->column.size()) keys->column.resize(c.key + 1, -1);
      keys->column[c.key] = static_cast<int>(keys->ids.size());
      keys->ids.push_back(id);
      keys->types.push_back(c.type);
      b.append("  <key id=\"").append(id).append("\" for=\"").append(domain).append("\" attr.name=\"");
      replaced_ += AppendXml(&b, AttributeName(c.name, reserved));
      b.append("\" attr.type=\"").append(c.type.XmlTypeName()).append("\"");
      if (!c.type.mixed && (c.type.list || c.type.IsTemporal())) {
        b.append("><desc>kg:").append(c.type.Name()).append("</desc></key>\n");
      } else {
        b.append("/>\n");
      }
    }
  }

  void Data(std::string_view key, std::string_view text) {
    std::string& b = out_->buffer();
    b.append("      <data key=\"").append(key).append("\">");
    replaced_ += AppendXml(&b, text);
    b.append("</data>\n");
  }

  void Properties(const Properties& properties, const Keys& keys) {
    std::string& b = out_->buffer();
    for (const Property& p : properties) {
      const int column = p.key < keys.column.size() ? keys.column[p.key] : -1;
      if (column < 0) continue;  // not seen by the first pass: cannot happen in one snapshot
      b.append("      <data key=\"").append(keys.ids[column]).append("\">");
      replaced_ += AppendXmlValue(&b, p.value);
      b.append("</data>\n");
    }
  }

  std::unique_ptr<OutputFile> out_;
  const Catalog* catalog_ = nullptr;
  std::optional<NodeCaptions> captions_;
  Keys node_keys_, rel_keys_;
};

}  // namespace

Result<std::unique_ptr<GraphWriter>> NewGraphmlWriter(const std::string& path, const WriterOptions&) {
  KG_ASSIGN_OR_RETURN(std::unique_ptr<OutputFile> out, OutputFile::Create(path));
  return std::unique_ptr<GraphWriter>(new GraphmlWriter(std::move(out)));
}

}  // namespace kg::interchange
