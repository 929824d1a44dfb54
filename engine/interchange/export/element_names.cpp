#include "interchange/export/element_names.h"

#include "interchange/text/value_text.h"

namespace kg::interchange {

std::string LabelsText(const Catalog& catalog, const std::vector<LabelId>& labels) {
  std::string out;
  for (LabelId label : labels) {
    out.push_back(':');
    for (char c : catalog.LabelName(label)) {
      if (c == ':' || c == '\\') out.push_back('\\');
      out.push_back(c);
    }
  }
  return out;
}

NodeCaptions::NodeCaptions(const Catalog& catalog) : catalog_(&catalog), name_key_(catalog.FindPropertyKey("name")) {}

std::string NodeCaptions::Of(const NodeRecord& node) const {
  if (name_key_) {
    if (const Value* name = FindProperty(node.properties, *name_key_)) return ValueText(*name);
  }
  if (!node.labels.empty()) return LabelsText(*catalog_, node.labels);
  return NodeXmlId(node.id);
}

std::string NodeXmlId(NodeId id) { return "n" + std::to_string(id); }
std::string RelXmlId(RelId id) { return "e" + std::to_string(id); }

std::string AttributeName(std::string_view property, const std::vector<std::string_view>& reserved) {
  const size_t underscores = property.find_first_not_of('_');
  if (underscores != std::string_view::npos) {
    const std::string_view rest = property.substr(underscores);
    for (std::string_view r : reserved) {
      if (rest == r) return "_" + std::string(property);
    }
  }
  return std::string(property);
}

}  // namespace kg::interchange
