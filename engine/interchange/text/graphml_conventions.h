// What kg's GraphML export (graphml_writer.cpp) adds to plain GraphML, as
// the importer reads it back:
//   - built-in keys: k_labels (node labels, ":Person:Ministry"), k_type
//     (the relationship type), k_node_label and k_edge_label (the caption
//     Gephi and yEd show: not data); a file declaring k_labels or k_type is
//     taken for kg's own export;
//   - a date or list key says so in its <desc>: "kg:date", "kg:int[]"...
//     (the values are ISO dates and JSON arrays in string keys);
//   - a property named like a built-in attribute got a '_' in front
//     ("label" -> "_label", "_label" -> "__label"), which is taken off.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interchange/text/typed_text.h"

namespace kg::interchange {

// Property that keeps a foreign GraphML node's id.
constexpr char kGraphmlIdProperty[] = "graphml_id";

enum class KgKeyRole {
  kProperty,      // a property
  kLabels,        // the node's labels
  kType,          // the relationship's type
  kDisplayLabel,  // the caption for drawing tools
};

// The role of a <key> by its id and `for` ("node", "edge").
KgKeyRole KgBuiltinKey(std::string_view id, std::string_view domain);

// The type kg's export gives a key in its <desc>, if the text is that mark.
std::optional<PropertyType> KgDescType(std::string_view desc);

// The property behind an attribute name of kg's export: one '_' off a name
// that is '_'s and a built-in name ("_label" -> "label").
std::string KgPropertyName(std::string_view attr_name, bool node);

// ":Person:Ministry" -> {"Person", "Ministry"}; '\' escapes ':' and '\'.
std::vector<std::string> SplitKgLabels(std::string_view text);

}  // namespace kg::interchange
