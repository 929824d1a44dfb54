// The text of ':help' and ':help TOPIC': an overview of the commands and
// topics, and one topic per part of the language (and of the shell) with
// examples a researcher can paste. tests/shell/help_test.cpp runs every
// example against a small graph in the vocabulary of shared/DATA-MODEL.md,
// so an example that stops working fails the build's tests; the claims in
// the prose were checked the same way when they were written.
//
// Layout rules: plain text, no line of 100 columns or more (the test
// checks), and each example on lines of its own so that it can be pasted.
#include "help_topics.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "command_table.h"

namespace kg::shell {
namespace {

struct Example {
  // One line saying what the example asks, shown as a comment above it.
  const char* question;
  // The statement (tests run it). Longer ones continue on lines indented
  // by four spaces, which the shell reads as one statement up to its ';'.
  const char* statement;
  // Shell commands shown before the statement (":param ...", ":format csv").
  std::vector<const char*> before = {};
  // For the command-line topic: the kg command line that contains the
  // statement, shown instead of it.
  const char* command_line = nullptr;
};

struct TopicSpec {
  const char* name;
  const char* summary;
  // What it does, in lines already shorter than the limit.
  const char* body;
  std::vector<Example> examples;
  // Notes after the examples ("" for none).
  const char* after;
  // Other topics, for the last line ("" for none).
  const char* see_also;
};

// The topics, in the order the overview lists them: reading, then writing,
// then expressions, then the shell.
const std::vector<TopicSpec>& Specs() {
  static const std::vector<TopicSpec> specs = {
      {"match",
       "find nodes and relationships by pattern",
       R"(MATCH finds every way a pattern fits the graph and gives one row for each.
  nodes          (), (p), (p:Person), (o:Organization:Committee), (s:Site {kind: 'World Heritage'})
  relationships  -->, <--, --, -[r]->, -[:HOLDS_POSITION]->, -[:MEMBER_OF|JOINED]->,
                 -[h:HOLDS_POSITION {role_en: 'Chair'}]->
-> and <- follow the arrow; - takes either direction. Several labels must all be there; several
types are alternatives. Properties written inline must be equal. Patterns separated by commas are
joined on the variables they share, and p = (...)-[...]->(...) names the whole path. A node's
`key` ('person/le-hoai-trung') finds it in one read. Within one MATCH no relationship is used
twice. The labels, types and properties of the graph: :schema.)",
       {
           {"Who holds a position at the Ministry of Foreign Affairs, and as what?",
            "MATCH (p:Person)-[h:HOLDS_POSITION]->(:Ministry {name: 'Bộ Ngoại giao'}) RETURN p.name, h.role"},
           {"Which bodies does Lê Hoài Trung belong to? (found by key)",
            "MATCH (:Person {key: 'person/le-hoai-trung'})-[:HOLDS_POSITION]->(o) RETURN o.name, labels(o)"},
           {"Everything linked to the National Commission for UNESCO, in either direction",
            "MATCH (c:Committee {name_en: 'Vietnam National Commission for UNESCO'})-[r]-(x)\n"
            "    RETURN type(r), x.name"},
           {"Who chaired an event that a ministry organized? (two patterns sharing e)",
            "MATCH (m:Ministry)-[:ORGANIZED]->(e:Event), (p:Person)-[:CHAIRED]->(e)\n"
            "    RETURN m.name, e.name, p.name"},
       },
       "",
       "optional match, where, variable-length paths, shortest path"},

      {"optional match",
       "like MATCH, but keeps the row (with nulls) when nothing matches",
       R"(OPTIONAL MATCH looks for a pattern for each row so far; when there is none the row stays and
the pattern's new variables are null. Use it to list everything with what it has, if anything;
count(x) of such an x is 0. A WHERE right after OPTIONAL MATCH belongs to the pattern: it narrows
what is found, and never removes rows.)",
       {
           {"Every person, with the events they chaired (null for none)",
            "MATCH (p:Person) OPTIONAL MATCH (p)-[:CHAIRED]->(e:Event) RETURN p.name, e.name"},
           {"How many people hold a position in each organization, zero included?",
            "MATCH (o:Organization) OPTIONAL MATCH (o)<-[:HOLDS_POSITION]-(p:Person)\n"
            "    RETURN o.name, count(p) AS people ORDER BY people DESC"},
           {"Every person, with the events of 2024 they chaired",
            "MATCH (p:Person) OPTIONAL MATCH (p)-[:CHAIRED]->(e:Event) WHERE e.start.year = 2024\n"
            "    RETURN p.name, e.name"},
       },
       "",
       "match, where"},

