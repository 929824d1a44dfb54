#include "tck/case_runner.h"

#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>

#include "main/database.h"
#include "tck/graph_snapshot.h"
#include "tck/tck_value.h"
#include "tck/test_procedure.h"

namespace kg::tck {
namespace {

// A failed step: the reason why.
struct StepFailure {
  std::string reason;
};

constexpr size_t kMaxRowsShown = 20;

std::string Indent(const std::string& text) {
  std::string out = "    ";
  for (char c : text) {
    out += c;
    if (c == '\n') out += "    ";
  }
  return out;
}

std::string RowToString(const std::vector<Value>& row) {
  std::string out = "|";
  for (const Value& v : row) out += " " + v.ToString() + " |";
  return out;
}

std::string RowsToString(const std::vector<std::vector<Value>>& rows) {
  std::string out;
  for (size_t i = 0; i < rows.size() && i < kMaxRowsShown; ++i) out += "\n    " + RowToString(rows[i]);
  if (rows.size() > kMaxRowsShown) out += "\n    ... (" + std::to_string(rows.size()) + " rows)";
  return out;
}

std::string TableToString(const std::vector<TableRow>& table) {
  std::string out;
  for (size_t i = 0; i < table.size() && i <= kMaxRowsShown; ++i) {
    out += "\n    |";
    for (const std::string& cell : table[i]) out += " " + cell + " |";
  }
  if (table.size() > kMaxRowsShown + 1) out += "\n    ... (" + std::to_string(table.size() - 1) + " rows)";
  return out;
}

std::string HeaderToString(const std::vector<std::string>& columns) {
  std::string out = "|";
  for (const std::string& c : columns) out += " " + c + " |";
  return out;
}

class CaseState {
 public:
  explicit CaseState(const CaseEnvironment& env) : env_(env) {}

  std::optional<StepFailure> Open() {
    if (!env_.template_dir.empty() && !env_.in_memory) {
      std::error_code ec;
      std::filesystem::copy(env_.template_dir, env_.db_dir, std::filesystem::copy_options::recursive, ec);
      if (ec) return StepFailure{"runner: cannot copy the empty database: " + ec.message()};
    }
    DatabaseOptions options;
    // Many small databases one after another: a small cache each.
    options.store.block_cache_bytes = size_t{8} << 20;
    options.store.in_memory = env_.in_memory;
    Result<std::unique_ptr<Database>> db = Database::Open(env_.db_dir, options);
    if (!db.ok()) return StepFailure{"cannot open a database: " + db.status().ToString()};
    db_ = std::move(db).value();
    return std::nullopt;
  }

  std::optional<StepFailure> Run(const Step& step) {
    const std::string& t = step.text;
    static const std::regex kNamedGraph("^the (\\S+) graph$");
    static const std::regex kError("^an? (\\w+) should be raised at (compile time|runtime|any time):?\\s*(.*)$");
    std::smatch m;
    if (t == "an empty graph" || t == "any graph") return std::nullopt;
    if (std::regex_match(t, m, kNamedGraph)) return LoadGraph(m[1]);
    if (t == "having executed:" || t == "after having executed:") return Setup(step);
    if (t == "parameters are:" || t == "parameter values are:") return SetParameters(step);
    if (t.rfind("there exists a procedure ", 0) == 0) return DeclareProcedure(step);
    if (t.rfind("executing query:", 0) == 0) return Execute(step, QueryText(step, "executing query:"), true);
    if (t.rfind("executing control query:", 0) == 0) {
      return Execute(step, QueryText(step, "executing control query:"), false);
    }
    if (t == "the result should be empty") return ExpectEmpty();
    if (t == "the result should be, in any order:") return ExpectRows(step, false, false);
    if (t == "the result should be, in order:") return ExpectRows(step, true, false);
    if (t == "the result should be (ignoring element order for lists):") return ExpectRows(step, false, true);
    if (t == "the result should be, in order (ignoring element order for lists):") return ExpectRows(step, true, true);
    if (t == "no side effects") return ExpectSideEffects(SideEffects{}, "no side effects");
    if (t == "the side effects should be:") return ExpectSideEffectsTable(step);
    if (std::regex_match(t, m, kError)) return ExpectError(m[1], m[2], m[3]);
    return StepFailure{"unknown step: " + step.keyword + " " + t};
  }

 private:
  static std::string QueryText(const Step& step, const std::string& prefix) {
    if (step.doc_string) return *step.doc_string;
    return step.text.substr(prefix.size());
  }

  // Runs a query; exceptions that escape the engine become errors.
  Result<QueryResult> Query(const std::string& text, const ValueMap& params) {
    try {
      return db_->Execute(text, params);
    } catch (const std::exception& e) {
      return Status::Runtime(std::string("exception escaped Database::Execute: ") + e.what());
    } catch (...) {
      return Status::Runtime("unknown exception escaped Database::Execute");
    }
  }

