#include "interchange/import/importer.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <new>

#include "common/utf8.h"
#include "interchange/import/import_builder.h"
#include "interchange/import/import_sink.h"
#include "main/database_internal.h"

namespace kg::interchange {

namespace {

namespace fs = std::filesystem;

// Bytes the import will read, for the progress display.
uint64_t InputBytes(const std::string& path) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    const auto size = fs::file_size(path, ec);
    return ec ? 0 : size;
  }
  uint64_t total = 0;
  for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file(ec)) {
      const std::string ext = it->path().extension().string();
      if (ext == ".csv" || ext == ".json") total += it->file_size(ec);
    }
  }
  return total;
}

// A bulk load writes sorted files and ingests them at the end: much faster
// for big inputs, but only worth it into an empty database.
Result<std::unique_ptr<ImportSink>> ChooseSink(GraphStore& store, const ImportOptions& options, uint64_t bytes_total) {
  bool bulk = options.mode == ImportMode::kBulk;
  if (options.mode == ImportMode::kAuto && bytes_total >= kBulkThresholdBytes && !store.read_only()) {
    const std::shared_ptr<const Catalog> catalog = store.catalog();
    bulk = catalog->node_count() == 0 && catalog->rel_count() == 0;
  }
  if (bulk) {
    Result<std::unique_ptr<ImportSink>> s = NewBulkSink(store);
    if (s.ok() || options.mode == ImportMode::kBulk || !s.status().Is(ErrorKind::kUsage)) return s;
    // (kAuto on an in-memory database: a transaction after all.)
  }
  return NewTransactionSink(store);
}

// Commits what the builder read and reports it.
Result<ImportReport> Finish(ImportSink& sink, const ImportBuilder& builder, const ImportOptions& options,
                            std::chrono::steady_clock::time_point start, ImportReport report) {
  if (options.cancel != nullptr && options.cancel->load()) {
    return Status::Error(ErrorKind::kInterrupted, "import cancelled; the database is unchanged");
  }
  KG_RETURN_IF_ERROR(sink.Commit());
  report.nodes = builder.nodes();
  report.relationships = builder.relationships();
  report.sink = sink.name();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

// One path read into the builder. The readers report what they find as
// values; what the libraries under them throw (memory running out, a
// directory that cannot be listed) ends here, in words, and the import is
// dropped with the sink.
Status ReadPath(const std::string& path, ImportFormat format, ImportBuilder& builder) {
  try {
    return format->reader(path, path, builder);
  } catch (const std::bad_alloc&) {
    return Status::Io("out of memory reading " + path);
  } catch (const fs::filesystem_error& e) {
    std::string reason = e.code().message();
    if (!reason.empty()) reason[0] = utf8::AsciiLower(reason[0]);
    return Status::Io("cannot read " + (e.path1().empty() ? path : e.path1().string()) + ": " + reason);
  }
}

}  // namespace

std::string DescribeImport(const ImportReport& report) {
  std::string from;
  for (size_t i = 0; i < report.paths.size(); ++i) from += (i == 0 ? "" : ", ") + report.paths[i];
  char seconds[32];
  // Small imports take a fraction of a second: keep a digit that shows it.
  std::snprintf(seconds, sizeof seconds, report.seconds < 1 ? "%.2f s" : "%.1f s", report.seconds);
  auto plural = [](uint64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  return "imported " + plural(report.nodes, "node", "nodes") + " and " +
         plural(report.relationships, "relationship", "relationships") + " from " + from + " (" + seconds +
         (report.sink == "bulk load" ? ", bulk load" : "") + ")";
}

Result<ImportReport> ImportGraph(Database& db, const std::vector<std::string>& paths, const ImportOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (paths.empty()) return Status::Usage("nothing to import: give a file or directory");
  ImportReport report;
  uint64_t bytes_total = 0;
  for (const std::string& path : paths) {
    ImportFormat format = options.format;
    if (format == nullptr) {
      KG_ASSIGN_OR_RETURN(format, DetectImportFormat(path));
    } else {
      std::error_code ec;
      if (!fs::exists(path, ec)) return Status::Io(path + ": no such file or directory");
    }
    report.paths.push_back(path);
    report.formats.push_back(format);
    bytes_total += InputBytes(path);
  }

  KG_ASSIGN_OR_RETURN(std::unique_ptr<ImportSink> sink, ChooseSink(StoreOf(db), options, bytes_total));
  ImportBuilder builder(*sink, options, bytes_total);
  for (size_t i = 0; i < paths.size(); ++i) {
    KG_RETURN_IF_ERROR(ReadPath(paths[i], report.formats[i], builder));
  }
  return Finish(*sink, builder, options, start, std::move(report));
}

Result<ImportReport> ImportJsonTexts(Database& db, const std::vector<NamedText>& files, const ImportOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  ImportReport report;
  uint64_t bytes_total = 0;
  for (const NamedText& f : files) {
    report.paths.push_back(f.name);
    report.formats.push_back(ParseImportFormat("json").value());
    bytes_total += f.text.size();
  }
  KG_ASSIGN_OR_RETURN(std::unique_ptr<ImportSink> sink, ChooseSink(StoreOf(db), options, bytes_total));
  ImportBuilder builder(*sink, options, bytes_total);
  KG_RETURN_IF_ERROR(ReadJsonGraphTexts(files, builder));
  return Finish(*sink, builder, options, start, std::move(report));
}

}  // namespace kg::interchange
