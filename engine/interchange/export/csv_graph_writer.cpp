// CSV (RFC 4180): a directory holding nodes.csv and relationships.csv, the
// layout kg's importer reads back (and Neo4j's admin import resembles).
//
// nodes.csv:
//   :ID,:LABEL,born:date,name:string,tags:string[],year:int
//   12,Person;Scholar,1961-04-01,Lê Hoài Trung,"a;b\;c",1990
//   14,,,"",,
// relationships.csv:
//   :START_ID,:END_ID,:TYPE,since:int
//   12,14,KNOWS,2019
//
// - UTF-8 without a byte-order mark, records ended by LF; a field holding
//   ',', '"', CR or LF, or starting or ending with a space, is quoted, with
//   '"' doubled inside. Text is written as stored, except bytes that are
//   not UTF-8, which become U+FFFD (control characters stay: CSV holds them).
// - :ID and :START_ID/:END_ID are the database's node ids (integers).
// - :LABEL is the labels joined by ';'; :TYPE the relationship type.
// - A column per property key of the exported nodes (relationships), in
//   name order, headed `name:type`: int, float, string, bool, date,
//   localtime, time, localdatetime, datetime, duration, or a list type
//   int[], float[], string[], bool[], date[], datetime[]... A key whose values have
//   different kinds is a `string` column holding each value's text (lists
//   as JSON). The type follows the last ':' of the header.
// - An empty unquoted field is no property; a quoted empty field ("") is an
//   empty string, or in a list column an empty list.
// - Values: integers in decimal, floats in the shortest form that reads back
//   exactly (1.0, 0.1, 1e+20, NaN, INF, -INF), bools true/false, dates
//   YYYY-MM-DD, the other temporal kinds ISO 8601 as Cypher writes them
//   (12:31:14.645+01:00, 2024-10-03T09:00+02:00[Europe/Paris], P9Y10M15D).
//   List elements are joined by ';'; a ';' or '\' inside an
//   element (and in :LABEL, inside a label) is escaped with '\'.
//   A list holding a single empty string ([""]) is written as "" and so
//   reads back as an empty list: the one value this layout cannot tell
//   apart.
// - Text a spreadsheet would run as a formula (labels, types, column names,
//   strings and lists of strings beginning with = + - @, tab or CR) gets a
//   leading ' (common/csv_formula.h), which the importer takes off again;
//   numbers are not text and are written as they are. CsvFormulas::kKeep
//   writes text as stored.
#include <filesystem>
#include <optional>

#include "common/csv_formula.h"
#include "common/utf8.h"
#include "interchange/export/element_names.h"
#include "interchange/export/graph_writer.h"
#include "interchange/export/output_file.h"
#include "interchange/text/joined_text.h"
#include "interchange/text/value_text.h"

namespace kg::interchange {
namespace {

bool NeedsQuotes(std::string_view text) {
  if (text.empty()) return false;
  if (text.front() == ' ' || text.back() == ' ') return true;
  return text.find_first_of(",\"\r\n") != std::string_view::npos;
}

// Appends one field, quoted when it must be; returns the bytes replaced
// with U+FFFD.
uint64_t AppendField(std::string* out, std::string_view text) {
  if (!NeedsQuotes(text)) return utf8::AppendValid(out, text);
  out->push_back('"');
  uint64_t replaced = 0;
  size_t start = 0;
  for (size_t quote = text.find('"'); quote != std::string_view::npos; quote = text.find('"', start)) {
    replaced += utf8::AppendValid(out, text.substr(start, quote + 1 - start));
    out->push_back('"');
    start = quote + 1;
  }
  replaced += utf8::AppendValid(out, text.substr(start));
  out->push_back('"');
  return replaced;
}

// A present value whose text is empty must still be told from no value.
uint64_t AppendValueField(std::string* out, std::string_view text) {
  if (!text.empty()) return AppendField(out, text);
  out->append("\"\"");
  return 0;
}

struct Columns {
  std::vector<PropertyColumn> list;
  std::vector<int> by_key;  // key id -> index in list, -1 when absent
};

class CsvGraphWriter : public GraphWriter {
 public:
  CsvGraphWriter(std::unique_ptr<OutputFile> nodes, std::unique_ptr<OutputFile> rels, std::string created_dir,
                 CsvFormulas formulas)
      : nodes_(std::move(nodes)),
        rels_(std::move(rels)),
        created_dir_(std::move(created_dir)),
        guard_(formulas == CsvFormulas::kGuard) {}

  ~CsvGraphWriter() override {
    if (finished_) return;
    // The temporary files go first; then a directory this export made is
    // removed too (only when empty: nothing else is touched).
    nodes_.reset();
    rels_.reset();
    std::error_code ec;
    if (!created_dir_.empty()) std::filesystem::remove(created_dir_, ec);
  }

  Status Begin(const WriterContext& context) override {
    catalog_ = context.catalog;
    Index(context.node_columns, &node_columns_);
    Index(context.rel_columns, &rel_columns_);
    std::string& n = nodes_->buffer();
    n.append(":ID,:LABEL");
    Header(&n, node_columns_);
    std::string& r = rels_->buffer();
    r.append(":START_ID,:END_ID,:TYPE");
    Header(&r, rel_columns_);
    return Status::Ok();
  }

