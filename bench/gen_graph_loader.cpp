#include "gen_graph_loader.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>

#include "common/value.h"
#include "storage/bulk_loader.h"

namespace kg {
namespace bench {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Splits a line at commas into exactly `n` fields; names hold no commas or
// quotes (gen_graph.py promises it), so no quoting rules are needed.
bool SplitFields(std::string_view line, size_t n, std::string_view* fields) {
  size_t i = 0;
  while (i + 1 < n) {
    const size_t comma = line.find(',');
    if (comma == std::string_view::npos) return false;
    fields[i++] = line.substr(0, comma);
    line.remove_prefix(comma + 1);
  }
  if (line.find(',') != std::string_view::npos) return false;
  fields[i] = line;
  return true;
}

template <typename T>
bool ParseNumber(std::string_view s, T* out) {
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, *out);
  return ec == std::errc() && ptr == end;
}

// Calls `row(fields, line_no)` for each data line of a CSV with the given
// header. The file is read whole and split in place: no string per line.
// `where(line_no)` names a line for errors, built only when one is needed.
template <typename RowFn>
Status ReadCsv(const fs::path& path, std::string_view header, size_t num_fields, RowFn row) {
  std::string text;
  {
    std::ifstream f(path, std::ios::binary);
    if (!f) return Status::Io("cannot open " + path.string());
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) return Status::Io("cannot read " + path.string() + ": " + ec.message());
    text.resize(size);
    if (!f.read(text.data(), static_cast<std::streamsize>(size))) return Status::Io("error reading " + path.string());
  }
  std::string_view rest(text);
  auto next_line = [&rest]() {
    const size_t newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    rest.remove_prefix(newline == std::string_view::npos ? rest.size() : newline + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
  };
  if (rest.empty()) return Status::Io(path.string() + " is empty");
  const std::string_view first = next_line();
  if (first != header) {
    return Status::Io(path.string() + ": header is '" + std::string(first) + "', expected '" + std::string(header) +
                      "'");
  }
  std::vector<std::string_view> fields(num_fields);
  for (uint64_t line_no = 2; !rest.empty(); ++line_no) {
    const std::string_view line = next_line();
    if (line.empty()) continue;
    if (!SplitFields(line, num_fields, fields.data())) {
      return Status::Io(path.string() + ":" + std::to_string(line_no) + ": expected " + std::to_string(num_fields) +
                        " comma-separated fields");
    }
    KG_RETURN_IF_ERROR(row(fields.data(), line_no));
  }
  return Status::Ok();
}

// Runs jobs on two threads; the first failure (in job order) is returned.
Status RunOnTwoThreads(const std::vector<std::function<Status()>>& jobs) {
  std::vector<Status> statuses(jobs.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t j; (j = next++) < jobs.size();) statuses[j] = jobs[j]();
  };
  std::thread helper(work);
  work();
  helper.join();
  for (const Status& s : statuses) KG_RETURN_IF_ERROR(s);
  return Status::Ok();
}

}  // namespace

std::string GenGraphNodeKey(int64_t id) { return "n/" + std::to_string(id); }

