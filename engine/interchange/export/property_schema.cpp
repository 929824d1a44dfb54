#include "interchange/export/property_schema.h"

#include <algorithm>
#include <optional>

namespace kg::interchange {
namespace {

std::optional<ColumnType::Base> ScalarBase(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kBool:
      return ColumnType::Base::kBool;
    case Value::Kind::kInt:
      return ColumnType::Base::kInt;
    case Value::Kind::kFloat:
      return ColumnType::Base::kFloat;
    case Value::Kind::kString:
      return ColumnType::Base::kString;
    case Value::Kind::kDate:
      return ColumnType::Base::kDate;
    case Value::Kind::kLocalTime:
      return ColumnType::Base::kLocalTime;
    case Value::Kind::kTime:
      return ColumnType::Base::kTime;
    case Value::Kind::kLocalDateTime:
      return ColumnType::Base::kLocalDateTime;
    case Value::Kind::kDateTime:
      return ColumnType::Base::kDateTime;
    case Value::Kind::kDuration:
      return ColumnType::Base::kDuration;
    default:
      return std::nullopt;
  }
}

const char* BaseName(ColumnType::Base base) {
  switch (base) {
    case ColumnType::Base::kBool:
      return "bool";
    case ColumnType::Base::kInt:
      return "int";
    case ColumnType::Base::kFloat:
      return "float";
    case ColumnType::Base::kString:
      return "string";
    case ColumnType::Base::kDate:
      return "date";
    case ColumnType::Base::kLocalTime:
      return "localtime";
    case ColumnType::Base::kTime:
      return "time";
    case ColumnType::Base::kLocalDateTime:
      return "localdatetime";
    case ColumnType::Base::kDateTime:
      return "datetime";
    case ColumnType::Base::kDuration:
      return "duration";
  }
  return "string";
}

}  // namespace

std::string ColumnType::Name() const {
  if (mixed) return "string";
  return std::string(BaseName(base)) + (list ? "[]" : "");
}

const char* ColumnType::XmlTypeName() const {
  if (mixed || list) return "string";
  switch (base) {
    case Base::kBool:
      return "boolean";
    case Base::kInt:
      return "long";
    case Base::kFloat:
      return "double";
    default:
      return "string";
  }
}

void PropertySchema::Observe(const Properties& properties) {
  for (const Property& p : properties) {
    if (p.key >= slots_.size()) slots_.resize(p.key + 1);
    Slot& slot = slots_[p.key];
    ++slot.count;
    if (slot.seen == Seen::kMixed) continue;
    if (p.value.is_list()) {
      // The elements' one kind, if they share one.
      std::optional<ColumnType::Base> base;
      bool uniform = true;
      for (const Value& e : p.value.as_list()) {
        const std::optional<ColumnType::Base> b = ScalarBase(e);
        if (!b || (base && *base != *b)) {
          uniform = false;
          break;
        }
        base = b;
      }
      if (!uniform) {
        slot.seen = Seen::kMixed;
      } else if (!base) {  // an empty list
        if (slot.seen == Seen::kNothing) slot.seen = Seen::kEmptyList;
        if (slot.seen == Seen::kScalar) slot.seen = Seen::kMixed;
      } else if (slot.seen == Seen::kNothing || slot.seen == Seen::kEmptyList) {
        slot.seen = Seen::kList;
        slot.base = *base;
      } else if (slot.seen != Seen::kList || slot.base != *base) {
        slot.seen = Seen::kMixed;
      }
      continue;
    }
    const std::optional<ColumnType::Base> base = ScalarBase(p.value);
    if (!base) {
      slot.seen = Seen::kMixed;
    } else if (slot.seen == Seen::kNothing) {
      slot.seen = Seen::kScalar;
      slot.base = *base;
    } else if (slot.seen != Seen::kScalar || slot.base != *base) {
      slot.seen = Seen::kMixed;
    }
  }
}

std::vector<PropertyColumn> PropertySchema::Columns(const Catalog& catalog) const {
  std::vector<PropertyColumn> columns;
  for (size_t key = 0; key < slots_.size(); ++key) {
    const Slot& slot = slots_[key];
    if (slot.count == 0) continue;
    PropertyColumn c;
    c.key = static_cast<PropertyKeyId>(key);
    c.name = catalog.PropertyKeyName(c.key);
    c.count = slot.count;
    switch (slot.seen) {
      case Seen::kScalar:
        c.type.base = slot.base;
        break;
      case Seen::kList:
        c.type.base = slot.base;
        c.type.list = true;
        break;
      case Seen::kEmptyList:
        c.type.list = true;
        break;
      case Seen::kMixed:
      case Seen::kNothing:
        c.type.mixed = true;
        break;
    }
    columns.push_back(std::move(c));
  }
  std::sort(columns.begin(), columns.end(),
            [](const PropertyColumn& a, const PropertyColumn& b) { return a.name < b.name; });
  return columns;
}

}  // namespace kg::interchange
