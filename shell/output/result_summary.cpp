// Footers and notes: row counts, change summaries, elapsed time.
#include "output/result_summary.h"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <string_view>
#include <utility>
#include <vector>

namespace kg::shell {
namespace {

std::string Count(int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The first `count` words of a statement, upper-cased, skipping spaces and
// comments: what kind of statement the engine ran ("EXPLAIN", "CREATE INDEX").
std::vector<std::string> LeadingWords(std::string_view text, size_t count) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < text.size() && words.size() < count) {
    const char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (text.compare(i, 2, "//") == 0) {
      const size_t end = text.find('\n', i);
      i = end == std::string_view::npos ? text.size() : end + 1;
    } else if (text.compare(i, 2, "/*") == 0) {
      const size_t end = text.find("*/", i + 2);
      i = end == std::string_view::npos ? text.size() : end + 2;
    } else if (std::isalpha(static_cast<unsigned char>(c))) {
      std::string word;
      while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) {
        word += static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
        ++i;
      }
      words.push_back(std::move(word));
    } else {
      break;
    }
  }
  return words;
}

}  // namespace

std::string FormatElapsed(double elapsed_ms) {
  char buf[64];
  if (elapsed_ms < 1000) {
    std::snprintf(buf, sizeof buf, "%.1f ms", elapsed_ms);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f s", elapsed_ms / 1000);
  }
  return buf;
}

std::string RowCount(size_t rows) { return Count(static_cast<int64_t>(rows), "row", "rows"); }

std::string ChangeList(const QueryStats& s) {
  // Counts under one verb share it: "created 2 nodes, 1 relationship".
  struct Part {
    const char* verb;
    int64_t n;
    const char* one;
    const char* many;
  };
  const Part parts[] = {
      {"created", s.nodes_created, "node", "nodes"},
      {"created", s.relationships_created, "relationship", "relationships"},
      {"deleted", s.nodes_deleted, "node", "nodes"},
      {"deleted", s.relationships_deleted, "relationship", "relationships"},
      {"set", s.properties_set, "property", "properties"},
      {"added", s.labels_added, "label", "labels"},
      {"removed", s.labels_removed, "label", "labels"},
  };
  std::string out;
  std::string_view last_verb;
  for (const Part& p : parts) {
    if (p.n == 0) continue;
    if (!out.empty()) out += ", ";
    if (last_verb != p.verb) out += std::string(p.verb) + " ";
    last_verb = p.verb;
    out += Count(p.n, p.one, p.many);
  }
  return out;
}

std::string Summary(const QueryResult& result) {
  if (IsExplain(result)) return "Planned";
  const std::string changes = ChangeList(result.stats);
  if (!result.columns.empty()) {
    std::string out = RowCount(result.rows.size());
    if (!changes.empty()) out += ", " + changes;
    return out;
  }
  if (!changes.empty()) {
    std::string out = changes;
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
  }
  const std::vector<std::string> words = LeadingWords(result.statement, 2);
  if (words.size() == 2 && words[1] == "INDEX") {
    if (words[0] == "CREATE") return "Index created";
    if (words[0] == "DROP") return "Index dropped";
  }
  return "No changes";
}

std::string Footer(const QueryResult& result, double elapsed_ms, bool timing) {
  std::string out = Summary(result);
  if (timing) out += " (" + FormatElapsed(elapsed_ms) + ")";
  return out;
}

bool IsExplain(const QueryResult& result) {
  if (result.plan.empty()) return false;
  const std::vector<std::string> words = LeadingWords(result.statement, 1);
  if (!words.empty()) return words[0] == "EXPLAIN";
  // A result made without its statement's text: only EXPLAIN has a plan
  // and nothing else.
  return result.columns.empty() && result.rows.empty();
}

void WriteInfoNotes(std::ostream& info, const QueryResult& result, double elapsed_ms, bool timing) {
  if (!result.plan.empty()) WriteLines(info, result.plan);
  if (timing) info << "-- " << Footer(result, elapsed_ms, true) << '\n';
}

void WriteLines(std::ostream& os, const std::string& text) {
  if (text.empty()) return;
  os << text;
  if (text.back() != '\n') os << '\n';
}

}  // namespace kg::shell
