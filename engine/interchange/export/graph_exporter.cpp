#include "interchange/export/graph_exporter.h"

#include <chrono>
#include <cstdio>
#include <memory>

#include "interchange/export/graph_writer.h"
#include "interchange/export/property_schema.h"
#include "interchange/export/subgraph.h"
#include "main/database_snapshot.h"

namespace kg::interchange {
namespace {

// Progress and cancellation are looked at once per this many elements:
// often enough for a tenth of a second, rarely enough to cost nothing.
constexpr uint64_t kTickEvery = 4096;

// Counts one phase's elements, reports progress and checks for cancellation.
class Ticker {
 public:
  Ticker(const ExportOptions& options, ExportProgress::Phase phase, uint64_t total) : options_(options) {
    progress_.phase = phase;
    progress_.total = total;
    Report();
  }
  Status Node() {
    ++progress_.nodes;
    return ++count_ % kTickEvery == 0 ? Check() : Status::Ok();
  }
  Status Relationship() {
    ++progress_.relationships;
    return ++count_ % kTickEvery == 0 ? Check() : Status::Ok();
  }
  Status Check() {
    Report();
    if (options_.cancel && options_.cancel->load(std::memory_order_relaxed)) {
      return Status::Error(ErrorKind::kInterrupted, "export cancelled");
    }
    return Status::Ok();
  }
  uint64_t nodes() const { return progress_.nodes; }
  uint64_t relationships() const { return progress_.relationships; }

 private:
  void Report() {
    if (options_.progress) options_.progress(progress_);
  }
  const ExportOptions& options_;
  ExportProgress progress_;
  uint64_t count_ = 0;
};

}  // namespace

std::string DescribeExport(const ExportReport& report) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1f", report.seconds);
  std::string text = "exported " + std::to_string(report.nodes) + (report.nodes == 1 ? " node" : " nodes") + " and " +
                     std::to_string(report.relationships) +
                     (report.relationships == 1 ? " relationship" : " relationships") + " to " + report.target + " (" +
                     seconds + " s)";
  if (report.replaced_characters > 0) {
    text += "; " + std::to_string(report.replaced_characters) +
            (report.replaced_characters == 1 ? " character" : " characters") + " the format cannot hold " +
            (report.replaced_characters == 1 ? "was" : "were") + " replaced with U+FFFD";
  }
  return text;
}

Result<ExportReport> ExportGraph(Database& db, const std::string& path, const ExportOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (options.format == nullptr || options.format->writer == nullptr) return Status::Usage("no export format given");
  ExportReport report;
  report.format = options.format;
  report.target = ExportTarget(options.format, path);
  if (report.target.empty()) return Status::Usage("no output file given");

  Subgraph subgraph = Subgraph::WholeGraph();
  if (!options.query.empty()) {
    if (options.progress) options.progress(ExportProgress{ExportProgress::Phase::kQuery, 0, 0, 0});
    KG_ASSIGN_OR_RETURN(QueryResult result, db.Execute(options.query, options.params));
    subgraph = Subgraph::FromResult(result);
  }
  KG_ASSIGN_OR_RETURN(std::unique_ptr<DatabaseSnapshot> snapshot, db.Snapshot());
  if (options.induced) KG_RETURN_IF_ERROR(subgraph.AddInducedRelationships(*snapshot, options.cancel));

  WriterOptions writer_options;
  writer_options.csv_formulas = options.csv_formulas;
  KG_ASSIGN_OR_RETURN(std::unique_ptr<GraphWriter> writer, options.format->writer(report.target, writer_options));
  WriterContext context;
  context.catalog = &snapshot->catalog();
  context.query = options.query;
  const uint64_t total = subgraph.NodeCount(*snapshot) + subgraph.RelationshipCount(*snapshot);

  if (options.format->needs_schema) {
    PropertySchema nodes, rels;
    Ticker tick(options, ExportProgress::Phase::kScanning, total);
    KG_RETURN_IF_ERROR(subgraph.ForEachNode(*snapshot, [&](const NodeRecord& node) {
      nodes.Observe(node.properties);
      return tick.Node();
    }));
    KG_RETURN_IF_ERROR(subgraph.ForEachRelationship(*snapshot, [&](const RelRecord& rel) {
      rels.Observe(rel.properties);
      return tick.Relationship();
    }));
    context.node_columns = nodes.Columns(snapshot->catalog());
    context.rel_columns = rels.Columns(snapshot->catalog());
  }

  Ticker tick(options, ExportProgress::Phase::kWriting, total);
  KG_RETURN_IF_ERROR(writer->Begin(context));
  KG_RETURN_IF_ERROR(subgraph.ForEachNode(*snapshot, [&](const NodeRecord& node) {
    KG_RETURN_IF_ERROR(writer->WriteNode(node));
    return tick.Node();
  }));
  KG_RETURN_IF_ERROR(writer->BeginRelationships());
  KG_RETURN_IF_ERROR(subgraph.ForEachRelationship(*snapshot, [&](const RelRecord& rel) {
    KG_RETURN_IF_ERROR(writer->WriteRelationship(rel));
    return tick.Relationship();
  }));
  KG_RETURN_IF_ERROR(tick.Check());
  KG_RETURN_IF_ERROR(writer->Finish());

  report.nodes = tick.nodes();
  report.relationships = tick.relationships();
  report.replaced_characters = writer->replaced_characters();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace kg::interchange
