// The csv and tsv writers: a header row of column names, then one line per
// row, for spreadsheets and Unix tools.
//
// csv follows RFC 4180: fields separated by ',', lines ended by CRLF, a
// field quoted ("...", quotes doubled) when it holds '"', ',', CR or LF.
// A null is an empty field; an empty string is "" (quoted), so that the
// two stay apart for readers that care (PostgreSQL's COPY does).
//
// tsv is the tab-separated text of Unix tools: LF line ends, no quoting; a
// tab, LF, CR or backslash inside a field is written \t, \n, \r, \\.
// A null is an empty field (so is an empty string).
//
// In both, text that a spreadsheet would run as a formula (a column name or
// a string beginning with = + - @, tab or CR) gets a leading ' unless the
// options keep formulas (common/csv_formula.h); numbers, dates and the
// other values are not text and are written as they are (-3 stays -3).
//
// Each statement with columns writes its header and rows, with an empty
// line between the statements of a run (Finish ends a run); statements
// without columns and EXPLAIN write nothing on `out`. Plans and, with
// timing on, the footers go to `info`.
#include <string>

#include "common/csv_formula.h"
#include "output/result_summary.h"
#include "output/value_text.h"
#include "output/writer_factories.h"

namespace kg::shell {
namespace {

std::string CsvField(const std::string& text) {
  if (text.find_first_of("\",\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A column name or a string value as its cell holds it.
std::string Text(const std::string& text, bool guard) { return guard ? GuardFormula(text) : text; }

std::string CsvName(const std::string& name, bool guard) { return CsvField(Text(name, guard)); }

std::string CsvValue(const Value& v, bool guard) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.as_string().empty() ? "\"\"" : CsvField(Text(v.as_string(), guard));
  return CsvField(CellText(v));
}

std::string TsvField(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string TsvName(const std::string& name, bool guard) { return TsvField(Text(name, guard)); }

std::string TsvValue(const Value& v, bool guard) {
  if (v.is_null()) return "";
  return TsvField(v.is_string() ? Text(v.as_string(), guard) : CellText(v));
}

class DelimitedWriter : public ResultWriter {
 public:
  // `value_field` writes a value, `name_field` a column name (each told
  // whether to guard formulas); `line_end` ends each line.
  using ValueField = std::string (*)(const Value&, bool);
  using NameField = std::string (*)(const std::string&, bool);

  DelimitedWriter(std::ostream& out, std::ostream& info, const WriterOptions& options, char delimiter,
                  const char* line_end, ValueField value_field, NameField name_field)
      : out_(out),
        info_(info),
        options_(options),
        delimiter_(delimiter),
        line_end_(line_end),
        value_field_(value_field),
        name_field_(name_field),
        guard_(options.csv_formulas == CsvFormulas::kGuard) {}

  void Write(const QueryResult& result, double elapsed_ms) override {
    if (!result.columns.empty() && !IsExplain(result)) {
      if (wrote_) out_ << line_end_;
      wrote_ = true;
      for (size_t i = 0; i < result.columns.size(); ++i) {
        if (i) out_ << delimiter_;
        out_ << name_field_(result.columns[i], guard_);
      }
      out_ << line_end_;
      for (const std::vector<Value>& row : result.rows) {
        for (size_t i = 0; i < row.size(); ++i) {
          if (i) out_ << delimiter_;
          out_ << value_field_(row[i], guard_);
        }
        out_ << line_end_;
      }
    }
    WriteInfoNotes(info_, result, elapsed_ms, options_.timing);
  }

  // A run ends: the next statement starts without an empty line before it.
  void Finish() override { wrote_ = false; }

 private:
  std::ostream& out_;
  std::ostream& info_;
  WriterOptions options_;
  char delimiter_;
  const char* line_end_;
  ValueField value_field_;
  NameField name_field_;
  bool guard_;
  bool wrote_ = false;  // a statement's rows were written: the next starts after an empty line
};

}  // namespace

std::unique_ptr<ResultWriter> MakeCsvWriter(std::ostream& out, std::ostream& info, const WriterOptions& options) {
  return std::make_unique<DelimitedWriter>(out, info, options, ',', "\r\n", CsvValue, CsvName);
}

std::unique_ptr<ResultWriter> MakeTsvWriter(std::ostream& out, std::ostream& info, const WriterOptions& options) {
  return std::make_unique<DelimitedWriter>(out, info, options, '\t', "\n", TsvValue, TsvName);
}

}  // namespace kg::shell
