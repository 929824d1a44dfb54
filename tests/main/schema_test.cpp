// Database::Schema (what `:schema` prints) reads counts the catalog keeps;
// these cases check them against the graph itself, counted by queries,
// after creates, property changes, deletes, a rolled-back statement, a bulk
// load and a reopen.
#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <map>

#include "main/database.h"
#include "storage/bulk_loader.h"
#include "storage/catalog.h"
#include "storage/raw_db.h"
#include "test_util.h"

namespace {

using Counts = std::map<std::string, std::pair<uint64_t, uint64_t>>;

void Exec(kg::Database& db, const std::string& text) {
  auto r = db.Execute(text);
  INFO(text << ": " << r.status().ToString());
  REQUIRE(r.ok());
}

// Property keys with the number of nodes and relationships that carry them,
// counted by reading the graph.
Counts CountedKeys(kg::Database& db) {
  Counts counts;
  for (int pass = 0; pass < 2; ++pass) {
    auto r = db.Execute(pass == 0 ? "MATCH (n) UNWIND keys(n) AS k RETURN k, count(*)"
                                  : "MATCH ()-[r]->() UNWIND keys(r) AS k RETURN k, count(*)");
    REQUIRE(r.ok());
    for (const auto& row : r->rows) {
      auto& slot = counts[row[0].as_string()];
      (pass == 0 ? slot.first : slot.second) = static_cast<uint64_t>(row[1].as_int());
    }
  }
  return counts;
}

Counts SchemaKeys(const kg::SchemaSummary& schema) {
  Counts counts;
  for (const auto& k : schema.property_keys) counts[k.name] = {k.nodes, k.relationships};
  return counts;
}

// Every count of Schema() against the graph.
void CheckSchema(kg::Database& db) {
  auto schema = db.Schema();
  REQUIRE(schema.ok());
  CHECK_FALSE(schema->property_keys_scanned);
  CHECK(SchemaKeys(*schema) == CountedKeys(db));
  auto nodes = db.Execute("MATCH (n) RETURN count(n)");
  auto rels = db.Execute("MATCH ()-[r]->() RETURN count(r)");
  REQUIRE((nodes.ok() && rels.ok()));
  CHECK(schema->nodes == static_cast<uint64_t>(nodes->rows[0][0].as_int()));
  CHECK(schema->relationships == static_cast<uint64_t>(rels->rows[0][0].as_int()));
  for (const auto& label : schema->labels) {
    auto n = db.Execute("MATCH (n:`" + label.name + "`) RETURN count(n)");
    REQUIRE(n.ok());
    CHECK(label.count == static_cast<uint64_t>(n->rows[0][0].as_int()));
  }
  for (const auto& type : schema->relationship_types) {
    auto n = db.Execute("MATCH ()-[r:`" + type.name + "`]->() RETURN count(r)");
    REQUIRE(n.ok());
    CHECK(type.count == static_cast<uint64_t>(n->rows[0][0].as_int()));
  }
}

}  // namespace