  std::optional<StepFailure> LoadGraph(const std::string& name) {
    const std::string path = env_.graphs_dir + "/" + name + "/" + name + ".cypher";
    std::ifstream in(path, std::ios::binary);
    if (!in) return StepFailure{"named graph not found: " + path};
    std::ostringstream text;
    text << in.rdbuf();
    Result<QueryResult> r = Query(text.str(), {});
    if (!r.ok()) return StepFailure{"loading graph " + name + " failed: " + r.status().ToString()};
    return std::nullopt;
  }

  std::optional<StepFailure> Setup(const Step& step) {
    if (!step.doc_string) return StepFailure{"'having executed' without a query"};
    Result<QueryResult> r = Query(*step.doc_string, {});
    if (!r.ok()) {
      return StepFailure{"setup query failed: " + r.status().ToString() + "\n  query:\n" + Indent(*step.doc_string)};
    }
    return std::nullopt;
  }

  std::optional<StepFailure> DeclareProcedure(const Step& step) {
    Result<Procedure> p =
        ParseTestProcedure(step.text.substr(std::string("there exists a procedure ").size()), step.table);
    if (!p.ok()) return StepFailure{"runner: " + p.status().message()};
    db_->RegisterProcedure(std::move(p).value());
    return std::nullopt;
  }

  std::optional<StepFailure> SetParameters(const Step& step) {
    for (const TableRow& row : step.table) {
      if (row.size() != 2) return StepFailure{"runner: a parameter row needs two cells"};
      Result<TckValue> v = ParseTckValue(row[1]);
      if (!v.ok()) return StepFailure{"runner: bad parameter value: " + v.status().message()};
      Result<Value> value = ToKgValue(*v);
      if (!value.ok()) return StepFailure{"runner: " + value.status().message()};
      params_[row[0]] = std::move(value).value();
    }
    return std::nullopt;
  }

  std::optional<StepFailure> Execute(const Step& step, const std::string& text, bool measure) {
    query_ = text;
    std::optional<GraphSnapshot> before;
    if (measure) {
      Result<GraphSnapshot> s = TakeSnapshot(*db_);
      if (!s.ok()) return StepFailure{"runner: cannot read the graph: " + s.status().ToString()};
      before = std::move(s).value();
    }
    result_ = std::make_unique<Result<QueryResult>>(Query(text, params_));
    if (measure) {
      Result<GraphSnapshot> after = TakeSnapshot(*db_);
      if (!after.ok()) return StepFailure{"runner: cannot read the graph: " + after.status().ToString()};
      effects_ = Diff(*before, *after);
    }
    return std::nullopt;
  }

  std::string QueryContext() const { return "\n  query:\n" + Indent(query_); }

  // The failure when the last query failed although rows were expected.
  std::optional<StepFailure> NeedResult() const {
    if (result_ == nullptr) return StepFailure{"runner: a result step before any query"};
    if (!result_->ok()) {
      const Status& st = result_->status();
      return StepFailure{"query failed: " + st.ToString() + QueryContext()};
    }
    return std::nullopt;
  }

  std::optional<StepFailure> ExpectEmpty() {
    if (auto f = NeedResult()) return f;
    const QueryResult& r = **result_;
    if (r.rows.empty()) return std::nullopt;
    return StepFailure{"wrong result: expected no rows, got " + std::to_string(r.rows.size()) + QueryContext() +
                       "\n  actual:" + RowsToString(r.rows)};
  }

  std::optional<StepFailure> ExpectRows(const Step& step, bool ordered, bool ignore_list_order) {
    if (auto f = NeedResult()) return f;
    const QueryResult& r = **result_;
    if (step.table.empty()) return StepFailure{"runner: expected result without a header"};
    const TableRow& header = step.table[0];
    auto mismatch = [&](const std::string& what) {
      return StepFailure{"wrong result: " + what + QueryContext() + "\n  expected:" + TableToString(step.table) +
                         "\n  actual:\n    " + HeaderToString(r.columns) + RowsToString(r.rows)};
    };
    if (r.columns != header) return mismatch("columns differ");
    std::vector<std::vector<TckValue>> expected;
    for (size_t i = 1; i < step.table.size(); ++i) {
      std::vector<TckValue> row;
      for (const std::string& cell : step.table[i]) {
        Result<TckValue> v = ParseTckValue(cell);
        if (!v.ok()) return StepFailure{"runner: bad expected value: " + v.status().message()};
        row.push_back(std::move(v).value());
      }
      if (row.size() != header.size()) return StepFailure{"runner: an expected row has the wrong number of cells"};
      expected.push_back(std::move(row));
    }
    for (const std::vector<Value>& row : r.rows) {
      if (row.size() != header.size()) return mismatch("a row has " + std::to_string(row.size()) + " values");
    }
    if (r.rows.size() != expected.size()) {
      return mismatch(std::to_string(r.rows.size()) + " rows instead of " + std::to_string(expected.size()));
    }
    auto row_matches = [&](const std::vector<Value>& a, const std::vector<TckValue>& e) {
      for (size_t k = 0; k < e.size(); ++k) {
        if (!Matches(a[k], e[k], ignore_list_order)) return false;
      }
      return true;
    };
    if (ordered) {
      for (size_t i = 0; i < expected.size(); ++i) {
        if (!row_matches(r.rows[i], expected[i])) return mismatch("row " + std::to_string(i + 1) + " differs");
      }
      return std::nullopt;
    }
    std::vector<bool> used(r.rows.size(), false);
    for (size_t i = 0; i < expected.size(); ++i) {
      bool found = false;
      for (size_t j = 0; j < r.rows.size() && !found; ++j) {
        if (!used[j] && row_matches(r.rows[j], expected[i])) used[j] = found = true;
      }
      if (!found) return mismatch("expected row " + std::to_string(i + 1) + " not found");
    }
    return std::nullopt;
  }

