// PropertySchema: the type of each property key over the exported elements
// of one kind (nodes, or relationships), for formats that declare a type
// per key before any element (GraphML <key>, GEXF <attribute>, CSV headers).
//
// A key's type is the kind all its values share: bool, int, float, string,
// one temporal kind (date, localtime, time, localdatetime, datetime,
// duration), or a list whose elements all share one of those kinds (an empty
// list fits any list type; a key with only empty lists is a string list).
// Values of different kinds (1 and 1.5, 'a' and ['a'], [1, 'a']) make the
// key `mixed`: the formats then write it as text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/value.h"
#include "storage/catalog.h"
#include "storage/ids.h"

namespace kg::interchange {

struct ColumnType {
  enum class Base : uint8_t {
    kBool,
    kInt,
    kFloat,
    kString,
    kDate,
    kLocalTime,
    kTime,
    kLocalDateTime,
    kDateTime,
    kDuration
  };
  Base base = Base::kString;
  bool list = false;
  bool mixed = false;  // values of several kinds: written as text (base kString)

  // "int", "float", "string", "bool", "date", "localtime", "time",
  // "localdatetime", "datetime", "duration", with "[]" for a list (the CSV
  // header suffix); "string" for a mixed key.
  std::string Name() const;
  // The attribute type GraphML and GEXF declare for the column: "boolean",
  // "long", "double", or "string" for the rest (lists, mixed keys, and the
  // temporal types, written as ISO text).
  const char* XmlTypeName() const;
  // Whether the formats without such a type write the values as ISO text
  // (dates, times, datetimes, durations).
  bool IsTemporal() const { return !mixed && base >= Base::kDate; }
  friend bool operator==(ColumnType a, ColumnType b) {
    return a.base == b.base && a.list == b.list && a.mixed == b.mixed;
  }
};

struct PropertyColumn {
  PropertyKeyId key = 0;
  std::string name;
  ColumnType type;
  uint64_t count = 0;  // elements holding the key
};

class PropertySchema {
 public:
  // Learns the kinds of one element's properties.
  void Observe(const Properties& properties);
  // The keys seen, sorted by name.
  std::vector<PropertyColumn> Columns(const Catalog& catalog) const;

 private:
  // What a key held so far.
  enum class Seen : uint8_t { kNothing, kScalar, kList, kEmptyList, kMixed };
  struct Slot {
    Seen seen = Seen::kNothing;
    ColumnType::Base base = ColumnType::Base::kString;
    uint64_t count = 0;
  };
  std::vector<Slot> slots_;  // by key id
};

}  // namespace kg::interchange
