// The identifiers and records the store hands out.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "common/value.h"

namespace kg {

using NodeId = uint64_t;
using RelId = uint64_t;
using LabelId = uint32_t;        // interned label name
using RelTypeId = uint32_t;      // interned relationship type name
using PropertyKeyId = uint32_t;  // interned property key name

// The name of the property every node may carry as its unique key.
constexpr std::string_view kKeyProperty = "key";

// Adjacency direction. kOut and kIn are stored on disk in adjacency keys:
// never renumber. kBoth exists only in requests.
enum class Direction : uint8_t { kOut = 0, kIn = 1, kBoth = 2 };

struct Property {
  PropertyKeyId key;
  Value value;
  friend bool operator==(const Property& a, const Property& b) { return a.key == b.key && a.value == b.value; }
};

// Sorted by key id, one entry per key, no nulls (setting a property to null
// removes it, as in openCypher).
using Properties = std::vector<Property>;

// Looks a key up in sorted properties; nullptr when absent.
const Value* FindProperty(const Properties& props, PropertyKeyId key);
// Sets (or, for a null value, removes) one key, keeping the order.
void SetProperty(Properties* props, PropertyKeyId key, Value value);
// Sorts by key; of repeated keys the last wins (as in a Cypher map literal);
// null values are dropped (a null property is an absent one).
Properties NormaliseProperties(Properties props);

struct NodeRecord {
  NodeId id = 0;
  std::vector<LabelId> labels;  // sorted, unique
  Properties properties;
  bool HasLabel(LabelId label) const;
};

struct RelRecord {
  RelId id = 0;
  RelTypeId type = 0;
  NodeId start = 0;
  NodeId end = 0;
  Properties properties;
};

// One adjacency entry, as a prefix scan returns it: enough to walk to the
// neighbour without reading the relationship record.
struct AdjacencyEntry {
  NodeId node;          // the node the scan started from
  Direction direction;  // kOut: node is the start; kIn: node is the end
  RelTypeId type;
  NodeId neighbour;
  RelId rel;
};

}  // namespace kg
