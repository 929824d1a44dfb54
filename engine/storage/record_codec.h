// Encodes node and relationship records (the values of the nodes and rels
// column families). Compact rather than ordered: varints, interned ids.
// docs/storage.md describes the format.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "storage/ids.h"

namespace kg::record_codec {

void EncodeNode(const NodeRecord& node, std::string* dst);
void EncodeRel(const RelRecord& rel, std::string* dst);
// The id is not part of the value; the caller passes it from the key.
// Corruption (a record that does not decode) is a storage error.
Status DecodeNode(NodeId id, std::string_view src, NodeRecord* out);
Status DecodeRel(RelId id, std::string_view src, RelRecord* out);

void EncodeValue(const Value& value, std::string* dst);
Status DecodeValue(std::string_view* src, Value* out);

void PutVarint(std::string* dst, uint64_t v);
bool GetVarint(std::string_view* src, uint64_t* v);

}  // namespace kg::record_codec
