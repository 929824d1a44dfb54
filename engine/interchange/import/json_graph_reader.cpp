// kg's JSON graph format (data/README.md), read as a stream of elements.
//
// The file is parsed with nlohmann's SAX interface: each node or link
// object is built on its own and handed to the builder as soon as it
// closes, so a large file never exists as one JSON tree in memory. The
// parser does not say where an event happened, so the input is fed
// through an iterator that records how far it has read; the line of an
// element's '{' is counted from that (the format is one element per line).
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>

#include "common/input_file.h"
#include "interchange/import/import_builder.h"
#include "interchange/import/json_error_text.h"
#include "interchange/text/typed_text.h"

namespace kg::interchange {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// How deep values inside one node or link may nest. A property holds at
// most a list of scalars (or a temporal object), so anything deeper is
// refused anyway; the limit keeps a hostile file from building (and then
// printing) a value nested a million levels deep.
constexpr int kMaxValueNesting = 32;

// A JSON value as an error message shows it: its text, cut short.
std::string Shown(const Json& v) {
  constexpr size_t kMaxShown = 80;
  std::string text = v.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() > kMaxShown) {
    size_t cut = kMaxShown;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    text.resize(cut);
    text += "…";
  }
  return text;
}

// An input iterator over the file's bytes that publishes its position.
class TrackingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;
  TrackingIterator(const char* p, const char** position) : p_(p), position_(position) {}
  reference operator*() const { return *p_; }
  TrackingIterator& operator++() {
    *position_ = ++p_;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const TrackingIterator& o) const { return p_ == o.p_; }
  bool operator!=(const TrackingIterator& o) const { return p_ != o.p_; }

 private:
  const char* p_;
  const char** position_;
};

// Lines of a text, counted forward as the parser moves on.
class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : begin_(text.data()), counted_(text.data()) {}
  // The line of the byte at `p` (p never moves backwards between calls).
  uint64_t LineAt(const char* p) {
    if (p < counted_) return LineSlow(p);
    line_ += static_cast<uint64_t>(std::count(counted_, p, '\n'));
    counted_ = p;
    return line_;
  }
  uint64_t LineSlow(const char* p) const { return 1 + static_cast<uint64_t>(std::count(begin_, p, '\n')); }

 private:
  const char* begin_;
  const char* counted_;
  uint64_t line_ = 1;
};

// Builds one element (a node or link object) from SAX events.
class ElementTree {
 public:
  void Start() {
    root_ = Json();
    stack_.clear();
  }
  template <typename V>
  Json* Put(V&& v) {
    if (stack_.empty()) {
      root_ = std::forward<V>(v);
      return &root_;
    }
    Json& top = *stack_.back();
    if (top.is_array()) {
      top.push_back(std::forward<V>(v));
      return &top.back();
    }
    Json& slot = top[key_];
    slot = std::forward<V>(v);
    return &slot;
  }
  void Open(Json container) { stack_.push_back(Put(std::move(container))); }
  // True when the element is complete.
  bool Close() {
    stack_.pop_back();
    return stack_.empty();
  }
  void SetKey(std::string k) { key_ = std::move(k); }
  Json& root() { return root_; }

 private:
  Json root_;
  std::vector<Json*> stack_;
  std::string key_;
};

// The reader of one file: SAX events in, elements out to the builder.
class JsonGraphFile : public nlohmann::json_sax<Json> {
 public:
  JsonGraphFile(std::string_view text, uint32_t file, ImportBuilder& builder)
      : text_(text), lines_(text), file_(file), builder_(builder), position_(text.data()) {}

  Status Read() {
    bool ok = false;
    try {
      ok = Json::sax_parse(TrackingIterator(text_.data(), &position_),
                           TrackingIterator(text_.data() + text_.size(), &position_), this);
    } catch (const Json::exception& e) {
      // The reader's own uses of the library (a value of an unexpected
      // type) end here rather than with the library's message.
      if (error_.ok()) error_ = ErrorHere(JsonErrorReason(e.id, e.what()));
    }
    if (!error_.ok()) return error_;
    if (!ok) return builder_.Error(Where{file_, lines_.LineSlow(position_)}, "the JSON text stops here");
    if (!saw_version_) {
      return builder_.Error(Where{file_, 1},
                            "not a kg JSON graph: it has no \"kg_graph\" member (data/README.md describes the format)");
    }
    return Status::Ok();
  }

  // ---- SAX events ----
  bool null() override { return Scalar(Json()); }
  bool boolean(bool v) override { return Scalar(Json(v)); }
  bool number_integer(number_integer_t v) override { return Scalar(Json(v)); }
  bool number_unsigned(number_unsigned_t v) override { return Scalar(Json(v)); }
  bool number_float(number_float_t v, const string_t&) override { return Scalar(Json(v)); }
  bool string(string_t& v) override { return Scalar(Json(std::move(v))); }
  bool binary(binary_t&) override { return Fail(Here(), "binary values are not JSON text"); }

