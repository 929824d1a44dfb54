// What ExportGraph (graph_exporter.h) is asked to do.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "common/csv_formula.h"
#include "common/value.h"
#include "interchange/formats.h"

namespace kg::interchange {

struct ExportProgress {
  // Formats that declare every property's type up front (needs_schema in
  // their row: GraphML, GEXF, CSV) read the elements twice: kScanning learns the types, kWriting
  // writes. The others only write.
  enum class Phase { kQuery, kScanning, kWriting };
  Phase phase = Phase::kWriting;
  uint64_t nodes = 0, relationships = 0;  // done in this phase
  uint64_t total = 0;                     // elements of the phase; 0 when not known
};

struct ExportOptions {
  // A row of the format table (ParseExportFormat, DetectExportFormat).
  ExportFormat format = ParseExportFormat("graphml").value();
  // The subgraph behind this query's result; empty: the whole graph.
  std::string query;
  ValueMap params;
  // Also every relationship between two exported nodes.
  bool induced = false;
  // csv: text a spreadsheet would run as a formula gets a leading '
  // (common/csv_formula.h); kKeep writes it as stored.
  CsvFormulas csv_formulas = CsvFormulas::kGuard;
  // Called every few thousand elements (and at the start of each phase).
  std::function<void(const ExportProgress&)> progress;
  // Checked as often (right after `progress`); when it turns true the export
  // stops with kInterrupted and leaves no file behind.
  const std::atomic<bool>* cancel = nullptr;
};

}  // namespace kg::interchange
