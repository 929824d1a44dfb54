// Times, datetimes and durations from files written by hand or by other
// tools: CSV columns typed `at:datetime` (in the header or by --types),
// GraphML keys marked kg:datetime, and the JSON graph's {"$datetime": ...}
// objects; text that is not such a value is refused with its place.
#include <catch2/catch.hpp>

#include "common/time_zone.h"
#include "import_test_util.h"

namespace kg::test {
namespace {

using interchange::ImportOptions;

LocalDateTime Wall(int64_t y, unsigned mo, unsigned d, int64_t h, int64_t mi, int64_t s = 0, int64_t ns = 0) {
  return LocalDateTime{Date::FromCivil(y, mo, d), LocalTime::FromFields(h, mi, s, ns)};
}

Value Paris(LocalDateTime wall) { return Value(tz::ResolveLocal(*tz::FindZone("Europe/Paris"), wall)); }

TEST_CASE("csv: columns typed by temporal kind read ISO text, alone and in lists", "[import][csv][temporal]") {
  ImportFixture f;
  f.Write("csv/nodes.csv",
          ":ID,:LABEL,at:datetime,t:localtime,tz:time,local:localdatetime,term:duration,times:datetime[]\n"
          "1,Meeting,2024-10-03T09:00+02:00[Europe/Paris],12:31:14.645876123,12:00Z,2015-07-21T21:40:32.142,"
          "P9Y10M15D,2024-10-03T09:00Z;2024-10-03T11:00+02:00\n"
          // Other spellings the Cypher functions read: a zone without an
          // offset, no seconds, a basic-format time, weeks in a duration.
          "2,Meeting,2024-12-24T18:00[Europe/Paris],0830,10:15:30-05:00,2015-W30-2T2140,P2W,\"\"\n");
  f.Write("csv/relationships.csv", ":START_ID,:END_ID,:TYPE,after:duration\n1,2,FOLLOWS,PT-1.5S\n");
  f.MustImport({f.Sub("csv")});
  auto rows = f.Rows("MATCH (m:Meeting) RETURN m.at, m.t, m.tz, m.local, m.term, m.times ORDER BY m.t DESC");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0][0] == Paris(Wall(2024, 10, 3, 9, 0)));
  CHECK(rows[0][1] == Value(LocalTime::FromFields(12, 31, 14, 645876123)));
  CHECK(rows[0][2] == Value(Time{LocalTime::FromFields(12, 0, 0, 0), 0}));
  CHECK(rows[0][3] == Value(Wall(2015, 7, 21, 21, 40, 32, 142000000)));
  CHECK(rows[0][4] == Value(Duration{118, 15, 0, 0}));
  CHECK(rows[0][5] == Value(ValueList{Value(DateTime{Wall(2024, 10, 3, 9, 0), 0, 0}),
                                      Value(DateTime{Wall(2024, 10, 3, 11, 0), 7200, 0})}));
  CHECK(rows[1][0] == Paris(Wall(2024, 12, 24, 18, 0)));
  CHECK(rows[1][0].as_date_time().offset_seconds == 3600);
  CHECK(rows[1][1] == Value(LocalTime::FromFields(8, 30, 0, 0)));
  CHECK(rows[1][2] == Value(Time{LocalTime::FromFields(10, 15, 30, 0), -5 * 3600}));
  CHECK(rows[1][3] == Value(Wall(2015, 7, 21, 21, 40)));
  CHECK(rows[1][4] == Value(Duration{0, 14, 0, 0}));
  CHECK(rows[1][5] == Value(ValueList{}));
  CHECK(f.One("MATCH ()-[r:FOLLOWS]->() RETURN r.after") == Value(Duration{0, 0, -1, -500000000}));
}

TEST_CASE("csv: --types gives a column a temporal kind", "[import][csv][temporal]") {
  ImportFixture f;
  f.Write("g/nodes/Event.csv", "id:int,name,at,span\n0,Khai mạc,2026-12-05T18:00+07:00[Asia/Ho_Chi_Minh],PT2H\n");
  ImportOptions options;
  options.csv_types = {{"at", "datetime"}, {"span", "duration"}};
  f.MustImport({f.Sub("g")}, options);
  CHECK(f.One("MATCH (e:Event) RETURN e.at") ==
        Value(tz::ResolveLocal(*tz::FindZone("Asia/Ho_Chi_Minh"), Wall(2026, 12, 5, 18, 0))));
  CHECK(f.One("MATCH (e:Event) RETURN e.span") == Value(Duration{0, 0, 7200, 0}));
}