  Status WriteNode(const NodeRecord& node) override {
    std::string& b = nodes_->buffer();
    AppendInt(&b, static_cast<int64_t>(node.id));
    b.push_back(',');
    field_.clear();
    for (size_t i = 0; i < node.labels.size(); ++i) {
      AppendJoinedItem(&field_, catalog_->LabelName(node.labels[i]), i == 0);
    }
    replaced_ += AppendField(&b, Text(field_));
    Row(&b, node.properties, node_columns_);
    return nodes_->Flush();
  }

  Status WriteRelationship(const RelRecord& rel) override {
    std::string& b = rels_->buffer();
    AppendInt(&b, static_cast<int64_t>(rel.start));
    b.push_back(',');
    AppendInt(&b, static_cast<int64_t>(rel.end));
    b.push_back(',');
    replaced_ += AppendField(&b, Text(catalog_->RelTypeName(rel.type)));
    Row(&b, rel.properties, rel_columns_);
    return rels_->Flush();
  }

  Status Finish() override {
    KG_RETURN_IF_ERROR(nodes_->Commit());
    KG_RETURN_IF_ERROR(rels_->Commit());
    finished_ = true;
    return Status::Ok();
  }

 private:
  // Text as its cell holds it: guarded against formulas unless kKeep.
  std::string_view Text(std::string_view text) {
    if (!guard_ || !NeedsFormulaGuard(text)) return text;
    guarded_ = GuardFormula(text);
    return guarded_;
  }

  void Index(const std::vector<PropertyColumn>& columns, Columns* out) {
    out->list = columns;
    out->by_key.assign(catalog_->num_property_keys(), -1);
    for (size_t i = 0; i < columns.size(); ++i) {
      if (columns[i].key >= out->by_key.size()) out->by_key.resize(columns[i].key + 1, -1);
      out->by_key[columns[i].key] = static_cast<int>(i);
    }
  }

  void Header(std::string* b, const Columns& columns) {
    for (const PropertyColumn& c : columns.list) {
      b->push_back(',');
      replaced_ += AppendField(b, Text(c.name + ":" + c.type.Name()));
    }
    b->push_back('\n');
  }

  void Row(std::string* b, const Properties& properties, const Columns& columns) {
    row_.assign(columns.list.size(), nullptr);
    for (const Property& p : properties) {
      const int i = p.key < columns.by_key.size() ? columns.by_key[p.key] : -1;
      if (i >= 0) row_[i] = &p.value;
    }
    for (size_t i = 0; i < row_.size(); ++i) {
      b->push_back(',');
      const Value* v = row_[i];
      if (!v) continue;
      const ColumnType type = columns.list[i].type;
      if (v->is_string()) {
        replaced_ += AppendValueField(b, Text(v->as_string()));
      } else if (v->is_list() && !type.mixed) {
        field_.clear();
        const ValueList& items = v->as_list();
        for (size_t k = 0; k < items.size(); ++k) {
          item_.clear();
          AppendValueText(&item_, items[k]);
          AppendJoinedItem(&field_, item_, k == 0);
        }
        // A list of strings is text; one of numbers (-1;2) is not.
        const bool text = type.base == ColumnType::Base::kString;
        replaced_ += AppendValueField(b, text ? Text(field_) : std::string_view(field_));
      } else {
        field_.clear();
        AppendValueText(&field_, *v);
        replaced_ += AppendValueField(b, field_);
      }
    }
    b->push_back('\n');
  }

  std::unique_ptr<OutputFile> nodes_, rels_;
  const Catalog* catalog_ = nullptr;
  Columns node_columns_, rel_columns_;
  std::vector<const Value*> row_;
  std::string field_, item_;
  std::string guarded_;      // Text()'s copy of a guarded text
  std::string created_dir_;  // made by this export; "" when it was there
  bool guard_ = true;        // CsvFormulas::kGuard
  bool finished_ = false;
};

}  // namespace

Result<std::unique_ptr<GraphWriter>> NewCsvGraphWriter(const std::string& dir, const WriterOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    return Status::Io("cannot write csv to " + dir + ": it is a file, and csv export writes a directory");
  }
  std::string created;
  if (!fs::exists(dir, ec)) {
    // Only the last level: a mistyped parent path is an error, not a tree of new directories.
    fs::create_directory(dir, ec);
    if (ec) return Status::Io("cannot create directory " + dir + ": " + ec.message());
    created = dir;
  }
  auto nodes = OutputFile::Create((fs::path(dir) / "nodes.csv").string());
  Result<std::unique_ptr<OutputFile>> rels = Status::Io("not made");
  if (nodes.ok()) rels = OutputFile::Create((fs::path(dir) / "relationships.csv").string());
  if (!nodes.ok() || !rels.ok()) {
    const Status failed = nodes.ok() ? rels.status() : nodes.status();
    {
      auto drop_nodes = std::move(nodes);  // removes its temporary file
    }
    if (!created.empty()) fs::remove(created, ec);
    return failed;
  }
  return std::unique_ptr<GraphWriter>(
      new CsvGraphWriter(std::move(nodes).value(), std::move(rels).value(), std::move(created), options.csv_formulas));
}

}  // namespace kg::interchange
