#include "common/csv_formula.h"

namespace kg {
namespace {

bool FormulaStart(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

// The first byte after the leading "'"s.
size_t AfterQuotes(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && text[i] == '\'') ++i;
  return i;
}

}  // namespace

std::optional<CsvFormulas> ParseCsvFormulas(std::string_view word) {
  if (word == "guard") return CsvFormulas::kGuard;
  if (word == "keep") return CsvFormulas::kKeep;
  return std::nullopt;
}

bool NeedsFormulaGuard(std::string_view text) {
  const size_t i = AfterQuotes(text);
  return i < text.size() && FormulaStart(text[i]);
}

std::string GuardFormula(std::string_view text) {
  if (!NeedsFormulaGuard(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 1);
  out.push_back('\'');
  out.append(text);
  return out;
}

std::string_view UnguardFormula(std::string_view text) {
  const size_t i = AfterQuotes(text);
  if (i == 0 || i >= text.size() || !FormulaStart(text[i])) return text;
  return text.substr(1);
}

}  // namespace kg
