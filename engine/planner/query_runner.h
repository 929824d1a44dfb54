// Runs one parsed statement against the store: plans it, executes the plan
// in one transaction (a write transaction if the statement writes), and
// commits it or rolls it back as a whole.
#pragma once

#include <atomic>

#include "common/status.h"
#include "common/value.h"
#include "main/database.h"
#include "parser/ast.h"
#include "storage/graph_store.h"

namespace kg {

struct RunOptions {
  int64_t max_path_length = 32;
  const std::atomic<bool>* interrupt = nullptr;  // see ExecContext::interrupt
};

Result<QueryResult> RunStatement(GraphStore& store, ast::Statement& statement, const ValueMap& params,
                                 const RunOptions& options);

}  // namespace kg
