#include "interchange/text/graphml_conventions.h"

namespace kg::interchange {

KgKeyRole KgBuiltinKey(std::string_view id, std::string_view domain) {
  if (domain == "node") {
    if (id == "k_labels") return KgKeyRole::kLabels;
    if (id == "k_node_label") return KgKeyRole::kDisplayLabel;
  } else if (domain == "edge") {
    if (id == "k_type") return KgKeyRole::kType;
    if (id == "k_edge_label") return KgKeyRole::kDisplayLabel;
  }
  return KgKeyRole::kProperty;
}

std::optional<PropertyType> KgDescType(std::string_view desc) {
  constexpr std::string_view kMark = "kg:";
  if (desc.substr(0, kMark.size()) != kMark) return std::nullopt;
  return ParsePropertyType(desc.substr(kMark.size()));
}

std::string KgPropertyName(std::string_view attr_name, bool node) {
  const size_t underscores = attr_name.find_first_not_of('_');
  if (underscores == 0 || underscores == std::string_view::npos) return std::string(attr_name);
  const std::string_view rest = attr_name.substr(underscores);
  const bool reserved = rest == "label" || (node ? rest == "labels" : rest == "type");
  return std::string(reserved ? attr_name.substr(1) : attr_name);
}

std::vector<std::string> SplitKgLabels(std::string_view text) {
  std::vector<std::string> labels;
  std::string label;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      label.push_back(text[++i]);
    } else if (c == ':') {
      if (!label.empty()) labels.push_back(std::move(label));
      label.clear();
    } else {
      label.push_back(c);
    }
  }
  if (!label.empty()) labels.push_back(std::move(label));
  return labels;
}

}  // namespace kg::interchange
