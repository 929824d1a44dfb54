// CSV export: nodes.csv and relationships.csv, read by Python's csv module
// (strict RFC 4180 quoting), and the raw text where csv cannot tell an
// empty quoted field from an empty one.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "export_test_util.h"

namespace kg::test {
namespace {

using interchange::ExportFormat;
using nlohmann::json;

// A table as csv.reader gives it, with fields found by header name.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::string Field(size_t row, const std::string& column) const {
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == column) return rows.at(row).at(i);
    }
    FAIL("no column " << column);
    return "";
  }
};

Table ToTable(const json& rows) {
  Table t;
  REQUIRE(rows.size() >= 1);
  t.header = rows[0].get<std::vector<std::string>>();
  for (size_t i = 1; i < rows.size(); ++i) {
    t.rows.push_back(rows[i].get<std::vector<std::string>>());
    REQUIRE(t.rows.back().size() == t.header.size());
  }
  return t;
}

TEST_CASE("csv export: nodes.csv and relationships.csv with typed headers", "[export][csv]") {
  HostileGraph g;
  const auto report = g.Export(*interchange::ParseExportFormat("csv"), "out");
  CHECK(report.nodes == 5);
  CHECK(report.relationships == 5);
  const json read = ReadWith("csv", g.Sub("out"));
  const Table nodes = ToTable(read["nodes.csv"]);
  const Table rels = ToTable(read["relationships.csv"]);
  REQUIRE(nodes.rows.size() == 5);
  REQUIRE(rels.rows.size() == 5);

  // Every property key of the nodes, in name order, typed over its values.
  CHECK(nodes.header == std::vector<std::string>{":ID",           ":LABEL",       "_label:string", "active:bool",
                                                 "bad:string",    "big_int:int",  "born:date",     "ctl:string",
                                                 "dates:date[]",  "emoji:string", "empty:string",  "label:string",
                                                 "labels:string", "mixed:string", "name:string",   "nums:int[]",
                                                 "padded:string", "ratio:float",  "score:float",   "tags:string[]",
                                                 "text:string",   "type:string",  "vi:string",     "year:int"});
  CHECK(nodes.Field(0, ":ID") == "0");
  CHECK(nodes.Field(0, ":LABEL") == "Person;Scholar");
  CHECK(nodes.Field(0, "name:string") == "Lê \"Hoài\" <Trung> & co's");
  CHECK(nodes.Field(0, "text:string") == "line one\nline two\ttabbed\r\nwindows line");
  CHECK(nodes.Field(0, "ctl:string") == std::string("bell\x07here\x1f"
                                                    "end"));  // CSV holds any text as it is
  CHECK(nodes.Field(0, "vi:string") == "Ủy ban Quốc gia UNESCO Việt Nam");
  CHECK(nodes.Field(0, "emoji:string") == "🎉 Hà Nội 😀");
  CHECK(nodes.Field(0, "padded:string") == "  padded  ");
  CHECK(nodes.Field(0, "year:int") == "1990");
  CHECK(nodes.Field(0, "big_int:int") == "9007199254740993");
  CHECK(nodes.Field(0, "score:float") == "1.5");
  CHECK(nodes.Field(0, "active:bool") == "true");
  CHECK(nodes.Field(0, "born:date") == "1961-04-01");
  // List elements joined by ';', a ';' or '\' inside one escaped with '\'.
  CHECK(nodes.Field(0, "tags:string[]") == "a\\;b;c\\\\d;e,f;g\"h");
  CHECK(nodes.Field(0, "nums:int[]") == "1;2;3");
  CHECK(nodes.Field(0, "mixed:string") == "7");
  CHECK(nodes.Field(1, "mixed:string") == "seven");
  CHECK(nodes.Field(1, "score:float") == "2.0");
  CHECK(nodes.Field(1, "ratio:float") == "NaN");
  CHECK(nodes.Field(1, "active:bool") == "false");
  CHECK(nodes.Field(1, "bad:string") ==
        "ok\xEF\xBF\xBD\xEF\xBF\xBD"
        "bad");  // the file is UTF-8 throughout
  CHECK(report.replaced_characters == 2);
  CHECK(nodes.Field(2, ":LABEL") == "");
  CHECK(nodes.Field(3, ":LABEL") == "Person;We:ird\\\\Label");
  CHECK(nodes.Field(3, "ratio:float") == "-INF");
  CHECK(nodes.Field(3, "dates:date[]") == "2024-07-09;1975-04-30");
  CHECK(nodes.Field(4, "name:string") == BigString());

  CHECK(rels.header == std::vector<std::string>{":START_ID", ":END_ID", ":TYPE", "id:int", "label:string",
                                                "note:string", "since:int", "type:string", "weight:float"});
  CHECK(rels.rows[0] == std::vector<std::string>{"0", "1", "KNOWS", "", "a property named label", "x < y && y > z",
                                                 "2019", "a property named type", ""});
  CHECK(rels.rows[2] == std::vector<std::string>{"0", "1", "MEMBER_OF", "77", "", "", "", "", "0.5"});
  CHECK(rels.rows[3] == std::vector<std::string>{"0", "0", "SELF", "", "", "", "1", "", ""});
  CHECK(rels.rows[4] == std::vector<std::string>{"1", "3", "HAS SPACE & <amp>", "", "", "", "", "", ""});
}

