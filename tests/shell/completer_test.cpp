// What Tab completes in the REPL, without a terminal: the kind of word at
// the cursor (shell/repl/completer.h) and the edit made from the database's
// names. The pseudo-terminal tests (repl_pty_test.cpp) check that the edit
// reaches the screen; these check the many contexts cheaply.
#include "repl/completer.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "common/utf8.h"
#include "interchange/formats.h"
#include "main/database.h"
#include "output/output_format.h"
#include "repl/repl.h"

using kg::shell::Completer;
using kg::shell::Completion;
using kg::shell::FindWordContext;
using kg::shell::SchemaNames;
using kg::shell::WordKind;

namespace {

WordKind KindAt(std::string_view text) { return FindWordContext(text).kind; }

SchemaNames Names() {
  SchemaNames names;
  names.labels = {"Person", "Organisation", "Position", "Event", "NgườiViệt", "Lễ hội"};
  names.rel_types = {"HOLDS_POSITION", "HOLDS_TITLE", "MEMBER_OF", "VISITED"};
  names.property_keys = {"name", "name_vi", "key", "born", "full name"};
  names.procedures = {"algo.pagerank", "algo.pagerank.stats", "db.labels", "db.propertyKeys", "db.schema"};
  return names;
}

Completion Complete(std::string_view text) {
  const Completer completer(Names);
  return completer.Complete(text);
}

}  // namespace

TEST_CASE("the dotted name after CALL is a procedure", "[repl][completer]") {
  CHECK(KindAt("CALL ") == WordKind::kProcedure);
  CHECK(KindAt("CALL db") == WordKind::kProcedure);
  CHECK(KindAt("CALL db.") == WordKind::kProcedure);
  CHECK(KindAt("MATCH (n) CALL algo.pa") == WordKind::kProcedure);
  CHECK(FindWordContext("CALL db.la").prefix == "db.la");
  CHECK(FindWordContext("CALL db.la").start == 5);
  // A property after a variable is not a procedure.
  CHECK(KindAt("MATCH (n) RETURN n.na") == WordKind::kPropertyKey);

  Completion one = Complete("CALL db.la");
  CHECK(one.replace_bytes == 5);
  CHECK(one.insert == "db.labels(");
  Completion listed = Complete("call DB.");  // names match whatever the case
  CHECK(listed.candidates == std::vector<std::string>{"db.labels", "db.propertyKeys", "db.schema"});
  Completion several = Complete("CALL algo.pagerank");
  CHECK(several.candidates == std::vector<std::string>{"algo.pagerank", "algo.pagerank.stats"});
  CHECK(Complete("CALL x").candidates.empty());
}

TEST_CASE("the word after ':' in a node pattern or a label test is a label", "[repl][completer]") {
  CHECK(KindAt("MATCH (p:Pe") == WordKind::kLabel);
  CHECK(KindAt("MATCH (:Pe") == WordKind::kLabel);
  CHECK(KindAt("MATCH (p:Person:") == WordKind::kLabel);
  CHECK(KindAt("MATCH (a)-[:X]->(b:Or") == WordKind::kLabel);
  CHECK(KindAt("MATCH (p) WHERE p:Pe") == WordKind::kLabel);
  CHECK(KindAt("MATCH (p) SET p:Pe") == WordKind::kLabel);
  const auto ctx = FindWordContext("MATCH (p:Pe");
  CHECK(ctx.prefix == "Pe");
  CHECK(ctx.start == 9);
}

TEST_CASE("the word after ':' or '|' inside a relationship pattern is a type", "[repl][completer]") {
  CHECK(KindAt("MATCH (p)-[r:HOLDS_") == WordKind::kRelType);
  CHECK(KindAt("MATCH (p)-[:") == WordKind::kRelType);
  CHECK(KindAt("MATCH (p)<-[:MEMBER_OF|HO") == WordKind::kRelType);
  CHECK(KindAt("MATCH (p)-[:MEMBER_OF|:HO") == WordKind::kRelType);
  // A list is no relationship pattern: ':' there tests a label.
  CHECK(KindAt("RETURN [x IN nodes(p) WHERE x:Pe") == WordKind::kLabel);
}

