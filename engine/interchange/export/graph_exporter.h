// ExportGraph: the subgraph behind a query's result (or the whole graph)
// written to a file in one of the formats of interchange/formats.h.
//
//   ExportOptions options;
//   options.format = *ParseExportFormat("graphml");
//   options.query = "MATCH p = (:Organization {key: 'org/unesco-vn'})-[*..2]-() RETURN p";
//   Result<ExportReport> r = ExportGraph(db, "unesco.graphml", options);
//   // DescribeExport(*r): "exported 42 nodes and 57 relationships to unesco.graphml (0.1 s)"
//
// The query runs as Database::Execute runs it (its last statement's result
// counts). Elements are then read through one DatabaseSnapshot
// (main/database_snapshot.h), so the file is one consistent state; the whole graph is scanned, never held in
// memory. Formats that declare property types up front read the elements
// twice over that same snapshot.
//
// Errors: the query's own (syntax, semantic, runtime), kIo for files,
// kUsage for a bad target, kInterrupted when options.cancel turned true (or
// the query was interrupted). No file appears under the target's name
// unless the export succeeds.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "interchange/export/export_options.h"
#include "main/database.h"

namespace kg::interchange {

struct ExportReport {
  uint64_t nodes = 0, relationships = 0;
  double seconds = 0;
  std::string target;             // the file, or csv's directory
  ExportFormat format = nullptr;  // the row of options.format
  // Characters the format cannot carry, replaced with U+FFFD (text/xml_text.h).
  uint64_t replaced_characters = 0;
};

// "exported 120 nodes and 240 relationships to out.graphml (0.3 s)", with
// "; 2 characters XML cannot hold were replaced with U+FFFD" when any were.
std::string DescribeExport(const ExportReport& report);

// `path` is the output file; for csv a directory (made when missing), or a
// `DIR/nodes.csv` path naming that directory.
Result<ExportReport> ExportGraph(Database& db, const std::string& path, const ExportOptions& options);

}  // namespace kg::interchange
