// Property values written as text: the typed columns of CSV files
// (`year:int`, `tags:string[]`) and GraphML's typed <data> elements.
//
// A type is a base type and whether it is a list. Lists are written as their
// elements joined by ';' with '\' escaping a ';' or '\' inside an element
// (`a\;b;c` is ["a;b", "c"]), the convention kg's CSV export writes (see
// docs/interchange.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "common/value.h"

namespace kg::interchange {

struct PropertyType {
  enum class Base { kString, kInt, kFloat, kBool, kDate, kLocalTime, kTime, kLocalDateTime, kDateTime, kDuration };
  Base base = Base::kString;
  bool list = false;
  friend bool operator==(PropertyType a, PropertyType b) { return a.base == b.base && a.list == b.list; }
};

// Dates, times, datetimes and durations: written as ISO 8601 text.
inline bool IsTemporal(PropertyType::Base base) { return base >= PropertyType::Base::kDate; }

// "int", "long", "float", "double", "string", "bool", "boolean", "date",
// "localtime", "time", "localdatetime", "datetime", "duration" (the names
// of the Cypher functions that build those values), any of them with "[]"
// for a list; case does not matter, and the names of gen_graph.py's
// manifest (INT64, INT32, DOUBLE, STRING, BOOL, DATE) are accepted too.
// Nothing for an unknown name.
std::optional<PropertyType> ParsePropertyType(std::string_view name);
// "int", "string[]": the name ParsePropertyType reads back.
std::string PropertyTypeName(PropertyType type);
// The names a user may write, for error messages.
const char* PropertyTypeChoices();

// One value of a base type from its text. Integers are decimal int64,
// floats anything strtod reads in full (also `1e3`, `nan`, `inf`), booleans
// true/false (any case), dates YYYY-MM-DD; times, datetimes and durations
// ISO 8601 as the Cypher functions of their names read it (12:31:14.645,
// 12:00+01:00, 2015-07-21T21:40:32.142, 2024-10-03T09:00+02:00[Europe/Paris],
// P9Y10M15D, ...): what kg's exports write. Strings are taken as they are.
// Errors (kIo) say what is wrong without a position: "'abc' is not an int".
Result<Value> ParseScalar(std::string_view text, PropertyType::Base base);

// A whole field: a scalar, or for a list type the elements split at
// unescaped ';' (an empty text is an empty list).
Result<Value> ParseTypedText(std::string_view text, PropertyType type);

}  // namespace kg::interchange
