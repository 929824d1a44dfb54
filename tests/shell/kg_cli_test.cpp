// The kg program's command line: what a user sees and what a script gets
// back as an exit code.
#include "test_util.h"

using namespace kg::test;  // NOLINT: test file

TEST_CASE("kg --version and --help succeed", "[cli]") {
  Run v = RunKg("--version");
  CHECK(v.exit_code == 0);
  CHECK(v.output.rfind("kg ", 0) == 0);
  Run h = RunKg("--help");
  CHECK(h.exit_code == 0);
  CHECK(h.output.find("--db") != std::string::npos);
  CHECK(h.output.find("--read-only") != std::string::npos);
}

TEST_CASE("bad usage exits with 2 and says what was wrong", "[cli]") {
  Run r = RunKg("--no-such-option");
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("--no-such-option") != std::string::npos);
}

TEST_CASE("kg --db creates a database and reports it, and errors are one line with exit 1", "[cli]") {
  TempDir dir;
  Run created = RunKg("--db " + dir.Sub("db"));
  CHECK(created.exit_code == 0);
  CHECK(created.output == "database " + dir.Sub("db") + ": 0 nodes, 0 relationships, format version 1\n");
  Run missing = RunKg("--db " + dir.Sub("none") + " --read-only");
  CHECK(missing.exit_code == 1);
  CHECK(missing.output == "kg: not found: no database at " + dir.Sub("none") + "\n");
}
