// Values and rows as JSON, for the json and jsonl formats.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/value.h"

namespace kg::shell {

// null, true/false, integers as JSON integers, floats as JSON numbers
// (NaN, Infinity and -Infinity, which JSON cannot write, as the strings
// "NaN", "Infinity", "-Infinity"), strings, dates, times, datetimes and
// durations as ISO strings ("2024-07-09", "2024-10-03T09:00+02:00[Europe/Paris]",
// "P9Y10M15D"), lists as arrays, maps as objects (keys sorted), and
//   node:         {"id": 12, "labels": ["Person"], "properties": {...}}
//   relationship: {"id": 3, "type": "KNOWS", "start": 12, "end": 14, "properties": {...}}
//   path:         {"nodes": [node, ...], "relationships": [relationship, ...]}
nlohmann::ordered_json ValueToJson(const Value& value);

// One row as an object whose keys are the column names, in column order.
nlohmann::ordered_json RowToJson(const std::vector<std::string>& columns, const std::vector<Value>& row);

// Compact JSON text, UTF-8 as it is (not \u-escaped); bytes that are not
// UTF-8 become U+FFFD rather than failing.
std::string JsonText(const nlohmann::ordered_json& json);

}  // namespace kg::shell
