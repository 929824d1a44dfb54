// Export then import gives the same graph: for each format kg reads back
// (kg JSON, GraphML, CSV), a graph of awkward values is exported whole,
// imported into an empty database, and both graphs are compared element by
// element: labels, relationship types, endpoints, and every property with
// its type (an integer stays an integer, a date a date, a list a list).
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/time_zone.h"
#include "interchange/export/graph_exporter.h"
#include "interchange/import/importer.h"
#include "main/database.h"
#include "store_database.h"
#include "test_util.h"

namespace {

namespace fs = std::filesystem;
using kg::Database;

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "kg-round-trip-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::unique_ptr<Database> Open(const fs::path& path) {
  auto db = Database::Open(path.string());
  REQUIRE(db.ok());
  return std::move(db).value();
}

std::vector<std::vector<kg::Value>> Rows(Database& db, const std::string& query) {
  auto result = db.Execute(query);
  INFO(query);
  REQUIRE(result.ok());
  return result->rows;
}

// A node as text: its labels (sorted) and its properties with their types
// (Value::ToString writes 1, 1.0, '1' and date('2024-07-09') apart).
// Relationships: both ends so written, the type and the properties. Sorted,
// so two graphs compare as multisets whatever their ids.
std::vector<std::string> Canonical(Database& db) {
  std::vector<std::string> out;
  for (const auto& row : Rows(db,
                              "MATCH (n) WITH n, labels(n) AS ls UNWIND (CASE WHEN ls = [] THEN [null] ELSE ls "
                              "END) AS l WITH n, l ORDER BY l RETURN id(n), collect(l), properties(n)")) {
    out.push_back("node " + row[1].ToString() + " " + row[2].ToString());
  }
  auto describe = [&](int64_t id) {
    for (const auto& row : Rows(db, "MATCH (n) WHERE id(n) = " + std::to_string(id) +
                                        " WITH n, labels(n) AS ls UNWIND (CASE WHEN ls = [] THEN [null] ELSE "
                                        "ls END) AS l WITH n, l ORDER BY l RETURN collect(l), properties(n)")) {
      return row[0].ToString() + " " + row[1].ToString();
    }
    return std::string("?");
  };
  for (const auto& row : Rows(db, "MATCH (a)-[r]->(b) RETURN id(a), type(r), properties(r), id(b)")) {
    out.push_back("rel " + describe(row[0].as_int()) + " -[" + row[1].ToString() + " " + row[2].ToString() + "]-> " +
                  describe(row[3].as_int()));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Awkward values every format must carry: Vietnamese text, XML and CSV
// metacharacters, newlines, tabs, emoji, a long string, strings that look
// like numbers or lists, lists of each type (with the CSV list separator
// inside an element), dates, booleans, floats that are whole numbers,
// properties named like the formats' own attributes, several labels, a
// node without labels or properties, a self-loop and parallel edges.
void BuildHostileGraph(Database& db, kg::GraphStore& store) {
  const std::string long_text(100000, 'x');
  const std::string statements[] = {
      "CREATE (:Person {key: 'person/le-hoai-trung', name: 'Lê Hoài Trung', titles: ['Thứ trưởng', 'Chủ tịch'], "
      "born: date('1961-04-27'), height: 1.0, rank: 42, active: true})",
      "CREATE (:Organization:Committee {name: 'Ủy ban Quốc gia UNESCO Việt Nam', aliases: ['UBQG', 'Uỷ ban'], "
      "quote: 'say \"hi\" & <b>bold</b> \\'single\\'', lines: 'one\\ntwo\\r\\nthree\\tfour'})",
      "CREATE (:Thing {emoji: '🇻🇳 🎉 👩‍👩‍👧', numberish: '42', listish: '[1, 2]', empty: '', "
      "semicolons: ['a;b', 'c\\\\d', ''], ints: [1, -2, 9007199254740993], floats: [0.5, 1e300, -0.0], "
      "bools: [true, false], dates: [date('2020-02-29')], labels: 'not a label', type: 'not a type', "
      "label: 'not the display label', id: 'not the id'})",
      "CREATE ()",
      "CREATE (:Long {text: '" + long_text + "'})",
      "MATCH (p:Person), (c:Committee) CREATE (p)-[:HOLDS_POSITION {role: 'Chủ tịch', valid_from: '2020', "
      "span: [120, 141], weight: 0.25}]->(c), (p)-[:HOLDS_POSITION {role: 'Thứ trưởng'}]->(c), "
      "(p)-[:KNOWS]->(p)",
      "MATCH (t:Thing), (c:Committee) CREATE (t)-[:`ODD TYPE` {type: 'x', label: '<&>', source: 'doc/000'}]->(c)",
  };
  for (const std::string& s : statements) {
    INFO(s.substr(0, 200));
    auto r = db.Execute(s);
    if (!r.ok()) FAIL(r.status().ToString());
  }
}

// Text a spreadsheet would run as a formula, which kg's CSV export writes
// with a leading ' (common/csv_formula.h), in every place text goes: labels,
// a relationship type, a property name, strings, a list of strings; text
// that already begins with ' before such a character; and numbers that
// begin with '-', which are not text and are written as they are.
void BuildFormulaGraph(Database& db, kg::GraphStore& store) {
  const std::string statements[] = {
      "CREATE (:`=Label`:Plain {s: '=1+2', plus: '+1', minus: '-3', at: '@SUM(A1)', tab: '\\tx', cr: '\\rx', "
      "quoted: '\\'=x', twice: '\\'\\'@y', lone: '\\'', mid: 'a=b', words: ['-a', 'b'], n: -3, f: -1.5, "
      "ints: [-1, 2], `=key`: 'v'})",
      "MATCH (a:Plain) CREATE (a)-[:`-TYPE` {note: '=HYPERLINK(\"x\")'}]->(:Other {d: date('2024-07-09')})",
  };
  for (const std::string& s : statements) {
    INFO(s);
    auto r = db.Execute(s);
    if (!r.ok()) FAIL(r.status().ToString());
  }
}

kg::LocalDateTime Wall(int64_t y, unsigned mo, unsigned d, int64_t h, int64_t mi, int64_t s = 0, int64_t ns = 0) {
  return kg::LocalDateTime{kg::Date::FromCivil(y, mo, d), kg::LocalTime::FromFields(h, mi, s, ns)};
}

// Every temporal kind with its corners: named zones (also across a DST
// change and in the autumn overlap, where only the offset tells the two
// 02:30s apart), offsets with seconds, nanoseconds, dates before 1970 and
// beyond 9999, negative and fractional durations, lists; a temporal `key`.
// (A key whose values are of several kinds is text in GraphML and CSV, and
// so not here.)
void BuildTemporalGraph(Database& db, kg::GraphStore& store) {
  using kg::Value;
  const uint32_t paris = *kg::tz::FindZone("Europe/Paris");
  const uint32_t hcm = *kg::tz::FindZone("Asia/Ho_Chi_Minh");
  const kg::DateTime overlap_early = kg::tz::ResolveLocal(paris, Wall(2024, 10, 27, 2, 30));
  const kg::DateTime overlap_late = kg::tz::AtInstant(paris, overlap_early.EpochSeconds() + 3600, 0);
  auto txn = kg::test::Write(store);
  const kg::NodeId a = kg::test::AddNode(
      *txn, {"Meeting"},
      {{"key", Value(kg::tz::ResolveLocal(hcm, Wall(2026, 12, 5, 18, 0)))},
       {"at", Value(kg::tz::ResolveLocal(paris, Wall(2024, 10, 3, 9, 0)))},
       {"offset", Value(kg::DateTime{Wall(2024, 10, 3, 9, 0, 30, 500000000), -(5 * 3600 + 30 * 60 + 15), 0})},
       {"utc", Value(kg::DateTime{Wall(1969, 12, 31, 23, 59, 59, 999999999), 0, 0})},
       {"t", Value(kg::LocalTime::FromFields(12, 31, 14, 645876123))},
       {"tz", Value(kg::Time{kg::LocalTime::FromFields(0, 0, 0, 1), -18 * 3600})},
       {"local", Value(Wall(15000, 7, 21, 21, 40, 32, 142000000))},
       {"old", Value(Wall(-44, 3, 15, 12, 0))},
       {"term", Value(kg::Duration{118, 15, 0, 0})},
       {"negative", Value(kg::Duration::Normalized(-14, -3, -3661, -999000000))},
       {"tiny", Value(kg::Duration{0, 0, 0, 1})},
       {"times", kg::ValueList{Value(overlap_early), Value(overlap_late)}}});
  const kg::NodeId b = kg::test::AddNode(
      *txn, {"Meeting"},
      {{"at", Value(kg::tz::ResolveLocal(paris, Wall(2024, 3, 31, 2, 30)))},
       {"term", Value(kg::Duration{0, 0, 0, 0})},
       {"terms", kg::ValueList{Value(kg::Duration{0, 0, 90061, 0}), Value(kg::Duration{12, 0, 0, 0})}}});
  kg::test::AddRel(*txn, "FOLLOWS", a, b,
                   {{"after", Value(kg::Duration{0, 82, 32400, 0})},
                    {"when", Value(kg::Time{kg::LocalTime::FromFields(9, 30, 0, 0), 7 * 3600})}});
  kg::test::MustOk(txn->Commit());
}

void RoundTrip(kg::interchange::ExportFormat format, const std::string& file, void (*build)(Database&, kg::GraphStore&),
               uint64_t nodes, uint64_t relationships,
               kg::interchange::ImportMode mode = kg::interchange::ImportMode::kAuto) {
  TempDir dir;
  kg::test::StoreDatabase opened = kg::test::OpenStoreDatabase((dir.path / "source").string());
  std::unique_ptr<Database> source = std::move(opened.db);
  build(*source, *opened.store);
  const std::vector<std::string> before = Canonical(*source);
  REQUIRE(before.size() == nodes + relationships);

  kg::interchange::ExportOptions export_options;
  export_options.format = format;
  const fs::path exported = dir.path / file;
  auto report = kg::interchange::ExportGraph(*source, exported.string(), export_options);
  if (!report.ok()) FAIL(report.status().ToString());
  CHECK(report->nodes == nodes);
  CHECK(report->relationships == relationships);

  auto target = Open(dir.path / "target");
  kg::interchange::ImportOptions import_options;
  import_options.mode = mode;
  auto imported = kg::interchange::ImportGraph(*target, {exported.string()}, import_options);
  if (!imported.ok()) FAIL(imported.status().ToString());
  CHECK(imported->nodes == nodes);
  CHECK(imported->relationships == relationships);
  const std::vector<std::string> after = Canonical(*target);
  CHECK(after == before);
}

void RoundTrip(kg::interchange::ExportFormat format, const std::string& file) {
  RoundTrip(format, file, BuildHostileGraph, 5, 4);
}

TEST_CASE("round trip: kg JSON export imports as the same graph", "[interchange][round-trip]") {
  RoundTrip(*kg::interchange::ParseExportFormat("json"), "graph.json");
}

TEST_CASE("round trip: GraphML export imports as the same graph", "[interchange][round-trip]") {
  RoundTrip(*kg::interchange::ParseExportFormat("graphml"), "graph.graphml");
}

TEST_CASE("round trip: CSV export imports as the same graph", "[interchange][round-trip]") {
  RoundTrip(*kg::interchange::ParseExportFormat("csv"), "csv");
}

TEST_CASE("round trip: text a spreadsheet would run comes back from CSV as it was", "[interchange][round-trip]") {
  RoundTrip(*kg::interchange::ParseExportFormat("csv"), "formula-csv", BuildFormulaGraph, 2, 1);
  RoundTrip(*kg::interchange::ParseExportFormat("json"), "formula.json", BuildFormulaGraph, 2, 1);
  RoundTrip(*kg::interchange::ParseExportFormat("graphml"), "formula.graphml", BuildFormulaGraph, 2, 1);
}

TEST_CASE("round trip: times, datetimes and durations keep their kinds and values in JSON, GraphML and CSV",
          "[interchange][round-trip][temporal]") {
  RoundTrip(*kg::interchange::ParseExportFormat("json"), "temporal.json", BuildTemporalGraph, 2, 1);
  RoundTrip(*kg::interchange::ParseExportFormat("graphml"), "temporal.graphml", BuildTemporalGraph, 2, 1);
  RoundTrip(*kg::interchange::ParseExportFormat("csv"), "temporal-csv", BuildTemporalGraph, 2, 1);
  // The bulk loader writes the same records and keys (the datetime `key`).
  RoundTrip(*kg::interchange::ParseExportFormat("json"), "temporal-bulk.json", BuildTemporalGraph, 2, 1,
            kg::interchange::ImportMode::kBulk);
}

TEST_CASE("round trip: the bundled graph survives JSON, GraphML and CSV", "[interchange][round-trip]") {
  TempDir dir;
  auto source = Open(dir.path / "source");
  auto loaded = kg::interchange::ImportGraph(*source, {KG_DATA_DIR "/graph"}, {});
  if (!loaded.ok()) FAIL(loaded.status().ToString());
  const std::vector<std::string> before = Canonical(*source);
  const std::pair<kg::interchange::ExportFormat, std::string> formats[] = {
      {*kg::interchange::ParseExportFormat("json"), "bundled.json"},
      {*kg::interchange::ParseExportFormat("graphml"), "bundled.graphml"},
      {*kg::interchange::ParseExportFormat("csv"), "bundled-csv"},
  };
  for (const auto& [format, file] : formats) {
    INFO(file);
    kg::interchange::ExportOptions options;
    options.format = format;
    auto report = kg::interchange::ExportGraph(*source, (dir.path / file).string(), options);
    if (!report.ok()) FAIL(report.status().ToString());
    auto target = Open(dir.path / (file + ".db"));
    auto imported = kg::interchange::ImportGraph(*target, {(dir.path / file).string()}, {});
    if (!imported.ok()) FAIL(imported.status().ToString());
    CHECK(Canonical(*target) == before);
  }
}

}  // namespace
