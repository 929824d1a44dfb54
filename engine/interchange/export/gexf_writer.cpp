// GEXF (https://gexf.net), Gephi's format: 1.3 by default, or 1.2draft,
// which networkx's read_gexf (2.x and 3.x) knows and 1.3 it does not. The
// two differ only in the namespace, the version and the edges' `kind`.
//
//   <gexf xmlns="http://gexf.net/1.3" ... version="1.3">
//     <meta><creator>kg 0.1.0</creator><description>MATCH ...</description></meta>
//     <graph defaultedgetype="directed" mode="static">
//       <attributes class="node">
//         <attribute id="labels" title="labels" type="string"/>
//         <attribute id="p0" title="name" type="string"/>
//       </attributes>
//       <attributes class="edge">
//         <attribute id="type" title="type" type="string"/>
//         <attribute id="p0" title="since" type="long"/>
//       </attributes>
//       <nodes>
//         <node id="n12" label="Lê Hoài Trung">
//           <attvalues><attvalue for="labels" value=":Person"/><attvalue for="p0" value="Lê Hoài Trung"/></attvalues>
//         </node>
//       </nodes>
//       <edges>
//         <edge id="e7" source="n12" target="n14" label="KNOWS" kind="KNOWS">
//           <attvalues><attvalue for="type" value="KNOWS"/><attvalue for="p0" value="2019"/></attvalues>
//         </edge>
//       </edges>
//     </graph>
//   </gexf>
//
// Attribute types: boolean, long (64-bit integers), double, and string for
// text, temporal values (ISO: dates, times, datetimes, durations), lists
// (JSON text) and mixed keys. The node label is
// the caption (name, else labels, else id), the edge label the type; in
// 1.3 the edge's `kind` is its type too, so Gephi keeps parallel edges of
// different types apart. Properties named like a built-in (node: labels,
// label, id; edge: type, label, id, weight, which Gephi and networkx use
// themselves) are renamed by element_text.h's AttributeName rule.
#include <optional>

#include "common/version.h"
#include "interchange/export/element_names.h"
#include "interchange/export/graph_writer.h"
#include "interchange/export/output_file.h"
#include "interchange/text/value_text.h"
#include "interchange/text/xml_text.h"

namespace kg::interchange {
namespace {

// GEXF 1.3, or 1.2draft for readers that know only that.
enum class GexfVersion { k1_3, k1_2draft };

class GexfWriter : public GraphWriter {
 public:
  GexfWriter(std::unique_ptr<OutputFile> out, GexfVersion version) : out_(std::move(out)), version_(version) {}

