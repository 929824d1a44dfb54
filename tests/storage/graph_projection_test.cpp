// The in-memory projection (storage/graph_projection.h) must answer every
// read exactly as RocksDB does: after creates, deletes, relabelling,
// property changes, rolled-back statements, a bulk load, a reopen, and in
// a second (read-only) instance that catches up with the writer.
//
// The reference is a write transaction, which never reads through the
// projection; the projected side is a read transaction that uses it.
#include <atomic>
#include <random>
#include <set>

#include "common/time_zone.h"
#include "storage/bulk_loader.h"
#include "test_util.h"

namespace kg::test {
namespace {

const char* const kLabels[] = {"Person", "Organization", "Site"};
const char* const kTypes[] = {"KNOWS", "MEMBER_OF"};
const char* const kKeys[] = {"name", "year", "score"};

bool SameEntries(const std::vector<AdjacencyEntry>& a, const std::vector<AdjacencyEntry>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].node != b[i].node || a[i].direction != b[i].direction || a[i].type != b[i].type ||
        a[i].neighbour != b[i].neighbour || a[i].rel != b[i].rel) {
      return false;
    }
  }
  return true;
}

// Every read the projection serves, compared with the reference.
void CheckAgainstRocksDb(GraphStore& store) {
  auto projected = Read(store);
  MustOk(projected->UseProjection());
  REQUIRE(projected->projection() != nullptr);
  auto reference = Write(store);  // reads RocksDB only; rolled back below
  const Catalog& cat = reference->catalog();
  const NodeId bound = cat.next_node_id() + 2;  // and a couple of ids never used

  std::vector<LabelId> labels;
  for (LabelId l = 0; l < cat.num_labels(); ++l) labels.push_back(l);
  std::vector<RelTypeId> types;
  for (RelTypeId t = 0; t < cat.num_rel_types(); ++t) types.push_back(t);

  for (NodeId id = 0; id < bound; ++id) {
    INFO("node " << id);
    const bool exists = Must(reference->NodeExists(id));
    REQUIRE(Must(projected->NodeExists(id)) == exists);
    auto rec = Must(reference->GetNode(id));
    for (LabelId l : labels) {
      REQUIRE(Must(projected->HasLabels(id, {l})) == (rec && rec->HasLabel(l)));
    }
    REQUIRE(Must(projected->HasLabels(id, {})) == exists);
    for (PropertyKeyId k = 0; k < cat.num_property_keys(); ++k) {
      Value got;
      bool got_exists = false;
      MustOk(projected->GetNodeProperty(id, k, &got, &got_exists));
      REQUIRE(got_exists == exists);
      const Value* want = rec ? FindProperty(rec->properties, k) : nullptr;
      REQUIRE(got == (want ? *want : Value()));
    }
    for (Direction d : {Direction::kOut, Direction::kIn, Direction::kBoth}) {
      REQUIRE(SameEntries(Collect(projected->Expand(id, d)), Collect(reference->Expand(id, d))));
      for (RelTypeId t : types) {
        REQUIRE(SameEntries(Collect(projected->Expand(id, d, {t})), Collect(reference->Expand(id, d, {t}))));
      }
      REQUIRE(SameEntries(Collect(projected->Expand(id, d, types)), Collect(reference->Expand(id, d, types))));
      REQUIRE(Must(projected->Degree(id, d)) == Must(reference->Degree(id, d)));
    }
  }
  for (LabelId l : labels) {
    const std::vector<NodeId> want = Collect(reference->ScanLabel(l));
    REQUIRE(Collect(projected->ScanLabel(l)) == want);
    // The equality pre-filter keeps every node that has the value.
    for (PropertyKeyId k = 0; k < cat.num_property_keys(); ++k) {
      for (const Value& v : {Value(int64_t{1990}), Value("An"), Value(true), Value(LocalTime{3600 * kNanosPerSecond}),
                             Value(Duration{1, 0, 0, 0})}) {
        // An id the cursor is certain of has the value.
        for (auto c = projected->ScanLabelMaybeEqual(l, k, v); c->Valid(); c->Next()) {
          if (!c->certain()) continue;
          auto rec = Must(reference->GetNode(c->id()));
          REQUIRE(rec.has_value());
          const Value* have = FindProperty(rec->properties, k);
          REQUIRE((have && *have == v));
        }
        const std::vector<NodeId> maybe = Collect(projected->ScanLabelMaybeEqual(l, k, v));
        REQUIRE(std::is_sorted(maybe.begin(), maybe.end()));
        const std::set<NodeId> kept(maybe.begin(), maybe.end());
        for (NodeId id : want) {
          auto rec = Must(reference->GetNode(id));
          const Value* have = FindProperty(rec->properties, k);
          if (have && *have == v) REQUIRE(kept.count(id) == 1);
        }
        for (NodeId id : maybe) REQUIRE(std::binary_search(want.begin(), want.end(), id));
      }
    }
  }
  std::vector<NodeId> all;
  for (auto c = reference->ScanNodes(); c->Valid(); c->Next()) all.push_back(c->record().id);
  REQUIRE(Collect(projected->ScanNodeIds()) == all);
  reference->Rollback();
}

