// The reader of files a person names (common/input_file.h) and the guard
// against spreadsheet formulas (common/csv_formula.h): the rules every -f,
// import, link and CSV output stands on.
#include "common/input_file.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>
#include <string>

#include "common/csv_formula.h"
#include "test_util.h"

namespace kg {
namespace {

using test::TempDir;

constexpr InputFileRules kSmall{"script", 16, true};

std::string Refusal(const Result<std::string>& r) {
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().kind() == ErrorKind::kIo);
  return r.status().message();
}

TEST_CASE("input file: a regular file is read whole", "[input_file]") {
  TempDir dir;
  dir.Write("a.kgq", "RETURN 1;");
  auto text = ReadInputFile(dir.Sub("a.kgq"), kSmall);
  REQUIRE(text.ok());
  CHECK(*text == "RETURN 1;");
  // Exactly at the limit is allowed.
  dir.Write("b.kgq", std::string(16, 'x'));
  CHECK(ReadInputFile(dir.Sub("b.kgq"), kSmall).ok());
}

TEST_CASE("input file: what is not a file is refused with one line naming it", "[input_file]") {
  TempDir dir;
  CHECK(Refusal(ReadInputFile(dir.Sub("nowhere.kgq"), kSmall)) ==
        "cannot read " + dir.Sub("nowhere.kgq") + ": no such file");
  CHECK(Refusal(ReadInputFile(dir.path(), kSmall)) == dir.path() + " is a directory, not a script");
  CHECK(Refusal(ReadInputFile("/dev/zero", kSmall)) == "/dev/zero is a device, not a script");
  // The name shown can differ from the path (a file inside an import's directory).
  CHECK(Refusal(ReadInputFile(dir.path(), kArticleFile, "shown")) == "shown is a directory, not an article's text");
  dir.Write("big.kgq", std::string(17, 'x'));
  CHECK(Refusal(ReadInputFile(dir.Sub("big.kgq"), kSmall)) ==
        dir.Sub("big.kgq") + " is 17 bytes, more than the 16 bytes a script may hold");
}

TEST_CASE("input file: a pipe is read only where a stream is allowed, up to the limit", "[input_file]") {
  TempDir dir;
  const std::string fifo = dir.Sub("p");
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(Refusal(ReadInputFile(fifo, kArticleFile)) == fifo + " is a pipe, not an article's text (give a regular file)");
  CHECK(CheckInputFile(fifo, kSmall).ok());
  // A stream (stdin) past the limit is refused once it passes it.
  std::istringstream small("RETURN 1;"), big(std::string(17, 'x'));
  CHECK(*ReadInputStream(small, "<stdin>", kSmall) == "RETURN 1;");
  CHECK(Refusal(ReadInputStream(big, "<stdin>", kSmall)) == "<stdin> holds more than the 16 bytes a script may hold");
}

TEST_CASE("input file: sizes in messages", "[input_file]") {
  CHECK(DescribeBytes(12) == "12 bytes");
  CHECK(DescribeBytes(2048) == "2 KiB");
  CHECK(DescribeBytes(64 * kMiB) == "64 MiB");
  CHECK(DescribeBytes(80 * kMiB + kMiB / 2) == "80.5 MiB");
  CHECK(DescribeBytes(1024 * kMiB) == "1 GiB");
}

TEST_CASE("csv formulas: text starting = + - @ tab CR is guarded, and the guard comes off", "[csv_formula]") {
  for (const char* text : {"=1+2", "+1", "-3", "@SUM(A1)", "\tx", "\rx", "'=x", "''-y", "="}) {
    INFO(text);
    CHECK(NeedsFormulaGuard(text));
    CHECK(GuardFormula(text) == std::string("'") + text);
    CHECK(UnguardFormula(GuardFormula(text)) == text);
  }
  for (const char* text : {"", "plain", "a=b", "'", "''", "'x", " =x", "3", "Hà Nội"}) {
    INFO(text);
    CHECK_FALSE(NeedsFormulaGuard(text));
    CHECK(GuardFormula(text) == text);
    // What was not guarded is not changed on the way back either.
    CHECK(UnguardFormula(text) == text);
  }
  CHECK(ParseCsvFormulas("guard") == CsvFormulas::kGuard);
  CHECK(ParseCsvFormulas("keep") == CsvFormulas::kKeep);
  CHECK_FALSE(ParseCsvFormulas("off").has_value());
}

}  // namespace
}  // namespace kg
