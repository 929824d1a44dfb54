// The consistency check (storage/consistency_check.h): a database written
// only through kg is consistent; one damaged behind kg's back, through the
// raw RocksDB API, is reported, each damage with what and which id.
#include "storage/consistency_check.h"

#include <rocksdb/db.h>

#include <algorithm>
#include <map>

#include "main/database.h"
#include "storage/fulltext_entries.h"
#include "storage/key_codec.h"
#include "storage/raw_db.h"
#include "storage/record_codec.h"
#include "test_util.h"

using namespace kg;        // NOLINT: test file
using namespace kg::test;  // NOLINT

namespace {

using Families = std::map<std::string, rocksdb::ColumnFamilyHandle*>;

std::unique_ptr<Database> OpenDb(const std::string& path, bool read_only = false) {
  DatabaseOptions options;
  options.store.read_only = read_only;
  options.store.create_if_missing = !read_only;
  auto db = Database::Open(path, options);
  INFO(db.status().ToString());
  REQUIRE(db.ok());
  return std::move(db).value();
}

QueryResult Exec(Database& db, const std::string& text) {
  auto r = db.Execute(text);
  INFO(text << "\n" << r.status().ToString());
  REQUIRE(r.ok());
  return std::move(r).value();
}

int64_t IdOf(Database& db, const std::string& query) {
  QueryResult r = Exec(db, query);
  REQUIRE(r.rows.size() == 1);
  return r.rows[0][0].as_int();
}

ConsistencyReport CheckReadOnly(const std::string& path) {
  auto db = OpenDb(path, /*read_only=*/true);
  auto report = db->CheckConsistency();
  INFO(report.status().ToString());
  REQUIRE(report.ok());
  return std::move(report).value();
}

std::string Lines(const ConsistencyReport& r) {
  std::string s;
  for (const std::string& line : r.problems) s += line + "\n";
  return s;
}

bool Reports(const ConsistencyReport& r, const std::string& part) {
  return std::any_of(r.problems.begin(), r.problems.end(),
                     [&](const std::string& line) { return line.find(part) != std::string::npos; });
}

// A small graph that uses every column family: labels, a property index, a
// full-text index, unique keys, a self-loop, and a history of changes and
// deletes.
struct Graph {
  int64_t ana, binh, org, knows, loop;
};

Graph Build(Database& db) {
  Exec(db, "CREATE INDEX ON :Person(name)");
  Exec(db, "CREATE FULLTEXT INDEX names FOR (n:Person|Org) ON EACH [n.name, n.aliases]");
  Exec(db,
       "CREATE (a:Person {key: 'person/ana', name: 'Ana Lê', born: 1990}),"
       "       (b:Person {key: 'person/binh', name: 'Bình', aliases: ['Binh', 'B. Trần']}),"
       "       (o:Org {key: 'org/mofa', name: 'Bộ Ngoại giao'}),"
       "       (a)-[:KNOWS {since: 2001}]->(b), (a)-[:MEMBER_OF]->(o), (o)-[:PART_OF]->(o),"
       "       (:Temp {key: 'temp'})-[:T]->(:Temp)");
  Exec(db, "MATCH (t:Temp) DETACH DELETE t");
  Exec(db, "MATCH (b:Person {key: 'person/binh'}) SET b.name = 'Bình Trần', b:Diplomat REMOVE b.aliases");
  Exec(db, "MATCH (a:Person {key: 'person/ana'}) SET a.key = 'person/ana-le'");
  Graph g;
  g.ana = IdOf(db, "MATCH (a {key: 'person/ana-le'}) RETURN id(a)");
  g.binh = IdOf(db, "MATCH (b {key: 'person/binh'}) RETURN id(b)");
  g.org = IdOf(db, "MATCH (o {key: 'org/mofa'}) RETURN id(o)");
  g.knows = IdOf(db, "MATCH ()-[r:KNOWS]->() RETURN id(r)");
  g.loop = IdOf(db, "MATCH ()-[r:PART_OF]->() RETURN id(r)");
  return g;
}

// Builds the graph in a new database under `dir`, closes it, and returns its ids.
Graph BuildClosed(const TempDir& dir) {
  auto db = OpenDb(dir.path());
  return Build(*db);
}

std::string Read(rocksdb::DB* raw, rocksdb::ColumnFamilyHandle* cf, const std::string& key) {
  std::string value;
  REQUIRE(raw->Get(rocksdb::ReadOptions(), cf, key, &value).ok());
  return value;
}

void Put(rocksdb::DB* raw, rocksdb::ColumnFamilyHandle* cf, const std::string& key, const std::string& value) {
  REQUIRE(raw->Put(rocksdb::WriteOptions(), cf, key, value).ok());
}

void Delete(rocksdb::DB* raw, rocksdb::ColumnFamilyHandle* cf, const std::string& key) {
  std::string value;
  REQUIRE(raw->Get(rocksdb::ReadOptions(), cf, key, &value).ok());  // it was there
  REQUIRE(raw->Delete(rocksdb::WriteOptions(), cf, key).ok());
}

uint32_t CatalogId(rocksdb::DB* raw, const std::string& prefix, const std::string& name, bool counted) {
  std::unique_ptr<rocksdb::Iterator> it(raw->NewIterator(rocksdb::ReadOptions()));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    const std::string value = it->value().ToString();
    if ((counted ? value.substr(8) : value) == name) return key_codec::GetU32(it->key().data() + prefix.size());
  }
  FAIL("no catalog entry " << prefix << name);
  return 0;
}

}  // namespace