      {"where",
       "filter rows: comparisons, text tests, IN, IS NULL, pattern predicates",
       R"(WHERE follows MATCH, OPTIONAL MATCH or WITH and keeps the rows where its condition is true.
  comparison  =  <>  <  <=  >  >=      chained: date('2021-01-01') <= e.start < date('2025-01-01')
  text        STARTS WITH, ENDS WITH, CONTAINS (exact, case-sensitive)
              =~ 'regular expression' (the whole string must match; :help strings)
  lists       c.iso2 IN ['VN', 'KR']
  null        e.start IS NULL, e.start IS NOT NULL (a missing property is null)
  labels      n:Ministry
  patterns    (p)-[:CHAIRED]->(), NOT (p)-[:CHAIRED]->(:Event): is there such a path?
  logic       AND, OR, XOR, NOT, parentheses
Null follows openCypher: a comparison with null is null, not false, so
`e.start < date('2024-01-01')` skips events without a start; IS NULL finds them. Aggregates are
not allowed in WHERE: compute them with WITH and filter there (:help with).)",
       {
           {"Sites whose name starts with 'Vịnh', or whose English name ends with 'Geopark'",
            "MATCH (s:Site) WHERE s.name STARTS WITH 'Vịnh' OR s.name_en ENDS WITH 'Geopark' RETURN s.name"},
           {"Events from 2021 to 2024",
            "MATCH (e:Event) WHERE date('2021-01-01') <= e.start < date('2025-01-01')\n"
            "    RETURN e.name, e.start"},
           {"Events whose date the sources do not give", "MATCH (e:Event) WHERE e.start IS NULL RETURN e.name"},
           {"People who chaired no event, among two names",
            "MATCH (p:Person) WHERE p.name IN ['Hà Kim Ngọc', 'Bùi Thanh Sơn'] AND NOT (p)-[:CHAIRED]->()\n"
            "    RETURN p.name"},
       },
       "",
       "strings, lists, with"},

      {"return",
       "choose the result's columns: aliases, DISTINCT, *",
       R"(RETURN ends a query and says what each row shows: expressions, each with AS name for its column
(without one the column is named by the expression's text), * for every variable, DISTINCT to
drop repeated rows. A query must end with RETURN unless its last clause writes (CREATE, MERGE,
SET, REMOVE, DELETE). RETURN may sort and page the rows: :help order by, :help skip.)",
       {
           {"Positions with readable column names",
            "MATCH (p:Person)-[h:HOLDS_POSITION]->(o)\n"
            "    RETURN p.name AS person, h.role_en AS role, o.name AS body"},
           {"Each role once", "MATCH (:Person)-[h:HOLDS_POSITION]->() RETURN DISTINCT h.role_en AS role"},
           {"Some properties of a node as one map (a map projection)",
            "MATCH (p:Person {name: 'Hà Kim Ngọc'}) RETURN p{.name, .titles} AS person"},
       },
       "",
       "with, aggregation, order by"},

