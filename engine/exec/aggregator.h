// Aggregate functions: one Aggregator per group and aggregate expression.
#pragma once

#include <memory>
#include <string_view>
#include <unordered_set>

#include "common/value.h"

namespace kg {

class Aggregator {
 public:
  virtual ~Aggregator() = default;
  // Adds one input value (count(*) passes true for every row). Nulls are
  // ignored by every aggregate but count(*). Throws QueryError on a type
  // error (sum of strings).
  virtual void Add(const Value& v) = 0;
  // The result: count of nothing is 0, sum of nothing 0, avg/min/max of
  // nothing null, collect of nothing [].
  virtual Value Finish() = 0;
};

// name: lower-case function name ("count", "sum", ...); count_star for
// count(*); distinct: each distinct (equivalent) value is added once.
// Extra arguments (percentileCont's percentile) arrive in `params`.
std::unique_ptr<Aggregator> MakeAggregator(std::string_view name, bool distinct, bool count_star,
                                           const std::vector<Value>& params = {});

}  // namespace kg