TEST_CASE("the word after '.' or at a key of a map is a property key", "[repl][completer]") {
  CHECK(KindAt("MATCH (p) RETURN p.na") == WordKind::kPropertyKey);
  CHECK(KindAt("MATCH (p) RETURN p.") == WordKind::kPropertyKey);
  CHECK(KindAt("MATCH (p:Person {na") == WordKind::kPropertyKey);
  CHECK(KindAt("MATCH (p:Person {name: 'x', bo") == WordKind::kPropertyKey);
  CHECK(KindAt("RETURN p {.na") == WordKind::kPropertyKey);
  CHECK(KindAt("MATCH (p) RETURN p.`full") == WordKind::kPropertyKey);
}

TEST_CASE("where an expression starts the word is a function", "[repl][completer]") {
  CHECK(KindAt("RETURN toUp") == WordKind::kFunction);
  CHECK(KindAt("MATCH (p) WHERE st") == WordKind::kFunction);
  CHECK(KindAt("RETURN coalesce(p.name, to") == WordKind::kFunction);
  CHECK(KindAt("RETURN {name: toU") == WordKind::kFunction);
  CHECK(KindAt("RETURN 1 + ab") == WordKind::kFunction);
  CHECK(KindAt("MATCH (a) WITH a ORDER BY si") == WordKind::kFunction);
}

TEST_CASE("where a clause or operator may follow the word is a keyword", "[repl][completer]") {
  CHECK(KindAt("") == WordKind::kKeyword);
  CHECK(KindAt("MA") == WordKind::kKeyword);
  CHECK(KindAt("MATCH (p) RET") == WordKind::kKeyword);
  CHECK(KindAt("MATCH (p) RETURN p.name ORD") == WordKind::kKeyword);
  CHECK(KindAt("OPTIONAL MA") == WordKind::kKeyword);
  CHECK(KindAt("MATCH (p) WHERE p.born > 1900 AN") == WordKind::kKeyword);
  CHECK(KindAt("RETURN 1; MA") == WordKind::kKeyword);
}

TEST_CASE("':' commands complete at the start of the input only", "[repl][completer]") {
  CHECK(KindAt(":sch") == WordKind::kCommand);
  CHECK(KindAt("  :") == WordKind::kCommand);
  const auto arg = FindWordContext(":format cs");
  CHECK(arg.kind == WordKind::kCommandArgument);
  CHECK(arg.command == ":format");
  CHECK(arg.prefix == "cs");
  CHECK(KindAt("RETURN 1 :sch") != WordKind::kCommand);
}

TEST_CASE("nothing completes in strings, comments, numbers, variables and parameters", "[repl][completer]") {
  CHECK(KindAt("RETURN 'abc") == WordKind::kNone);
  CHECK(KindAt("RETURN 'a (p:Pe") == WordKind::kNone);
  CHECK(KindAt("RETURN \"it's p.na") == WordKind::kNone);
  CHECK(KindAt("MATCH (p) // p.na") == WordKind::kNone);
  CHECK(KindAt("MATCH (p) /* (p:Pe") == WordKind::kNone);
  CHECK(KindAt("RETURN 1.5") == WordKind::kNone);
  CHECK(KindAt("MATCH (p") == WordKind::kNone);
  CHECK(KindAt("MATCH (a)-[r") == WordKind::kNone);
  CHECK(KindAt("MATCH (a)-[*1..") == WordKind::kNone);
  CHECK(KindAt("RETURN $na") == WordKind::kNone);
  CHECK(KindAt("RETURN 1 AS on") == WordKind::kNone);
  // A closed string before the cursor is no obstacle.
  CHECK(KindAt("MATCH (p {name: 'a:b'}) WHERE p:Pe") == WordKind::kLabel);
}

TEST_CASE("earlier lines of the statement count", "[repl][completer]") {
  CHECK(KindAt("MATCH (p:Person)\nWHERE p.na") == WordKind::kPropertyKey);
  CHECK(KindAt("MATCH (p:Person {name: 'a\nb', bo") == WordKind::kPropertyKey);
  CHECK(KindAt("RETURN 'open\nstill (p:Pe") == WordKind::kNone);
  CHECK(KindAt("MATCH (p)-[:MEMBER_OF|\nHO") == WordKind::kRelType);
}