      {"with",
       "pass results on to the next part of a query; filter after aggregating",
       R"(WITH ends one part of a query and starts the next. It projects like RETURN (aliases, DISTINCT,
aggregation, ORDER BY, SKIP, LIMIT), and only what it names goes on: other variables are gone.
A WHERE after WITH filters what was just computed, such as a count (what SQL calls HAVING).)",
       {
           {"Organizations where more than one person holds a position",
            "MATCH (p:Person)-[:HOLDS_POSITION]->(o) WITH o, count(p) AS people WHERE people > 1\n"
            "    RETURN o.name, people"},
           {"The first three people by name, then their positions",
            "MATCH (p:Person) WITH p ORDER BY p.name LIMIT 3\n"
            "    MATCH (p)-[:HOLDS_POSITION]->(o) RETURN p.name, o.name"},
           {"A computed value used in a later WHERE",
            "MATCH (e:Event) WITH e, e.start.year AS year WHERE year >= 2024 RETURN e.name, year"},
       },
       "",
       "return, aggregation"},

      {"order by",
       "sort rows by one or more keys, ASC or DESC",
       R"(ORDER BY after RETURN or WITH sorts by one or more keys, each ASC (the default) or DESC; keys
may be expressions or the aliases of the RETURN. Without ORDER BY the order of rows is not
defined. Null sorts last going up and first going down. Values of different types sort as
openCypher says: maps, nodes, relationships, lists, paths, dates, strings, booleans, numbers.
Strings sort by Unicode code point, not by the Vietnamese alphabet: 'Đ' comes after 'Z', and
'Hà' after 'Hu'.)",
       {
           {"Events, the latest first (those without a date come first)",
            "MATCH (e:Event) RETURN e.name, e.start ORDER BY e.start DESC"},
           {"People with the most titles first, then by name",
            "MATCH (p:Person) RETURN p.name AS name, size(p.titles) AS titles ORDER BY titles DESC, name"},
       },
       "",
       "skip and limit"},

      {"skip and limit",
       "page through results: SKIP n, LIMIT n",
       R"(SKIP n leaves out the first n rows and LIMIT n keeps at most n. After ORDER BY they page
through a result. n is an integer, or an expression without variables such as a parameter
(LIMIT $n). They work after RETURN and after WITH. A LIMIT after a write does not cut the write
short: every row before it is written.)",
       {
           {"The third and fourth person by name", "MATCH (p:Person) RETURN p.name ORDER BY p.name SKIP 2 LIMIT 2"},
           {"The latest dated event",
            "MATCH (e:Event) WHERE e.start IS NOT NULL RETURN e.name, e.start ORDER BY e.start DESC LIMIT 1"},
       },
       "",
       "order by, parameters"},

      {"aggregation",
       "count, collect, sum, avg, min, max, stDev, percentiles; grouping",
       R"(An aggregate turns many rows into one value:
  count(x) the non-null values   count(*) the rows      collect(x) a list (nulls left out)
  sum(x)   avg(x)   min(x)   max(x)   stDev(x)   stDevP(x)
  percentileCont(x, 0.5)   percentileDisc(x, 0.9)
Each can take DISTINCT: count(DISTINCT x). There is no GROUP BY: the columns of the same RETURN
or WITH that are not aggregates are the grouping keys, one row per distinct combination.
Aggregates are not allowed in WHERE; aggregate in WITH, then filter (:help with).)",
       {
           {"How many events of each kind, and which",
            "MATCH (e:Event) RETURN e.kind, count(*) AS events, collect(e.name) AS names"},
           {"The first and last dated event, and how many have a date",
            "MATCH (e:Event) RETURN min(e.start) AS first, max(e.start) AS last, count(e.start) AS dated"},
           {"How many different things each language's articles mention",
            "MATCH (d:Document)-[:MENTIONS]->(n) RETURN d.language, count(DISTINCT n) AS mentioned"},
           {"Titles per person, on average",
            "MATCH (p:Person) RETURN avg(size(p.titles)) AS average, sum(size(p.titles)) AS titles"},
       },
       "",
       "with, lists"},

      {"unwind",
       "turn a list into rows",
       R"(UNWIND list AS x gives one row per element of the list (and none for an empty list or null).
Use it to look at list properties one element at a time (titles, aliases), or to feed a list of
values, such as a parameter, into MATCH, MERGE or CREATE. collect() is its reverse.)",
       {
           {"Every title of every person, one per row",
            "MATCH (p:Person) UNWIND p.titles AS title RETURN p.name, title"},
           {"Which of these names are sites in the graph?",
            "UNWIND ['Vịnh Hạ Long', 'Phố cổ Hội An'] AS name OPTIONAL MATCH (s:Site {name: name})\n"
            "    RETURN name, s.kind"},
           {"All the other names of organizations, sorted",
            "MATCH (o:Organization) UNWIND o.aliases AS alias RETURN alias, o.name ORDER BY alias"},
       },
       "",
       "lists, aggregation"},

      {"variable-length paths",
       "-[:TYPE*1..3]->: paths of several hops, and the depth cap",
       R"(A relationship pattern with * matches paths of several relationships:
  *1..3  one to three hops     *2  exactly two     *..5  one to five     *2..  two or more
  *      one or more           [:LOCATED_IN*1..3]  only that type        [*..4]  any type
Name the path to see it: p = (a)-[*1..3]->(b), then length(p), nodes(p), relationships(p).
A path never uses the same relationship twice. Without an upper bound (* or *2..) a search that
would go beyond 32 hops stops with an error (the depth cap) instead of running without end; give
an upper bound (*..10) where the graph is large. An upper bound you give is honoured.)",
       {
           {"In which country is each site, through its province?",
            "MATCH (s:Site)-[:LOCATED_IN*1..3]->(c:Country) RETURN s.name, c.name"},
           {"How many hops from each site up to Việt Nam?",
            "MATCH p = (s:Site)-[:LOCATED_IN*]->(:Country {iso2: 'VN'}) RETURN s.name, length(p) AS hops"},
           {"People within two hops of Lê Hoài Trung, whatever the relationships",
            "MATCH (a:Person {name: 'Lê Hoài Trung'})-[*..2]-(b:Person) WHERE b <> a\n"
            "    RETURN DISTINCT b.name"},
       },
       "",
       "shortest path, match"},

      {"shortest path",
       "shortestPath and allShortestPaths between two nodes",
       R"(shortestPath((a)-[*]-(b)) gives one path with the fewest relationships between a and b (no row
when there is none); allShortestPaths gives every path of that length. The pattern is a single
relationship with *; types and an upper bound narrow the search (-[:HOLDS_POSITION|CHAIRED*..6]-),
and without an upper bound the depth cap applies (:help variable-length paths). Use nodes(p)
and relationships(p) to read the path.)",
       {
           {"How is Lê Hoài Trung connected to Tô Lâm?",
            "MATCH p = shortestPath((:Person {name: 'Lê Hoài Trung'})-[*]-(:Person {name: 'Tô Lâm'}))\n"
            "    RETURN length(p) AS hops, [n IN nodes(p) | n.name] AS path"},
           {"Every shortest way from Lê Hoài Trung to Bùi Thanh Sơn",
            "MATCH p = allShortestPaths((:Person {name: 'Lê Hoài Trung'})-[*..6]-\n"
            "    (:Person {name: 'Bùi Thanh Sơn'})) RETURN [n IN nodes(p) | n.name] AS path"},
           {"Through positions and chairs only",
            "MATCH p = shortestPath((a:Person {key: 'person/le-hoai-trung'})-[:HOLDS_POSITION|CHAIRED*..6]-\n"
            "    (b:Person {key: 'person/ha-kim-ngoc'})) RETURN [r IN relationships(p) | type(r)] AS via"},
       },
       "",
       "variable-length paths, lists"},

      {"create",
       "add nodes and relationships",
       R"(CREATE adds the nodes and relationships of a pattern. Variables bound before (by MATCH) are
used as they are; the others are new, with the labels and properties written. A new relationship
needs one type and a direction. By the data model every node has a `key` (a lower-case slug,
unique in the graph: a second node with the same key is refused) and a `name` as the source
writes it. A statement that fails changes nothing.)",
       {
           {"A new person", "CREATE (p:Person {key: 'person/hong-seok-in', name: 'Hong Seok-In'}) RETURN p.name"},
           {"A relationship between two nodes that exist",
            "MATCH (p:Person {key: 'person/hong-seok-in'}),\n"
            "    (e:Event {key: 'event/doi-thoai-unesco-han-quoc'})\n"
            "    CREATE (p)-[:CHAIRED {role: 'co-chair'}]->(e)"},
           {"A site and its province in one pattern",
            "CREATE (s:Site {key: 'site/pho-co-hoi-an', name: 'Phố cổ Hội An', kind: 'World Heritage'}),\n"
            "    (s)-[:LOCATED_IN]->(:Place {key: 'place/quang-nam', name: 'Quảng Nam'})"},
       },
       "",
       "merge, set, delete"},

      {"merge",
       "find or create: MERGE with ON CREATE SET and ON MATCH SET",
       R"(MERGE looks for its whole pattern and creates all of it when it is not there: a way to add a
fact without making a duplicate. ON CREATE SET runs only when it created, ON MATCH SET only when
it found. Merge a node on its key and set the rest; to add a relationship, MATCH (or MERGE) both
ends first, then MERGE the relationship, so that the nodes are not created again. A parameter
cannot stand for the whole property map of a MERGE pattern: write the keys out.)",
       {
           {"Add a site once, however often this runs",
            "MERGE (s:Site {key: 'site/pho-co-hoi-an'}) ON CREATE SET s.name = 'Phố cổ Hội An',\n"
            "    s.kind = 'World Heritage' RETURN s.name"},
           {"Note when a node was last checked",
            "MERGE (s:Site {key: 'site/vinh-ha-long'}) ON MATCH SET s.checked = date() RETURN s.checked"},
           {"A relationship between existing nodes (found here, so nothing new)",
            "MATCH (vn:Country {iso2: 'VN'}), (w:Committee {key: 'org/world-heritage-committee'})\n"
            "    MERGE (vn)-[m:MEMBER_OF]->(w) RETURN m.valid_from, m.valid_to"},
       },
       "",
       "create, set"},

      {"set",
       "change properties and add labels",
       R"(  SET n.p = value          sets one property (to null: removes it)
  SET n += {p: v, q: w}    sets these properties, keeps the others
  SET n = {p: v}           replaces all properties with these
  SET n:Label              adds a label
Several items are separated by commas. Relationships take properties the same way.)",
       {
           {"When Tràng An was inscribed, and under which criteria",
            "MATCH (s:Site {key: 'site/trang-an'}) SET s.inscribed = 2014, s.criteria = ['v', 'vii', 'viii']"},
           {"Add two properties at once",
            "MATCH (s:Site {key: 'site/vinh-ha-long'})\n"
            "    SET s += {inscribed: 1994, province: 'Quảng Ninh'} RETURN s"},
           {"Add a label", "MATCH (o:Organization {key: 'org/ttxvn'}) SET o:NewsAgency RETURN labels(o)"},
       },
       "",
       "remove, merge"},

      {"remove",
       "remove properties and labels",
       R"(REMOVE n.p removes a property (like SET n.p = null); REMOVE n:Label removes a label. Several
items are separated by commas. Removing what is not there does nothing.)",
       {
           {"Drop the English name of a site", "MATCH (s:Site {key: 'site/trang-an'}) REMOVE s.name_en RETURN s"},
           {"A committee that is no longer counted as one",
            "MATCH (c:Committee {key: 'org/ban-chi-dao-ngoai-giao-van-hoa'})\n"
            "    REMOVE c:Committee RETURN labels(c)"},
       },
       "",
       "set, delete"},

      {"delete",
       "delete relationships and nodes; DETACH DELETE",
       R"(DELETE removes relationships and nodes. A node that still has relationships is refused (a
constraint error), so that no relationship is left without an end: delete its relationships
first, or use DETACH DELETE, which removes the node with all its relationships. Like every
statement it is all or nothing.)",
       {
           {"Remove one relationship", "MATCH (:Person {name: 'Hà Kim Ngọc'})-[r:ATTENDED]->(:Event) DELETE r"},
           {"Remove an event with everything attached to it",
            "MATCH (e:Event {key: 'event/doi-thoai-unesco-han-quoc'}) DETACH DELETE e"},
       },
       "",
       "remove, create"},

      {"union",
       "combine the rows of several queries: UNION, UNION ALL",
       R"(UNION puts the rows of two or more queries together and drops repeated rows; UNION ALL keeps
them. Every part must return the same column names in the same order (use AS). ORDER BY, SKIP
and LIMIT belong to the part they are written in.)",
       {
           {"Who chaired or attended which event",
            "MATCH (p:Person)-[:CHAIRED]->(e:Event) RETURN p.name AS name, e.name AS event UNION\n"
            "    MATCH (p:Person)-[:ATTENDED]->(e:Event) RETURN p.name AS name, e.name AS event"},
           {"Countries and ministries in one list",
            "MATCH (c:Country) RETURN c.name AS name UNION ALL MATCH (m:Ministry) RETURN m.name AS name"},
       },
       "",
       "return"},

      {"case",
       "CASE expressions: choose a value by conditions",
       R"(CASE has two forms. The simple form compares one value:
  CASE s.kind WHEN 'World Heritage' THEN '...' WHEN 'Global Geopark' THEN '...' ELSE s.kind END
the general form tests conditions in turn:
  CASE WHEN e.start IS NULL THEN '...' WHEN e.start.year >= 2024 THEN '...' ELSE '...' END
The first match wins; without ELSE, no match gives null. CASE goes wherever a value can.)",
       {
           {"Site kinds in Vietnamese",
            "MATCH (s:Site) RETURN s.name, CASE s.kind WHEN 'World Heritage' THEN 'Di sản thế giới'\n"
            "    WHEN 'Global Geopark' THEN 'Công viên địa chất toàn cầu' ELSE s.kind END AS loai"},
           {"Events by period",
            "MATCH (e:Event) RETURN e.name, CASE WHEN e.start IS NULL THEN 'chưa rõ'\n"
            "    WHEN e.start.year >= 2024 THEN 'từ 2024' ELSE 'trước 2024' END AS period"},
       },
       "",
       "functions"},

      {"lists",
       "list comprehensions, any/all/none/single, reduce, indexing",
       R"(  [1, 2, 3], ['Hà Nội', 'Huế']             list literals
  l[0], l[-1], l[1..3]                     an element (counted from the end when negative), a slice
  size(l), head(l), last(l), tail(l), range(1, 10), reverse(l), x IN l
  [x IN l WHERE cond | expr]               the elements where cond holds, mapped by expr
  [(p)-[:HOLDS_POSITION]->(o) | o.name]    a list from a pattern (pattern comprehension)
  any(x IN l WHERE cond)                   also all(...), none(...), single(...): true or false
  reduce(acc = start, x IN l | expr)       folds a list into one value
Lists may hold any values, lists too. collect() builds a list from rows, UNWIND makes rows of
a list. On an empty list any() is false and all() is true.)",
       {
           {"Each person's titles that mention UNESCO",
            "MATCH (p:Person) RETURN p.name, [t IN p.titles WHERE t CONTAINS 'UNESCO'] AS unesco_titles"},
           {"People with a title starting with 'Thứ' (as in Thứ trưởng, deputy minister)",
            "MATCH (p:Person) WHERE any(t IN p.titles WHERE t STARTS WITH 'Thứ')\n"
            "    RETURN p.name, p.titles[0] AS first_title"},
           {"The organizations each person holds a position in",
            "MATCH (p:Person) RETURN p.name, [(p)-[:HOLDS_POSITION]->(o) | o.name] AS bodies"},
           {"All titles in one string",
            "MATCH (p:Person) RETURN p.name, reduce(s = '', t IN p.titles | s + t + '; ') AS titles"},
       },
       "",
       "unwind, aggregation, functions"},

      {"functions",
       "the built-in functions, by family",
       R"(Function names are not case-sensitive (toUpper, TOUPPER).
  graph       id labels type keys properties startNode endNode nodes relationships length exists
  lists       size head last tail range reverse isEmpty coalesce           (:help lists)
  text        toUpper toLower trim ltrim rtrim replace substring left right split reverse size
              (:help strings)
  numbers     abs sign round floor ceil sqrt exp log log10 e pi rand isNaN
              sin cos tan cot asin acos atan atan2 degrees radians haversin
  conversion  toString toInteger toFloat toBoolean, and toStringOrNull toIntegerOrNull
              toFloatOrNull toBooleanOrNull (null instead of an error)
  dates       date timestamp                                               (:help dates)
  aggregates  count collect sum avg min max stDev stDevP percentileCont percentileDisc
              (:help aggregation)
Most functions give null for a null argument. Integer division by zero is an error.)",
       {
           {"What a relationship and its ends look like",
            "MATCH (p:Person {name: 'Bùi Thanh Sơn'})-[r:CHAIRED]->(e) RETURN type(r), labels(p), keys(e)"},
           {"An English name where there is one, else the name",
            "MATCH (p:Person) RETURN p.name, coalesce(p.name_en, p.name) AS english"},
           {"Numbers and conversions",
            "RETURN round(2.0 / 3, 2) AS r, toInteger('1976') AS year, toString(25) + ' năm' AS text"},
       },
       "",
       "strings, dates, lists, aggregation"},

      {"strings",
       "text and Vietnamese: sizes, case, searching, regular expressions, order",
       R"(Strings are Unicode. Functions count letters (code points), not bytes: size('Việt Nam') is 8,
and left, right and substring cut whole letters. toUpper and toLower use Unicode's tables:
toUpper('đường') is 'ĐƯỜNG'. Text is stored as the source writes it (NFC).
Comparison, STARTS WITH, ENDS WITH and CONTAINS are exact: case and marks count, and the
spellings 'Uỷ' and 'Ủy' are different strings (the `aliases` property lists such variants). To
ignore case, compare lowered text: toLower(o.name) CONTAINS 'ủy ban'.
s =~ 'regex' must match the whole string: 'Hà Nội' =~ 'Hà' is false, 'Hà Nội' =~ 'Hà.*' is true.
A leading (?i) ignores case for ASCII letters only: '(?i)xing.*' finds 'Xing Qu', but '(?i)lê.*'
does not find 'LÊ'; lower both sides instead. (?m) lets ^ and $ match at line breaks.
Strings join with +. ORDER BY sorts by code point, not by the Vietnamese alphabet.)",
       {
           {"Letters, not bytes; Unicode case",
            "RETURN size('Việt Nam') AS letters, toUpper('đường') AS upper, left('Ngoại giao', 5) AS five"},
           {"Bodies whose name contains 'ủy ban', whatever the case",
            "MATCH (o:Organization) WHERE toLower(o.name) CONTAINS 'ủy ban' RETURN o.name"},
           {"Find a body by one of its other names",
            "MATCH (o:Organization) WHERE 'UBQG UNESCO' IN o.aliases RETURN o.name, o.name_en"},
           {"A regular expression on lowered text",
            "MATCH (p:Person) WHERE toLower(p.name) =~ '(lê|hà) .*' RETURN p.name"},
       },
       "",
       "where, functions"},

      {"dates",
       "date values: the date() forms, fields, comparison",
       R"(kg has one temporal type, the calendar date.
  date('2024-07-09')                    ISO text; also 20240709, 2024-W28-2 (week), 2024-191 (day)
  date('2024-07'), date('2024')         month or year precision: the first day (2024-07-01)
  date({year: 2024, month: 7, day: 9})  also {year, week, dayOfWeek}, {year, ordinalDay},
                                        {year, quarter, dayOfQuarter}
  date()                                today (UTC)
Dates compare (=, <, >=, ...), sort, and give min() and max(); their fields are d.year, d.month,
d.day, d.quarter and d.dayOfWeek (Monday is 1). There is no date arithmetic: durations,
datetime, localdatetime, time and localtime are not supported yet. In the graph, facts known
only to the year or month keep that precision as text ('1976', '2023-11'): date(m.valid_from)
turns them into dates.)",
       {
           {"Events since the start of 2024",
            "MATCH (e:Event) WHERE e.start >= date('2024-01-01') RETURN e.name, e.start ORDER BY e.start"},
           {"Dated events per year",
            "MATCH (e:Event) WHERE e.start IS NOT NULL RETURN e.start.year AS year, count(*) AS events"},
           {"Since when Việt Nam has been a member",
            "MATCH (:Country {iso2: 'VN'})-[m:MEMBER_OF]->(o) RETURN o.name, date(m.valid_from) AS since"},
           {"The same day written three ways",
            "RETURN date('2024-W28-2') AS week_date, date({year: 2024, ordinalDay: 191}) AS ordinal,\n"
            "    date('2024-07-09') = date('20240709') AS same"},
       },
       "",
       "functions, where"},

      {"parameters",
       "$name values: :param, :params, --param",
       R"($name in a statement stands for a value given separately, so that a question can be asked
again with other values without editing it.
  :param NAME => VALUE     sets $NAME; VALUE is a Cypher literal such as 'Huế', 2021, [1, 2],
                           {key: 'site/trang-an'}, date('2024-07-09') (or an expression of them)
  :params                  lists the parameters;  :params clear  forgets them all
  kg --param NAME=VALUE    the same on the command line: --param country="'Việt Nam'"
A parameter stands wherever a value can: in property maps, WHERE, SKIP and LIMIT, as the list
of IN or UNWIND, and as the whole property map of CREATE (n $props). It cannot name a label, a
type or a property, and cannot be the whole property map of MATCH or MERGE (write the keys out).
A statement that uses a parameter that is not set fails.)",
       {
           {"A person's positions",
            "MATCH (p:Person {name: $name})-[:HOLDS_POSITION]->(o) RETURN o.name",
            {":param name => 'Lê Hoài Trung'"}},
           {"Sites in a country, through its provinces",
            "MATCH (:Country {name: $country})<-[:LOCATED_IN*..3]-(s:Site) RETURN s.name",
            {":param country => 'Việt Nam'"}},
           {"Events since a year",
            "MATCH (e:Event) WHERE e.start.year >= $year RETURN e.name, e.start",
            {":param year => 2021"}},
           {"A whole node from one map",
            "CREATE (s:Site $site) RETURN s.name",
            {":param site => {key: 'site/pho-co-hoi-an', name: 'Phố cổ Hội An', kind: 'World Heritage'}"}},
       },
       "",
       "command line"},

      {"indexes",
       "CREATE INDEX and DROP INDEX: find nodes by a property quickly",
       R"(  CREATE INDEX ON :Person(name)                  an index of :Person nodes by name
  CREATE INDEX person_name FOR (p:Person) ON (p.name)   the same index (the name is not kept)
  DROP INDEX ON :Person(name)                    drops it (an index is dropped by label and key)
With an index, MATCH finds the nodes with that label and an equal value ({name: ...} or
WHERE p.name = ...) in one seek, NodeIndexSeek in EXPLAIN, instead of reading every node of
the label; STARTS WITH, CONTAINS and ranges still read them all. The index is filled from the
nodes already there and kept right by every write. Creating an index that exists does nothing;
dropping one that does not exist is an error. Nodes are always found by `key` without an index
(NodeByKeySeek). :schema lists the indexes.)",
       {
           {"Index people by name", "CREATE INDEX ON :Person(name)"},
           {"See that the index is used", "EXPLAIN MATCH (p:Person {name: 'Hà Kim Ngọc'}) RETURN p"},
           {"Drop it again", "DROP INDEX ON :Person(name)"},
       },
       "",
       "explain"},

      {"explain",
       "EXPLAIN and PROFILE: how a query runs",
       R"(EXPLAIN before a query shows its plan without running it; PROFILE runs it and shows the plan
with the rows and time of each operator, then the rows. Read a plan from the bottom up: Start,
then how the first nodes are found, best first:
  NodeByKeySeek    a node by its key, one read          NodeIndexSeek   by an indexed property
  NodeByLabelScan  every node of one label               AllNodesScan    every node (slow)
then Expand / ExpandInto / VarLengthExpand along relationships, Filter for WHERE conditions,
Optional, Aggregate, Sort, Skip, Limit, Project for the RETURN, and Eager between a write and
what follows it. A query that starts from AllNodesScan on a large graph wants a label, a key
or an indexed property (:help indexes).)",
       {
           {"A lookup by key",
            "EXPLAIN MATCH (p:Person {key: 'person/le-hoai-trung'})-[:HOLDS_POSITION]->(o) RETURN o.name"},
           {"Rows and time per operator", "PROFILE MATCH (p:Person)-[:HOLDS_POSITION]->(o:Ministry) RETURN p.name"},
       },
       "",
       "indexes"},

      {"formats",
       "output formats: table, csv, tsv, json, jsonl, markdown (:format)",
       R"(  table     for people (the default): a box table as wide as the terminal; long cells are cut
            with '…' unless :wrap on (or --wrap) wraps them; a footer says how many rows
  csv       RFC 4180: a header row, commas, CRLF line ends, quotes where needed; null is empty
  tsv       tab-separated with a header row; tab, newline and backslash inside a value are
            written \t, \n and \\; null is empty
  json      each result one JSON array of row objects (keys in column order), a row per line
  jsonl     one JSON object per row and line
  markdown  a pipe table to paste into notes (also: md)
:format NAME switches in the shell (:format alone shows the current one); --format NAME sets it
on the command line. csv, tsv, json, jsonl and markdown keep standard output for the results:
notes such as what a write changed go to standard error (for csv, tsv, json and jsonl only with
:timing on, which adds the time).)",
       {
           {"Sites as CSV, for a spreadsheet", "MATCH (s:Site) RETURN s.name, s.name_en, s.kind", {":format csv"}},
           {"A table to paste into notes",
            "MATCH (p:Person)-[h:HOLDS_POSITION]->(o) RETURN p.name, h.role, o.name",
            {":format markdown"}},
       },
       "  // Back to the default\n  :format table",
       "command line"},

      {"command line",
       "the kg program's options and exit codes",
       R"(  kg                        the bundled graph, in the interactive shell
  kg --db PATH              a database directory of your own (created when missing)
  -e, --execute STATEMENTS  runs the statements and exits (may be given more than once)
  -f, --file FILE           runs a script file and exits ('-' reads standard input)
  --format FORMAT           table, csv, tsv, json, jsonl or markdown (:help formats)
  --param NAME=VALUE        sets $NAME to a Cypher literal: --param name="'Hà Kim Ngọc'"
  --read-only               opens without write access (works while another kg writes)
  --timing                  prints each statement's time
  --continue-on-error       in scripts, reports a failed statement and goes on
  --wrap                    wraps long table cells instead of cutting them
  --help, --version
With neither -e nor -f, statements piped to kg's standard input run like a script. Scripts hold
statements ended by ';' and lines of ':' commands (:param, :format, ...).
Exit codes: 0 success; 1 a statement failed (also with --continue-on-error) or the database
would not open; 2 bad usage (an unknown option, a bad --format or --param).)",
       {
           {"Sites to a CSV file",
            "MATCH (s:Site) RETURN s.name, s.kind",
            {},
            "kg -e \"MATCH (s:Site) RETURN s.name, s.kind\" --format csv > sites.csv"},
           {"A question with a parameter (single quotes keep the shell off $name)",
            "MATCH (p:Person {name: $name})-[:HOLDS_POSITION]->(o) RETURN o.name",
            {},
            "kg --param name=\"'Hà Kim Ngọc'\" \\\n"
            "     -e 'MATCH (p:Person {name: $name})-[:HOLDS_POSITION]->(o) RETURN o.name'"},
           {"Your own database, read-only, as JSON lines",
            "MATCH (e:Event) RETURN e.name, e.start",
            {},
            "kg --db research.kg --read-only --format jsonl -e 'MATCH (e:Event) RETURN e.name, e.start'"},
       },
       "",
       "formats, parameters"},
  };
  return specs;
}

