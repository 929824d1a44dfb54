// Tests of the kg shell's help (shell/help_topics.h): every example of every
// topic runs against a small graph in the vocabulary of DATA-MODEL.md, so the
// help cannot promise what kg does not do; the lookup rules, the overview
// and the text width are checked too.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "command_table.h"
#include "help_topics.h"
#include "main/database.h"
#include "session.h"

namespace {

using kg::shell::FindHelpTopic;
using kg::shell::HelpOverview;
using kg::shell::HelpTopic;
using kg::shell::HelpTopics;

// A few facts from the source articles (shared/seeds): the Vietnam National
// Commission for UNESCO and its chairs, the Ministry of Foreign Affairs, a
// 2024 conference on cultural diplomacy, heritage sites and the articles
// themselves. Every example in the help is written against these names.
constexpr const char* kFixture = R"(
CREATE
  (vn:Country {key: 'country/vn', name: 'Việt Nam', name_en: 'Vietnam', iso2: 'VN'}),
  (kr:Country {key: 'country/kr', name: 'Hàn Quốc', name_en: 'South Korea', iso2: 'KR'}),
  (fr:Country {key: 'country/fr', name: 'Pháp', name_en: 'France', iso2: 'FR'}),
  (unesco:Organization {key: 'org/unesco', name: 'UNESCO', name_en: 'UNESCO', kind: 'intergovernmental',
     aliases: ['Tổ chức Giáo dục, Khoa học và Văn hóa của Liên Hợp Quốc']}),
  (mofa:Organization:Ministry {key: 'org/bo-ngoai-giao', name: 'Bộ Ngoại giao',
     name_en: 'Ministry of Foreign Affairs', country: 'Việt Nam', aliases: ['Bộ Ngoại Giao']}),
  (natcom:Organization:Committee {key: 'org/ubqg-unesco', name: 'Ủy ban Quốc gia UNESCO Việt Nam',
     name_en: 'Vietnam National Commission for UNESCO',
     aliases: ['UBQG UNESCO', 'Uỷ ban Quốc gia UNESCO Việt Nam']}),
  (whc:Organization:Committee {key: 'org/world-heritage-committee', name: 'Ủy ban Di sản Thế giới',
     name_en: 'World Heritage Committee'}),
  (steering:Organization:Committee {key: 'org/ban-chi-dao-ngoai-giao-van-hoa',
     name: 'Ban Chỉ đạo công tác Ngoại giao văn hóa', name_en: 'Steering Committee for Cultural Diplomacy'}),
  (vusta:Organization {key: 'org/vusta', name: 'Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam',
     name_en: 'Vietnam Union of Science and Technology Associations', aliases: ['Vusta'],
     kind: 'association'}),
  (ttxvn:Organization {key: 'org/ttxvn', name: 'Thông tấn xã Việt Nam', name_en: 'Vietnam News Agency',
     aliases: ['TTXVN'], kind: 'news agency'}),
  (trung:Person {key: 'person/le-hoai-trung', name: 'Lê Hoài Trung',
     titles: ['Ủy viên Trung ương Đảng', 'Thứ Trưởng Bộ Ngoại Giao', 'Chủ tịch Uỷ ban Quốc gia UNESCO Việt Nam']}),
  (ngoc:Person {key: 'person/ha-kim-ngoc', name: 'Hà Kim Ngọc',
     titles: ['Thứ trưởng Ngoại giao', 'Chủ tịch Ủy ban Quốc gia UNESCO']}),
  (son:Person {key: 'person/bui-thanh-son', name: 'Bùi Thanh Sơn', titles: ['Bộ trưởng Ngoại giao']}),
  (thao:Person {key: 'person/pham-quang-thao', name: 'Phạm Quang Thao', titles: ['PGS.TS', 'Phó Chủ tịch Vusta']}),
  (xing:Person {key: 'person/xing-qu', name: 'Xing Qu', titles: ['UNESCO Deputy Director-General']}),
  (tolam:Person {key: 'person/to-lam', name: 'Tô Lâm', name_en: 'To Lam',
     titles: ['General Secretary', 'President']}),
  (hanoi:Place {key: 'place/ha-noi', name: 'Hà Nội', name_en: 'Hanoi'}),
  (paris:Place {key: 'place/paris', name: 'Paris'}),
  (quangninh:Place {key: 'place/quang-ninh', name: 'Quảng Ninh'}),
  (ninhbinh:Place {key: 'place/ninh-binh', name: 'Ninh Bình'}),
  (hagiang:Place {key: 'place/ha-giang', name: 'Hà Giang'}),
  (halong:Site {key: 'site/vinh-ha-long', name: 'Vịnh Hạ Long', name_en: 'Ha Long Bay', kind: 'World Heritage'}),
  (trangan:Site {key: 'site/trang-an', name: 'Quần thể danh thắng Tràng An',
     name_en: 'Trang An Landscape Complex', kind: 'World Heritage'}),
  (dongvan:Site {key: 'site/dong-van', name: 'Công viên địa chất toàn cầu Cao nguyên đá Đồng Văn',
     name_en: 'Dong Van Karst Plateau Global Geopark', kind: 'Global Geopark'}),
  (conf2024:Event {key: 'event/hoi-nghi-ngoai-giao-van-hoa-2024',
     name: 'Hội nghị triển khai công tác Ngoại giao văn hóa năm 2024', start: date('2024-07-09'),
     kind: 'conference', mode: 'hybrid'}),
  (review2020:Event {key: 'event/ubqg-unesco-tong-ket-2020',
     name: 'Hội nghị Tổng kết công tác 2020 của Ủy ban Quốc gia UNESCO Việt Nam', kind: 'conference'}),
  (workshop:Event {key: 'event/vusta-hoi-thao-2021',
     name: 'Hội thảo tham vấn tổng kết 10 năm thực hiện chỉ thị của Ban Bí thư', start: date('2021-05-21'),
     kind: 'workshop'}),
  (dialogue:Event {key: 'event/doi-thoai-unesco-han-quoc',
     name: 'Đối thoại chính sách cấp cao giữa UNESCO và Hàn Quốc', kind: 'dialogue'}),
  (visit:Event {key: 'event/to-lam-tham-unesco-2024', name: 'Official visit to UNESCO',
     start: date('2024-10-07'), kind: 'visit'}),
  (ct04:Instrument {key: 'instrument/chi-thi-04-ct-tw', name: 'Chỉ thị 04-CT/TW', code: '04-CT/TW',
     date: date('2011-07-06')}),
  (doc0:Document {key: 'document/000', file: '000_c5fbaf1b4b3dac42.txt', name: 'Hội nghị Tổng kết 2020',
     title: 'Hội nghị Tổng kết công tác 2020 và phương hướng năm 2021 của Uỷ ban quốc gia UNESCO Việt Nam',
     language: 'vi'}),
  (doc3:Document {key: 'document/003', file: '003_a7cc165427335d0e.txt', name: 'Vietnam becomes model',
     title: 'Vietnam becomes model of effective cooperation with UNESCO', published: date('2024-10-03'),
     language: 'en'}),
  (doc4:Document {key: 'document/004', file: '004_13d2b43e3800a43f.txt', name: 'Ngoại giao văn hóa 2024',
     title: 'Đổi mới, sáng tạo, linh hoạt trong triển khai công tác ngoại giao văn hóa',
     published: date('2024-07-11'), language: 'vi'}),
  (trung)-[:HOLDS_POSITION {role: 'Thứ Trưởng', role_en: 'Deputy Minister', source: 'document/000'}]->(mofa),
  (trung)-[:HOLDS_POSITION {role: 'Chủ tịch', role_en: 'Chair', source: 'document/000'}]->(natcom),
  (ngoc)-[:HOLDS_POSITION {role: 'Thứ trưởng', role_en: 'Deputy Minister', source: 'document/004'}]->(mofa),
  (ngoc)-[:HOLDS_POSITION {role: 'Chủ tịch', role_en: 'Chair', source: 'document/004'}]->(natcom),
  (ngoc)-[:HOLDS_POSITION {role: 'Trưởng Ban', role_en: 'Head', source: 'document/004'}]->(steering),
  (son)-[:HOLDS_POSITION {role: 'Bộ trưởng', role_en: 'Minister', source: 'document/004'}]->(mofa),
  (thao)-[:HOLDS_POSITION {role: 'Phó Chủ tịch', role_en: 'Vice-President'}]->(vusta),
  (xing)-[:HOLDS_POSITION {role: 'Deputy Director-General', role_en: 'Deputy Director-General',
     source: 'document/003'}]->(unesco),
  (steering)-[:PART_OF]->(mofa),
  (whc)-[:PART_OF]->(unesco),
  (vn)-[:MEMBER_OF {role: 'member', valid_from: '1976'}]->(unesco),
  (kr)-[:MEMBER_OF {role: 'member'}]->(unesco),
  (fr)-[:MEMBER_OF {role: 'member'}]->(unesco),
  (vn)-[:MEMBER_OF {role: 'member', valid_from: '2023', valid_to: '2027'}]->(whc),
  (vn)-[:JOINED {date: '1976'}]->(unesco),
  (kr)-[:PARTNER_OF]->(unesco),
  (vn)-[:PARTNER_OF {since: '1976'}]->(unesco),
  (son)-[:CHAIRED {role: 'chair'}]->(conf2024),
  (ngoc)-[:ATTENDED {role: 'Trưởng Ban Chỉ đạo'}]->(conf2024),
  (mofa)-[:ORGANIZED]->(conf2024),
  (conf2024)-[:HELD_IN]->(mofa),
  (trung)-[:CHAIRED {role: 'chair'}]->(review2020),
  (natcom)-[:ORGANIZED]->(review2020),
  (unesco)-[:ATTENDED]->(review2020),
  (thao)-[:CHAIRED {role: 'chair'}]->(workshop),
  (vusta)-[:ORGANIZED]->(workshop),
  (workshop)-[:HELD_IN]->(hanoi),
  (workshop)-[:CONCERNS]->(ct04),
  (unesco)-[:ATTENDED]->(dialogue),
  (kr)-[:ATTENDED]->(dialogue),
  (tolam)-[:ATTENDED]->(visit),
  (visit)-[:HELD_IN]->(unesco),
  (unesco)-[:LOCATED_IN]->(paris),
  (paris)-[:LOCATED_IN]->(fr),
  (mofa)-[:LOCATED_IN]->(hanoi),
  (hanoi)-[:LOCATED_IN]->(vn),
  (halong)-[:LOCATED_IN]->(quangninh),
  (quangninh)-[:LOCATED_IN]->(vn),
  (trangan)-[:LOCATED_IN]->(ninhbinh),
  (ninhbinh)-[:LOCATED_IN]->(vn),
  (dongvan)-[:LOCATED_IN]->(hagiang),
  (hagiang)-[:LOCATED_IN]->(vn),
  (ttxvn)-[:PUBLISHED]->(doc3),
  (doc0)-[:MENTIONS]->(trung), (doc0)-[:MENTIONS]->(natcom), (doc0)-[:MENTIONS]->(review2020),
  (doc3)-[:MENTIONS]->(xing), (doc3)-[:MENTIONS]->(tolam), (doc3)-[:MENTIONS]->(vn),
  (doc3)-[:MENTIONS]->(unesco), (doc3)-[:MENTIONS]->(visit), (doc3)-[:MENTIONS]->(whc),
  (doc4)-[:MENTIONS]->(son), (doc4)-[:MENTIONS]->(ngoc), (doc4)-[:MENTIONS]->(conf2024),
  (doc4)-[:MENTIONS]->(mofa), (doc4)-[:MENTIONS]->(natcom), (doc4)-[:MENTIONS]->(steering)
)";

