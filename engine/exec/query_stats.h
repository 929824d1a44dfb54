// QueryStats: what a statement changed, counted by the write operators
// (exec/write_operators.h) as they change the graph.
#pragma once

#include <cstdint>

namespace kg {

struct QueryStats {
  int64_t nodes_created = 0;
  int64_t nodes_deleted = 0;
  int64_t relationships_created = 0;
  int64_t relationships_deleted = 0;
  int64_t properties_set = 0;
  int64_t labels_added = 0;
  int64_t labels_removed = 0;
  bool ContainsUpdates() const {
    return nodes_created || nodes_deleted || relationships_created || relationships_deleted || properties_set ||
           labels_added || labels_removed;
  }
};

}  // namespace kg
