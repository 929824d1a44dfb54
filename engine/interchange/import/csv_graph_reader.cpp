// CSV graphs: a directory of node files and relationship files.
//
// Two layouts, one reader. gen_graph.py's (shared/bench): manifest.json,
// nodes/<Label>.csv with an `id` column and edges/<TYPE>.csv with `src` and
// `dst`; the label or type is the file's. kg's CSV export: nodes.csv with
// `:ID` and `:LABEL` columns and relationships.csv with `:START_ID`,
// `:END_ID` and `:TYPE`. A header cell is `name` or `name:type`; the type of
// a column is, first to last, the --types flag's, the header's, the
// manifest's, or string.

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "common/input_file.h"
#include "common/utf8.h"
#include "interchange/import/csv_record_reader.h"
#include "interchange/import/import_builder.h"
#include "interchange/import/json_error_text.h"
#include "interchange/text/joined_text.h"
#include "interchange/text/typed_text.h"

namespace kg::interchange {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// What a column holds.
enum class ColumnRole { kProperty, kId, kLabel, kStart, kEnd, kType, kIgnore };

struct Column {
  std::string name;  // the property's name; empty for :ID, :LABEL...
  ColumnRole role = ColumnRole::kProperty;
  PropertyType type;
  PropertyKeyId key = 0;  // kProperty, and kId columns with a name
};

// One CSV file to read and what it holds.
struct CsvFile {
  fs::path path;
  std::string display;
  bool nodes = true;
  std::string label_or_type;        // the file's own label or type ("" when columns say)
  std::optional<int64_t> expected;  // rows the manifest promises
  std::map<std::string, PropertyType> manifest_types;
  bool kg_layout = false;  // nodes.csv or relationships.csv of kg's export
};

bool ValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const utf8::CodePoint cp = utf8::DecodeAt(s, i);
    if (cp.length == 0) return false;
    i += cp.length;
  }
  return true;
}

class CsvGraphReader {
 public:
  CsvGraphReader(const std::string& path, const std::string& display, ImportBuilder& builder)
      : dir_(path), display_(display), builder_(builder) {}

  Status Read() {
    KG_RETURN_IF_ERROR(Plan());
    // Node ids are integers when every node file's id column is an int
    // column (gen_graph), and otherwise the cells' text.
    int_ids_ = true;
    bool any_id = false;
    for (CsvFile& f : files_) {
      if (!f.nodes) continue;
      KG_RETURN_IF_ERROR(ReadHeader(f));
      for (const Column& c : columns_) {
        if (c.role != ColumnRole::kId) continue;
        any_id = true;
        if (c.type.base != PropertyType::Base::kInt || c.type.list) int_ids_ = false;
      }
    }
    if (!any_id) int_ids_ = false;
    builder_.BeginSource(SourceWords{"start node", "end node"});
    for (CsvFile& f : files_) KG_RETURN_IF_ERROR(ReadFile(f));
    return builder_.EndSource();
  }

 private:
  // The files to read, in order: every node file, then every relationship file.
  Status Plan() {
    std::error_code ec;
    const bool manifest = fs::exists(dir_ / "manifest.json", ec);
    if (manifest || fs::is_directory(dir_ / "nodes", ec)) return PlanGenGraph(manifest);
    if (fs::exists(dir_ / "nodes.csv", ec)) {
      files_.push_back(CsvFile{dir_ / "nodes.csv", Display("nodes.csv"), true, "", std::nullopt, {}, true});
      if (fs::exists(dir_ / "relationships.csv", ec)) {
        files_.push_back(
            CsvFile{dir_ / "relationships.csv", Display("relationships.csv"), false, "", std::nullopt, {}, true});
      }
      return Status::Ok();
    }
    return Status::Io(display_ +
                      " is not a CSV graph: it has neither nodes.csv (kg's CSV export) nor manifest.json or nodes/ "
                      "(gen_graph.py's layout)");
  }

