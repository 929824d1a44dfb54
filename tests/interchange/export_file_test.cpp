// An export's files appear whole or not at all: a cancelled or failed
// export leaves no file (and no temporary file) behind and an older file
// under the target's name as it was. Also: progress reports, format
// detection, errors for targets that cannot be written.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "export_test_util.h"
#include "interchange/formats.h"

namespace kg::test {
namespace {

using interchange::ExportFormat;
using interchange::ExportOptions;
using interchange::ExportProgress;

// Files in a directory, by name.
std::set<std::string> Files(const std::string& dir) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) names.insert(entry.path().filename().string());
  return names;
}

// 10000 nodes in a ring of relationships: enough for several progress ticks.
std::unique_ptr<Database> RingGraph() {
  DatabaseOptions options;
  options.store.in_memory = true;
  static int n = 0;
  StoreDatabase opened = OpenStoreDatabase("export-ring-" + std::to_string(++n), options);
  std::unique_ptr<Database> db = std::move(opened.db);
  auto txn = Write(*opened.store);
  std::vector<NodeId> ids;
  for (int64_t i = 0; i < 10000; ++i) {
    ids.push_back(AddNode(*txn, {"Item"}, {{"i", i}, {"name", "item " + std::to_string(i)}}));
  }
  for (size_t i = 0; i < ids.size(); ++i) {
    AddRel(*txn, "NEXT", ids[i], ids[(i + 1) % ids.size()], {{"w", static_cast<int64_t>(i)}});
  }
  MustOk(txn->Commit());
  return db;
}

TEST_CASE("export file: cancelling mid-way leaves the old file and no temporary file", "[export][file]") {
  auto db = RingGraph();
  TempDir dir;
  const std::string target = dir.Sub("ring.graphml");
  std::ofstream(target) << "the older file";
  for (ExportFormat format : {*interchange::ParseExportFormat("graphml"), *interchange::ParseExportFormat("gexf"),
                              *interchange::ParseExportFormat("dot"), *interchange::ParseExportFormat("json")}) {
    INFO(format->name);
    std::atomic<bool> cancel{false};
    ExportOptions options;
    options.format = format;
    options.cancel = &cancel;
    uint64_t calls = 0;
    options.progress = [&](const ExportProgress& p) {
      if (p.phase == ExportProgress::Phase::kWriting && p.nodes >= 4096) cancel = true;
      ++calls;
    };
    auto r = interchange::ExportGraph(*db, target, options);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().Is(ErrorKind::kInterrupted));
    CHECK(calls >= 2);
    CHECK(ReadFile(target) == "the older file");
    CHECK(Files(dir.path()) == std::set<std::string>{"ring.graphml"});
  }
}

TEST_CASE("export file: a cancelled csv export removes the directory it made", "[export][file]") {
  auto db = RingGraph();
  TempDir dir;
  std::atomic<bool> cancel{false};
  ExportOptions options;
  options.format = *interchange::ParseExportFormat("csv");
  options.cancel = &cancel;
  options.progress = [&](const ExportProgress& p) {
    if (p.phase == ExportProgress::Phase::kWriting && p.nodes + p.relationships >= 8192) cancel = true;
  };
  auto r = interchange::ExportGraph(*db, dir.Sub("csv"), options);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().Is(ErrorKind::kInterrupted));
  CHECK(Files(dir.path()).empty());
}

TEST_CASE("export file: progress counts every element of both passes", "[export][file]") {
  auto db = RingGraph();
  TempDir dir;
  ExportOptions options;
  options.format = *interchange::ParseExportFormat("graphml");
  ExportProgress last_scan, last_write;
  options.progress = [&](const ExportProgress& p) {
    CHECK(p.total == 20000);
    (p.phase == ExportProgress::Phase::kScanning ? last_scan : last_write) = p;
  };
  auto r = interchange::ExportGraph(*db, dir.Sub("ring.graphml"), options);
  REQUIRE(r.ok());
  CHECK(r->nodes == 10000);
  CHECK(r->relationships == 10000);
  // Reported every 4096 elements and at the end of writing.
  CHECK(last_scan.nodes + last_scan.relationships >= 16384);
  CHECK(last_write.nodes == 10000);
  CHECK(last_write.relationships == 10000);
  const auto read = ReadWith("networkx-graphml", dir.Sub("ring.graphml"));
  CHECK(read["nodes"].size() == 10000);
  CHECK(read["edges"].size() == 10000);
  CHECK(Files(dir.path()) == std::set<std::string>{"ring.graphml"});
}

TEST_CASE("export file: targets that cannot be written are errors that name them", "[export][file]") {
  HostileGraph g;
  ExportOptions options;
  options.format = *interchange::ParseExportFormat("graphml");
  auto missing = interchange::ExportGraph(g.db(), g.Sub("no/such/dir/out.graphml"), options);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().Is(ErrorKind::kIo));
  CHECK_THAT(missing.status().message(), Catch::Contains("no such directory"));
  std::filesystem::create_directory(g.Sub("adir"));
  auto dir = interchange::ExportGraph(g.db(), g.Sub("adir"), options);
  REQUIRE_FALSE(dir.ok());
  CHECK_THAT(dir.status().message(), Catch::Contains("is a directory"));
  std::ofstream(g.Sub("afile")) << "x";
  options.format = *interchange::ParseExportFormat("csv");
  auto csv = interchange::ExportGraph(g.db(), g.Sub("afile"), options);
  REQUIRE_FALSE(csv.ok());
  CHECK_THAT(csv.status().message(), Catch::Contains("csv export writes a directory"));
}

