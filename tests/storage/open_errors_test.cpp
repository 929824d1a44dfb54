// Opening the wrong thing, or the right thing twice, gets a clear error and
// harms nothing; reading while another process writes works.
#include <rocksdb/db.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "storage/bulk_loader.h"
#include "storage/raw_db.h"
#include "test_util.h"

using namespace kg;        // NOLINT: test file
using namespace kg::test;  // NOLINT

namespace {

bool Contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a missing database is not created by a read-only open", "[open]") {
  TempDir dir;
  StoreOptions ro;
  ro.read_only = true;
  auto s = GraphStore::Open(dir.Sub("nothing"), ro);
  REQUIRE(s.status().Is(ErrorKind::kNotFound));
  CHECK(s.status().message() == "no database at " + dir.Sub("nothing"));
  StoreOptions no_create;
  no_create.create_if_missing = false;
  CHECK(GraphStore::Open(dir.Sub("nothing"), no_create).status().Is(ErrorKind::kNotFound));
  CHECK_FALSE(std::filesystem::exists(dir.Sub("nothing")));
}

TEST_CASE("a directory that is not a kg database is refused and left alone", "[open]") {
  TempDir dir;
  SECTION("a file") {
    std::ofstream(dir.Sub("file")) << "hello";
    auto s = GraphStore::Open(dir.Sub("file"));
    REQUIRE(s.status().Is(ErrorKind::kStorage));
    CHECK(Contains(s.status().message(), "is not a kg database"));
  }
  SECTION("a directory of other files") {
    std::filesystem::create_directories(dir.Sub("docs"));
    std::ofstream(dir.Sub("docs/notes.txt")) << "my notes";
    auto s = GraphStore::Open(dir.Sub("docs"));
    REQUIRE(s.status().Is(ErrorKind::kStorage));
    CHECK(s.status().message() == dir.Sub("docs") + " is not a kg database (the directory holds other files)");
    CHECK(std::filesystem::directory_iterator(dir.Sub("docs"))->path().filename() == "notes.txt");
  }
  SECTION("a RocksDB database of someone else's") {
    rocksdb::DB* raw = nullptr;
    rocksdb::Options o;
    o.create_if_missing = true;
    REQUIRE(rocksdb::DB::Open(o, dir.Sub("other"), &raw).ok());
    REQUIRE(raw->Put(rocksdb::WriteOptions(), "k", "v").ok());
    delete raw;
    auto s = GraphStore::Open(dir.Sub("other"));
    REQUIRE(s.status().Is(ErrorKind::kStorage));
    CHECK(Contains(s.status().message(), "not a kg database"));
  }
}

TEST_CASE("a database of a newer format version is refused", "[open]") {
  TempDir dir;
  OpenStore(dir.path()).reset();
  // Rewrite the format marker as a future kg would.
  WithRawDb(dir.path(), [](rocksdb::DB* raw) {
    std::string marker = "kg-graph";
    marker += std::string("\0\0\0\x63", 4);  // version 99
    REQUIRE(raw->Put(rocksdb::WriteOptions(), "format", marker).ok());
  });
  auto s = GraphStore::Open(dir.path());
  REQUIRE(s.status().Is(ErrorKind::kStorage));
  CHECK(Contains(s.status().message(), "database format version 99 is newer than this kg understands (3)"));
}

TEST_CASE("a second writer gets a clear in-use error", "[open]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  {
    auto txn = Write(*store);
    AddNode(*txn, {"Person"});
    MustOk(txn->Commit());
  }
  SECTION("in this process") {
    auto second = GraphStore::Open(dir.path());
    REQUIRE(second.status().Is(ErrorKind::kStorage));
    CHECK(Contains(second.status().message(), "is in use by another process"));
  }
  SECTION("from another process") {
    Run run = RunKg("--db " + dir.path() + " -e 'RETURN 1'");
    CHECK(run.exit_code == 1);
    CHECK(Contains(run.output, "is in use by another process"));
  }
  // The holder goes on unharmed.
  auto txn = Write(*store);
  AddNode(*txn, {"Person"});
  MustOk(txn->Commit());
  CHECK(Read(*store)->catalog().node_count() == 2);
}