  std::string Display(const std::string& relative) const { return (fs::path(display_) / relative).string(); }

  Status PlanGenGraph(bool has_manifest) {
    std::map<std::string, PropertyType> node_types, edge_types;
    if (!has_manifest) {
      // No manifest: every nodes/*.csv and edges/*.csv, by name.
      for (const char* sub : {"nodes", "edges"}) {
        std::vector<std::string> names;
        std::error_code ec;
        if (!fs::is_directory(dir_ / sub, ec)) continue;
        for (const fs::directory_entry& e : fs::directory_iterator(dir_ / sub, ec)) {
          if (e.path().extension() == ".csv") names.push_back(e.path().filename().string());
        }
        std::sort(names.begin(), names.end());
        for (const std::string& n : names) {
          const std::string rel = std::string(sub) + "/" + n;
          files_.push_back(CsvFile{
              dir_ / rel, Display(rel), std::string(sub) == "nodes", fs::path(n).stem().string(), std::nullopt, {}});
        }
      }
      return Status::Ok();
    }
    const std::string manifest_name = Display("manifest.json");
    Json m;
    {
      KG_ASSIGN_OR_RETURN(const std::string text,
                          ReadInputFile((dir_ / "manifest.json").string(), kManifestFile, manifest_name));
      try {
        m = Json::parse(text);
      } catch (const Json::parse_error& e) {
        const TextPosition at = PositionOf(text, e.byte > 0 ? e.byte - 1 : 0);
        return Status::Io(manifest_name + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " +
                          JsonErrorReason(e.id, e.what()));
      } catch (const Json::exception& e) {
        return Status::Io(manifest_name + ": " + JsonErrorReason(e.id, e.what()));
      }
    }
    try {
      auto types = [&](const char* member, std::map<std::string, PropertyType>* out) -> Status {
        if (!m.contains(member)) return Status::Ok();
        for (const auto& [name, t] : m.at(member).items()) {
          std::optional<PropertyType> type = ParsePropertyType(t.get<std::string>());
          if (!type) {
            return Status::Io(manifest_name + ": " + member + ": property '" + name + "' has an unknown type " +
                              t.dump());
          }
          (*out)[name] = *type;
        }
        return Status::Ok();
      };
      KG_RETURN_IF_ERROR(types("node_properties", &node_types));
      KG_RETURN_IF_ERROR(types("edge_properties", &edge_types));
      // Node files in id order (first_id), as gen_graph numbered them.
      struct Entry {
        std::string name;
        const Json* spec;
      };
      std::vector<Entry> nodes;
      for (const auto& [label, spec] : m.at("nodes").items()) nodes.push_back(Entry{label, &spec});
      std::stable_sort(nodes.begin(), nodes.end(), [](const Entry& a, const Entry& b) {
        return a.spec->value("first_id", int64_t{0}) < b.spec->value("first_id", int64_t{0});
      });
      for (const Entry& e : nodes) {
        const std::string file = e.spec->at("file").get<std::string>();
        std::optional<int64_t> count;
        if (e.spec->contains("count")) count = e.spec->at("count").get<int64_t>();
        files_.push_back(CsvFile{dir_ / file, Display(file), true, e.name, count, node_types});
      }
      if (m.contains("edges")) {
        for (const auto& [type, spec] : m.at("edges").items()) {
          const std::string file = spec.at("file").get<std::string>();
          std::optional<int64_t> count;
          if (spec.contains("count")) count = spec.at("count").get<int64_t>();
          files_.push_back(CsvFile{dir_ / file, Display(file), false, type, count, edge_types});
        }
      }
    } catch (const Json::exception& e) {
      return Status::Io(manifest_name + ": not a gen_graph.py manifest: " + JsonErrorReason(e.id, e.what()));
    }
    return Status::Ok();
  }

