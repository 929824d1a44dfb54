// Encodes and decodes every RocksDB key kg writes. docs/storage.md describes
// the same layout byte by byte; change one, change both.
//
// Integers in keys are big-endian so that byte order is numeric order: scans
// come back in id order. Values in index keys use an order-preserving
// encoding (EncodeOrderedValue) so that range scans are byte-range scans.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/value.h"
#include "storage/ids.h"

namespace kg::key_codec {

// Fixed-width big-endian integers.
void PutU32(std::string* dst, uint32_t v);
void PutU64(std::string* dst, uint64_t v);
uint32_t GetU32(const char* p);
uint64_t GetU64(const char* p);

// nodes CF: node id -> node record.  rels CF: rel id -> rel record.
std::string NodeKey(NodeId id);
std::string RelKey(RelId id);
inline NodeId DecodeNodeKey(std::string_view key) { return GetU64(key.data()); }
inline RelId DecodeRelKey(std::string_view key) { return GetU64(key.data()); }

// adjacency CF: node(8) direction(1) type(4) neighbour(8) rel(8), empty value.
constexpr size_t kAdjacencyKeySize = 29;
std::string AdjacencyKey(NodeId node, Direction dir, RelTypeId type, NodeId neighbour, RelId rel);
// The same key appended to `dst`, for callers that make millions (the bulk loader reuses one buffer).
void AppendAdjacencyKey(std::string* dst, NodeId node, Direction dir, RelTypeId type, NodeId neighbour, RelId rel);
std::string AdjacencyPrefix(NodeId node);                                 // every relationship of node
std::string AdjacencyPrefix(NodeId node, Direction dir);                  // one direction
std::string AdjacencyPrefix(NodeId node, Direction dir, RelTypeId type);  // one direction and type
AdjacencyEntry DecodeAdjacencyKey(std::string_view key);

// label CF: label(4) node(8), empty value.
std::string LabelKey(LabelId label, NodeId node);
std::string LabelPrefix(LabelId label);
inline NodeId DecodeLabelKeyNode(std::string_view key) { return GetU64(key.data() + 4); }

// property index CF: label(4) property key(4) ordered value node(8), empty value.
std::string PropertyIndexPrefix(LabelId label, PropertyKeyId key);
std::string PropertyIndexKey(LabelId label, PropertyKeyId key, const Value& value, NodeId node);
inline NodeId DecodePropertyIndexNode(std::string_view key) { return GetU64(key.data() + key.size() - 8); }

// key CF: ordered value of the node's `key` property -> node id (8).
std::string UniqueKeyKey(const Value& value);

// Order-preserving encoding of an indexable value (bool, number, string,
// and the temporal kinds; not null, not list). Integers and floats share one
// number space so that a range over 1..2.5 finds both kinds; the exact value
// follows the double so nothing is lost. Zoned times and datetimes sort by
// their instant, then offset (and zone name) make the value exact; local
// ones sort by wall clock; durations component by component. Returns false
// for a value that cannot be indexed.
bool EncodeOrderedValue(const Value& value, std::string* dst);
// Reads back what EncodeOrderedValue wrote at the start of `src`, and how
// many bytes it took.
std::optional<Value> DecodeOrderedValue(std::string_view src, size_t* consumed);
// The bytes shared by every encoding that compares equal to `value`: for a
// number (a Cypher 2 and 2.0) the double part only; for a zoned time or
// datetime the instant (10:00+01:00 and 09:00Z). For other kinds, the whole
// encoding.
bool EncodeOrderedValuePrefix(const Value& value, std::string* dst);
bool IsIndexable(const Value& value);

// The smallest key greater than every key starting with `prefix`; empty when
// there is none (prefix of all 0xff).
std::string PrefixSuccessor(std::string prefix);

}  // namespace kg::key_codec
