// Tests of the kg shell's help (shell/help/help_topics.h): every example of every
// topic runs against a copy of the bundled graph (data/graph), the graph a
// researcher's `kg` opens, so an example pasted into kg answers and the help
// cannot promise what kg does not do; the lookup rules, the overview, the
// text width and some claims of the prose are checked too, and every topic
// file (shell/help/topics/*.md) reads, or its file and line are named.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "commands/command_table.h"
#include "help/help_markdown.h"
#include "help/help_sections.h"
#include "help/help_topic_files.h"
#include "help/help_topics.h"
#include "interchange/formats.h"
#include "interchange/import/importer.h"
#include "main/database.h"
#include "session/session.h"

namespace {

using kg::shell::FindHelpTopic;
using kg::shell::HelpOverview;
using kg::shell::HelpTopic;
using kg::shell::HelpTopics;

// The topics whose examples are kg command lines (`# comment`, then the
// line), not lines to paste into the kg shell.
bool ShowsCommandLines(const HelpTopic& topic) {
  return topic.name == "command line" || topic.name == "export and import";
}

std::string Describe(const kg::Status& status, const std::string& text) {
  return status.ok() ? std::string() : kg::DescribeError(status, text);
}

// A directory under /tmp, removed with everything in it at the end.
class TempDir {
 public:
  TempDir() {
    char name[] = "/tmp/kg-help-test-XXXXXX";
    REQUIRE(mkdtemp(name) != nullptr);
    path_ = name;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string Write(const std::string& name, const std::string& text) const {
    const std::string path = path_ + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The bundled graph, imported from data/graph into a database of its own on
// disk (the examples write, and no other test may see what they wrote).
class BundledCopy {
 public:
  BundledCopy() {
    kg::DatabaseOptions options;
    options.sources_dir = KG_SOURCES_DIR;  // kg.evidence (:help evidence)
    auto db = kg::Database::Open(dir_.path() + "/db", options);
    INFO((db.ok() ? std::string() : db.status().ToString()));
    REQUIRE(db.ok());
    auto imported = kg::interchange::ImportGraph(**db, {KG_DATA_DIR "/graph"}, {});
    INFO((imported.ok() ? std::string() : imported.status().ToString()));
    REQUIRE(imported.ok());
    db_ = std::move(db).value();
  }
  kg::Database& db() { return *db_; }
  kg::Database& operator*() { return *db_; }
  kg::Database* operator->() { return db_.get(); }

 private:
  TempDir dir_;  // declared first: removed after the database is closed
  std::unique_ptr<kg::Database> db_;
};

// An empty database in memory, for what needs no graph: evaluating an
// expression, telling whether typed text is a whole statement.
std::unique_ptr<kg::Database> EmptyDatabase() {
  kg::DatabaseOptions options;
  options.store.in_memory = true;
  auto db = kg::Database::Open("/kg-help-test", options);
  INFO((db.ok() ? std::string() : db.status().ToString()));
  REQUIRE(db.ok());
  return std::move(db).value();
}

// The one value a query returns ("MATCH (n) RETURN count(n)").
std::string Single(kg::Database& db, const std::string& query) {
  auto r = db.Execute(query);
  INFO(query << "\n" << Describe(r.status(), query));
  REQUIRE(r.ok());
  REQUIRE(r->rows.size() == 1);
  REQUIRE(r->rows[0].size() == 1);
  return r->rows[0][0].ToString();
}

// Every value of a query's one column.
std::set<std::string> Column(kg::Database& db, const std::string& query) {
  auto r = db.Execute(query);
  INFO(query << "\n" << Describe(r.status(), query));
  REQUIRE(r.ok());
  std::set<std::string> values;
  for (const auto& row : r->rows) values.insert(row.at(0).as_string());
  return values;
}

// The parameters the examples use, as the help itself sets them: every
// "  :param NAME => VALUE" line in the examples of every topic, evaluated as
// the shell does.
kg::ValueMap HelpParams(kg::Database& db) {
  kg::ValueMap params;
  const std::string marker = "  :param ";
  for (const HelpTopic& topic : HelpTopics()) {
    const size_t examples = topic.text.find("\nExamples:\n");
    REQUIRE(examples != std::string::npos);
    std::istringstream lines(topic.text.substr(examples));
    std::string line;
    while (std::getline(lines, line)) {
      if (line.rfind(marker, 0) != 0) continue;
      const size_t arrow = line.find(" => ");
      REQUIRE(arrow != std::string::npos);
      const std::string name = line.substr(marker.size(), arrow - marker.size());
      const std::string literal = line.substr(arrow + 4);
      auto value = db.Evaluate(literal, params);
      INFO(line << "\n" << (value.ok() ? std::string() : value.status().ToString()));
      REQUIRE(value.ok());
      params[name] = *value;
    }
  }
  return params;
}

// Code points: the columns of the help's text, which has no wide characters.
size_t Columns(const std::string& line) {
  size_t n = 0;
  for (char c : line) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Runs the topic's examples in order on one fresh copy of the bundled
// graph, so that a later example may use what an earlier one wrote. An
// example that returns columns must return rows too: an empty answer would
// teach nothing, and is what a key or name the graph does not have gives.
void RunTopicExamples(const HelpTopic& topic) {
  BundledCopy db;
  const kg::ValueMap params = HelpParams(db.db());
  INFO("topic: " << topic.name);
  REQUIRE(topic.examples.size() >= 2);
  REQUIRE(topic.examples.size() <= 4);
  for (const std::string& example : topic.examples) {
    auto result = db->ExecuteAll(example, params);
    INFO("example: " << example << "\n" << (result.ok() ? std::string() : Describe(result.status(), example)));
    REQUIRE(result.ok());
    const kg::QueryResult& last = result->back();
    const bool explain = example.rfind("EXPLAIN", 0) == 0;
    if (!last.columns.empty() && !explain) CHECK(!last.rows.empty());
    if (explain) CHECK(!last.plan.empty());
  }
}

class TopicInvoker : public Catch::ITestInvoker {
 public:
  explicit TopicInvoker(const HelpTopic* topic) : topic_(topic) {}
  void invoke() const override { RunTopicExamples(*topic_); }

 private:
  const HelpTopic* topic_;
};

const HelpTopic& Topic(const std::string& name) {
  const HelpTopic* topic = FindHelpTopic(name);
  REQUIRE(topic != nullptr);
  return *topic;
}

// A value the help states ("size('Việt Nam') is 8"): the phrase is in the
// topic's text and the expression gives the value.
void CheckClaim(const std::string& topic, const std::string& phrase, const std::string& expression,
                const std::string& expected) {
  INFO("topic " << topic << ": " << phrase);
  CHECK(Topic(topic).text.find(phrase) != std::string::npos);
  auto db = EmptyDatabase();
  auto got = db->Evaluate(expression);
  auto want = db->Evaluate(expected);
  INFO(Describe(got.status(), expression));
  REQUIRE(got.ok());
  REQUIRE(want.ok());
  CHECK(got->ToString() == want->ToString());
}

// A statement the help says kg refuses.
void CheckRefused(kg::Database& db, const std::string& statement, const std::string& message_part) {
  auto r = db.Execute(statement);
  INFO(statement);
  REQUIRE_FALSE(r.ok());
  INFO(r.status().ToString());
  CHECK(r.status().message().find(message_part) != std::string::npos);
}

// The output and exit code of a shell command.
struct Run {
  std::string output;
  int exit_code = -1;
};

Run Shell(const std::string& command) {
  Run run;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) run.output.append(buffer, n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

// What a person copies from a topic: its Examples block, comments, ':'
// commands and statements (or command lines), up to "See also".
std::string ExamplesBlock(const HelpTopic& topic) {
  const size_t start = topic.text.find("\nExamples:\n");
  REQUIRE(start != std::string::npos);
  const size_t body = start + std::string("\nExamples:\n").size();
  const size_t end = topic.text.find("\nSee also:", body);
  return topic.text.substr(body, end == std::string::npos ? std::string::npos : end - body);
}

// The Examples block, pasted as it is into the real kg as a script, on a
// database that `kg import` made from data/graph: the comments, the ':param'
// and ':format' lines and the statements spread over several lines all have
// to work.
void RunTopicBlockInKg(const HelpTopic& topic) {
  INFO("topic: " << topic.name);
  TempDir dir;
  const std::string db = dir.path() + "/db";
  const Run imported = Shell(std::string(KG_BINARY) + " import --db " + db + " " KG_DATA_DIR "/graph");
  INFO(imported.output);
  REQUIRE(imported.exit_code == 0);
  const std::string block = dir.Write("examples.kgq", ExamplesBlock(topic));
  const Run run =
      Shell(std::string(KG_BINARY) + " --db " + db + " --sources " KG_SOURCES_DIR " -f " + block + " < /dev/null");
  INFO(run.output);
  CHECK(run.exit_code == 0);
}

class TopicBlockInvoker : public Catch::ITestInvoker {
 public:
  explicit TopicBlockInvoker(const HelpTopic* topic) : topic_(topic) {}
  void invoke() const override { RunTopicBlockInKg(*topic_); }

 private:
  const HelpTopic* topic_;
};

// One test per topic ("help examples of order by answer on the bundled
// graph"), so that a failure names its topic and one topic can be run alone.
struct RegisterTopicTests {
  RegisterTopicTests() {
    static std::deque<std::string> names;  // Catch keeps references to the names
    for (const HelpTopic& topic : HelpTopics()) {
      names.push_back("help examples of " + topic.name + " answer on the bundled graph");
      Catch::AutoReg(new TopicInvoker(&topic), Catch::SourceLineInfo(__FILE__, __LINE__), Catch::StringRef(),
                     Catch::NameAndTags{names.back(), "[help][examples]"});
      if (ShowsCommandLines(topic)) continue;
      names.push_back("help examples of " + topic.name + " pasted into kg run");
      Catch::AutoReg(new TopicBlockInvoker(&topic), Catch::SourceLineInfo(__FILE__, __LINE__), Catch::StringRef(),
                     Catch::NameAndTags{names.back(), "[help][kg]"});
    }
  }
} register_topic_tests;

}  // namespace

TEST_CASE("every topic has a name, a one-line summary, a text and examples", "[help]") {
  const auto& topics = HelpTopics();
  REQUIRE(topics.size() >= 25);
  for (const HelpTopic& topic : topics) {
    INFO(topic.name);
    CHECK(!topic.name.empty());
    CHECK(!topic.summary.empty());
    CHECK(topic.summary.find('\n') == std::string::npos);
    CHECK(topic.text.rfind(topic.name + ": " + topic.summary + "\n", 0) == 0);
    CHECK(topic.examples.size() >= 2);
    CHECK(topic.examples.size() <= 4);
    for (const HelpTopic& other : topics) {
      if (&other != &topic) CHECK(other.name != topic.name);
    }
  }
}

TEST_CASE("every example appears verbatim in its topic's text", "[help]") {
  for (const HelpTopic& topic : HelpTopics()) {
    for (const std::string& example : topic.examples) {
      INFO(topic.name << ": " << example);
      CHECK(topic.text.find(example) != std::string::npos);
    }
  }
}

TEST_CASE("an example on several lines can be typed into the REPL line by line", "[help]") {
  // The REPL runs a single line as soon as it is a complete statement: the
  // first lines of a longer example must not be one, or Enter would run
  // half of it.
  std::ostringstream out, err;
  kg::shell::Session session(EmptyDatabase(), "empty", kg::shell::SessionOptions{}, out, err);
  for (const HelpTopic& topic : HelpTopics()) {
    for (const std::string& example : topic.examples) {
      INFO(topic.name << ": " << example);
      for (size_t end = example.find('\n'); end != std::string::npos; end = example.find('\n', end + 1)) {
        const std::string typed = example.substr(0, end);
        INFO("typed so far: " << typed);
        CHECK_FALSE(session.InputIsComplete(typed));
      }
      CHECK(session.InputIsComplete(example + ";"));
    }
  }
}

TEST_CASE("no line of the help reaches 100 columns, and the text is plain", "[help]") {
  std::vector<std::pair<std::string, std::string>> texts = {{"overview", HelpOverview()}};
  for (const HelpTopic& topic : HelpTopics()) texts.emplace_back(topic.name, topic.text);
  for (const auto& [name, text] : texts) {
    std::istringstream lines(text);
    std::string line;
    int number = 0;
    while (std::getline(lines, line)) {
      ++number;
      INFO(name << " line " << number << ": " << line);
      CHECK(Columns(line) < 100);
      CHECK(line.find('\t') == std::string::npos);
      CHECK(line.find('\x1b') == std::string::npos);
      CHECK((line.empty() || line.back() != ' '));
    }
    CHECK(text.back() == '\n');
  }
}

TEST_CASE("topics are found whatever the case, spaces and hyphens", "[help]") {
  for (const HelpTopic& topic : HelpTopics()) {
    INFO(topic.name);
    CHECK(FindHelpTopic(topic.name) == &topic);
    std::string upper = topic.name;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    CHECK(FindHelpTopic(upper) == &topic);
  }
  const HelpTopic* order_by = FindHelpTopic("order by");
  REQUIRE(order_by != nullptr);
  CHECK(FindHelpTopic("ORDER BY") == order_by);
  CHECK(FindHelpTopic("order-by") == order_by);
  CHECK(FindHelpTopic("orderby") == order_by);
  CHECK(FindHelpTopic("  Order By ") == order_by);
  CHECK(Topic("optional-match").name == "optional match");
  CHECK(Topic("OPTIONALMATCH").name == "optional match");
  CHECK(Topic("command-line").name == "command line");
  CHECK(Topic("variable length paths").name == "variable-length paths");
}

TEST_CASE("topics are found by their aliases", "[help]") {
  CHECK(Topic("shortestpath").name == "shortest path");
  CHECK(Topic("allShortestPaths").name == "shortest path");
  CHECK(Topic("params").name == "parameters");
  CHECK(Topic(":param").name == "parameters");
  CHECK(Topic("detach delete").name == "delete");
  CHECK(Topic("DETACH-DELETE").name == "delete");
  CHECK(Topic("skip").name == "skip and limit");
  CHECK(Topic("limit").name == "skip and limit");
  CHECK(Topic("count").name == "aggregation");
  CHECK(Topic("profile").name == "explain");
  CHECK(Topic("create index").name == "indexes");
  CHECK(Topic("list comprehension").name == "lists");
  CHECK(Topic("any").name == "lists");
  CHECK(Topic("vietnamese").name == "strings");
  CHECK(Topic(":format").name == "formats");
  CHECK(Topic("cli").name == "command line");
}

TEST_CASE("an unknown or empty topic is not found", "[help]") {
  CHECK(FindHelpTopic("") == nullptr);
  CHECK(FindHelpTopic("   ") == nullptr);
  CHECK(FindHelpTopic("foreach") == nullptr);
  CHECK(FindHelpTopic("matchx") == nullptr);
}

TEST_CASE("the overview lists every command and every topic with its summary", "[help]") {
  const std::string overview = HelpOverview();
  // Summaries may wrap onto a second line: compare with runs of blanks joined.
  std::string flat;
  for (char c : overview) {
    const bool blank = c == ' ' || c == '\n';
    if (blank && !flat.empty() && flat.back() == ' ') continue;
    flat += blank ? ' ' : c;
  }
  for (const kg::shell::CommandInfo& command : kg::shell::Commands()) {
    INFO(command.name);
    const std::string usage = command.args.empty() ? command.name : command.name + " " + command.args;
    CHECK(overview.find("\n  " + usage) != std::string::npos);
    CHECK(flat.find(command.summary) != std::string::npos);
  }
  for (const HelpTopic& topic : HelpTopics()) {
    INFO(topic.name);
    CHECK(overview.find("\n  " + topic.name + " ") != std::string::npos);
    CHECK(flat.find(topic.summary) != std::string::npos);
  }
  CHECK(overview.find("';'") != std::string::npos);
  CHECK(overview.find(":help match") != std::string::npos);
}

TEST_CASE("what the strings topic says about Vietnamese text holds", "[help][claims]") {
  CheckClaim("strings", "size('Việt Nam') is 8", "size('Việt Nam')", "8");
  CheckClaim("strings", "toUpper('đường') is 'ĐƯỜNG'", "toUpper('đường')", "'ĐƯỜNG'");
  CheckClaim("strings", "'Hà Nội' =~ 'Hà' is false", "'Hà Nội' =~ 'Hà'", "false");
  CheckClaim("strings", "'Hà Nội' =~ 'Hà.*' is true", "'Hà Nội' =~ 'Hà.*'", "true");
  CheckClaim("strings", "'(?i)lê.*' finds 'LÊ HOÀI TRUNG'", "'LÊ HOÀI TRUNG' =~ '(?i)lê.*'", "true");
  CheckClaim("strings", "'(?i)đà.*' 'ĐÀ NẴNG'", "'ĐÀ NẴNG' =~ '(?i)đà.*'", "true");
  CheckClaim("strings", "marks\nstill count", "'LE HOAI TRUNG' =~ '(?i)lê.*'", "false");
  CheckClaim("strings", "'Uỷ' and 'Ủy' are different", "'Uỷ' = 'Ủy'", "false");
  CheckClaim("strings", "kg.fold('Uỷ ban') and kg.fold('ỦY BAN') are both 'uy ban'",
             "[kg.fold('Uỷ ban'), kg.fold('ỦY BAN')]", "['uy ban', 'uy ban']");
  CheckClaim("order by", "'Đ' comes after 'Z'", "'Đ' > 'Z'", "true");
  CheckClaim("order by", "'Hà' after 'Hu'", "'Hà' > 'Hu'", "true");
  CheckClaim("functions", "(toUpper, TOUPPER)", "TOUPPER('huế')", "'HUẾ'");
}

TEST_CASE("what the dates topic says holds", "[help][claims]") {
  CheckClaim("dates", "date('2024-07') and date('2024') (the first day)", "[date('2024-07'), date('2024')]",
             "[date('2024-07-01'), date('2024-01-01')]");
  CheckClaim("dates", "20240709, 2024-W28-2 (week), 2024-191 (day)",
             "[date('20240709'), date('2024-W28-2'), date('2024-191')]",
             "[date('2024-07-09'), date('2024-07-09'), date('2024-07-09')]");
  CheckClaim("dates", "{year, quarter, dayOfQuarter}", "date({year: 2024, quarter: 3, dayOfQuarter: 9})",
             "date('2024-07-09')");
  CheckClaim("dates", "d.dayOfWeek (Monday is 1)", "date('2024-07-08').dayOfWeek", "1");
  CheckClaim("dates", "Fields: d.year, d.month, d.day, d.quarter, d.week",
             "[date('2024-07-09').year, date('2024-07-09').month, date('2024-07-09').day, "
             "date('2024-07-09').quarter, date('2024-07-09').week]",
             "[2024, 7, 9, 3, 28]");
  CheckClaim("dates", "datetime('2024-10-03T09:00[Europe/Paris]')",
             "toString(datetime('2024-10-03T09:00[Europe/Paris]'))", "'2024-10-03T09:00+02:00[Europe/Paris]'");
  CheckClaim("dates", "datetime({date: d, time: t, timezone: 'Asia/Ho_Chi_Minh'})",
             "toString(datetime({date: date('2024-10-03'), time: localtime('14:00'), timezone: 'Asia/Ho_Chi_Minh'}))",
             "'2024-10-03T14:00+07:00[Asia/Ho_Chi_Minh]'");
  // Paris: 2024-03-31 02:00 jumps to 03:00; 2024-10-27 03:00 falls back to 02:00.
  CheckClaim("dates", "A wall time that DST skips moves forward by the gap; one it repeats takes the earlier offset",
             "[toString(datetime('2024-03-31T02:30[Europe/Paris]')), "
             "toString(datetime('2024-10-27T02:30[Europe/Paris]'))]",
             "['2024-03-31T03:30+02:00[Europe/Paris]', '2024-10-27T02:30+02:00[Europe/Paris]']");
  CheckClaim("dates", "duration.between(a, b) measures a span",
             "toString(duration.between(date('2011-07-06'), date('2021-05-21')))", "'P9Y10M15D'");
  CheckClaim("dates", "(months first, then days, then seconds)",
             "[date('2024-01-31') + duration('P1M1D'), localtime('23:00') + duration('PT2H')]",
             "[date('2024-03-01'), localtime('01:00')]");
  CheckClaim("dates", "date.truncate('month', d)", "date.truncate('month', date('2024-07-09'))", "date('2024-07-01')");
  CheckClaim("dates", "zoned\nones by their instant",
             "datetime('2024-10-03T09:00+02:00') < datetime('2024-10-03T08:30Z')", "true");
  CheckClaim("dates", "values of different types do not compare",
             "date('2024-07-09') < localdatetime('2024-07-10T00:00')", "null");
  // The bundled graph's dates are text in date order, which date() reads,
  // all but a day without its year.
  CheckClaim("dates", "compares and sorts in date order ('2021' <= e.start < '2025')",
             "['2021' <= '2021-05-21' < '2025', '2021' <= '2020-12-31' < '2025', '2021' <= '2025-01-01' < '2025', "
             "'2023-11' < '2024-07-09' < '2024-10-07']",
             "[true, false, false, true]");
  CheckClaim("dates", "'2024-07-09', '2023-11', '1976'", "[date('2023-11'), date('1976')]",
             "[date('2023-11-01'), date('1976-01-01')]");
  auto db = EmptyDatabase();
  CHECK(Topic("dates").text.find("fails on '--03-28'") != std::string::npos);
  CheckRefused(*db, "RETURN date('--03-28')", "cannot read");
  CheckRefused(*db, "RETURN date('2024-07-09') + 1", "cannot add");
}

TEST_CASE("what the where, lists and optional match topics say holds", "[help][claims]") {
  CheckClaim("where", "chained: '2021' <= e.start < '2025'",
             "['2021' <= '2024-10-07' < '2025', '2021' <= '2022' < '2025', '2021' <= '--03-28' < '2025']",
             "[true, true, false]");
  CheckClaim("lists", "On an empty list any() is false and all() is true",
             "[any(x IN [] WHERE x > 0), all(x IN [] WHERE x > 0)]", "[false, true]");
  // A WHERE after OPTIONAL MATCH keeps every person (none chaired two
  // events of 2024).
  BundledCopy db;
  auto r = db->Execute(
      "MATCH (p:Person) OPTIONAL MATCH (p)-[:CHAIRED]->(e:Event) WHERE e.start STARTS WITH '2024' "
      "RETURN p.name, e.name");
  REQUIRE(r.ok());
  CHECK(std::to_string(r->rows.size()) == Single(*db, "MATCH (p:Person) RETURN count(p)"));
  CHECK(Single(*db, "MATCH (p:Person)-[:CHAIRED]->(e:Event) WHERE e.start STARTS WITH '2024' RETURN count(e)") != "0");
  CheckRefused(*db, "MATCH (p:Person) WHERE count(p) > 1 RETURN p", "not allowed in WHERE");
  CheckRefused(*db, "MATCH (p:Person)", "cannot end with MATCH");
}

TEST_CASE("what the write topics say holds", "[help][claims]") {
  BundledCopy db;
  CHECK(Topic("create").text.find("a second node with the same key is refused") != std::string::npos);
  CheckRefused(*db, "CREATE (:Person {key: 'person/le-hoai-trung', name: 'Lê Hoài Trung'})", "already belongs");
  CHECK(Topic("delete").text.find("A node that still has relationships is refused") != std::string::npos);
  CheckRefused(*db, "MATCH (p:Person {key: 'person/ha-kim-ngoc'}) DELETE p", "DETACH DELETE");
  CHECK(Topic("merge").text.find("cannot stand for the whole property map of a MERGE") != std::string::npos);
  CheckRefused(*db, "MERGE (s:Site $site) RETURN s", "not supported yet");
  CHECK(Topic("parameters").text.find("cannot be the whole property map of MATCH or MERGE") != std::string::npos);
  CheckRefused(*db, "MATCH (s:Site $site) RETURN s", "not supported yet");
  CheckRefused(*db, "MATCH (p:Person {name: $nobody}) RETURN p", "parameter");
  // SET to null removes, as the set topic says.
  auto r = db->Execute("MATCH (s:Site {key: 'site/trang-an'}) SET s.name_en = null RETURN keys(s) AS k");
  REQUIRE(r.ok());
  CHECK(r->rows.at(0).at(0).ToString() == "['aliases', 'key', 'name']");
}

TEST_CASE("a parameter works as SKIP and LIMIT, as the skip and limit topic says", "[help][claims]") {
  CHECK(Topic("skip and limit").text.find("(LIMIT $n)") != std::string::npos);
  BundledCopy db;
  kg::ValueMap params;
  params["n"] = kg::Value(int64_t{2});
  auto r = db->Execute("MATCH (p:Person) RETURN p.name ORDER BY p.name SKIP $n LIMIT $n", params);
  REQUIRE(r.ok());
  CHECK(r->rows.size() == 2);
}

TEST_CASE("the depth cap and explicit bounds behave as the paths topic says", "[help][claims]") {
  const std::string& text = Topic("variable-length paths").text;
  CHECK(text.find("beyond 32 hops stops with an error") != std::string::npos);
  CHECK(text.find("An upper bound you give is honoured") != std::string::npos);
  BundledCopy db;
  // A chain of 40 places, each LOCATED_IN the next.
  auto made =
      db->Execute("UNWIND range(1, 40) AS i CREATE (:Place {key: 'place/chain-' + toString(i), name: 'Chain', n: i})");
  REQUIRE(made.ok());
  auto linked = db->Execute(
      "MATCH (a:Place {name: 'Chain'}), (b:Place {name: 'Chain'}) WHERE b.n = a.n + 1 "
      "CREATE (a)-[:LOCATED_IN]->(b)");
  REQUIRE(linked.ok());
  CheckRefused(*db, "MATCH (:Place {key: 'place/chain-1'})-[:LOCATED_IN*]->(b) RETURN count(b)", "depth cap");
  auto bounded = db->Execute("MATCH (:Place {key: 'place/chain-1'})-[:LOCATED_IN*..40]->(b) RETURN count(b)");
  INFO(Describe(bounded.status(), "bounded"));
  REQUIRE(bounded.ok());
  CHECK(bounded->rows.at(0).at(0).ToString() == "39");
}

TEST_CASE("indexes and plans behave as the indexes and explain topics say", "[help][claims]") {
  BundledCopy db;
  const HelpTopic& explain = Topic("explain");
  auto by_key = db->Execute(explain.examples.at(0));
  REQUIRE(by_key.ok());
  CHECK(by_key->plan.find("NodeByKeySeek") != std::string::npos);
  for (const char* op :
       {"NodeByKeySeek", "NodeIndexSeek", "NodeByLabelScan", "AllNodesScan", "Expand", "ExpandInto", "VarLengthExpand",
        "Filter", "Optional", "Aggregate", "Sort", "Skip", "Limit", "Project", "Eager"}) {
    CHECK(explain.text.find(op) != std::string::npos);
  }
  auto all = db->Execute("EXPLAIN MATCH (n) RETURN n");
  REQUIRE(all.ok());
  CHECK(all->plan.find("AllNodesScan") != std::string::npos);

  const HelpTopic& indexes = Topic("indexes");
  REQUIRE(db->Execute("CREATE INDEX ON :Person(name)").ok());
  auto seek = db->Execute("EXPLAIN MATCH (p:Person) WHERE p.name = 'Hà Kim Ngọc' RETURN p");
  REQUIRE(seek.ok());
  CHECK(seek->plan.find("NodeIndexSeek") != std::string::npos);
  auto prefix = db->Execute("EXPLAIN MATCH (p:Person) WHERE p.name STARTS WITH 'Hà' RETURN p");
  REQUIRE(prefix.ok());
  CHECK(prefix->plan.find("NodeIndexSeek") == std::string::npos);
  CHECK(indexes.text.find("Creating an index that exists does nothing") != std::string::npos);
  CHECK(db->Execute("CREATE INDEX person_name FOR (p:Person) ON (p.name)").ok());
  REQUIRE(db->Execute("DROP INDEX ON :Person(name)").ok());
  CHECK(indexes.text.find("dropping one that does not exist is an error") != std::string::npos);
  CHECK_FALSE(db->Execute("DROP INDEX ON :Person(name)").ok());
}

TEST_CASE("the command line topic names only options that kg has", "[help][claims]") {
  const std::string& text = Topic("command line").text;
  const Run run = Shell(std::string(KG_BINARY) + " --help");
  REQUIRE(run.exit_code == 0);
  const std::string& help = run.output;
  // Every --option and -x the topic mentions.
  std::vector<std::string> options;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    const bool starts = text[i] == '-' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n');
    if (!starts) continue;
    size_t end = i + 1;
    if (text[end] == '-') ++end;
    while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '-')) ++end;
    const std::string option = text.substr(i, end - i);
    if (option.size() >= 2 && std::isalpha(static_cast<unsigned char>(option.back()))) options.push_back(option);
  }
  CHECK(options.size() >= 10);
  for (const std::string& option : options) {
    INFO(option);
    CHECK(help.find(option) != std::string::npos);
  }
  for (const char* flag :
       {"--db", "-e", "-f", "--format", "--param", "--read-only", "--timing", "--continue-on-error", "--wrap"}) {
    CHECK(text.find(flag) != std::string::npos);
  }
  CHECK(help.find("0 success, 1 a statement failed, 2 bad usage") != std::string::npos);
  CHECK(text.find("0 success; 1 a statement failed") != std::string::npos);
}

TEST_CASE("every ':help NAME' in a topic names a topic", "[help]") {
  for (const HelpTopic& topic : HelpTopics()) {
    const std::string& text = topic.text;
    for (size_t at = text.find(":help "); at != std::string::npos; at = text.find(":help ", at + 1)) {
      const size_t start = at + std::string(":help ").size();
      const size_t end = text.find_first_of(",.;)\n", start);
      const std::string name = text.substr(start, end - start);
      INFO(topic.name << ": ':help " << name << "'");
      CHECK(FindHelpTopic(name) != nullptr);
    }
  }
}

TEST_CASE("the new topics are found by their aliases", "[help]") {
  CHECK(Topic("export").name == "export and import");
  CHECK(Topic(":import").name == "export and import");
  CHECK(Topic("GraphML").name == "export and import");
  CHECK(Topic("bundled").name == "the bundled graph");
  CHECK(Topic("bundled graph").name == "the bundled graph");
  CHECK(Topic("data").name == "the bundled graph");
  CHECK(Topic("provenance").name == "the bundled graph");
  CHECK(Topic("sources").name == "the bundled graph");
  // The two come before the command line topic, which stays last.
  const auto& topics = HelpTopics();
  REQUIRE(topics.size() >= 3);
  CHECK(topics[topics.size() - 3].name == "export and import");
  CHECK(topics[topics.size() - 2].name == "the bundled graph");
  CHECK(topics.back().name == "command line");
}

namespace {

// The lines of `text` between the line that starts with `from` and the one
// that starts with `to` that list a name: two blanks, then the name.
std::vector<std::string> ListedNames(const std::string& text, const std::string& from, const std::string& to) {
  std::vector<std::string> names;
  std::istringstream lines(text);
  std::string line;
  bool inside = false;
  while (std::getline(lines, line)) {
    if (line.rfind(from, 0) == 0) {
      inside = true;
      continue;
    }
    if (line.rfind(to, 0) == 0) break;
    if (!inside || line.rfind("  ", 0) != 0 || line.size() < 3 || line[2] == ' ') continue;
    names.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  return names;
}

}  // namespace

TEST_CASE("the bundled graph topic lists exactly the graph's labels and types, with its size", "[help][claims]") {
  const std::string& text = Topic("the bundled graph").text;
  BundledCopy db;
  const std::set<std::string> labels = Column(*db, "MATCH (n) UNWIND labels(n) AS l RETURN DISTINCT l");
  const std::set<std::string> types = Column(*db, "MATCH ()-[r]->() RETURN DISTINCT type(r)");
  const std::vector<std::string> listed_labels = ListedNames(text, "article writes it", "The relationship types");
  const std::vector<std::string> listed_types = ListedNames(text, "The relationship types", "Every relationship but");
  CHECK(std::set<std::string>(listed_labels.begin(), listed_labels.end()) == labels);
  CHECK(listed_labels.size() == labels.size());
  CHECK(std::set<std::string>(listed_types.begin(), listed_types.end()) == types);
  CHECK(listed_types.size() == types.size());
  // "139 nodes and 366 relationships", whatever the line breaks.
  std::string flat = text;
  for (char& c : flat) c = c == '\n' ? ' ' : c;
  const std::string size = Single(*db, "MATCH (n) RETURN count(n)") + " nodes and " +
                           Single(*db, "MATCH ()-[r]->() RETURN count(r)") + " relationships";
  INFO(size);
  CHECK(flat.find(size) != std::string::npos);
}

TEST_CASE("every fact of the bundled graph has a source and a span, as its topic says", "[help][claims]") {
  const std::string& text = Topic("the bundled graph").text;
  CHECK(text.find("Every relationship but MENTIONS and PUBLISHED has `source`") != std::string::npos);
  BundledCopy db;
  CHECK(Single(*db,
               "MATCH ()-[r]->() WHERE NOT type(r) IN ['MENTIONS', 'PUBLISHED'] "
               "AND (r.source IS NULL OR size(r.span) <> 2) RETURN count(r)") == "0");
  CHECK(Single(*db, "MATCH ()-[r]->() WHERE r.source IS NOT NULL RETURN count(r)") != "0");
  // Every source is the key of a Document.
  CHECK(Single(*db,
               "MATCH ()-[r]->() WHERE r.source IS NOT NULL OPTIONAL MATCH (d:Document {key: r.source}) "
               "WITH r, d WHERE d IS NULL RETURN count(r)") == "0");
  // MENTIONS hold pairs of offsets.
  CHECK(Single(*db,
               "MATCH (:Document)-[m:MENTIONS]->() WHERE size(m.spans) % 2 <> 0 OR size(m.spans) = 0 "
               "RETURN count(m)") == "0");
  CHECK(Single(*db,
               "MATCH ()-[r]->() WHERE type(r) IN ['MENTIONS', 'PUBLISHED'] AND r.source IS NOT NULL "
               "RETURN count(r)") == "0");
}

TEST_CASE("kg opens the bundled graph read-only, as its topic says", "[help][claims]") {
  CHECK(Topic("the bundled graph").text.find("kg opens the bundled graph read-only") != std::string::npos);
  TempDir dir;
  const Run run = Shell("XDG_DATA_HOME=" + dir.path() + " " + KG_BINARY +
                        " -e \"CREATE (:Person {key: 'person/someone', name: 'Someone'})\" < /dev/null");
  INFO(run.output);
  CHECK(run.exit_code == 1);
  CHECK(run.output.find("read-only") != std::string::npos);
}

// The export and import topic's examples are shell command lines: pasted
// into sh as they are (with `kg` this build's kg, and the bundled graph
// built in a directory of the test's own), every one of them works and
// writes what the topic says.
TEST_CASE("help examples of export and import pasted into sh run", "[help][kg]") {
  const HelpTopic& topic = Topic("export and import");
  TempDir dir;
  const std::string script =
      dir.Write("examples.sh", "set -e\nkg() { \"" + std::string(KG_BINARY) + "\" \"$@\"; }\n" + ExamplesBlock(topic));
  const std::string env = "cd " + dir.path() + " && XDG_DATA_HOME=" + dir.path() + "/xdg ";
  const Run run = Shell(env + "sh " + script + " < /dev/null");
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  for (const char* file : {"vn-seats.graphml", "positions.dot", "positions.svg", "ubqg/nodes.csv", "graph.json"}) {
    INFO(file);
    CHECK(std::filesystem::file_size(dir.path() + "/" + file) > 0);
  }
  // The whole graph went to graph.json and from there into research.kg.
  BundledCopy db;
  const std::string nodes = Single(*db, "MATCH (n) RETURN count(n)");
  const std::string rels = Single(*db, "MATCH ()-[r]->() RETURN count(r)");
  CHECK(run.output.find("exported " + nodes + " nodes and " + rels + " relationships to graph.json") !=
        std::string::npos);
  CHECK(run.output.find("imported " + nodes + " nodes and " + rels + " relationships from graph.json") !=
        std::string::npos);
  CHECK(run.output.find("['Person']") != std::string::npos);
  // --induced brought the PART_OF relationships among the returned nodes;
  // the same query without it exports the nodes alone.
  CHECK(run.output.find("to ubqg/") != std::string::npos);
  CHECK(run.output.find("exported 10 nodes and 0 relationships to ubqg/") == std::string::npos);
  const std::string query = "MATCH (s)-[:PART_OF]->(c:Committee {key: 'committee/ubqg-unesco-vn'}) RETURN s, c";
  CHECK(topic.text.find(query) != std::string::npos);
  const Run plain = Shell(env + KG_BINARY + " export --format csv -o plain/ -e \"" + query + "\"");
  INFO(plain.output);
  REQUIRE(plain.exit_code == 0);
  CHECK(plain.output.find(" nodes and 0 relationships") != std::string::npos);
  const Run induced = Shell(env + KG_BINARY + " export --format csv -o induced/ --induced -e \"" + query + "\"");
  INFO(induced.output);
  REQUIRE(induced.exit_code == 0);
  CHECK(induced.output.find(" nodes and 0 relationships") == std::string::npos);
}

// ---- the topic files (shell/help/topics/*.md, read by help_markdown.h) ----

TEST_CASE("every topic file reads and is a topic", "[help][files]") {
  size_t files = 0;
  for (const kg::shell::HelpTopicFile* file = kg::shell::kHelpTopicFiles; file->path != nullptr; ++file) {
    ++files;
    auto topic = kg::shell::ParseHelpTopicFile(file->path, file->text);
    if (!topic.ok()) FAIL_CHECK(topic.status().message());
  }
  CHECK(files >= 25);
  CHECK(HelpTopics().size() == files);
}

TEST_CASE("every alias and see-also of a topic file names a topic", "[help][files]") {
  for (const HelpTopic& topic : HelpTopics()) {
    INFO(topic.path);
    for (const std::string& name : topic.see_also) {
      INFO("See also: " << name);
      const HelpTopic* other = FindHelpTopic(name);
      REQUIRE(other != nullptr);
      CHECK(other->name == name);  // by its name, as the line shows it
      CHECK(other != &topic);
    }
    // An alias that another topic's name or alias also claims finds that
    // topic instead.
    for (const std::string& alias : topic.aliases) {
      INFO("Aliases: " << alias);
      CHECK(FindHelpTopic(alias) == &topic);
    }
  }
}

namespace {

// A topic file that reads, for the tests of broken ones to spoil.
const std::string kGoodTopic =
    "# demo: a topic for the tests\n"
    "\n"
    "What it does.\n"
    "\n"
    "## Examples\n"
    "\n"
    "```cypher\n"
    "// A question\n"
    ":param n => 1\n"
    "RETURN $n\n"
    "  AS n;\n"
    "```\n"
    "\n"
    "```sh\n"
    "# On the command line\n"
    "kg --format csv \\\n"
    "   -e 'RETURN 1 AS n'\n"
    "```\n"
    "\n"
    "See also: match, where\n"
    "\n"
    "Aliases: demonstration\n";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// The file is refused with "PATH:LINE: " and a message that says why.
void CheckBroken(const std::string& text, int line, const std::string& why) {
  INFO(text);
  auto topic = kg::shell::ParseHelpTopicFile("shell/help/topics/99-demo.md", text);
  REQUIRE_FALSE(topic.ok());
  const std::string& message = topic.status().message();
  INFO(message);
  CHECK(message.rfind("shell/help/topics/99-demo.md:" + std::to_string(line) + ": ", 0) == 0);
  CHECK(message.find(why) != std::string::npos);
  CHECK(topic.status().position().line == line);
}

}  // namespace

TEST_CASE("a topic file is read into its parts", "[help][files]") {
  auto topic = kg::shell::ParseHelpTopicFile("demo.md", kGoodTopic);
  INFO((topic.ok() ? std::string() : topic.status().message()));
  REQUIRE(topic.ok());
  CHECK(topic->name == "demo");
  CHECK(topic->summary == "a topic for the tests");
  CHECK(topic->body == "What it does.");
  REQUIRE(topic->examples.size() == 2);
  CHECK(topic->examples[0].question == "A question");
  CHECK(topic->examples[0].lines == std::vector<std::string>{":param n => 1", "RETURN $n", "  AS n;"});
  CHECK(topic->examples[0].statement == "RETURN $n\n    AS n");  // as the screen shows it
  CHECK_FALSE(topic->examples[0].command_line);
  CHECK(topic->examples[1].command_line);
  CHECK(topic->examples[1].statement == "RETURN 1 AS n");
  CHECK(topic->see_also == std::vector<std::string>{"match", "where"});
  CHECK(topic->aliases == std::vector<std::string>{"demonstration"});
}

TEST_CASE("a broken topic file is refused with its file and line", "[help][files]") {
  struct Broken {
    const char* from;  // kGoodTopic with this text
    const char* to;    // replaced by this
    int line;          // is refused at this line
    const char* why;   // with a message that says this
  };
  const Broken cases[] = {
      {"# demo: a topic", "# demo a topic", 1, "'# NAME: SUMMARY'"},
      {"tests\n\n", "tests\nx\n", 2, "blank line"},
      {"## Examples", "Examples", 22, "no '## Examples'"},
      {"What it does.\n", "", 3, "no text"},
      {"  AS n;\n```\n", "  AS n;\n", 7, "no closing ```"},
      {"```cypher", "```sql", 7, "not ```sql"},
      {"// A question\n", "", 8, "starts with its question"},
      {"  AS n;", "  AS n", 11, "ends with ';'"},
      {"  AS n;", "  AS n;\n:format csv", 12, "come before its statement"},
      {":param n => 1\n", ":param n => 1\n\n", 10, "blank line inside"},
      {"-e 'RETURN 1 AS n'", "'RETURN 1 AS n'", 15, "-e '...'"},
      {"See also: match, where", "See: match", 20, "only 'See also: ...'"},
      {"See also: match, where", "See also: match,, where", 20, "empty name"},
      {"Aliases: demonstration", "Aliases: demo\nAliases: x", 23, "a second"},
      {"Aliases: demonstration", "Aliases: x\n```cypher\n// Q\nRETURN 1;\n```", 23, "after the See also"},
      {"What it does.", "What it does.\n```cypher", 4, "before '## Examples'"},
      {"What it does.", "What it {{does}}.", 3, "a line of its own"},
      {"What it does.", "{{no-such-section}}", 3, "no generated section"},
      {"What it does.\n", "What it does.\r\n", 3, "CR LF"},
  };
  CheckBroken("", 1, "'# NAME: SUMMARY'");
  for (const Broken& broken : cases) CheckBroken(Replace(kGoodTopic, broken.from, broken.to), broken.line, broken.why);
}

TEST_CASE("a {{SECTION}} line is filled in from kg's own tables", "[help][files]") {
  // {{formats}}: a row for every format of the table (interchange/formats.h),
  // saying whether kg writes and reads it.
  const auto section = kg::shell::GeneratedHelpSection("formats");
  REQUIRE(section.has_value());
  for (const kg::interchange::Format& f : kg::interchange::Formats()) {
    INFO(f.name);
    CHECK(("\n" + *section).find("\n  " + std::string(f.name) + " ") != std::string::npos);
  }
  CHECK(section->find("  graphml   export, import  ") != std::string::npos);
  CHECK(section->find("  dot       export  ") != std::string::npos);
  auto topic = kg::shell::ParseHelpTopicFile(
      "demo.md", Replace(kGoodTopic, "What it does.\n", "It writes:\n{{formats}}\nand more.\n"));
  INFO((topic.ok() ? std::string() : topic.status().message()));
  REQUIRE(topic.ok());
  CHECK(topic->body == "It writes:\n" + *section + "\nand more.");
  CHECK_FALSE(kg::shell::GeneratedHelpSection("no-such-section").has_value());
}
