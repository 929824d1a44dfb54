// The language test runner: reads every *.test file under the language test
// directory (format in README.md beside this file) and registers each case
// as its own Catch2 test, named "<folder>/<case>", tagged [language] and
// [<folder>], so that `kg_language_tests "match/several_labels"` or
// `ctest -R match/` runs a single case or an area.
//
// Each case runs in a fresh database in a temporary directory: the file's
// setup, the case's setup, then its steps in order. A step is a query and
// what it must give: rows (unordered unless asked), no rows, or an error of
// a kind; optionally the statistics and text the plan must (not) contain.
#define CATCH_CONFIG_RUNNER
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "data_cases.h"
#include "main/database.h"
#include "test_util.h"

#ifndef KG_LANGUAGE_TEST_DIR
#error "KG_LANGUAGE_TEST_DIR must name the directory of the language test files"
#endif

namespace kg::test {
namespace {

namespace fs = std::filesystem;

// What one query must give.
struct Step {
  int line = 0;  // of the `query:` line
  std::string query;
  enum class Expect { kNone, kRows, kOk, kError } expect = Expect::kNone;
  bool ordered = false;
  std::string header;             // kRows: column names joined by " | "
  std::vector<std::string> rows;  // kRows: cells joined by " | "
  std::string error_kind;         // kError: "syntax", "semantic", ..., or "runtime or semantic"
  std::optional<std::string> message;
  std::optional<Position> position;
  std::vector<std::pair<std::string, int64_t>> stats;
  std::vector<std::string> plan_contains;
  std::vector<std::string> plan_lacks;
};

struct Case {
  std::string name;  // "<folder>/<case>"
  std::string file;
  int line = 0;
  std::string file_setup;
  std::string setup;
  std::vector<std::pair<std::string, std::string>> params;  // name, expression
  std::optional<Date> as_of;                                // `as of:` (as-of mode for every query)
  std::optional<int64_t> memory_limit;                      // `memory limit:` (bytes, for every query)
  std::vector<Step> steps;
};

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

bool StartsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// Reads one .test file. Returns an error message ("file:line: why") or "".
class FileParser {
 public:
  FileParser(std::string path, std::string folder) : path_(std::move(path)), folder_(std::move(folder)) {}

  std::string Parse(std::vector<Case>* out) {
    std::ifstream in(path_);
    if (!in) return path_ + ": cannot read";
    std::string raw;
    int number = 0;
    while (std::getline(in, raw)) {
      ++number;
      line_ = number;
      std::string err = Line(raw);
      if (!err.empty()) return path_ + ":" + std::to_string(number) + ": " + err;
    }
    std::string err = FinishCase();
    if (!err.empty()) return path_ + ": " + err;
    if (cases_.empty()) return path_ + ": no cases";
    for (Case& c : cases_) c.file_setup = file_setup_;
    out->insert(out->end(), cases_.begin(), cases_.end());
    return "";
  }

 private:
  // Where body lines go.
  enum class Body { kNone, kFileSetup, kSetup, kQuery, kRows };

  std::string Line(const std::string& raw) {
    const std::string line = Trim(raw);
    if (StartsWith(line, "#")) {
      if (current_ && current_->steps.empty()) has_comment_ = true;
      return "";
    }
    if (!StartsWith(raw, " ") && !StartsWith(raw, "\t")) {
      std::string err;
      if (Directive(line, &err)) return err;
    }
    if (line.empty()) return "";
    switch (body_) {
      case Body::kNone:
        return "text outside a block: " + line;
      case Body::kFileSetup:
        file_setup_ += raw + "\n";
        return "";
      case Body::kSetup:
        current_->setup += raw + "\n";
        return "";
      case Body::kQuery:
        // Lines joined without a final newline: the query ends where its
        // text does, so an error at the end points into the last line.
        if (!Last().query.empty()) Last().query += "\n";
        Last().query += raw;
        return "";
      case Body::kRows:
        if (!have_header_) {
          Last().header = line;
          have_header_ = true;
        } else {
          Last().rows.push_back(line);
        }
        return "";
    }
    return "";
  }

