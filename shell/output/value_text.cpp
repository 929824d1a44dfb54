// Values as cell text: Value::ToString's Cypher notation, with strings and
// temporal values bare at the top level and paths unwrapped.
#include "output/value_text.h"

#include <cctype>

namespace kg::shell {
namespace {

std::string PathText(const PathValue& path) {
  // Value::ToString writes the path as <...>; the path inside is what we want.
  const std::string wrapped = Value::Path(path).ToString();
  if (wrapped.size() >= 2 && wrapped.front() == '<' && wrapped.back() == '>') {
    return wrapped.substr(1, wrapped.size() - 2);
  }
  return wrapped;
}

}  // namespace

std::string CypherText(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kList: {
      std::string out = "[";
      const ValueList& items = value.as_list();
      for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        out += CypherText(items[i]);
      }
      return out + "]";
    }
    case Value::Kind::kMap: {
      std::string out = "{";
      bool first = true;
      for (const auto& [key, v] : value.as_map()) {
        if (!first) out += ", ";
        first = false;
        out += CypherName(key);
        out += ": " + CypherText(v);
      }
      return out + "}";
    }
    case Value::Kind::kPath:
      return PathText(value.as_path());
    default:
      // Nodes and relationships hold only storable properties: no paths.
      return value.ToString();
  }
}

std::string CellText(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kString:
      return value.as_string();
    default:
      return value.is_temporal() ? TemporalIsoString(value) : CypherText(value);
  }
}

bool IsNumericColumn(const std::vector<std::vector<Value>>& rows, size_t column) {
  bool any = false;
  for (const std::vector<Value>& row : rows) {
    const Value& v = row[column];
    if (v.is_null()) continue;
    if (!v.is_number()) return false;
    any = true;
  }
  return any;
}

}  // namespace kg::shell