// Other names a topic answers to, already normalized (see Normalize).
struct Alias {
  const char* alias;
  const char* topic;
};
constexpr Alias kAliases[] = {
    {"optional", "optional match"},
    {"filter", "where"},
    {"distinct", "return"},
    {"as", "return"},
    {"sort", "order by"},
    {"skip", "skip and limit"},
    {"limit", "skip and limit"},
    {"skiplimit", "skip and limit"},
    {"paging", "skip and limit"},
    {"aggregate", "aggregation"},
    {"aggregates", "aggregation"},
    {"count", "aggregation"},
    {"collect", "aggregation"},
    {"groupby", "aggregation"},
    {"varlength", "variable-length paths"},
    {"variablelength", "variable-length paths"},
    {"paths", "variable-length paths"},
    {"depthcap", "variable-length paths"},
    {"shortestpath", "shortest path"},
    {"shortestpaths", "shortest path"},
    {"allshortestpaths", "shortest path"},
    {"detachdelete", "delete"},
    {"detach", "delete"},
    {"oncreate", "merge"},
    {"onmatch", "merge"},
    {"unionall", "union"},
    {"list", "lists"},
    {"listcomprehension", "lists"},
    {"listcomprehensions", "lists"},
    {"quantifiers", "lists"},
    {"any", "lists"},
    {"all", "lists"},
    {"none", "lists"},
    {"single", "lists"},
    {"reduce", "lists"},
    {"function", "functions"},
    {"string", "strings"},
    {"text", "strings"},
    {"vietnamese", "strings"},
    {"regex", "strings"},
    {"unicode", "strings"},
    {"date", "dates"},
    {"params", "parameters"},
    {"param", "parameters"},
    {"parameter", "parameters"},
    {"index", "indexes"},
    {"createindex", "indexes"},
    {"dropindex", "indexes"},
    {"profile", "explain"},
    {"plan", "explain"},
    {"format", "formats"},
    {"output", "formats"},
    {"csv", "formats"},
    {"json", "formats"},
    {"commandline", "command line"},
    {"cli", "command line"},
    {"options", "command line"},
    {"flags", "command line"},
    {"exitcodes", "command line"},
};

