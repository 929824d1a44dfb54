#include "exec/functions.h"

#include <string>
#include <unordered_map>

#include "common/utf8.h"
#include "exec/function_registry.h"
#include "exec/query_error.h"

namespace kg {

namespace functions {

void ThrowArgument(const char* function, const char* expected, const Value& got) {
  ThrowRuntime(std::string(function) + "() expects " + expected + ", got " + ValueKindName(got.kind()));
}

int64_t IntArgument(const char* function, const Value& v) {
  if (!v.is_int()) ThrowArgument(function, "an INTEGER", v);
  return v.as_int();
}

namespace {

Value Coalesce(std::vector<Value>& args, EvalContext&) {
  for (Value& v : args) {
    if (!v.is_null()) return std::move(v);
  }
  return Value();
}

// exists(n.prop): whether the value is there. exists(<pattern>) never gets
// here: the evaluator answers it with the pattern predicate.
Value Exists(std::vector<Value>& args, EvalContext&) { return Value(!args[0].is_null()); }

struct Table {
  Registry entries;
  std::unordered_map<std::string, int> ids;

  Table() {
    entries.push_back({{"coalesce", 1, -1}, Coalesce});
    entries.push_back({{"exists", 1, 1}, Exists});
    RegisterGraphFunctions(&entries);
    RegisterListFunctions(&entries);
    RegisterStringFunctions(&entries);
    RegisterMathFunctions(&entries);
    RegisterConversionFunctions(&entries);
    RegisterTemporalConstructFunctions(&entries);
    RegisterTemporalArithmeticFunctions(&entries);
    RegisterValidityFunctions(&entries);
    RegisterSearchFunctions(&entries);
    RegisterEvidenceFunctions(&entries);
    for (size_t i = 0; i < entries.size(); ++i) ids.emplace(entries[i].info.name, static_cast<int>(i));
  }
};

const Table& GetTable() {
  static const Table table;
  return table;
}

}  // namespace
}  // namespace functions

int FindScalarFunction(std::string_view name) {
  const auto& ids = functions::GetTable().ids;
  auto it = ids.find(utf8::AsciiLower(name));
  return it == ids.end() ? -1 : it->second;
}

const FunctionInfo& ScalarFunctionInfo(int id) {
  return functions::GetTable().entries.at(static_cast<size_t>(id)).info;
}

size_t ScalarFunctionCount() { return functions::GetTable().entries.size(); }

Value CallScalarFunction(int id, std::vector<Value>& args, EvalContext& ctx) {
  const functions::FunctionEntry& entry = functions::GetTable().entries.at(static_cast<size_t>(id));
  const int n = static_cast<int>(args.size());
  if (n < entry.info.min_args || (entry.info.max_args >= 0 && n > entry.info.max_args)) {
    ThrowSemantic(std::string(entry.info.name) + "() cannot take " + std::to_string(n) + " argument" +
                  (n == 1 ? "" : "s"));
  }
  return entry.fn(args, ctx);
}

const std::vector<std::string_view>& AggregateFunctionNames() {
  static const std::vector<std::string_view> kNames = {
      "count", "sum", "avg", "min", "max", "collect", "stdev", "stdevp", "percentilecont", "percentiledisc"};
  return kNames;
}

bool IsAggregateFunction(std::string_view name) {
  const std::string lower = utf8::AsciiLower(name);
  for (std::string_view n : AggregateFunctionNames()) {
    if (lower == n) return true;
  }
  return false;
}

}  // namespace kg
