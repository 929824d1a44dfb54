// Atomicity, isolation and the graph invariants a transaction enforces.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "test_util.h"

using namespace kg;        // NOLINT: test file
using namespace kg::test;  // NOLINT

TEST_CASE("a rolled-back transaction leaves nothing behind", "[txn]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  {
    auto txn = Write(*store);
    NodeId a = AddNode(*txn, {"Ghost"}, {{"key", "ghost"}});
    NodeId b = AddNode(*txn, {"Ghost"});
    AddRel(*txn, "HAUNTS", a, b);
    txn->Rollback();
  }
  {
    auto txn = Write(*store);
    AddNode(*txn, {"Ghost"}, {{"key", "ghost2"}});
    // destroyed without Commit: rolled back too
  }
  store.reset();
  store = OpenStore(dir.path());
  auto txn = Read(*store);
  CHECK(txn->catalog().node_count() == 0);
  CHECK(txn->catalog().rel_count() == 0);
  CHECK_FALSE(txn->catalog().FindLabel("Ghost"));  // not even the name
  CHECK_FALSE(Must(txn->FindNodeByKey(Value("ghost"))));
  CHECK(txn->ScanNodes()->Valid() == false);
  CHECK(txn->ScanRelationships()->Valid() == false);
}

TEST_CASE("a transaction that hit an error and is abandoned leaves nothing behind", "[txn]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  {
    auto txn = Write(*store);
    AddNode(*txn, {"P"}, {{"key", "taken"}});
    MustOk(txn->Commit());
  }
  {
    auto txn = Write(*store);
    NodeId fresh = AddNode(*txn, {"P"}, {{"key", "fresh"}});
    AddRel(*txn, "T", fresh, fresh);
    auto dup = txn->CreateNode({LabelOf(*txn, "P")}, Props(*txn, {{"key", "taken"}}));
    REQUIRE(dup.status().Is(ErrorKind::kConstraint));
    CHECK(dup.status().message().find("already belongs to node") != std::string::npos);
    // The caller gives up on the statement: nothing of it may remain.
  }
  auto txn = Read(*store);
  CHECK(txn->catalog().node_count() == 1);
  CHECK(txn->catalog().rel_count() == 0);
  CHECK_FALSE(Must(txn->FindNodeByKey(Value("fresh"))));
  CHECK(Collect(txn->ScanLabel(LabelOf(*txn, "P"))).size() == 1);
}

TEST_CASE("a finished transaction refuses further work", "[txn]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  auto txn = Write(*store);
  MustOk(txn->Commit());
  CHECK(txn->Commit().Is(ErrorKind::kUsage));
  CHECK(txn->CreateNode({}, {}).status().Is(ErrorKind::kUsage));
  auto reader = Read(*store);
  CHECK(reader->CreateNode({}, {}).status().Is(ErrorKind::kUsage));
  CHECK(reader->Commit().Is(ErrorKind::kUsage));
}

TEST_CASE("a node with relationships is deleted only by a detach delete", "[txn]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  NodeId hub, x, y;
  {
    auto txn = Write(*store);
    hub = AddNode(*txn, {"Hub"});
    x = AddNode(*txn, {"Leaf"});
    y = AddNode(*txn, {"Leaf"});
    AddRel(*txn, "OUT", hub, x);
    AddRel(*txn, "IN", y, hub);
    AddRel(*txn, "SELF", hub, hub);
    MustOk(txn->Commit());
  }
  {
    auto txn = Write(*store);
    Status s = txn->DeleteNode(hub);
    REQUIRE(s.Is(ErrorKind::kConstraint));
    CHECK(s.message() ==
          "cannot delete node 0: it still has 3 relationships (delete them first, or use DETACH DELETE)");
    MustOk(txn->DeleteNode(hub, /*detach=*/true));
    MustOk(txn->Commit());
  }
  auto txn = Read(*store);
  CHECK_FALSE(Must(txn->GetNode(hub)));
  CHECK(txn->catalog().rel_count() == 0);
  CHECK(Collect(txn->Expand(x, Direction::kBoth)).empty());
  CHECK(Collect(txn->Expand(y, Direction::kBoth)).empty());
  CHECK(txn->ScanRelationships()->Valid() == false);
}

