// What an import is given that is not a graph file: a directory where a
// file is needed, a device, a file past the size a reader holds in memory, a
// manifest that is not JSON, a quote that never closes. Each is refused with
// one line that names the file, in words rather than a library's, and the
// database is as it was.
#include <sys/stat.h>

#include <thread>

#include "common/input_file.h"
#include "import_test_util.h"
#include "interchange/import/csv_record_reader.h"
#include "interchange/import/json_error_text.h"

using namespace kg;        // NOLINT: test file
using namespace kg::test;  // NOLINT
using interchange::ImportFormat;
using interchange::ImportOptions;

namespace {

ImportOptions Format(ImportFormat format) {
  ImportOptions options;
  options.format = format;
  return options;
}

// The error of importing `path`; the database keeps its one node.
std::string Refused(ImportFixture& f, const std::string& path, const ImportOptions& options = {}) {
  const std::string error = ImportError(f.Import({path}, options));
  CHECK(f.Nodes() == 1);
  CHECK(f.Relationships() == 0);
  CHECK(f.One("MATCH (n:Kept) RETURN n.name") == Value("x"));
  return error;
}

}  // namespace

TEST_CASE("import: what is not a graph file is refused by name, and the database is unchanged", "[import][files]") {
  ImportFixture f;
  f.Rows("CREATE (:Kept {name: 'x'})");

  SECTION("a directory given as a GraphML file") {
    f.Write("dir/a.txt", "x");
    CHECK(Refused(f, f.Sub("dir"), Format(*interchange::ParseImportFormat("graphml"))) ==
          f.Sub("dir") + " is a directory, not a graph file");
  }
  SECTION("a device") {
    CHECK(Refused(f, "/dev/zero", Format(*interchange::ParseImportFormat("json"))) ==
          "/dev/zero is a device, not a graph file");
    CHECK(Refused(f, "/dev/null", Format(*interchange::ParseImportFormat("graphml"))) ==
          "/dev/null is a device, not a graph file");
  }
  SECTION("a kg JSON file larger than a JSON file may be (it is read whole)") {
    // A sparse file: its size is all that is looked at.
    const std::string path = f.Write("big.json", "{");
    std::filesystem::resize_file(path, kMaxJsonGraphFileBytes + kMiB);
    CHECK(Refused(f, path) == path + " is 1.0 GiB, more than the 1 GiB a graph file may hold");
  }
  SECTION("a CSV directory whose nodes.csv is a directory") {
    f.Write("csv/nodes.csv/x", "");
    CHECK(Refused(f, f.Sub("csv")) == f.Sub("csv") + "/nodes.csv is a directory, not a CSV file");
  }
  SECTION("a gen_graph.py manifest that is not JSON") {
    f.Write("gen/manifest.json", "{\"nodes\":\n  {\"Person\": {\"file\": nodes/Person.csv}}}\n");
    CHECK(Refused(f, f.Sub("gen")) == f.Sub("gen") + "/manifest.json:2:24: not valid JSON: invalid literal");
  }
  SECTION("a gen_graph.py manifest with a number out of range") {
    f.Write("gen/manifest.json", "{\"nodes\": {\"Person\": {\"file\": \"p.csv\", \"count\": 1e400}}}\n");
    CHECK(Refused(f, f.Sub("gen")) == f.Sub("gen") + "/manifest.json: number 1e400 is out of range");
  }
  SECTION("a gen_graph.py manifest with a value of the wrong type") {
    f.Write("gen/manifest.json", "{\"nodes\": {\"Person\": {\"file\": 7}}}\n");
    CHECK(Refused(f, f.Sub("gen")) ==
          f.Sub("gen") + "/manifest.json: not a gen_graph.py manifest: a string was expected, not a number");
  }
  SECTION("a gen_graph.py manifest without a member it needs") {
    f.Write("gen/manifest.json", "{\"edges\": {}}\n");
    CHECK(Refused(f, f.Sub("gen")) ==
          f.Sub("gen") + "/manifest.json: not a gen_graph.py manifest: member \"nodes\" is missing");
  }
  SECTION("a quote that never closes stops at the record limit, not at the end of memory") {
    std::string text = ":ID,name\n1,\"";
    text.append(interchange::kMaxCsvRecordBytes + 16, 'x');
    f.Write("open/nodes.csv", text);
    CHECK(Refused(f, f.Sub("open")) ==
          f.Sub("open") + "/nodes.csv:2: a quoted field runs on past 64 MiB (is its closing quote missing?)");
  }
}

TEST_CASE("import: a JSON graph may come through a pipe", "[import][files]") {
  ImportFixture f;
  const std::string fifo = f.Sub("graph.pipe");
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  // The writer blocks on open until the import opens the pipe to read it.
  std::thread writer(
      [&] { std::ofstream(fifo, std::ios::binary) << "{\"kg_graph\": 1, \"nodes\": [{\"labels\": [\"A\"]}]}\n"; });
  auto report = f.Import({fifo}, Format(*interchange::ParseImportFormat("json")));
  writer.join();
  INFO(report.status().ToString());
  REQUIRE(report.ok());
  CHECK(f.Nodes() == 1);
}

TEST_CASE("import: nlohmann's messages become words without the library's prefix", "[import][files]") {
  using interchange::JsonErrorReason;
  CHECK(JsonErrorReason(101,
                        "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing "
                        "value - invalid literal; last read: 'tru}'") == "not valid JSON: invalid literal");
  CHECK(JsonErrorReason(101,
                        "[json.exception.parse_error.101] parse error at line 2, column 1: syntax error while parsing "
                        "object key - unexpected '}'; expected string literal") ==
        "not valid JSON: unexpected '}'; expected string literal");
  CHECK(JsonErrorReason(406, "[json.exception.out_of_range.406] number overflow parsing '1e999'") ==
        "number 1e999 is out of range");
  CHECK(JsonErrorReason(403, "[json.exception.out_of_range.403] key 'file' not found") == "member \"file\" is missing");
  CHECK(JsonErrorReason(302, "[json.exception.type_error.302] type must be array, but is object") ==
        "an array was expected, not an object");
  CHECK(JsonErrorReason(316, "[json.exception.type_error.316] invalid UTF-8 byte at index 0: 0xFF") ==
        "invalid UTF-8 byte at index 0: 0xFF");
  const interchange::TextPosition at = interchange::PositionOf("ab\ncờ x", 8);  // the x: 'ờ' is 3 bytes
  CHECK(at.line == 2);
  CHECK(at.column == 4);
}
