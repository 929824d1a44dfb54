// Create, read, update and delete through transactions, and everything still
// there after the database is closed and opened again.
#include "storage/bulk_loader.h"
#include "test_util.h"

using namespace kg;        // NOLINT: test file
using namespace kg::test;  // NOLINT

namespace {
const Date kDate = *Date::Parse("2024-07-09");
}

TEST_CASE("nodes and relationships with every value type survive a reopen", "[store]") {
  TempDir dir;
  NodeId trung, commission;
  RelId holds;
  {
    auto store = OpenStore(dir.path());
    auto txn = Write(*store);
    trung = AddNode(*txn, {"Person"},
                    {{"key", "person/le-hoai-trung"},
                     {"name", "Lê Hoài Trung"},
                     {"titles", ValueList{"Bộ trưởng Bộ Ngoại giao", "Chủ tịch UBQG UNESCO"}},
                     {"born", int64_t{1961}},
                     {"score", 0.75},
                     {"active", true},
                     {"since", kDate}});
    commission = AddNode(*txn, {"Organization", "Committee"},
                         {{"key", "org/ubqg-unesco"}, {"name", "Ủy ban Quốc gia UNESCO Việt Nam"}});
    holds = AddRel(*txn, "HOLDS_POSITION", trung, commission,
                   {{"role", "Chủ tịch"}, {"valid_from", "2024"}, {"span", ValueList{120, 180}}});
    MustOk(txn->Commit());
  }
  auto store = OpenStore(dir.path());
  auto txn = Read(*store);
  const Catalog& c = txn->catalog();
  CHECK(c.node_count() == 2);
  CHECK(c.rel_count() == 1);
  CHECK(c.NodesWithLabel(LabelOf(*txn, "Organization")) == 1);
  CHECK(c.NodesWithLabel(LabelOf(*txn, "Committee")) == 1);
  CHECK(c.RelsOfType(TypeOf(*txn, "HOLDS_POSITION")) == 1);

  auto node = Must(txn->GetNode(trung));
  REQUIRE(node);
  CHECK(node->labels == std::vector<LabelId>{LabelOf(*txn, "Person")});
  CHECK(PropOf(*txn, trung, "name") == Value("Lê Hoài Trung"));
  CHECK(PropOf(*txn, trung, "titles") == Value(ValueList{"Bộ trưởng Bộ Ngoại giao", "Chủ tịch UBQG UNESCO"}));
  CHECK(PropOf(*txn, trung, "born") == Value(int64_t{1961}));
  CHECK(PropOf(*txn, trung, "score") == Value(0.75));
  CHECK(PropOf(*txn, trung, "active") == Value(true));
  CHECK(PropOf(*txn, trung, "since") == Value(kDate));
  CHECK(PropOf(*txn, trung, "missing").is_null());

  auto rel = Must(txn->GetRelationship(holds));
  REQUIRE(rel);
  CHECK(rel->start == trung);
  CHECK(rel->end == commission);
  CHECK(c.RelTypeName(rel->type) == "HOLDS_POSITION");
  CHECK(*FindProperty(rel->properties, KeyOf(*txn, "role")) == Value("Chủ tịch"));
  CHECK(*FindProperty(rel->properties, KeyOf(*txn, "span")) == Value(ValueList{120, 180}));

  CHECK(Must(txn->FindNodeByKey(Value("org/ubqg-unesco"))) == commission);
  CHECK_FALSE(Must(txn->FindNodeByKey(Value("org/nothing"))).has_value());
  CHECK_FALSE(Must(txn->GetNode(999)).has_value());
}

TEST_CASE("updates change records and what derives from them", "[store]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  NodeId n;
  RelId r;
  {
    auto txn = Write(*store);
    n = AddNode(*txn, {"Person"}, {{"name", "Trung"}, {"age", 60}});
    NodeId m = AddNode(*txn, {"Event"});
    r = AddRel(*txn, "ATTENDED", n, m, {{"role", "guest"}});
    MustOk(txn->Commit());
  }
  {
    auto txn = Write(*store);
    MustOk(txn->SetNodeProperty(n, Must(txn->InternPropertyKey("name")), Value("Lê Hoài Trung")));
    MustOk(txn->SetNodeProperty(n, KeyOf(*txn, "age"), Value()));  // null removes
    MustOk(txn->AddNodeLabel(n, Must(txn->InternLabel("Minister"))));
    MustOk(txn->RemoveNodeLabel(n, LabelOf(*txn, "Person")));
    MustOk(txn->SetRelProperty(r, KeyOf(*txn, "role"), Value("chair")));
    MustOk(txn->Commit());
  }
  store.reset();
  store = OpenStore(dir.path());
  auto txn = Read(*store);
  CHECK(PropOf(*txn, n, "name") == Value("Lê Hoài Trung"));
  CHECK(PropOf(*txn, n, "age").is_null());
  auto node = Must(txn->GetNode(n));
  CHECK(node->labels == std::vector<LabelId>{LabelOf(*txn, "Minister")});
  CHECK(txn->catalog().NodesWithLabel(LabelOf(*txn, "Person")) == 0);
  CHECK(txn->catalog().NodesWithLabel(LabelOf(*txn, "Minister")) == 1);
  CHECK(Collect(txn->ScanLabel(LabelOf(*txn, "Person"))).empty());
  CHECK(Collect(txn->ScanLabel(LabelOf(*txn, "Minister"))) == std::vector<NodeId>{n});
  auto rel = Must(txn->GetRelationship(r));
  CHECK(*FindProperty(rel->properties, KeyOf(*txn, "role")) == Value("chair"));
}

