// Full-text indexes below the language: every write path keeps the entries
// right (what a search finds changes with it), the bulk loader writes them,
// CREATE fills the index from the nodes already there, DROP removes every
// entry, and a reopened database finds its index intact.
#include <rocksdb/db.h>

#include <algorithm>

#include "storage/bulk_loader.h"
#include "storage/fulltext_entries.h"
#include "storage/fulltext_search.h"
#include "test_util.h"

using namespace kg;        // NOLINT: test file
using namespace kg::test;  // NOLINT

namespace {

// The keys of the nodes a search finds, best first.
std::vector<std::string> Find(GraphStore& store, const std::string& text, const std::string& index = "names",
                              std::vector<std::string> labels = {}) {
  auto txn = Read(store);
  const FullTextIndexDef* def = txn->catalog().FindFullTextIndex(index);
  REQUIRE(def != nullptr);
  fulltext::SearchOptions options;
  for (const std::string& l : labels) options.labels.push_back(LabelOf(*txn, l.c_str()));
  auto hits = Must(fulltext::Search(*txn, *def, text, options));
  std::vector<std::string> keys;
  for (const auto& hit : hits) keys.push_back(PropOf(*txn, hit.node, "key").as_string());
  return keys;
}

// Entries in the fulltext column family, of every index.
size_t EntryCount(GraphStore& store) {
  auto txn = Read(store);
  size_t n = 0;
  for (auto s = txn->ScanFullText({{"", ""}}); s->Valid(); s->Next()) ++n;
  return n;
}

using Keys = std::vector<std::string>;

}  // namespace

TEST_CASE("words match whole, as a prefix, or one edit away", "[fulltext]") {
  using fulltext::MatchKind;
  CHECK(fulltext::MatchWord("ngoc", "ngoc") == MatchKind::kWhole);
  CHECK(fulltext::MatchWord("ng", "ngoc") == MatchKind::kPrefix);
  CHECK(fulltext::MatchWord("ngco", "ngoc") == MatchKind::kTypo);   // swapped
  CHECK(fulltext::MatchWord("trng", "trung") == MatchKind::kTypo);  // dropped
  CHECK(fulltext::MatchWord("truung", "trung") == MatchKind::kTypo);
  CHECK(fulltext::MatchWord("trang", "trung") == MatchKind::kTypo);  // changed
  CHECK(fulltext::MatchWord("son", "sen") == MatchKind::kNone);      // too short for an edit
  CHECK(fulltext::MatchWord("tarng", "trung") == MatchKind::kNone);  // two edits
  CHECK(fulltext::WithinOneEdit(U"abcd", U"abdc"));
  CHECK_FALSE(fulltext::WithinOneEdit(U"abcd", U"badc"));
  double score = 0;
  CHECK(fulltext::MatchValue({"le", "hoai", "trung"}, "le hoai trung", "le hoai trung", &score) == MatchKind::kExact);
  CHECK(score == 4.5);
  CHECK(fulltext::MatchValue({"le", "hoai"}, "le hoai", "le hoai trung", &score) == MatchKind::kWhole);
  CHECK(score == Approx(3.25));
  CHECK(fulltext::MatchValue({"le", "hoai", "x"}, "le hoai x", "le hoai trung", &score) == MatchKind::kNone);
  // One typo among whole words beats typos in every word.
  double one_typo = 0, two_typos = 0;
  CHECK(fulltext::MatchValue({"ogranization", "823847"}, "", "organization 823847", &one_typo) == MatchKind::kTypo);
  CHECK(fulltext::MatchValue({"ogranization", "823847"}, "", "organization 823848", &two_typos) == MatchKind::kTypo);
  CHECK(one_typo > two_typos);
}

