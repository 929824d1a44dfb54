// The TCK's test procedures: "there exists a procedure
// test.my.proc(in :: INTEGER?) :: (out :: STRING?):" with a table whose
// rows give, for each combination of arguments, the rows the call yields.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "exec/procedure.h"

namespace kg::tck {

// The procedure a step declares. `signature` is the step's text after
// "there exists a procedure "; `table` its table, the header first.
Result<Procedure> ParseTestProcedure(const std::string& signature, const std::vector<std::vector<std::string>>& table);

}  // namespace kg::tck