// Lower case without spaces, hyphens, underscores or a leading ':' (so
// "ORDER BY", "order-by", "orderby" and ":param" are found).
std::string Normalize(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == ' ' || c == '-' || c == '_' || c == '\t') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (!out.empty() && out[0] == ':') out.erase(0, 1);
  return out;
}

// Code points, which is columns for the text here (no wide characters).
size_t Columns(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string Render(const TopicSpec& spec) {
  std::string text = std::string(spec.name) + ": " + spec.summary + "\n\n";
  text += spec.body;
  text += "\n\nExamples:\n";
  for (const Example& e : spec.examples) {
    const bool shell = e.command_line != nullptr;
    text += std::string("  ") + (shell ? "# " : "// ") + e.question + "\n";
    for (const char* line : e.before) text += std::string("  ") + line + "\n";
    if (shell) {
      text += std::string("  ") + e.command_line + "\n";
    } else {
      // Continuation lines carry their own indentation; the first gets two.
      text += "  " + std::string(e.statement) + ";\n";
    }
  }
  if (*spec.after != '\0') text += std::string(spec.after) + "\n";
  if (*spec.see_also != '\0') {
    text += "\nSee also:";
    std::string_view rest = spec.see_also;
    bool first = true;
    while (!rest.empty()) {
      const size_t comma = rest.find(", ");
      text += std::string(first ? " " : ", ") + ":help " + std::string(rest.substr(0, comma));
      first = false;
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 2);
    }
    text += "\n";
  }
  return text;
}