Result<GraphInput> ReadGenGraph(const std::string& dir) {
  Json manifest;
  {
    const fs::path path = fs::path(dir) / "manifest.json";
    std::ifstream f(path);
    if (!f) return Status::Io("cannot open " + path.string() + " (is --data a gen_graph.py output directory?)");
    try {
      manifest = Json::parse(f);
    } catch (const std::exception& e) {
      return Status::Io(path.string() + ": " + e.what());
    }
  }
  GraphInput in;
  // Every file is parsed on its own, two at a time, into its own slice of
  // in.nodes / in.rels (sized from the manifest's counts).
  std::vector<std::function<Status()>> jobs;
  try {
    // The loader numbers nodes 0, 1, 2... in AddNode order, and the edge
    // files use the CSV ids, so the node files must be read in id order:
    // by each label's first_id, which must continue where the last ended.
    struct LabelFile {
      std::string label, file;
      int64_t first_id, count;
    };
    std::vector<LabelFile> files;
    for (const auto& [label, spec] : manifest.at("nodes").items()) {
      files.push_back(LabelFile{label, spec.at("file").get<std::string>(), spec.at("first_id").get<int64_t>(),
                                spec.at("count").get<int64_t>()});
    }
    std::sort(files.begin(), files.end(),
              [](const LabelFile& a, const LabelFile& b) { return a.first_id < b.first_id; });
    int64_t num_nodes = 0;
    for (const LabelFile& lf : files) {
      if (lf.first_id != num_nodes) {
        return Status::Io("manifest: label " + lf.label + " starts at id " + std::to_string(lf.first_id) +
                          ", expected " + std::to_string(num_nodes) + " (ids must be contiguous from 0)");
      }
      if (lf.count < 0) return Status::Io("manifest: label " + lf.label + " has a negative count");
      num_nodes += lf.count;
    }
    in.nodes.resize(num_nodes);
    for (const LabelFile& lf : files) {
      const uint32_t label = static_cast<uint32_t>(in.labels.size());
      in.labels.push_back(lf.label);
      jobs.push_back([&in, label, lf, path = fs::path(dir) / lf.file]() -> Status {
        int64_t next_id = lf.first_id;
        const int64_t end_id = lf.first_id + lf.count;
        KG_RETURN_IF_ERROR(
            ReadCsv(path, "id,name,year,score", 4, [&](const std::string_view* f, uint64_t line_no) -> Status {
              auto where = [&] { return path.string() + ":" + std::to_string(line_no); };
              NodeRow row{label, 0, std::string(), 0, 0.0};
              if (!ParseNumber(f[0], &row.id) || !ParseNumber(f[2], &row.year) || !ParseNumber(f[3], &row.score)) {
                return Status::Io(where() + ": bad id, year or score");
              }
              if (row.id != next_id) {
                return Status::Io(where() + ": id " + std::to_string(row.id) + ", expected " + std::to_string(next_id) +
                                  " (node ids must be contiguous from 0 in file order)");
              }
              if (next_id == end_id) {
                return Status::Io(path.string() + ": more than the manifest's " + std::to_string(lf.count) + " rows");
              }
              row.name.assign(f[1]);
              in.nodes[next_id++] = std::move(row);
              return Status::Ok();
            }));
        if (next_id != end_id) {
          return Status::Io(path.string() + ": " + std::to_string(next_id - lf.first_id) + " rows, the manifest says " +
                            std::to_string(lf.count));
        }
        return Status::Ok();
      });
    }
    size_t num_rels = 0;
    for (const auto& [type_name, spec] : manifest.at("edges").items()) {
      const int64_t count = spec.at("count").get<int64_t>();
      if (count < 0) return Status::Io("manifest: type " + type_name + " has a negative count");
      num_rels += static_cast<size_t>(count);
    }
    in.rels.resize(num_rels);
    size_t first = 0;
    for (const auto& [type_name, spec] : manifest.at("edges").items()) {
      const uint32_t type = static_cast<uint32_t>(in.types.size());
      in.types.push_back(type_name);
      const size_t count = spec.at("count").get<size_t>();
      jobs.push_back([&in, type, first, count, num_nodes, path = fs::path(dir) / spec.at("file").get<std::string>()]() {
        size_t next = first;
        const size_t end = first + count;
        KG_RETURN_IF_ERROR(
            ReadCsv(path, "src,dst,since", 3, [&](const std::string_view* f, uint64_t line_no) -> Status {
              auto where = [&] { return path.string() + ":" + std::to_string(line_no); };
              RelRow row{type, 0, 0, 0};
              if (!ParseNumber(f[0], &row.src) || !ParseNumber(f[1], &row.dst) || !ParseNumber(f[2], &row.since)) {
                return Status::Io(where() + ": bad src, dst or since");
              }
              if (row.src >= static_cast<uint64_t>(num_nodes) || row.dst >= static_cast<uint64_t>(num_nodes)) {
                return Status::Io(where() + ": endpoint out of range (there are " + std::to_string(num_nodes) +
                                  " nodes)");
              }
              if (next == end) {
                return Status::Io(path.string() + ": more than the manifest's " + std::to_string(count) + " rows");
              }
              in.rels[next++] = row;
              return Status::Ok();
            }));
        if (next != end) {
          return Status::Io(path.string() + ": " + std::to_string(next - first) + " rows, the manifest says " +
                            std::to_string(count));
        }
        return Status::Ok();
      });
      first += count;
    }
  } catch (const nlohmann::json::exception& e) {
    return Status::Io("manifest.json in " + dir + ": " + e.what());
  }
  KG_RETURN_IF_ERROR(RunOnTwoThreads(jobs));
  if (in.nodes.empty()) return Status::Io("no nodes in " + dir);
  return in;
}