// Node 0 (An) KNOWS node 1 (Bình), committed.
void AnKnowsBinh(GraphStore& store) {
  auto txn = Write(store);
  const NodeId a = AddNode(*txn, {"Person"}, {{"name", Value("An")}});
  const NodeId b = AddNode(*txn, {"Person"}, {{"name", Value("Bình")}});
  AddRel(*txn, "KNOWS", a, b);
  MustOk(txn->Commit());
}

// One random statement: creates, relationship changes, property and label
// changes, deletes; committed or rolled back.
void RandomStatement(GraphStore& store, std::mt19937_64& rng) {
  auto txn = Write(store);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  const int steps = 1 + static_cast<int>(pick(6));
  for (int s = 0; s < steps; ++s) {
    const NodeId next = txn->catalog().next_node_id();
    const NodeId some = next == 0 ? 0 : pick(next);
    const bool some_exists = next > 0 && Must(txn->NodeExists(some));
    switch (pick(8)) {
      case 0:
      case 1: {
        NamedProps props;
        if (pick(2)) props.push_back({"name", Value(pick(3) == 0 ? "An" : "Bình")});
        if (pick(3)) props.push_back({"year", Value(static_cast<int64_t>(1985 + pick(10)))});
        if (pick(4) == 0) props.push_back({"score", Value(ValueList{Value(int64_t{1}), Value(int64_t{2})})});
        AddNode(*txn, {kLabels[pick(3)]}, props);
        break;
      }
      case 2:
      case 3: {
        if (next < 2) break;
        const NodeId a = pick(next), b = pick(next);
        if (Must(txn->NodeExists(a)) && Must(txn->NodeExists(b))) AddRel(*txn, kTypes[pick(2)], a, b);
        break;
      }
      case 4:
        if (some_exists) {
          MustOk(txn->SetNodeProperty(some, Must(txn->InternPropertyKey(kKeys[pick(3)])),
                                      pick(3) == 0 ? Value() : Value(static_cast<int64_t>(1990))));
        }
        break;
      case 5:
        if (some_exists) {
          const LabelId l = Must(txn->InternLabel(kLabels[pick(3)]));
          MustOk(pick(2) ? txn->AddNodeLabel(some, l) : txn->RemoveNodeLabel(some, l));
        }
        break;
      case 6: {
        if (!some_exists) break;
        auto rels = Collect(txn->Expand(some, Direction::kBoth));
        if (!rels.empty()) MustOk(txn->DeleteRelationship(rels[pick(rels.size())].rel));
        break;
      }
      case 7:
        if (some_exists) MustOk(txn->DeleteNode(some, /*detach=*/true));
        break;
    }
  }
  if (pick(5) == 0) {
    txn->Rollback();
  } else {
    MustOk(txn->Commit());
  }
}

}  // namespace

TEST_CASE("the projection answers as RocksDB does through random statements", "[projection]") {
  TempDir dir;
  auto store = OpenStore(dir.Sub("db"));
  std::mt19937_64 rng(7);
  for (int i = 0; i < 30; ++i) RandomStatement(*store, rng);
  CheckAgainstRocksDb(*store);
  auto first = store->current_projection();
  REQUIRE(first != nullptr);
  // Later statements mark nodes dirty in a projection that shares the first
  // one's data; reads stay exact.
  for (int round = 0; round < 6; ++round) {
    for (int i = 0; i < 8; ++i) RandomStatement(*store, rng);
    CheckAgainstRocksDb(*store);
  }
  auto later = store->current_projection();
  REQUIRE(later != nullptr);
  REQUIRE(later->stats().dirty > 0);
  REQUIRE(later->stats().adjacency_build_seconds == first->stats().adjacency_build_seconds);  // the same build
}

