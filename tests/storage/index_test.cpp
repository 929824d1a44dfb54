// Label scans, the unique `key`, and property indexes: each lookup returns
// exactly the nodes a full scan would, before and after updates.
#include <random>

#include "storage/index_oracle.h"
#include "test_util.h"

using namespace kg;        // NOLINT: test file
using namespace kg::test;  // NOLINT

TEST_CASE("label scans return exactly the labelled nodes, in id order", "[index]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  auto txn = Write(*store);
  NodeId p = AddNode(*txn, {"Person"});
  NodeId o = AddNode(*txn, {"Organization", "Ministry"});
  NodeId c = AddNode(*txn, {"Organization", "Committee"});
  AddNode(*txn, {});
  MustOk(txn->Commit());
  auto r = Read(*store);
  CHECK(Collect(r->ScanLabel(LabelOf(*r, "Person"))) == std::vector<NodeId>{p});
  CHECK(Collect(r->ScanLabel(LabelOf(*r, "Organization"))) == std::vector<NodeId>{o, c});
  CHECK(Collect(r->ScanLabel(LabelOf(*r, "Committee"))) == std::vector<NodeId>{c});
  CHECK(r->catalog().NodesWithLabel(LabelOf(*r, "Organization")) == 2);
}

TEST_CASE("the key property is unique and found by one lookup", "[index]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  NodeId a;
  {
    auto txn = Write(*store);
    a = AddNode(*txn, {"Person"}, {{"key", "person/a"}});
    AddNode(*txn, {"Site"}, {{"key", 42}});
    MustOk(txn->Commit());
  }
  auto txn = Write(*store);
  CHECK(Must(txn->FindNodeByKey(Value(42))).has_value());
  CHECK_FALSE(Must(txn->FindNodeByKey(Value("42"))).has_value());  // keys are typed
  // A second node may not take a key in use, under any label.
  auto dup = txn->CreateNode({Must(txn->InternLabel("Other"))}, Props(*txn, {{"key", "person/a"}}));
  CHECK(dup.status().Is(ErrorKind::kConstraint));
  NodeId b = AddNode(*txn, {"Person"}, {{"key", "person/b"}});
  CHECK(txn->SetNodeProperty(b, KeyOf(*txn, "key"), Value("person/a")).Is(ErrorKind::kConstraint));
  // Lists cannot be keys.
  CHECK(txn->SetNodeProperty(b, KeyOf(*txn, "key"), Value(ValueList{"x"})).Is(ErrorKind::kConstraint));
  // Renaming frees the old key; deleting frees the key.
  MustOk(txn->SetNodeProperty(a, KeyOf(*txn, "key"), Value("person/a2")));
  CHECK_FALSE(Must(txn->FindNodeByKey(Value("person/a"))));
  MustOk(txn->SetNodeProperty(b, KeyOf(*txn, "key"), Value("person/a")));
  CHECK(Must(txn->FindNodeByKey(Value("person/a"))) == b);
  MustOk(txn->DeleteNode(b));
  CHECK_FALSE(Must(txn->FindNodeByKey(Value("person/a"))));
  // Setting a node's key to the value it already has is fine.
  MustOk(txn->SetNodeProperty(a, KeyOf(*txn, "key"), Value("person/a2")));
  MustOk(txn->Commit());
}

