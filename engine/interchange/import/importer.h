// ImportGraph: reads graph files into a database, all of them or nothing.
//
//   ImportOptions options;
//   Result<ImportReport> r = ImportGraph(db, {"data/graph"}, options);
//   // "imported 120 nodes and 240 relationships from data/graph (0.2 s)"
//
// Formats: the rows of interchange/formats.h with a reader
// (docs/interchange.md, "## Import", is the user's guide):
//   - json: kg's JSON graph format (data/README.md), a file or a directory
//     of *.json files read in name order;
//   - csv: a directory, either gen_graph.py's layout (manifest.json,
//     nodes/<Label>.csv, edges/<TYPE>.csv) or kg's CSV export (nodes.csv
//     with :ID and :LABEL columns, relationships.csv with :START_ID,
//     :END_ID and :TYPE);
//   - graphml: a GraphML file, kg's own export or a foreign one (networkx,
//     yEd, igraph).
// Node ids of a file name nodes within one path argument: a relationship
// can join nodes of any file of a directory, not of another argument.
//
// Every path lands in one write transaction, or (large inputs into an empty
// database, or ImportMode::kBulk) one bulk load: a refused input leaves the
// database exactly as it was. The first problem ends the import with a
// kIo error "file:line: reason" (kConstraint for a `key` that is taken,
// kInterrupted when cancelled).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "interchange/formats.h"
#include "main/database.h"

namespace kg::interchange {

enum class ImportMode {
  kAuto,         // bulk load into an empty on-disk database for inputs of kBulkThresholdBytes or more
  kTransaction,  // always one write transaction
  kBulk,         // always the bulk loader (not for in-memory databases)
};
constexpr uint64_t kBulkThresholdBytes = uint64_t{8} << 20;

struct ImportProgress {
  uint64_t nodes = 0, relationships = 0;
  uint64_t bytes_read = 0, bytes_total = 0;
};

struct ImportOptions {
  ImportFormat format = nullptr;  // a row of the format table; nullptr: from each path's name or contents
  ImportMode mode = ImportMode::kAuto;
  // GraphML from other tools: the label of a node without labels, the type
  // of an edge without one.
  std::string node_label = "Node";
  std::string rel_type = "RELATED_TO";
  // GraphML: keep each node's id as the string property `graphml_id`.
  // Foreign files keep them anyway (a networkx node's id is often its only
  // name); kg's own exports do not, unless this is set (their ids are
  // internal numbers).
  bool keep_ids = false;
  // CSV: property types by column name ("year" -> "int"), over the header
  // suffix and the manifest.
  std::map<std::string, std::string> csv_types;
  // Called now and then (about 10 times a second) while reading.
  std::function<void(const ImportProgress&)> progress;
  // Checked as often; when it turns true the import stops with kInterrupted
  // and nothing of it is kept.
  const std::atomic<bool>* cancel = nullptr;
};

struct ImportReport {
  uint64_t nodes = 0, relationships = 0;
  double seconds = 0;
  std::string sink;  // "transaction" or "bulk load"
  std::vector<std::string> paths;
  std::vector<ImportFormat> formats;  // each path's
};

// "imported 120 nodes and 240 relationships from data/graph (0.2 s)"
std::string DescribeImport(const ImportReport& report);

Result<ImportReport> ImportGraph(Database& db, const std::vector<std::string>& paths, const ImportOptions& options);

// A JSON graph file held in memory: its name (for errors and the report)
// and its text.
struct NamedText {
  std::string name;
  std::string_view text;
};

// Imports kg JSON graph files given as text, as one source (links may name
// nodes of any of them) in one transaction: a graph compiled into a
// program, such as kg's bundled graph. Errors name `name:line`.
Result<ImportReport> ImportJsonTexts(Database& db, const std::vector<NamedText>& files,
                                     const ImportOptions& options = {});

// The reader under ImportJsonTexts, into a builder of the caller's (the
// fuzz target's, which drops what it read); json_graph_reader.cpp.
class ImportBuilder;
Status ReadJsonGraphTexts(const std::vector<NamedText>& files, ImportBuilder& builder);

}  // namespace kg::interchange
