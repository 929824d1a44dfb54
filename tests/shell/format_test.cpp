// The golden-output tests of the result writers (shell/output/): reads
// every *.golden file under the golden directory (format in README.md
// there) and registers each file as its own Catch2 test, "golden/<name>",
// tagged [golden], so that `kg_format_tests "golden/paths"` runs one case.
//
// A case runs its setup and query once, in a fresh in-memory database, and
// hands the same results to the writer of every block of the file: the
// formats must agree on the values, and each must print exactly what the
// block says on `out` and `info`.
//
// KG_GOLDEN_UPDATE=1 in the environment rewrites each file's blocks with
// what the writers print now, for a new case or a deliberate change of
// format; read the diff before committing it.
//
// The unit tests beside this file (format_unit_test.cpp) are part of the
// same program.
#define CATCH_CONFIG_RUNNER
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "data_cases.h"
#include "main/database.h"
#include "output/output_format.h"
#include "output/result_writer.h"
#include "test_util.h"

#ifndef KG_FORMAT_GOLDEN_DIR
#error "KG_FORMAT_GOLDEN_DIR must name the directory of the golden files"
#endif

namespace kg::test {
namespace {

namespace fs = std::filesystem;

// How a carriage return is written in a golden file (csv lines end in
// CRLF; an editor or git would not keep a bare CR visible or intact).
const char kCarriageReturn[] = "<CR>";

// One `== format options` block: how to write, and what must come out.
struct Block {
  int line = 0;
  std::string spec;  // the text after "== ", as written
  shell::OutputFormat format = shell::OutputFormat::kTable;
  shell::WriterOptions options;
  double elapsed_ms = 0;  // passed to Write (timing=<ms> turns timing on)
  std::string out;
  std::string info;
};

struct Case {
  std::string name;  // "golden/<file stem>"
  std::string path;
  std::vector<std::string> preamble;  // the lines before the first block, kept by KG_GOLDEN_UPDATE
  std::string setup;
  std::string query;
  std::vector<Block> blocks;
};

bool StartsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

// Reads "== csv", "== table max_width=40 wrap", "== json timing=12.4".
std::string ParseSpec(const std::string& spec, Block* block) {
  std::istringstream words(spec);
  std::string word;
  if (!(words >> word)) return "a block needs a format: == table|csv|tsv|json|jsonl|markdown";
  const auto format = shell::ParseOutputFormat(word);
  if (!format) return "unknown format '" + word + "'";
  block->format = *format;
  static const std::regex kMaxWidth(R"(^max_width=([0-9]+)$)");
  static const std::regex kTiming(R"(^timing=([0-9]+(\.[0-9]+)?)$)");
  std::smatch m;
  while (words >> word) {
    if (word == "wrap") {
      block->options.wrap = true;
    } else if (word == "keep_formulas") {
      block->options.csv_formulas = CsvFormulas::kKeep;
    } else if (std::regex_match(word, m, kMaxWidth)) {
      block->options.max_width = std::stoi(m[1].str());
    } else if (std::regex_match(word, m, kTiming)) {
      block->options.timing = true;
      block->elapsed_ms = std::stod(m[1].str());
    } else {
      return "unknown option '" + word + "' (max_width=N, wrap, keep_formulas, timing=MS)";
    }
  }
  return "";
}

// Lines of a block, as the text a writer must print: trailing empty lines
// dropped (they separate blocks; no writer ends with an empty line).
std::string BlockText(std::vector<std::string> lines) {
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  std::string out;
  for (const std::string& line : lines) out += ReplaceAll(line, kCarriageReturn, "\r") + "\n";
  return out;
}

// Reads one golden file. Returns an error ("file:line: why") or "".
std::string ParseFile(const fs::path& path, Case* c) {
  std::ifstream in(path);
  if (!in) return path.string() + ": cannot read";
  c->path = path.string();
  c->name = "golden/" + path.stem().string();
  enum class Part { kNone, kSetup, kQuery, kOut, kInfo } part = Part::kNone;
  bool has_comment = false;
  std::vector<std::string> out_lines;
  std::vector<std::string> info_lines;
  auto finish_block = [&] {
    if (c->blocks.empty()) return;
    c->blocks.back().out = BlockText(out_lines);
    c->blocks.back().info = BlockText(info_lines);
    out_lines.clear();
    info_lines.clear();
  };
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string where = path.string() + ":" + std::to_string(number) + ": ";
    if (StartsWith(line, "== ")) {
      finish_block();
      Block block;
      block.line = number;
      block.spec = Trim(line.substr(3));
      const std::string err = ParseSpec(block.spec, &block);
      if (!err.empty()) return where + err;
      c->blocks.push_back(block);
      part = Part::kOut;
      continue;
    }
    if (part == Part::kOut || part == Part::kInfo) {
      if (line == "-- info") {
        if (part == Part::kInfo) return where + "a block has one '-- info'";
        part = Part::kInfo;
      } else {
        (part == Part::kOut ? out_lines : info_lines).push_back(line);
      }
      continue;
    }
    // Before the first block: comments, setup: and query:.
    c->preamble.push_back(line);
    if (StartsWith(line, "#")) {
      has_comment = true;
    } else if (line == "setup:") {
      if (!c->setup.empty() || !c->query.empty()) return where + "setup: comes once, before query:";
      part = Part::kSetup;
    } else if (line == "query:") {
      if (!c->query.empty()) return where + "query: comes once";
      if (!has_comment) return where + "the case needs a '#' comment saying why it exists, before query:";
      part = Part::kQuery;
    } else if (part == Part::kSetup) {
      c->setup += line + "\n";
    } else if (part == Part::kQuery) {
      c->query += line + "\n";
    } else if (!Trim(line).empty()) {
      return where + "text outside setup:, query: or a block: " + line;
    }
  }
  finish_block();
  if (Trim(c->query).empty()) return c->path + ": no query:";
  if (c->blocks.empty()) return c->path + ": no '== format' block";
  return "";
}

// Output as a golden file writes it, for messages and KG_GOLDEN_UPDATE.
std::string Visible(const std::string& text) { return ReplaceAll(text, "\r", kCarriageReturn); }

struct Output {
  std::string out;
  std::string info;
};

Output WriteAll(const Block& block, const std::vector<QueryResult>& results) {
  std::ostringstream out;
  std::ostringstream info;
  auto writer = shell::MakeResultWriter(block.format, out, info, block.options);
  for (const QueryResult& r : results) writer->Write(r, block.elapsed_ms);
  writer->Finish();
  return {out.str(), info.str()};
}

// A writer ends every line it starts and never ends with an empty line
// (which is what lets a golden block drop its trailing empty lines).
void CheckEnding(const std::string& text, const std::string& what) {
  if (text.empty()) return;
  INFO(what << ":\n" << IndentLines(Visible(text)));
  CHECK(text.back() == '\n');
  CHECK(text.compare(text.size() >= 2 ? text.size() - 2 : 0, 2, "\n\n") != 0);
}

void Rewrite(const Case& c, const std::vector<Output>& outputs) {
  std::vector<std::string> preamble = c.preamble;
  while (!preamble.empty() && Trim(preamble.back()).empty()) preamble.pop_back();
  std::string text;
  for (const std::string& line : preamble) text += line + "\n";
  for (size_t i = 0; i < c.blocks.size(); ++i) {
    text += "\n== " + c.blocks[i].spec + "\n" + Visible(outputs[i].out);
    if (!outputs[i].info.empty()) text += "-- info\n" + Visible(outputs[i].info);
  }
  std::ofstream(c.path) << text;
}

void RunCase(const Case& c) {
  TempDir dir;
  DatabaseOptions options;
  options.store.in_memory = true;
  options.store.block_cache_bytes = size_t{8} << 20;
  auto opened = Database::Open(dir.Sub("db"), options);
  if (!opened.ok()) FAIL("cannot open a database: " << opened.status().ToString());
  Database& db = **opened;
  if (!Trim(c.setup).empty()) {
    auto setup = db.ExecuteAll(c.setup);
    if (!setup.ok()) FAIL(c.path << ": the setup failed:\n" << DescribeError(setup.status(), c.setup));
  }
  auto results = db.ExecuteAll(c.query);
  if (!results.ok()) FAIL(c.path << ": the query failed:\n" << DescribeError(results.status(), c.query));

  std::vector<Output> outputs;
  for (const Block& block : c.blocks) outputs.push_back(WriteAll(block, *results));
  const char* update = std::getenv("KG_GOLDEN_UPDATE");
  if (update && *update && std::string(update) != "0") {
    Rewrite(c, outputs);
    WARN(c.path << ": rewritten with the output of now");
    return;
  }
  for (size_t i = 0; i < c.blocks.size(); ++i) {
    const Block& block = c.blocks[i];
    const Output& got = outputs[i];
    const std::string where = c.path + ":" + std::to_string(block.line) + ": == " + block.spec;
    CheckEnding(got.out, where + ": out");
    CheckEnding(got.info, where + ": info");
    {
      INFO(where << "\nexpected out:\n"
                 << IndentLines(Visible(block.out)) << "actual out:\n"
                 << IndentLines(Visible(got.out)));
      CHECK(got.out == block.out);
    }
    {
      INFO(where << "\nexpected info:\n"
                 << IndentLines(Visible(block.info)) << "actual info:\n"
                 << IndentLines(Visible(got.info)));
      CHECK(got.info == block.info);
    }
  }
}

void RegisterAll() {
  static DataCases<Case> cases("the golden files", "golden/file_format", "[golden]", RunCase);
  for (const fs::path& file : cases.ListFiles(KG_FORMAT_GOLDEN_DIR, ".golden", /*recursive=*/false)) {
    Case c;
    const std::string err = ParseFile(file, &c);
    if (!err.empty()) {
      cases.AddError(err);
      continue;
    }
    const Case& kept = cases.Add(std::move(c));
    cases.Register(kept, kept.name, kept.path, 1, "[golden]");
  }
}

}  // namespace
}  // namespace kg::test

int main(int argc, char* argv[]) {
  kg::test::RegisterAll();
  return Catch::Session().run(argc, argv);
}
