// kg's JSON graph format (data/README.md) read by ImportGraph: the fixture
// in fixtures/json_graph with every kind of value, and bad files, each
// refused with its file:line and the database left as it was.
#include "import_test_util.h"

using namespace kg;        // NOLINT: test file
using namespace kg::test;  // NOLINT

namespace {

const std::string kFixture = std::string(KG_IMPORT_FIXTURES) + "/json_graph";

// A graph already in the database, so that "unchanged" means something.
void Seed(ImportFixture& f) {
  f.Rows("CREATE (:Person {key: 'person/existing', name: 'Đã có'})-[:KNOWS]->(:Person {name: 'B'})");
}

}  // namespace

TEST_CASE("json: a directory is one import, links may name nodes of a later file", "[import][json]") {
  ImportFixture f;
  auto report = f.MustImport({kFixture});
  CHECK(report.nodes == 4);
  CHECK(report.relationships == 3);
  CHECK(report.formats == std::vector<interchange::ImportFormat>{*interchange::ParseImportFormat("json")});
  CHECK(interchange::DescribeImport(report).rfind("imported 4 nodes and 3 relationships from " + kFixture + " (", 0) ==
        0);
  CHECK(f.Nodes() == 4);
  CHECK(f.Relationships() == 3);

  // Typed values, Vietnamese text, lists, dates; null is an absent property.
  auto person = f.Rows("MATCH (p:Person) RETURN p.key, p.name, p.born, p.aliases, p.note, keys(p) ORDER BY p.key");
  REQUIRE(person.size() == 1);
  CHECK(person[0][0] == Value("person/le-hoai-trung"));
  CHECK(person[0][1] == Value("Lê Hoài Trung"));
  CHECK(person[0][2] == Value(*Date::Parse("1961-04-27")));
  CHECK(person[0][3] == Value(ValueList{Value("Lê Hoài Trung"), Value("Le Hoai Trung")}));
  CHECK(person[0][4].is_null());
  CHECK(person[0][5].as_list().size() == 4);

  // Several labels; int, float, bool.
  auto ministry = f.Rows("MATCH (m:Organization:Ministry) RETURN m.name, m.founded, m.budget, m.active");
  REQUIRE(ministry.size() == 1);
  CHECK(ministry[0][0] == Value("Bộ Ngoại giao"));
  CHECK(ministry[0][1] == Value(int64_t{1945}));
  CHECK(ministry[0][2] == Value(1500.0));
  CHECK(ministry[0][3] == Value(true));

  // Relationship properties, ends by key and by integer id.
  auto holds = f.Rows("MATCH (p:Person)-[r:HOLDS_POSITION]->(m:Ministry) RETURN r.role, r.source, r.span, m.founded");
  REQUIRE(holds.size() == 1);
  CHECK(holds[0][0] == Value("Bộ trưởng"));
  CHECK(holds[0][1] == Value("doc/000"));
  CHECK(holds[0][2] == Value(ValueList{Value(int64_t{120}), Value(int64_t{141})}));
  CHECK(f.One("MATCH (:Document)-[r:MENTIONS]->(:Person) RETURN r.spans").as_list().size() == 4);

  // 7 and "7" are different ids: the TAGGED link reaches the Tag, not the Ministry.
  CHECK(f.One("MATCH (:Document)-[:TAGGED]->(t) RETURN labels(t)") == Value(ValueList{Value("Tag")}));
  CHECK(f.One("MATCH (d:Document) RETURN d.title") == Value("Quote \"inside\" <and> & ampersand\nsecond line 🇻🇳"));
  CHECK(f.One("MATCH (d:Document) RETURN d.published") == Value(*Date::Parse("2024-07-09")));
}

TEST_CASE("json: a single file imports, and its ids may be integers", "[import][json]") {
  ImportFixture f;
  const std::string path = f.Write("g.json",
                                   "{\"kg_graph\": 1,\n"
                                   " \"nodes\": [\n"
                                   "  {\"id\": 1, \"labels\": [\"A\"], \"properties\": {\"x\": -5}},\n"
                                   "  {\"id\": 2, \"labels\": [], \"properties\": {\"x\": 9223372036854775807}}\n"
                                   " ],\n"
                                   " \"links\": [\n"
                                   "  {\"id\": 10, \"type\": \"R\", \"source\": 2, \"target\": 1}\n"
                                   " ], \"directed\": true, \"multigraph\": true, \"graph\": {}}\n");
  auto report = f.MustImport({path});
  CHECK(report.nodes == 2);
  CHECK(report.relationships == 1);
  CHECK(f.One("MATCH (a)-[:R]->(b:A) RETURN a.x") == Value(int64_t{9223372036854775807}));
  CHECK(f.One("MATCH (b:A) RETURN b.x") == Value(int64_t{-5}));
}