  bool key(string_t& k) override {
    if (in_element_) {
      tree_.SetKey(std::move(k));
    } else if (depth_ == 1) {
      member_ = std::move(k);
    }
    return true;
  }

  bool start_object(std::size_t) override {
    ++depth_;
    if (in_element_) {
      if (depth_ - kElementDepth > kMaxValueNesting) return TooDeep();
      tree_.Open(Json::object());
      return true;
    }
    if (depth_ == kElementDepth && in_list_) {
      // A node or link begins.
      in_element_ = true;
      element_line_ = Here().line;
      tree_.Start();
      tree_.Open(Json::object());
      return true;
    }
    if (depth_ == 2 && member_ == "kg_graph") {
      return Fail(Here(), "kg_graph must be the format version 1, not an object");
    }
    return true;  // the top-level object, or inside a member that is not read
  }

  bool end_object() override {
    --depth_;
    if (in_element_) {
      if (!tree_.Close()) return true;
      in_element_ = false;
      const Where where{file_, element_line_};
      const Status s = member_ == "nodes" ? Node(tree_.root(), where) : Link(tree_.root(), where);
      if (!s.ok()) {
        error_ = s;
        return false;
      }
      builder_.SetFileBytes(static_cast<uint64_t>(position_ - text_.data()));
      error_ = builder_.Tick();
      return error_.ok();
    }
    return true;
  }

  bool start_array(std::size_t) override {
    ++depth_;
    if (in_element_) {
      if (depth_ - kElementDepth > kMaxValueNesting) return TooDeep();
      tree_.Open(Json::array());
      return true;
    }
    if (depth_ == 1) return Fail(Here(), "a kg JSON graph is one object, not an array");
    if (depth_ == 2 && member_ == "kg_graph") {
      return Fail(Here(), "kg_graph must be the format version 1, not an array");
    }
    if (depth_ == kElementDepth && in_list_) return Fail(Here(), "each of \"" + member_ + "\" must be an object");
    if (depth_ == 2 && (member_ == "nodes" || member_ == "links")) in_list_ = true;
    return true;
  }

  bool end_array() override {
    --depth_;
    if (in_element_) {
      tree_.Close();
      return true;
    }
    if (depth_ == 1) in_list_ = false;
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    // `position` counts the bytes read, the one that failed included. A
    // token that is whole but out of place ("unexpected string literal"),
    // and a number out of range, are placed at their first byte.
    size_t offset = position > 0 ? position - 1 : 0;
    const std::string_view what = ex.what();
    if (what.find(" - unexpected ") != std::string_view::npos || !JsonOverflowNumber(what).empty()) {
      offset = TokenStart(offset);
    }
    error_ = ErrorAt(offset, JsonErrorReason(ex.id, ex.what()));
    return false;
  }

  // The first byte of the token whose last byte is at `last`: a string,
  // a number or a literal (true), else the one byte.
  size_t TokenStart(size_t last) const {
    if (last >= text_.size()) return last;
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-'; };
    size_t start = last;
    if (text_[last] == '"') {
      // Back to the quote that opens it: one not escaped by a backslash.
      for (size_t i = last; i-- > 0;) {
        if (text_[i] != '"') continue;
        size_t slashes = 0;
        while (slashes < i && text_[i - 1 - slashes] == '\\') ++slashes;
        if (slashes % 2 == 0) return i;
      }
    } else if (word(text_[last])) {
      while (start > 0 && word(text_[start - 1])) --start;
    }
    return start;
  }

  // "file:line:column: reason" for byte `offset` of the text.
  Status ErrorAt(size_t offset, const std::string& reason) const {
    const TextPosition at = PositionOf(text_, offset);
    return builder_.Error(Where{file_, at.line}, at.column, reason);
  }
  Status ErrorHere(const std::string& reason) const {
    return ErrorAt(static_cast<size_t>(position_ - text_.data()), reason);
  }

 private:
  Where Here() {
    // The parser has consumed the token that raised the event; its line is
    // that of the byte before the position.
    const char* p = position_ > text_.data() ? position_ - 1 : position_;
    return Where{file_, lines_.LineAt(p)};
  }

  bool TooDeep() {
    // At the bracket just read.
    error_ = ErrorAt(static_cast<size_t>(position_ - text_.data()) - 1,
                     "values nest deeper than " + std::to_string(kMaxValueNesting) + " levels");
    return false;
  }