TEST_CASE("replacing all properties keeps only the new ones", "[store]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  auto txn = Write(*store);
  NodeId n = AddNode(*txn, {"A"}, {{"x", 1}, {"y", 2}});
  NodeId m = AddNode(*txn, {"A"});
  RelId r = AddRel(*txn, "T", n, m, {{"x", 1}});
  MustOk(txn->ReplaceNodeProperties(n, Props(*txn, {{"z", 3}, {"z", 4}})));  // the last value wins
  MustOk(txn->ReplaceRelProperties(r, Props(*txn, {})));
  CHECK(PropOf(*txn, n, "x").is_null());
  CHECK(PropOf(*txn, n, "z") == Value(4));
  CHECK(Must(txn->GetRelationship(r))->properties.empty());
}

TEST_CASE("deleting relationships and nodes removes every trace", "[store]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  NodeId a, b;
  RelId r;
  {
    auto txn = Write(*store);
    a = AddNode(*txn, {"P"}, {{"key", "a"}});
    b = AddNode(*txn, {"P"}, {{"key", "b"}});
    r = AddRel(*txn, "KNOWS", a, b);
    MustOk(txn->Commit());
  }
  {
    auto txn = Write(*store);
    MustOk(txn->DeleteRelationship(r));
    MustOk(txn->DeleteNode(b));
    CHECK(txn->DeleteRelationship(r).Is(ErrorKind::kNotFound));
    MustOk(txn->Commit());
  }
  auto txn = Read(*store);
  CHECK_FALSE(Must(txn->GetRelationship(r)));
  CHECK_FALSE(Must(txn->GetNode(b)));
  CHECK(Collect(txn->Expand(a, Direction::kBoth)).empty());
  CHECK(Collect(txn->ScanLabel(LabelOf(*txn, "P"))) == std::vector<NodeId>{a});
  CHECK_FALSE(Must(txn->FindNodeByKey(Value("b"))));
  CHECK(txn->catalog().node_count() == 1);
  CHECK(txn->catalog().rel_count() == 0);
  CHECK(txn->catalog().RelsOfType(TypeOf(*txn, "KNOWS")) == 0);
}

TEST_CASE("ids are never reused after deletes and reopens", "[store]") {
  TempDir dir;
  NodeId first;
  {
    auto store = OpenStore(dir.path());
    auto txn = Write(*store);
    first = AddNode(*txn, {"X"});
    MustOk(txn->DeleteNode(first));
    MustOk(txn->Commit());
  }
  auto store = OpenStore(dir.path());
  auto txn = Write(*store);
  CHECK(AddNode(*txn, {"X"}) > first);
}

TEST_CASE("scans of every node and relationship come back in id order", "[store]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  auto txn = Write(*store);
  std::vector<NodeId> nodes;
  for (int i = 0; i < 300; ++i) nodes.push_back(AddNode(*txn, {"N"}, {{"i", i}}));
  for (int i = 0; i + 1 < 300; ++i) AddRel(*txn, "NEXT", nodes[i], nodes[i + 1]);
  MustOk(txn->Commit());
  auto r = Read(*store);
  std::vector<NodeId> seen;
  for (auto c = r->ScanNodes(); c->Valid(); c->Next()) seen.push_back(c->record().id);
  CHECK(seen == nodes);
  uint64_t rels = 0, last = 0;
  for (auto c = r->ScanRelationships(); c->Valid(); c->Next(), ++rels) {
    if (rels) CHECK(c->record().id > last);
    last = c->record().id;
  }
  CHECK(rels == 299);
}

TEST_CASE("properties that cannot be stored are refused", "[store]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  auto txn = Write(*store);
  auto k = Must(txn->InternPropertyKey("bad"));
  CHECK(txn->CreateNode({}, {{k, Value(ValueList{1, Value()})}}).status().Is(ErrorKind::kConstraint));
  CHECK(txn->CreateNode({}, {{k, Value(ValueList{Value(ValueList{1})})}}).status().Is(ErrorKind::kConstraint));
  CHECK(txn->CreateNode({}, {{99, Value(1)}}).status().Is(ErrorKind::kUsage));
  CHECK(txn->CreateNode({77}, {}).status().Is(ErrorKind::kUsage));
}

TEST_CASE("an in-memory store keeps data while open and writes nothing to disk", "[store]") {
  TempDir dir;
  const std::string path = dir.path() + "/scratch";
  StoreOptions options;
  options.in_memory = true;
  auto store = OpenStore(path, options);
  {
    auto txn = Write(*store);
    const NodeId a = AddNode(*txn, {"Site"}, {{"key", "site/hoi-an"}, {"name", "Hội An"}});
    const NodeId b = AddNode(*txn, {"Site"}, {{"key", "site/my-son"}, {"name", "Mỹ Sơn"}});
    AddRel(*txn, "NEAR", a, b);
    MustOk(txn->Commit());
  }
  auto txn = Read(*store);
  CHECK(txn->catalog().node_count() == 2);
  CHECK(txn->catalog().rel_count() == 1);
  CHECK(PropOf(*txn, Must(txn->FindNodeByKey(Value("site/my-son"))).value(), "name") == Value("Mỹ Sơn"));
  CHECK_FALSE(std::filesystem::exists(path));
  CHECK_FALSE(store->BeginBulkLoad().ok());
}
