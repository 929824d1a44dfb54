// Times, datetimes and durations as stored values: records give them back
// exactly (a zone by its name), index keys sort zoned values by instant and
// local ones by wall clock, and index scans over them answer as a scan
// would, equality being identity as `=` is.
#include <random>

#include "common/time_zone.h"
#include "common/value_compare.h"
#include "storage/index_oracle.h"
#include "storage/key_codec.h"
#include "storage/record_codec.h"
#include "test_util.h"

using namespace kg;        // NOLINT: test file
using namespace kg::test;  // NOLINT

namespace {

uint32_t Zone(const char* name) {
  auto id = tz::FindZone(name);
  REQUIRE(id.has_value());
  return *id;
}

LocalDateTime Wall(int64_t y, unsigned mo, unsigned d, int64_t h, int64_t mi, int64_t s = 0, int64_t ns = 0) {
  return LocalDateTime{Date::FromCivil(y, mo, d), LocalTime::FromFields(h, mi, s, ns)};
}

DateTime WithOffset(LocalDateTime local, int32_t offset) { return DateTime{local, offset, 0}; }

// One value of every temporal kind, with the corners of each: nanoseconds,
// negative offsets, named zones, dates before 1970, negative durations.
std::vector<Value> Samples() {
  return {
      Value(LocalTime::FromFields(0, 0, 0, 0)),
      Value(LocalTime::FromFields(23, 59, 59, 999999999)),
      Value(Time{LocalTime::FromFields(12, 31, 14, 645000000), 3600}),
      Value(Time{LocalTime::FromFields(0, 0, 0, 1), -18 * 3600}),
      Value(Time{LocalTime::FromFields(9, 30, 0, 0), 0}),
      Value(LocalDateTime(Wall(2015, 7, 21, 21, 40, 32, 142000000))),
      Value(LocalDateTime(Wall(1, 1, 1, 0, 0))),
      Value(LocalDateTime(Wall(-4000, 12, 31, 23, 59, 59, 1))),
      Value(WithOffset(Wall(2024, 10, 3, 9, 0), 2 * 3600)),
      Value(WithOffset(Wall(1969, 12, 31, 23, 59, 59, 999999999), -(5 * 3600 + 30 * 60))),
      Value(tz::ResolveLocal(Zone("Europe/Paris"), Wall(2024, 10, 3, 9, 0))),
      Value(tz::ResolveLocal(Zone("America/New_York"), Wall(1950, 1, 1, 0, 0))),
      Value(tz::ResolveLocal(Zone("Asia/Ho_Chi_Minh"), Wall(2026, 12, 5, 18, 0, 1, 5))),
      Value(Duration{118, 15, 0, 0}),
      Value(Duration{0, 0, 0, 0}),
      Value(Duration::Normalized(-14, -3, -3661, -500000000)),
      Value(Duration{0, 0, int64_t{1} << 40, 999999999}),
  };
}

}  // namespace

TEST_CASE("records give back every temporal kind exactly, alone and in lists", "[record_codec][temporal]") {
  const std::vector<Value> samples = Samples();
  NodeRecord n;
  n.labels = {1};
  for (size_t i = 0; i < samples.size(); ++i) n.properties.push_back({static_cast<PropertyKeyId>(i), samples[i]});
  n.properties.push_back({100, Value(ValueList{samples[8], samples[10], samples[11]})});
  n.properties.push_back({101, Value(ValueList{samples[13], samples[15]})});
  std::string bytes;
  record_codec::EncodeNode(n, &bytes);
  NodeRecord back;
  REQUIRE(record_codec::DecodeNode(1, bytes, &back).ok());
  CHECK(back.properties == n.properties);
  // The zone travels by name: the text shows it.
  CHECK(back.properties[10].value.as_date_time().ToIsoString() == "2024-10-03T09:00+02:00[Europe/Paris]");

  // Every cut of the record is reported, never read as something else.
  for (size_t len = 0; len < bytes.size(); ++len) {
    INFO(len);
    CHECK(record_codec::DecodeNode(1, std::string_view(bytes).substr(0, len), &back).Is(ErrorKind::kStorage));
  }
}