TEST_CASE("Schema's counts follow creates, changes and deletes, and survive a reopen", "[schema]") {
  kg::test::TempDir dir;
  {
    auto opened = kg::Database::Open(dir.path());
    REQUIRE(opened.ok());
    kg::Database& db = **opened;
    auto empty = db.Schema();
    REQUIRE(empty.ok());
    CHECK(empty->property_keys.empty());
    CHECK(empty->labels.empty());

    Exec(db,
         "CREATE (a:Person {name: 'Lê Hoài Trung', born: 1961})-[:MEMBER_OF {role: 'Chủ tịch', since: 2021}]->"
         "(o:Organization {name: 'Ủy ban Quốc gia UNESCO Việt Nam', name_en: 'Vietnam National Commission'})");
    Exec(db, "UNWIND range(1, 20) AS i CREATE (:Person {name: 'p' + toString(i), i: i})");
    Exec(db, "CREATE INDEX ON :Person(name)");
    CheckSchema(db);
    auto schema = db.Schema();
    REQUIRE(schema.ok());
    CHECK(SchemaKeys(*schema)["name"] == std::make_pair(uint64_t{22}, uint64_t{0}));
    REQUIRE(schema->indexes.size() == 1);
    CHECK(schema->indexes[0].label == "Person");
    CHECK(schema->indexes[0].property == "name");

    // SET, SET to null, SET +=, SET =, REMOVE, labels.
    Exec(db, "MATCH (p:Person) WHERE p.i <= 5 SET p.i = null");
    Exec(db, "MATCH (p:Person) WHERE p.i = 6 SET p += {x: 1, i: 60}");
    Exec(db, "MATCH (p:Person) WHERE p.i = 7 SET p = {only: true}");
    Exec(db, "MATCH (p:Person) WHERE p.i = 8 REMOVE p.name, p:Person SET p:Former");
    Exec(db, "MATCH ()-[r:MEMBER_OF]->() SET r.since = null, r.note = 'x'");
    Exec(db, "MATCH ()-[r:MEMBER_OF]->() SET r += {a: 1}");
    Exec(db, "MATCH (a:Person {name: 'p9'}), (b:Person {name: 'p10'}) CREATE (a)-[:KNOWS {w: 1}]->(b)");
    CheckSchema(db);
    // A statement that fails changes no count.
    CHECK_FALSE(db.Execute("MATCH (p:Person) SET p.z = 1 WITH p RETURN 1 / 0").ok());
    CheckSchema(db);
    Exec(db, "MATCH (p:Person {name: 'p10'}) DETACH DELETE p");
    Exec(db, "MATCH ()-[r:MEMBER_OF]->() DELETE r");
    CheckSchema(db);
  }
  auto reopened = kg::Database::Open(dir.path());
  REQUIRE(reopened.ok());
  CheckSchema(**reopened);
  auto schema = (*reopened)->Schema();
  REQUIRE(schema.ok());
  const Counts keys = SchemaKeys(*schema);
  CHECK(keys.count("role") == 0);  // on no entity any more: not listed
  CHECK(keys.at("only") == std::make_pair(uint64_t{1}, uint64_t{0}));
}

TEST_CASE("Schema's counts include a bulk load", "[schema]") {
  kg::test::TempDir dir;
  {
    auto store = kg::test::OpenStore(dir.path());
    auto loader = kg::test::Must(store->BeginBulkLoad());
    const kg::LabelId person = loader->InternLabel("Person");
    const kg::PropertyKeyId name = loader->InternPropertyKey("name");
    const kg::PropertyKeyId year = loader->InternPropertyKey("year");
    const kg::PropertyKeyId since = loader->InternPropertyKey("since");
    const kg::RelTypeId knows = loader->InternRelType("KNOWS");
    for (int i = 0; i < 100; ++i) {
      kg::Properties props(1);
      props[0].key = name;
      props[0].value = kg::Value("n" + std::to_string(i));
      if (i % 3 == 0) {
        props.emplace_back();
        props.back().key = year;
        props.back().value = kg::Value(int64_t{1900} + i);
      }
      kg::test::Must(loader->AddNode({person}, std::move(props)));
    }
    for (int i = 0; i < 99; ++i) {
      kg::Properties props;
      if (i % 2 == 0) {
        props.emplace_back();
        props.back().key = since;
        props.back().value = kg::Value(int64_t{i});
      }
      kg::test::Must(loader->AddRelationship(knows, i, i + 1, std::move(props)));
    }
    kg::test::MustOk(loader->Finish());
  }
  auto db = kg::Database::Open(dir.path());
  REQUIRE(db.ok());
  CheckSchema(**db);
  auto schema = (*db)->Schema();
  REQUIRE(schema.ok());
  const Counts keys = SchemaKeys(*schema);
  CHECK(keys.at("name") == std::make_pair(uint64_t{100}, uint64_t{0}));
  CHECK(keys.at("year") == std::make_pair(uint64_t{34}, uint64_t{0}));
  CHECK(keys.at("since") == std::make_pair(uint64_t{0}, uint64_t{50}));
  // Writes after the load add to its counts.
  Exec(**db, "MATCH (n:Person {name: 'n1'}) SET n.year = 1, n.extra = 'x'");
  CheckSchema(**db);
}

