#include "interchange/import/import_sink.h"

#include "storage/bulk_loader.h"
#include "storage/transaction.h"

namespace kg::interchange {
namespace {

class TransactionSink : public ImportSink {
 public:
  explicit TransactionSink(std::unique_ptr<Transaction> txn) : txn_(std::move(txn)) {}
  Result<LabelId> InternLabel(std::string_view name) override { return txn_->InternLabel(name); }
  Result<RelTypeId> InternRelType(std::string_view name) override { return txn_->InternRelType(name); }
  Result<PropertyKeyId> InternPropertyKey(std::string_view name) override { return txn_->InternPropertyKey(name); }
  Result<NodeId> AddNode(std::vector<LabelId> labels, Properties properties) override {
    return txn_->CreateNode(std::move(labels), std::move(properties));
  }
  Result<RelId> AddRelationship(RelTypeId type, NodeId start, NodeId end, Properties properties) override {
    return txn_->CreateRelationship(type, start, end, std::move(properties));
  }
  Result<std::optional<NodeId>> FindExistingKey(const Value& key) override { return txn_->FindNodeByKey(key); }
  Status Commit() override { return txn_->Commit(); }
  const char* name() const override { return "transaction"; }

 private:
  std::unique_ptr<Transaction> txn_;
};

class BulkSink : public ImportSink {
 public:
  explicit BulkSink(std::unique_ptr<BulkLoader> loader) : loader_(std::move(loader)) {
    // The loader checks keys for uniqueness only once it knows the `key`
    // property, so it must be known before the first node.
    loader_->InternPropertyKey(kKeyProperty);
  }
  Result<LabelId> InternLabel(std::string_view name) override { return loader_->InternLabel(name); }
  Result<RelTypeId> InternRelType(std::string_view name) override { return loader_->InternRelType(name); }
  Result<PropertyKeyId> InternPropertyKey(std::string_view name) override { return loader_->InternPropertyKey(name); }
  Result<NodeId> AddNode(std::vector<LabelId> labels, Properties properties) override {
    return loader_->AddNode(std::move(labels), std::move(properties));
  }
  Result<RelId> AddRelationship(RelTypeId type, NodeId start, NodeId end, Properties properties) override {
    return loader_->AddRelationship(type, start, end, std::move(properties));
  }
  Status Commit() override { return loader_->Finish(); }
  const char* name() const override { return "bulk load"; }

 private:
  std::unique_ptr<BulkLoader> loader_;
};

}  // namespace

Result<std::unique_ptr<ImportSink>> NewTransactionSink(GraphStore& store) {
  KG_ASSIGN_OR_RETURN(std::unique_ptr<Transaction> txn, store.BeginWrite());
  return std::unique_ptr<ImportSink>(new TransactionSink(std::move(txn)));
}

Result<std::unique_ptr<ImportSink>> NewBulkSink(GraphStore& store) {
  KG_ASSIGN_OR_RETURN(std::unique_ptr<BulkLoader> loader, store.BeginBulkLoad());
  return std::unique_ptr<ImportSink>(new BulkSink(std::move(loader)));
}

}  // namespace kg::interchange
