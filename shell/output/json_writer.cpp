// The json and jsonl writers, for programs (value encoding in value_json.h).
//
// json: each statement with columns is one JSON array of row objects, keys
// in column order. The array is laid out one row per line, each row
// compact, so that it stays readable and line-oriented tools still work:
//   [
//     {"name":"Lê Hoài Trung","age":61},
//     {"name":"Đường Lâm","age":null}
//   ]
// and an empty result is `[]`. A run of several statements writes one
// array after another (a JSON text sequence, as jq reads it).
//
// jsonl: one compact row object per line, for every statement alike.
//
// Statements without columns and EXPLAIN write nothing on `out`; plans
// and, with timing on, the footers go to `info`.
#include "output/result_summary.h"
#include "output/value_json.h"
#include "output/writer_factories.h"

namespace kg::shell {
namespace {

class JsonWriter : public ResultWriter {
 public:
  JsonWriter(std::ostream& out, std::ostream& info, const WriterOptions& options, bool lines)
      : out_(out), info_(info), options_(options), lines_(lines) {}

  void Write(const QueryResult& result, double elapsed_ms) override {
    if (!result.columns.empty() && !IsExplain(result)) {
      if (lines_) {
        for (const std::vector<Value>& row : result.rows) out_ << JsonText(RowToJson(result.columns, row)) << '\n';
      } else if (result.rows.empty()) {
        out_ << "[]\n";
      } else {
        out_ << "[\n";
        for (size_t i = 0; i < result.rows.size(); ++i) {
          out_ << "  " << JsonText(RowToJson(result.columns, result.rows[i]));
          out_ << (i + 1 < result.rows.size() ? ",\n" : "\n");
        }
        out_ << "]\n";
      }
    }
    WriteInfoNotes(info_, result, elapsed_ms, options_.timing);
  }

 private:
  std::ostream& out_;
  std::ostream& info_;
  WriterOptions options_;
  bool lines_;  // jsonl
};

}  // namespace

std::unique_ptr<ResultWriter> MakeJsonWriter(std::ostream& out, std::ostream& info, const WriterOptions& options) {
  return std::make_unique<JsonWriter>(out, info, options, false);
}

std::unique_ptr<ResultWriter> MakeJsonlWriter(std::ostream& out, std::ostream& info, const WriterOptions& options) {
  return std::make_unique<JsonWriter>(out, info, options, true);
}

}  // namespace kg::shell