TEST_CASE("every write path changes what a full-text search finds", "[fulltext]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  MustOk(store->CreateFullTextIndex("names", {}, {"name", "aliases"}));
  NodeId trung, unesco;
  {
    auto txn = Write(*store);
    trung = AddNode(*txn, {"Person"}, {{"key", Value("p/lht")}, {"name", Value("Lê Hoài Trung")}});
    unesco = AddNode(*txn, {"Organization"},
                     {{"key", Value("o/unesco")},
                      {"name", Value("Ủy ban Quốc gia UNESCO Việt Nam")},
                      {"aliases", Value(ValueList{Value("UBQG UNESCO"), Value(int64_t{7})})}});
    MustOk(txn->Commit());
  }
  CHECK(Find(*store, "le hoai trung") == Keys{"p/lht"});
  CHECK(Find(*store, "ubqg") == Keys{"o/unesco"});
  CHECK(Find(*store, "uy ban") == Keys{"o/unesco"});

  SECTION("SET of an indexed property replaces its words") {
    auto txn = Write(*store);
    MustOk(txn->SetNodeProperty(trung, KeyOf(*txn, "name"), Value("Lê Thị Thu Hằng")));
    MustOk(txn->Commit());
    CHECK(Find(*store, "le hoai trung").empty());
    CHECK(Find(*store, "thu hang") == Keys{"p/lht"});
  }
  SECTION("a null value (REMOVE) takes the words away") {
    auto txn = Write(*store);
    MustOk(txn->SetNodeProperty(unesco, KeyOf(*txn, "aliases"), Value()));
    MustOk(txn->Commit());
    CHECK(Find(*store, "ubqg").empty());
    CHECK(Find(*store, "uy ban") == Keys{"o/unesco"});
  }
  SECTION("replacing every property (SET n = map)") {
    auto txn = Write(*store);
    MustOk(txn->ReplaceNodeProperties(unesco, Props(*txn, {{"key", Value("o/unesco")}, {"name", Value("VUSTA")}})));
    MustOk(txn->Commit());
    CHECK(Find(*store, "ubqg").empty());
    CHECK(Find(*store, "vusta") == Keys{"o/unesco"});
  }
  SECTION("a node deleted is not found") {
    auto txn = Write(*store);
    MustOk(txn->DeleteNode(trung, /*detach=*/true));
    MustOk(txn->Commit());
    CHECK(Find(*store, "le hoai trung").empty());
  }
  SECTION("a rolled-back write leaves the index as it was") {
    {
      auto txn = Write(*store);
      MustOk(txn->SetNodeProperty(trung, KeyOf(*txn, "name"), Value("Tô Lâm")));
    }
    CHECK(Find(*store, "le hoai trung") == Keys{"p/lht"});
    CHECK(Find(*store, "to lam").empty());
  }
  SECTION("labels decide what a labelled index covers") {
    MustOk(store->CreateFullTextIndex("people", {"Person"}, {"name"}));
    CHECK(Find(*store, "uy ban", "people").empty());
    {
      auto txn = Write(*store);
      MustOk(txn->AddNodeLabel(unesco, txn->InternLabel("Person").value()));
      MustOk(txn->Commit());
    }
    CHECK(Find(*store, "uy ban", "people") == Keys{"o/unesco"});
    CHECK(Find(*store, "uy ban", "names", {"Person"}) == Keys{"o/unesco"});
    {
      auto txn = Write(*store);
      MustOk(txn->RemoveNodeLabel(unesco, LabelOf(*txn, "Person")));
      MustOk(txn->Commit());
    }
    CHECK(Find(*store, "uy ban", "people").empty());
    CHECK(Find(*store, "uy ban", "names", {"Person"}).empty());
  }
}

TEST_CASE("a full-text index is filled at CREATE, kept across reopen, emptied at DROP", "[fulltext]") {
  TempDir dir;
  {
    auto store = OpenStore(dir.path());
    auto txn = Write(*store);
    AddNode(*txn, {"Person"}, {{"key", Value("p/hkn")}, {"name", Value("Hà Kim Ngọc")}});
    AddNode(*txn, {"Person"}, {{"key", Value("p/x")}, {"name", Value(int64_t{5})}});  // not a string: skipped
    MustOk(txn->Commit());
    MustOk(store->CreateFullTextIndex("names", {}, {"name"}));
    CHECK(store->CreateFullTextIndex("names", {}, {"name"}).Is(ErrorKind::kConstraint));
    CHECK(Find(*store, "ha kim ngoc") == Keys{"p/hkn"});
  }
  {
    auto store = OpenStore(dir.path());
    const FullTextIndexDef* def = store->catalog()->FindFullTextIndex("names");
    REQUIRE(def != nullptr);
    CHECK(def->keys.size() == 1);
    CHECK(Find(*store, "Ha Kim Ngo") == Keys{"p/hkn"});
    CHECK(EntryCount(*store) == 4);  // one exact entry and three words
    MustOk(store->DropFullTextIndex("names"));
    CHECK(store->DropFullTextIndex("names").Is(ErrorKind::kNotFound));
    CHECK(EntryCount(*store) == 0);
  }
  {
    auto store = OpenStore(dir.path());
    CHECK(store->catalog()->fulltext_indexes().empty());
  }
}