TEST_CASE("no relationship can point at a missing node", "[txn]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  auto txn = Write(*store);
  NodeId a = AddNode(*txn, {"A"});
  RelTypeId t = Must(txn->InternRelType("T"));
  auto r = txn->CreateRelationship(t, a, 12345, {});
  REQUIRE(r.status().Is(ErrorKind::kConstraint));
  CHECK(r.status().message() == "cannot create a relationship to node 12345: it does not exist");
  NodeId b = AddNode(*txn, {"A"});
  MustOk(txn->DeleteNode(b));
  CHECK(txn->CreateRelationship(t, b, a, {}).status().Is(ErrorKind::kConstraint));
}

TEST_CASE("both adjacency directions always agree", "[txn]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  std::mt19937 rng(1234);
  const int kNodes = 200;
  std::vector<NodeId> nodes;
  std::set<RelId> alive;
  {
    auto txn = Write(*store);
    for (int i = 0; i < kNodes; ++i) nodes.push_back(AddNode(*txn, {"N"}));
    const char* types[] = {"A", "B", "C"};
    for (int i = 0; i < 2000; ++i) {
      alive.insert(AddRel(*txn, types[rng() % 3], nodes[rng() % kNodes], nodes[rng() % kNodes]));
    }
    MustOk(txn->Commit());
  }
  {  // delete some relationships and some nodes (detaching them)
    auto txn = Write(*store);
    for (RelId r : std::vector<RelId>(alive.begin(), alive.end())) {
      if (rng() % 5 == 0) {
        MustOk(txn->DeleteRelationship(r));
        alive.erase(r);
      }
    }
    for (int i = 0; i < 10; ++i) {
      NodeId n = nodes[rng() % kNodes];
      if (Must(txn->NodeExists(n))) MustOk(txn->DeleteNode(n, true));
    }
    MustOk(txn->Commit());
  }
  auto txn = Read(*store);
  // Every relationship record has its out entry at the start and its in
  // entry at the end; every adjacency entry has its record.
  std::multiset<std::tuple<NodeId, RelTypeId, NodeId, RelId>> from_out, from_in, from_records;
  for (auto c = txn->ScanRelationships(); c->Valid(); c->Next()) {
    const RelRecord& r = c->record();
    from_records.insert({r.start, r.type, r.end, r.id});
    CHECK(Must(txn->NodeExists(r.start)));
    CHECK(Must(txn->NodeExists(r.end)));
  }
  uint64_t both_total = 0, self_loops = 0;
  for (NodeId n : nodes) {
    for (const AdjacencyEntry& e : Collect(txn->Expand(n, Direction::kOut))) {
      CHECK(e.direction == Direction::kOut);
      from_out.insert({n, e.type, e.neighbour, e.rel});
    }
    for (const AdjacencyEntry& e : Collect(txn->Expand(n, Direction::kIn))) {
      CHECK(e.direction == Direction::kIn);
      from_in.insert({e.neighbour, e.type, n, e.rel});
      if (e.neighbour == n) ++self_loops;
    }
    auto both = Collect(txn->Expand(n, Direction::kBoth));
    both_total += both.size();
    // A type filter returns exactly the matching subset.
    auto only_a = Collect(txn->Expand(n, Direction::kBoth, {TypeOf(*txn, "A")}));
    CHECK(static_cast<size_t>(std::count_if(both.begin(), both.end(), [&](const AdjacencyEntry& e) {
            return e.type == TypeOf(*txn, "A");
          })) == only_a.size());
    CHECK(Must(txn->Degree(n, Direction::kBoth)) == both.size());
  }
  CHECK(from_out == from_records);
  CHECK(from_in == from_records);
  CHECK(from_records.size() == txn->catalog().rel_count());
  // In both directions a relationship is seen from each end, a self-loop once.
  CHECK(both_total == 2 * from_records.size() - self_loops);
}