Status ResetDatabaseDirectory(const std::string& path) {
  std::error_code ec;
  // remove_all on a mistyped --db could delete anything: only a missing or
  // empty directory, or one that looks like a RocksDB database, goes.
  if (fs::exists(path, ec) && !fs::is_empty(path, ec) && !fs::exists(fs::path(path) / "CURRENT", ec)) {
    return Status::Usage("--db " + path + " exists and is not a database; refusing to delete it");
  }
  fs::remove_all(path, ec);
  if (ec) return Status::Io("cannot delete " + path + ": " + ec.message());
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  if (ec) return Status::Io("cannot create the parent of " + path + ": " + ec.message());
  return Status::Ok();
}

Result<LoadTimes> BulkLoadGraph(GraphStore* store, const GraphInput& in, const BulkLoadOptions& options,
                                LoadedIds* ids) {
  KG_ASSIGN_OR_RETURN(std::unique_ptr<BulkLoader> loader, store->BeginBulkLoad());
  LoadTimes t;
  // `key` is interned before the first AddNode: the loader checks keys for
  // uniqueness only once it knows the property.
  if (options.unique_key) ids->key = loader->InternPropertyKey(kKeyProperty);
  ids->id = loader->InternPropertyKey("id");
  ids->name = loader->InternPropertyKey("name");
  ids->year = loader->InternPropertyKey("year");
  ids->score = loader->InternPropertyKey("score");
  ids->since = loader->InternPropertyKey("since");
  for (const std::string& l : in.labels) ids->labels.push_back(loader->InternLabel(l));
  for (const std::string& r : in.types) ids->types.push_back(loader->InternRelType(r));
  for (const auto& [label, property] : options.indexes) {
    KG_RETURN_IF_ERROR(loader->DeclareIndex(loader->InternLabel(label), loader->InternPropertyKey(property)));
  }

  auto clock = std::chrono::steady_clock::now();
  for (const NodeRow& n : in.nodes) {
    Properties props{
        {ids->id, Value(n.id)}, {ids->name, Value(n.name)}, {ids->year, Value(n.year)}, {ids->score, Value(n.score)}};
    // Sorted by key id: `key` was interned first.
    if (options.unique_key) props.insert(props.begin(), Property{ids->key, Value(GenGraphNodeKey(n.id))});
    KG_ASSIGN_OR_RETURN(NodeId got, loader->AddNode({ids->labels[n.label]}, std::move(props)));
    if (got != static_cast<NodeId>(n.id)) {
      return Status::Storage("input node " + std::to_string(n.id) + " was loaded as node id " + std::to_string(got) +
                             "; the relationships' endpoints would be wrong (the database must start empty)");
    }
  }
  t.nodes = SecondsSince(clock);

  clock = std::chrono::steady_clock::now();
  for (const RelRow& r : in.rels) {
    Result<RelId> rel = loader->AddRelationship(ids->types[r.type], r.src, r.dst, {{ids->since, Value(r.since)}});
    if (!rel.ok()) return rel.status();
  }
  t.rels = SecondsSince(clock);

  clock = std::chrono::steady_clock::now();
  KG_RETURN_IF_ERROR(loader->Finish(options.compact));
  t.finish = SecondsSince(clock);
  if (loader->nodes_added() != in.nodes.size() || loader->rels_added() != in.rels.size()) {
    return Status::Storage("the loader counted " + std::to_string(loader->nodes_added()) + " nodes and " +
                           std::to_string(loader->rels_added()) + " relationships, expected " +
                           std::to_string(in.nodes.size()) + " and " + std::to_string(in.rels.size()));
  }
  return t;
}

}  // namespace bench
}  // namespace kg
