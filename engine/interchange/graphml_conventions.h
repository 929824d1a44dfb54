// What kg's GraphML export adds to plain GraphML, as the reader sees it
// (docs/interchange.md describes the file for a person).
#pragma once

#include <expat.h>

#include <string>
#include <vector>

namespace kg::interchange {

// Property that keeps a foreign GraphML node's id.
constexpr char kGraphmlIdProperty[] = "graphml_id";

// What a <key> of kg's export stands for.
enum class KgKeyRole {
  kProperty,      // a property, read by its attr.type
  kListProperty,  // a list property, written as a JSON array
  kLabels,        // the node's labels
  kType,          // the relationship's type
  kDisplayLabel,  // the label shown by Gephi and yEd: not data
};

// The role of a key from its attributes; sets *kg_export when the key
// shows the file is kg's own export.
KgKeyRole KgKeyRoleOf(const XML_Char** attrs, bool* kg_export);

// A node's labels as the labels key holds them.
std::vector<std::string> SplitKgLabels(const std::string& text);

}  // namespace kg::interchange
