// Text that a spreadsheet would run as a formula ("CSV injection", in
// OWASP's words): a cell beginning with '=', '+', '-', '@', a tab or a
// carriage return. kg's CSV and TSV (query results, `kg export --format
// csv`) write such text with a leading "'", which spreadsheets show as text
// and do not run; numbers are values, not text, and stay as they are (-3
// is written -3).
//
// So that kg's CSV export reads back as it was, the rule is reversible: a
// text is guarded when it begins with any number of "'" followed by one of
// those characters, and kg's CSV importer takes one "'" off a cell of that
// shape (docs/interchange.md). `--csv-formulas keep` turns the guard off.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kg {

enum class CsvFormulas {
  kGuard,  // a "'" before text a spreadsheet would run (the default)
  kKeep,   // text as it is
};

// "guard" or "keep"; nothing for another word.
std::optional<CsvFormulas> ParseCsvFormulas(std::string_view word);

// Whether `text` gets a leading "'" under kGuard.
bool NeedsFormulaGuard(std::string_view text);

// `text`, with a leading "'" when NeedsFormulaGuard.
std::string GuardFormula(std::string_view text);

// The reverse, for kg's CSV importer: one "'" taken off a cell that begins
// with "'"s followed by '=', '+', '-', '@', a tab or a carriage return.
std::string_view UnguardFormula(std::string_view text);

}  // namespace kg