TEST_CASE("json: bad input is refused with file:line and the database is unchanged", "[import][json]") {
  ImportFixture f;
  Seed(f);
  struct Case {
    const char* what;
    std::string text;
    std::string error;  // after "<file>:"
  };
  const std::string head = "{\"kg_graph\": 1,\n \"nodes\": [\n";
  // The first node, and the same followed by a comma.
  const std::string first = "  {\"labels\": [\"A\"], \"properties\": {\"key\": \"a\"}}\n";
  const std::string good = "  {\"labels\": [\"A\"], \"properties\": {\"key\": \"a\"}},\n";
  const std::vector<Case> cases = {
      {"a syntax error", head + good + "  {\"labels\": [\"A\"] \"properties\": {}}\n ]}\n",
       "4:20: not valid JSON: unexpected string literal; expected '}'"},
      {"a link to a node that is not there",
       head + first + " ],\n \"links\": [\n  {\"type\": \"R\", \"source\": \"a\", \"target\": \"org/x\"}\n ]}\n",
       "6: link target \"org/x\" is not a node of this import"},
      {"two nodes with one id", head + good + "  {\"id\": \"a\", \"labels\": [\"B\"]}\n ]}\n",
       "4: node id \"a\" is already the id of the node at "},
      {"two nodes with one key",
       head + good + "  {\"id\": 5, \"labels\": [\"B\"], \"properties\": {\"key\": \"a\"}}\n ]}\n",
       "4: key 'a' is already the key of the node at "},
      {"a key the database already has",
       head + good + "  {\"labels\": [\"B\"], \"properties\": {\"key\": \"person/existing\"}}\n ]}\n",
       "4: key 'person/existing' already belongs to node 0 of the database"},
      {"a list of lists", head + good + "  {\"labels\": [\"B\"], \"properties\": {\"m\": [[1], [2]]}}\n ]}\n",
       "4: property 'm': a list inside a list cannot be stored"},
      {"a map", head + good + "  {\"labels\": [\"B\"], \"properties\": {\"m\": {\"a\": 1}}}\n ]}\n",
       "4: property 'm': an object other than a temporal value ({\"$date\": \"YYYY-MM-DD\"}, {\"$datetime\": "
       "\"...\"}, {\"$duration\": \"...\"}...) cannot be stored"},
      {"an object naming a kind that is not temporal",
       head + good + "  {\"labels\": [\"B\"], \"properties\": {\"m\": {\"$int\": \"1\"}}}\n ]}\n",
       "4: property 'm': an object other than a temporal value"},
      {"a bad date",
       head + good + "  {\"labels\": [\"B\"], \"properties\": {\"d\": {\"$date\": \"2023-02-30\"}}}\n ]}\n",
       "4: property 'd': '2023-02-30' is not a date (YYYY-MM-DD)"},
      {"a bad datetime",
       head + good + "  {\"labels\": [\"B\"], \"properties\": {\"d\": {\"$datetime\": \"2024-10-03T25:00Z\"}}}\n ]}\n",
       "4: property 'd': '2024-10-03T25:00Z' is not a datetime (ISO 8601, as 2024-10-03T09:00+02:00[Europe/Paris])"},
      {"a datetime in a zone no one knows",
       head + good +
           "  {\"labels\": [\"B\"], \"properties\": {\"d\": {\"$datetime\": \"2024-10-03T09:00[Europe/Nowhere]\"}}}\n "
           "]}\n",
       "4: property 'd': '2024-10-03T09:00[Europe/Nowhere]' is not a datetime"},
      {"a bad duration",
       head + good + "  {\"labels\": [\"B\"], \"properties\": {\"d\": {\"$duration\": \"P1Q\"}}}\n ]}\n",
       "4: property 'd': 'P1Q' is not a duration (ISO 8601, as P1Y2M10DT2H30M)"},
      {"a null in a list", head + good + "  {\"labels\": [\"B\"], \"properties\": {\"l\": [1, null]}}\n ]}\n",
       "4: property 'l': a list cannot hold null"},
      {"properties at the top of a node (networkx style)", head + good + "  {\"id\": 3, \"name\": \"x\"}\n ]}\n",
       "4: a node has no member \"name\""},
      {"a link without a type", head + first + " ],\n \"links\": [\n  {\"source\": \"a\", \"target\": \"a\"}\n ]}\n",
       "6: a link needs a \"type\", a non-empty string"},
      {"an unknown version", "{\"kg_graph\": 2, \"nodes\": []}\n",
       "1: kg_graph 2 is a format version this kg does not know (it reads 1)"},
      {"no version", "{\"nodes\": [\n" + first + "]}\n", "1: not a kg JSON graph: it has no \"kg_graph\" member"},
      {"not an object", "[1, 2]\n", "1: a kg JSON graph is one object, not an array"},
      {"a truncated file", head + first, "4:1: not valid JSON: unexpected end of input; expected ']'"},
      {"invalid UTF-8", head + "  {\"labels\": [\"A\"], \"properties\": {\"n\": \"\xC3\x28\"}}\n ]}\n",
       "3:43: not valid JSON: invalid string: ill-formed UTF-8 byte"},
      // The library's own words ([json.exception.out_of_range.406]) never reach the message.
      {"a number out of range", head + good + "  {\"labels\": [\"B\"], \"properties\": {\"x\": 1e999}}\n ]}\n",
       "4:41: number 1e999 is out of range"},
      {"a negative number out of range in a list",
       head + good + "  {\"labels\": [\"B\"], \"properties\": {\"x\": [1, -2E+400]}}\n ]}\n",
       "4:45: number -2E+400 is out of range"},
      {"a control character in a string", head + good + "  {\"labels\": [\"B\x01\"]}\n ]}\n",
       "4:17: not valid JSON: invalid string: control character U+0001 (SOH) must be escaped to \\u0001"},
      {"text after the graph", "{\"kg_graph\": 1, \"nodes\": []} {}\n",
       "1:30: not valid JSON: unexpected '{'; expected end of input"},
      {"an empty file", "", "1:1: not valid JSON: unexpected end of input; expected '[', '{', or a literal"},
      // Values nested without end would be built, then printed, by recursion.
      {"values nested a thousand deep",
       head + good + "  {\"id\": " + std::string(1000, '[') + std::string(1000, ']') + "}\n ]}\n",
       "4:42: values nest deeper than 32 levels"},
      {"a long value is cut short in the message",
       head + good + "  {\"id\": [\"" + std::string(200, 'x') + "\"]}\n ]}\n",
       "4: a node's \"id\" must be a string or an integer, not [\"" + std::string(78, 'x') + "…"},
      {"a version that is not a number", "{\"kg_graph\": [1], \"nodes\": []}\n",
       "1: kg_graph must be the format version 1, not an array"},
  };
  for (const Case& c : cases) {
    SECTION(c.what) {
      const std::string path = f.Write("bad.json", c.text);
      const std::string error = ImportError(f.Import({path}));
      INFO(error);
      CHECK(error.rfind(path + ":" + c.error, 0) == 0);
      // Nothing of the refused file is kept, and what was there stays.
      CHECK(f.Nodes() == 2);
      CHECK(f.Relationships() == 1);
      CHECK(f.One("MATCH (p:Person {key: 'person/existing'}) RETURN p.name") == Value("Đã có"));
    }
  }
}

