// Names and captions of exported elements, shared by the writers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/catalog.h"
#include "storage/ids.h"

namespace kg::interchange {

// The `labels` attribute of GraphML and GEXF: each label after a ':'
// (":Person:Organization"; "" for none), the form Neo4j's exports use. A
// ':' or '\' inside a label is escaped with '\'. Split it in Python with
// `s.split(":")[1:]` when no label holds a ':'.
std::string LabelsText(const Catalog& catalog, const std::vector<LabelId>& labels);

// What a drawing shows for a node: its `name` property (as text), else its
// labels (":Person"), else its id ("n12"). One per export: the `name` key is
// looked up once.
class NodeCaptions {
 public:
  explicit NodeCaptions(const Catalog& catalog);
  std::string Of(const NodeRecord& node) const;

 private:
  const Catalog* catalog_;
  std::optional<PropertyKeyId> name_key_;
};

// The exported ids: "n12", "e7".
std::string NodeXmlId(NodeId id);
std::string RelXmlId(RelId id);

// The rule that keeps a property from taking the name of a built-in
// attribute (`labels`, `label`, `type`...): a property whose name is one of
// `reserved`, with any number of '_' before it, gets one more '_' in front
// ("label" -> "_label", "_label" -> "__label"). Readers undo it by taking one
// '_' off any such name.
std::string AttributeName(std::string_view property, const std::vector<std::string_view>& reserved);

}  // namespace kg::interchange
