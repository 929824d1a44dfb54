// The markdown writer: a GitHub pipe table to paste into notes.
//
//   | p.name        |  age |
//   | ------------- | ---: |
//   | Lê Hoài Trung |   61 |
//
// The source is padded by display width so that it reads as a table too;
// columns of numbers are right-aligned (`---:`). Cells hold the same text
// as the table format's, with '|' escaped as "\|" and line breaks as
// "<br>" (control characters as in the table: "␉" for a tab).
//
// `out` gets only what belongs in the notes: the tables and the plans of
// EXPLAIN and PROFILE as fenced code blocks, with an empty line between
// the statements of a run (Finish ends a run). The footer ("3 rows",
// "Created 2 nodes", and the time) goes to `info`, so that redirecting
// `out` to a file gives a clean document while the terminal still shows
// what happened.
#include <algorithm>
#include <string>
#include <vector>

#include "output/display_width.h"
#include "output/result_summary.h"
#include "output/value_text.h"
#include "output/writer_factories.h"

namespace kg::shell {
namespace {

std::string MarkdownCell(const std::string& text) {
  const std::string safe = SanitizeForDisplay(text, Newlines::kKeep);
  std::string out;
  out.reserve(safe.size());
  for (char c : safe) {
    if (c == '\n') {
      out += "<br>";
    } else if (c == '|') {
      out += "\\|";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Pad(const std::string& text, int width, bool right) {
  const std::string fill(static_cast<size_t>(std::max(0, width - DisplayWidth(text))), ' ');
  return right ? fill + text : text + fill;
}

class MarkdownWriter : public ResultWriter {
 public:
  MarkdownWriter(std::ostream& out, std::ostream& info, const WriterOptions& options)
      : out_(out), info_(info), options_(options) {}

  void Write(const QueryResult& result, double elapsed_ms) override {
    const bool explain = IsExplain(result);
    if (!result.columns.empty() && !explain) {
      Separate();
      WriteTable(result);
    }
    if (!result.plan.empty()) {
      Separate();
      out_ << "```\n";
      WriteLines(out_, result.plan);
      out_ << "```\n";
    }
    if (!explain || options_.timing) info_ << Footer(result, elapsed_ms, options_.timing) << '\n';
  }

  // A run ends: the next statement starts without an empty line before it.
  void Finish() override { wrote_ = false; }

 private:
  // An empty line between blocks, so that tables do not run together.
  void Separate() {
    if (wrote_) out_ << '\n';
    wrote_ = true;
  }

  void WriteTable(const QueryResult& result) {
    const size_t n = result.columns.size();
    std::vector<bool> right(n);
    std::vector<std::string> header(n);
    std::vector<int> widths(n);
    for (size_t c = 0; c < n; ++c) {
      right[c] = IsNumericColumn(result.rows, c);
      header[c] = MarkdownCell(result.columns[c]);
      // At least "---", or "---:" for a right-aligned column.
      widths[c] = std::max(DisplayWidth(header[c]), right[c] ? 4 : 3);
    }
    std::vector<std::vector<std::string>> rows;
    rows.reserve(result.rows.size());
    for (const std::vector<Value>& row : result.rows) {
      std::vector<std::string> cells;
      for (size_t c = 0; c < n; ++c) {
        cells.push_back(MarkdownCell(CellText(row[c])));
        widths[c] = std::max(widths[c], DisplayWidth(cells.back()));
      }
      rows.push_back(std::move(cells));
    }

    std::string line = "|";
    for (size_t c = 0; c < n; ++c) line += " " + Pad(header[c], widths[c], right[c]) + " |";
    out_ << line << '\n';
    line = "|";
    for (size_t c = 0; c < n; ++c) {
      line += " " + (right[c] ? std::string(widths[c] - 1, '-') + ":" : std::string(widths[c], '-')) + " |";
    }
    out_ << line << '\n';
    for (const std::vector<std::string>& cells : rows) {
      line = "|";
      for (size_t c = 0; c < n; ++c) {
        line += " " + Pad(cells[c], widths[c], right[c]) + " |";
      }
      out_ << line << '\n';
    }
  }

  std::ostream& out_;
  std::ostream& info_;
  WriterOptions options_;
  bool wrote_ = false;
};

}  // namespace

std::unique_ptr<ResultWriter> MakeMarkdownWriter(std::ostream& out, std::ostream& info, const WriterOptions& options) {
  return std::make_unique<MarkdownWriter>(out, info, options);
}

}  // namespace kg::shell
