// Times, datetimes and durations in every export: ISO text as Cypher's
// toString writes it, with the kind kept where the format has room for it
// (GraphML's <desc>kg:datetime</desc>, the CSV header's `at:datetime`, the
// JSON graph's {"$datetime": ...}), so that kg's importer gives the same
// kinds back; other readers see strings.
#include <catch2/catch.hpp>

#include "common/time_zone.h"
#include "export_test_util.h"
#include "store_database.h"

namespace kg::test {
namespace {

using interchange::ExportFormat;
using nlohmann::json;

LocalDateTime Wall(int64_t y, unsigned mo, unsigned d, int64_t h, int64_t mi, int64_t s = 0, int64_t ns = 0) {
  return LocalDateTime{Date::FromCivil(y, mo, d), LocalTime::FromFields(h, mi, s, ns)};
}

// n0 and n1 :Meeting with every temporal kind (n1's `mixed` is an integer
// where n0's is a datetime); e0 n0-[:FOLLOWS {after: duration}]->n1.
class TemporalGraph {
 public:
  TemporalGraph() {
    DatabaseOptions options;
    options.store.in_memory = true;
    StoreDatabase opened = OpenStoreDatabase("export-temporal-test", options);
    db_ = std::move(opened.db);
    const uint32_t paris = *tz::FindZone("Europe/Paris");
    auto txn = Write(*opened.store);
    const NodeId a =
        AddNode(*txn, {"Meeting"},
                {{"at", Value(tz::ResolveLocal(paris, Wall(2024, 10, 3, 9, 0)))},
                 {"offset", Value(DateTime{Wall(2024, 10, 3, 9, 0, 30, 500000000), -(5 * 3600 + 30 * 60), 0})},
                 {"t", Value(LocalTime::FromFields(12, 31, 14, 645876123))},
                 {"tz", Value(Time{LocalTime::FromFields(12, 0, 0, 0), 0})},
                 {"local", Value(Wall(2015, 7, 21, 21, 40, 32, 142000000))},
                 {"term", Value(Duration{118, 15, 0, 0})},
                 {"times", ValueList{Value(tz::ResolveLocal(paris, Wall(2024, 3, 31, 2, 30))),
                                     Value(DateTime{Wall(1969, 12, 31, 23, 0), 0, 0})}},
                 {"mixed", Value(DateTime{Wall(2000, 1, 1, 0, 0), 3600, 0})}});
    const NodeId b = AddNode(*txn, {"Meeting"},
                             {{"at", Value(tz::ResolveLocal(paris, Wall(2024, 12, 24, 18, 0)))},
                              {"term", Value(Duration::Normalized(0, 0, -1, -999000000))},
                              {"mixed", int64_t{7}}});
    AddRel(*txn, "FOLLOWS", a, b, {{"after", Value(Duration{0, 82, 32400, 0})}});
    MustOk(txn->Commit());
  }

  std::string Export(ExportFormat format, const std::string& file) {
    interchange::ExportOptions options;
    options.format = format;
    auto r = interchange::ExportGraph(*db_, dir_.Sub(file), options);
    INFO(r.status().ToString());
    REQUIRE(r.ok());
    CHECK(r->nodes == 2);
    CHECK(r->relationships == 1);
    return dir_.Sub(file);
  }