  // Reads the header of `f` into columns_ (and opens reader_).
  Status ReadHeader(const CsvFile& f) {
    KG_ASSIGN_OR_RETURN(reader_, CsvRecordReader::Open(f.path.string(), f.display));
    // kg's export guards text a spreadsheet would run; gen_graph.py's files are read as they are.
    reader_->set_unguard_formulas(f.kg_layout);
    KG_ASSIGN_OR_RETURN(bool any, reader_->Next());
    if (!any) return Status::Io(f.display + " is empty: it needs a header line");
    const uint64_t line = reader_->line();
    columns_.clear();
    auto fail = [&](const std::string& reason) {
      return Status::Io(f.display + ":" + std::to_string(line) + ": " + reason);
    };
    std::set<std::string> names;
    for (const CsvField& field : reader_->fields()) {
      const std::string cell(field.text);
      Column c;
      c.name = cell;
      std::string suffix;
      const size_t colon = cell.rfind(':');
      if (colon != std::string::npos) {
        c.name = cell.substr(0, colon);
        suffix = cell.substr(colon + 1);
      }
      const std::string role = utf8::AsciiLower(suffix);
      if (role == "id") {
        c.role = ColumnRole::kId;
      } else if (role == "label") {
        c.role = ColumnRole::kLabel;
      } else if (role == "start_id") {
        c.role = ColumnRole::kStart;
      } else if (role == "end_id") {
        c.role = ColumnRole::kEnd;
      } else if (role == "type") {
        c.role = ColumnRole::kType;
      } else if (role == "ignore") {
        c.role = ColumnRole::kIgnore;
      } else if (!suffix.empty()) {
        std::optional<PropertyType> t = ParsePropertyType(suffix);
        if (!t) {
          return fail("column '" + cell + "': unknown type '" + suffix + "' (" + PropertyTypeChoices() + ")");
        }
        c.type = *t;
      } else {
        auto m = f.manifest_types.find(c.name);
        if (m != f.manifest_types.end()) c.type = m->second;
      }
      columns_.push_back(std::move(c));
    }
    // gen_graph's names: `id` names a node (and stays a property), `src` and
    // `dst` a relationship's ends; only where no :ID, :START_ID, :END_ID
    // column says otherwise.
    auto count = [&](ColumnRole r) {
      return std::count_if(columns_.begin(), columns_.end(), [r](const Column& c) { return c.role == r; });
    };
    if (f.nodes && count(ColumnRole::kId) == 0) {
      for (Column& c : columns_) {
        if (c.role == ColumnRole::kProperty && c.name == "id") c.role = ColumnRole::kId;
      }
    }
    if (!f.nodes && count(ColumnRole::kStart) == 0 && count(ColumnRole::kEnd) == 0) {
      for (Column& c : columns_) {
        if (c.role != ColumnRole::kProperty || (c.name != "src" && c.name != "dst")) continue;
        c.role = c.name == "src" ? ColumnRole::kStart : ColumnRole::kEnd;
        c.name.clear();
      }
    }
    for (Column& c : columns_) {
      if (c.role == ColumnRole::kProperty || c.role == ColumnRole::kId) {
        auto flag = builder_.options().csv_types.find(c.name);
        if (flag != builder_.options().csv_types.end()) {
          std::optional<PropertyType> t = ParsePropertyType(flag->second);
          if (!t) {
            return Status::Usage("--types " + c.name + "=" + flag->second + ": unknown type (" + PropertyTypeChoices() +
                                 ")");
          }
          c.type = *t;
        }
      }
      const bool allowed =
          f.nodes ? (c.role == ColumnRole::kProperty || c.role == ColumnRole::kId || c.role == ColumnRole::kLabel ||
                     c.role == ColumnRole::kIgnore)
                  : (c.role == ColumnRole::kProperty || c.role == ColumnRole::kStart || c.role == ColumnRole::kEnd ||
                     c.role == ColumnRole::kType || c.role == ColumnRole::kIgnore);
      if (!allowed) {
        return fail("column '" + Name(c) + "' does not belong in a " + (f.nodes ? "node file" : "relationship file"));
      }
      if ((c.role == ColumnRole::kProperty || c.role == ColumnRole::kId) && !c.name.empty()) {
        if (!names.insert(c.name).second) return fail("column '" + c.name + "' appears twice");
        if (!ValidUtf8(c.name)) return fail("a column name is not valid UTF-8");
        KG_ASSIGN_OR_RETURN(c.key, builder_.Key(c.name));
      } else if (c.role == ColumnRole::kProperty) {
        return fail("a column has no name");
      }
    }
    for (ColumnRole r :
         {ColumnRole::kId, ColumnRole::kLabel, ColumnRole::kStart, ColumnRole::kEnd, ColumnRole::kType}) {
      if (count(r) > 1) return fail("the header names more than one column of a kind (:ID, :LABEL, :START_ID...)");
    }
    if (!f.nodes) {
      if (count(ColumnRole::kStart) != 1 || count(ColumnRole::kEnd) != 1) {
        return fail("a relationship file needs a start and an end column (:START_ID and :END_ID, or src and dst)");
      }
      if (count(ColumnRole::kType) == 0 && f.label_or_type.empty()) {
        return fail("a relationship file needs a :TYPE column");
      }
    }
    return Status::Ok();
  }

