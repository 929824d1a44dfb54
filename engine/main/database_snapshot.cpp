#include "main/database_snapshot.h"

#include "storage/cursors.h"
#include "storage/transaction.h"

namespace kg {

DatabaseSnapshot::DatabaseSnapshot(std::unique_ptr<Transaction> txn) : txn_(std::move(txn)) {}
DatabaseSnapshot::~DatabaseSnapshot() = default;

const Catalog& DatabaseSnapshot::catalog() const { return txn_->catalog(); }

Status DatabaseSnapshot::ForEachNode(const std::function<Status(const NodeRecord&)>& visit) {
  auto cursor = txn_->ScanNodes();
  for (; cursor->Valid(); cursor->Next()) KG_RETURN_IF_ERROR(visit(cursor->record()));
  return cursor->status();
}

Status DatabaseSnapshot::ForEachRelationship(const std::function<Status(const RelRecord&)>& visit) {
  auto cursor = txn_->ScanRelationships();
  for (; cursor->Valid(); cursor->Next()) KG_RETURN_IF_ERROR(visit(cursor->record()));
  return cursor->status();
}

Status DatabaseSnapshot::ForEachOutgoing(NodeId node, const std::function<Status(RelId rel, NodeId end)>& visit) {
  auto cursor = txn_->Expand(node, Direction::kOut);
  for (; cursor->Valid(); cursor->Next()) KG_RETURN_IF_ERROR(visit(cursor->entry().rel, cursor->entry().neighbour));
  return cursor->status();
}

Result<std::optional<NodeRecord>> DatabaseSnapshot::GetNode(NodeId id) { return txn_->GetNode(id); }
Result<std::optional<RelRecord>> DatabaseSnapshot::GetRelationship(RelId id) { return txn_->GetRelationship(id); }
Result<bool> DatabaseSnapshot::NodeExists(NodeId id) { return txn_->NodeExists(id); }

}  // namespace kg