// "  NAME ARGS   summary" with the summaries in one column; a summary that
// would pass the width starts on the next line.
void AppendTableRow(std::string* out, const std::string& left, const std::string& summary, size_t column) {
  constexpr size_t kWidth = 99;
  std::string line = "  " + left;
  if (Columns(line) + 2 > column) {
    *out += line + "\n";
    line.clear();
  }
  line += std::string(column - Columns(line), ' ');
  // Wrap the summary at spaces within the width.
  std::string_view rest = summary;
  while (!rest.empty()) {
    const size_t room = kWidth - Columns(line);
    if (Columns(rest) <= room) {
      line += std::string(rest);
      break;
    }
    size_t cut = 0;
    size_t cols = 0;
    for (size_t i = 0; i < rest.size() && cols <= room; ++i) {
      if (rest[i] == ' ') cut = i;
      cols += (static_cast<unsigned char>(rest[i]) & 0xC0) != 0x80;
    }
    if (cut == 0) cut = rest.find(' ');
    if (cut == std::string_view::npos) {
      line += std::string(rest);
      break;
    }
    line += std::string(rest.substr(0, cut));
    *out += line + "\n";
    line = std::string(column, ' ');
    rest = rest.substr(cut + 1);
  }
  *out += line + "\n";
}

}  // namespace

