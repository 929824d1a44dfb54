// Writes the seed corpus of fuzz_record: records and values of every kind
// the store keeps, encoded by the record codec, one file each, in the
// directory given (the first byte picks node, relationship or value as
// record_fuzzer.cpp reads it).
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "common/time_zone.h"
#include "storage/record_codec.h"

using namespace kg;  // NOLINT: one small file

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: kg_fuzz_record_seeds DIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  int written = 0;
  auto write = [&](char kind, const std::string& bytes) {
    std::ofstream out(dir + "/seed-" + std::to_string(written++), std::ios::binary | std::ios::trunc);
    out.put(kind);
    out << bytes;
  };
  DateTime zoned;
  zoned.local.date = *Date::Parse("2024-07-09");
  zoned.local.time.nanos = 3600LL * 1000000000LL;
  zoned.offset_seconds = 7 * 3600;
  if (auto zone = tz::FindZone("Asia/Ho_Chi_Minh")) zoned.zone = *zone;
  const std::vector<Value> values = {
      Value(),
      Value(true),
      Value(int64_t{-1234567890123}),
      Value(3.5),
      Value("Ủy ban Quốc gia UNESCO Việt Nam"),
      Value(*Date::Parse("2024-07-09")),
      Value(LocalTime{45296000000000}),
      Value(Time{LocalTime{45296000000000}, -5 * 3600}),
      Value(LocalDateTime{*Date::Parse("1867-12-26"), LocalTime{1}}),
      Value(zoned),
      Value(Duration{14, 3, 7200, 500}),
      Value(ValueList{1, 2, 3}),
      Value(ValueList{"a", Value(ValueList{})}),
  };
  for (const Value& v : values) {
    std::string bytes;
    record_codec::EncodeValue(v, &bytes);
    write(2, bytes);
  }
  NodeRecord node;
  node.labels = {0, 3, 300};
  for (size_t i = 0; i < values.size(); ++i) node.properties.push_back({static_cast<PropertyKeyId>(i), values[i]});
  std::string bytes;
  record_codec::EncodeNode(node, &bytes);
  write(0, bytes);
  RelRecord rel;
  rel.type = 7;
  rel.start = 1ULL << 40;
  rel.end = 3;
  rel.properties = {{9, Value(ValueList{1, 2, 3})}, {2, Value("since 2001")}};
  bytes.clear();
  record_codec::EncodeRel(rel, &bytes);
  write(1, bytes);
  return 0;
}
