// Unit tests of the parts under the result writers: display width,
// cutting and wrapping between grapheme clusters, control characters,
// footers with timing (not deterministic, so not in the golden files),
// PROFILE, and the format names. Part of kg_format_tests.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "common/time_zone.h"
#include "output/display_width.h"
#include "output/output_format.h"
#include "output/result_summary.h"
#include "output/result_writer.h"
#include "output/value_json.h"
#include "output/value_text.h"

namespace kg::shell {
namespace {

// "Lê Hoài Trung" precomposed (NFC) and decomposed (NFD: e + U+0302
// circumflex, a + U+0300 grave).
const std::string kTrungNfc = "L\xC3\xAA Ho\xC3\xA0i Trung";
const std::string kTrungNfd = "Le\xCC\x82 Hoa\xCC\x80i Trung";
// "Nguyễn Thị Thanh Thảo": ễ is e + circumflex + tilde, ị i + dot below,
// ả a + hook above.
const std::string kThaoNfc = "Nguy\xE1\xBB\x85n Th\xE1\xBB\x8B Thanh Th\xE1\xBA\xA3o";
const std::string kThaoNfd = "Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 Thanh Tha\xCC\x89o";

struct Written {
  std::string out;
  std::string info;
};

Written WriteOne(OutputFormat format, const QueryResult& result, WriterOptions options, double elapsed_ms = 0) {
  std::ostringstream out;
  std::ostringstream info;
  auto writer = MakeResultWriter(format, out, info, options);
  writer->Write(result, elapsed_ms);
  writer->Finish();
  return {out.str(), info.str()};
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

QueryResult ThreeRows() {
  QueryResult r;
  r.statement = "MATCH (p:Person) RETURN p.name AS name, p.age AS age";
  r.columns = {"name", "age"};
  r.rows = {{Value(kTrungNfc), Value(61)}, {Value(kThaoNfd), Value()}, {Value("Đường Lâm"), Value(7)}};
  return r;
}

TEST_CASE("display width counts grapheme clusters, precomposed or not", "[display_width]") {
  CHECK(DisplayWidth("") == 0);
  CHECK(DisplayWidth("abc") == 3);
  CHECK(DisplayWidth(kTrungNfc) == 13);
  CHECK(DisplayWidth(kTrungNfd) == 13);
  CHECK(DisplayWidth(kThaoNfc) == 21);
  CHECK(DisplayWidth(kThaoNfd) == 21);
  CHECK(DisplayWidth("\xC4\x90\xC6\xB0\xE1\xBB\x9Dng L\xC3\xA2m") == 9);  // Đường Lâm
  CHECK(SplitGraphemes(kTrungNfd).size() == 13);
  CHECK(SplitGraphemes("e\xCC\x82\xCC\x83").size() == 1);  // e + two marks: one cluster
}

TEST_CASE("display width of wide characters and emoji", "[display_width]") {
  CHECK(DisplayWidth("\xE6\x9D\xB1\xE4\xBA\xAC") == 4);                      // 東京
  CHECK(DisplayWidth("\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4") == 6);          // 한국어
  CHECK(DisplayWidth("\xF0\x9F\x8E\x89") == 2);                              // 🎉
  CHECK(DisplayWidth("\xE2\x9D\xA4\xEF\xB8\x8F") == 2);                      // ❤️ (with VS16)
  CHECK(DisplayWidth("\xF0\x9F\x87\xBB\xF0\x9F\x87\xB3") == 2);              // 🇻🇳 flag
  CHECK(DisplayWidth("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB") == 2);  // 👩‍💻 (ZWJ)
  CHECK(DisplayWidth(std::string("a\xE6\x9D\xB1") + "b") == 4);
}

TEST_CASE("sanitizing for display replaces what would break a terminal line", "[display_width]") {
  const std::string kBreak = "\xE2\x86\xB5";        // ↵
  const std::string kTab = "\xE2\x90\x89";          // ␉
  const std::string kCr = "\xE2\x90\x8D";           // ␍
  const std::string kEsc = "\xE2\x90\x9B";          // ␛
  const std::string kDel = "\xE2\x90\xA1";          // ␡
  const std::string kReplacement = "\xEF\xBF\xBD";  // �
  CHECK(SanitizeForDisplay("a\nb", Newlines::kMark) == "a" + kBreak + "b");
  CHECK(SanitizeForDisplay("a\r\nb", Newlines::kMark) == "a" + kBreak + "b");  // CRLF is one break
  CHECK(SanitizeForDisplay("a\r\nb\nc", Newlines::kKeep) == "a\nb\nc");
  CHECK(SanitizeForDisplay("a\tb", Newlines::kKeep) == "a" + kTab + "b");
  CHECK(SanitizeForDisplay("a\rb", Newlines::kKeep) == "a" + kCr + "b");  // a lone CR
  CHECK(SanitizeForDisplay("\x1b[31mred", Newlines::kMark) == kEsc + "[31mred");
  CHECK(SanitizeForDisplay("\x7f", Newlines::kMark) == kDel);
  CHECK(SanitizeForDisplay("\xC2\x9B", Newlines::kMark) == kReplacement);  // C1 CSI
  CHECK(SanitizeForDisplay(std::string("a\xFF") + "b", Newlines::kMark) == "a" + kReplacement + "b");
  CHECK(SanitizeForDisplay("a\xE1\xBA", Newlines::kMark) == "a" + kReplacement + kReplacement);  // a cut sequence
  CHECK(SanitizeForDisplay(kTrungNfd, Newlines::kMark) == kTrungNfd);                            // marks stay
}

TEST_CASE("truncation cuts between clusters and ends with an ellipsis", "[display_width]") {
  CHECK(TruncateToWidth("abc", 3) == "abc");
  CHECK(TruncateToWidth("abcd", 3) == "ab\xE2\x80\xA6");
  CHECK(TruncateToWidth(kTrungNfc, 8) == "L\xC3\xAA Ho\xC3\xA0i\xE2\x80\xA6");    // Lê Hoài…
  CHECK(TruncateToWidth(kTrungNfd, 8) == "Le\xCC\x82 Hoa\xCC\x80i\xE2\x80\xA6");  // marks kept with their letters
  CHECK(TruncateToWidth(kTrungNfd, 3) == "Le\xCC\x82\xE2\x80\xA6");               // Lê…
  CHECK(DisplayWidth(TruncateToWidth(kThaoNfd, 10)) == 10);
  CHECK(TruncateToWidth("ab cd", 4) == "ab\xE2\x80\xA6");  // no space before '…'
  // A wide character that does not fit is left out whole: narrower than asked.
  CHECK(TruncateToWidth("\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD", 4) == "\xE6\x9D\xB1\xE2\x80\xA6");  // 東…
  CHECK(TruncateToWidth("abc", 1) == "\xE2\x80\xA6");
  CHECK(TruncateToWidth("abc", 0) == "");
}

TEST_CASE("wrapping breaks at spaces, inside a word only when it must", "[display_width]") {
  CHECK(WrapToWidth(kThaoNfc, 10) ==
        std::vector<std::string>{"Nguy\xE1\xBB\x85n Th\xE1\xBB\x8B", "Thanh Th\xE1\xBA\xA3o"});
  CHECK(WrapToWidth(kThaoNfd, 10).size() == 2);
  CHECK(WrapToWidth("abcdefghij", 4) == std::vector<std::string>{"abcd", "efgh", "ij"});
  CHECK(WrapToWidth("ab cdefgh", 4) == std::vector<std::string>{"ab", "cdef", "gh"});
  CHECK(WrapToWidth("", 4) == std::vector<std::string>{""});
  CHECK(WrapToWidth("ab", 4) == std::vector<std::string>{"ab"});
  CHECK(WrapToWidth("  abcdef", 3) == std::vector<std::string>{"abc", "def"});
  CHECK(WrapToWidth("\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD", 3) ==
        std::vector<std::string>{"\xE6\x9D\xB1", "\xE4\xBA\xAC", "\xE9\x83\xBD"});
  for (const std::string& line : WrapToWidth(kTrungNfd + " " + kThaoNfd, 7)) CHECK(DisplayWidth(line) <= 7);
}

TEST_CASE("cell text: raw strings, ISO dates, Cypher notation, paths unwrapped", "[value_text]") {
  CHECK(CellText(Value("it's")) == "it's");
  CHECK(CellText(Value()) == "null");
  CHECK(CellText(Value(true)) == "true");
  CHECK(CellText(Value(1000.0)) == "1000.0");
  CHECK(CellText(Value(ValueList{Value("a"), Value("b")})) == "['a', 'b']");
  CHECK(CellText(Value::Map({{"a", Value(1)}, {"two words", Value(ValueList{})}})) == "{a: 1, `two words`: []}");
  auto view = [](std::vector<std::string> labels) {
    return std::make_shared<const EntityView>(EntityView{std::move(labels), {}});
  };
  PathValue path;
  path.nodes = {NodeRef{1, view({"A"})}, NodeRef{2, view({"B"})}};
  path.rels = {RelRef{7, 0, 2, 1, view({"R"})}};
  CHECK(CellText(Value::Path(path)) == "(:A)<-[:R]-(:B)");
  CHECK(CellText(Value(ValueList{Value::Path(path)})) == "[(:A)<-[:R]-(:B)]");
}

TEST_CASE("cell text and json: temporal values as ISO text, Cypher notation inside lists", "[value_text]") {
  const LocalDateTime wall{Date::FromCivil(2024, 10, 3), LocalTime::FromFields(9, 0, 0, 0)};
  const Value paris(tz::ResolveLocal(*tz::FindZone("Europe/Paris"), wall));
  const Value term(Duration{118, 15, 0, 0});
  const Value offset(DateTime{wall, -(5 * 3600 + 30 * 60), 0});
  const Value local(wall);
  const Value time(Time{LocalTime::FromFields(12, 31, 14, 645000000), 3600});
  const Value utc_time(Time{LocalTime::FromFields(12, 0, 0, 0), 0});
  const Value local_time(LocalTime::FromFields(23, 59, 59, 1));
  const Value negative(Duration::Normalized(0, 0, -1, -999000000));
  CHECK(CellText(paris) == "2024-10-03T09:00+02:00[Europe/Paris]");
  CHECK(CellText(term) == "P9Y10M15D");
  CHECK(CellText(offset) == "2024-10-03T09:00-05:30");
  CHECK(CellText(local) == "2024-10-03T09:00");
  CHECK(CellText(time) == "12:31:14.645+01:00");
  CHECK(CellText(utc_time) == "12:00Z");
  CHECK(CellText(local_time) == "23:59:59.000000001");
  CHECK(CellText(negative) == "PT-1.999S");
  CHECK(CellText(Value(ValueList{paris, term})) ==
        "[datetime('2024-10-03T09:00+02:00[Europe/Paris]'), duration('P9Y10M15D')]");
  for (const Value& v : {paris, term, offset, local, time, utc_time, local_time, negative}) {
    CHECK(ValueToJson(v) == nlohmann::ordered_json(CellText(v)));
  }
  CHECK(JsonText(ValueToJson(Value(ValueList{paris, term}))) ==
        R"(["2024-10-03T09:00+02:00[Europe/Paris]","P9Y10M15D"])");
}

TEST_CASE("table lines keep one width whatever the cells hold", "[table]") {
  QueryResult r;
  r.columns = {"text", "n"};
  r.rows = {
      {Value("tab\there"), Value(1)},      {Value("esc \x1b[2J clear"), Value(22)},
      {Value("two\r\nlines"), Value(333)}, {Value("bad \xFF\xFE bytes"), Value()},
      {Value(kThaoNfd), Value(-4)},        {Value("\xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x8E\x89"), Value(5)},
  };
  for (int max_width : {0, 30, 20, 12}) {
    for (bool wrap : {false, true}) {
      WriterOptions options;
      options.max_width = max_width;
      options.wrap = wrap;
      const Written w = WriteOne(OutputFormat::kTable, r, options);
      std::vector<std::string> lines = Lines(w.out);
      REQUIRE(lines.size() > 2);
      lines.pop_back();  // the footer
      INFO("max_width " << max_width << (wrap ? " wrap" : "") << "\n" << w.out);
      const int width = DisplayWidth(lines[0]);
      for (const std::string& line : lines) CHECK(DisplayWidth(line) == width);
      // Never wider than asked, unless the columns' minimum widths (5, and 4
      // for "null") with the borders (7) are wider still.
      if (max_width > 0) CHECK(width <= std::max(max_width, 7 + 5 + 4));
      CHECK(w.out.find('\x1b') == std::string::npos);
      CHECK(w.out.find('\t') == std::string::npos);
      CHECK(w.out.find('\r') == std::string::npos);
    }
  }
}

TEST_CASE("the table's footer with timing", "[table][timing]") {
  WriterOptions options;
  options.timing = true;
  const Written w = WriteOne(OutputFormat::kTable, ThreeRows(), options, 12.44);
  CHECK(Lines(w.out).back() == "3 rows (12.4 ms)");
  CHECK(w.info.empty());

  QueryResult write;
  write.statement = "CREATE (:A)-[:R]->(:B)";
  write.stats.nodes_created = 2;
  write.stats.relationships_created = 1;
  write.stats.properties_set = 3;
  write.stats.labels_added = 2;
  CHECK(WriteOne(OutputFormat::kTable, write, options, 4.1).out ==
        "Created 2 nodes, 1 relationship, set 3 properties, added 2 labels (4.1 ms)\n");
  CHECK(WriteOne(OutputFormat::kTable, write, options, 1520).out ==
        "Created 2 nodes, 1 relationship, set 3 properties, added 2 labels (1.52 s)\n");
  options.timing = false;
  CHECK(WriteOne(OutputFormat::kTable, write, options, 4.1).out ==
        "Created 2 nodes, 1 relationship, set 3 properties, added 2 labels\n");
}

TEST_CASE("machine formats put timing on info and keep out clean", "[timing]") {
  WriterOptions options;
  options.timing = true;
  for (OutputFormat f : {OutputFormat::kCsv, OutputFormat::kTsv, OutputFormat::kJson, OutputFormat::kJsonl}) {
    INFO(OutputFormatName(f));
    const Written w = WriteOne(f, ThreeRows(), options, 12.4);
    CHECK(w.info == "-- 3 rows (12.4 ms)\n");
    CHECK(w.out.find("ms") == std::string::npos);
    options.timing = false;
    CHECK(WriteOne(f, ThreeRows(), options, 12.4).info.empty());
    options.timing = true;
  }
  QueryResult write;
  write.stats.nodes_deleted = 1;
  CHECK(WriteOne(OutputFormat::kCsv, write, options, 0.24).info == "-- Deleted 1 node (0.2 ms)\n");
  CHECK(WriteOne(OutputFormat::kCsv, write, options, 0.24).out.empty());
  options.timing = false;
  CHECK(WriteOne(OutputFormat::kCsv, write, options, 0.24).info.empty());
  // Markdown's footer always goes to info.
  CHECK(WriteOne(OutputFormat::kMarkdown, write, options, 0.24).info == "Deleted 1 node\n");
}

TEST_CASE("change summaries", "[summary]") {
  QueryStats s;
  CHECK(ChangeList(s).empty());
  QueryResult none;
  CHECK(Summary(none) == "No changes");
  s.nodes_deleted = 2;
  s.relationships_deleted = 1;
  s.labels_removed = 1;
  CHECK(ChangeList(s) == "deleted 2 nodes, 1 relationship, removed 1 label");
  s = QueryStats{};
  s.relationships_created = 3;
  s.properties_set = 1;
  CHECK(ChangeList(s) == "created 3 relationships, set 1 property");
  QueryResult index;
  index.statement = "  // an index\n  create index ON :Person(name)";
  CHECK(Summary(index) == "Index created");
  index.statement = "DROP INDEX ON :Person(name)";
  CHECK(Summary(index) == "Index dropped");
  CHECK(RowCount(0) == "0 rows");
  CHECK(RowCount(1) == "1 row");
  CHECK(FormatElapsed(0.04) == "0.0 ms");
  CHECK(FormatElapsed(999.94) == "999.9 ms");
}

TEST_CASE("PROFILE prints the rows, then the plan", "[table][profile]") {
  QueryResult r;
  r.statement = "PROFILE RETURN 1 AS x";
  r.columns = {"x"};
  r.rows = {{Value(1)}};
  r.plan = "Project x  [rows 1, 0.010 ms]\ntotal 0.020 ms, 1 rows\n";
  CHECK(!IsExplain(r));
  CHECK(WriteOne(OutputFormat::kTable, r, WriterOptions{}).out ==
        "┌───┐\n"
        "│ x │\n"
        "├───┤\n"
        "│ 1 │\n"
        "└───┘\n"
        "1 row\n"
        "Project x  [rows 1, 0.010 ms]\n"
        "total 0.020 ms, 1 rows\n");
  const Written csv = WriteOne(OutputFormat::kCsv, r, WriterOptions{});
  CHECK(csv.out == "x\r\n1\r\n");
  CHECK(csv.info == r.plan);
  const Written md = WriteOne(OutputFormat::kMarkdown, r, WriterOptions{});
  CHECK(md.out == "|    x |\n| ---: |\n|    1 |\n\n```\n" + r.plan + "```\n");
}

TEST_CASE("EXPLAIN is told by its statement, also after a comment", "[summary]") {
  QueryResult r;
  r.plan = "AllNodesScan n\n";
  r.columns = {"n"};
  r.statement = "/* plan */ explain MATCH (n) RETURN n";
  CHECK(IsExplain(r));
  r.statement = "PROFILE MATCH (n) RETURN n";
  CHECK(!IsExplain(r));
}

TEST_CASE("Finish ends a run: the next statement has no empty line before it", "[format]") {
  QueryResult r;
  r.columns = {"x"};
  r.rows = {{Value(1)}};
  for (OutputFormat f : {OutputFormat::kTable, OutputFormat::kCsv, OutputFormat::kMarkdown}) {
    INFO(OutputFormatName(f));
    std::ostringstream out;
    std::ostringstream info;
    auto writer = MakeResultWriter(f, out, info, WriterOptions{});
    writer->Write(r, 0);
    const std::string one = out.str();
    writer->Write(r, 0);
    CHECK(out.str().size() > 2 * one.size());  // an empty line between
    writer->Finish();
    out.str("");
    writer->Write(r, 0);
    CHECK(out.str() == one);
  }
}

TEST_CASE("format names", "[format]") {
  CHECK(ParseOutputFormat("table") == OutputFormat::kTable);
  CHECK(ParseOutputFormat("CSV") == OutputFormat::kCsv);
  CHECK(ParseOutputFormat("Tsv") == OutputFormat::kTsv);
  CHECK(ParseOutputFormat("json") == OutputFormat::kJson);
  CHECK(ParseOutputFormat("jsonl") == OutputFormat::kJsonl);
  CHECK(ParseOutputFormat("markdown") == OutputFormat::kMarkdown);
  CHECK(ParseOutputFormat("MD") == OutputFormat::kMarkdown);
  CHECK_FALSE(ParseOutputFormat("xml").has_value());
  CHECK_FALSE(ParseOutputFormat("").has_value());
  for (OutputFormat f : {OutputFormat::kTable, OutputFormat::kCsv, OutputFormat::kTsv, OutputFormat::kJson,
                         OutputFormat::kJsonl, OutputFormat::kMarkdown}) {
    CHECK(ParseOutputFormat(OutputFormatName(f)) == f);
    CHECK(std::string(OutputFormatChoices()).find(OutputFormatName(f)) != std::string::npos);
  }
}

}  // namespace
}  // namespace kg::shell