TEST_CASE("a type filter on several types returns each type's relationships", "[txn]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  auto txn = Write(*store);
  NodeId a = AddNode(*txn, {});
  NodeId b = AddNode(*txn, {});
  AddRel(*txn, "X", a, b);
  AddRel(*txn, "Y", a, b);
  AddRel(*txn, "Z", b, a);
  MustOk(txn->Commit());
  auto r = Read(*store);
  CHECK(Collect(r->Expand(a, Direction::kOut, {TypeOf(*r, "Y"), TypeOf(*r, "X")})).size() == 2);
  CHECK(Collect(r->Expand(a, Direction::kIn, {TypeOf(*r, "X"), TypeOf(*r, "Z")})).size() == 1);
  CHECK(Collect(r->Expand(a, Direction::kBoth, {TypeOf(*r, "Z"), TypeOf(*r, "Z")})).size() == 1);
  auto in = Collect(r->Expand(a, Direction::kIn));
  REQUIRE(in.size() == 1);
  CHECK(in[0].neighbour == b);
  CHECK(in[0].type == TypeOf(*r, "Z"));
}

TEST_CASE("a read transaction sees one snapshot for its whole life", "[txn]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  NodeId a;
  {
    auto w = Write(*store);
    a = AddNode(*w, {"P"}, {{"name", "before"}});
    MustOk(w->Commit());
  }
  auto reader = Read(*store);
  {
    auto w = Write(*store);
    MustOk(w->SetNodeProperty(a, KeyOf(*w, "name"), Value("after")));
    AddNode(*w, {"P"});
    AddNode(*w, {"Q"});
    MustOk(w->Commit());
  }
  CHECK(PropOf(*reader, a, "name") == Value("before"));
  CHECK(Collect(reader->ScanLabel(LabelOf(*reader, "P"))).size() == 1);
  CHECK(reader->catalog().node_count() == 1);  // the catalog is of the same moment
  CHECK_FALSE(reader->catalog().FindLabel("Q"));
  auto later = Read(*store);
  CHECK(PropOf(*later, a, "name") == Value("after"));
  CHECK(later->catalog().node_count() == 3);
}

TEST_CASE("a write transaction reads its own writes, scans included", "[txn]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  auto txn = Write(*store);
  NodeId a = AddNode(*txn, {"P"}, {{"key", "a"}});
  NodeId b = AddNode(*txn, {"P"});
  RelId r = AddRel(*txn, "T", a, b);
  CHECK(Must(txn->GetNode(a)).has_value());
  CHECK(Must(txn->GetRelationship(r))->end == b);
  CHECK(Must(txn->FindNodeByKey(Value("a"))) == a);
  CHECK(Collect(txn->ScanLabel(LabelOf(*txn, "P"))) == std::vector<NodeId>{a, b});
  CHECK(Collect(txn->Expand(b, Direction::kIn)).size() == 1);
  // A scan opened before a write does not see that write; one opened after does.
  auto cursor = txn->ScanLabel(LabelOf(*txn, "P"));
  int seen = 0;
  for (; cursor->Valid(); cursor->Next(), ++seen) AddNode(*txn, {"P"});
  CHECK(seen == 2);
  CHECK(Collect(txn->ScanLabel(LabelOf(*txn, "P"))).size() == 4);
  MustOk(txn->DeleteRelationship(r));
  CHECK(Collect(txn->Expand(b, Direction::kIn)).empty());
}

TEST_CASE("writers take turns", "[txn]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  // Two threads each add 200 nodes in transactions of one node; the single
  // writer lock must serialise them without losing a count.
  // (Catch2's assertions are not thread-safe: the threads count failures.)
  std::atomic<int> failures{0};
  auto work = [&] {
    for (int i = 0; i < 200; ++i) {
      auto txn = store->BeginWrite();
      if (!txn.ok()) {
        ++failures;
        continue;
      }
      auto l = (*txn)->InternLabel("W");
      if (!l.ok() || !(*txn)->CreateNode({*l}, {}).ok() || !(*txn)->Commit().ok()) ++failures;
    }
  };
  std::thread t1(work), t2(work);
  t1.join();
  t2.join();
  CHECK(failures == 0);
  auto r = Read(*store);
  CHECK(r->catalog().node_count() == 400);
  CHECK(Collect(r->ScanLabel(LabelOf(*r, "W"))).size() == 400);
}

