// fuzz_record: bytes read back from the nodes or rels column family, or a
// single stored value, through the record codec (storage/record_codec.h).
// The first byte picks which (node, relationship, value); the rest is the
// record. A record that decodes must print, and must encode to bytes that
// decode and encode to the same bytes again; one that does not decode must
// say so as a storage error.
#include <cstdlib>
#include <string>
#include <string_view>

#include "storage/record_codec.h"

namespace {

using namespace kg;  // NOLINT: one small file

void Check(bool ok) {
  if (!ok) std::abort();
}

void Node(std::string_view bytes) {
  NodeRecord node;
  const Status status = record_codec::DecodeNode(7, bytes, &node);
  if (!status.ok()) return Check(status.Is(ErrorKind::kStorage));
  for (const Property& p : node.properties) (void)p.value.ToString();
  std::string once, twice;
  record_codec::EncodeNode(node, &once);
  NodeRecord again;
  Check(record_codec::DecodeNode(7, once, &again).ok());
  record_codec::EncodeNode(again, &twice);
  Check(once == twice && again.labels == node.labels);
}

void Rel(std::string_view bytes) {
  RelRecord rel;
  const Status status = record_codec::DecodeRel(7, bytes, &rel);
  if (!status.ok()) return Check(status.Is(ErrorKind::kStorage));
  for (const Property& p : rel.properties) (void)p.value.ToString();
  std::string once, twice;
  record_codec::EncodeRel(rel, &once);
  RelRecord again;
  Check(record_codec::DecodeRel(7, once, &again).ok());
  record_codec::EncodeRel(again, &twice);
  Check(once == twice && again.type == rel.type && again.start == rel.start && again.end == rel.end);
}

void OneValue(std::string_view bytes) {
  Value value;
  const Status status = record_codec::DecodeValue(&bytes, &value);
  if (!status.ok()) return Check(status.Is(ErrorKind::kStorage));
  (void)value.ToString();
  std::string once, twice;
  record_codec::EncodeValue(value, &once);
  std::string_view rest = once;
  Value again;
  Check(record_codec::DecodeValue(&rest, &again).ok() && rest.empty());
  record_codec::EncodeValue(again, &twice);
  Check(once == twice);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0:
      Node(bytes);
      break;
    case 1:
      Rel(bytes);
      break;
    default:
      OneValue(bytes);
      break;
  }
  return 0;
}
