// CsvRecordReader: the records of an RFC 4180 CSV file, streamed.
//
// Fields are separated by ',' and records by LF or CRLF; a field may be
// quoted with '"', and then holds commas, line breaks and '""' for a quote.
// Each record comes with the line it starts on (a quoted line break makes a
// record span lines), and each field says whether it was quoted, so that an
// empty field ("no value") can be told from a quoted empty string ("").
// A UTF-8 byte-order mark at the start is skipped.
//
// Hand-written rather than libcsv: this loop hands out views into its
// buffer (the 1M-row imports spend their time here), and knows the line
// each record starts on, which libcsv's callbacks do not tell.
#pragma once

#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace kg::interchange {

// The longest record read: a quote left open would otherwise gather the
// rest of the file into one field.
constexpr size_t kMaxCsvRecordBytes = size_t{64} << 20;

struct CsvField {
  std::string_view text;  // unquoted, with "" turned into "
  bool quoted = false;
};

class CsvRecordReader {
 public:
  // Opens `path`; `display_name` names it in errors.
  static Result<std::unique_ptr<CsvRecordReader>> Open(const std::string& path, std::string display_name);

  // Reads the next record into fields(). Returns false at the end of the
  // file; a malformed record (a quote left open, text after a closing
  // quote, a record longer than kMaxCsvRecordBytes) is an error naming the
  // line.
  Result<bool> Next();

  const std::vector<CsvField>& fields() const { return fields_; }
  // The line the current record starts on (1 = the first line).
  uint64_t line() const { return record_line_; }
  // Bytes consumed so far, for progress.
  uint64_t bytes_read() const { return buffer_offset_ + pos_; }
  const std::string& name() const { return name_; }
  // kg's own CSV layout: each field has the formula guard of kg's export
  // taken off (common/csv_formula.h's UnguardFormula).
  void set_unguard_formulas(bool on) { unguard_formulas_ = on; }

 private:
  CsvRecordReader(std::string name) : name_(std::move(name)) {}
  // Makes buffer_[pos_] a byte not yet parsed; false at the end of the file.
  Result<bool> Available();
  Status ReadQuoted();
  void ReadUnquoted();

  std::string name_;
  std::ifstream in_;
  std::string buffer_;          // the chunk of the file being parsed
  size_t pos_ = 0;              // next byte of buffer_ to parse
  uint64_t buffer_offset_ = 0;  // file offset of buffer_[0]
  uint64_t line_ = 1;           // line of buffer_[pos_]
  uint64_t record_line_ = 0;
  std::string text_;                           // the current record's fields, unquoted, back to back
  std::vector<std::pair<size_t, bool>> ends_;  // each field's end in text_, and whether it was quoted
  std::vector<CsvField> fields_;
  bool unguard_formulas_ = false;
};

}  // namespace kg::interchange