TEST_CASE("committed transactions survive a crash of the process and uncommitted ones vanish", "[txn]") {
  TempDir dir;
  OpenStore(dir.path()).reset();
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // The child commits 50 transactions, leaves one open, and dies without
    // closing anything: no flush, no destructor.
    auto store = GraphStore::Open(dir.path());
    if (!store.ok()) _exit(3);
    for (int i = 0; i < 50; ++i) {
      auto txn = (*store)->BeginWrite();
      if (!txn.ok()) _exit(4);
      auto l = (*txn)->InternLabel("Survivor");
      auto k = (*txn)->InternPropertyKey("key");
      auto a = (*txn)->CreateNode({*l}, {{*k, Value("s/" + std::to_string(i))}});
      if (!a.ok()) _exit(5);
      if (i > 0) {
        auto t = (*txn)->InternRelType("AFTER");
        if (!(*txn)->CreateRelationship(*t, *a, *a - 1, {}).ok()) _exit(6);
      }
      if (!(*txn)->Commit().ok()) _exit(7);
    }
    auto open = (*store)->BeginWrite();
    if (!open.ok()) _exit(8);
    (void)(*open)->CreateNode({*(*open)->InternLabel("Lost")}, {});
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  auto store = OpenStore(dir.path());
  auto txn = Read(*store);
  CHECK(txn->catalog().node_count() == 50);
  CHECK(txn->catalog().rel_count() == 49);
  CHECK_FALSE(txn->catalog().FindLabel("Lost"));
  CHECK(Collect(txn->ScanLabel(LabelOf(*txn, "Survivor"))).size() == 50);
  CHECK(Must(txn->FindNodeByKey(Value("s/49"))) == NodeId{49});
  CHECK(Collect(txn->Expand(49, Direction::kOut)).size() == 1);
}

TEST_CASE("cursors of one read transaction can be nested and interleaved", "[txn]") {
  // A query expands a node while it walks another node's relationships; the
  // read transaction's iterators are shared out between such cursors.
  TempDir dir;
  auto store = OpenStore(dir.path());
  std::vector<NodeId> n;
  {
    auto txn = Write(*store);
    for (int i = 0; i < 6; ++i) n.push_back(AddNode(*txn, {"N"}));
    for (int i = 0; i < 6; ++i) {
      for (int j = 0; j < 6; ++j) {
        if (i != j && (i + j) % 2 == 1) AddRel(*txn, "E", n[i], n[j]);
      }
    }
    MustOk(txn->Commit());
  }
  auto r = Read(*store);
  // Two-hop walk with nested cursors, against one built from separate scans.
  std::multiset<std::pair<NodeId, NodeId>> nested, separate;
  for (auto outer = r->Expand(n[0], Direction::kOut); outer->Valid(); outer->Next()) {
    for (auto inner = r->Expand(outer->entry().neighbour, Direction::kOut); inner->Valid(); inner->Next()) {
      nested.insert({outer->entry().neighbour, inner->entry().neighbour});
    }
  }
  for (const AdjacencyEntry& a : Collect(r->Expand(n[0], Direction::kOut))) {
    for (const AdjacencyEntry& b : Collect(r->Expand(a.neighbour, Direction::kOut)))
      separate.insert({a.neighbour, b.neighbour});
  }
  CHECK(nested == separate);
  CHECK(nested.size() == 9);  // 3 odd neighbours of node 0, each with 3 even neighbours
  // Interleaved: two cursors advanced in turn stay in their own ranges.
  auto a = r->Expand(n[1], Direction::kOut);
  auto b = r->Expand(n[2], Direction::kOut);
  int steps = 0;
  for (; a->Valid() && b->Valid(); a->Next(), b->Next(), ++steps) {
    CHECK(a->entry().node == n[1]);
    CHECK(b->entry().node == n[2]);
  }
  CHECK(steps == 3);
  // A scan of an empty range after many reuses finds nothing.
  CHECK(Collect(r->Expand(n[5] + 100, Direction::kBoth)).empty());
}

