// kg.validAt(x, when): whether a fact holds on a day, from its valid_from /
// valid_to (exec/validity.h reads them; docs/query-language.md, "Facts as
// of a date", states the semantics).
#include <vector>

#include "exec/expression_evaluator.h"
#include "exec/function_registry.h"
#include "exec/query_error.h"
#include "exec/validity.h"

namespace kg::functions {

namespace {

constexpr const char* kValidAt = "kg.validAt";

// The day to test: a DATE, the date of a LOCAL DATETIME or ZONED DATETIME
// (its local date), or ISO text of a whole day.
Date WhenArgument(const Value& v) {
  if (std::optional<Date> d = TemporalDatePart(v)) return *d;
  if (!v.is_string()) ThrowArgument(kValidAt, "a DATE, LOCAL DATETIME, ZONED DATETIME or ISO date text", v);
  Result<validity::DaySpan> span = validity::ParsePartialDate(v.as_string());
  if (!span.ok()) ThrowRuntime(std::string(kValidAt) + "(): " + span.status().message());
  // '2021' names a whole year: as-of needs one day, and picking one would guess.
  if (span->first != span->last) {
    ThrowRuntime(std::string(kValidAt) + "() needs a whole day (YYYY-MM-DD) to test, got '" + v.as_string() + "'");
  }
  return span->first;
}

Value ValidAt(std::vector<Value>& args, EvalContext& ctx) {
  if (args[0].is_null() || args[1].is_null()) return Value();
  const Value& x = args[0];
  if (!x.is_node() && !x.is_relationship() && !x.is_map()) {
    ThrowArgument(kValidAt, "a NODE, RELATIONSHIP or MAP", x);
  }
  const Date day = WhenArgument(args[1]);
  const Value from = PropertyOf(x, "valid_from", ctx);
  const Value to = PropertyOf(x, "valid_to", ctx);
  const Value reported = PropertyOf(x, "reported", ctx);
  Result<validity::Validity> validity = validity::ReadValidity(from, to, reported);
  if (!validity.ok()) ThrowRuntime(std::string(kValidAt) + "(): " + validity.status().message());
  return Value(validity->Contains(day));
}

}  // namespace

void RegisterValidityFunctions(Registry* r) { r->push_back({{"kg.validat", 2, 2}, ValidAt}); }

}  // namespace kg::functions
