#include "interchange/import/csv_record_reader.h"

#include <cstring>

#include "common/csv_formula.h"
#include "common/input_file.h"

namespace kg::interchange {
namespace {
constexpr size_t kChunkBytes = size_t{1} << 20;
}

Result<std::unique_ptr<CsvRecordReader>> CsvRecordReader::Open(const std::string& path, std::string display_name) {
  std::unique_ptr<CsvRecordReader> r(new CsvRecordReader(std::move(display_name)));
  KG_RETURN_IF_ERROR(OpenInputFile(path, kCsvGraphFile, &r->in_, r->name_));
  KG_ASSIGN_OR_RETURN(bool any, r->Available());
  if (any && r->buffer_.compare(0, 3, "\xEF\xBB\xBF") == 0) r->pos_ = 3;
  return r;
}

Result<bool> CsvRecordReader::Available() {
  if (pos_ < buffer_.size()) return true;
  if (!in_) return false;
  buffer_offset_ += buffer_.size();
  buffer_.resize(kChunkBytes);
  in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.resize(static_cast<size_t>(in_.gcount()));
  pos_ = 0;
  if (in_.bad()) return Status::Io("error reading " + name_);
  // A BOM is only looked for at the very start (see Open).
  return !buffer_.empty();
}

void CsvRecordReader::ReadUnquoted() {
  // The common case, kept tight: copy up to the next ',' or line end.
  const char* p = buffer_.data() + pos_;
  const char* end = buffer_.data() + buffer_.size();
  const char* q = p;
  while (q < end && *q != ',' && *q != '\n' && *q != '\r') ++q;
  text_.append(p, q);
  pos_ += static_cast<size_t>(q - p);
}

Status CsvRecordReader::ReadQuoted() {
  const uint64_t opened = line_;
  ++pos_;  // the opening quote
  for (;;) {
    KG_ASSIGN_OR_RETURN(bool more, Available());
    if (!more) return Status::Io(name_ + ":" + std::to_string(opened) + ": a quoted field is not closed");
    const char* p = buffer_.data() + pos_;
    const char* end = buffer_.data() + buffer_.size();
    const char* q = static_cast<const char*>(std::memchr(p, '"', static_cast<size_t>(end - p)));
    const char* stop = q ? q : end;
    for (const char* c = p; c < stop; ++c) line_ += *c == '\n';
    text_.append(p, stop);
    pos_ += static_cast<size_t>(stop - p);
    if (text_.size() > kMaxCsvRecordBytes) {
      return Status::Io(name_ + ":" + std::to_string(opened) + ": a quoted field runs on past " +
                        std::to_string(kMaxCsvRecordBytes >> 20) + " MiB (is its closing quote missing?)");
    }
    if (!q) continue;
    ++pos_;  // the quote: the end of the field, or the first of ""
    KG_ASSIGN_OR_RETURN(bool after, Available());
    if (after && buffer_[pos_] == '"') {
      text_.push_back('"');
      ++pos_;
      continue;
    }
    return Status::Ok();
  }
}

Result<bool> CsvRecordReader::Next() {
  text_.clear();
  ends_.clear();
  fields_.clear();
  KG_ASSIGN_OR_RETURN(bool any, Available());
  if (!any) return false;
  record_line_ = line_;
  for (;;) {
    // One field, then what ends it: ',' (another field follows), a line
    // end or the end of the file (the record is complete).
    bool quoted = false;
    KG_ASSIGN_OR_RETURN(bool more, Available());
    if (more && buffer_[pos_] == '"') {
      quoted = true;
      KG_RETURN_IF_ERROR(ReadQuoted());
    } else {
      while (more) {
        ReadUnquoted();
        if (pos_ < buffer_.size()) break;
        if (text_.size() > kMaxCsvRecordBytes) {
          return Status::Io(name_ + ":" + std::to_string(record_line_) + ": a record longer than " +
                            std::to_string(kMaxCsvRecordBytes >> 20) + " MiB");
        }
        KG_ASSIGN_OR_RETURN(more, Available());
      }
    }
    ends_.emplace_back(text_.size(), quoted);
    KG_ASSIGN_OR_RETURN(more, Available());
    if (!more) break;
    const char c = buffer_[pos_];
    if (c == ',') {
      ++pos_;
      continue;
    }
    if (c == '\n') {
      ++pos_;
      ++line_;
      break;
    }
    if (c == '\r') {
      ++pos_;
      KG_ASSIGN_OR_RETURN(bool after, Available());
      if (after && buffer_[pos_] == '\n') ++pos_;
      ++line_;
      break;
    }
    // Only a quoted field can stop anywhere else.
    return Status::Io(name_ + ":" + std::to_string(line_) +
                      ": text after the closing quote of a field (a quote inside a quoted field is written \"\")");
  }
  size_t start = 0;
  for (const auto& [end, quoted] : ends_) {
    std::string_view text(text_.data() + start, end - start);
    if (unguard_formulas_) text = UnguardFormula(text);
    fields_.push_back(CsvField{text, quoted});
    start = end;
  }
  return true;
}

}  // namespace kg::interchange