TEST_CASE("a stored time of day beyond a day, or a zone this system lacks, is a storage error",
          "[record_codec][temporal]") {
  std::string bytes;
  bytes.push_back(static_cast<char>(Value::Kind::kLocalTime));
  record_codec::PutVarint(&bytes, static_cast<uint64_t>(kNanosPerDay));
  std::string_view src = bytes;
  Value v;
  CHECK(record_codec::DecodeValue(&src, &v).Is(ErrorKind::kStorage));

  std::string dt;
  record_codec::EncodeValue(Value(tz::ResolveLocal(Zone("Europe/Paris"), Wall(2024, 10, 3, 9, 0))), &dt);
  const size_t at = dt.find("Europe/Paris");
  REQUIRE(at != std::string::npos);
  dt.replace(at, 12, "Europe/Nowhr");
  src = dt;
  Status s = record_codec::DecodeValue(&src, &v);
  CHECK(s.Is(ErrorKind::kStorage));
  CHECK(s.message().find("Europe/Nowhr") != std::string::npos);
}

TEST_CASE("ordered temporal keys decode exactly and sort as the values compare", "[key_codec][temporal]") {
  std::vector<Value> values = Samples();
  std::mt19937_64 rng(20261205);
  const uint32_t zones[] = {0, Zone("Europe/Paris"), Zone("America/New_York"), Zone("Australia/Lord_Howe")};
  for (int i = 0; i < 400; ++i) {
    const int64_t days = static_cast<int64_t>(rng() % 40000) - 20000;
    const LocalTime t{static_cast<int64_t>(rng() % static_cast<uint64_t>(kNanosPerDay))};
    const LocalDateTime local{Date{days}, t};
    const uint32_t zone = zones[rng() % 4];
    values.emplace_back(zone ? tz::ResolveLocal(zone, local)
                             : WithOffset(local, static_cast<int32_t>(rng() % 64800) - 32400));
    values.emplace_back(local);
    values.emplace_back(t);
    values.emplace_back(Time{t, static_cast<int32_t>(rng() % 7) * 3600 - 3 * 3600});
    values.emplace_back(Duration::Normalized(static_cast<int64_t>(rng() % 41) - 20, static_cast<int64_t>(rng() % 9) - 4,
                                             static_cast<int64_t>(rng() % 200001) - 100000,
                                             static_cast<int64_t>(rng() % 2000000000) - 1000000000));
  }
  // The same instant in three zones: equal to each other as comparisons go.
  const DateTime paris = tz::ResolveLocal(Zone("Europe/Paris"), Wall(2024, 10, 3, 9, 0));
  values.emplace_back(tz::AtInstant(Zone("America/New_York"), paris.EpochSeconds(), 0));
  values.emplace_back(WithOffset(Wall(2024, 10, 3, 7, 0), 0));

  std::vector<std::string> encoded;
  for (const Value& v : values) {
    std::string e;
    REQUIRE(key_codec::EncodeOrderedValue(v, &e));
    REQUIRE(key_codec::IsIndexable(v));
    // Decodes to the very value, with bytes after it left alone.
    size_t used = 0;
    auto back = key_codec::DecodeOrderedValue(e + "tail", &used);
    INFO(v.ToString());
    REQUIRE(back.has_value());
    CHECK(*back == v);
    CHECK(used == e.size());
    // The prefix is shared by every value comparing equal.
    std::string prefix;
    REQUIRE(key_codec::EncodeOrderedValuePrefix(v, &prefix));
    CHECK(e.compare(0, prefix.size(), prefix) == 0);
    encoded.push_back(std::move(e));
  }
  for (size_t i = 0; i < values.size(); ++i) {
    for (size_t j = 0; j < values.size(); j += 7) {
      const std::optional<int> c = CompareComparable(values[i], values[j]);
      if (!c) continue;
      INFO(values[i].ToString() << " vs " << values[j].ToString());
      if (*c < 0) REQUIRE(encoded[i] < encoded[j]);
      if (*c > 0) REQUIRE(encoded[i] > encoded[j]);
      if (*c == 0) {
        std::string pi, pj;
        key_codec::EncodeOrderedValuePrefix(values[i], &pi);
        key_codec::EncodeOrderedValuePrefix(values[j], &pj);
        REQUIRE(pi == pj);
      }
    }
  }
}