TEST_CASE("csv export: an empty string or list is a quoted empty field, no value an empty one", "[export][csv]") {
  HostileGraph g;
  g.Export(*interchange::ParseExportFormat("csv"), "out");
  const std::string text = ReadFile(g.Sub("out/nodes.csv"));
  // n0's `empty` (between emoji and label) is "", n1's `tags` (an empty list) is "".
  CHECK(text.find("🎉 Hà Nội 😀,\"\",a property named label") != std::string::npos);
  CHECK(text.find(",UNESCO,,,NaN,2.0,\"\",,,,2001\n") != std::string::npos);
  // The node with nothing: its id, then only empty fields.
  CHECK(text.find("\n2," + std::string(22, ',') + "\n") != std::string::npos);
  CHECK(text.find("\r\n") != std::string::npos);  // inside n0's quoted `text`
  // Records end with LF.
  CHECK(text.substr(0, text.find('\n')).back() != '\r');
}

TEST_CASE("csv export: -o DIR/nodes.csv names the directory, and a missing directory is made", "[export][csv]") {
  HostileGraph g;
  interchange::ExportOptions options;
  options.format = *interchange::ParseExportFormat("csv");
  auto r = interchange::ExportGraph(g.db(), g.Sub("made/nodes.csv"), options);
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  CHECK(r->target == g.Sub("made"));
  CHECK(std::filesystem::is_regular_file(g.Sub("made/nodes.csv")));
  CHECK(std::filesystem::is_regular_file(g.Sub("made/relationships.csv")));
}

TEST_CASE("csv export: text a spreadsheet would run as a formula gets a leading ', numbers do not",
          "[export][csv][formula]") {
  TempDir dir;
  auto db = Database::Open(dir.Sub("db"));
  REQUIRE(db.ok());
  REQUIRE((*db)
              ->Execute("CREATE (:`=L` {s: '=1+2', n: -3, l: ['-a', 'b'], il: [-1, 2], q: \"'@x\", k: 'ok'})"
                        "-[:`+T`]->(:B {`-p`: 1})")
              .ok());
  interchange::ExportOptions options;
  options.format = *interchange::ParseExportFormat("csv");
  REQUIRE(interchange::ExportGraph(**db, dir.Sub("guarded"), options).ok());
  CHECK(ReadFile(dir.Sub("guarded/nodes.csv")) ==
        ":ID,:LABEL,'-p:int,il:int[],k:string,l:string[],n:int,q:string,s:string\n"
        "0,'=L,,-1;2,ok,'-a;b,-3,''@x,'=1+2\n"
        "1,B,1,,,,,,\n");
  CHECK(ReadFile(dir.Sub("guarded/relationships.csv")) == ":START_ID,:END_ID,:TYPE\n0,1,'+T\n");
  // --csv-formulas keep: text as stored.
  options.csv_formulas = CsvFormulas::kKeep;
  REQUIRE(interchange::ExportGraph(**db, dir.Sub("kept"), options).ok());
  CHECK(ReadFile(dir.Sub("kept/nodes.csv")) ==
        ":ID,:LABEL,-p:int,il:int[],k:string,l:string[],n:int,q:string,s:string\n"
        "0,=L,,-1;2,ok,-a;b,-3,'@x,=1+2\n"
        "1,B,1,,,,,,\n");
}

}  // namespace
}  // namespace kg::test