TEST_CASE("property indexes answer equality and ranges as a scan would", "[index]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  std::mt19937 rng(99);
  {
    auto txn = Write(*store);
    // Some nodes before the index exists: creating it must fill it.
    for (int i = 0; i < 150; ++i) AddNode(*txn, {"Person"}, {{"year", static_cast<int64_t>(1940 + rng() % 70)}});
    MustOk(txn->Commit());
  }
  MustOk(store->CreateIndex("Person", "year"));
  MustOk(store->CreateIndex("Person", "name"));
  MustOk(store->CreateIndex("Person", "year"));  // declaring it again is harmless
  {
    auto txn = Write(*store);
    for (int i = 0; i < 150; ++i) {
      NamedProps props = {{"name", "Người " + std::to_string(rng() % 50)}};
      switch (i % 4) {
        case 0:
          props.push_back({"year", static_cast<int64_t>(1940 + rng() % 70)});
          break;
        case 1:
          props.push_back({"year", 1940.5 + rng() % 70});
          break;  // floats share the index
        case 2:
          props.push_back({"year", "1980"});
          break;  // a string never matches a number
        default:
          break;  // no year at all
      }
      AddNode(*txn, {i % 5 ? "Person" : "Place"}, props);
    }
    MustOk(txn->Commit());
  }
  auto txn = Read(*store);
  const std::vector<IndexRange> ranges = {
      IndexRange::Equal(Value(1980)),
      IndexRange::Equal(Value(1980.0)),
      IndexRange::Equal(Value(1980.5)),
      IndexRange::Equal(Value("1980")),
      IndexRange::Between(Value(1960), Value(1970)),
      IndexRange::Between(Value(1960), Value(1970.5), false, false),
      IndexRange::AtLeast(Value(2000)),
      IndexRange::AtLeast(Value(2000.5), false),
      IndexRange::AtMost(Value(1945)),
      IndexRange::AtMost(Value(1945), false),
      IndexRange::Between(Value(1970), Value(1960)),    // empty
      IndexRange::Between(Value(1960), Value("1970")),  // incomparable bounds: empty
      IndexRange::Equal(Value()),                       // null equals nothing
      IndexRange{},                                     // everything indexed
  };
  for (const IndexRange& r : ranges) {
    INFO((r.lower ? r.lower->ToString() : "-") << " .. " << (r.upper ? r.upper->ToString() : "-"));
    CHECK(ByIndex(*txn, "Person", "year", r) == BruteForce(*txn, "Person", "year", r));
  }
  CHECK_FALSE(ByIndex(*txn, "Person", "year", IndexRange::Equal(Value(1980))).empty());
  auto name_eq = IndexRange::Equal(Value("Người 7"));
  CHECK(ByIndex(*txn, "Person", "name", name_eq) == BruteForce(*txn, "Person", "name", name_eq));
  auto name_prefix = IndexRange::Between(Value("Người 1"), Value("Người 2"), true, false);
  CHECK(ByIndex(*txn, "Person", "name", name_prefix) == BruteForce(*txn, "Person", "name", name_prefix));
  // Asking for an index that was never declared is an error, not a scan.
  CHECK(txn->ScanIndex(LabelOf(*txn, "Place"), KeyOf(*txn, "year"), IndexRange{}).status().Is(ErrorKind::kUsage));
  CHECK(txn->catalog().indexes().size() == 2);
}

TEST_CASE("property indexes follow updates, label changes and deletes", "[index]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  MustOk(store->CreateIndex("Event", "start"));
  const Value d1(*Date::Parse("2024-07-09")), d2(*Date::Parse("2023-11-15"));
  NodeId e;
  {
    auto txn = Write(*store);
    e = AddNode(*txn, {"Event"}, {{"start", d1}});
    MustOk(txn->Commit());
  }
  auto lookup = [&](const Value& v) {
    auto txn = Read(*store);
    return Collect(Must(txn->ScanIndex(LabelOf(*txn, "Event"), KeyOf(*txn, "start"), IndexRange::Equal(v))));
  };
  CHECK(lookup(d1) == std::vector<NodeId>{e});
  {
    auto txn = Write(*store);
    MustOk(txn->SetNodeProperty(e, KeyOf(*txn, "start"), d2));
    MustOk(txn->Commit());
  }
  CHECK(lookup(d1).empty());
  CHECK(lookup(d2) == std::vector<NodeId>{e});
  {
    auto txn = Write(*store);
    MustOk(txn->RemoveNodeLabel(e, LabelOf(*txn, "Event")));
    MustOk(txn->Commit());
  }
  CHECK(lookup(d2).empty());
  {
    auto txn = Write(*store);
    MustOk(txn->AddNodeLabel(e, LabelOf(*txn, "Event")));
    MustOk(txn->Commit());
  }
  CHECK(lookup(d2) == std::vector<NodeId>{e});
  {
    auto txn = Write(*store);
    MustOk(txn->DeleteNode(e));
    MustOk(txn->Commit());
  }
  CHECK(lookup(d2).empty());
}

TEST_CASE("indexes survive a reopen and can be dropped", "[index]") {
  TempDir dir;
  {
    auto store = OpenStore(dir.path());
    auto txn = Write(*store);
    AddNode(*txn, {"Site"}, {{"kind", "geopark"}});
    MustOk(txn->Commit());
    MustOk(store->CreateIndex("Site", "kind"));
  }
  auto store = OpenStore(dir.path());
  {
    auto txn = Read(*store);
    REQUIRE(txn->catalog().HasIndex(LabelOf(*txn, "Site"), KeyOf(*txn, "kind")));
    CHECK(Collect(Must(txn->ScanIndex(LabelOf(*txn, "Site"), KeyOf(*txn, "kind"), IndexRange::Equal(Value("geopark")))))
              .size() == 1);
  }
  MustOk(store->DropIndex("Site", "kind"));
  CHECK(store->DropIndex("Site", "kind").Is(ErrorKind::kNotFound));
  auto txn = Read(*store);
  CHECK(txn->catalog().indexes().empty());
}