TEST_CASE("a read-only open works while another writes, and sees new commits", "[open]") {
  TempDir dir;
  auto writer = OpenStore(dir.path());
  {
    auto txn = Write(*writer);
    AddNode(*txn, {"Person"}, {{"key", "p/1"}});
    MustOk(txn->Commit());
  }
  StoreOptions ro;
  ro.read_only = true;
  auto reader = OpenStore(dir.path(), ro);
  CHECK(Read(*reader)->catalog().node_count() == 1);
  CHECK(reader->BeginWrite().status().Is(ErrorKind::kUsage));
  CHECK(reader->BeginBulkLoad().status().Is(ErrorKind::kUsage));

  auto held = Read(*reader);  // a reader that stays open across the writer's commit
  {
    auto txn = Write(*writer);
    NodeId b = AddNode(*txn, {"Person"}, {{"key", "p/2"}});
    AddRel(*txn, "KNOWS", 0, b);
    MustOk(txn->Commit());
  }
  CHECK(held->catalog().node_count() == 1);
  CHECK_FALSE(Must(held->FindNodeByKey(Value("p/2"))));
  held.reset();
  auto fresh = Read(*reader);
  CHECK(fresh->catalog().node_count() == 2);
  CHECK(Must(fresh->FindNodeByKey(Value("p/2"))) == NodeId{1});
  CHECK(Collect(fresh->Expand(0, Direction::kOut)).size() == 1);

  Run run = RunKg("--db " + dir.path() + " --read-only --format csv -e 'MATCH (n) RETURN count(n) AS nodes'");
  CHECK(run.exit_code == 0);
  CHECK(run.output == "nodes\r\n2\r\n");
}

TEST_CASE("a bulk load cut short leaves the database as it was", "[open]") {
  TempDir dir;
  {
    auto store = OpenStore(dir.path());
    auto txn = Write(*store);
    AddNode(*txn, {"Before"}, {{"key", "before"}});
    MustOk(txn->Commit());
  }
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // The child loads part of a graph, with enough data to spill files to
    // disk, and dies without finishing.
    auto store = GraphStore::Open(dir.path());
    if (!store.ok()) _exit(3);
    auto loader = (*store)->BeginBulkLoad();
    if (!loader.ok()) _exit(4);
    const LabelId half = (*loader)->InternLabel("Half");
    const PropertyKeyId text = (*loader)->InternPropertyKey("text");
    for (int i = 0; i < 200000; ++i) {
      if (!(*loader)->AddNode({half}, {{text, Value(std::string(400, 'x'))}}).ok()) _exit(5);
    }
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  REQUIRE(std::filesystem::exists(dir.Sub(BulkLoader::kScratchDir)));  // files of the dead load
  auto store = OpenStore(dir.path());
  auto txn = Read(*store);
  CHECK(txn->catalog().node_count() == 1);
  CHECK_FALSE(txn->catalog().FindLabel("Half"));
  CHECK(Must(txn->FindNodeByKey(Value("before"))) == NodeId{0});
  uint64_t nodes = 0;
  for (auto c = txn->ScanNodes(); c->Valid(); c->Next()) ++nodes;
  CHECK(nodes == 1);
  CHECK_FALSE(std::filesystem::exists(dir.Sub(BulkLoader::kScratchDir)));  // cleaned up on open
}

TEST_CASE("a read-only open cleans up after read-only processes that died", "[open]") {
  TempDir dir;
  OpenStore(dir.path()).reset();
  const std::filesystem::path tmp = std::filesystem::temp_directory_path();
  const auto dead = tmp / "kg-secondary-999999999-dead";  // no such process
  const auto alive = tmp / ("kg-secondary-" + std::to_string(getpid()) + "-alive");
  std::filesystem::create_directories(dead);
  std::filesystem::create_directories(alive);
  {
    StoreOptions ro;
    ro.read_only = true;
    auto reader = OpenStore(dir.path(), ro);
    CHECK_FALSE(std::filesystem::exists(dead));
    CHECK(std::filesystem::exists(alive));  // its process still runs
  }
  std::filesystem::remove_all(alive);
  // A closed read-only store leaves no directory of its own behind.
  for (const auto& e : std::filesystem::directory_iterator(tmp)) {
    CHECK(e.path().filename().string().rfind("kg-secondary-" + std::to_string(getpid()) + "-", 0) != 0);
  }
}