TEST_CASE("a database written through kg is consistent", "[check]") {
  TempDir dir;
  auto db = OpenDb(dir.path());
  Build(*db);
  auto report = db->CheckConsistency();
  REQUIRE(report.ok());
  INFO(Lines(*report));
  CHECK(report->clean());
  CHECK(report->nodes == 3);
  CHECK(report->relationships == 3);
  CHECK(report->adjacency_entries == 6);
  CHECK(report->label_entries == 4);  // Ana, Bình (twice), the Org
  CHECK(report->property_index_entries == 2);
  CHECK(report->unique_key_entries == 3);
  CHECK(report->fulltext_entries > 0);
}

TEST_CASE("the check runs read-only beside an open writer, and on an in-memory store", "[check]") {
  TempDir dir;
  auto writer = OpenDb(dir.path());
  Build(*writer);
  auto reader = OpenDb(dir.path(), /*read_only=*/true);
  Exec(*writer, "CREATE (:Person {key: 'person/chi', name: 'Chi'})");
  auto report = reader->CheckConsistency();
  REQUIRE(report.ok());
  INFO(Lines(*report));
  CHECK(report->clean());
  CHECK(report->nodes == 4);  // it caught up with the writer when it began

  DatabaseOptions memory;
  memory.store.in_memory = true;
  auto in_memory = Database::Open(dir.Sub("memory"), memory);
  REQUIRE(in_memory.ok());
  Build(**in_memory);
  auto again = (*in_memory)->CheckConsistency();
  REQUIRE(again.ok());
  CHECK(again->clean());
}

TEST_CASE("damaged adjacency is reported in both directions", "[check]") {
  TempDir dir;
  const Graph g = BuildClosed(dir);
  SECTION("a missing out entry") {
    WithRawFamilies(dir.path(), [&](rocksdb::DB* raw, const Families& cf) {
      const uint32_t knows = CatalogId(raw, "type:", "KNOWS", true);
      Delete(raw, cf.at("adjacency"), key_codec::AdjacencyKey(g.ana, Direction::kOut, knows, g.binh, g.knows));
    });
    const ConsistencyReport r = CheckReadOnly(dir.path());
    INFO(Lines(r));
    CHECK(r.problem_count == 1);
    CHECK(Reports(r, "adjacency: relationship " + std::to_string(g.knows)));
    CHECK(Reports(r, "has no out entry under node " + std::to_string(g.ana)));
  }
  SECTION("a missing in entry of a self-loop") {
    WithRawFamilies(dir.path(), [&](rocksdb::DB* raw, const Families& cf) {
      const uint32_t part_of = CatalogId(raw, "type:", "PART_OF", true);
      Delete(raw, cf.at("adjacency"), key_codec::AdjacencyKey(g.org, Direction::kIn, part_of, g.org, g.loop));
    });
    const ConsistencyReport r = CheckReadOnly(dir.path());
    INFO(Lines(r));
    CHECK(r.problem_count == 1);
    CHECK(Reports(r, "has no in entry under node " + std::to_string(g.org)));
  }
  SECTION("a stale entry: no such relationship, or another type or neighbour") {
    WithRawFamilies(dir.path(), [&](rocksdb::DB* raw, const Families& cf) {
      const uint32_t knows = CatalogId(raw, "type:", "KNOWS", true);
      Put(raw, cf.at("adjacency"), key_codec::AdjacencyKey(g.binh, Direction::kOut, knows, g.ana, 999), "");
      Put(raw, cf.at("adjacency"), key_codec::AdjacencyKey(g.binh, Direction::kIn, knows, g.org, g.knows), "");
    });
    const ConsistencyReport r = CheckReadOnly(dir.path());
    INFO(Lines(r));
    CHECK(r.problem_count == 2);
    CHECK(Reports(r,
                  "the out entry of relationship 999 under node " + std::to_string(g.binh) + ": no such relationship"));
    CHECK(Reports(r, "the in entry of relationship " + std::to_string(g.knows) + " under node " +
                         std::to_string(g.binh) + ": the relationship is"));
  }
  SECTION("a relationship whose end node is gone") {
    WithRawFamilies(dir.path(), [&](rocksdb::DB* raw, const Families& cf) {
      // The node's record and everything it implies, but not its relationships.
      Delete(raw, cf.at("nodes"), key_codec::NodeKey(g.binh));
    });
    const ConsistencyReport r = CheckReadOnly(dir.path());
    INFO(Lines(r));
    CHECK(Reports(
        r, "relationship " + std::to_string(g.knows) + ": its end node " + std::to_string(g.binh) + " does not exist"));
    CHECK(Reports(r, "counts: nodes: the catalog says 3, the records 2"));
    CHECK(Reports(r,
                  "labels: an entry for label Person names node " + std::to_string(g.binh) + ", which does not exist"));
    CHECK(Reports(r, "unique key: the entry of key 'person/binh' names node " + std::to_string(g.binh)));
  }
}

