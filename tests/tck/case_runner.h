// CaseRunner: runs one TCK case against a fresh kg database.
//
// The case's steps run in order in a database created empty in its own
// directory (removed afterwards). "When executing query" runs the query with
// the parameters given so far and records its result or error and the side
// effects it had (by snapshots of the graph before and after); the "Then"
// and "And" steps after it check what was recorded. The first step that
// does not hold fails the case, with a reason saying what was expected and
// what kg did; a step the runner does not know fails it too.
//
// Compile-time errors are expected as kg's kSyntax or kSemantic errors; a
// runtime or "any time" error is satisfied by any error. The TCK's error
// type and detail code are not checked (kg has no such codes).
#pragma once

#include <string>

#include "tck/gherkin_reader.h"

namespace kg::tck {

struct CaseOutcome {
  enum class Verdict { kPassed, kFailed, kSkipped };
  Verdict verdict = Verdict::kFailed;
  // Why a case failed or was skipped: the first line names the cause (for
  // grouping), further lines give the query, expected and actual values.
  std::string reason;
};

struct CaseEnvironment {
  std::string graphs_dir;  // holds <name>/<name>.cypher for "Given the <name> graph"
  std::string db_dir;      // a directory that does not exist yet; removed afterwards
  // When set, a closed, freshly created empty database that is copied to
  // db_dir instead of creating one there (creating costs about three times
  // as much as opening).
  std::string template_dir;
  // Keep the database in memory (StoreOptions::in_memory): no files at
  // all, the fastest way to give every case a new database.
  bool in_memory = false;
};

// Creates an empty database at `dir` and closes it (for template_dir).
Status CreateEmptyDatabase(const std::string& dir);

// Never throws; exceptions from the engine fail the case.
CaseOutcome RunCase(const TestCase& test_case, const CaseEnvironment& env);

}  // namespace kg::tck