TEST_CASE("long values and long words are searched without blowing up", "[fulltext]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  MustOk(store->CreateFullTextIndex("names", {}, {"name"}));
  std::string long_name = "Hội nghị";
  for (int i = 0; i < 200; ++i) long_name += " lần " + std::to_string(i);
  {
    auto txn = Write(*store);
    AddNode(*txn, {"Event"}, {{"key", Value("e/long")}, {"name", Value(long_name)}});
    MustOk(txn->Commit());
  }
  // Its entries carry no text: the search reads the record to rank it.
  CHECK(Find(*store, "hoi nghi lan 199") == Keys{"e/long"});
  CHECK(Find(*store, "hoi nhgi") == Keys{"e/long"});
  // A word of 10,000 letters is matched whole or as a prefix only.
  CHECK(Find(*store, std::string(10000, 'a')).empty());
}

TEST_CASE("the bulk loader writes full-text entries for the nodes it loads", "[fulltext]") {
  TempDir dir;
  {
    auto store = OpenStore(dir.path());
    MustOk(store->CreateFullTextIndex("names", {}, {"name"}));
    auto loader = Must(store->BeginBulkLoad());
    const LabelId person = loader->InternLabel("Person");
    const PropertyKeyId key = loader->InternPropertyKey("key");
    const PropertyKeyId name = loader->InternPropertyKey("name");
    for (int i = 0; i < 1000; ++i) {
      Must(loader->AddNode(
          {person}, {{key, Value("n/" + std::to_string(i))}, {name, Value("Nguyễn Văn An " + std::to_string(i))}}));
    }
    MustOk(loader->Finish());
  }
  auto store = OpenStore(dir.path());
  CHECK(Find(*store, "nguyen van an 417") == Keys{"n/417"});
  CHECK(Find(*store, "nguyen van an 41").size() == 10);  // 41 and 410..419; limit 10
}

TEST_CASE("a database made before full-text indexes opens, and gains them when written", "[fulltext][open]") {
  TempDir dir;
  {
    auto store = OpenStore(dir.path());
    auto txn = Write(*store);
    AddNode(*txn, {"Person"}, {{"key", Value("p/hkn")}, {"name", Value("Hà Kim Ngọc")}});
    MustOk(txn->Commit());
  }
  // Make it as kg format 2 left it: no fulltext family, marker version 2.
  {
    std::vector<std::string> names;
    REQUIRE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir.path(), &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
    for (const auto& n : names) cfs.emplace_back(n, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    REQUIRE(rocksdb::DB::Open(rocksdb::DBOptions(), dir.path(), cfs, &handles, &raw).ok());
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] == "fulltext") REQUIRE(raw->DropColumnFamily(handles[i]).ok());
    }
    REQUIRE(raw->Put(rocksdb::WriteOptions(), "format", std::string("kg-graph\0\0\0\x02", 12)).ok());
    for (auto* h : handles) raw->DestroyColumnFamilyHandle(h);
    delete raw;
  }
  {
    StoreOptions read_only;
    read_only.read_only = true;
    auto store = OpenStore(dir.path(), read_only);
    CHECK(store->catalog()->fulltext_indexes().empty());
    CHECK(EntryCount(*store) == 0);
  }
  {
    auto store = OpenStore(dir.path());
    MustOk(store->CreateFullTextIndex("names", {}, {"name"}));
    CHECK(Find(*store, "ha kim ngoc") == Keys{"p/hkn"});
  }
  auto store = OpenStore(dir.path());
  CHECK(Find(*store, "ha kim ngoc") == Keys{"p/hkn"});
}