TEST_CASE("catalog counts and counters that differ from the records are reported", "[check]") {
  TempDir dir;
  BuildClosed(dir);
  SECTION("a label count") {
    WithRawFamilies(dir.path(), [&](rocksdb::DB* raw, const Families&) {
      const uint32_t person = CatalogId(raw, "label:", "Person", true);
      std::string key = "label:";
      key_codec::PutU32(&key, person);
      std::string value = Read(raw, raw->DefaultColumnFamily(), key);
      std::string count;
      key_codec::PutU64(&count, 7);
      Put(raw, raw->DefaultColumnFamily(), key, count + value.substr(8));
    });
    const ConsistencyReport r = CheckReadOnly(dir.path());
    INFO(Lines(r));
    CHECK(r.problem_count == 1);
    CHECK(Reports(r, "counts: nodes labelled Person: the catalog says 7, the records 2"));
  }
  SECTION("the relationship total, a property key count and the next node id") {
    WithRawFamilies(dir.path(), [&](rocksdb::DB* raw, const Families&) {
      std::string v;
      key_codec::PutU64(&v, 1);
      Put(raw, raw->DefaultColumnFamily(), "rel_count", v);
      Put(raw, raw->DefaultColumnFamily(), "next_node", v);
      const uint32_t born = CatalogId(raw, "prop:", "born", false);
      std::string key = "propcount:";
      key_codec::PutU32(&key, born);
      Put(raw, raw->DefaultColumnFamily(), key, std::string(16, '\0'));
      Put(raw, raw->DefaultColumnFamily(), "mystery", "x");
    });
    const ConsistencyReport r = CheckReadOnly(dir.path());
    INFO(Lines(r));
    CHECK(Reports(r, "counts: relationships: the catalog says 1, the records 3"));
    CHECK(Reports(r, "counts: nodes with property born: the catalog says 0, the records 1"));
    CHECK(Reports(r, "id not below the catalog's next node id 1"));
    CHECK(Reports(r, "catalog: unknown entry 'mystery'"));
  }
}