 private:
  TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_CASE("graphml export: temporal keys are ISO strings that name their kind", "[export][graphml][temporal]") {
  TemporalGraph g;
  const std::string xml = ReadFile(g.Export(*interchange::ParseExportFormat("graphml"), "out.graphml"));
  auto has = [&](const std::string& s) { return xml.find(s) != std::string::npos; };
  CHECK(has("attr.name=\"at\" attr.type=\"string\"><desc>kg:datetime</desc></key>"));
  CHECK(has("attr.name=\"t\" attr.type=\"string\"><desc>kg:localtime</desc></key>"));
  CHECK(has("attr.name=\"tz\" attr.type=\"string\"><desc>kg:time</desc></key>"));
  CHECK(has("attr.name=\"local\" attr.type=\"string\"><desc>kg:localdatetime</desc></key>"));
  CHECK(has("attr.name=\"term\" attr.type=\"string\"><desc>kg:duration</desc></key>"));
  CHECK(has("attr.name=\"times\" attr.type=\"string\"><desc>kg:datetime[]</desc></key>"));
  CHECK(has("for=\"edge\" attr.name=\"after\" attr.type=\"string\"><desc>kg:duration</desc></key>"));
  CHECK(has("attr.name=\"mixed\" attr.type=\"string\"/>"));
  CHECK(has(">2024-10-03T09:00+02:00[Europe/Paris]</data>"));
  CHECK(has(">2024-10-03T09:00:30.5-05:30</data>") == false);  // fractions in groups of three
  CHECK(has(">2024-10-03T09:00:30.500-05:30</data>"));
  CHECK(has(">12:31:14.645876123</data>"));
  CHECK(has(">12:00Z</data>"));
  CHECK(has(">2015-07-21T21:40:32.142</data>"));
  CHECK(has(">P9Y10M15D</data>"));
  CHECK(has(">PT-1.999S</data>"));
  CHECK(has(">P82DT9H</data>"));
  // 02:30 does not exist in Paris that night: it is 03:30+02:00.
  CHECK(has(">[&quot;2024-03-31T03:30+02:00[Europe/Paris]&quot;,&quot;1969-12-31T23:00Z&quot;]</data>"));
  CHECK(has(">2000-01-01T00:00+01:00</data>"));  // a mixed key holds each value's text
}

TEST_CASE("graphml export: networkx reads temporal values as their ISO text", "[export][graphml][temporal]") {
  TemporalGraph g;
  const json read = ReadWith("networkx-graphml", g.Export(*interchange::ParseExportFormat("graphml"), "out.graphml"));
  const json& n0 = read["nodes"]["n0"];
  CHECK(n0["at"] == Tagged("str", "2024-10-03T09:00+02:00[Europe/Paris]"));
  CHECK(n0["term"] == Tagged("str", "P9Y10M15D"));
}

TEST_CASE("csv export: temporal columns are typed by kind in the header", "[export][csv][temporal]") {
  TemporalGraph g;
  const std::string dir = g.Export(*interchange::ParseExportFormat("csv"), "out");
  CHECK(ReadFile(dir + "/nodes.csv") ==
        ":ID,:LABEL,at:datetime,local:localdatetime,mixed:string,offset:datetime,t:localtime,term:duration,"
        "times:datetime[],tz:time\n"
        "0,Meeting,2024-10-03T09:00+02:00[Europe/Paris],2015-07-21T21:40:32.142,2000-01-01T00:00+01:00,"
        "2024-10-03T09:00:30.500-05:30,12:31:14.645876123,P9Y10M15D,"
        "2024-03-31T03:30+02:00[Europe/Paris];1969-12-31T23:00Z,12:00Z\n"
        "1,Meeting,2024-12-24T18:00+01:00[Europe/Paris],,7,,,PT-1.999S,,\n");
  CHECK(ReadFile(dir + "/relationships.csv") == ":START_ID,:END_ID,:TYPE,after:duration\n0,1,FOLLOWS,P82DT9H\n");
}

TEST_CASE("json export: temporal values are objects naming their kind", "[export][json][temporal]") {
  TemporalGraph g;
  const std::string text = ReadFile(g.Export(*interchange::ParseExportFormat("json"), "out.json"));
  const json doc = json::parse(text);
  const json& p = doc["nodes"][0]["properties"];
  CHECK(p["at"] == json{{"$datetime", "2024-10-03T09:00+02:00[Europe/Paris]"}});
  CHECK(p["offset"] == json{{"$datetime", "2024-10-03T09:00:30.500-05:30"}});
  CHECK(p["t"] == json{{"$localtime", "12:31:14.645876123"}});
  CHECK(p["tz"] == json{{"$time", "12:00Z"}});
  CHECK(p["local"] == json{{"$localdatetime", "2015-07-21T21:40:32.142"}});
  CHECK(p["term"] == json{{"$duration", "P9Y10M15D"}});
  CHECK(p["times"] == json::array({json{{"$datetime", "2024-03-31T03:30+02:00[Europe/Paris]"}},
                                   json{{"$datetime", "1969-12-31T23:00Z"}}}));
  CHECK(doc["links"][0]["properties"]["after"] == json{{"$duration", "P82DT9H"}});
}

TEST_CASE("gexf export: temporal attributes are strings holding ISO text", "[export][gexf][temporal]") {
  TemporalGraph g;
  const std::string xml = ReadFile(g.Export(*interchange::ParseExportFormat("gexf"), "out.gexf"));
  auto has = [&](const std::string& s) { return xml.find(s) != std::string::npos; };
  CHECK(has("title=\"at\" type=\"string\""));
  CHECK(has("title=\"term\" type=\"string\""));
  CHECK(has("value=\"2024-10-03T09:00+02:00[Europe/Paris]\""));
  CHECK(has("value=\"P9Y10M15D\""));
}

}  // namespace
}  // namespace kg::test
