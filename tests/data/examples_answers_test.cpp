// The answers of data/examples.kgq, as a new user gets them: `kg` started
// with a fresh home builds the bundled graph (compiled into the program) and
// `kg -f data/examples.kgq --format csv` must print, query by query, the rows
// of tests/data/examples.expected. The same answers must come from a
// database loaded with `kg import data/graph`. A database built from other
// data is rebuilt.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

struct Run {
  int exit_code = -1;
  std::string out, err;
};

// Runs `kg ARGS` with HOME and XDG_DATA_HOME inside `home`.
Run RunKg(const fs::path& home, const std::string& args) {
  const fs::path out = home / "stdout.txt", err = home / "stderr.txt";
  const std::string command = "env -u XDG_DATA_HOME -u XDG_STATE_HOME HOME=" + Quote(home.string()) + " " +
                              Quote(KG_BINARY) + " " + args + " </dev/null >" + Quote(out.string()) + " 2>" +
                              Quote(err.string());
  const int status = std::system(command.c_str());
  Run run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = ReadFile(out);
  run.err = ReadFile(err);
  return run;
}

struct TempHome {
  fs::path path;
  TempHome() {
    std::string pattern = (fs::temp_directory_path() / "kg-examples-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempHome() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

// Blocks of lines separated by empty lines.
std::vector<std::vector<std::string>> Blocks(const std::vector<std::string>& lines) {
  std::vector<std::vector<std::string>> blocks(1);
  for (const std::string& line : lines) {
    if (line.empty()) {
      if (!blocks.back().empty()) blocks.emplace_back();
    } else {
      blocks.back().push_back(line);
    }
  }
  if (blocks.back().empty()) blocks.pop_back();
  return blocks;
}

struct Expected {
  std::string heading;  // "== 1. Who chaired ..."
  std::vector<std::string> rows;
};

// tests/data/examples.expected: comment lines (#), then per query a heading
// "== N. question" and its CSV lines.
std::vector<Expected> ReadExpected() {
  std::vector<Expected> expected;
  for (const std::string& line : SplitLines(ReadFile(KG_DATA_TEST_DIR "/examples.expected"))) {
    if (line.rfind("==", 0) == 0) {
      expected.push_back(Expected{line, {}});
    } else if (!expected.empty() && !line.empty()) {
      expected.back().rows.push_back(line);
    }
  }
  return expected;
}

void CheckAnswers(const std::string& csv) {
  const std::vector<Expected> expected = ReadExpected();
  const auto blocks = Blocks(SplitLines(csv));
  REQUIRE(expected.size() >= 20);
  CHECK(blocks.size() == expected.size());
  for (size_t i = 0; i < expected.size() && i < blocks.size(); ++i) {
    INFO(expected[i].heading);
    CHECK(blocks[i] == expected[i].rows);
  }
}

TEST_CASE("a new user's kg builds the bundled graph, answers every example question, rebuilds it when the data changed",
          "[data][examples]") {
  TempHome home;
  const std::string examples = Quote(KG_DATA_DIR "/examples.kgq");
  const Run first = RunKg(home.path, "-f " + examples + " --format csv");
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  // The graph loads without a warning: the one line on stderr says it is built.
  const fs::path bundled = home.path / ".local" / "share" / "kg" / "bundled";
  CHECK(first.err == "kg: building the bundled graph in " + bundled.string() + " (once)\n");
  CheckAnswers(first.out);

  // The second start finds it built and says nothing.
  const Run second = RunKg(home.path, "-e \"MATCH (d:Document) RETURN count(d) AS documents\" --format csv");
  CHECK(second.exit_code == 0);
  CHECK(second.err.empty());
  CHECK(SplitLines(second.out) == std::vector<std::string>{"documents", "5"});

  // A database built from other data (here: a fingerprint that differs) is
  // rebuilt, and answers as before.
  {
    std::ofstream stamp(bundled / "kg-bundle-fingerprint", std::ios::trunc);
    stamp << "built from older data\n";
  }
  const Run rebuilt = RunKg(home.path, "-e \"MATCH (d:Document) RETURN count(d) AS documents\" --format csv");
  CHECK(rebuilt.exit_code == 0);
  CHECK(rebuilt.err == "kg: the bundled graph's data changed; rebuilding " + bundled.string() + " (once)\n");
  CHECK(SplitLines(rebuilt.out) == std::vector<std::string>{"documents", "5"});
  CHECK(fs::exists(bundled));
  size_t leftovers = 0;
  for (const auto& entry : fs::directory_iterator(bundled.parent_path())) leftovers += entry.path() != bundled;
  CHECK(leftovers == 0);

  // It is read-only: a write is refused and changes nothing.
  const Run write = RunKg(home.path, "-e \"CREATE (:Person {name: 'x'})\"");
  CHECK(write.exit_code == 1);
  CHECK(write.err.find("read-only") != std::string::npos);
}

TEST_CASE("kg import data/graph gives a database with the same answers", "[data][examples]") {
  TempHome home;
  const std::string db = Quote((home.path / "db").string());
  const Run imported = RunKg(home.path, "import --db " + db + " " + Quote(KG_DATA_DIR "/graph"));
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  CHECK(imported.err.rfind("imported ", 0) == 0);
  const Run answers = RunKg(home.path, "--db " + db + " -f " + Quote(KG_DATA_DIR "/examples.kgq") + " --format csv");
  INFO(answers.err);
  REQUIRE(answers.exit_code == 0);
  CHECK(answers.err.empty());
  CheckAnswers(answers.out);
}

}  // namespace