  bool Fail(Where where, const std::string& reason) {
    error_ = builder_.Error(where, reason);
    return false;
  }

  bool Scalar(Json v) {
    if (in_element_) {
      tree_.Put(std::move(v));
      return true;
    }
    if (depth_ == 0) return Fail(Here(), "a kg JSON graph is one object, not a single value");
    if (depth_ == 1 && member_ == "kg_graph") {
      saw_version_ = true;
      if (!v.is_number_integer() || v.get<int64_t>() != 1) {
        return Fail(Here(), "kg_graph " + Shown(v) + " is a format version this kg does not know (it reads 1)");
      }
      return true;
    }
    if (depth_ == 1 && (member_ == "nodes" || member_ == "links") && !v.is_null()) {
      return Fail(Here(), "\"" + member_ + "\" must be an array");
    }
    if (depth_ == 2 && in_list_) return Fail(Here(), "each of \"" + member_ + "\" must be an object");
    return true;
  }

  // ---- Elements ----
  Status Node(const Json& e, Where where) {
    std::optional<FileNodeId> id;
    std::vector<LabelId> labels;
    Properties props;
    for (const auto& [name, v] : e.items()) {
      if (name == "id") {
        if (v.is_string()) {
          id = FileNodeId::Text(v.get<std::string>());
        } else if (v.is_number_integer()) {
          id = FileNodeId::Int(v.get<int64_t>());
        } else if (!v.is_null()) {
          return builder_.Error(where, "a node's \"id\" must be a string or an integer, not " + Shown(v));
        }
      } else if (name == "labels") {
        if (!v.is_array()) return builder_.Error(where, "a node's \"labels\" must be an array of strings");
        for (const Json& l : v) {
          if (!l.is_string() || l.get_ref<const std::string&>().empty()) {
            return builder_.Error(where, "a node's \"labels\" must be non-empty strings, not " + Shown(l));
          }
          KG_ASSIGN_OR_RETURN(LabelId label, builder_.Label(l.get_ref<const std::string&>()));
          labels.push_back(label);
        }
      } else if (name == "properties") {
        KG_RETURN_IF_ERROR(ReadProperties(v, where, &props));
      } else {
        return builder_.Error(where, "a node has no member \"" + name +
                                         "\" (a node is {\"id\", \"labels\", \"properties\"}; its values go in "
                                         "\"properties\")");
      }
    }
    auto props_json = e.find("properties");
    if (!id && props_json != e.end() && props_json->is_object()) {
      // Without an id, the node's `key` names it.
      auto key = props_json->find(std::string(kKeyProperty));
      if (key != props_json->end()) {
        if (key->is_string()) id = FileNodeId::Text(key->get<std::string>());
        if (key->is_number_integer()) id = FileNodeId::Int(key->get<int64_t>());
      }
    }
    return builder_.AddNode(where, id ? &*id : nullptr, std::move(labels), std::move(props));
  }

  Result<FileNodeId> End(const Json& e, const char* which, Where where) {
    auto it = e.find(which);
    if (it == e.end()) return builder_.Error(where, std::string("a link needs a \"") + which + "\"");
    if (it->is_string()) return FileNodeId::Text(it->get<std::string>());
    if (it->is_number_integer()) return FileNodeId::Int(it->get<int64_t>());
    return builder_.Error(
        where, std::string("a link's \"") + which + "\" must be a node id (a string or an integer), not " + Shown(*it));
  }

  Status Link(const Json& e, Where where) {
    for (const auto& [name, v] : e.items()) {
      if (name != "id" && name != "type" && name != "source" && name != "target" && name != "properties") {
        return builder_.Error(where, "a link has no member \"" + name +
                                         "\" (a link is {\"id\", \"type\", \"source\", \"target\", \"properties\"})");
      }
    }
    auto type = e.find("type");
    if (type == e.end() || !type->is_string() || type->get_ref<const std::string&>().empty()) {
      return builder_.Error(where, "a link needs a \"type\", a non-empty string");
    }
    KG_ASSIGN_OR_RETURN(FileNodeId source, End(e, "source", where));
    KG_ASSIGN_OR_RETURN(FileNodeId target, End(e, "target", where));
    Properties props;
    if (auto p = e.find("properties"); p != e.end()) KG_RETURN_IF_ERROR(ReadProperties(*p, where, &props));
    KG_ASSIGN_OR_RETURN(RelTypeId t, builder_.RelType(type->get_ref<const std::string&>()));
    return builder_.AddRelationship(where, t, std::move(source), std::move(target), std::move(props));
  }

