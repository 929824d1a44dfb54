#include "storage/record_codec.h"

#include <cassert>
#include <cstdint>
#include <cstring>
#include <optional>

#include "common/date.h"
#include "common/time_zone.h"

namespace kg::record_codec {
namespace {

uint64_t ZigZag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
int64_t UnZigZag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

Status Corrupt(const char* what) { return Status::Storage(std::string("corrupt record: ") + what); }

void PutSigned(std::string* dst, int64_t v) { PutVarint(dst, ZigZag(v)); }

bool GetSigned(std::string_view* src, int64_t* v) {
  uint64_t n;
  if (!GetVarint(src, &n)) return false;
  *v = UnZigZag(n);
  return true;
}

// A day (since 1970-01-01) within the years kg supports, -999999999 to
// +999999999 (as temporal arithmetic keeps them): kg writes no other, and
// the calendar arithmetic that prints one would overflow.
bool GetDays(std::string_view* src, int64_t* days) {
  static const int64_t kFirst = Date::FromCivil(-999999999, 1, 1).days;
  static const int64_t kLast = Date::FromCivil(999999999, 12, 31).days;
  return GetSigned(src, days) && *days >= kFirst && *days <= kLast;
}

// A time of day: nanoseconds since midnight, below one day.
bool GetTimeOfDay(std::string_view* src, LocalTime* out) {
  uint64_t n;
  if (!GetVarint(src, &n) || n >= static_cast<uint64_t>(kNanosPerDay)) return false;
  out->nanos = static_cast<int64_t>(n);
  return true;
}

// A UTC offset in seconds.
bool GetOffset(std::string_view* src, int32_t* out) {
  int64_t v;
  if (!GetSigned(src, &v) || v < INT32_MIN || v > INT32_MAX) return false;
  *out = static_cast<int32_t>(v);
  return true;
}

void EncodeProperties(const Properties& props, std::string* dst) {
  PutVarint(dst, props.size());
  for (const Property& p : props) {
    PutVarint(dst, p.key);
    EncodeValue(p.value, dst);
  }
}

Status DecodeProperties(std::string_view* src, Properties* out) {
  uint64_t n;
  if (!GetVarint(src, &n) || n > src->size()) return Corrupt("property count");
  out->clear();
  out->reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t key;
    if (!GetVarint(src, &key)) return Corrupt("property key");
    Value v;
    KG_RETURN_IF_ERROR(DecodeValue(src, &v));
    out->push_back(Property{static_cast<PropertyKeyId>(key), std::move(v)});
  }
  return Status::Ok();
}

}  // namespace

void PutVarint(std::string* dst, uint64_t v) {
  while (v >= 0x80) {
    dst->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  dst->push_back(static_cast<char>(v));
}

bool GetVarint(std::string_view* src, uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0; shift <= 63 && !src->empty(); shift += 7) {
    uint8_t byte = static_cast<uint8_t>(src->front());
    src->remove_prefix(1);
    result |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) {
      *v = result;
      return true;
    }
  }
  return false;
}

void EncodeValue(const Value& value, std::string* dst) {
  dst->push_back(static_cast<char>(value.kind()));
  switch (value.kind()) {
    case Value::Kind::kNull:
      break;
    case Value::Kind::kBool:
      dst->push_back(value.as_bool() ? 1 : 0);
      break;
    case Value::Kind::kInt:
      PutVarint(dst, ZigZag(value.as_int()));
      break;
    case Value::Kind::kFloat: {
      double d = value.as_float();
      char buf[8];
      std::memcpy(buf, &d, 8);
      dst->append(buf, 8);
      break;
    }
    case Value::Kind::kString:
      PutVarint(dst, value.as_string().size());
      dst->append(value.as_string());
      break;
    case Value::Kind::kDate:
      PutVarint(dst, ZigZag(value.as_date().days));
      break;
    case Value::Kind::kLocalTime:
      PutVarint(dst, static_cast<uint64_t>(value.as_local_time().nanos));
      break;
    case Value::Kind::kTime:
      PutVarint(dst, static_cast<uint64_t>(value.as_time().time.nanos));
      PutSigned(dst, value.as_time().offset_seconds);
      break;
    case Value::Kind::kLocalDateTime:
      PutSigned(dst, value.as_local_date_time().date.days);
      PutVarint(dst, static_cast<uint64_t>(value.as_local_date_time().time.nanos));
      break;
    case Value::Kind::kDateTime: {
      // The zone by its name: zone ids are interned per process.
      const DateTime& t = value.as_date_time();
      PutSigned(dst, t.local.date.days);
      PutVarint(dst, static_cast<uint64_t>(t.local.time.nanos));
      PutSigned(dst, t.offset_seconds);
      const std::string zone = t.zone == 0 ? std::string() : tz::ZoneName(t.zone);
      PutVarint(dst, zone.size());
      dst->append(zone);
      break;
    }
    case Value::Kind::kDuration: {
      const Duration& d = value.as_duration();
      PutSigned(dst, d.months);
      PutSigned(dst, d.days);
      PutSigned(dst, d.seconds);
      PutSigned(dst, d.nanos);
      break;
    }
    case Value::Kind::kList:
      PutVarint(dst, value.as_list().size());
      for (const Value& v : value.as_list()) EncodeValue(v, dst);
      break;
    case Value::Kind::kMap:
    case Value::Kind::kNode:
    case Value::Kind::kRelationship:
    case Value::Kind::kPath:
      // Writers check IsStorable() first; these never reach the codec.
      assert(false && "query-only value kind reached the record codec");
      break;
  }
}

