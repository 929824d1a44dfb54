#include "storage/key_codec.h"

#include <cmath>
#include <cstring>
#include <limits>

namespace kg::key_codec {
namespace {

// Type tags of ordered values. Stored on disk: never renumber.
constexpr uint8_t kTagBool = 0x10;
constexpr uint8_t kTagNumber = 0x20;
constexpr uint8_t kTagString = 0x30;
constexpr uint8_t kTagDate = 0x40;
// After the double of a number: which kind it was. Stored on disk.
constexpr uint8_t kNumberIsFloat = 0x00;
constexpr uint8_t kNumberIsInt = 0x01;

uint64_t OrderedInt(int64_t v) { return static_cast<uint64_t>(v) ^ (uint64_t{1} << 63); }
int64_t UnorderedInt(uint64_t v) { return static_cast<int64_t>(v ^ (uint64_t{1} << 63)); }

// IEEE doubles compare as sign-magnitude; flipping makes them compare as
// unsigned integers: negative numbers get every bit flipped, positive ones
// only the sign bit. -0.0 becomes 0.0 and every NaN one NaN (sorted last).
uint64_t OrderedDouble(double d) {
  if (d == 0) d = 0.0;
  if (std::isnan(d)) d = std::numeric_limits<double>::quiet_NaN();
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  return (bits & (uint64_t{1} << 63)) ? ~bits : bits | (uint64_t{1} << 63);
}

double UnorderedDouble(uint64_t v) {
  uint64_t bits = (v & (uint64_t{1} << 63)) ? v & ~(uint64_t{1} << 63) : ~v;
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

}  // namespace

void PutU32(std::string* dst, uint32_t v) {
  char buf[4];
  for (int i = 3; i >= 0; --i) {
    buf[i] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
  dst->append(buf, 4);
}

void PutU64(std::string* dst, uint64_t v) {
  char buf[8];
  for (int i = 7; i >= 0; --i) {
    buf[i] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
  dst->append(buf, 8);
}

uint32_t GetU32(const char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<uint8_t>(p[i]);
  return v;
}

uint64_t GetU64(const char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<uint8_t>(p[i]);
  return v;
}

std::string NodeKey(NodeId id) {
  std::string k;
  PutU64(&k, id);
  return k;
}

std::string RelKey(RelId id) { return NodeKey(id); }

std::string AdjacencyKey(NodeId node, Direction dir, RelTypeId type, NodeId neighbour, RelId rel) {
  std::string k;
  k.reserve(kAdjacencyKeySize);
  AppendAdjacencyKey(&k, node, dir, type, neighbour, rel);
  return k;
}

void AppendAdjacencyKey(std::string* dst, NodeId node, Direction dir, RelTypeId type, NodeId neighbour, RelId rel) {
  PutU64(dst, node);
  dst->push_back(static_cast<char>(dir));
  PutU32(dst, type);
  PutU64(dst, neighbour);
  PutU64(dst, rel);
}

std::string AdjacencyPrefix(NodeId node) {
  std::string k;
  k.reserve(kAdjacencyKeySize);
  PutU64(&k, node);
  return k;
}

std::string AdjacencyPrefix(NodeId node, Direction dir) {
  std::string k = AdjacencyPrefix(node);
  k.push_back(static_cast<char>(dir));
  return k;
}

std::string AdjacencyPrefix(NodeId node, Direction dir, RelTypeId type) {
  std::string k = AdjacencyPrefix(node, dir);
  PutU32(&k, type);
  return k;
}

AdjacencyEntry DecodeAdjacencyKey(std::string_view key) {
  const char* p = key.data();
  return AdjacencyEntry{GetU64(p), static_cast<Direction>(p[8]), GetU32(p + 9), GetU64(p + 13), GetU64(p + 21)};
}

std::string LabelKey(LabelId label, NodeId node) {
  std::string k = LabelPrefix(label);
  PutU64(&k, node);
  return k;
}

std::string LabelPrefix(LabelId label) {
  std::string k;
  PutU32(&k, label);
  return k;
}

std::string PropertyIndexPrefix(LabelId label, PropertyKeyId key) {
  std::string k;
  PutU32(&k, label);
  PutU32(&k, key);
  return k;
}

std::string PropertyIndexKey(LabelId label, PropertyKeyId key, const Value& value, NodeId node) {
  std::string k = PropertyIndexPrefix(label, key);
  EncodeOrderedValue(value, &k);
  PutU64(&k, node);
  return k;
}

std::string UniqueKeyKey(const Value& value) {
  std::string k;
  EncodeOrderedValue(value, &k);
  return k;
}

bool IsIndexable(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kBool:
    case Value::Kind::kInt:
    case Value::Kind::kFloat:
    case Value::Kind::kString:
    case Value::Kind::kDate:
      return true;
    default:
      return false;
  }
}

bool EncodeOrderedValuePrefix(const Value& value, std::string* dst) {
  if (value.is_number()) {
    dst->push_back(static_cast<char>(kTagNumber));
    PutU64(dst, OrderedDouble(value.as_number()));
    return true;
  }
  return EncodeOrderedValue(value, dst);
}

bool EncodeOrderedValue(const Value& value, std::string* dst) {
  switch (value.kind()) {
    case Value::Kind::kBool:
      dst->push_back(static_cast<char>(kTagBool));
      dst->push_back(value.as_bool() ? 1 : 0);
      return true;
    case Value::Kind::kInt:
      EncodeOrderedValuePrefix(value, dst);
      dst->push_back(static_cast<char>(kNumberIsInt));
      PutU64(dst, OrderedInt(value.as_int()));
      return true;
    case Value::Kind::kFloat:
      EncodeOrderedValuePrefix(value, dst);
      dst->push_back(static_cast<char>(kNumberIsFloat));
      return true;
    case Value::Kind::kString:
      // 0x00 in the text becomes 0x00 0xff and the end is 0x00 0x01, so a
      // shorter string sorts before every longer string it is a prefix of.
      dst->push_back(static_cast<char>(kTagString));
      for (char c : value.as_string()) {
        dst->push_back(c);
        if (c == '\0') dst->push_back(static_cast<char>(0xff));
      }
      dst->push_back('\0');
      dst->push_back(1);
      return true;
    case Value::Kind::kDate:
      dst->push_back(static_cast<char>(kTagDate));
      PutU64(dst, OrderedInt(value.as_date().days));
      return true;
    default:
      return false;
  }
}

std::optional<Value> DecodeOrderedValue(std::string_view src, size_t* consumed) {
  if (src.empty()) return std::nullopt;
  const uint8_t tag = static_cast<uint8_t>(src[0]);
  switch (tag) {
    case kTagBool:
      if (src.size() < 2) return std::nullopt;
      *consumed = 2;
      return Value(src[1] != 0);
    case kTagNumber: {
      if (src.size() < 10) return std::nullopt;
      if (static_cast<uint8_t>(src[9]) == kNumberIsFloat) {
        *consumed = 10;
        return Value(UnorderedDouble(GetU64(src.data() + 1)));
      }
      if (src.size() < 18) return std::nullopt;
      *consumed = 18;
      return Value(UnorderedInt(GetU64(src.data() + 10)));
    }
    case kTagString: {
      std::string s;
      for (size_t i = 1; i + 1 < src.size(); ++i) {
        if (src[i] != '\0') {
          s.push_back(src[i]);
        } else if (static_cast<uint8_t>(src[i + 1]) == 0xff) {
          s.push_back('\0');
          ++i;
        } else if (src[i + 1] == 1) {
          *consumed = i + 2;
          return Value(std::move(s));
        } else {
          return std::nullopt;
        }
      }
      return std::nullopt;
    }
    case kTagDate:
      if (src.size() < 9) return std::nullopt;
      *consumed = 9;
      return Value(Date{UnorderedInt(GetU64(src.data() + 1))});
    default:
      return std::nullopt;
  }
}

std::string PrefixSuccessor(std::string prefix) {
  while (!prefix.empty()) {
    uint8_t last = static_cast<uint8_t>(prefix.back());
    if (last != 0xff) {
      prefix.back() = static_cast<char>(last + 1);
      return prefix;
    }
    prefix.pop_back();
  }
  return prefix;
}

}  // namespace kg::key_codec
