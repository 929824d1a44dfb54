// The kg program as scripts see it: runs the cases in tests/shell/cli/*.cases
// (format in tests/shell/cli/README.md), each a sequence of shell commands
// with the exact stdout, stderr and exit code expected of each. Every case
// runs in a fresh temporary directory that is also HOME, so `--db db` and
// the bundled graph's location are the case's own.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "data_cases.h"

namespace {

namespace fs = std::filesystem;
using kg::test::DataCases;

struct Step {
  int line = 0;
  std::string command;
  std::string stdin_text;
  std::string stdout_text;
  std::string stderr_text;
  int exit_code = 0;
  bool check_stdout = true;
};

struct Case {
  std::string name;
  std::string file;
  int line = 0;
  std::vector<Step> steps;
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Parses one .cases file:
//   ### case name
//   $ command            (kg at the start of a command, or after |, is the program under test)
//   < a line of stdin
//   a line of expected stdout
//   ! a line of expected stderr
//   ? exit code          (0 when absent)
//   ~ any stdout         (stdout is not compared)
std::string ParseFile(const fs::path& path, const std::string& stem, std::vector<Case>* out) {
  std::ifstream in(path);
  std::string line;
  int number = 0;
  Case* current = nullptr;
  Step* step = nullptr;
  while (std::getline(in, line)) {
    ++number;
    if (line.rfind("### ", 0) == 0) {
      out->push_back(Case{"cli/" + stem + "/" + line.substr(4), path.string(), number, {}});
      current = &out->back();
      step = nullptr;
      continue;
    }
    if (current == nullptr) {
      if (line.empty() || line[0] == '#') continue;
      return path.string() + ":" + std::to_string(number) + ": text before the first '### case'";
    }
    if (line.rfind("$ ", 0) == 0) {
      current->steps.push_back(Step{number, line.substr(2), "", "", "", 0, true});
      step = &current->steps.back();
      continue;
    }
    if (step == nullptr) {
      if (line.empty() || line[0] == '#') continue;
      return path.string() + ":" + std::to_string(number) + ": expected a '$ command' line";
    }
    if (line.rfind("< ", 0) == 0 || line == "<") {
      step->stdin_text += line.substr(std::min<size_t>(2, line.size())) + "\n";
    } else if (line.rfind("! ", 0) == 0 || line == "!") {
      step->stderr_text += line.substr(std::min<size_t>(2, line.size())) + "\n";
    } else if (line.rfind("? ", 0) == 0) {
      step->exit_code = std::stoi(line.substr(2));
    } else if (line == "~") {
      step->check_stdout = false;
    } else {
      step->stdout_text += line + "\n";
    }
  }
  // A blank line separates cases: it belongs to no step's stdout.
  for (Case& c : *out) {
    for (Step& s : c.steps) {
      while (s.stdout_text.size() >= 2 && s.stdout_text.compare(s.stdout_text.size() - 2, 2, "\n\n") == 0) {
        s.stdout_text.pop_back();
      }
      if (s.stdout_text == "\n") s.stdout_text.clear();
    }
  }
  return "";
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

void RunCase(const Case& c) {
  char tmpl[] = "/tmp/kg-cli-XXXXXX";
  REQUIRE(mkdtemp(tmpl) != nullptr);
  const fs::path dir(tmpl);
  static const std::regex kProgram(R"((^|[|;&(]\s*)kg\b)");
  for (const Step& step : c.steps) {
    const std::string command = std::regex_replace(step.command, kProgram, "$1" + std::string(KG_BINARY));
    { std::ofstream(dir / "stdin.txt", std::ios::binary) << step.stdin_text; }
    const std::string wrapped =
        "cd " + Quote(dir.string()) + " && HOME=" + Quote(dir.string()) +
        " XDG_DATA_HOME= XDG_STATE_HOME= LC_ALL=C.UTF-8 KG_CLI_TEST_DIR=" + Quote(KG_CLI_TEST_DIR) + " sh -c " +
        Quote(command) + " <stdin.txt >stdout.txt 2>stderr.txt";
    const int status = std::system(wrapped.c_str());
    const int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::string out = ReadFile(dir / "stdout.txt");
    // CSV ends lines with CRLF (RFC 4180); the case files are plain text.
    out = std::regex_replace(out, std::regex("\r\n"), "\n");
    const std::string err = ReadFile(dir / "stderr.txt");
    INFO(c.file << ":" << step.line << ": $ " << step.command);
    if (step.check_stdout) CHECK(out == step.stdout_text);
    CHECK(err == step.stderr_text);
    CHECK(exit_code == step.exit_code);
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
}

void RegisterAll() {
  static DataCases<Case> cases("the cli case files", "cli/file_format", "[cli]", RunCase);
  for (const fs::path& file : cases.ListFiles(KG_CLI_TEST_DIR, ".cases", /*recursive=*/false)) {
    std::vector<Case> parsed;
    const std::string err = ParseFile(file, file.stem().string(), &parsed);
    if (!err.empty()) cases.AddError(err);
    for (Case& c : parsed) {
      const Case& kept = cases.Add(std::move(c));
      cases.Register(kept, kept.name, kept.file, kept.line, "[cli]");
    }
  }
}

}  // namespace

int main(int argc, char* argv[]) {
  RegisterAll();
  return Catch::Session().run(argc, argv);
}
