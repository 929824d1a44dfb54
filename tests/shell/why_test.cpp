// The parts of :why and kg why below the program (shell/commands/why_command.h,
// shell/cli/sources_dir.h): where the sources directory is found, the ids :why
// reads, the relationships of a result, and the evidence written for them.
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/sources_dir.h"
#include "commands/why_command.h"
#include "main/database.h"

namespace kg::shell {
namespace {

namespace fs = std::filesystem;

// A directory under /tmp, removed with everything in it at the end.
class TempDir {
 public:
  TempDir() {
    char name[] = "/tmp/kg-why-test-XXXXXX";
    REQUIRE(mkdtemp(name) != nullptr);
    path_ = fs::canonical(name);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  void Write(const fs::path& name, const std::string& text) const {
    fs::create_directories((path_ / name).parent_path());
    std::ofstream(path_ / name, std::ios::binary) << text;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Sets the current directory and KG_SOURCES for one test, and puts them back.
class Environment {
 public:
  Environment() : cwd_(fs::current_path()) {
    if (const char* v = getenv("KG_SOURCES")) saved_ = v, had_ = true;
  }
  ~Environment() {
    fs::current_path(cwd_);
    if (had_) {
      setenv("KG_SOURCES", saved_.c_str(), 1);
    } else {
      unsetenv("KG_SOURCES");
    }
  }

 private:
  fs::path cwd_;
  std::string saved_;
  bool had_ = false;
};

TEST_CASE("sources directory: --sources, then KG_SOURCES, then a checkout's ../shared/seeds", "[evidence]") {
  Environment restore;
  TempDir dir;
  dir.Write("kg/data/graph/documents.json", "{}");
  dir.Write("shared/seeds/000_a.txt", "text");
  fs::create_directories(dir.path() / "kg" / "build" / "tests");
  fs::current_path(dir.path() / "kg" / "build" / "tests");
  unsetenv("KG_SOURCES");
  // From the current directory up to the checkout, then ../shared/seeds.
  CHECK(ResolveSourcesDir("", nullptr) == (dir.path() / "shared" / "seeds").string());
  setenv("KG_SOURCES", "from-env", 1);
  CHECK(ResolveSourcesDir("", nullptr) == "from-env");
  CHECK(ResolveSourcesDir("from-flag", nullptr) == "from-flag");
}

TEST_CASE("sources directory: outside a checkout the program's own place is tried", "[evidence]") {
  Environment restore;
  TempDir dir;
  fs::current_path(dir.path());
  unsetenv("KG_SOURCES");
  // This test program lives in the build tree of a checkout: whatever it
  // finds is that checkout's ../shared/seeds, or nothing.
  const std::string found = ResolveSourcesDir("", nullptr);
  if (!found.empty()) CHECK(fs::path(found).filename() == "seeds");
}

TEST_CASE("why: ids are whole numbers separated by spaces or commas", "[evidence]") {
  auto ids = ParseRelationshipIds(" 12, 40 7");
  REQUIRE(ids.ok());
  CHECK(*ids == std::vector<uint64_t>{12, 40, 7});
  CHECK(ParseRelationshipIds("")->empty());
  for (const char* bad : {"x", "-1", "1.5", "99999999999999999999"}) {
    INFO(bad);
    CHECK_FALSE(ParseRelationshipIds(bad).ok());
  }
}

TEST_CASE("why: the evidence of relationships, and an unknown id", "[evidence]") {
  TempDir dir;
  const std::string text = "Tiêu đề\n\nHà Kim Ngọc là Chủ tịch Ủy ban. Câu thứ hai.\n";
  dir.Write("seeds/a.txt", text);
  DatabaseOptions options;
  options.store.in_memory = true;
  options.sources_dir = (dir.path() / "seeds").string();
  auto db = Database::Open((dir.path() / "db").string(), options);
  REQUIRE(db.ok());
  auto made = (*db)->Execute(
      "CREATE (d:Document {key: 'doc/a', file: 'a.txt', title: 'Một bài', published: '2024-07-11'}),"
      " (p:Person {name: 'Hà Kim Ngọc'})-[:HOLDS_POSITION {role: 'Chủ tịch', source: 'doc/a', span: [13, 53]}]->"
      "(c:Committee {name: 'Ủy ban'}), (d)-[:MENTIONS {spans: [13, 27]}]->(p)");
  REQUIRE(made.ok());
  auto result = (*db)->Execute("MATCH p = (:Document)-[]->()-[]->() RETURN [p, relationships(p)[0]] AS x");
  REQUIRE(result.ok());
  const std::vector<uint64_t> ids = RelationshipsOf(result->rows);
  REQUIRE(ids.size() == 2);  // the path's two, the repeated one once
  std::ostringstream out;
  REQUIRE(WriteEvidence(**db, ids, out).ok());
  CHECK(out.str() ==
        "#1 (doc/a)-[:MENTIONS]->(Hà Kim Ngọc)\n"
        "  doc/a · Một bài · 2024-07-11 · 1 mention\n"
        "  1. ⟦Hà Kim Ngọc⟧ là Chủ tịch Ủy ban.\n"
        "\n"
        "#0 (Hà Kim Ngọc)-[:HOLDS_POSITION {role: 'Chủ tịch'}]->(Ủy ban)\n"
        "  doc/a · Một bài · 2024-07-11\n"
        "  ⟦Hà Kim Ngọc là Chủ tịch Ủy ban⟧.\n");
  std::ostringstream none;
  Status unknown = WriteEvidence(**db, {0, 9}, none);
  CHECK(unknown.message() == "no relationship has id 9 (id(r) in a query gives a relationship's id)");
  CHECK(none.str().empty());
}

}  // namespace
}  // namespace kg::shell
