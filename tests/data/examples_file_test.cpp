// data/examples.kgq and tests/data/examples.expected must describe the same
// questions in the same order, each query with an ORDER BY (so that its rows
// can be compared in order) and each answer with at least one row. Running the
// queries needs `kg import`; see data/README.md.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace kg::data_test {
namespace {

struct Block {
  int number = 0;
  std::string question;
  std::vector<std::string> lines;  // the lines after the heading
  int line = 0;                    // of the heading
};

std::vector<std::string> Lines(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Splits at headings "PREFIX N. question".
std::vector<Block> Blocks(const std::vector<std::string>& lines, const std::string& prefix) {
  const std::regex heading(prefix + " (\\d+)\\. (.+)");
  std::vector<Block> blocks;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::smatch m;
    if (std::regex_match(lines[i], m, heading)) {
      blocks.push_back(Block{std::stoi(m[1].str()), m[2].str(), {}, static_cast<int>(i) + 1});
    } else if (!blocks.empty()) {
      blocks.back().lines.push_back(lines[i]);
    }
  }
  return blocks;
}

TEST_CASE("data examples: every query is numbered, commented, ordered and has its expected answer", "[data]") {
  const auto queries = Blocks(Lines(KG_DATA_DIR "/examples.kgq"), "//");
  const auto answers = Blocks(Lines(KG_DATA_TEST_DIR "/examples.expected"), "==");
  CHECK(queries.size() >= 20);
  REQUIRE(queries.size() == answers.size());
  for (size_t i = 0; i < queries.size(); ++i) {
    const auto& q = queries[i];
    const std::string where = "data/examples.kgq:" + std::to_string(q.line);
    if (q.number != static_cast<int>(i) + 1)
      FAIL_CHECK(where + ": query " + std::to_string(i + 1) + " is numbered " + std::to_string(q.number));
    std::string text;
    for (const auto& line : q.lines) {
      if (line.rfind("//", 0) != 0) text += line + "\n";
    }
    if (text.find("ORDER BY") == std::string::npos) FAIL_CHECK(where + ": the query has no ORDER BY");
    if (text.find(';') == std::string::npos) FAIL_CHECK(where + ": the query does not end with ';'");
    const auto& a = answers[i];
    const std::string answer_at = "tests/data/examples.expected:" + std::to_string(a.line);
    if (a.number != q.number || a.question != q.question)
      FAIL_CHECK(answer_at + ": \"" + std::to_string(a.number) + ". " + a.question + "\" does not answer \"" +
                 std::to_string(q.number) + ". " + q.question + "\"");
    size_t rows = 0;
    for (const auto& line : a.lines) rows += line.empty() ? 0 : 1;
    if (rows < 2) FAIL_CHECK(answer_at + ": an answer needs a header and at least one row");
  }
}

}  // namespace
}  // namespace kg::data_test