TEST_CASE("the projection holds temporal values as the records do", "[projection][temporal]") {
  TempDir dir;
  auto store = OpenStore(dir.Sub("db"));
  const uint32_t paris = *tz::FindZone("Europe/Paris");
  {
    auto txn = Write(*store);
    for (int i = 0; i < 40; ++i) {
      const LocalTime t{(i % 24) * 3600 * kNanosPerSecond + i};
      const LocalDateTime local{Date{19000 + i}, t};
      // `at` on every node (a dense column of mixed temporal kinds), `when`
      // on a few (sparse).
      Value at;
      switch (i % 5) {
        case 0:
          at = Value(t);
          break;
        case 1:
          at = Value(Time{t, -3600 * (i % 4)});
          break;
        case 2:
          at = Value(local);
          break;
        case 3:
          at = Value(tz::ResolveLocal(paris, local));
          break;
        default:
          at = Value(Duration{i, -i, 3600, i % 2 ? 5 : -5});
          break;
      }
      NamedProps props = {{"at", at}};
      if (i % 7 == 0) props.push_back({"when", Value(DateTime{local, 7200, 0})});
      AddNode(*txn, {"Event"}, props);
    }
    MustOk(txn->Commit());
  }
  CheckAgainstRocksDb(*store);
  REQUIRE(store->current_projection()->stats().columns == 2);
}

TEST_CASE("a rolled-back statement leaves the projection as it was", "[projection]") {
  TempDir dir;
  auto store = OpenStore(dir.Sub("db"));
  AnKnowsBinh(*store);
  CheckAgainstRocksDb(*store);
  auto before = store->current_projection();
  {
    auto txn = Write(*store);
    AddNode(*txn, {"Person"}, {{"name", Value("Chi")}});
    MustOk(txn->DeleteNode(0, /*detach=*/true));
    txn->Rollback();
  }
  REQUIRE(store->current_projection() == before);
  CheckAgainstRocksDb(*store);
}

TEST_CASE("many changed nodes drop the projection and the next scan builds a new one", "[projection]") {
  TempDir dir;
  auto store = OpenStore(dir.Sub("db"));
  {
    auto txn = Write(*store);
    AddNode(*txn, {"Person"});
    MustOk(txn->Commit());
  }
  CheckAgainstRocksDb(*store);
  REQUIRE(store->current_projection() != nullptr);
  {
    auto txn = Write(*store);
    for (int i = 0; i < 5000; ++i) AddNode(*txn, {"Person"}, {{"year", Value(int64_t{i})}});
    MustOk(txn->Commit());
  }
  REQUIRE(store->current_projection() == nullptr);
  CheckAgainstRocksDb(*store);
  REQUIRE(store->current_projection() != nullptr);
  REQUIRE(store->current_projection()->stats().nodes == 5001);
}

TEST_CASE("the projection is rebuilt after a reopen and after a bulk load", "[projection]") {
  TempDir dir;
  {
    auto store = OpenStore(dir.Sub("db"));
    std::mt19937_64 rng(11);
    for (int i = 0; i < 20; ++i) RandomStatement(*store, rng);
    CheckAgainstRocksDb(*store);
  }
  auto store = OpenStore(dir.Sub("db"));
  REQUIRE(store->current_projection() == nullptr);
  CheckAgainstRocksDb(*store);
  REQUIRE(store->current_projection() != nullptr);

  TempDir bulk_dir;
  auto bulk = OpenStore(bulk_dir.Sub("db"));
  {
    auto txn = Write(*bulk);
    AddNode(*txn, {"Person"});
    MustOk(txn->Commit());
  }
  CheckAgainstRocksDb(*bulk);
  REQUIRE(bulk->current_projection() != nullptr);
  {
    auto loader = Must(bulk->BeginBulkLoad());
    const LabelId person = loader->InternLabel("Person");
    const RelTypeId knows = loader->InternRelType("KNOWS");
    const PropertyKeyId year = loader->InternPropertyKey("year");
    NodeId prev = 0;
    for (int i = 0; i < 100; ++i) {
      const NodeId id = Must(loader->AddNode({person}, {Property{year, Value(int64_t{1900 + i})}}));
      if (i > 0) Must(loader->AddRelationship(knows, prev, id, {}));
      prev = id;
    }
    MustOk(loader->Finish());
  }
  REQUIRE(bulk->current_projection() == nullptr);
  CheckAgainstRocksDb(*bulk);
}