Status DecodeValue(std::string_view* src, Value* out) {
  if (src->empty()) return Corrupt("value tag");
  const uint8_t tag = static_cast<uint8_t>(src->front());
  src->remove_prefix(1);
  uint64_t n;
  switch (static_cast<Value::Kind>(tag)) {
    case Value::Kind::kNull:
      *out = Value();
      return Status::Ok();
    case Value::Kind::kBool:
      if (src->empty()) return Corrupt("boolean");
      *out = Value(src->front() != 0);
      src->remove_prefix(1);
      return Status::Ok();
    case Value::Kind::kInt:
      if (!GetVarint(src, &n)) return Corrupt("integer");
      *out = Value(UnZigZag(n));
      return Status::Ok();
    case Value::Kind::kFloat: {
      if (src->size() < 8) return Corrupt("float");
      double d;
      std::memcpy(&d, src->data(), 8);
      src->remove_prefix(8);
      *out = Value(d);
      return Status::Ok();
    }
    case Value::Kind::kString:
      if (!GetVarint(src, &n) || n > src->size()) return Corrupt("string");
      *out = Value(std::string(src->substr(0, n)));
      src->remove_prefix(n);
      return Status::Ok();
    case Value::Kind::kDate: {
      Date d;
      if (!GetDays(src, &d.days)) return Corrupt("date");
      *out = Value(d);
      return Status::Ok();
    }
    case Value::Kind::kLocalTime: {
      LocalTime t;
      if (!GetTimeOfDay(src, &t)) return Corrupt("local time");
      *out = Value(t);
      return Status::Ok();
    }
    case Value::Kind::kTime: {
      Time t;
      if (!GetTimeOfDay(src, &t.time) || !GetOffset(src, &t.offset_seconds)) return Corrupt("time");
      *out = Value(t);
      return Status::Ok();
    }
    case Value::Kind::kLocalDateTime: {
      LocalDateTime t;
      if (!GetDays(src, &t.date.days) || !GetTimeOfDay(src, &t.time)) return Corrupt("local datetime");
      *out = Value(t);
      return Status::Ok();
    }
    case Value::Kind::kDateTime: {
      DateTime t;
      if (!GetDays(src, &t.local.date.days) || !GetTimeOfDay(src, &t.local.time) ||
          !GetOffset(src, &t.offset_seconds) || !GetVarint(src, &n) || n > src->size()) {
        return Corrupt("datetime");
      }
      if (n > 0) {
        const std::string_view name = src->substr(0, n);
        std::optional<uint32_t> zone = tz::FindZone(name);
        if (!zone) {
          return Status::Storage("a stored datetime names the time zone '" + std::string(name) +
                                 "', which this system's time zone database does not know");
        }
        t.zone = *zone;
      }
      src->remove_prefix(n);
      *out = Value(t);
      return Status::Ok();
    }
    case Value::Kind::kDuration: {
      Duration d;
      if (!GetSigned(src, &d.months) || !GetSigned(src, &d.days) || !GetSigned(src, &d.seconds) ||
          !GetSigned(src, &d.nanos) || d.nanos <= -kNanosPerSecond || d.nanos >= kNanosPerSecond) {
        return Corrupt("duration");
      }
      *out = Value(d);
      return Status::Ok();
    }
    case Value::Kind::kList: {
      if (!GetVarint(src, &n) || n > src->size()) return Corrupt("list");
      ValueList list;
      list.reserve(n);
      for (uint64_t i = 0; i < n; ++i) {
        Value v;
        KG_RETURN_IF_ERROR(DecodeValue(src, &v));
        list.push_back(std::move(v));
      }
      *out = Value(std::move(list));
      return Status::Ok();
    }
    default:
      break;
  }
  return Corrupt("unknown value tag");
}

void EncodeNode(const NodeRecord& node, std::string* dst) {
  PutVarint(dst, node.labels.size());
  for (LabelId l : node.labels) PutVarint(dst, l);
  EncodeProperties(node.properties, dst);
}

void EncodeRel(const RelRecord& rel, std::string* dst) {
  PutVarint(dst, rel.type);
  PutVarint(dst, rel.start);
  PutVarint(dst, rel.end);
  EncodeProperties(rel.properties, dst);
}

Status DecodeNode(NodeId id, std::string_view src, NodeRecord* out) {
  out->id = id;
  uint64_t n;
  if (!GetVarint(&src, &n) || n > src.size()) return Corrupt("label count");
  out->labels.resize(n);
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t l;
    if (!GetVarint(&src, &l)) return Corrupt("label");
    out->labels[i] = static_cast<LabelId>(l);
  }
  KG_RETURN_IF_ERROR(DecodeProperties(&src, &out->properties));
  if (!src.empty()) return Corrupt("trailing bytes in node");
  return Status::Ok();
}

Status DecodeRel(RelId id, std::string_view src, RelRecord* out) {
  out->id = id;
  uint64_t type, start, end;
  if (!GetVarint(&src, &type) || !GetVarint(&src, &start) || !GetVarint(&src, &end)) {
    return Corrupt("relationship header");
  }
  out->type = static_cast<RelTypeId>(type);
  out->start = start;
  out->end = end;
  KG_RETURN_IF_ERROR(DecodeProperties(&src, &out->properties));
  if (!src.empty()) return Corrupt("trailing bytes in relationship");
  return Status::Ok();
}

}  // namespace kg::record_codec
