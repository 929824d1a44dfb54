// The text of ':help' and ':help TOPIC': an overview of the commands and
// topics, and one topic per part of the language (and of the shell) with
// examples a researcher can paste into `kg`. tests/shell/help_test.cpp runs
// every example against a copy of the bundled graph (data/graph), so the
// keys, names and values they use are the real ones: an example that stops
// answering there fails the build's tests. The claims in the prose were
// checked the same way when they were written, and the tests check some.
//
// Layout rules: plain text, no line of 100 columns or more (the test
// checks), and each example on lines of its own so that it can be pasted.
#include "help/help_topics.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "commands/command_table.h"

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
  nodes          (), (p), (p:Person), (o:Organization:Committee), (c:Country {iso2: 'VN'})
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
           {"Who chaired an event that a body organized? (two patterns sharing e)",
            "MATCH (o:Organization)-[:ORGANIZED]->(e:Event), (p:Person)-[:CHAIRED]->(e)\n"
            "    RETURN o.name, e.name, p.name"},
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
            "MATCH (p:Person) OPTIONAL MATCH (p)-[:CHAIRED]->(e:Event) WHERE e.start STARTS WITH '2024'\n"
            "    RETURN p.name, e.name"},
       },
       "",
       "match, where"},

      {"where",
       "filter rows: comparisons, text tests, IN, IS NULL, pattern predicates",
       R"(WHERE follows MATCH, OPTIONAL MATCH or WITH and keeps the rows where its condition is true.
  comparison  =  <>  <  <=  >  >=      chained: '2021' <= e.start < '2025'
  text        STARTS WITH, ENDS WITH, CONTAINS (exact, case-sensitive)
              =~ 'regular expression' (the whole string must match; :help strings)
  lists       c.iso2 IN ['VN', 'KR']
  null        e.start IS NULL, e.start IS NOT NULL (a missing property is null)
  labels      n:Ministry
  patterns    (p)-[:CHAIRED]->(), NOT (p)-[:CHAIRED]->(:Event): is there such a path?
  subqueries  EXISTS { (p)-[:CHAIRED]->(e) WHERE ... }, COUNT { ... } >= 2 (:help subqueries)
  logic       AND, OR, XOR, NOT, parentheses
The bundled graph writes dates as ISO text ('2024-07-09', '2023-07', '2022'), which compares in
date order: '2021' <= e.start < '2025' keeps the starts from 2021 to 2024 (:help dates).
Null follows openCypher: a comparison with null is null, not false, so `e.start < '2024'` skips
events without a start; IS NULL finds them. Aggregates are not allowed in WHERE: compute them
with WITH and filter there (:help with).)",
       {
           {"Bodies whose name starts with 'Ủy ban', or whose English name ends with 'Network'",
            "MATCH (o:Organization) WHERE o.name STARTS WITH 'Ủy ban' OR o.name_en ENDS WITH 'Network'\n"
            "    RETURN o.name"},
           {"Events from 2021 to 2024", "MATCH (e:Event) WHERE '2021' <= e.start < '2025' RETURN e.name, e.start"},
           {"Events whose date the sources do not give", "MATCH (e:Event) WHERE e.start IS NULL RETURN e.name"},
           {"People who chaired no event, among two names",
            "MATCH (p:Person) WHERE p.name IN ['To Lam', 'Bùi Thanh Sơn'] AND NOT (p)-[:CHAIRED]->()\n"
            "    RETURN p.name"},
       },
       "",
       "strings, lists, with"},

      {"subqueries",
       "EXISTS { ... } and COUNT { ... }: ask a pattern or a query about each row",
       R"(EXISTS { ... } is true when what the braces hold gives at least one row; COUNT { ... } is how
many rows it gives. Both are expressions: use them in WHERE, RETURN, WITH and ORDER BY. The
braces hold a pattern with an optional WHERE, or a whole query (MATCH, OPTIONAL MATCH, WITH,
UNWIND, WHERE, UNION; RETURN optional). The variables of the query around are visible inside; a
pattern inside may name new ones, which stay inside. A subquery only reads (no CREATE, SET, ...)
and may not declare a variable with the name of an outer one (WITH 1 AS p when p is outside).)",
       {
           {"People who hold a position in at least two bodies",
            "MATCH (p:Person) WHERE COUNT { (p)-[:HOLDS_POSITION]->() } >= 2 RETURN p.name"},
           {"Organizations where someone holds a position, busiest first",
            "MATCH (o:Organization) WHERE EXISTS { (o)<-[:HOLDS_POSITION]-(:Person) }\n"
            "    RETURN o.name, COUNT { (o)<-[:HOLDS_POSITION]-() } AS people ORDER BY people DESC"},
           {"People who chaired an event that started in 2024 (the full form)",
            "MATCH (p:Person) WHERE EXISTS {\n"
            "    MATCH (p)-[:CHAIRED]->(e:Event) WHERE e.start STARTS WITH '2024'\n"
            "    } RETURN p.name"},
       },
       "",
       "where, aggregation, match"},

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
           {"A computed value used in a later WHERE (date() reads the start of the dated events)",
            "MATCH (e:Event) WHERE e.start =~ '[0-9]{4}.*' WITH e, date(e.start).year AS year\n"
            "    WHERE year >= 2024 RETURN e.name, year"},
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
           {"The first and last publication date of the articles, and how many give one",
            "MATCH (d:Document)\n"
            "    RETURN min(d.published) AS first, max(d.published) AS last, count(d.published) AS dated"},
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
           {"Which of these names are places in the graph?",
            "UNWIND ['Hà Nội', 'Huế'] AS name OPTIONAL MATCH (p:Place {name: name}) RETURN name, p.name_en"},
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
           {"The bodies within UNESCO, up to three levels down",
            "MATCH (o)-[:PART_OF*1..3]->(:Organization {key: 'org/unesco'}) RETURN o.name"},
           {"How many levels down the Communist Party is each Party body?",
            "MATCH p = (o)-[:PART_OF*]->(:Organization {key: 'org/cpv'}) RETURN o.name, length(p) AS hops"},
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
           {"How is Lê Hoài Trung connected to To Lam?",
            "MATCH p = shortestPath((:Person {name: 'Lê Hoài Trung'})-[*]-(:Person {name: 'To Lam'}))\n"
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
writes it. A statement that fails changes nothing.
The bundled graph opens read-only: write in a copy of your own (:help bundled).)",
       {
           {"A person the articles do not name",
            "CREATE (p:Person {key: 'person/audrey-azoulay', name: 'Audrey Azoulay'}) RETURN p.name"},
           {"A relationship between two nodes that exist",
            "MATCH (p:Person {key: 'person/audrey-azoulay'}),\n"
            "    (o:Organization {key: 'org/unesco-director-general'})\n"
            "    CREATE (p)-[:HOLDS_POSITION {role: 'Director-General', role_en: 'Director-General'}]->(o)"},
           {"A site and its province in one pattern",
            "CREATE (s:Site {key: 'site/vinh-ha-long', name: 'Vịnh Hạ Long', kind: 'World Heritage'}),\n"
            "    (s)-[:LOCATED_IN]->(:Place {key: 'place/quang-ninh', name: 'Quảng Ninh'})"},
       },
       "",
       "merge, set, delete"},

      {"merge",
       "find or create: MERGE with ON CREATE SET and ON MATCH SET",
       R"(MERGE looks for its whole pattern and creates all of it when it is not there: a way to add a
fact without making a duplicate. ON CREATE SET runs only when it created, ON MATCH SET only when
it found. Merge a node on its key and set the rest; to add a relationship, MATCH (or MERGE) both
ends first, then MERGE the relationship, so that the nodes are not created again. A parameter
cannot stand for the whole property map of a MERGE pattern: write the keys out. Like every write,
it needs a database of your own (:help bundled).)",
       {
           {"Add a site once, however often this runs",
            "MERGE (s:Site {key: 'site/pho-co-hoi-an'}) ON CREATE SET s.name = 'Phố cổ Hội An',\n"
            "    s.kind = 'World Heritage' RETURN s.name"},
           {"Note when a node was last checked",
            "MERGE (s:Site {key: 'site/trang-an'}) ON MATCH SET s.checked = date() RETURN s.checked"},
           {"A relationship between existing nodes (found here, so nothing new)",
            "MATCH (vn:Country {iso2: 'VN'}), (w:Committee {key: 'committee/world-heritage-committee'})\n"
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
Several items are separated by commas. Relationships take properties the same way. Writes need
a database of your own (:help bundled).)",
       {
           {"When Tràng An was inscribed, and under which criteria",
            "MATCH (s:Site {key: 'site/trang-an'}) SET s.inscribed = 2014, s.criteria = ['v', 'vii', 'viii']"},
           {"Add two properties at once",
            "MATCH (p:Place {key: 'place/ninh-binh'})\n"
            "    SET p += {kind: 'province', country: 'country/vn'} RETURN p"},
           {"Add a label", "MATCH (o:Organization {key: 'org/vna'}) SET o:NewsAgency RETURN labels(o)"},
       },
       "",
       "remove, merge"},

      {"remove",
       "remove properties and labels",
       R"(REMOVE n.p removes a property (like SET n.p = null); REMOVE n:Label removes a label. Several
items are separated by commas. Removing what is not there does nothing. Writes need a database
of your own (:help bundled).)",
       {
           {"Drop the English name of a site", "MATCH (s:Site {key: 'site/trang-an'}) REMOVE s.name_en RETURN s"},
           {"A committee that is no longer counted as one",
            "MATCH (c:Committee {key: 'committee/cultural-diplomacy-steering-committee'})\n"
            "    REMOVE c:Committee RETURN labels(c)"},
       },
       "",
       "set, delete"},

      {"delete",
       "delete relationships and nodes; DETACH DELETE",
       R"(DELETE removes relationships and nodes. A node that still has relationships is refused (a
constraint error), so that no relationship is left without an end: delete its relationships
first, or use DETACH DELETE, which removes the node with all its relationships. Like every
statement it is all or nothing, and like every write it needs a database of your own
(:help bundled).)",
       {
           {"Remove one relationship", "MATCH (:Person {name: 'Hà Kim Ngọc'})-[r:ATTENDED]->(:Event) DELETE r"},
           {"Remove an event with everything attached to it",
            "MATCH (e:Event {key: 'event/unesco-korea-policy-dialogue'}) DETACH DELETE e"},
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
  CASE d.language WHEN 'vi' THEN '...' WHEN 'en' THEN '...' ELSE d.language END
the general form tests conditions in turn:
  CASE WHEN e.start IS NULL THEN '...' WHEN e.start >= '2024' THEN '...' ELSE '...' END
The first match wins; without ELSE, no match gives null. CASE goes wherever a value can.)",
       {
           {"The language of each article, in Vietnamese",
            "MATCH (d:Document) RETURN d.key, CASE d.language WHEN 'vi' THEN 'tiếng Việt'\n"
            "    WHEN 'en' THEN 'tiếng Anh' ELSE d.language END AS ngon_ngu"},
           {"Events by period ('--03-28' is a day whose year the article does not give)",
            "MATCH (e:Event) RETURN e.name, CASE WHEN e.start IS NULL THEN 'chưa rõ'\n"
            "    WHEN e.start STARTS WITH '--' THEN 'chưa rõ năm'\n"
            "    WHEN e.start >= '2024' THEN 'từ 2024' ELSE 'trước 2024' END AS period"},
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

      {"procedures",
       "CALL: what the database holds, what kg can do, graph algorithms",
       R"(CALL runs a procedure. Alone, it is the whole query and returns all its columns:
  CALL db.labels()                         also CALL db.labels, without parentheses
Inside a query it must YIELD the columns it uses, which may be renamed and filtered:
  CALL db.labels() YIELD label AS l WHERE l STARTS WITH 'P' RETURN l
Each input row runs the procedure once. Built in:
  db.labels db.relationshipTypes db.propertyKeys db.indexes    names in use
  db.schema            which labels each relationship type joins, and how often
  dbms.procedures      every procedure with its signature; dbms.functions the functions
  algo.*               graph algorithms: centrality, components, communities (:help algorithms)
Arguments follow the signature dbms.procedures shows; a standalone CALL without parentheses
takes them from the parameters of the same names. Tab completes procedure names after CALL.)",
       {
           {"The labels, and how many nodes carry each",
            "CALL db.labels() YIELD label MATCH (n)\n"
            "    WHERE label IN labels(n) RETURN label, count(n) AS nodes ORDER BY nodes DESC"},
           {"The schema as a graph: which kinds of node each relationship type joins",
            "CALL db.schema() YIELD from, type, to, relationships WITH *\n"
            "    RETURN from, type, to, relationships ORDER BY relationships DESC LIMIT 10"},
           {"What a procedure takes and yields",
            "CALL dbms.procedures() YIELD name, signature WHERE name STARTS WITH 'db.' RETURN name, signature"},
       },
       "",
       "functions"},

      {"algorithms",
       "graph algorithms: central bodies, brokers, components, communities, paths",
       R"(CALL algo.NAME(config) runs a graph algorithm on the part of the graph its config map picks:
labels and types (any of them; default all), direction ('out' by default, 'in', 'undirected')
and weight (a numeric relationship property; 1 each without it). Answers match networkx.
  algo.pagerank algo.betweenness algo.closeness     -> node, score
  algo.degree                                       -> node, inDegree, outDegree, degree
  algo.wcc algo.scc                                 -> node, component (its smallest node id)
  algo.kcore -> node, core     algo.triangles -> node, triangles, coefficient
  algo.articulationPoints -> node     algo.bridges -> source, target, relationship
  algo.communities (Louvain)                        -> node, community, modularity
  algo.dijkstra(source, target) -> path, cost     algo.shortestPaths(source) -> node, distance
Own keys: pagerank damping, iterations, tolerance; betweenness normalized, samples, seed;
closeness wfImproved; communities resolution, seed, threshold. An unknown key is an error
that lists the accepted ones. Definitions, memory and speed: docs/algorithms.md.)",
       {
           {"The most central bodies: most shortest paths between the others run through them",
            "CALL algo.betweenness({types: ['PART_OF', 'MEMBER_OF', 'HOLDS_POSITION', 'ATTENDED'],\n"
            "    direction: 'undirected'}) YIELD node, score WHERE node:Organization\n"
            "    RETURN node.name_en AS body, score ORDER BY score DESC LIMIT 5"},
           {"Brokers: the bodies whose removal would split the network",
            "CALL algo.articulationPoints({types: ['PART_OF', 'MEMBER_OF', 'HOLDS_POSITION',\n"
            "    'ATTENDED']}) YIELD node WHERE node:Organization RETURN node.name_en AS broker"},
           {"The shortest chain from the foreign ministry to the World Heritage Committee",
            "MATCH (m {key: 'ministry/vn-foreign-affairs'}), (c {key: 'committee/world-heritage-committee'})\n"
            "    CALL algo.dijkstra(m, c, {types: ['PART_OF', 'MEMBER_OF', 'HOLDS_POSITION', 'ATTENDED'],\n"
            "    direction: 'undirected'}) YIELD path, cost RETURN [n IN nodes(path) | n.name] AS chain, cost"},
           {"Which groups form (Louvain), with the partition's modularity",
            "CALL algo.communities({types: ['PART_OF', 'MEMBER_OF', 'HOLDS_POSITION', 'ATTENDED']\n"
            "    }) YIELD node, community, modularity WITH community, modularity, collect(node.name) AS members\n"
            "    RETURN community, size(members) AS size, members[0..3] AS some, modularity\n"
            "    ORDER BY size DESC LIMIT 5"},
       },
       "",
       "procedures"},

      {"functions",
       "the built-in functions, by family",
       R"(Function names are not case-sensitive (toUpper, TOUPPER).
  graph       id labels type keys properties startNode endNode nodes relationships length exists
  lists       size head last tail range reverse isEmpty coalesce           (:help lists)
  text        toUpper toLower trim ltrim rtrim replace substring left right split reverse size
              kg.fold (search without case or marks)   (:help strings)
  numbers     abs sign round floor ceil sqrt exp log log10 e pi rand isNaN
              sin cos tan cot asin acos atan atan2 degrees radians haversin
  conversion  toString toInteger toFloat toBoolean, and toStringOrNull toIntegerOrNull
              toFloatOrNull toBooleanOrNull (null instead of an error)
  dates       date localtime time localdatetime datetime duration timestamp
              duration.between .inMonths .inDays .inSeconds, <type>.truncate,
              <type>.realtime .statement .transaction, datetime.fromEpoch    (:help dates)
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
forgive case and marks, fold both sides: kg.fold removes tone and vowel marks, makes đ a d and
punctuation one space, so kg.fold('Uỷ ban') and kg.fold('ỦY BAN') are both 'uy ban':
kg.fold(o.name) CONTAINS kg.fold('uy ban') finds either spelling, typed with marks or without.
s =~ 'regex' must match the whole string: 'Hà Nội' =~ 'Hà' is false, 'Hà Nội' =~ 'Hà.*' is true.
(?i) ignores case by Unicode: '(?i)lê.*' finds 'LÊ HOÀI TRUNG' and '(?i)đà.*' 'ĐÀ NẴNG'; marks
still count (fold the text to forgive them). (?m): ^ and $ at line breaks; (?s): . matches them.
Matching takes time linear in the text (RE2); backreferences and lookaround are refused.
Strings join with +. ORDER BY sorts by code point, not by the Vietnamese alphabet.)",
       {
           {"Letters, not bytes; Unicode case",
            "RETURN size('Việt Nam') AS letters, toUpper('đường') AS upper, left('Ngoại giao', 5) AS five"},
           {"Bodies whose name contains 'uy ban', whatever the case and marks",
            "MATCH (o:Organization) WHERE kg.fold(o.name) CONTAINS kg.fold('Uỷ ban') RETURN o.name"},
           {"Find a body by one of its other names",
            "MATCH (o:Organization) WHERE 'UBQG UNESCO' IN o.aliases RETURN o.name, o.name_en"},
           {"A regular expression on folded text (no marks to type)",
            "MATCH (p:Person) WHERE kg.fold(p.name) =~ '(le|ha) .*' RETURN p.name"},
       },
       "",
       "where, functions"},

      {"search",
       "finding names as typed: full-text indexes, kg.search and :find",
       R"(kg.search finds nodes by the words of their names, forgiving case, tone and vowel marks,
Uỷ/Ủy, NFC/NFD, a word typed in part and one typo per word (4 letters or more), best first:
  CALL kg.search('le hoai trung', {labels: ['Person'], limit: 10}) YIELD node, score, matched
  :find le hoai trung                     the same at the prompt, as a table
Ranking: exact (the whole value) 4, every word whole 3, a word's start 2, one edit 1, plus
0.5/(1 + extra words) and, below 3, 0.4 x the share of words matched whole; best first.
It reads a full-text index, kept right by every write. The bundled graph has `names`:
  CREATE FULLTEXT INDEX names FOR (n) ON EACH [n.name, n.name_en, n.aliases]
  CREATE FULLTEXT INDEX people IF NOT EXISTS FOR (n:Person|Organization) ON EACH [n.name]
  DROP INDEX people                       by name; CALL db.indexes() and :schema list them
Options: index (default names, or the only one), labels (any of them), limit (default 10).
matched is the value that matched (a name, an English name or an alias), as written.
For a condition inside a query, fold both sides instead: kg.fold (:help strings).)",
       {
           {"Make the index in a database of your own (the bundled graph has it)",
            "CREATE FULLTEXT INDEX names IF NOT EXISTS FOR (n) ON EACH [n.name, n.name_en, n.aliases]"},
           {"A person typed without marks",
            "CALL kg.search('le hoai trung') YIELD node, score, matched RETURN node.name, score, matched"},
           {"Bodies only, with a typo in the last word",
            "CALL kg.search('uy ban quoc gia unescp', {labels: ['Organization'],\n"
            "    limit: 3}) YIELD node, score RETURN node.name, score"},
           {"The start of a name is enough",
            "CALL kg.search('ha kim ng') YIELD node, matched RETURN node.name, matched"},
       },
       "",
       "strings, indexes"},

      {"dates",
       "dates, times, time zones and durations: forms, fields, arithmetic, comparison",
       R"(Six temporal types, as openCypher has them:
  date('2024-07-09')                a day; also 20240709, 2024-W28-2 (week), 2024-191 (day),
                                    date('2024-07') and date('2024') (the first day), date() today
  localtime('09:30'), time('09:30+07:00')          a time of day, without or with a UTC offset
  localdatetime('2024-10-03T09:00')                a date and time on no particular clock
  datetime('2024-10-03T09:00[Europe/Paris]')       an instant, with an offset or a named zone
  duration('P9Y10M15D'), duration({days: 14})      months, days and seconds, kept apart
Maps build each of them: date({year: 2024, month: 7, day: 9}), also {year, week, dayOfWeek},
{year, ordinalDay}, {year, quarter, dayOfQuarter}, and hour .. nanosecond, timezone for times.
One can be made from another: datetime({date: d, time: t, timezone: 'Asia/Ho_Chi_Minh'}).
A wall time that DST skips moves forward by the gap; one it repeats takes the earlier offset.
Fields: d.year, d.month, d.day, d.quarter, d.week, d.dayOfWeek (Monday is 1), d.ordinalDay,
t.hour .. t.nanosecond, t.timezone, t.offset, dt.epochSeconds, and dur.years, dur.days, ...
A temporal value plus or minus a duration moves it (months first, then days, then seconds);
duration.between(a, b) measures a span (inMonths, inDays, inSeconds: in one unit only);
date.truncate('month', d) and its kin round down. Values of one type compare and sort, zoned
ones by their instant; values of different types do not compare.
The bundled graph keeps its dates as ISO text, with the precision the article gives:
'2024-07-09', '2023-11', '1976', and '--03-28' for a day whose year it does not give. Such text
compares and sorts in date order ('2021' <= e.start < '2025'); date(e.start) turns it into a
date (a year or month becomes its first day) for the fields, and fails on '--03-28'.)",
       {
           {"Events per year, of those whose start has a year",
            "MATCH (e:Event) WHERE e.start =~ '[0-9]{4}.*'\n"
            "    RETURN date(e.start).year AS year, count(*) AS events ORDER BY year"},
           {"How long Việt Nam has been a member, as a duration and in days",
            "MATCH (:Country {iso2: 'VN'})-[m:MEMBER_OF]->(o) WHERE m.valid_from =~ '[0-9]{4}.*'\n"
            "    RETURN o.name, duration.between(date(m.valid_from), date('2024-12-31')) AS span,\n"
            "    duration.inDays(date(m.valid_from), date('2024-12-31')).days AS days"},
           {"The 2024-10-03 interview in Paris, and the same instant in Hà Nội",
            "WITH datetime('2024-10-03T09:00[Europe/Paris]') AS paris\n"
            "    RETURN paris, datetime({datetime: paris, timezone: 'Asia/Ho_Chi_Minh'}) AS hanoi"},
           {"A term of office: Directive 04 ran from 2011-07-06 to 2021-05-21",
            "RETURN duration.between(date('2011-07-06'), date('2021-05-21')) AS term,\n"
            "    date('2011-07-06') + duration('P10Y') AS ten_years_on"},
       },
       "",
       "functions, where"},

      {"as of",
       "facts as of a day: kg.validAt, --as-of and :as-of",
       R"(A fact says when it holds with valid_from / valid_to (a term; a missing end is open), or
only with reported (the date its source reports it: it holds on the days that date names and
no others), or with neither (timeless: it holds on every day). Dates keep their precision:
'2021' covers the year, '2023-11' the month.
  kg.validAt(r, date('2021-05-21'))     whether one node or relationship holds on the day
  :as-of 2021-05-21                     from now on every relationship a statement matches must
                                        hold on the day (prompt kg@2021-05-21>); :as-of off ends it
  kg --as-of 2021-05-21 -e "..."        the same for one run
As of a day, paths, shortestPath, EXISTS and COUNT follow it too; nodes are not filtered,
writes and algorithms are refused, and EXPLAIN names the day.)",
       {
           {"Việt Nam's seats in UNESCO bodies on 9 July 2024",
            "MATCH (:Country {iso2: 'VN'})-[m:MEMBER_OF]->(o) WHERE kg.validAt(m, date('2024-07-09'))\n"
            "    RETURN o.name, m.role, m.valid_from, m.valid_to"},
           {"Seats whose term had ended by 2030",
            "MATCH (:Country {iso2: 'VN'})-[m:MEMBER_OF]->(o) WHERE m.valid_to IS NOT NULL\n"
            "    AND NOT kg.validAt(m, date('2030-01-01')) RETURN o.name, m.valid_to"},
       },
       "",
       "dates, where"},

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
           {"What the graph locates in a country",
            "MATCH (:Country {name: $country})<-[:LOCATED_IN]-(x) RETURN x.name",
            {":param country => 'Việt Nam'"}},
           {"Events since a year (the graph's dates are ISO text)",
            "MATCH (e:Event) WHERE e.start >= $since RETURN e.name, e.start",
            {":param since => '2021'"}},
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
(NodeByKeySeek). :schema lists the indexes. Full-text indexes find names by their words,
forgiving marks and typos: CREATE FULLTEXT INDEX, kg.search (:help search).)",
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
            (csv and tsv put a ' before text a spreadsheet would run as a formula: text starting
            with = + - @, tab or CR; numbers stay as they are; --csv-formulas keep turns it off)
  json      each result one JSON array of row objects (keys in column order), a row per line
  jsonl     one JSON object per row and line
  markdown  a pipe table to paste into notes (also: md)