  Status ReadProperties(const Json& v, Where where, Properties* out) {
    if (v.is_null()) return Status::Ok();
    if (!v.is_object()) return builder_.Error(where, "\"properties\" must be an object");
    for (const auto& [name, value] : v.items()) {
      if (value.is_null()) continue;  // an absent property
      Result<Value> converted = Convert(value, false);
      if (!converted.ok()) return builder_.Error(where, "property '" + name + "': " + converted.status().message());
      KG_ASSIGN_OR_RETURN(PropertyKeyId key, builder_.Key(name));
      out->push_back(Property{key, std::move(converted).value()});
    }
    return Status::Ok();
  }

  // A JSON value as a property value; `in_list` refuses nested lists.
  static Result<Value> Convert(const Json& v, bool in_list) {
    switch (v.type()) {
      case Json::value_t::string:
        return Value(v.get<std::string>());
      case Json::value_t::boolean:
        return Value(v.get<bool>());
      case Json::value_t::number_integer:
        return Value(v.get<int64_t>());
      case Json::value_t::number_unsigned: {
        const uint64_t u = v.get<uint64_t>();
        if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
          return Status::Io(Shown(v) + " is beyond the integer range (64-bit)");
        }
        return Value(static_cast<int64_t>(u));
      }
      case Json::value_t::number_float:
        return Value(v.get<double>());
      case Json::value_t::array: {
        if (in_list) return Status::Io("a list inside a list cannot be stored");
        ValueList items;
        for (const Json& item : v) {
          if (item.is_null()) return Status::Io("a list cannot hold null");
          KG_ASSIGN_OR_RETURN(Value x, Convert(item, true));
          items.push_back(std::move(x));
        }
        return Value(std::move(items));
      }
      case Json::value_t::object: {
        // {"$date": "2024-07-09"}, {"$datetime": "..."}, ...: a temporal
        // value of the kind its one member names.
        if (v.size() == 1 && v.begin()->is_string() && v.begin().key().size() > 1 && v.begin().key()[0] == '$') {
          std::optional<PropertyType> type = ParsePropertyType(v.begin().key().substr(1));
          if (type && !type->list && IsTemporal(type->base)) {
            return ParseScalar(v.begin()->get_ref<const std::string&>(), type->base);
          }
        }
        return Status::Io(
            "an object other than a temporal value ({\"$date\": \"YYYY-MM-DD\"}, {\"$datetime\": \"...\"}, "
            "{\"$duration\": \"...\"}...) cannot be stored");
      }
      default:
        return Status::Io("a value of this kind cannot be stored: " + Shown(v));
    }
  }

  // The depth of a node's or link's '{': the top-level object is 1, the
  // "nodes" array 2.
  static constexpr int kElementDepth = 3;

  std::string_view text_;
  LineCounter lines_;
  uint32_t file_;
  ImportBuilder& builder_;
  const char* position_;
  Status error_;
  int depth_ = 0;
  std::string member_;       // the top-level member being read
  bool in_list_ = false;     // inside "nodes" or "links"
  bool in_element_ = false;  // inside one node or link
  uint64_t element_line_ = 0;
  bool saw_version_ = false;
  ElementTree tree_;
};

Status ReadText(std::string_view text, const std::string& display, ImportBuilder& builder) {
  const uint32_t file = builder.AddFile(display);
  JsonGraphFile reader(text, file, builder);
  KG_RETURN_IF_ERROR(reader.Read());
  builder.FileDone(text.size());
  return Status::Ok();
}

Status ReadFile(const fs::path& path, const std::string& display, ImportBuilder& builder) {
  KG_ASSIGN_OR_RETURN(const std::string text, ReadInputFile(path.string(), kJsonGraphFile, display));
  return ReadText(text, display, builder);
}

}  // namespace

Status ReadJsonGraph(const std::string& path, const std::string& display, ImportBuilder& builder) {
  builder.BeginSource(SourceWords{"link source", "link target"});
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<std::string> names;
    for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
      if (entry.path().extension() == ".json" && entry.is_regular_file(ec)) {
        names.push_back(entry.path().filename().string());
      }
    }
    if (ec) return Status::Io("cannot list " + display + ": " + ec.message());
    if (names.empty()) return Status::Io(display + " holds no *.json files");
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      KG_RETURN_IF_ERROR(ReadFile(fs::path(path) / name, (fs::path(display) / name).string(), builder));
    }
  } else {
    KG_RETURN_IF_ERROR(ReadFile(path, display, builder));
  }
  return builder.EndSource();
}

Status ReadJsonGraphTexts(const std::vector<NamedText>& files, ImportBuilder& builder) {
  builder.BeginSource(SourceWords{"link source", "link target"});
  for (const NamedText& f : files) KG_RETURN_IF_ERROR(ReadText(f.text, f.name, builder));
  return builder.EndSource();
}

}  // namespace kg::interchange
