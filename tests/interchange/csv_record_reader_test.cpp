// The RFC 4180 record reader under the CSV importer: quoting, line breaks
// inside quotes (and the line numbers after them), CRLF, a byte-order mark,
// empty versus quoted-empty fields, and records across its 1 MiB chunks.
#include "interchange/import/csv_record_reader.h"

#include "import_test_util.h"

using namespace kg;               // NOLINT: test file
using namespace kg::interchange;  // NOLINT
using namespace kg::test;         // NOLINT

namespace {

struct Record {
  uint64_t line;
  std::vector<std::string> fields;
  std::vector<bool> quoted;
};

Result<std::vector<Record>> ReadAll(const std::string& path) {
  KG_ASSIGN_OR_RETURN(std::unique_ptr<CsvRecordReader> r, CsvRecordReader::Open(path, "t.csv"));
  std::vector<Record> out;
  for (;;) {
    KG_ASSIGN_OR_RETURN(bool more, r->Next());
    if (!more) break;
    Record rec{r->line(), {}, {}};
    for (const CsvField& f : r->fields()) {
      rec.fields.emplace_back(f.text);
      rec.quoted.push_back(f.quoted);
    }
    out.push_back(std::move(rec));
  }
  return out;
}

std::vector<Record> MustRead(ImportFixture& f, const std::string& text) {
  auto r = ReadAll(f.Write("t.csv", text));
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  return std::move(r).value();
}

}  // namespace

TEST_CASE("csv records: quotes, doubled quotes, commas and line breaks inside quotes", "[import][csv]") {
  ImportFixture f;
  auto records = MustRead(f, "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nplain,,\"\"\nlast,no,newline");
  REQUIRE(records.size() == 4);
  CHECK(records[0].line == 1);
  CHECK(records[1].line == 2);
  CHECK(records[1].fields == std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"});
  // The quoted line break moves the next record to line 4.
  CHECK(records[2].line == 4);
  CHECK(records[2].fields == std::vector<std::string>{"plain", "", ""});
  CHECK(records[2].quoted == std::vector<bool>{false, false, true});
  CHECK(records[3].line == 5);
  CHECK(records[3].fields == std::vector<std::string>{"last", "no", "newline"});
}

TEST_CASE("csv records: CRLF line ends and a byte-order mark", "[import][csv]") {
  ImportFixture f;
  auto records = MustRead(f, "\xEF\xBB\xBFid,name\r\n1,\"Huế\r\nthành phố\"\r\n2,Đà Nẵng\r\n");
  REQUIRE(records.size() == 3);
  CHECK(records[0].fields[0] == "id");
  CHECK(records[1].fields[1] == "Huế\r\nthành phố");
  CHECK(records[2].line == 4);
  CHECK(records[2].fields[1] == "Đà Nẵng");
}

TEST_CASE("csv records: malformed quoting names the line", "[import][csv]") {
  ImportFixture f;
  auto open = ReadAll(f.Write("t.csv", "a,b\n1,2\n3,\"open\nstill open\n"));
  REQUIRE_FALSE(open.ok());
  CHECK(open.status().message() == "t.csv:3: a quoted field is not closed");
  auto after = ReadAll(f.Write("t.csv", "a,b\n1,\"x\"y\n"));
  REQUIRE_FALSE(after.ok());
  CHECK(after.status().message() ==
        "t.csv:2: text after the closing quote of a field (a quote inside a quoted field is written \"\")");
}

TEST_CASE("csv records: records and quoted fields across the reader's chunks", "[import][csv]") {
  ImportFixture f;
  // 3 MiB of records, each with a quoted field holding a line break and a
  // doubled quote, so that every chunk boundary cuts into one somewhere.
  std::string text = "n,text\n";
  const int kRecords = 60000;
  for (int i = 0; i < kRecords; ++i) {
    text += std::to_string(i) + ",\"line " + std::to_string(i) + " \"\"q\"\"\nsecond " + std::string(30, 'x') + "\"\n";
  }
  auto records = MustRead(f, text);
  REQUIRE(records.size() == kRecords + 1);
  for (int i : {0, 1, 12345, 31000, kRecords - 1}) {
    const Record& r = records[i + 1];
    CHECK(r.line == static_cast<uint64_t>(2 + 2 * i));
    CHECK(r.fields[0] == std::to_string(i));
    CHECK(r.fields[1] == "line " + std::to_string(i) + " \"q\"\nsecond " + std::string(30, 'x'));
  }
}