  // Handles `line` if it is a directive; sets *err when it is a bad one.
  bool Directive(const std::string& line, std::string* err) {
    static const std::regex kCase(R"(^case:\s*([a-z0-9_]+)$)");
    static const std::regex kParam(R"(^param\s+([A-Za-z_][A-Za-z0-9_]*):\s*(.+)$)");
    static const std::regex kStats(R"(^stats:\s*(.+)$)");
    static const std::regex kStat(R"(^\s*([a-z_]+):\s*(-?[0-9]+)\s*$)");
    static const std::regex kError(
        R"(^error:\s*((syntax|semantic|runtime|constraint|usage)( or (syntax|semantic|runtime|constraint|usage))*)$)");
    static const std::regex kPosition(R"(^position:\s*([0-9]+):([0-9]+)$)");
    std::smatch m;
    if (StartsWith(line, "case:")) {
      *err = FinishCase();
      if (!err->empty()) return true;
      if (!std::regex_match(line, m, kCase)) {
        *err = "a case name is lower-case letters, digits and '_': " + line;
        return true;
      }
      cases_.emplace_back();
      current_ = &cases_.back();
      current_->name = folder_ + "/" + m[1].str();
      current_->file = path_;
      current_->line = line_;
      has_comment_ = false;
      body_ = Body::kNone;
      return true;
    }
    if (line == "setup:") {
      if (!current_) {
        if (!cases_.empty() || !file_setup_.empty()) {
          *err = "the file's setup comes once, before the first case";
        }
        body_ = Body::kFileSetup;
      } else if (!current_->steps.empty() || !current_->setup.empty()) {
        *err = "a case's setup comes once, before its first query";
      } else {
        body_ = Body::kSetup;
      }
      return true;
    }
    if (line == "query:") {
      if (!current_) {
        *err = "query: outside a case";
        return true;
      }
      if (!has_comment_) {
        *err = "case " + current_->name + " needs a '#' comment saying why it exists, before its first query";
        return true;
      }
      if (!current_->steps.empty() && Last().expect == Step::Expect::kNone) {
        *err = "the previous query has no expectation (rows:, ok or error:)";
        return true;
      }
      current_->steps.emplace_back();
      Last().line = line_;
      body_ = Body::kQuery;
      return true;
    }
    // The rest describe the last query.
    const bool is_expectation = line == "rows:" || line == "rows ordered:" || line == "ok" ||
                                StartsWith(line, "error:") || StartsWith(line, "message:") ||
                                StartsWith(line, "position:") || StartsWith(line, "stats:") ||
                                StartsWith(line, "plan:") || StartsWith(line, "plan without:");
    if (StartsWith(line, "as of:")) {
      std::optional<Date> day = Date::Parse(Trim(line.substr(6)));
      if (!current_ || !current_->steps.empty()) {
        *err = "an as of: line belongs to a case, before its first query";
      } else if (!day) {
        *err = "as of: takes a day, YYYY-MM-DD";
      } else {
        current_->as_of = day;
        body_ = Body::kNone;
      }
      return true;
    }
    if (StartsWith(line, "memory limit:")) {
      // A number of KiB: small limits make the limit's error deterministic.
      static const std::regex kKib(R"((\d+) KiB)");
      std::smatch size;
      const std::string text = Trim(line.substr(13));
      if (!current_ || !current_->steps.empty()) {
        *err = "a memory limit: line belongs to a case, before its first query";
      } else if (!std::regex_match(text, size, kKib)) {
        *err = "memory limit: takes a number of KiB, such as 64 KiB";
      } else {
        current_->memory_limit = std::stoll(size[1]) * 1024;
        body_ = Body::kNone;
      }
      return true;
    }
    if (std::regex_match(line, m, kParam)) {
      if (!current_ || !current_->steps.empty()) {
        *err = "param lines belong to a case, before its first query";
      } else {
        current_->params.emplace_back(m[1].str(), m[2].str());
        body_ = Body::kNone;
      }
      return true;
    }
    if (!is_expectation) return false;
    if (!current_ || current_->steps.empty()) {
      *err = "an expectation without a query: " + line;
      return true;
    }
    Step& step = Last();
    body_ = Body::kNone;
    auto set_expect = [&](Step::Expect e) {
      if (step.expect != Step::Expect::kNone) {
        *err = "a query has one of rows:, ok, error:";
      }
      step.expect = e;
    };
    if (line == "rows:" || line == "rows ordered:") {
      set_expect(Step::Expect::kRows);
      step.ordered = line == "rows ordered:";
      body_ = Body::kRows;
      have_header_ = false;
    } else if (line == "ok") {
      set_expect(Step::Expect::kOk);
    } else if (StartsWith(line, "error:")) {
      if (!std::regex_match(line, m, kError)) {
        *err = "error: takes syntax, semantic, runtime, constraint or usage (or several: 'runtime or semantic')";
        return true;
      }
      set_expect(Step::Expect::kError);
      step.error_kind = m[1].str();
    } else if (StartsWith(line, "message:")) {
      step.message = Trim(line.substr(8));
      if (step.expect != Step::Expect::kError) *err = "message: follows error:";
    } else if (StartsWith(line, "position:")) {
      if (!std::regex_match(line, m, kPosition)) {
        *err = "position: takes line:column";
        return true;
      }
      step.position = Position{std::stoi(m[1].str()), std::stoi(m[2].str())};
      if (step.expect != Step::Expect::kError) *err = "position: follows error:";
    } else if (StartsWith(line, "stats:")) {
      std::string list = Trim(line.substr(6));
      std::stringstream ss(list);
      std::string item;
      while (std::getline(ss, item, ',')) {
        if (!std::regex_match(item, m, kStat)) {
          *err = "stats: takes name: number, ...";
          return true;
        }
        step.stats.emplace_back(m[1].str(), std::stoll(m[2].str()));
      }
    } else if (StartsWith(line, "plan without:")) {
      step.plan_lacks.push_back(Trim(line.substr(13)));
    } else if (StartsWith(line, "plan:")) {
      step.plan_contains.push_back(Trim(line.substr(5)));
    }
    return true;
  }