TEST_CASE("a read-only instance sees the writer's commits through its projection", "[projection]") {
  TempDir dir;
  auto writer = OpenStore(dir.Sub("db"));
  AnKnowsBinh(*writer);
  MustOk(writer->Flush());
  StoreOptions ro;
  ro.read_only = true;
  auto reader = OpenStore(dir.Sub("db"), ro);
  auto knows_of = [&](NodeId n) {
    auto txn = Read(*reader);
    MustOk(txn->UseProjection());
    REQUIRE(txn->projection() != nullptr);
    return Collect(txn->Expand(n, Direction::kOut)).size();
  };
  REQUIRE(knows_of(0) == 1);
  {
    auto txn = Write(*writer);
    const NodeId c = AddNode(*txn, {"Person"}, {{"name", Value("Chi")}});
    AddRel(*txn, "KNOWS", 0, c);
    MustOk(txn->Commit());
  }
  MustOk(writer->Flush());
  REQUIRE(knows_of(0) == 2);
  auto txn = Read(*reader);
  MustOk(txn->UseProjection());
  REQUIRE(Collect(txn->ScanLabel(LabelOf(*txn, "Person"))).size() == 3);
}

TEST_CASE("building the projection can be cancelled", "[projection]") {
  TempDir dir;
  auto store = OpenStore(dir.Sub("db"));
  {
    auto txn = Write(*store);
    for (int i = 0; i < 70000; ++i) AddNode(*txn, {"Person"});
    MustOk(txn->Commit());
  }
  std::atomic<bool> stop{true};
  auto txn = Read(*store);
  Status s = txn->UseProjection(kProjectAll, &stop);
  REQUIRE(s.Is(ErrorKind::kInterrupted));
  REQUIRE(txn->projection() == nullptr);
  REQUIRE(store->current_projection() == nullptr);
  // The transaction still reads, from RocksDB.
  REQUIRE(Collect(txn->ScanLabel(LabelOf(*txn, "Person"))).size() == 70000);
}

}  // namespace kg::test

namespace kg::test {

TEST_CASE("the nodes part and the adjacency part are built when first needed", "[projection]") {
  TempDir dir;
  auto store = OpenStore(dir.Sub("db"));
  std::mt19937_64 rng(5);
  for (int i = 0; i < 20; ++i) RandomStatement(*store, rng);
  {
    auto txn = Read(*store);
    MustOk(txn->UseProjection(kProjectNodes));
    REQUIRE(txn->projection()->has_nodes());
    REQUIRE_FALSE(txn->projection()->has_adjacency());
    const auto nodes_built = txn->projection()->stats().nodes_build_seconds;
    // Expansions read RocksDB until the adjacency part exists.
    auto reference = Write(*store);
    for (NodeId id = 0; id < reference->catalog().next_node_id(); ++id) {
      REQUIRE(
          SameEntries(Collect(txn->Expand(id, Direction::kBoth)), Collect(reference->Expand(id, Direction::kBoth))));
    }
    reference->Rollback();
    MustOk(txn->UseProjection(kProjectAdjacency));
    REQUIRE(txn->projection()->has(kProjectAll));
    REQUIRE(txn->projection()->stats().nodes_build_seconds == nodes_built);  // kept, not rebuilt
  }
  RandomStatement(*store, rng);
  CheckAgainstRocksDb(*store);
}

}  // namespace kg::test

namespace kg::test {

TEST_CASE("another process reading the database sees each commit through its projection", "[projection]") {
  TempDir dir;
  auto writer = OpenStore(dir.Sub("db"));
  AnKnowsBinh(*writer);
  // A whole-graph count in a separate kg process (a read-only instance,
  // while this one holds the database for writing): label scan and
  // expansion both go through that process's projection.
  const std::string query =
      "kg --db " + dir.Sub("db") +
      " --read-only --format csv -e \"MATCH (a:Person)-[:KNOWS]->(b:Person) RETURN count(*) AS n\"";
  auto count_in_other_process = [&] {
    Run r = RunKg(query.substr(3));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    std::string out;
    for (char ch : r.output) {
      if (ch != '\r') out += ch;  // CSV ends its lines with CRLF
    }
    return out;
  };
  REQUIRE(count_in_other_process() == "n\n1\n");
  {
    auto txn = Write(*writer);
    const NodeId c = AddNode(*txn, {"Person"}, {{"name", Value("Chi")}});
    AddRel(*txn, "KNOWS", 1, c);
    AddRel(*txn, "KNOWS", c, 0);
    MustOk(txn->Commit());
  }
  REQUIRE(count_in_other_process() == "n\n3\n");
  {
    auto txn = Write(*writer);
    MustOk(txn->DeleteNode(0, /*detach=*/true));
    MustOk(txn->Commit());
  }
  REQUIRE(count_in_other_process() == "n\n1\n");
}

}  // namespace kg::test

