#include "storage/key_codec.h"

#include <cmath>
#include <cstring>
#include <limits>

#include "common/time_zone.h"

namespace kg::key_codec {
namespace {

// Type tags of ordered values. Stored on disk: never renumber.
constexpr uint8_t kTagBool = 0x10;
constexpr uint8_t kTagNumber = 0x20;
constexpr uint8_t kTagString = 0x30;
constexpr uint8_t kTagDate = 0x40;
constexpr uint8_t kTagLocalTime = 0x50;
constexpr uint8_t kTagTime = 0x60;
constexpr uint8_t kTagLocalDateTime = 0x70;
constexpr uint8_t kTagDateTime = 0x80;
constexpr uint8_t kTagDuration = 0x90;
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

uint32_t OrderedInt32(int32_t v) { return static_cast<uint32_t>(v) ^ (uint32_t{1} << 31); }
int32_t UnorderedInt32(uint32_t v) { return static_cast<int32_t>(v ^ (uint32_t{1} << 31)); }

// Text that sorts as its bytes do, whatever follows it: 0x00 in the text
// becomes 0x00 0xff and the end is 0x00 0x01, so a shorter string sorts
// before every longer string it is a prefix of.
void PutOrderedText(std::string* dst, std::string_view text) {
  for (char c : text) {
    dst->push_back(c);
    if (c == '\0') dst->push_back(static_cast<char>(0xff));
  }
  dst->push_back('\0');
  dst->push_back(1);
}

// Reads what PutOrderedText wrote at the start of `src`; the bytes it took
// in *consumed.
std::optional<std::string> GetOrderedText(std::string_view src, size_t* consumed) {
  std::string s;
  for (size_t i = 0; i + 1 < src.size(); ++i) {
    if (src[i] != '\0') {
      s.push_back(src[i]);
    } else if (static_cast<uint8_t>(src[i + 1]) == 0xff) {
      s.push_back('\0');
      ++i;
    } else if (src[i + 1] == 1) {
      *consumed = i + 2;
      return s;
    } else {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

// Floor division and remainder, for splitting seconds into days.
int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

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
  return value.is_bool() || value.is_number() || value.is_string() || value.is_temporal();
}

bool EncodeOrderedValuePrefix(const Value& value, std::string* dst) {
  if (value.is_number()) {
    dst->push_back(static_cast<char>(kTagNumber));
    PutU64(dst, OrderedDouble(value.as_number()));
    return true;
  }
  if (value.is_time()) {  // the instant (as a time of day in UTC)
    dst->push_back(static_cast<char>(kTagTime));
    PutU64(dst, OrderedInt(value.as_time().UtcNanos()));
    return true;
  }
  if (value.is_date_time()) {  // the instant
    dst->push_back(static_cast<char>(kTagDateTime));
    PutU64(dst, OrderedInt(value.as_date_time().EpochSeconds()));
    PutU32(dst, static_cast<uint32_t>(value.as_date_time().Nanosecond()));
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
      dst->push_back(static_cast<char>(kTagString));
      PutOrderedText(dst, value.as_string());
      return true;
    case Value::Kind::kDate:
      dst->push_back(static_cast<char>(kTagDate));
      PutU64(dst, OrderedInt(value.as_date().days));
      return true;
    case Value::Kind::kLocalTime:
      dst->push_back(static_cast<char>(kTagLocalTime));
      PutU64(dst, OrderedInt(value.as_local_time().nanos));
      return true;
    case Value::Kind::kTime:
      // The instant sorts; the offset tells apart equal instants.
      EncodeOrderedValuePrefix(value, dst);
      PutU32(dst, OrderedInt32(value.as_time().offset_seconds));
      return true;
    case Value::Kind::kLocalDateTime:
      dst->push_back(static_cast<char>(kTagLocalDateTime));
      PutU64(dst, OrderedInt(value.as_local_date_time().date.days));
      PutU64(dst, OrderedInt(value.as_local_date_time().time.nanos));
      return true;
    case Value::Kind::kDateTime: {
      // The instant sorts; offset and zone (by name: ids are per process)
      // tell apart equal instants and make the value whole again.
      const DateTime& t = value.as_date_time();
      EncodeOrderedValuePrefix(value, dst);
      PutU32(dst, OrderedInt32(t.offset_seconds));
      PutOrderedText(dst, t.zone == 0 ? std::string() : tz::ZoneName(t.zone));
      return true;
    }
    case Value::Kind::kDuration: {
      // Component by component: durations have no order in openCypher, but
      // equal ones must meet.
      const Duration& d = value.as_duration();
      dst->push_back(static_cast<char>(kTagDuration));
      for (int64_t part : {d.months, d.days, d.seconds, d.nanos}) PutU64(dst, OrderedInt(part));
      return true;
    }
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
      size_t used = 0;
      std::optional<std::string> s = GetOrderedText(src.substr(1), &used);
      if (!s) return std::nullopt;
      *consumed = 1 + used;
      return Value(std::move(*s));
    }
    case kTagDate:
      if (src.size() < 9) return std::nullopt;
      *consumed = 9;
      return Value(Date{UnorderedInt(GetU64(src.data() + 1))});
    case kTagLocalTime: {
      if (src.size() < 9) return std::nullopt;
      const int64_t nanos = UnorderedInt(GetU64(src.data() + 1));
      if (nanos < 0 || nanos >= kNanosPerDay) return std::nullopt;
      *consumed = 9;
      return Value(LocalTime{nanos});
    }
    case kTagTime: {
      if (src.size() < 13) return std::nullopt;
      Time t;
      t.offset_seconds = UnorderedInt32(GetU32(src.data() + 9));
      t.time.nanos = UnorderedInt(GetU64(src.data() + 1)) + t.offset_seconds * kNanosPerSecond;
      if (t.time.nanos < 0 || t.time.nanos >= kNanosPerDay) return std::nullopt;
      *consumed = 13;
      return Value(t);
    }
    case kTagLocalDateTime: {
      if (src.size() < 17) return std::nullopt;
      LocalDateTime t;
      t.date.days = UnorderedInt(GetU64(src.data() + 1));
      t.time.nanos = UnorderedInt(GetU64(src.data() + 9));
      if (t.time.nanos < 0 || t.time.nanos >= kNanosPerDay) return std::nullopt;
      *consumed = 17;
      return Value(t);
    }
    case kTagDateTime: {
      if (src.size() < 17) return std::nullopt;
      DateTime t;
      const int64_t epoch_seconds = UnorderedInt(GetU64(src.data() + 1));
      const uint32_t nanos = GetU32(src.data() + 9);
      if (nanos >= kNanosPerSecond) return std::nullopt;
      t.offset_seconds = UnorderedInt32(GetU32(src.data() + 13));
      size_t used = 0;
      std::optional<std::string> zone = GetOrderedText(src.substr(17), &used);
      if (!zone) return std::nullopt;
      if (!zone->empty()) {
        std::optional<uint32_t> id = tz::FindZone(*zone);
        if (!id) return std::nullopt;
        t.zone = *id;
      }
      const int64_t local = epoch_seconds + t.offset_seconds;
      t.local.date.days = FloorDiv(local, kSecondsPerDay);
      t.local.time.nanos = (local - t.local.date.days * kSecondsPerDay) * kNanosPerSecond + nanos;
      *consumed = 17 + used;
      return Value(t);
    }
    case kTagDuration: {
      if (src.size() < 33) return std::nullopt;
      Duration d;
      d.months = UnorderedInt(GetU64(src.data() + 1));
      d.days = UnorderedInt(GetU64(src.data() + 9));
      d.seconds = UnorderedInt(GetU64(src.data() + 17));
      d.nanos = UnorderedInt(GetU64(src.data() + 25));
      *consumed = 33;
      return Value(d);
    }
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
