#include "tck/test_procedure.h"

#include <regex>

#include "exec/value_ops.h"
#include "tck/tck_value.h"

namespace kg::tck {

namespace {

// "name :: STRING?, in :: INTEGER?" as (name, type) pairs.
Result<std::vector<std::pair<std::string, CypherType>>> ParseFields(const std::string& text) {
  std::vector<std::pair<std::string, CypherType>> out;
  static const std::regex kField("\\s*(\\w+)\\s*::\\s*([\\w?]+)\\s*(,|$)");
  auto begin = std::sregex_iterator(text.begin(), text.end(), kField);
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    auto type = ParseCypherType((*it)[2]);
    if (!type) return Status::Usage("unknown type in a procedure signature: " + (*it)[2].str());
    out.emplace_back((*it)[1], *type);
  }
  return out;
}

}  // namespace

Result<Procedure> ParseTestProcedure(const std::string& signature, const std::vector<std::vector<std::string>>& table) {
  static const std::regex kSignature("^\\s*([\\w.]+)\\((.*)\\)\\s*::\\s*\\((.*)\\)\\s*:?\\s*$");
  std::smatch m;
  if (!std::regex_match(signature, m, kSignature)) return Status::Usage("cannot read the procedure: " + signature);
  Procedure p;
  p.name = m[1];
  p.description = "a procedure of the TCK, answering from its table";
  KG_ASSIGN_OR_RETURN(auto arguments, ParseFields(m[2]));
  KG_ASSIGN_OR_RETURN(auto columns, ParseFields(m[3]));
  for (auto& [name, type] : arguments) p.arguments.push_back(ProcedureArgument{name, type, std::nullopt});
  for (auto& [name, type] : columns) p.columns.push_back(ProcedureColumn{name, type});

  // The table: a header naming the arguments and then the columns.
  const size_t width = arguments.size() + columns.size();
  std::vector<std::vector<Value>> rows;
  for (size_t r = 1; r < table.size(); ++r) {
    if (table[r].size() != width) return Status::Usage("a row of " + p.name + "'s table has the wrong width");
    std::vector<Value> row;
    for (const std::string& cell : table[r]) {
      KG_ASSIGN_OR_RETURN(TckValue tv, ParseTckValue(cell));
      KG_ASSIGN_OR_RETURN(Value v, ToKgValue(tv));
      row.push_back(std::move(v));
    }
    rows.push_back(std::move(row));
  }
  const size_t inputs = arguments.size();
  p.run = [rows, inputs](ExecContext&, std::vector<Value>& args) -> std::unique_ptr<ProcedureRows> {
    std::vector<std::vector<Value>> out;
    for (const auto& row : rows) {
      bool match = true;
      for (size_t i = 0; i < inputs && match; ++i) match = Equivalent(row[i], args[i]);
      if (match) out.emplace_back(row.begin() + static_cast<std::ptrdiff_t>(inputs), row.end());
    }
    return std::make_unique<VectorRows>(std::move(out));
  };
  return p;
}

}  // namespace kg::tck