:format NAME switches in the shell (:format alone shows the current one); --format NAME sets it
on the command line. csv, tsv, json, jsonl and markdown keep standard output for the results:
notes such as what a write changed go to standard error (for csv, tsv, json and jsonl only with
:timing on, which adds the time).)",
       {
           {"Countries as CSV, for a spreadsheet",
            "MATCH (c:Country) RETURN c.name, c.name_en, c.iso2",
            {":format csv"}},
           {"A table to paste into notes",
            "MATCH (p:Person)-[h:HOLDS_POSITION]->(o) RETURN p.name, h.role, o.name",
            {":format markdown"}},
       },
       "  // Back to the default\n  :format table",
       "command line"},

      // ---- evidence: kg.evidence, :why, kg why (shell/commands/why_command.h) ----
      {"evidence",
       "the sentence a fact comes from: kg.evidence, :why, kg why, the sources directory",
       R"(Every fact of the bundled graph points at the words that state it: `source`, a Document's
key, and `span`, byte offsets into that article's text (:help the bundled graph).
kg.evidence(r) reads the text and gives the sentence around the span, the span marked
⟦like this⟧; for MENTIONS (`spans`) a list, one sentence per mention. No span: null.
  :why                 the evidence for every relationship of the last result (paths too),
                       with its type, its endpoints' names, the Document's title and date
  :why 17 40           the relationships with these ids (id(r) gives a relationship's id)
  kg why --rel 17      the same from the command line (--db, --sources)
The article texts are not in the database: kg reads them from the sources directory,
--sources DIR, else $KG_SOURCES, else the ../shared/seeds next to a kg checkout (looked for
from the current directory, then from the kg program's own). Each Document records its file's
`bytes` and `sha256`: a file that is missing or has changed is named in the error.)",
       {
           {"The sentence that makes Hà Kim Ngọc chair of the National Commission",
            "MATCH (:Person {key: 'person/ha-kim-ngoc'})-[h:HOLDS_POSITION]->(o)\n"
            "    RETURN o.name, h.source, kg.evidence(h) AS evidence"},
           {"Every place doc/004 names Bùi Thanh Sơn, each in its sentence",
            "MATCH (:Document {key: 'doc/004'})-[m:MENTIONS]->({key: 'person/bui-thanh-son'})\n"
            "    UNWIND kg.evidence(m) AS mention RETURN mention"},
           {"Who chaired what, with the article's date and words",
            "MATCH (p:Person)-[c:CHAIRED]->(e) MATCH (d:Document {key: c.source})\n"
            "    RETURN p.name, e.name, d.published, kg.evidence(c) AS evidence"},
       },
       "",
       "the bundled graph, functions"},

      {"export and import",
       "kg export, kg import, :export, :import: graphs to and from other tools",
       R"(kg export writes the subgraph behind a query's result: every node and relationship in it, in
a column or inside a path, a list or a map, each once; a relationship brings its two ends.
Without a query it writes the whole graph (without --db, the bundled graph).
  kg export [--db PATH] [--format F] -o FILE [-e QUERY] [--param NAME=VALUE]... [--induced]
  :export FORMAT FILE [--induced] [QUERY]       the same in the shell, on the open database
  graphml   GraphML, for Gephi, yEd, networkx (read_graphml) and igraph
  gexf      GEXF 1.3, Gephi's own format (gexf1.2 for networkx's read_gexf)
  dot       Graphviz: dot -Tsvg graph.dot -o graph.svg draws it
  json      kg's JSON graph format (data/README.md), which networkx reads as node-link data
  csv       a directory: nodes.csv and relationships.csv, a column per property; text a
            spreadsheet would run (= + - @ first) gets a leading ' that kg import takes off
            (--csv-formulas keep: none)
The format comes from the file's extension (.graphml, .gexf, .dot, .json; a directory or a
path ending in '/' is csv) unless --format names it. --induced also writes every relationship
between two exported nodes: RETURN the nodes alone, get the relationships among them too.
  kg import --db PATH [--format F] [--bulk] PATH...   into a database of your own
  :import [--format F] [--bulk] PATH...                into the open database