  std::optional<StepFailure> ExpectSideEffects(const SideEffects& expected, const std::string& what) {
    if (result_ == nullptr) return StepFailure{"runner: a side-effect step before any query"};
    if (effects_ == expected) return std::nullopt;
    std::string reason = "wrong side effects: expected " + expected.ToString() + ", got " + effects_.ToString();
    if (!result_->ok()) reason += " (the query failed: " + result_->status().ToString() + ")";
    return StepFailure{reason + QueryContext()};
  }

  std::optional<StepFailure> ExpectSideEffectsTable(const Step& step) {
    SideEffects expected;
    for (const TableRow& row : step.table) {
      if (row.size() != 2) return StepFailure{"runner: a side-effect row needs two cells"};
      int64_t* slot = expected.Find(row[0]);
      if (slot == nullptr) return StepFailure{"runner: unknown side effect " + row[0]};
      *slot = std::strtoll(row[1].c_str(), nullptr, 10);
    }
    return ExpectSideEffects(expected, "side effects");
  }

  std::optional<StepFailure> ExpectError(const std::string& type, const std::string& phase, const std::string& detail) {
    if (result_ == nullptr) return StepFailure{"runner: an error step before any query"};
    const std::string wanted = type + " at " + phase + " (" + detail + ")";
    if (result_->ok()) {
      const QueryResult& r = **result_;
      return StepFailure{"no error: expected " + wanted + ", the query succeeded with " +
                         std::to_string(r.rows.size()) + " rows" + QueryContext() + "\n  actual:\n    " +
                         HeaderToString(r.columns) + RowsToString(r.rows)};
    }
    const Status& st = result_->status();
    if (phase == "compile time" && !st.Is(ErrorKind::kSyntax) && !st.Is(ErrorKind::kSemantic)) {
      return StepFailure{"error at the wrong time: expected " + wanted + ", got " + st.ToString() + QueryContext()};
    }
    return std::nullopt;
  }

  const CaseEnvironment& env_;
  std::unique_ptr<Database> db_;
  ValueMap params_;
  std::string query_;
  std::unique_ptr<Result<QueryResult>> result_;
  SideEffects effects_;
};

CaseOutcome RunSteps(const TestCase& test_case, const CaseEnvironment& env) {
  CaseOutcome outcome;
  for (const std::string& tag : test_case.tags) {
    if (tag == "@ignore") {
      outcome.verdict = CaseOutcome::Verdict::kSkipped;
      outcome.reason = "tagged @ignore by the TCK";
      return outcome;
    }
  }
  CaseState state(env);
  if (auto f = state.Open()) {
    outcome.reason = f->reason;
    return outcome;
  }
  for (const Step& step : test_case.steps) {
    if (auto f = state.Run(step)) {
      outcome.reason =
          f->reason + "\n  (step at line " + std::to_string(step.line) + ": " + step.keyword + " " + step.text + ")";
      return outcome;
    }
  }
  outcome.verdict = CaseOutcome::Verdict::kPassed;
  return outcome;
}

}  // namespace

Status CreateEmptyDatabase(const std::string& dir) {
  Result<std::unique_ptr<Database>> db = Database::Open(dir);
  return db.ok() ? Status::Ok() : db.status();
}

CaseOutcome RunCase(const TestCase& test_case, const CaseEnvironment& env) {
  CaseOutcome outcome;
  try {
    outcome = RunSteps(test_case, env);
  } catch (const std::exception& e) {
    outcome.verdict = CaseOutcome::Verdict::kFailed;
    outcome.reason = std::string("exception: ") + e.what();
  } catch (...) {
    outcome.verdict = CaseOutcome::Verdict::kFailed;
    outcome.reason = "unknown exception";
  }
  std::error_code ec;
  std::filesystem::remove_all(env.db_dir, ec);
  return outcome;
}

}  // namespace kg::tck
