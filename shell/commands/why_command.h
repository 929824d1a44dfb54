// `:why` in the REPL and `kg why` on the command line: the evidence for
// relationships, each with its type, its endpoints' names, the Document it
// comes from (key, title, date) and the sentence with the span marked
// (kg.evidence(), common/evidence_text.h); a MENTIONS shows each mention in
// its sentence:
//
//   #17 (Hà Kim Ngọc)-[:HOLDS_POSITION {role: 'Chủ tịch', ...}]->(Ủy ban Quốc gia UNESCO Việt Nam)
//     doc/004 · Đổi mới, sáng tạo, linh hoạt trong … · 2024-07-11
//     … Chủ tịch ⟦Ủy ban Quốc gia UNESCO Việt Nam Hà Kim Ngọc⟧ …
//
// In the REPL:   :why          the relationships of the last result
//                :why ID ...   the relationships with these ids (id(r))
// Command line:  kg why [--db PATH] [--sources DIR] --rel ID [--rel ID]...
//   exit codes: 0 shown, 1 an unknown id, a missing or changed source file
//   or a database that does not open, 2 bad usage.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "main/database.h"

namespace CLI {
class App;
}

namespace kg::shell {

// At most this many relationships of a last result are shown by :why.
inline constexpr size_t kWhyLimit = 100;

// Writes the evidence for each relationship of `ids`, in that order, to
// `out`, whatever day the database's as-of mode reads (an id names one
// relationship; the mode is put back). Fails (nothing written) when an id is not a relationship's or a
// source file is missing or changed; the message is one line.
Status WriteEvidence(Database& db, const std::vector<uint64_t>& ids, std::ostream& out);

// The relationship ids in `args` (":why 12 40"): whole numbers separated by
// spaces or commas, or a kUsage error.
Result<std::vector<uint64_t>> ParseRelationshipIds(std::string_view args);

// The ids of the relationships a result holds, in the order they first
// appear (row by row, column by column; inside lists, maps and paths).
std::vector<uint64_t> RelationshipsOf(const std::vector<std::vector<Value>>& rows);

struct WhyArguments {
  std::string db;
  std::string sources;  // --sources as given
  std::vector<uint64_t> rels;
};

// Adds the `why` subcommand to `app`, filling `args` when it is parsed.
CLI::App* AddWhySubcommand(CLI::App& app, WhyArguments* args);

// Opens the database read-only (the bundled graph without --db), writes
// the evidence to `out`, errors to `err`; returns the exit code.
// `sources_dir` is the resolved sources directory (sources_dir.h).
int RunWhySubcommand(const WhyArguments& args, const std::string& sources_dir, std::ostream& out, std::ostream& err);

}  // namespace kg::shell