TEST_CASE("damaged labels, property index and unique keys are reported", "[check]") {
  TempDir dir;
  const Graph g = BuildClosed(dir);
  SECTION("labels: missing and stale") {
    WithRawFamilies(dir.path(), [&](rocksdb::DB* raw, const Families& cf) {
      const uint32_t diplomat = CatalogId(raw, "label:", "Diplomat", true);
      const uint32_t org = CatalogId(raw, "label:", "Org", true);
      Delete(raw, cf.at("labels"), key_codec::LabelKey(diplomat, g.binh));
      Put(raw, cf.at("labels"), key_codec::LabelKey(org, g.ana), "");
    });
    const ConsistencyReport r = CheckReadOnly(dir.path());
    INFO(Lines(r));
    CHECK(r.problem_count == 2);
    CHECK(Reports(r, "labels: node " + std::to_string(g.binh) + " has label Diplomat but no labels entry"));
    CHECK(
        Reports(r, "labels: an entry for label Org names node " + std::to_string(g.ana) + ", which does not have it"));
  }
  SECTION("property index: a stale entry left by a change, and a missing one") {
    WithRawFamilies(dir.path(), [&](rocksdb::DB* raw, const Families& cf) {
      const uint32_t person = CatalogId(raw, "label:", "Person", true);
      const uint32_t name = CatalogId(raw, "prop:", "name", false);
      Put(raw, cf.at("property_index"), key_codec::PropertyIndexKey(person, name, Value("Bình"), g.binh), "");
      Delete(raw, cf.at("property_index"), key_codec::PropertyIndexKey(person, name, Value("Ana Lê"), g.ana));
    });
    const ConsistencyReport r = CheckReadOnly(dir.path());
    INFO(Lines(r));
    CHECK(r.problem_count == 2);
    CHECK(
        Reports(r, "property index: node " + std::to_string(g.ana) + " (:Person {name: 'Ana Lê'}) has no index entry"));
    CHECK(Reports(r, "property index: an entry of :Person(name) for node " + std::to_string(g.binh) +
                         ": the node's value is 'Bình Trần'"));
  }
  SECTION("unique keys: a stale entry and a missing one") {
    WithRawFamilies(dir.path(), [&](rocksdb::DB* raw, const Families& cf) {
      std::string id;
      key_codec::PutU64(&id, g.ana);
      Put(raw, cf.at("unique_keys"), key_codec::UniqueKeyKey(Value("person/ana")), id);
      Delete(raw, cf.at("unique_keys"), key_codec::UniqueKeyKey(Value("org/mofa")));
    });
    const ConsistencyReport r = CheckReadOnly(dir.path());
    INFO(Lines(r));
    CHECK(r.problem_count == 2);
    CHECK(Reports(r, "unique key: node " + std::to_string(g.org) + " has key 'org/mofa' but no unique key entry"));
    CHECK(Reports(r, "unique key: the entry of key 'person/ana' names node " + std::to_string(g.ana) +
                         ", whose key is 'person/ana-le'"));
  }
  SECTION("two nodes with one key") {
    WithRawFamilies(dir.path(), [&](rocksdb::DB* raw, const Families& cf) {
      // Bình's record now carries Ana's key; the entry still names Ana.
      NodeRecord node;
      REQUIRE(record_codec::DecodeNode(g.binh, Read(raw, cf.at("nodes"), key_codec::NodeKey(g.binh)), &node).ok());
      SetProperty(&node.properties, CatalogId(raw, "prop:", "key", false), Value("person/ana-le"));
      std::string record;
      record_codec::EncodeNode(node, &record);
      Put(raw, cf.at("nodes"), key_codec::NodeKey(g.binh), record);
    });
    const ConsistencyReport r = CheckReadOnly(dir.path());
    INFO(Lines(r));
    CHECK(Reports(r, "unique key: node " + std::to_string(g.binh) +
                         " has key 'person/ana-le', whose entry names node " + std::to_string(g.ana) +
                         " (two nodes share a key"));
    CHECK(Reports(r, "unique key: the entry of key 'person/binh' names node " + std::to_string(g.binh) +
                         ", whose key is 'person/ana-le'"));
  }
  SECTION("a record that does not decode") {
    WithRawFamilies(dir.path(), [&](rocksdb::DB* raw, const Families& cf) {
      Put(raw, cf.at("rels"), key_codec::RelKey(g.knows), "\x05");
    });
    const ConsistencyReport r = CheckReadOnly(dir.path());
    INFO(Lines(r));
    CHECK(Reports(r, "relationship " + std::to_string(g.knows) + ": the record does not decode"));
  }
}

TEST_CASE("damaged full-text entries are reported", "[check]") {
  TempDir dir;
  const Graph g = BuildClosed(dir);
  WithRawFamilies(dir.path(), [&](rocksdb::DB* raw, const Families& cf) {
    // Every entry of Ana goes; one of Bình's old aliases comes back.
    std::vector<std::string> ana, binh;
    std::unique_ptr<rocksdb::Iterator> it(raw->NewIterator(rocksdb::ReadOptions(), cf.at("fulltext")));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      fulltext::Decoded d;
      REQUIRE(fulltext::Decode(it->key().ToStringView(), it->value().ToStringView(), &d));
      if (static_cast<int64_t>(d.node) == g.ana) ana.push_back(it->key().ToString());
    }
    REQUIRE(ana.size() >= 3);  // 'ana', 'le' and the exact entry
    for (const std::string& key : ana) Delete(raw, cf.at("fulltext"), key);
    std::string stale(1, fulltext::kTokenEntry);
    key_codec::PutU32(&stale, 0);
    stale += std::string("binh") + '\0';
    key_codec::PutU64(&stale, g.binh);
    key_codec::PutU32(&stale, CatalogId(raw, "prop:", "aliases", false));
    key_codec::PutU32(&stale, 0);
    Put(raw, cf.at("fulltext"), stale, std::string(1, '\0') + "binh");
  });
  const ConsistencyReport r = CheckReadOnly(dir.path());
  INFO(Lines(r));
  CHECK(Reports(
      r, "full-text: node " + std::to_string(g.ana) + " lacks an entry (word 'ana' of index 'names', property name)"));
  CHECK(Reports(r, "full-text: node " + std::to_string(g.ana) + " lacks an entry (exact 'ana le'"));
  CHECK(Reports(r, "full-text: an entry (word 'binh' of index 'names', property aliases) for node " +
                       std::to_string(g.binh) + ": the node's values do not imply it"));
}
