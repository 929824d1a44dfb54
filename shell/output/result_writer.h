// ResultWriter: prints statement results in one output format.
//
// Results go to `out` (stdout); a format that must keep `out` clean for
// machines (csv, tsv, json, jsonl) writes its notes (timing, what a write
// statement changed) to `info` (stderr), and only when asked.
#pragma once

#include <memory>
#include <ostream>

#include "common/csv_formula.h"
#include "main/database.h"
#include "output/output_format.h"

namespace kg::shell {

struct WriterOptions {
  // table: the terminal's width in columns; 0 means no limit (not a terminal).
  int max_width = 0;
  // table: wrap long cells onto more lines instead of truncating them with '…'.
  bool wrap = false;
  // Print each statement's time (elapsed_ms passed to Write).
  bool timing = false;
  // csv, tsv: text a spreadsheet would run as a formula gets a leading '
  // (common/csv_formula.h); kKeep writes it as it is.
  CsvFormulas csv_formulas = CsvFormulas::kGuard;
};

class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  // Writes one statement's result: its rows, or for a statement without
  // columns what it changed; EXPLAIN/PROFILE plans; with timing on, the time.
  virtual void Write(const QueryResult& result, double elapsed_ms) = 0;
  // After the last statement of a run.
  virtual void Finish() {}
};

std::unique_ptr<ResultWriter> MakeResultWriter(OutputFormat format, std::ostream& out, std::ostream& info,
                                               const WriterOptions& options);

}  // namespace kg::shell
