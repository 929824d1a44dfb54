// Operators that read the graph: node scans and seeks, single-hop and
// variable-length expansion, path construction, shortest paths.
//
// Label and type names are resolved to ids when an operator opens, not when
// it is planned: a statement may create a label and match it later.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "exec/bound_expression.h"
#include "exec/operator.h"
#include "storage/cursors.h"
#include "storage/ids.h"

namespace kg {

// The relationship an adjacency entry stands for, as a query value.
RelRef ToRelRef(const AdjacencyEntry& e);

// Names resolved against the transaction's catalog.
struct LabelSet {
  std::vector<std::string> names;
  std::vector<LabelId> ids;
  bool impossible = false;  // a name the catalog does not know: nothing matches
  bool resolved = false;
  // Resolves the names; a name missing before is looked up again, since the
  // statement may have created it in the meantime (CREATE ... MATCH).
  void Resolve(const Transaction& txn);
  bool Matches(const NodeRecord& node) const;
};

struct TypeSet {
  std::vector<std::string> names;
  std::vector<RelTypeId> ids;  // empty with names empty: every type
  bool impossible = false;
  bool resolved = false;
  void Resolve(const Transaction& txn);
  bool Matches(RelTypeId type) const;
};

// For each input row, the nodes of a scan or seek, written to `slot`.
class NodeScanOp : public Operator {
 public:
  enum class Mode {
    kAll,        // every node
    kLabel,      // nodes with labels[0]
    kKeySeek,    // the node whose `key` equals `value`
    kIndexSeek,  // nodes with labels[0] whose indexed `property` equals `value`
  };
  NodeScanOp(OperatorPtr input, int slot, Mode mode, std::vector<std::string> labels, std::string property,
             const bound::Expr* value, std::string variable);
  std::string Name() const override;
  std::string Detail() const override;
  // kLabel with `property` = `value`: the predicate (the whole `=`
  // expression) is this scan's to check; the property's column settles it
  // for most nodes, the rest are evaluated.
  void CheckPredicate(const bound::Expr* predicate) { predicate_ = predicate; }

 protected:
  void OpenImpl(ExecContext& ctx) override;
  bool NextImpl(ExecContext& ctx, Row& row) override;
  void CloseImpl() override {
    all_.reset();
    ids_.reset();
    active_ = false;
  }

 private:
  bool StartScan(ExecContext& ctx, Row& row);
  bool Accept(ExecContext& ctx, NodeId id);
  // Counts a scanned node; once the statement has scanned enough, moves
  // the scan onto the projection (built now) after the last id it gave.
  void Step(ExecContext& ctx, NodeId id);
  // The scan's cursor as the transaction gives it now.
  void MakeCursor(ExecContext& ctx);

  int slot_;
  Mode mode_;
  LabelSet labels_;
  std::string property_;
  const bound::Expr* value_;
  const bound::Expr* predicate_ = nullptr;
  std::string variable_;
  std::unique_ptr<NodeCursor> all_;
  std::unique_ptr<NodeIdCursor> ids_;
  std::optional<NodeId> single_;
  bool active_ = false;
  // kLabel with an equality: the value this scan compares with, and its key.
  std::optional<Value> scan_value_;
  PropertyKeyId scan_key_ = 0;
  bool on_projection_ = false;  // the cursor reads the projection
};

// Rules every relationship of one MATCH must follow: it differs from the
// relationships already bound in the same MATCH (single slots and the
// lists of variable-length segments).
struct RelUniqueness {
  std::vector<int> rel_slots;
  std::vector<int> rel_list_slots;
  bool Allows(const Row& row, uint64_t rel) const;
};

// For each input row, the relationships of the node in `from_slot` in a
// direction, of the given types; writes the relationship and the
// neighbour. With `into`, the neighbour must be the node already in
// `to_slot`.
class ExpandOp : public Operator {
 public:
  ExpandOp(OperatorPtr input, int from_slot, int rel_slot, int to_slot, Direction dir, std::vector<std::string> types,
           std::vector<std::string> to_labels, bool into, RelUniqueness uniqueness, std::string detail);
  std::string Name() const override { return into_ ? "ExpandInto" : "Expand"; }
  std::string Detail() const override { return detail_; }
  // The relationship slot is already bound (by an earlier clause): only
  // that relationship matches.
  void RequireBoundRelationship() { bound_rel_ = true; }
  // Its input starts from a whole-graph scan: expand through the
  // in-memory projection, building its adjacency part if missing.
  void ReadsWholeGraph() { whole_graph_ = true; }

 protected:
  void OpenImpl(ExecContext& ctx) override;
  bool NextImpl(ExecContext& ctx, Row& row) override;
  void CloseImpl() override { cursor_.reset(); }

 private:
  int from_slot_, rel_slot_, to_slot_;
  Direction dir_;
  TypeSet types_;
  LabelSet to_labels_;
  bool into_;
  bool bound_rel_ = false;
  bool whole_graph_ = false;
  RelUniqueness uniqueness_;
  std::string detail_;
  std::unique_ptr<AdjacencyCursor> cursor_;
};

// What the two operators of a variable-length relationship share: the
// pattern (from_slot)-[rels_slot :types *min_hops..max_hops]-(to_slot
// :to_labels) with its direction, property map and uniqueness; max_hops < 0
// is no bound; `reverse_list` when the pattern is walked from its right end.
class VarLengthPatternOp : public Operator {
 public:
  VarLengthPatternOp(OperatorPtr input, int from_slot, int rels_slot, int to_slot, Direction dir,
                     std::vector<std::string> types, std::vector<std::string> to_labels, bool into, int64_t min_hops,
                     int64_t max_hops, bool reverse_list, const bound::Expr* rel_properties, RelUniqueness uniqueness,
                     std::string detail);
  std::string Detail() const override { return detail_; }