namespace kg::test {

TEST_CASE("readers on other threads see each commit whole through the projection", "[projection]") {
  TempDir dir;
  auto store = OpenStore(dir.Sub("db"));
  {
    auto txn = Write(*store);
    for (int i = 0; i < 200; ++i) AddNode(*txn, {"Person"});
    MustOk(txn->Commit());
  }
  std::atomic<bool> stop{false};
  std::atomic<int> checks{0};
  std::atomic<int> failures{0};
  // A reader's snapshot, catalog and projection belong to one state: the
  // relationships it walks are the catalog's count, and the Persons it
  // scans are the label's count, whatever the writer does meanwhile.
  // (Catch2's assertions are not for other threads: readers count failures.)
  auto reader = [&](bool project) {
    while (!stop) {
      auto txn = store->BeginRead();
      if (!txn.ok() || (project && !(*txn)->UseProjection().ok())) {
        ++failures;
        return;
      }
      const Catalog& cat = (*txn)->catalog();
      const LabelId person = *cat.FindLabel("Person");
      uint64_t persons = 0, rels = 0;
      for (auto c = (*txn)->ScanLabel(person); c->Valid(); c->Next()) {
        ++persons;
        for (auto e = (*txn)->Expand(c->id(), Direction::kOut); e->Valid(); e->Next()) ++rels;
      }
      if (persons != cat.NodesWithLabel(person) || rels != cat.rel_count()) ++failures;
      ++checks;
    }
  };
  std::thread a(reader, true), b(reader, false);
  std::mt19937_64 rng(3);
  for (int i = 0; i < 1500; ++i) {
    auto txn = Write(*store);
    const NodeId next = txn->catalog().next_node_id();
    if (rng() % 4 == 0) {
      auto rels = Collect(txn->Expand(rng() % next, Direction::kOut));
      if (!rels.empty()) MustOk(txn->DeleteRelationship(rels[0].rel));
    } else {
      const NodeId n = AddNode(*txn, {"Person"});
      AddRel(*txn, "KNOWS", n, rng() % n);
    }
    MustOk(txn->Commit());
  }
  // Let the readers finish at least a few checks of the last state (a
  // reader that failed has returned: waiting for it would never end).
  const int seen = checks;
  while (checks < seen + 4 && failures == 0) std::this_thread::yield();
  stop = true;
  a.join();
  b.join();
  REQUIRE(failures == 0);
  CheckAgainstRocksDb(*store);
}

}  // namespace kg::test

namespace kg::test {

// The adjacency part reads the out entries in chunks of 4,096 node ids
// (two threads taking them in turn) and derives every in block from them
// by sorting in memory. A graph spanning several chunks, its relationships
// crowded on the low ids (as in the bench kit's graph), of three types
// arriving in no order at their end nodes, with self-loops and parallel
// relationships: every block must come out as RocksDB orders it.
TEST_CASE("the adjacency derived from the out entries matches RocksDB over several chunks", "[projection]") {
  TempDir dir;
  auto store = OpenStore(dir.Sub("db"));
  std::mt19937_64 rng(13);
  const int kNodes = 9000;  // three chunks, the last one partial
  {
    auto txn = Write(*store);
    for (int i = 0; i < kNodes; ++i) AddNode(*txn, {"Person"});
    const char* const types[] = {"C", "A", "B"};
    for (int i = 0; i < 30000; ++i) {
      const NodeId a = rng() % 3 == 0 ? rng() % kNodes : rng() % 500;
      const NodeId b = rng() % 20 == 0 ? a : rng() % kNodes;
      AddRel(*txn, types[rng() % 3], a, b);
      if (rng() % 50 == 0) AddRel(*txn, types[rng() % 3], a, b);
    }
    MustOk(txn->Commit());
  }
  CheckAgainstRocksDb(*store);
  auto projection = store->current_projection();
  REQUIRE(projection != nullptr);
  REQUIRE(projection->stats().relationships == Read(*store)->catalog().rel_count());
}

}  // namespace kg::test