  Result<FileNodeId> CellNodeId(const CsvField& field, const Column& c) {
    if (field.text.empty() && !field.quoted) {
      return builder_.Error(where_, "column '" + Name(c) + "': a node id cannot be empty");
    }
    if (!int_ids_) return FileNodeId::Text(std::string(field.text));
    int64_t v = 0;
    const auto [ptr, ec] = std::from_chars(field.text.data(), field.text.data() + field.text.size(), v);
    if (ec != std::errc() || ptr != field.text.data() + field.text.size()) {
      return builder_.Error(where_, "column '" + Name(c) + "': '" + std::string(field.text) +
                                        "' is not a node id (the node files' ids are ints)");
    }
    return FileNodeId::Int(v);
  }

  static std::string Name(const Column& c) {
    switch (c.role) {
      case ColumnRole::kId:
        return c.name.empty() ? ":ID" : c.name;
      case ColumnRole::kStart:
        return c.name.empty() ? ":START_ID" : c.name;
      case ColumnRole::kEnd:
        return c.name.empty() ? ":END_ID" : c.name;
      case ColumnRole::kLabel:
        return ":LABEL";
      case ColumnRole::kType:
        return ":TYPE";
      default:
        return c.name;
    }
  }

  // A property cell: an unquoted empty cell is no property; a quoted empty
  // one ("") an empty string or list.
  Status AddValue(const CsvField& field, const Column& c, Properties* props) {
    if (field.text.empty() && (!field.quoted || (c.type.base != PropertyType::Base::kString && !c.type.list))) {
      return Status::Ok();
    }
    Result<Value> v = ParseTypedText(field.text, c.type);
    if (!v.ok()) return builder_.Error(where_, "column '" + c.name + "': " + v.status().message());
    if (c.type.base == PropertyType::Base::kString && !ValidUtf8(field.text)) {
      return builder_.Error(where_, "column '" + c.name + "': the text is not valid UTF-8");
    }
    props->push_back(Property{c.key, std::move(v).value()});
    return Status::Ok();
  }