 protected:
  int from_slot_, rels_slot_, to_slot_;
  Direction dir_;
  TypeSet types_;
  LabelSet to_labels_;
  bool into_;
  int64_t min_hops_, max_hops_;
  bool reverse_list_;
  const bound::Expr* rel_properties_;
  RelUniqueness uniqueness_;
  std::string detail_;
};

// Variable-length expansion: every path of min..max relationships from the
// node in `from_slot` (relationships unique within the path), writing the
// list of relationships (in pattern order) and the end node. An unbounded
// pattern (max < 0) that would go beyond ctx.max_path_length hops fails
// with a runtime error instead of running without bound.
class VarLengthExpandOp : public VarLengthPatternOp {
 public:
  using VarLengthPatternOp::VarLengthPatternOp;
  std::string Name() const override { return into_ ? "VarLengthExpandInto" : "VarLengthExpand"; }
  void ReadsWholeGraph() { whole_graph_ = true; }

 protected:
  void OpenImpl(ExecContext& ctx) override;
  bool NextImpl(ExecContext& ctx, Row& row) override;
  void CloseImpl() override {
    stack_.clear();
    path_.clear();
    active_ = false;
    pending_ = false;
  }

 private:
  struct Frame {
    NodeId node;
    std::unique_ptr<AdjacencyCursor> cursor;
  };
  bool EndMatches(ExecContext& ctx, const Row& row, NodeId node);
  bool RelMatches(ExecContext& ctx, const AdjacencyEntry& e);
  void Emit(Row& row, NodeId end);

  bool whole_graph_ = false;

  bool active_ = false;
  std::vector<Frame> stack_;
  std::vector<RelRef> path_;
  Value props_;  // the evaluated property map for this input row
  bool pending_ = false;
  NodeId pending_end_ = 0;
  int64_t limit_ = 0;  // hops we may take (cap + 1 when unbounded, to detect the cap)
};

// A variable-length relationship whose list an earlier clause bound
// (`WITH [r1, r2] AS rs MATCH (a)-[rs*]->(b)`): the one walk from the node
// in `from_slot` along exactly those relationships, in the list's order
// (reversed with `reverse_list`, when the pattern is walked from its right
// end), each of the pattern's types, direction and properties, no
// relationship twice, the list's length within min..max (max < 0: no
// bound). Writes the end node, or with `into` checks it; at most one row
// per input row. A null list matches nothing; a list holding anything but
// relationships is a runtime error.
class RelListExpandOp : public VarLengthPatternOp {
 public:
  using VarLengthPatternOp::VarLengthPatternOp;
  std::string Name() const override { return into_ ? "RelListExpandInto" : "RelListExpand"; }

 protected:
  bool NextImpl(ExecContext& ctx, Row& row) override;

 private:
  // The end of the walk from `from`, or nullopt when the list does not
  // make one.
  std::optional<NodeId> Walk(ExecContext& ctx, Row& row, NodeId from, const ValueList& rels);
};

// Builds a path value from node slots and relationship slots (single
// relationships or the lists of variable-length segments).
class ProjectPathOp : public Operator {
 public:
  struct Step {
    int rel_slot;  // the relationship (or list of relationships) before node_slot
    bool variable_length;
    int node_slot;
  };
  ProjectPathOp(OperatorPtr input, int first_node_slot, std::vector<Step> steps, int path_slot, std::string variable);
  std::string Name() const override { return "ProjectPath"; }
  std::string Detail() const override { return variable_; }

 protected:
  bool NextImpl(ExecContext& ctx, Row& row) override;

 private:
  int first_node_slot_;
  std::vector<Step> steps_;
  int path_slot_;
  std::string variable_;
};

// shortestPath / allShortestPaths between two bound nodes. shortestPath
// searches from both ends at once (bidirectional breadth-first search);
// allShortestPaths and patterns with relationship properties use Boost.Graph
// over the part of the graph within max_hops of the start node. Writes the
// relationship list (pattern order).
class ShortestPathOp : public Operator {
 public:
  ShortestPathOp(OperatorPtr input, int from_slot, int to_slot, int rels_slot, Direction dir,
                 std::vector<std::string> types, int64_t min_hops, int64_t max_hops, bool all,
                 const bound::Expr* rel_properties, std::string detail);
  std::string Name() const override { return all_ ? "AllShortestPaths" : "ShortestPath"; }
  std::string Detail() const override { return detail_; }

 protected:
  void OpenImpl(ExecContext& ctx) override;
  bool NextImpl(ExecContext& ctx, Row& row) override;
  void CloseImpl() override {
    results_.clear();
    pos_ = 0;
  }

 private:
  void FindPaths(ExecContext& ctx, const Row& row);
  // shortestPath by bidirectional breadth-first search; false when it
  // cannot answer (the caller then uses the general search).
  bool Bidirectional(ExecContext& ctx, NodeId from, NodeId to, int64_t limit);

  int from_slot_, to_slot_, rels_slot_;
  Direction dir_;
  TypeSet types_;
  int64_t min_hops_, max_hops_;
  bool all_;
  const bound::Expr* rel_properties_;
  std::string detail_;
  std::vector<ValueList> results_;
  size_t pos_ = 0;
};

}  // namespace kg