TEST_CASE("csv: text that is not the column's temporal kind is refused with its line", "[import][csv][temporal]") {
  ImportFixture f;
  struct Case {
    const char* what;
    std::string nodes;
    std::string error;  // after the csv directory
  };
  const std::vector<Case> cases = {
      {"a month 13", ":ID,at:datetime\n1,2024-13-01T09:00Z\n",
       "/nodes.csv:2: column 'at': '2024-13-01T09:00Z' is not a datetime (ISO 8601, as "
       "2024-10-03T09:00+02:00[Europe/Paris])"},
      {"an unknown zone", ":ID,at:datetime\n1,2024-10-03T09:00[Mars/Olympus]\n",
       "/nodes.csv:2: column 'at': '2024-10-03T09:00[Mars/Olympus]' is not a datetime"},
      {"a time of 25 hours", ":ID,t:localtime\n1,25:00\n",
       "/nodes.csv:2: column 't': '25:00' is not a localtime (ISO 8601, as 12:31:14.645)"},
      {"a time with garbage after it", ":ID,t:time\n1,12:00+01:00 tomorrow\n",
       "/nodes.csv:2: column 't': '12:00+01:00 tomorrow' is not a time (ISO 8601, as 12:31:14.645+01:00)"},
      {"a local datetime that is a date and junk", ":ID,l:localdatetime\n1,2024-10-03Tnoon\n",
       "/nodes.csv:2: column 'l': '2024-10-03Tnoon' is not a localdatetime"},
      {"a duration without P", ":ID,d:duration\n1,1Y2M\n",
       "/nodes.csv:2: column 'd': '1Y2M' is not a duration (ISO 8601, as P1Y2M10DT2H30M)"},
      {"a bad list element", ":ID,d:duration[]\n1,P1D;P1X\n",
       "/nodes.csv:2: column 'd': list element 2: 'P1X' is not a duration"},
  };
  for (const Case& c : cases) {
    SECTION(c.what) {
      f.Write("csv/nodes.csv", c.nodes);
      const std::string error = ImportError(f.Import({f.Sub("csv")}));
      INFO(error);
      CHECK(error.rfind(f.Sub("csv") + c.error, 0) == 0);
      CHECK(f.Nodes() == 0);
    }
  }
}

TEST_CASE("graphml: keys marked kg:<kind> read ISO text as that kind", "[import][graphml][temporal]") {
  ImportFixture f;
  const std::string text =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"k_labels\" for=\"node\" attr.name=\"labels\" attr.type=\"string\"/>\n"
      "  <key id=\"np0\" for=\"node\" attr.name=\"at\" attr.type=\"string\"><desc>kg:datetime</desc></key>\n"
      "  <key id=\"np1\" for=\"node\" attr.name=\"term\" attr.type=\"string\"><desc>kg:duration</desc></key>\n"
      "  <key id=\"np2\" for=\"node\" attr.name=\"ts\" attr.type=\"string\"><desc>kg:localtime[]</desc></key>\n"
      "  <key id=\"np3\" for=\"node\" attr.name=\"note\" attr.type=\"string\"/>\n"
      "  <graph id=\"G\" edgedefault=\"directed\">\n"
      "    <node id=\"n0\">\n"
      "      <data key=\"k_labels\">:Meeting</data>\n"
      "      <data key=\"np0\"> 2024-10-03T09:00+02:00[Europe/Paris] </data>\n"
      "      <data key=\"np1\">P9Y10M15D</data>\n"
      "      <data key=\"np2\">[\"08:00\",\"12:31:14.645\"]</data>\n"
      "      <data key=\"np3\">2024-10-03T09:00Z</data>\n"
      "    </node>\n"
      "  </graph>\n"
      "</graphml>\n";
  f.MustImport({f.Write("g.graphml", text)});
  CHECK(f.One("MATCH (m:Meeting) RETURN m.at") == Paris(Wall(2024, 10, 3, 9, 0)));
  CHECK(f.One("MATCH (m:Meeting) RETURN m.term") == Value(Duration{118, 15, 0, 0}));
  CHECK(
      f.One("MATCH (m:Meeting) RETURN m.ts") ==
      Value(ValueList{Value(LocalTime::FromFields(8, 0, 0, 0)), Value(LocalTime::FromFields(12, 31, 14, 645000000))}));
  // An unmarked string key stays a string, however much it looks like a datetime.
  CHECK(f.One("MATCH (m:Meeting) RETURN m.note") == Value("2024-10-03T09:00Z"));

  std::string bad = text;
  bad.replace(bad.find("P9Y10M15D"), 9, "P9Y10");
  const std::string error = ImportError(f.Import({f.Write("bad.graphml", bad)}));
  INFO(error);
  CHECK(error.find("bad.graphml:9: ") != std::string::npos);
  CHECK(error.find("'P9Y10' is not a duration") != std::string::npos);
}

TEST_CASE("json: {\"$<kind>\": text} objects are temporal values", "[import][json][temporal]") {
  ImportFixture f;
  const std::string path = f.Write(
      "g.json",
      "{\"kg_graph\": 1,\n"
      " \"nodes\": [\n"
      "  {\"id\": \"a\", \"labels\": [\"Meeting\"], \"properties\": {\"at\": {\"$datetime\": "
      "\"2024-10-03T09:00+02:00[Europe/Paris]\"}, \"t\": {\"$localtime\": \"12:31\"}, \"tz\": {\"$time\": \"12:00Z\"}, "
      "\"local\": {\"$localdatetime\": \"2015-07-21T21:40\"}, \"d\": {\"$date\": \"2024-07-09\"}, "
      "\"terms\": [{\"$duration\": \"P1D\"}, {\"$duration\": \"PT1H\"}]}}\n"
      " ]}\n");
  f.MustImport({path});
  auto rows = f.Rows("MATCH (m:Meeting) RETURN m.at, m.t, m.tz, m.local, m.d, m.terms");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0][0] == Paris(Wall(2024, 10, 3, 9, 0)));
  CHECK(rows[0][1] == Value(LocalTime::FromFields(12, 31, 0, 0)));
  CHECK(rows[0][2] == Value(Time{LocalTime::FromFields(12, 0, 0, 0), 0}));
  CHECK(rows[0][3] == Value(Wall(2015, 7, 21, 21, 40)));
  CHECK(rows[0][4] == Value(*Date::Parse("2024-07-09")));
  CHECK(rows[0][5] == Value(ValueList{Value(Duration{0, 1, 0, 0}), Value(Duration{0, 0, 3600, 0})}));
}

}  // namespace
}  // namespace kg::test