  std::string FinishCase() {
    if (!current_) return "";
    if (current_->steps.empty()) return "case " + current_->name + " has no query";
    for (const Step& s : current_->steps) {
      if (s.expect == Step::Expect::kNone) {
        return "case " + current_->name + ": the query at line " + std::to_string(s.line) +
               " has no expectation (rows:, ok or error:)";
      }
      if (s.expect == Step::Expect::kRows && s.header.empty()) {
        return "case " + current_->name + ": rows: needs a header line of column names";
      }
    }
    return "";
  }

  Step& Last() { return current_->steps.back(); }

  std::string path_;
  std::string folder_;
  int line_ = 0;
  std::string file_setup_;
  std::deque<Case> cases_;  // stable addresses for current_
  Case* current_ = nullptr;
  Body body_ = Body::kNone;
  bool has_comment_ = false;
  bool have_header_ = false;
};

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += " | ";
    out += parts[i];
  }
  return out;
}

std::string RowText(const std::vector<Value>& row) {
  std::vector<std::string> cells;
  for (const Value& v : row) cells.push_back(v.ToString());
  return Join(cells);
}

std::string ResultText(const QueryResult& r) {
  std::string out = "  " + Join(r.columns) + "\n";
  for (const auto& row : r.rows) out += "  " + RowText(row) + "\n";
  return out;
}

const char* KindWord(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kSyntax:
      return "syntax";
    case ErrorKind::kSemantic:
      return "semantic";
    case ErrorKind::kRuntime:
      return "runtime";
    case ErrorKind::kConstraint:
      return "constraint";
    case ErrorKind::kUsage:
      return "usage";
    default:
      return ErrorKindName(kind);
  }
}

// True when `kind` is one of "a or b or ...".
bool KindAllowed(const std::string& kind, const std::string& allowed) {
  std::stringstream ss(allowed);
  std::string word;
  while (ss >> word) {
    if (word == kind) return true;
  }
  return false;
}

std::optional<int64_t> StatValue(const QueryStats& s, const std::string& name) {
  if (name == "nodes_created") return s.nodes_created;
  if (name == "nodes_deleted") return s.nodes_deleted;
  if (name == "relationships_created") return s.relationships_created;
  if (name == "relationships_deleted") return s.relationships_deleted;
  if (name == "properties_set") return s.properties_set;
  if (name == "labels_added") return s.labels_added;
  if (name == "labels_removed") return s.labels_removed;
  return std::nullopt;
}

// Runs setup text (any number of ';'-separated statements); it must succeed.
void RunSetup(Database& db, const std::string& text, const char* what) {
  if (Trim(text).empty()) return;
  auto r = db.ExecuteAll(text);
  INFO(what << " failed:\n" << IndentLines(text) << DescribeError(r.status(), text));
  REQUIRE(r.ok());
}