TEST_CASE("A version 1 catalog has no property key counts until they are set", "[schema]") {
  auto entries = kg::Catalog::InitialEntries();
  for (auto& [key, value] : entries) {
    if (key == kg::Catalog::kFormatKey) value[value.size() - 1] = 1;  // big-endian u32: version 1
  }
  entries.emplace_back(std::string("prop:") + std::string("\0\0\0\0", 4), "name");
  auto loaded = kg::Catalog::Load(entries);
  REQUIRE(loaded.ok());
  kg::Catalog catalog = std::move(loaded).value();
  CHECK_FALSE(catalog.property_counts_known());
  kg::Properties props{{0, kg::Value("x")}};
  catalog.CountNodeProperties(nullptr, &props);  // ignored: nothing to add to
  CHECK(catalog.NodesWithProperty(0) == 0);
  catalog.SetPropertyKeyCounts({7}, {2});
  CHECK(catalog.property_counts_known());
  CHECK(catalog.NodesWithProperty(0) == 7);
  CHECK(catalog.RelsWithProperty(0) == 2);
  // The upgrade rewrites the format marker as this build's version.
  bool wrote_format = false;
  for (const auto& [key, value] : catalog.ChangedEntries()) {
    if (key == kg::Catalog::kFormatKey) wrote_format = value.has_value();
  }
  CHECK(wrote_format);
  auto reloaded = kg::Catalog::Load([&] {
    std::vector<std::pair<std::string, std::string>> all;
    for (auto& [key, value] : catalog.ChangedEntries()) all.emplace_back(key, *value);
    return all;
  }());
  REQUIRE(reloaded.ok());
  CHECK(reloaded->property_counts_known());
  CHECK(reloaded->NodesWithProperty(0) == 7);
}

TEST_CASE("A version 1 database opens, and Schema counts its property keys by reading it", "[schema]") {
  kg::test::TempDir dir;
  {
    auto db = kg::Database::Open(dir.path());
    REQUIRE(db.ok());
    Exec(**db, "UNWIND range(1, 10) AS i CREATE (:Person {name: 'p' + toString(i)})-[:KNOWS {w: i}]->(:Org)");
  }
  // Make it what kg wrote before property key counts: version 1, no propcount: entries.
  kg::test::WithRawDb(dir.path(), [](rocksdb::DB* raw) {
    REQUIRE(raw->Put(rocksdb::WriteOptions(), "format", std::string("kg-graph\0\0\0\x01", 12)).ok());
    std::unique_ptr<rocksdb::Iterator> it(raw->NewIterator(rocksdb::ReadOptions()));
    for (it->Seek("propcount:"); it->Valid() && it->key().starts_with("propcount:"); it->Next()) {
      REQUIRE(raw->Delete(rocksdb::WriteOptions(), it->key()).ok());
    }
  });
  auto db = kg::Database::Open(dir.path());
  REQUIRE(db.ok());
  auto schema = (*db)->Schema();
  REQUIRE(schema.ok());
  CHECK(schema->property_keys_scanned);
  CHECK(SchemaKeys(*schema) == CountedKeys(**db));
  // Writes work, and the scan sees them (the catalog keeps no counts meanwhile).
  Exec(**db, "MATCH (p:Person {name: 'p1'}) SET p.extra = 1");
  schema = (*db)->Schema();
  REQUIRE(schema.ok());
  CHECK(schema->property_keys_scanned);
  CHECK(SchemaKeys(*schema) == CountedKeys(**db));
  CHECK(SchemaKeys(*schema).at("extra") == std::make_pair(uint64_t{1}, uint64_t{0}));
}
