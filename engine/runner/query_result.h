// QueryResult: what running one statement gives back (runner/query_runner.h
// makes it; Database returns it).
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "common/value.h"
#include "exec/query_stats.h"

namespace kg {

struct QueryResult {
  std::vector<std::string> columns;
  // Nodes, relationships and paths carry their views (labels, type,
  // properties as the statement left them).
  std::vector<std::vector<Value>> rows;
  QueryStats stats;
  // EXPLAIN: the plan (no rows); PROFILE: the plan with rows and time per
  // operator (and the rows).
  std::string plan;
  // The statement's text, and where it starts in the text given to Execute.
  std::string statement;
  Position position;
};

}  // namespace kg
