// As-of mode (`kg --as-of 2021-05-21`, `:as-of` in the shell): a statement
// sees only the relationships that hold on one day, by the same reading of
// valid_from / valid_to / reported as kg.validAt (exec/validity.h). Every
// operator that walks relationships (Expand, VarLengthExpand,
// RelListExpand, ShortestPath) asks HoldsAsOf for each one it would match,
// so paths, pattern predicates and EXISTS/COUNT subqueries follow it too.
// Nodes are not filtered: a relationship's holding is what a day changes.
#pragma once

#include <optional>

#include "common/date.h"
#include "storage/ids.h"

namespace kg {

struct ExecContext;

struct AsOf {
  Date day;
  // The property keys read, resolved at the statement's first check (the
  // catalog of a statement does not change while it reads).
  bool resolved = false;
  bool any_dated = false;  // some relationship has one of the three
  std::optional<PropertyKeyId> valid_from, valid_to, reported;
};

// Whether relationship `rel` holds on ctx.as_of's day (HoldsAsOf, in
// exec/operator.h, calls it only in as-of mode). A relationship with
// unreadable validity stops the statement with a runtime error naming it.
bool HoldsAsOfSlow(ExecContext& ctx, RelId rel);

// Refuses work that would ignore the as-of day (whole-graph algorithms).
void RefuseAsOf(const ExecContext& ctx, const char* what);

}  // namespace kg
