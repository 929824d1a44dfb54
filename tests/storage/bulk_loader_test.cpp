// The bulk path must produce the same graph a transaction would: records,
// both adjacency entries, labels, keys, indexes and counts.
#include "storage/bulk_loader.h"

#include <rocksdb/db.h>

#include <map>
#include <random>

#include "test_util.h"

using namespace kg;        // NOLINT: test file
using namespace kg::test;  // NOLINT

namespace {

// Loads 10k nodes and 100k relationships with chunks of `chunk_bytes`, then
// reopens the database and checks every record, degree, key and index entry.
void LoadAndVerify(size_t chunk_bytes, size_t memory_budget = 0) {
  TempDir dir;
  const int kNodes = 10000, kRels = 100000;
  std::mt19937_64 rng(42);
  std::vector<std::tuple<NodeId, NodeId, int>> edges;
  std::vector<uint64_t> out_degree(kNodes), in_degree(kNodes);
  {
    auto store = OpenStore(dir.path());
    MustOk(store->CreateIndex("Person", "year"));
    auto loader = Must(store->BeginBulkLoad(chunk_bytes));
    if (memory_budget > 0) loader->SetMemoryBudget(memory_budget);
    const LabelId person = loader->InternLabel("Person");
    const LabelId org = loader->InternLabel("Organization");
    const PropertyKeyId key = loader->InternPropertyKey("key");
    const PropertyKeyId name = loader->InternPropertyKey("name");
    const PropertyKeyId year = loader->InternPropertyKey("year");
    const PropertyKeyId since = loader->InternPropertyKey("since");
    const RelTypeId knows = loader->InternRelType("KNOWS");
    const RelTypeId member = loader->InternRelType("MEMBER_OF");
    for (int i = 0; i < kNodes; ++i) {
      const bool is_person = i % 10 != 0;
      NodeId id = Must(loader->AddNode({is_person ? person : org},
                                       {{key, Value("n/" + std::to_string(i))},
                                        {name, Value((is_person ? "Người " : "Tổ chức ") + std::to_string(i))},
                                        {year, Value(static_cast<int64_t>(1940 + i % 80))}}));
      REQUIRE(id == static_cast<NodeId>(i));
    }
    for (int i = 0; i < kRels; ++i) {
      NodeId a = rng() % kNodes, b = rng() % kNodes;
      const int s = 1950 + static_cast<int>(rng() % 75);
      Must(loader->AddRelationship(b % 10 == 0 ? member : knows, a, b, {{since, Value(s)}}));
      edges.emplace_back(a, b, s);
      ++out_degree[a];
      ++in_degree[b];
    }
    // Endpoints are checked in bulk too.
    CHECK(loader->AddRelationship(knows, 0, kNodes + 5, {}).status().Is(ErrorKind::kConstraint));
    CHECK(loader->AddNode({person}, {{key, Value("n/7")}}).status().Is(ErrorKind::kConstraint));
    CHECK(loader->nodes_added() == kNodes);
    CHECK(loader->rels_added() == kRels);
    MustOk(loader->Finish());
  }
  auto store = OpenStore(dir.path());
  auto txn = Read(*store);
  const Catalog& c = txn->catalog();
  CHECK(c.node_count() == kNodes);
  CHECK(c.rel_count() == kRels);
  CHECK(c.NodesWithLabel(LabelOf(*txn, "Person")) == 9000);
  CHECK(c.RelsOfType(TypeOf(*txn, "KNOWS")) + c.RelsOfType(TypeOf(*txn, "MEMBER_OF")) == kRels);
  CHECK(Collect(txn->ScanLabel(LabelOf(*txn, "Organization"))).size() == 1000);

  // Every relationship record is what was loaded.
  RelId id = 0;
  for (auto cur = txn->ScanRelationships(); cur->Valid(); cur->Next(), ++id) {
    const RelRecord& r = cur->record();
    REQUIRE(r.id == id);
    CHECK(r.start == std::get<0>(edges[id]));
    CHECK(r.end == std::get<1>(edges[id]));
    CHECK(*FindProperty(r.properties, KeyOf(*txn, "since")) == Value(std::get<2>(edges[id])));
  }
  CHECK(id == static_cast<RelId>(kRels));
  // Degrees in both directions agree with the input.
  uint64_t mismatches = 0;
  for (NodeId n = 0; n < static_cast<NodeId>(kNodes); ++n) {
    if (Must(txn->Degree(n, Direction::kOut)) != out_degree[n]) ++mismatches;
    if (Must(txn->Degree(n, Direction::kIn)) != in_degree[n]) ++mismatches;
  }
  CHECK(mismatches == 0);
  // Keys and the declared index were filled.
  CHECK(Must(txn->FindNodeByKey(Value("n/1234"))) == NodeId{1234});
  CHECK(PropOf(*txn, 1234, "name") == Value("Người 1234"));
  // year 1951 is i % 80 == 11: 125 nodes, all of them Persons (i % 10 == 1).
  auto born_1951 =
      Collect(Must(txn->ScanIndex(LabelOf(*txn, "Person"), KeyOf(*txn, "year"), IndexRange::Equal(Value(1951)))));
  CHECK(born_1951.size() == 125);
  // year 1950 is i % 80 == 10: all Organizations, so no indexed Person.
  CHECK(Collect(Must(txn->ScanIndex(LabelOf(*txn, "Person"), KeyOf(*txn, "year"), IndexRange::Equal(Value(1950)))))
            .empty());
}

}  // namespace

