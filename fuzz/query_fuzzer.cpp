// fuzz_query: a query as the shell receives it, through everything that runs
// before execution. The script is split into statements as `kg -f` splits
// it, then parsed and planned (Database::Check: ANTLR's parse tree, the
// AST, the binder and the planner) against an empty database, and a
// refusal is rendered as the shell shows it (the caret under the column).
#include <cstdlib>
#include <string_view>

#include "fuzz_support.h"
#include "parser/statement_splitter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const kg::StatementText& s : kg::SplitStatements(text)) {
    // Every statement is a piece of the script, where its offset says.
    if (s.offset > size || s.text.size() > size - s.offset || s.text.data() != text.data() + s.offset) std::abort();
  }
  kg::Database& db = kg::fuzz::SharedDatabase();
  const kg::Status status = db.Check(text);
  if (!status.ok()) {
    const std::string shown = kg::DescribeError(status, text);
    if (shown.empty()) std::abort();
  }
  return 0;
}
