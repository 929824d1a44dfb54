// Graphviz DOT (https://graphviz.org/doc/info/lang.html), for pictures:
//
//   // written by kg 0.1.0
//   digraph kg {
//     graph [charset="UTF-8", rankdir="LR", fontname="sans-serif"];
//     node [shape="box", style="rounded,filled", fillcolor="#eef3fb", ...];
//     "n12" [id="n12", label="Lê Hoài Trung\n:Person"];
//     "n12" -> "n14" [id="e7", label="KNOWS"];
//   }
//
// A node shows its `name` (cut to 60 characters, with '…') over its labels;
// without a name its labels, without labels its id. An edge shows its type.
// Properties are not written: DOT is for drawing (`dot -Tsvg out.dot -o
// out.svg`); GraphML, GEXF, JSON and CSV carry the data.
//
// Every ID and label is a double-quoted string with '"' and '\' escaped; a
// line break becomes "\n" (a centred line), tabs become spaces, and
// control characters and bytes that are not UTF-8 become U+FFFD (Graphviz
// would copy them into SVG, which XML cannot hold).
#include <optional>

#include "common/utf8.h"
#include "common/version.h"
#include "interchange/export/element_names.h"
#include "interchange/export/graph_writer.h"
#include "interchange/export/output_file.h"
#include "interchange/text/value_text.h"

namespace kg::interchange {
namespace {

constexpr size_t kMaxCaptionCodePoints = 60;

class DotWriter : public GraphWriter {
 public:
  explicit DotWriter(std::unique_ptr<OutputFile> out) : out_(std::move(out)) {}

  Status Begin(const WriterContext& context) override {
    catalog_ = context.catalog;
    name_key_ = catalog_->FindPropertyKey("name");
    std::string& b = out_->buffer();
    b.append("// written by kg " KG_VERSION "\n");
    if (!context.query.empty()) {
      // A // comment ends at the line's end: one per line of the query.
      size_t start = 0;
      while (start <= context.query.size()) {
        size_t end = context.query.find('\n', start);
        if (end == std::string::npos) end = context.query.size();
        b.append("// ");
        AppendText(&b, std::string_view(context.query).substr(start, end - start), false);
        b.append("\n");
        start = end + 1;
      }
    }
    b.append(
        "digraph kg {\n"
        "  graph [charset=\"UTF-8\", rankdir=\"LR\", fontname=\"sans-serif\"];\n"
        "  node [shape=\"box\", style=\"rounded,filled\", fillcolor=\"#eef3fb\", color=\"#5b7db1\", "
        "fontname=\"sans-serif\", fontsize=\"11\"];\n"
        "  edge [color=\"#666666\", fontname=\"sans-serif\", fontsize=\"9\"];\n");
    return out_->Flush();
  }

  Status WriteNode(const NodeRecord& node) override {
    std::string& b = out_->buffer();
    b.append("  \"n");
    AppendInt(&b, static_cast<int64_t>(node.id));
    b.append("\" [id=\"n");
    AppendInt(&b, static_cast<int64_t>(node.id));
    b.append("\", label=\"");
    const Value* name = name_key_ ? FindProperty(node.properties, *name_key_) : nullptr;
    if (name) {
      AppendCaption(&b, ValueText(*name));
      if (!node.labels.empty()) b.append("\\n");
    }
    if (!node.labels.empty()) {
      AppendText(&b, LabelsText(*catalog_, node.labels), true);
    } else if (!name) {
      b.append("n");
      AppendInt(&b, static_cast<int64_t>(node.id));
    }
    b.append("\"];\n");
    return out_->Flush();
  }

  Status WriteRelationship(const RelRecord& rel) override {
    std::string& b = out_->buffer();
    b.append("  \"n");
    AppendInt(&b, static_cast<int64_t>(rel.start));
    b.append("\" -> \"n");
    AppendInt(&b, static_cast<int64_t>(rel.end));
    b.append("\" [id=\"e");
    AppendInt(&b, static_cast<int64_t>(rel.id));
    b.append("\", label=\"");
    AppendText(&b, catalog_->RelTypeName(rel.type), true);
    b.append("\"];\n");
    return out_->Flush();
  }

  Status Finish() override {
    out_->buffer().append("}\n");
    return out_->Commit();
  }

 private:
  // A name cut to kMaxCaptionCodePoints: a node is a box, not a page.
  void AppendCaption(std::string* b, std::string_view text) {
    size_t pos = 0, count = 0;
    while (pos < text.size() && count < kMaxCaptionCodePoints) {
      const utf8::CodePoint cp = utf8::DecodeAt(text, pos);
      pos += cp.length == 0 ? 1 : cp.length;
      ++count;
    }
    AppendText(b, text.substr(0, pos), true);
    if (pos < text.size()) b->append("…");
  }

  // Text inside a double-quoted DOT string (`quoted`), or in a // comment.
  void AppendText(std::string* b, std::string_view text, bool quoted) {
    size_t i = 0;
    while (i < text.size()) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      if (c >= 0x20 && c < 0x80) {
        if (quoted && (c == '"' || c == '\\')) b->push_back('\\');
        b->push_back(static_cast<char>(c));
        ++i;
        continue;
      }
      if (c == '\n') {
        b->append(quoted ? "\\n" : " ");
        ++i;
        continue;
      }
      if (c == '\t' || c == '\r') {
        b->push_back(' ');
        ++i;
        continue;
      }
      const utf8::CodePoint cp = c < 0x20 ? utf8::CodePoint{} : utf8::DecodeAt(text, i);
      if (cp.length == 0 || cp.value == 0xFFFE || cp.value == 0xFFFF) {
        b->append(utf8::kReplacementCharacter);
        ++replaced_;
        ++i;
        continue;
      }
      b->append(text.data() + i, cp.length);
      i += cp.length;
    }
  }

  std::unique_ptr<OutputFile> out_;
  const Catalog* catalog_ = nullptr;
  std::optional<PropertyKeyId> name_key_;
};

}  // namespace

Result<std::unique_ptr<GraphWriter>> NewDotWriter(const std::string& path, const WriterOptions&) {
  KG_ASSIGN_OR_RETURN(std::unique_ptr<OutputFile> out, OutputFile::Create(path));
  return std::unique_ptr<GraphWriter>(new DotWriter(std::move(out)));
}

}  // namespace kg::interchange
