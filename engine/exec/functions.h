// The scalar function table: id, labels, type, keys, properties, startNode,
// endNode, nodes, relationships, length, size, head, last, tail, range,
// coalesce, toString, toInteger, toFloat, toBoolean, toLower, toUpper, trim,
// ltrim, rtrim, replace, substring, split, left, right, reverse, abs, sign,
// round, floor, ceil, sqrt, date, exists, ... Names are case-insensitive.
#pragma once

#include <string_view>
#include <vector>

#include "common/value.h"
#include "exec/eval_context.h"

namespace kg {

struct FunctionInfo {
  const char* name;  // lower case
  int min_args;
  int max_args;  // -1: any number
};

// The id of a scalar function, or -1 when there is none of that name.
int FindScalarFunction(std::string_view name);
const FunctionInfo& ScalarFunctionInfo(int id);
// How many scalar functions there are: their ids are 0 .. count - 1.
size_t ScalarFunctionCount();

// Calls scalar function `id` (arguments already evaluated). Throws
// QueryError on a wrong argument type.
Value CallScalarFunction(int id, std::vector<Value>& args, EvalContext& ctx);

// Aggregates: count, sum, avg, min, max, collect (and more if present).
bool IsAggregateFunction(std::string_view name);
// The aggregates' names, lower case: the names IsAggregateFunction knows.
const std::vector<std::string_view>& AggregateFunctionNames();

}  // namespace kg