TEST_CASE("json: a bad file in a directory refuses the whole directory", "[import][json]") {
  ImportFixture f;
  f.Write("dir/1.json",
          "{\"kg_graph\": 1, \"nodes\": [\n  {\"labels\": [\"A\"], \"properties\": {\"key\": \"a\"}}\n]}\n");
  f.Write("dir/2.json", "{\"kg_graph\": 1, \"nodes\": [\n  {\"labels\": [\"A\"], \"properties\": {\"x\": [[]]}}\n]}\n");
  const std::string error = ImportError(f.Import({f.Sub("dir")}));
  CHECK(error == f.Sub("dir") + "/2.json:2: property 'x': a list inside a list cannot be stored");
  CHECK(f.Nodes() == 0);
}

TEST_CASE("json: files held in memory import as one source, errors name them", "[import][json]") {
  ImportFixture f;
  const std::string people =
      "{\"kg_graph\": 1, \"nodes\": [\n"
      "  {\"labels\": [\"Person\"], \"properties\": {\"key\": \"p/1\", \"name\": \"Nguyễn Thị Bình\"}}\n"
      "], \"links\": [\n"
      "  {\"type\": \"MEMBER_OF\", \"source\": \"p/1\", \"target\": \"org/1\"}\n"
      "]}\n";
  const std::string orgs =
      "{\"kg_graph\": 1, \"nodes\": [\n"
      "  {\"labels\": [\"Organization\"], \"properties\": {\"key\": \"org/1\"}}\n"
      "]}\n";
  auto report = interchange::ImportJsonTexts(f.db(), {{"graph/people.json", people}, {"graph/orgs.json", orgs}});
  INFO(report.status().ToString());
  REQUIRE(report.ok());
  CHECK(report->nodes == 2);
  CHECK(report->relationships == 1);
  CHECK(f.One("MATCH (:Person)-[:MEMBER_OF]->(o) RETURN o.key") == Value("org/1"));

  ImportFixture g;
  auto bad = interchange::ImportJsonTexts(g.db(), {{"graph/people.json", people}});
  CHECK(ImportError(bad) == "graph/people.json:4: link target \"org/1\" is not a node of this import");
  CHECK(g.Nodes() == 0);
}