TEST_CASE("a bulk load of 100k relationships reopens complete and consistent", "[bulk]") {
  LoadAndVerify(GraphStore::kDefaultChunkBytes);
}

TEST_CASE("a bulk load spilled in many overlapping chunks reopens complete and consistent", "[bulk]") {
  // 256 KiB chunks make the loader write dozens of overlapping files, as a
  // load of tens of millions of relationships does with the default size.
  LoadAndVerify(size_t{256} << 10);
}

TEST_CASE("a bulk load whose sorted runs outgrow its memory budget reopens complete and consistent", "[bulk]") {
  // Runs written out early overlap in key range; Finish() compacts them.
  LoadAndVerify(size_t{256} << 10, size_t{1} << 20);
}

namespace {

// Every key and value of every column family, read with RocksDB itself.
std::map<std::string, std::vector<std::pair<std::string, std::string>>> DumpColumnFamilies(const std::string& path) {
  std::vector<std::string> names;
  REQUIRE(rocksdb::DB::ListColumnFamilies(rocksdb::Options(), path, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string& n : names) descriptors.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  REQUIRE(rocksdb::DB::OpenForReadOnly(rocksdb::Options(), path, descriptors, &handles, &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> dump;
  for (size_t i = 0; i < handles.size(); ++i) {
    auto& entries = dump[names[i]];
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), handles[i]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) entries.emplace_back(it->key().ToString(), it->value().ToString());
    REQUIRE(it->status().ok());
  }
  for (rocksdb::ColumnFamilyHandle* h : handles) REQUIRE(db->DestroyColumnFamilyHandle(h).ok());
  return dump;
}

// Loads the same graph (keys of 1 to 60 bytes, so some sort entries hold
// their key inline and some in the arena, with indexed values) and returns
// the database's contents.
std::map<std::string, std::vector<std::pair<std::string, std::string>>> LoadForDump(size_t chunk_bytes,
                                                                                    size_t memory_budget) {
  TempDir dir;
  {
    auto store = OpenStore(dir.path());
    MustOk(store->CreateIndex("Thing", "name"));
    auto loader = Must(store->BeginBulkLoad(chunk_bytes));
    if (memory_budget > 0) loader->SetMemoryBudget(memory_budget);
    const LabelId thing = loader->InternLabel("Thing");
    const LabelId other = loader->InternLabel("Other");
    const PropertyKeyId key = loader->InternPropertyKey("key");
    const PropertyKeyId name = loader->InternPropertyKey("name");
    const RelTypeId t1 = loader->InternRelType("T1"), t2 = loader->InternRelType("T2");
    std::mt19937_64 rng(7);
    const int kNodes = 6000;
    for (int i = 0; i < kNodes; ++i) {
      std::string k(1 + rng() % 60, 'k');
      k += std::to_string(i);
      Must(loader->AddNode(i % 3 ? std::vector<LabelId>{thing} : std::vector<LabelId>{thing, other},
                           {{key, Value(k)}, {name, Value(std::string(rng() % 40, 'n') + std::to_string(i % 500))}}));
    }
    for (int i = 0; i < 60000; ++i) {
      Must(loader->AddRelationship(rng() % 2 ? t1 : t2, rng() % kNodes, rng() % kNodes, {{name, Value(i)}}));
    }
    MustOk(loader->Finish());
  }
  return DumpColumnFamilies(dir.path());
}

}  // namespace

TEST_CASE("a bulk load writes the same keys and values however it is chunked", "[bulk]") {
  // One run per family, many runs merged at Finish(), and runs written out
  // early and compacted: the database must come out byte for byte the same.
  const auto whole = LoadForDump(GraphStore::kDefaultChunkBytes, 0);
  CHECK(whole.at("adjacency").size() == 120000);
  CHECK(whole.at("unique_keys").size() == 6000);
  CHECK(whole.at("property_index").size() == 6000);
  CHECK(LoadForDump(size_t{64} << 10, 0) == whole);
  CHECK(LoadForDump(size_t{64} << 10, size_t{512} << 10) == whole);
}

TEST_CASE("an index declared in a bulk load is the index CreateIndex builds after it", "[bulk]") {
  // How: 0 CreateIndex after the load, 1 DeclareIndex before the first node.
  auto load = [](int how) {
    TempDir dir;
    {
      auto store = OpenStore(dir.path());
      auto loader = Must(store->BeginBulkLoad());
      const LabelId person = loader->InternLabel("Person");
      const PropertyKeyId year = loader->InternPropertyKey("year");
      if (how == 1) MustOk(loader->DeclareIndex(person, year));
      for (int i = 0; i < 3000; ++i) {
        Must(loader->AddNode({person}, {{year, Value(static_cast<int64_t>(1940 + i % 70))}}));
      }
      // Too late once a node is in.
      CHECK(loader->DeclareIndex(person, loader->InternPropertyKey("other")).Is(ErrorKind::kUsage));
      MustOk(loader->Finish());
      if (how == 0) MustOk(store->CreateIndex("Person", "year"));
      auto txn = Read(*store);
      CHECK(Collect(Must(txn->ScanIndex(person, year, IndexRange::Equal(Value(1950))))).size() == 43);
    }
    return DumpColumnFamilies(dir.path());
  };
  const auto after = load(0), declared = load(1);
  CHECK(declared.at("property_index").size() == 3000);
  CHECK(declared == after);
}

TEST_CASE("a bulk load can add to a database that already holds data", "[bulk]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  NodeId old;
  {
    auto txn = Write(*store);
    old = AddNode(*txn, {"Old"}, {{"key", "old"}});
    MustOk(txn->Commit());
  }
  {
    auto loader = Must(store->BeginBulkLoad());
    const PropertyKeyId key = loader->InternPropertyKey("key");
    NodeId fresh = Must(loader->AddNode({loader->InternLabel("New")}, {{key, Value("new")}}));
    CHECK(fresh > old);
    Must(loader->AddRelationship(loader->InternRelType("LINKS"), fresh, old, {}));
    CHECK(loader->AddNode({}, {{key, Value("old")}}).status().Is(ErrorKind::kConstraint));
    MustOk(loader->Finish(/*compact=*/true));
  }
  auto txn = Read(*store);
  CHECK(txn->catalog().node_count() == 2);
  CHECK(Collect(txn->Expand(old, Direction::kIn)).size() == 1);
  CHECK(Must(txn->FindNodeByKey(Value("new"))).has_value());
}

TEST_CASE("a bulk load is invisible until it finishes, then visible whole", "[bulk]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  auto loader = Must(store->BeginBulkLoad());
  NodeId a = Must(loader->AddNode({loader->InternLabel("A")}, {}));
  // Readers are not blocked, and see nothing of the unfinished load.
  auto r = Read(*store);
  CHECK(r->catalog().node_count() == 0);
  CHECK_FALSE(Must(r->GetNode(a)));
  CHECK_FALSE(r->ScanNodes()->Valid());
  MustOk(loader->Finish());
  CHECK_FALSE(Must(r->GetNode(a)));  // an open reader keeps its snapshot
  CHECK(Must(Read(*store)->GetNode(a)).has_value());
  auto w = Write(*store);
  AddNode(*w, {"A"});
  MustOk(w->Commit());
  CHECK(Read(*store)->catalog().node_count() == 2);
}

TEST_CASE("an abandoned bulk load leaves nothing behind", "[bulk]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  {
    auto loader = Must(store->BeginBulkLoad());
    NodeId a = Must(loader->AddNode({loader->InternLabel("Gone")}, {}));
    Must(loader->AddRelationship(loader->InternRelType("T"), a, a, {}));
    // destroyed without Finish
  }
  auto txn = Read(*store);
  CHECK(txn->catalog().node_count() == 0);
  CHECK_FALSE(txn->catalog().FindLabel("Gone"));
  CHECK_FALSE(txn->ScanNodes()->Valid());
  CHECK_FALSE(std::filesystem::exists(dir.Sub(BulkLoader::kScratchDir)));
  // The writer lock was released.
  auto w = Write(*store);
  AddNode(*w, {"After"});
  MustOk(w->Commit());
}