TEST_CASE("readers running beside a writer always see whole transactions", "[txn]") {
  // The writer moves amounts between accounts and adds and removes a node
  // per transaction; every reader snapshot must show the same total, and a
  // node count in its catalog that matches what it scans.
  TempDir dir;
  auto store = OpenStore(dir.path());
  const int kAccounts = 20, kTotal = 20 * 100;
  {
    auto txn = Write(*store);
    for (int i = 0; i < kAccounts; ++i) AddNode(*txn, {"Account"}, {{"balance", 100}});
    MustOk(txn->Commit());
  }
  std::atomic<bool> stop{false};
  std::atomic<int> write_failures{0}, commits{0};
  auto write = [&] {
    std::mt19937 rng(5);
    NodeId temp = 0;
    bool have_temp = false;
    for (int round = 0; round < 300; ++round) {
      auto txn = store->BeginWrite();
      if (!txn.ok()) {
        ++write_failures;
        continue;
      }
      Transaction& t = **txn;
      const PropertyKeyId balance = *t.catalog().FindPropertyKey("balance");
      const NodeId from = rng() % kAccounts, to = rng() % kAccounts;
      const int64_t amount = rng() % 50;
      auto a = t.GetNode(from);
      auto b = t.GetNode(to);
      if (!a.ok() || !b.ok() || !*a || !*b) {
        ++write_failures;
        continue;
      }
      const int64_t fa = FindProperty((*a)->properties, balance)->as_int();
      if (!t.SetNodeProperty(from, balance, Value(fa - amount)).ok()) ++write_failures;
      auto b2 = t.GetNode(to);  // read again: `from` may be `to`
      const int64_t fb = FindProperty((**b2).properties, balance)->as_int();
      if (!t.SetNodeProperty(to, balance, Value(fb + amount)).ok()) ++write_failures;
      if (have_temp) {
        if (!t.DeleteNode(temp).ok()) ++write_failures;
        have_temp = false;
      } else {
        auto l = t.InternLabel("Temp");
        auto n = t.CreateNode({*l}, {});
        if (!n.ok()) {
          ++write_failures;
          continue;
        }
        temp = *n;
        have_temp = true;
      }
      if (!t.Commit().ok())
        ++write_failures;
      else
        ++commits;
    }
    stop = true;
  };
  // Readers on the writer's own store, or on a read-only (secondary)
  // instance of the same database, which catches up between reads.
  std::unique_ptr<GraphStore> secondary;
  GraphStore* read_store = store.get();
  SECTION("readers in the writing store") {}
  SECTION("readers in a read-only instance") {
    StoreOptions ro;
    ro.read_only = true;
    secondary = OpenStore(dir.path(), ro);
    read_store = secondary.get();
  }
  std::atomic<int> bad_totals{0}, bad_counts{0}, reads{0};
  auto reader = [&] {
    while (!stop) {
      auto txn = read_store->BeginRead();
      if (!txn.ok()) {
        ++bad_totals;
        continue;
      }
      Transaction& t = **txn;
      const PropertyKeyId balance = *t.catalog().FindPropertyKey("balance");
      int64_t total = 0;
      uint64_t nodes = 0;
      for (auto c = t.ScanNodes(); c->Valid(); c->Next(), ++nodes) {
        if (const Value* v = FindProperty(c->record().properties, balance)) total += v->as_int();
      }
      if (total != kTotal) ++bad_totals;
      if (nodes != t.catalog().node_count()) ++bad_counts;
      ++reads;
    }
  };
  std::thread r1(reader), r2(reader), writer(write);
  writer.join();
  r1.join();
  r2.join();
  CHECK(write_failures == 0);
  CHECK(commits == 300);
  CHECK(reads > 0);
  CHECK(bad_totals == 0);
  CHECK(bad_counts == 0);
  if (secondary) {  // and once the writer is done, the read-only instance sees the end state
    auto last = Read(*secondary);
    auto mine = Read(*store);
    CHECK(last->catalog().node_count() == mine->catalog().node_count());
  }
}
