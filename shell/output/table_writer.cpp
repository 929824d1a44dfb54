// The table writer: results as a box-drawn table for people at a terminal.
//
//   ┌───────────────┬─────┐
//   │ p.name        │ age │
//   ├───────────────┼─────┤
//   │ Lê Hoài Trung │  61 │
//   └───────────────┴─────┘
//   1 row
//
// Columns are as wide as their widest cell in display columns (see
// display_width.h), so Vietnamese, CJK and emoji text stays aligned.
// Numbers are right-aligned (and so are nulls and the header of a column
// whose values are all numbers); everything else is left-aligned. When the
// table is wider than max_width, the widest columns give way first, down
// to a minimum; their cells are cut with '…', or with `wrap` continue on
// more lines (breaking at spaces where they can; rules then separate the
// rows). A line break in a cell shows as '↵', or with `wrap` starts a new
// line of the cell.
//
// After the table comes the footer ("3 rows", "Created 2 nodes", "No
// changes"; with timing " (12.4 ms)"); EXPLAIN prints its plan, PROFILE
// the table and then its plan. The statements of a run are separated by
// an empty line (Finish ends a run).
#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "output/display_width.h"
#include "output/result_summary.h"
#include "output/value_text.h"
#include "output/writer_factories.h"

namespace kg::shell {
namespace {

// A column narrower than this is not shrunk; a wider one is not shrunk
// below it: enough for a few letters and the '…'.
constexpr int kMinColumnWidth = 5;

// One cell, ready to lay out: its text lines (one unless wrapping kept a
// line break), how wide the widest is, and which side it keeps to.
struct Cell {
  std::vector<std::string> lines;
  int width = 0;
  bool right = false;
};

Cell MakeCell(const std::string& text, Newlines newlines, bool right) {
  Cell cell;
  cell.right = right;
  const std::string safe = SanitizeForDisplay(text, newlines);
  size_t start = 0;
  while (true) {
    const size_t end = safe.find('\n', start);
    cell.lines.push_back(safe.substr(start, end == std::string::npos ? std::string::npos : end - start));
    cell.width = std::max(cell.width, DisplayWidth(cell.lines.back()));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return cell;
}

// Column widths that fit in `available` columns of text: the widest
// columns are brought down to a common width first; no column goes below
// min(its natural width, kMinColumnWidth), even when the table then stays
// wider than asked.
std::vector<int> FitWidths(const std::vector<int>& natural, int available) {
  const int total = std::accumulate(natural.begin(), natural.end(), 0);
  if (total <= available) return natural;
  std::vector<int> floor(natural.size());
  for (size_t i = 0; i < natural.size(); ++i) floor[i] = std::min(natural[i], kMinColumnWidth);
  if (std::accumulate(floor.begin(), floor.end(), 0) >= available) return floor;
  auto width_at = [&](int cap) {
    int sum = 0;
    for (size_t i = 0; i < natural.size(); ++i) sum += std::max(floor[i], std::min(natural[i], cap));
    return sum;
  };
  // The largest cap that fits.
  int lo = 0;
  int hi = *std::max_element(natural.begin(), natural.end());
  while (lo < hi) {
    const int mid = lo + (hi - lo + 1) / 2;
    if (width_at(mid) <= available) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  std::vector<int> widths(natural.size());
  for (size_t i = 0; i < natural.size(); ++i) widths[i] = std::max(floor[i], std::min(natural[i], lo));
  // What is left over goes, a column each, to the capped columns from the left.
  int spare = available - width_at(lo);
  for (size_t i = 0; i < natural.size() && spare > 0; ++i) {
    if (natural[i] > lo && widths[i] == lo) {
      ++widths[i];
      --spare;
    }
  }
  return widths;
}

std::string Repeat(const char* s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

std::string Pad(const std::string& text, int width, bool right) {
  const std::string fill(static_cast<size_t>(std::max(0, width - DisplayWidth(text))), ' ');
  return right ? fill + text : text + fill;
}

class TableWriter : public ResultWriter {
 public:
  TableWriter(std::ostream& out, const WriterOptions& options) : out_(out), options_(options) {}

  void Write(const QueryResult& result, double elapsed_ms) override {
    if (wrote_) out_ << '\n';
    wrote_ = true;
    if (IsExplain(result)) {
      WriteLines(out_, result.plan);
      if (options_.timing) out_ << Footer(result, elapsed_ms, true) << '\n';
      return;
    }
    if (!result.columns.empty()) WriteTable(result);
    out_ << Footer(result, elapsed_ms, options_.timing) << '\n';
    WriteLines(out_, result.plan);  // PROFILE
  }

  // A run ends: the next statement starts without an empty line before it.
  void Finish() override { wrote_ = false; }

 private:
  void WriteTable(const QueryResult& result) {
    const size_t n = result.columns.size();
    const Newlines newlines = options_.wrap ? Newlines::kKeep : Newlines::kMark;
    std::vector<bool> numeric(n);
    for (size_t c = 0; c < n; ++c) numeric[c] = IsNumericColumn(result.rows, c);

    std::vector<Cell> header;
    for (size_t c = 0; c < n; ++c) header.push_back(MakeCell(result.columns[c], newlines, numeric[c]));
    std::vector<std::vector<Cell>> rows;
    rows.reserve(result.rows.size());
    for (const std::vector<Value>& row : result.rows) {
      std::vector<Cell> cells;
      for (size_t c = 0; c < n; ++c) {
        const Value& v = row[c];
        cells.push_back(MakeCell(CellText(v), newlines, v.is_number() || (v.is_null() && numeric[c])));
      }
      rows.push_back(std::move(cells));
    }

    std::vector<int> widths(n);
    for (size_t c = 0; c < n; ++c) {
      widths[c] = header[c].width;
      for (const std::vector<Cell>& cells : rows) widths[c] = std::max(widths[c], cells[c].width);
    }
    if (options_.max_width > 0) {
      // Each column takes "│ " + text + " ", and the last "│" closes the row.
      widths = FitWidths(widths, options_.max_width - static_cast<int>(3 * n + 1));
    }

    std::vector<std::vector<std::vector<std::string>>> fitted;  // row, column, line
    fitted.reserve(rows.size());
    bool multi_line = false;
    for (const std::vector<Cell>& cells : rows) {
      fitted.push_back(FitRow(cells, widths));
      for (const auto& lines : fitted.back()) multi_line |= lines.size() > 1;
    }

    Rule(widths, "┌", "┬", "┐");
    Row(header, FitRow(header, widths), widths);
    if (!rows.empty()) Rule(widths, "├", "┼", "┤");
    for (size_t r = 0; r < rows.size(); ++r) {
      // Where a row takes several lines, rules show where each row ends.
      if (r > 0 && multi_line) Rule(widths, "├", "┼", "┤");
      Row(rows[r], fitted[r], widths);
    }
    Rule(widths, "└", "┴", "┘");
  }

  void Rule(const std::vector<int>& widths, const char* left, const char* middle, const char* right) {
    std::string line = left;
    for (size_t c = 0; c < widths.size(); ++c) {
      if (c) line += middle;
      line += Repeat("─", widths[c] + 2);
    }
    out_ << line << right << '\n';
  }

  // The lines a cell takes in a column `width` wide.
  std::vector<std::string> Fit(const Cell& cell, int width) const {
    std::vector<std::string> out;
    for (const std::string& line : cell.lines) {
      if (DisplayWidth(line) <= width) {
        out.push_back(line);
      } else if (options_.wrap) {
        for (std::string& part : WrapToWidth(line, width)) out.push_back(std::move(part));
      } else {
        out.push_back(TruncateToWidth(line, width));
      }
    }
    return out;
  }

  std::vector<std::vector<std::string>> FitRow(const std::vector<Cell>& cells, const std::vector<int>& widths) const {
    std::vector<std::vector<std::string>> lines;
    for (size_t c = 0; c < cells.size(); ++c) lines.push_back(Fit(cells[c], widths[c]));
    return lines;
  }

  void Row(const std::vector<Cell>& cells, const std::vector<std::vector<std::string>>& lines,
           const std::vector<int>& widths) {
    size_t height = 1;
    for (const auto& cell_lines : lines) height = std::max(height, cell_lines.size());
    for (size_t k = 0; k < height; ++k) {
      std::string line = "│";
      for (size_t c = 0; c < cells.size(); ++c) {
        const std::string text = k < lines[c].size() ? lines[c][k] : "";
        line += " " + Pad(text, widths[c], cells[c].right) + " │";
      }
      out_ << line << '\n';
    }
  }

  std::ostream& out_;
  WriterOptions options_;
  bool wrote_ = false;  // a statement was written: the next starts after an empty line
};

}  // namespace

std::unique_ptr<ResultWriter> MakeTableWriter(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<TableWriter>(out, options);
}

}  // namespace kg::shell