TEST_CASE("a refused element is left out and the rest of the load goes in", "[bulk]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  auto loader = Must(store->BeginBulkLoad());
  const PropertyKeyId key = loader->InternPropertyKey("key");
  const PropertyKeyId bad = loader->InternPropertyKey("bad");
  NodeId a = Must(loader->AddNode({}, {{key, Value("a")}}));
  CHECK(loader->AddNode({}, {{bad, Value(ValueList{Value()})}}).status().Is(ErrorKind::kConstraint));
  CHECK(loader->AddNode({}, {{key, Value(ValueList{1})}}).status().Is(ErrorKind::kConstraint));
  CHECK(loader->AddNode({42}, {}).status().Is(ErrorKind::kUsage));
  CHECK(loader->AddNode({}, {{999, Value(1)}}).status().Is(ErrorKind::kUsage));  // an unknown key id
  CHECK(loader->AddRelationship(7, a, a, {}).status().Is(ErrorKind::kUsage));
  NodeId b = Must(loader->AddNode({}, {{key, Value("b")}}));
  CHECK(b == a + 1);  // a refused node takes no id
  MustOk(loader->Finish());
  CHECK(loader->Finish().Is(ErrorKind::kUsage));
  auto txn = Read(*store);
  CHECK(txn->catalog().node_count() == 2);
  CHECK(Must(txn->FindNodeByKey(Value("b"))) == b);
}

TEST_CASE("bulk load chunks must be of a sensible size", "[bulk]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  CHECK(store->BeginBulkLoad(1024).status().Is(ErrorKind::kUsage));
  CHECK(store->BeginBulkLoad(size_t{4} << 30).status().Is(ErrorKind::kUsage));
}
