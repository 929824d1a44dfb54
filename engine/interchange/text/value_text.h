// Property values as text and JSON, as the export formats write them
// (XML's escaping is xml_text.h's, typed text read back typed_text.h's).
//
//   int      decimal: -12
//   float    the shortest text that reads back as the same double, always
//            with a '.' or an exponent (1.0, 0.1, 1e+20); NaN, INF and -INF
//            (XML Schema's spelling, which strtod, Python and Boost read)
//   bool     true, false
//   temporal ISO 8601, as Cypher's toString writes it: 2024-07-09, 12:31:14.645,
//            12:00+01:00, 2015-07-21T21:40:32.142,
//            2024-10-03T09:00+02:00[Europe/Paris], P9Y10M15D
//   string   as it is
//   list     JSON text: [1,2], ["a","b"], temporal values as ISO strings
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "common/value.h"

namespace kg::interchange {

void AppendInt(std::string* out, int64_t v);
void AppendFloat(std::string* out, double v);
// A scalar's text, or a list's JSON text.
void AppendValueText(std::string* out, const Value& v);
std::string ValueText(const Value& v);
// The name of a temporal kind as CSV column types, GraphML's kg:<type>
// marks and the JSON graph format's "$<type>" objects write it, the same
// as the Cypher function that builds it: "date", "localtime", "time",
// "localdatetime", "datetime", "duration". Null for other kinds.
const char* TemporalTypeName(Value::Kind kind);

// A property value as JSON. Temporal values are objects naming their kind,
// {"$date": "2024-07-09"}, {"$datetime": "2024-10-03T09:00+02:00[Europe/Paris]"},
// {"$duration": "P9Y10M15D"}..., when `temporals_as_objects` (kg's JSON graph
// format), ISO strings otherwise; NaN and the infinities, which JSON cannot
// hold, are the strings "NaN", "Infinity" and "-Infinity" (as kg's json
// output writes them).
nlohmann::ordered_json ValueJson(const Value& v, bool temporals_as_objects);
// Compact JSON text, UTF-8 as it is; bytes that are not UTF-8 become U+FFFD.
std::string JsonText(const nlohmann::ordered_json& json);

}  // namespace kg::interchange