reads kg JSON (a file, or a directory of them such as data/graph), CSV (kg's export, or
gen_graph.py's layout) and GraphML (kg's own, networkx's, yEd's). An import is all or nothing:
the first problem stops it with file:line and the reason ("nothing imported"), and the database
stays as it was. --bulk uses the bulk loader (the default for 8 MiB or more into an empty
database on disk).
More options (--node-label, --rel-type, --types, --keep-ids): kg import --help and
docs/interchange.md.)",
       {
           {"Vietnam's seats and candidacies, for Gephi or yEd",
            "MATCH p = (:Country {key: 'country/vn'})-[:MEMBER_OF|CANDIDATE_FOR]->() RETURN p",
            {},
            "kg export -o vn-seats.graphml \\\n"
            "     -e \"MATCH p = (:Country {key: 'country/vn'})-[:MEMBER_OF|CANDIDATE_FOR]->() RETURN p\""},
           {"Who holds which position, drawn by Graphviz",
            "MATCH p = (:Person)-[:HOLDS_POSITION]->() RETURN p",
            {},
            "kg export -o positions.dot -e \"MATCH p = (:Person)-[:HOLDS_POSITION]->() RETURN p\"\n"
            "  dot -Tsvg positions.dot -o positions.svg"},
           {"The National Commission and its parts as CSV, with the relationships among them",
            "MATCH (s)-[:PART_OF]->(c:Committee {key: 'committee/ubqg-unesco-vn'}) RETURN s, c",
            {},
            "kg export --format csv -o ubqg/ --induced \\\n"
            "     -e \"MATCH (s)-[:PART_OF]->(c:Committee {key: 'committee/ubqg-unesco-vn'}) RETURN s, c\""},
           {"The bundled graph into a database of your own, and a question to it",
            "MATCH (n) RETURN labels(n) AS labels, count(*) AS nodes",
            {},
            "kg export -o graph.json\n"
            "  kg import --db research.kg graph.json\n"
            "  kg --db research.kg -e \"MATCH (n) RETURN labels(n) AS labels, count(*) AS nodes\""},
       },
       "",
       "the bundled graph, command line"},

      {"the bundled graph",
       "what the graph kg opens holds, and where each fact comes from",
       R"(kg with no --db opens the bundled graph: what five news articles, in Vietnamese and English,
state about Vietnam, UNESCO and cultural diplomacy, as 224 nodes and 698 relationships
(data/README.md). Every node has `key` ('person/le-hoai-trung'), `name` as the
article writes it, `name_en`, and often `aliases` (other names and spellings; forms too
generic to search by, such as 'Hội nghị', are `short_forms`). The labels:
  Person        a named person; `titles` as written
  Organization  any body: UNESCO, Vusta, a Party body, a news agency; `kind`
  Ministry      also :Organization, a government ministry; `country` (a Country's key)
  Committee     also :Organization: UNESCO's boards and committees, the National Commission
                and its sub-commissions, the Party's Central Committee, a steering committee
  Country       a state; `iso2`
  Place         a city, region or building
  Site          a UNESCO designation (Tràng An)
  Event         a conference, dialogue, visit, summit, a typhoon; `start`, `end`, `kind`
  Instrument    a directive, convention, strategy, report; `code`, `date`, `kind`
  Document      one article: `file` (its text), `title`, `published`, `date`, `date_basis`
  Statement     what someone said (doc/001 to doc/004): `kind`, `name` (a summary), `date`
  Topic         a field statements are about that no body stands for (cultural diplomacy)
The relationship types (:schema counts them):
  HOLDS_POSITION  Person -> Organization, Country; `role` as written, `role_en`, `reported`
  MEMBER_OF       Country -> Organization; `role`, `valid_from`, `valid_to` (the term)
  CANDIDATE_FOR   Country -> Committee; `term_from`, `term_to` (the term sought)
  PART_OF         Organization -> Organization
  CHAIRED         Person -> Event; `role`: chair, co-chair, moderator
  ATTENDED        Person, Organization, Country -> Event; `role`
  ORGANIZED       Organization, Country -> Event
  HELD_IN         Event -> Place, Organization, Country
  LOCATED_IN      Place, Organization, Country -> Place, Country
  CONCERNS        Event, Instrument -> what it is about
  ISSUED          Organization, Country -> Instrument; `date`
  ISSUED_AT       Instrument -> Event where it was adopted or delivered
  IMPLEMENTS      Organization, Country -> Instrument; `role`, `valid_from`
  SUPPORTS        Organization, Country -> Country, Organization, Instrument; `role`
  TOOK_PART_IN    Organization, Country -> a network or mechanism; `role`, `valid_from`
  PARTNER_OF      Country, Organization -> Organization; `role`, `since`
  JOINED          Country -> Organization; `date`
  BODY_OF         Committee -> Instrument (a convention's bodies)
  MANAGES         Organization -> Site
  AUTHORED        Person, Organization -> Document; `role`: byline, photo credit, interviewee...
  PUBLISHED       Organization -> Document
  MENTIONS        Document -> every node it names; `spans`
  SAID_BY         Statement -> the Person, Organization or Country who said it; `role`
  ABOUT           Statement -> what it concerns
  AT              Statement -> the Event where it was said
Every relationship but MENTIONS and PUBLISHED has `source`, the key of the Document that states
it ('doc/003'), and `span`, [start, end]: the UTF-8 byte offsets (end excluded) of the words
that state it in the article's text (the seed file the Document's `file` names, in the project's
shared/seeds). A fact two articles state is two relationships, so each article's account stays
apart, dated by its Document's `date` (worked out from the text where the page gives none;
`date_basis` says how). Positions have `valid_from`/`valid_to` or `reported`, the date the
article reports them (kg --as-of reads them: :help as of). An act has `status`: done, ongoing,
committed, offered, planned or intended, as the text's verbs say. MENTIONS has
`spans` instead: every place the article names the node, [s1, e1, s2, e2, ...].
Dates are ISO text ('2024-07-09', '2023-11', '2021'; :help dates).
kg opens the bundled graph read-only. For a copy you can write to:
  kg import --db research.kg data/graph     (data/graph in kg's sources), or with kg alone:
  kg export -o graph.json && kg import --db research.kg graph.json
then kg --db research.kg.)",
       {
           {"Which articles mention the National Commission, and how often?",
            "MATCH (d:Document)-[m:MENTIONS]->({key: 'committee/ubqg-unesco-vn'})\n"
            "    RETURN d.key, d.title, size(m.spans) / 2 AS times"},
           {"Where do the articles state Hà Kim Ngọc's positions? (the source and span of each fact)",
            "MATCH (:Person {key: 'person/ha-kim-ngoc'})-[h:HOLDS_POSITION]->(o)\n"
            "    MATCH (d:Document {key: h.source}) RETURN o.name, h.role, d.file, h.span"},
           {"Who held which position, by article and its date",
            "MATCH (p:Person)-[h:HOLDS_POSITION]->(o) MATCH (d:Document {key: h.source})\n"
            "    RETURN d.key, h.reported, p.name, h.role, o.name ORDER BY d.key, p.name"},
           {"Vietnam's memberships, with their terms",
            "MATCH (:Country {key: 'country/vn'})-[m:MEMBER_OF]->(b)\n"
            "    RETURN b.name_en, m.role, m.valid_from, m.valid_to, m.source ORDER BY b.name_en"},
       },
       "",
       "export and import, match, dates, evidence"},

      {"command line",
       "the kg program's options and exit codes",
       R"(  kg                        the bundled graph, in the interactive shell
  kg --db PATH              a database directory of your own (created when missing)
  -e, --execute STATEMENTS  runs the statements and exits (may be given more than once)
  -f, --file FILE           runs a script file and exits ('-' reads standard input)
  --format FORMAT           table, csv, tsv, json, jsonl or markdown (:help formats)
  --param NAME=VALUE        sets $NAME to a Cypher literal: --param name="'Hà Kim Ngọc'"
  --read-only               opens without write access (works while another kg writes)
  --sync                    each commit survives a power loss too (an fsync each; slower writes)
  --timing                  prints each statement's time
  --continue-on-error       in scripts, reports a failed statement and goes on
  --wrap                    wraps long table cells instead of cutting them
  --csv-formulas keep       csv, tsv: no ' before text a spreadsheet would run (:help formats)
  --sources DIR             where the article texts are, for kg.evidence and :why (:help evidence)
  --help, --version
  kg export, kg import      a query's subgraph to a file, files into a database (:help export)
  kg link ARTICLE.txt       the graph's entities an article names, with places (also :link)
  kg why --rel ID           the sentence a relationship comes from (:help evidence)
  kg check [--db PATH]      verifies that a database agrees with itself (exit 1 when not)
With neither -e nor -f, statements piped to kg's standard input run like a script. Scripts hold
statements ended by ';' and lines of ':' commands (:param, :format, ...).
Exit codes: 0 success; 1 a statement failed (also with --continue-on-error) or the database
would not open; 2 bad usage (an unknown option, a bad --format or --param).)",
       {
           {"Countries to a CSV file",
            "MATCH (c:Country) RETURN c.name, c.iso2",
            {},
            "kg -e \"MATCH (c:Country) RETURN c.name, c.iso2\" --format csv > countries.csv"},
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
       "formats, parameters, export and import"},
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
    {"why", "evidence"},
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
    {"subquery", "subqueries"},
    {"exists", "subqueries"},
    {"existssubquery", "subqueries"},
    {"countsubquery", "subqueries"},
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
    {"procedure", "procedures"},
    {"call", "procedures"},
    {"yield", "procedures"},
    {"algorithm", "algorithms"},
    {"algo", "algorithms"},
    {"graphalgorithms", "algorithms"},
    {"pagerank", "algorithms"},
    {"centrality", "algorithms"},
    {"communities", "algorithms"},
    {"string", "strings"},
    {"text", "strings"},
    {"vietnamese", "strings"},
    {"regex", "strings"},
    {"find", "search"},
    {"fulltext", "search"},
    {"kg.search", "search"},
    {"createfulltextindex", "search"},
    {"unicode", "strings"},
    {"date", "dates"},
    {"time", "dates"},
    {"times", "dates"},
    {"datetime", "dates"},
    {"duration", "dates"},
    {"durations", "dates"},
    {"temporal", "dates"},
    {"timezone", "dates"},
    {"timezones", "dates"},
    {"asof", "as of"},
    {"validat", "as of"},
    {"validity", "as of"},
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
    {"export", "export and import"},
    {"import", "export and import"},
    {"graphml", "export and import"},
    {"gexf", "export and import"},
    {"dot", "export and import"},
    {"gephi", "export and import"},
    {"networkx", "export and import"},
    {"bundled", "the bundled graph"},
    {"bundledgraph", "the bundled graph"},
    {"data", "the bundled graph"},
    {"provenance", "the bundled graph"},
    {"sources", "the bundled graph"},
    {"source", "the bundled graph"},
    {"span", "the bundled graph"},
    {"spans", "the bundled graph"},
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