TEST_CASE("an index on a temporal property answers ranges and equality as a scan would", "[index][temporal]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  MustOk(store->CreateIndex("Meeting", "at"));
  const uint32_t paris = Zone("Europe/Paris"), hcm = Zone("Asia/Ho_Chi_Minh");
  std::mt19937 rng(5);
  {
    auto txn = Write(*store);
    for (int i = 0; i < 300; ++i) {
      // Minutes around 2024-10-03 in several zones and flavours, so that
      // the same instant recurs with different offsets and zones.
      const int64_t minute = static_cast<int64_t>(rng() % 600);
      const LocalDateTime utc{Date::FromCivil(2024, 10, 3), LocalTime{minute * 60 * kNanosPerSecond}};
      const int64_t epoch = utc.EpochSeconds();
      Value at;
      switch (i % 6) {
        case 0:
          at = Value(tz::AtInstant(paris, epoch, 0));
          break;
        case 1:
          at = Value(tz::AtInstant(hcm, epoch, 0));
          break;
        case 2:
          at = Value(DateTime{utc, 0, 0});
          break;
        case 3:
          at = Value(utc);  // a local datetime: never compares with zoned ones
          break;
        case 4:
          at = Value(Duration{0, 0, minute * 60, 0});
          break;
        default:
          at = Value(LocalTime{minute * 60 * kNanosPerSecond});
          break;
      }
      AddNode(*txn, {"Meeting"}, {{"at", at}});
    }
    MustOk(txn->Commit());
  }
  auto txn = Read(*store);
  const LocalDateTime nine_utc = Wall(2024, 10, 3, 9, 0);
  const Value nine_paris(tz::ResolveLocal(paris, Wall(2024, 10, 3, 11, 0)));  // 09:00Z
  const Value nine_z(DateTime{nine_utc, 0, 0});
  const Value noon_plus2(WithOffset(Wall(2024, 10, 3, 12, 0), 2 * 3600));  // 10:00Z
  const std::vector<IndexRange> ranges = {
      IndexRange::AtLeast(nine_paris),
      IndexRange::AtLeast(nine_paris, false),
      IndexRange::AtMost(nine_z),
      IndexRange::Between(nine_z, noon_plus2),
      IndexRange::Between(nine_paris, noon_plus2, false, false),
      IndexRange::Between(noon_plus2, nine_z),  // empty
      IndexRange::AtLeast(Value(nine_utc)),
      IndexRange::Between(Value(LocalTime::FromFields(2, 0, 0, 0)), Value(LocalTime::FromFields(4, 0, 0, 0))),
      IndexRange::AtLeast(Value(Duration{0, 0, 3600, 0})),  // durations have no order: nothing
      IndexRange::Between(nine_z, Value(nine_utc)),         // incomparable bounds: nothing
  };
  for (const IndexRange& r : ranges) {
    INFO((r.lower ? r.lower->ToString() : "-") << " .. " << (r.upper ? r.upper->ToString() : "-"));
    CHECK(ByIndex(*txn, "Meeting", "at", r) == BruteForce(*txn, "Meeting", "at", r));
  }
  CHECK_FALSE(ByIndex(*txn, "Meeting", "at", IndexRange::AtLeast(nine_paris)).empty());

  // Equality is identity: 09:00Z and 11:00+02:00[Europe/Paris] are the
  // same instant but not equal values.
  std::vector<Value> probes = {nine_paris,
                               nine_z,
                               Value(tz::AtInstant(hcm, nine_utc.EpochSeconds(), 0)),
                               Value(nine_utc),
                               Value(Duration{0, 0, 9 * 3600, 0}),
                               Value(LocalTime::FromFields(9, 0, 0, 0))};
  for (const Value& v : probes) {
    INFO(v.ToString());
    const IndexRange eq = IndexRange::Equal(v);
    const std::vector<NodeId> want = BruteForce(*txn, "Meeting", "at", eq, true);
    CHECK(ByIndex(*txn, "Meeting", "at", eq) == want);
  }
}

TEST_CASE("a temporal key property is unique and found by its exact value", "[index][temporal]") {
  TempDir dir;
  auto store = OpenStore(dir.path());
  const DateTime paris = tz::ResolveLocal(Zone("Europe/Paris"), Wall(2024, 10, 3, 9, 0));
  const DateTime utc = WithOffset(Wall(2024, 10, 3, 7, 0), 0);  // the same instant
  auto txn = Write(*store);
  const NodeId a = AddNode(*txn, {"Slot"}, {{"key", Value(paris)}});
  const NodeId b = AddNode(*txn, {"Slot"}, {{"key", Value(utc)}});
  const NodeId c = AddNode(*txn, {"Slot"}, {{"key", Value(Duration{1, 2, 3, 4})}});
  CHECK(Must(txn->FindNodeByKey(Value(paris))) == a);
  CHECK(Must(txn->FindNodeByKey(Value(utc))) == b);
  CHECK(Must(txn->FindNodeByKey(Value(Duration{1, 2, 3, 4}))) == c);
  auto dup = txn->CreateNode({LabelOf(*txn, "Slot")}, Props(*txn, {{"key", Value(paris)}}));
  CHECK(dup.status().Is(ErrorKind::kConstraint));
  MustOk(txn->Commit());
}
