// fuzz_param_literal: the value of `kg --param name=VALUE` and
// `:param name => VALUE`. The text is parsed as the single expression of a
// RETURN and evaluated against an empty database (Database::Evaluate), so
// literals, operators and the functions they call all run; the value, when
// there is one, is printed as the shell prints it.
#include <cstdlib>
#include <string_view>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  kg::Database& db = kg::fuzz::SharedDatabase();
  kg::Result<kg::Value> value = db.Evaluate(text);
  if (value.ok()) {
    (void)value->ToString();
  } else if (kg::DescribeError(value.status(), text).empty()) {
    std::abort();
  }
  return 0;
}