  Status Begin(const WriterContext& context) override {
    catalog_ = context.catalog;
    captions_.emplace(*catalog_);
    std::string& b = out_->buffer();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if (version_ == GexfVersion::k1_3) {
      b.append(
          "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "    xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n");
    } else {
      b.append(
          "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "    xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" "
          "version=\"1.2\">\n");
    }
    b.append("  <meta>\n    <creator>kg " KG_VERSION "</creator>\n");
    if (!context.query.empty()) {
      b.append("    <description>");
      replaced_ += AppendXml(&b, context.query);
      b.append("</description>\n");
    }
    b.append("  </meta>\n  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
    b.append("    <attributes class=\"node\">\n      <attribute id=\"labels\" title=\"labels\" type=\"string\"/>\n");
    Declare(context.node_columns, {"labels", "label", "id"}, &node_columns_);
    b.append("    </attributes>\n");
    b.append("    <attributes class=\"edge\">\n      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n");
    Declare(context.rel_columns, {"type", "label", "id", "weight"}, &rel_columns_);
    b.append("    </attributes>\n    <nodes>\n");
    return out_->Flush();
  }

  Status WriteNode(const NodeRecord& node) override {
    std::string& b = out_->buffer();
    b.append("      <node id=\"n");
    AppendInt(&b, static_cast<int64_t>(node.id));
    b.append("\" label=\"");
    replaced_ += AppendXml(&b, captions_->Of(node));
    b.append("\">\n        <attvalues>");
    if (!node.labels.empty()) AttValue("labels", LabelsText(*catalog_, node.labels));
    Values(node.properties, node_columns_);
    b.append("</attvalues>\n      </node>\n");
    return out_->Flush();
  }

  Status BeginRelationships() override {
    out_->buffer().append("    </nodes>\n    <edges>\n");
    return Status::Ok();
  }

  Status WriteRelationship(const RelRecord& rel) override {
    std::string& b = out_->buffer();
    const std::string& type = catalog_->RelTypeName(rel.type);
    b.append("      <edge id=\"e");
    AppendInt(&b, static_cast<int64_t>(rel.id));
    b.append("\" source=\"n");
    AppendInt(&b, static_cast<int64_t>(rel.start));
    b.append("\" target=\"n");
    AppendInt(&b, static_cast<int64_t>(rel.end));
    b.append("\" label=\"");
    replaced_ += AppendXml(&b, type);
    if (version_ == GexfVersion::k1_3) {
      b.append("\" kind=\"");
      replaced_ += AppendXml(&b, type);
    }
    b.append("\">\n        <attvalues>");
    AttValue("type", type);
    Values(rel.properties, rel_columns_);
    b.append("</attvalues>\n      </edge>\n");
    return out_->Flush();
  }

  Status Finish() override {
    out_->buffer().append("    </edges>\n  </graph>\n</gexf>\n");
    return out_->Commit();
  }

 private:
  void Declare(const std::vector<PropertyColumn>& columns, const std::vector<std::string_view>& reserved,
               std::vector<std::string>* ids) {
    std::string& b = out_->buffer();
    ids->assign(catalog_->num_property_keys(), std::string());
    int n = 0;
    for (const PropertyColumn& c : columns) {
      if (c.key >= ids->size()) ids->resize(c.key + 1);
      (*ids)[c.key] = "p" + std::to_string(n++);
      b.append("      <attribute id=\"").append((*ids)[c.key]).append("\" title=\"");
      replaced_ += AppendXml(&b, AttributeName(c.name, reserved));
      b.append("\" type=\"").append(c.type.XmlTypeName()).append("\"/>\n");
    }
  }

  void AttValue(std::string_view id, std::string_view text) {
    std::string& b = out_->buffer();
    b.append("<attvalue for=\"").append(id).append("\" value=\"");
    replaced_ += AppendXml(&b, text);
    b.append("\"/>");
  }

  void Values(const Properties& properties, const std::vector<std::string>& ids) {
    std::string& b = out_->buffer();
    for (const Property& p : properties) {
      if (p.key >= ids.size() || ids[p.key].empty()) continue;
      b.append("<attvalue for=\"").append(ids[p.key]).append("\" value=\"");
      replaced_ += AppendXmlValue(&b, p.value);
      b.append("\"/>");
    }
  }

  std::unique_ptr<OutputFile> out_;
  GexfVersion version_;
  const Catalog* catalog_ = nullptr;
  std::optional<NodeCaptions> captions_;
  std::vector<std::string> node_columns_, rel_columns_;  // key id -> attribute id ("" when not exported)
};

}  // namespace

Result<std::unique_ptr<GraphWriter>> NewGexfWriter(const std::string& path, const WriterOptions&) {
  KG_ASSIGN_OR_RETURN(std::unique_ptr<OutputFile> out, OutputFile::Create(path));
  return std::unique_ptr<GraphWriter>(new GexfWriter(std::move(out), GexfVersion::k1_3));
}

Result<std::unique_ptr<GraphWriter>> NewGexf12Writer(const std::string& path, const WriterOptions&) {
  KG_ASSIGN_OR_RETURN(std::unique_ptr<OutputFile> out, OutputFile::Create(path));
  return std::unique_ptr<GraphWriter>(new GexfWriter(std::move(out), GexfVersion::k1_2draft));
}

}  // namespace kg::interchange
