// What the writers say about a statement besides its rows: the footer
// ("3 rows", "Created 2 nodes, 1 relationship", "No changes"), the time,
// and whether the result is an EXPLAIN plan. One wording for all formats.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include "main/database.h"

namespace kg::shell {

// "12.4 ms" under a second, "1.52 s" from one second on.
std::string FormatElapsed(double elapsed_ms);

// "0 rows", "1 row", "3 rows".
std::string RowCount(size_t rows);

// What a statement changed, "created 2 nodes, 1 relationship, deleted
// 1 node, set 3 properties, added 2 labels, removed 1 label" (lower case,
// only the counts that are not 0), or "" when it changed nothing.
std::string ChangeList(const QueryStats& stats);

// The footer without the time: for a result with columns "3 rows", with
// ", created 1 node ..." when the statement also wrote; without columns
// "Created 2 nodes, ..." or "No changes" ("Index created" / "Index
// dropped" for CREATE INDEX / DROP INDEX); for EXPLAIN "Planned".
std::string Summary(const QueryResult& result);

// Summary, and with timing " (12.4 ms)": the line after a table.
std::string Footer(const QueryResult& result, double elapsed_ms, bool timing);

// The statement was EXPLAIN: `plan` is all there is (it did not run, and
// has no rows even when it has columns).
bool IsExplain(const QueryResult& result);

// For the formats that keep `out` for data (csv, tsv, json, jsonl), what
// goes to `info` instead: the plan of EXPLAIN or PROFILE (always: it was
// asked for), and with timing on the footer as a note, "-- 3 rows (12.4 ms)".
void WriteInfoNotes(std::ostream& info, const QueryResult& result, double elapsed_ms, bool timing);

// `text` followed by a line break if it does not end with one.
void WriteLines(std::ostream& os, const std::string& text);

}  // namespace kg::shell
