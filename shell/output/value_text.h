// How a value reads as text in the text formats (table, csv, tsv,
// markdown), so that every format shows the same value the same way.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "common/value.h"

namespace kg::shell {

// A cell's text: strings raw (no quotes or escapes), null as "null",
// booleans "true"/"false", numbers and floats as Value::ToString (1000.0,
// 0.1, NaN), dates, times, datetimes and durations ISO ("2024-07-09",
// "2024-10-03T09:00+02:00[Europe/Paris]", "P9Y10M15D"), and everything else in Cypher
// notation as CypherText gives it. The text may hold any character of the
// value, control characters included: each format decides how to show them.
std::string CellText(const Value& value);

// Cypher notation, as Value::ToString (['a', 'b'], {a: 1, b: [date('2024-07-09')]},
// (:Person {name: 'An'}), [:KNOWS {since: 2001}]), except that a path, at
// any depth, is written without the TCK's <...> wrapper:
// (:A {x: 1})-[:R]->(:B)<-[:S]-(:C).
std::string CypherText(const Value& value);

// Whether column `column` of `rows` holds numbers: at least one, and
// nothing else but nulls. The text formats right-align such a column as a
// whole, its header and nulls included.
bool IsNumericColumn(const std::vector<std::vector<Value>>& rows, size_t column);

}  // namespace kg::shell