const std::vector<HelpTopic>& HelpTopics() {
  static const std::vector<HelpTopic> topics = [] {
    std::vector<HelpTopic> out;
    for (const TopicSpec& spec : Specs()) {
      HelpTopic topic;
      topic.name = spec.name;
      topic.summary = spec.summary;
      topic.text = Render(spec);
      for (const Example& e : spec.examples) topic.examples.push_back(e.statement);
      out.push_back(std::move(topic));
    }
    return out;
  }();
  return topics;
}

const HelpTopic* FindHelpTopic(std::string_view name) {
  const std::string wanted = Normalize(name);
  if (wanted.empty()) return nullptr;
  for (const HelpTopic& topic : HelpTopics()) {
    if (Normalize(topic.name) == wanted) return &topic;
  }
  for (const Alias& alias : kAliases) {
    if (wanted == alias.alias) {
      for (const HelpTopic& topic : HelpTopics()) {
        if (topic.name == alias.topic) return &topic;
      }
    }
  }
  return nullptr;
}

std::string HelpOverview() {
  std::string out =
      "Type a statement and end it with ';' to run it (it may take several lines); a single line\n"
      "that is a complete statement also runs when you press Enter.\n\n"
      "Commands (a line that starts with ':'):\n";
  constexpr size_t kCommandColumn = 26;
  for (const CommandInfo& c : Commands()) {
    AppendTableRow(&out, c.args.empty() ? c.name : c.name + " " + c.args, c.summary, kCommandColumn);
  }
  out += "\nTopics (:help TOPIC):\n";
  constexpr size_t kTopicColumn = 26;
  for (const HelpTopic& t : HelpTopics()) AppendTableRow(&out, t.name, t.summary, kTopicColumn);
  out +=
      "\n:help match shows a topic with examples; topic names may be typed in any case, and\n"
      "\"order-by\", \"orderby\" and \"order by\" are the same.\n";
  return out;
}

}  // namespace kg::shell