TEST_CASE("one candidate replaces the word", "[repl][completer]") {
  Completion c = Complete("MATCH (p:Pe");
  CHECK(c.replace_bytes == 2);
  CHECK(c.insert == "Person");
  c = Complete("MATCH (p)-[r:HOLDS_P");
  CHECK(c.insert == "HOLDS_POSITION");
  c = Complete("MATCH (p) RETURN p.bo");
  CHECK(c.insert == "born");
  c = Complete("RETURN toUp");
  CHECK(c.replace_bytes == 4);
  CHECK(c.insert == "toUpper(");
  c = Complete("RETURN TOUP");
  CHECK(c.insert == "toUpper(");
  c = Complete(":sch");
  CHECK(c.insert == ":schema ");
  c = Complete(":format cs");
  CHECK(c.insert == "csv");
}

TEST_CASE("keywords complete in upper case, or lower case when typed so", "[repl][completer]") {
  Completion c = Complete("MATCH (p) RET");
  CHECK(c.replace_bytes == 3);
  CHECK(c.insert == "RETURN ");
  c = Complete("match (p) ret");
  CHECK(c.insert == "return ");
  c = Complete("OPTI");
  CHECK(c.insert == "OPTIONAL MATCH ");
  c = Complete("MATCH (p) RETURN p ORD");
  CHECK(c.insert == "ORDER BY ");
}

TEST_CASE("several candidates give their common prefix, then a sorted list", "[repl][completer]") {
  Completion c = Complete("MATCH (p)-[:HOL");
  CHECK(c.insert == "HOLDS_");
  CHECK(c.candidates.empty());
  c = Complete("MATCH (p)-[:HOLDS_");
  CHECK_FALSE(c.changes_line());
  CHECK(c.candidates == std::vector<std::string>{"HOLDS_POSITION", "HOLDS_TITLE"});
  c = Complete("MATCH (p:P");
  CHECK_FALSE(c.changes_line());
  CHECK(c.candidates == std::vector<std::string>{"Person", "Position"});
  // Labels match ignoring case when nothing matches as typed.
  c = Complete("MATCH (p:pers");
  CHECK(c.replace_bytes == 4);
  CHECK(c.insert == "Person");
}

TEST_CASE("names that need backquotes complete backquoted", "[repl][completer]") {
  Completion c = Complete("MATCH (p:Ng");
  CHECK(c.insert == "NgườiViệt");  // Vietnamese letters are identifier letters
  c = Complete("MATCH (p:Lễ");
  CHECK(c.replace_bytes == std::string("Lễ").size());
  CHECK(c.insert == "`Lễ hội`");
  c = Complete("MATCH (p) RETURN p.fu");
  CHECK(c.insert == "`full name`");
  c = Complete("MATCH (p) RETURN p.`fu");
  CHECK(c.replace_bytes == 3);
  CHECK(c.insert == "`full name`");
  CHECK(kg::shell::QuoteName("a`b") == "`a``b`");
  CHECK(kg::shell::IsPlainName("Lễ_hội"));
  CHECK_FALSE(kg::shell::IsPlainName("1abc"));
  CHECK_FALSE(kg::shell::IsPlainName("a-b"));
  CHECK_FALSE(kg::shell::IsPlainName("\xff"));
}

TEST_CASE("no completion where none applies, and odd input is harmless", "[repl][completer]") {
  CHECK_FALSE(Complete("RETURN 'Pe").changes_line());
  CHECK(Complete("RETURN 'Pe").candidates.empty());
  CHECK_FALSE(Complete("MATCH (p:Zz").changes_line());
  CHECK(Complete("MATCH (p:Zz").candidates.empty());
  // Tab on an empty line lists keywords and commands.
  const Completion empty = Complete("");
  CHECK_FALSE(empty.changes_line());
  CHECK(std::find(empty.candidates.begin(), empty.candidates.end(), "MATCH") != empty.candidates.end());
  CHECK(std::find(empty.candidates.begin(), empty.candidates.end(), ":help") != empty.candidates.end());
  // Invalid UTF-8, stray backquotes and long input do not trip it.
  Complete("MATCH (p:\xc3");
  Complete("MATCH (p:\xff\xfe");
  Complete("``````");
  Complete(std::string(100000, '('));
  Complete(std::string(100000, 'a'));
  Complete("MATCH (p:`");
}