void RunStep(Database& db, const Step& step, const ValueMap& params, const Case& c) {
  auto result = db.Execute(step.query, params);
  const std::string where = c.file + ":" + std::to_string(step.line);
  std::string what = where + "\nquery:\n" + IndentLines(step.query);
  if (step.expect == Step::Expect::kError) {
    what += "expected: " + step.error_kind + " error";
    if (step.message) what += " with message containing '" + *step.message + "'";
    if (step.position) {
      what += " at " + std::to_string(step.position->line) + ":" + std::to_string(step.position->column);
    }
    what += "\nactual: ";
    if (result.ok()) {
      what += "success with\n" + ResultText(*result);
      FAIL(what);
    }
    const Status& s = result.status();
    what +=
        s.ToString() + " (at " + std::to_string(s.position().line) + ":" + std::to_string(s.position().column) + ")";
    INFO(what);
    CHECK(KindAllowed(KindWord(s.kind()), step.error_kind));
    if (step.message) CHECK(s.message().find(*step.message) != std::string::npos);
    if (step.position) {
      CHECK(s.position().line == step.position->line);
      CHECK(s.position().column == step.position->column);
    }
    return;
  }
  if (!result.ok()) {
    FAIL(what << "expected success, actual error:\n" << DescribeError(result.status(), step.query));
  }
  const QueryResult& r = *result;
  if (step.expect == Step::Expect::kOk) {
    INFO(what << "expected: no rows\nactual:\n" << ResultText(r));
    CHECK(r.rows.empty());
  } else {
    std::vector<std::string> expected = step.rows;
    std::vector<std::string> actual;
    for (const auto& row : r.rows) actual.push_back(RowText(row));
    std::string text =
        what + "expected (" + (step.ordered ? "in this order" : "in any order") + "):\n  " + step.header + "\n";
    for (const auto& row : step.rows) text += "  " + row + "\n";
    text += "actual:\n" + ResultText(r);
    if (!r.plan.empty()) text += "plan:\n" + IndentLines(r.plan);
    INFO(text);
    CHECK(Join(r.columns) == step.header);
    if (!step.ordered) {
      std::sort(expected.begin(), expected.end());
      std::sort(actual.begin(), actual.end());
    }
    CHECK(actual == expected);
  }
  for (const auto& [name, want] : step.stats) {
    const std::optional<int64_t> got = StatValue(r.stats, name);
    INFO(what << "stat " << name);
    REQUIRE(got.has_value());
    CHECK(*got == want);
  }
  for (const std::string& text : step.plan_contains) {
    INFO(what << "expected the plan to contain '" << text << "'; plan:\n" << r.plan);
    CHECK(r.plan.find(text) != std::string::npos);
  }
  for (const std::string& text : step.plan_lacks) {
    INFO(what << "expected the plan not to contain '" << text << "'; plan:\n" << r.plan);
    CHECK(r.plan.find(text) == std::string::npos);
  }
}

void RunCase(const Case& c) {
  // The language does not depend on where the store keeps its files (the
  // storage tests cover the disk): an in-memory database per case is fast.
  TempDir dir;
  DatabaseOptions options;
  options.store.in_memory = true;
  options.store.block_cache_bytes = size_t{8} << 20;
  // Whole-graph reads go through the in-memory projection from the first
  // node on, so every case also checks it (the TCK runs with the default,
  // and so reads RocksDB on its small graphs).
  options.project_after_steps = 0;
  // kg.evidence reads the seed articles (tests/language/evidence).
  options.sources_dir = KG_SOURCES_DIR;
  auto opened = Database::Open(dir.Sub("db"), options);
  if (!opened.ok()) FAIL("cannot open a database: " << opened.status().ToString());
  Database& db = **opened;
  RunSetup(db, c.file_setup, "the file's setup");
  RunSetup(db, c.setup, "the case's setup");
  ValueMap params;
  for (const auto& [name, expr] : c.params) {
    const std::string text = "RETURN " + expr + " AS v";
    auto r = db.Execute(text);
    INFO("parameter $" << name << ": " << text << "\n" << DescribeError(r.status(), text));
    REQUIRE(r.ok());
    REQUIRE(r->rows.size() == 1);
    params[name] = r->rows[0][0];
  }
  db.SetAsOf(c.as_of);
  if (c.memory_limit) db.SetMemoryLimit(*c.memory_limit);
  for (const Step& step : c.steps) RunStep(db, step, params, c);
  // Whatever the setup and the queries wrote (or refused to write), the
  // database still agrees with itself: records, adjacency, labels, indexes,
  // keys and counts (storage/consistency_check.h). Every write path the
  // language has is some case's, so each is checked here.
  auto report = db.CheckConsistency();
  INFO(c.file << ": the consistency check after case " << c.name);
  REQUIRE(report.ok());
  std::string problems;
  for (const std::string& line : report->problems) problems += "  " + line + "\n";
  INFO("inconsistencies:\n" << problems);
  CHECK(report->clean());
}

void RegisterAll() {
  static DataCases<Case> cases("the language test files", "language/file_format", "[language]", RunCase);
  // KG_LANGUAGE_TEST_DIR in the environment runs another set of files (e.g.
  // cases kept aside until the engine handles them).
  const char* dir = std::getenv("KG_LANGUAGE_TEST_DIR");
  const fs::path root(dir && *dir ? dir : KG_LANGUAGE_TEST_DIR);
  for (const fs::path& file : cases.ListFiles(root, ".test", /*recursive=*/true)) {
    const std::string folder = file.parent_path().lexically_relative(root).generic_string();
    std::vector<Case> parsed;
    const std::string err = FileParser(file.string(), folder).Parse(&parsed);
    if (!err.empty()) {
      cases.AddError(err);
      continue;
    }
    for (Case& c : parsed) {
      const Case& kept = cases.Add(std::move(c));
      const std::string area = kept.name.substr(0, kept.name.find('/'));
      cases.Register(kept, kept.name, kept.file, kept.line, "[language][" + area + "]");
    }
  }
}

}  // namespace
}  // namespace kg::test

int main(int argc, char* argv[]) {
  kg::test::RegisterAll();
  return Catch::Session().run(argc, argv);
}
