// ImportSink: where an import's nodes and relationships go.
//
// Two ways into a GraphStore, with the same all-or-nothing promise: a write
// transaction (any database; everything is held in memory until Commit)
// and the bulk loader (sorted files ingested at Finish; the fast way to
// fill an empty database with millions of elements). Either way nothing is
// visible before Commit() succeeds, and a sink destroyed without it leaves
// the database exactly as it was.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "storage/graph_store.h"
#include "storage/ids.h"

namespace kg::interchange {

class ImportSink {
 public:
  virtual ~ImportSink() = default;

  // Node ids come out consecutive (the store allocates them in order).
  virtual Result<LabelId> InternLabel(std::string_view name) = 0;
  virtual Result<RelTypeId> InternRelType(std::string_view name) = 0;
  virtual Result<PropertyKeyId> InternPropertyKey(std::string_view name) = 0;
  virtual Result<NodeId> AddNode(std::vector<LabelId> labels, Properties properties) = 0;
  virtual Result<RelId> AddRelationship(RelTypeId type, NodeId start, NodeId end, Properties properties) = 0;
  // The node of the database (before this import) whose `key` is `key`,
  // when the sink can tell cheaply; the bulk loader checks at AddNode.
  virtual Result<std::optional<NodeId>> FindExistingKey(const Value& key) { return std::optional<NodeId>(); }
  // Makes everything visible at once. The sink is finished afterwards.
  virtual Status Commit() = 0;
  // "transaction" or "bulk load", for the report.
  virtual const char* name() const = 0;
};

// A write transaction; waits while another writer holds the store.
Result<std::unique_ptr<ImportSink>> NewTransactionSink(GraphStore& store);
// The bulk loader; refused on an in-memory or read-only store.
Result<std::unique_ptr<ImportSink>> NewBulkSink(GraphStore& store);

}  // namespace kg::interchange