std::unique_ptr<kg::Database> FixtureDatabase() {
  kg::DatabaseOptions options;
  options.store.in_memory = true;
  auto db = kg::Database::Open("/kg-help-test", options);
  INFO((db.ok() ? std::string() : db.status().ToString()));
  REQUIRE(db.ok());
  auto created = (*db)->Execute(kFixture);
  INFO((created.ok() ? std::string() : kg::DescribeError(created.status(), kFixture)));
  REQUIRE(created.ok());
  return std::move(db).value();
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

std::string Describe(const kg::Status& status, const std::string& text) {
  return status.ok() ? std::string() : kg::DescribeError(status, text);
}

// Code points: the columns of the help's text, which has no wide characters.
size_t Columns(const std::string& line) {
  size_t n = 0;
  for (char c : line) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Runs the topic's examples in order in one fresh database, so that a
// later example may use what an earlier one wrote. An example that returns
// columns must return rows too: an empty answer would teach nothing.
void RunTopicExamples(const HelpTopic& topic) {
  auto db = FixtureDatabase();
  const kg::ValueMap params = HelpParams(*db);
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
  auto db = FixtureDatabase();
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
  std::string Write(const std::string& name, const std::string& text) const {
    const std::string path = path_ + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// What a person copies from a topic: its Examples block, comments, ':'
// commands and statements, up to "See also".
std::string ExamplesBlock(const HelpTopic& topic) {
  const size_t start = topic.text.find("\nExamples:\n");
  REQUIRE(start != std::string::npos);
  const size_t body = start + std::string("\nExamples:\n").size();
  const size_t end = topic.text.find("\nSee also:", body);
  return topic.text.substr(body, end == std::string::npos ? std::string::npos : end - body);
}

// The Examples block, pasted as it is into the real kg as a script, on a
// database holding the fixture: the comments, the ':param' and ':format'
// lines and the statements spread over several lines all have to work.
void RunTopicBlockInKg(const HelpTopic& topic) {
  INFO("topic: " << topic.name);
  TempDir dir;
  const std::string fixture = dir.Write("fixture.kgq", std::string(kFixture) + ";\n");
  const std::string block = dir.Write("examples.kgq", ExamplesBlock(topic));
  const Run run =
      Shell(std::string(KG_BINARY) + " --db " + dir.path() + "/db -f " + fixture + " -f " + block + " < /dev/null");
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

// One test per topic ("help examples of order by run"), so that a failure
// names its topic and one topic can be run alone.
struct RegisterTopicTests {
  RegisterTopicTests() {
    static std::deque<std::string> names;  // Catch keeps references to the names
    for (const HelpTopic& topic : HelpTopics()) {
      names.push_back("help examples of " + topic.name + " run");
      Catch::AutoReg(new TopicInvoker(&topic), Catch::SourceLineInfo(__FILE__, __LINE__), Catch::StringRef(),
                     Catch::NameAndTags{names.back(), "[help][examples]"});
      // The command line topic shows kg command lines, not lines to paste.
      if (topic.name == "command line") continue;
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
  kg::shell::Session session(FixtureDatabase(), "fixture", kg::shell::SessionOptions{}, out, err);
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
  CheckClaim("strings", "'(?i)xing.*' finds 'Xing Qu'", "'Xing Qu' =~ '(?i)xing.*'", "true");
  CheckClaim("strings", "'(?i)lê.*'\ndoes not find 'LÊ'", "'LÊ' =~ '(?i)lê.*'", "false");
  CheckClaim("strings", "'Uỷ' and 'Ủy' are different", "'Uỷ' = 'Ủy'", "false");
  CheckClaim("order by", "'Đ' comes after 'Z'", "'Đ' > 'Z'", "true");
  CheckClaim("order by", "'Hà' after 'Hu'", "'Hà' > 'Hu'", "true");
  CheckClaim("functions", "(toUpper, TOUPPER)", "TOUPPER('huế')", "'HUẾ'");
}

TEST_CASE("what the dates topic says holds", "[help][claims]") {
  CheckClaim("dates", "date('2024-07'), date('2024')", "[date('2024-07'), date('2024')]",
             "[date('2024-07-01'), date('2024-01-01')]");
  CheckClaim("dates", "20240709, 2024-W28-2 (week), 2024-191 (day)",
             "[date('20240709'), date('2024-W28-2'), date('2024-191')]",
             "[date('2024-07-09'), date('2024-07-09'), date('2024-07-09')]");
  CheckClaim("dates", "{year, quarter, dayOfQuarter}", "date({year: 2024, quarter: 3, dayOfQuarter: 9})",
             "date('2024-07-09')");
  CheckClaim("dates", "d.dayOfWeek (Monday is 1)", "date('2024-07-08').dayOfWeek", "1");
  CheckClaim("dates", "d.year, d.month,\nd.day, d.quarter",
             "[date('2024-07-09').year, date('2024-07-09').month, date('2024-07-09').day, "
             "date('2024-07-09').quarter]",
             "[2024, 7, 9, 3]");
  auto db = FixtureDatabase();
  CheckRefused(*db, "RETURN date('2024-07-09') + 1", "cannot add");
  for (const char* fn : {"datetime()", "localdatetime()", "time()", "localtime()", "duration('P1D')"}) {
    CheckRefused(*db, std::string("RETURN ") + fn, "not supported yet");
  }
}

TEST_CASE("what the where, lists and optional match topics say holds", "[help][claims]") {
  CheckClaim("where", "chained: date('2021-01-01') <= e.start < date('2025-01-01')",
             "date('2021-01-01') <= date('2024-07-09') < date('2025-01-01')", "true");
  CheckClaim("lists", "On an empty list any() is false and all() is true",
             "[any(x IN [] WHERE x > 0), all(x IN [] WHERE x > 0)]", "[false, true]");
  // A WHERE after OPTIONAL MATCH keeps every person.
  auto db = FixtureDatabase();
  auto r = db->Execute(
      "MATCH (p:Person) OPTIONAL MATCH (p)-[:CHAIRED]->(e:Event) WHERE e.start.year = 2024 RETURN p.name, e.name");
  REQUIRE(r.ok());
  CHECK(r->rows.size() == 6);
  CheckRefused(*db, "MATCH (p:Person) WHERE count(p) > 1 RETURN p", "not allowed in WHERE");
  CheckRefused(*db, "MATCH (p:Person)", "cannot end with MATCH");
}

TEST_CASE("what the write topics say holds", "[help][claims]") {
  auto db = FixtureDatabase();
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
  auto r = db->Execute("MATCH (s:Site {key: 'site/vinh-ha-long'}) SET s.name_en = null RETURN keys(s) AS k");
  REQUIRE(r.ok());
  CHECK(r->rows.at(0).at(0).ToString() == "['key', 'kind', 'name']");
}

TEST_CASE("a parameter works as SKIP and LIMIT, as the skip and limit topic says", "[help][claims]") {
  CHECK(Topic("skip and limit").text.find("(LIMIT $n)") != std::string::npos);
  auto db = FixtureDatabase();
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
  auto db = FixtureDatabase();
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
  auto db = FixtureDatabase();
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
