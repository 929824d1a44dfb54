#include "planner/query_runner.h"

namespace kg {

// In development: replaced by the planner and executor in the next commits.
Result<QueryResult> RunStatement(GraphStore& store, ast::Statement& statement, const ValueMap& params,
                                 const RunOptions& options) {
  return Status::Semantic("not supported yet: query execution", statement.pos);
}

}  // namespace kg