  Status ReadFile(CsvFile& f) {
    const uint32_t file = builder_.AddFile(f.display);
    where_ = Where{file, 0};
    KG_RETURN_IF_ERROR(ReadHeader(f));
    std::optional<LabelId> file_label;
    std::optional<RelTypeId> file_type;
    if (!f.label_or_type.empty()) {
      if (f.nodes) {
        KG_ASSIGN_OR_RETURN(file_label, builder_.Label(f.label_or_type));
      } else {
        KG_ASSIGN_OR_RETURN(file_type, builder_.RelType(f.label_or_type));
      }
    }
    int64_t rows = 0;
    Properties props;
    std::vector<LabelId> labels;
    for (;;) {
      KG_ASSIGN_OR_RETURN(bool more, reader_->Next());
      if (!more) break;
      const std::vector<CsvField>& fields = reader_->fields();
      where_.line = reader_->line();
      if (fields.size() == 1 && fields[0].text.empty() && !fields[0].quoted) continue;  // a blank line
      if (fields.size() != columns_.size()) {
        return builder_.Error(where_, std::to_string(fields.size()) + " fields, but the header has " +
                                          std::to_string(columns_.size()) + " columns");
      }
      ++rows;
      props.clear();
      labels.clear();
      if (file_label) labels.push_back(*file_label);
      std::optional<FileNodeId> id, start, end;
      std::optional<RelTypeId> type = file_type;
      for (size_t i = 0; i < fields.size(); ++i) {
        const Column& c = columns_[i];
        const CsvField& field = fields[i];
        switch (c.role) {
          case ColumnRole::kProperty: {
            KG_RETURN_IF_ERROR(AddValue(field, c, &props));
            break;
          }
          case ColumnRole::kId: {
            KG_ASSIGN_OR_RETURN(id, CellNodeId(field, c));
            if (!c.name.empty()) KG_RETURN_IF_ERROR(AddValue(field, c, &props));
            break;
          }
          case ColumnRole::kStart: {
            KG_ASSIGN_OR_RETURN(start, CellNodeId(field, c));
            break;
          }
          case ColumnRole::kEnd: {
            KG_ASSIGN_OR_RETURN(end, CellNodeId(field, c));
            break;
          }
          case ColumnRole::kLabel: {
            for (const std::string& l : SplitJoined(field.text)) {
              if (l.empty()) return builder_.Error(where_, "column ':LABEL': an empty label");
              if (!ValidUtf8(l)) return builder_.Error(where_, "column ':LABEL': a label is not valid UTF-8");
              KG_ASSIGN_OR_RETURN(LabelId label, builder_.Label(l));
              labels.push_back(label);
            }
            break;
          }
          case ColumnRole::kType: {
            if (field.text.empty()) {
              if (!file_type) return builder_.Error(where_, "column ':TYPE': a relationship needs a type");
              break;
            }
            if (!ValidUtf8(field.text)) return builder_.Error(where_, "column ':TYPE': the type is not valid UTF-8");
            KG_ASSIGN_OR_RETURN(type, builder_.RelType(field.text));
            break;
          }
          case ColumnRole::kIgnore:
            break;
        }
      }
      if (f.nodes) {
        KG_RETURN_IF_ERROR(builder_.AddNode(where_, id ? &*id : nullptr, labels, std::move(props)));
      } else {
        KG_RETURN_IF_ERROR(
            builder_.AddRelationship(where_, *type, std::move(*start), std::move(*end), std::move(props)));
      }
      props = Properties();
      builder_.SetFileBytes(reader_->bytes_read());
      KG_RETURN_IF_ERROR(builder_.Tick());
    }
    if (f.expected && *f.expected != rows) {
      return Status::Io(f.display + ": " + std::to_string(rows) + " rows, but the manifest says " +
                        std::to_string(*f.expected));
    }
    builder_.FileDone(reader_->bytes_read());
    reader_.reset();
    return Status::Ok();
  }

  fs::path dir_;
  std::string display_;
  ImportBuilder& builder_;
  std::vector<CsvFile> files_;
  std::unique_ptr<CsvRecordReader> reader_;
  std::vector<Column> columns_;
  bool int_ids_ = false;
  Where where_;
};

}  // namespace

Status ReadCsvGraph(const std::string& path, const std::string& display, ImportBuilder& builder) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    return Status::Io(display +
                      ": a CSV graph is a directory (nodes.csv and relationships.csv, or gen_graph.py's "
                      "manifest.json, nodes/ and edges/); give the directory");
  }
  CsvGraphReader reader(path, display, builder);
  return reader.Read();
}

}  // namespace kg::interchange