TEST_CASE("export file: a pipe or a device is written in place, never replaced by a file", "[export][file]") {
  // With a rename onto the target, `kg export -o /dev/null` run as root
  // would put a regular file where the device was. A FIFO shows the same
  // without touching /dev.
  HostileGraph g;
  const std::string fifo = g.Sub("out.pipe");
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  std::string read;
  std::thread reader([&] {
    std::ifstream in(fifo, std::ios::binary);
    read.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  });
  ExportOptions options;
  options.format = *interchange::ParseExportFormat("json");
  auto r = interchange::ExportGraph(g.db(), fifo, options);
  reader.join();
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  CHECK(std::filesystem::is_fifo(fifo));
  CHECK(read.rfind("{\"kg_graph\": 1", 0) == 0);
  // Nothing else was left beside it.
  CHECK(Files(g.Sub("")).count("out.pipe") == 1);
}

TEST_CASE("export file: a bad query fails before any file is made", "[export][file]") {
  HostileGraph g;
  ExportOptions options;
  options.query = "MATCH (n RETURN n";
  auto r = interchange::ExportGraph(g.db(), g.Sub("never.graphml"), options);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().Is(ErrorKind::kSyntax));
  CHECK_FALSE(std::filesystem::exists(g.Sub("never.graphml")));
}

TEST_CASE("export file: the format from the file name", "[export][file]") {
  TempDir dir;
  auto format = [](const std::string& path) {
    auto f = interchange::DetectExportFormat(path);
    INFO(path << ": " << f.status().ToString());
    REQUIRE(f.ok());
    return *f;
  };
  CHECK(format("a.graphml") == *interchange::ParseExportFormat("graphml"));
  CHECK(format("A.GRAPHML") == *interchange::ParseExportFormat("graphml"));
  CHECK(format("a.xml") == *interchange::ParseExportFormat("graphml"));
  CHECK(format("a.gexf") == *interchange::ParseExportFormat("gexf"));
  CHECK(format("a.dot") == *interchange::ParseExportFormat("dot"));
  CHECK(format("a.gv") == *interchange::ParseExportFormat("dot"));
  CHECK(format("a.json") == *interchange::ParseExportFormat("json"));
  CHECK(format("out/") == *interchange::ParseExportFormat("csv"));
  CHECK(format("out/nodes.csv") == *interchange::ParseExportFormat("csv"));
  CHECK(format(dir.path()) == *interchange::ParseExportFormat("csv"));
  auto unknown = interchange::DetectExportFormat("graph.txt");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().Is(ErrorKind::kUsage));
  CHECK_THAT(unknown.status().message(), Catch::Contains("--format"));
  CHECK_FALSE(interchange::DetectExportFormat("people.csv").ok());
  CHECK(interchange::ParseExportFormat("GEXF1.2") == *interchange::ParseExportFormat("gexf1.2"));
  CHECK_FALSE(interchange::ParseExportFormat("pdf").has_value());
}

// Everything that names a format comes from formats.h's table: these
// check that the parts agree with each other and with the messages users see.
TEST_CASE("export file: the format table answers for names, choices and help", "[export][file]") {
  CHECK(interchange::ExportFormatChoices() == "graphml, gexf, gexf1.2, dot, json, csv");
  CHECK(interchange::ImportFormatChoices() == "graphml, json or csv");
  for (const interchange::Format& f : interchange::Formats()) {
    INFO(f.name);
    CHECK((f.writer != nullptr || f.reader != nullptr));
    if (f.writer != nullptr) CHECK(interchange::ParseExportFormat(f.name) == &f);
    if (f.reader != nullptr) CHECK(interchange::ParseImportFormat(f.name) == &f);
    CHECK_THAT(interchange::FormatHelpLines(), Catch::Contains(std::string("  ") + f.name + " "));
  }
  CHECK(interchange::ParseExportFormat("Graphviz") == interchange::ParseExportFormat("dot"));
  CHECK(interchange::ParseImportFormat("auto") == interchange::ImportFormat{nullptr});
  CHECK_FALSE(interchange::ParseImportFormat("gexf").has_value());  // written, not read
  CHECK(interchange::FormatName(nullptr) == std::string("auto"));
  auto unknown = interchange::DetectExportFormat("graph.txt");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().message() ==
        "cannot tell the export format from 'graph.txt'; give --format (graphml, gexf, gexf1.2, dot, json, csv) or a "
        "file ending in .graphml, .xml, .gexf, .dot, .gv or .json, or a directory for csv");
}

TEST_CASE("export file: the report line", "[export][file]") {
  interchange::ExportReport report;
  report.nodes = 120;
  report.relationships = 1;
  report.target = "out.graphml";
  report.seconds = 0.34;
  CHECK(interchange::DescribeExport(report) == "exported 120 nodes and 1 relationship to out.graphml (0.3 s)");
  report.replaced_characters = 2;
  CHECK(interchange::DescribeExport(report) ==
        "exported 120 nodes and 1 relationship to out.graphml (0.3 s); 2 characters the format cannot hold were "
        "replaced with U+FFFD");
}

}  // namespace
}  // namespace kg::test
