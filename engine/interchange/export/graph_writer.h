// GraphWriter: one export format. ExportGraph (graph_exporter.h) drives it:
//
//   Begin(context)                 the header (with every property's type
//                                  when the format's row says needs_schema:
//                                  a first pass learned them)
//   WriteNode(node) ...            every exported node, in id order
//   BeginRelationships()
//   WriteRelationship(rel) ...     every exported relationship, in id order
//   Finish()                       the end; the files appear under their names
//
// A writer destroyed before Finish() succeeds leaves no file behind
// (output_file.h). Writers are made by the factory in their format's row
// (interchange/formats.h), each defined at the end of the writer's file.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "interchange/export/property_schema.h"
#include "interchange/formats.h"
#include "storage/catalog.h"
#include "storage/ids.h"

namespace kg::interchange {

struct WriterContext {
  const Catalog* catalog = nullptr;  // names of labels, types and keys
  // When the format needs_schema: the property keys of the exported nodes and
  // relationships with their types, sorted by name.
  std::vector<PropertyColumn> node_columns;
  std::vector<PropertyColumn> rel_columns;
  // What was exported, for the formats that keep a description: the query,
  // or empty for the whole graph.
  std::string query;
};

class GraphWriter {
 public:
  virtual ~GraphWriter() = default;
  virtual Status Begin(const WriterContext& context) = 0;
  virtual Status WriteNode(const NodeRecord& node) = 0;
  virtual Status BeginRelationships() { return Status::Ok(); }
  virtual Status WriteRelationship(const RelRecord& rel) = 0;
  virtual Status Finish() = 0;
  // Characters the format cannot hold, replaced with U+FFFD (xml_text.h).
  uint64_t replaced_characters() const { return replaced_; }

 protected:
  uint64_t replaced_ = 0;
};

}  // namespace kg::interchange
