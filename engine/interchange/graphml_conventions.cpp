#include "interchange/graphml_conventions.h"

#include <cstring>

namespace kg::interchange {
namespace {
const char* Attr(const XML_Char** attrs, const char* name) {
  for (int i = 0; attrs[i] != nullptr; i += 2) {
    if (std::strcmp(attrs[i], name) == 0) return attrs[i + 1];
  }
  return nullptr;
}
}  // namespace

KgKeyRole KgKeyRoleOf(const XML_Char** attrs, bool* kg_export) {
  const char* role = Attr(attrs, "kg.role");
  if (role == nullptr) return KgKeyRole::kProperty;
  *kg_export = true;
  const std::string r = role;
  if (r == "labels") return KgKeyRole::kLabels;
  if (r == "type") return KgKeyRole::kType;
  if (r == "display") return KgKeyRole::kDisplayLabel;
  if (r == "list") return KgKeyRole::kListProperty;
  return KgKeyRole::kProperty;
}

std::vector<std::string> SplitKgLabels(const std::string& text) {
  // ":Person:Ministry"
  std::vector<std::string> labels;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ':') ++i;
    const size_t next = text.find(':', i);
    const std::string l = text.substr(i, next == std::string::npos ? std::string::npos : next - i);
    if (!l.empty()) labels.push_back(l);
    if (next == std::string::npos) break;
    i = next;
  }
  return labels;
}

}  // namespace kg::interchange
