// Operators that change the graph: CREATE, MERGE, SET, REMOVE, DELETE.
// Each changes the graph through the statement's write transaction and
// counts what it changed in ctx.stats.
#pragma once

#include <string>
#include <vector>

#include "exec/bound_expression.h"
#include "exec/operator.h"

namespace kg {

// What CREATE (and MERGE, when nothing matches) creates for one row.
struct CreateSpec {
  struct Node {
    int slot;
    bool bound;  // already in the row: not created
    std::vector<std::string> labels;
    const bound::Expr* properties;  // may be nullptr
  };
  struct Rel {
    int slot;
    std::string type;
    int start;  // index into nodes
    int end;
    const bound::Expr* properties;
  };
  std::vector<Node> nodes;
  std::vector<Rel> rels;
  bool merge = false;  // MERGE refuses null property values
};

// One SET item, resolved.
struct SetSpec {
  enum class Kind {
    kProperty,  // entity.key = value
    kReplace,   // entity = value (a map, node or relationship)
    kMerge,     // entity += value
    kLabels,    // entity:Label...
  } kind;
  const bound::Expr* entity;  // the node/relationship expression (kProperty: the property's base)
  std::string key;            // kProperty
  const bound::Expr* value;   // not for kLabels
  std::vector<std::string> labels;
};

struct RemoveSpec {
  enum class Kind { kProperty, kLabels } kind;
  const bound::Expr* entity;
  std::string key;
  std::vector<std::string> labels;
};

void CreateInRow(ExecContext& ctx, Row& row, const CreateSpec& spec);
void ApplySet(ExecContext& ctx, Row& row, const SetSpec& spec);

class CreateOp : public Operator {
 public:
  CreateOp(OperatorPtr input, CreateSpec spec, std::string detail);
  std::string Name() const override { return "Create"; }
  std::string Detail() const override { return detail_; }

 protected:
  bool NextImpl(ExecContext& ctx, Row& row) override;

 private:
  CreateSpec spec_;
  std::string detail_;
};

// MERGE: for each input row, the rows of `match` (a plan with an Argument
// leaf) with ON MATCH SET applied; when it has none, creates the pattern
// and applies ON CREATE SET.
class MergeOp : public Operator {
 public:
  MergeOp(OperatorPtr input, OperatorPtr match, CreateSpec create, std::vector<SetSpec> on_create,
          std::vector<SetSpec> on_match, std::string detail);
  std::string Name() const override { return "Merge"; }
  std::string Detail() const override { return detail_; }

 protected:
  void OpenImpl(ExecContext& ctx) override;
  bool NextImpl(ExecContext& ctx, Row& row) override;

 private:
  CreateSpec create_;
  std::vector<SetSpec> on_create_, on_match_;
  std::string detail_;
  bool matching_ = false;
};

class SetOp : public Operator {
 public:
  SetOp(OperatorPtr input, std::vector<SetSpec> items, std::string detail);
  std::string Name() const override { return "Set"; }
  std::string Detail() const override { return detail_; }

 protected:
  bool NextImpl(ExecContext& ctx, Row& row) override;

 private:
  std::vector<SetSpec> items_;
  std::string detail_;
};

class RemoveOp : public Operator {
 public:
  RemoveOp(OperatorPtr input, std::vector<RemoveSpec> items, std::string detail);
  std::string Name() const override { return "Remove"; }
  std::string Detail() const override { return detail_; }

 protected:
  bool NextImpl(ExecContext& ctx, Row& row) override;

 private:
  std::vector<RemoveSpec> items_;
  std::string detail_;
};

// DELETE / DETACH DELETE. Reads all its input first, then deletes the
// relationships and then the nodes, so `MATCH (n)-[r]-() DELETE n, r`
// works whatever order the rows come in; a node that still has
// relationships after that (without DETACH) is a constraint error.
class DeleteOp : public Operator {
 public:
  DeleteOp(OperatorPtr input, std::vector<const bound::Expr*> exprs, bool detach, std::string detail);
  std::string Name() const override { return detach_ ? "DetachDelete" : "Delete"; }
  std::string Detail() const override { return detail_; }

 protected:
  void OpenImpl(ExecContext& ctx) override;
  bool NextImpl(ExecContext& ctx, Row& row) override;

 private:
  std::vector<const bound::Expr*> exprs_;
  bool detach_;
  std::string detail_;
  std::vector<Row> rows_;
  size_t pos_ = 0;
  bool done_ = false;
};

}  // namespace kg