TEST_CASE("only functions the engine has are offered", "[repl][completer]") {
  const auto& functions = kg::shell::CompletableFunctions();
  CHECK(std::find(functions.begin(), functions.end(), "toUpper") != functions.end());
  CHECK(std::find(functions.begin(), functions.end(), "startNode") != functions.end());
  CHECK(std::find(functions.begin(), functions.end(), "shortestPath") != functions.end());
  CHECK(std::find(functions.begin(), functions.end(), "count") != functions.end());
  const std::vector<std::string> engine = kg::Database::FunctionNames();
  for (const std::string& f : functions) {
    INFO(f);
    const std::string lower = kg::utf8::AsciiLower(f);
    CHECK((std::find(engine.begin(), engine.end(), lower) != engine.end() || f == "all" || f == "any" || f == "none" ||
           f == "single" || f == "reduce" || f == "shortestPath" || f == "allShortestPaths"));
  }
}

// The formats :format takes come from the output format table
// (output/output_format.cpp), so a new format completes with no change here.
TEST_CASE(":format completes the output formats", "[repl][completer]") {
  Completion c = Complete(":format ");
  CHECK_FALSE(c.changes_line());
  CHECK(c.candidates == std::vector<std::string>{"csv", "json", "jsonl", "markdown", "table", "tsv"});
  std::vector<std::string> names = kg::shell::OutputFormatNames();
  std::sort(names.begin(), names.end());
  CHECK(c.candidates == names);
  c = Complete(":format ma");
  CHECK(c.replace_bytes == 2);
  CHECK(c.insert == "markdown");
  c = Complete(":format js");
  CHECK(c.insert == "json");  // the common prefix of json and jsonl
  c = Complete(":format json");
  CHECK_FALSE(c.changes_line());
  CHECK(c.candidates == std::vector<std::string>{"json", "jsonl"});
  CHECK(Complete(":format xml").candidates.empty());
  CHECK_FALSE(Complete(":format xml").changes_line());
}

TEST_CASE("other commands complete the choices their table row lists", "[repl][completer]") {
  CHECK(Complete(":timing o").candidates == std::vector<std::string>{"off", "on"});
  CHECK(Complete(":wrap of").insert == "off");
  CHECK(Complete(":as-of o").insert == "off");
  // :export's formats come from the format table (interchange/formats.h),
  // for its first argument only.
  std::vector<std::string> formats = kg::interchange::ExportFormatNames();
  std::sort(formats.begin(), formats.end());
  CHECK(Complete(":export ").candidates == formats);
  CHECK(Complete(":export gex").insert == "gexf");  // the common prefix of gexf and gexf1.2
  CHECK(Complete(":export gexf").candidates == std::vector<std::string>{"gexf", "gexf1.2"});
  CHECK(Complete(":export graphml gr").candidates.empty());
  CHECK(FindWordContext(":export graphml gr").argument == 1);
  CHECK(FindWordContext(":timing  o").argument == 0);
  // Free arguments (a file, a query) have nothing to offer.
  CHECK(Complete(":source da").candidates.empty());
  CHECK_FALSE(Complete(":source da").changes_line());
}

TEST_CASE("a statement typed on several lines is one history entry", "[repl]") {
  using kg::shell::JoinForHistory;
  CHECK(JoinForHistory({"MATCH (p:Person)", "  WHERE p.born > 1900", "RETURN p.name;"}) ==
        "MATCH (p:Person) WHERE p.born > 1900 RETURN p.name;");
  // A // comment would swallow the lines joined after it.
  CHECK(JoinForHistory({"MATCH (p) // all of them", "RETURN p;"}) == "MATCH (p) RETURN p;");
  CHECK(JoinForHistory({"RETURN 'a // b'", ", 1;"}) == "RETURN 'a // b' , 1;");
  CHECK(JoinForHistory({"RETURN 1; // done"}) == "RETURN 1; // done");
  CHECK(JoinForHistory({":schema"}) == ":schema");
}
