// GraphML, read as a stream with expat.
//
// A node is added when its </node> closes and an edge when its </edge>
// closes (an edge naming a node that comes later waits in the builder), so
// memory holds one element at a time, not the document. <key> declarations
// give each <data> its property name and type (boolean, int, long, float,
// double, string) and an optional <default>. Elements of other namespaces
// (yEd's y:ShapeNode and the like) and data of keys without a plain value
// type (yEd's yfiles.type keys) are skipped.
//
// kg's own export (graphml_conventions.h) is read back as it was written:
// labels and relationship types from their keys, dates and lists from the
// text their key's <desc> announces, property names as they were, and
// without the caption it adds for Gephi and yEd. Any other file gets --node-label and --rel-type, keeps its node
// ids as `graphml_id`, and its undirected edges become directed ones from
// source to target, in document order.
#include <expat.h>

#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "common/input_file.h"
#include "interchange/import/import_builder.h"
#include "interchange/text/graphml_conventions.h"
#include "interchange/text/typed_text.h"

namespace kg::interchange {
namespace {

constexpr char kGraphmlNamespace[] = "http://graphml.graphdrawing.org/xmlns";
constexpr char kNamespaceSeparator = '\x01';
constexpr size_t kChunkBytes = size_t{1} << 20;

enum class Domain { kNode, kEdge, kGraph, kAll, kOther };

struct Key {
  std::string id;
  std::string name;  // attr.name, or the id when there is none
  Domain domain = Domain::kAll;
  PropertyType type;
  bool skip = false;  // not a plain value (yEd graphics)
  KgKeyRole role = KgKeyRole::kProperty;
  std::string desc;  // kg's export: "kg:date", "kg:int[]"...
  std::optional<std::string> default_text;
  PropertyKeyId key = 0;
  bool interned = false;
};

// An element of the document being read: a node or an edge and its data.
struct Element {
  bool is_node = true;
  uint64_t line = 0;
  std::string id, source, target;
  std::vector<std::pair<Key*, std::string>> data;
};

class GraphmlReader {
 public:
  GraphmlReader(const std::string& path, const std::string& display, ImportBuilder& builder)
      : path_(path), builder_(builder), file_(builder.AddFile(display)) {}

  ~GraphmlReader() {
    if (parser_) XML_ParserFree(parser_);
  }

  Status Read() {
    std::ifstream in;
    KG_RETURN_IF_ERROR(OpenInputFile(path_, kStreamedGraphFile, &in, builder_.file_name(file_)));
    parser_ = XML_ParserCreateNS("UTF-8", kNamespaceSeparator);
    if (!parser_) return Status::Io("out of memory starting the XML parser");
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &GraphmlReader::OnStart, &GraphmlReader::OnEnd);
    XML_SetCharacterDataHandler(parser_, &GraphmlReader::OnText);
    builder_.BeginSource(SourceWords{"edge source", "edge target"});
    std::string buffer(kChunkBytes, '\0');
    uint64_t read = 0;
    for (;;) {
      in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      const std::streamsize n = in.gcount();
      if (in.bad()) return Status::Io("error reading " + builder_.file_name(file_));
      const bool last = n < static_cast<std::streamsize>(buffer.size());
      read += static_cast<uint64_t>(n);
      if (XML_Parse(parser_, buffer.data(), static_cast<int>(n), last) == XML_STATUS_ERROR) {
        if (!error_.ok()) return error_;
        // Expat's column counts bytes from 0.
        return builder_.Error(Where{file_, static_cast<uint64_t>(XML_GetCurrentLineNumber(parser_))},
                              static_cast<uint64_t>(XML_GetCurrentColumnNumber(parser_)) + 1,
                              std::string("not valid XML: ") + XML_ErrorString(XML_GetErrorCode(parser_)));
      }
      if (!error_.ok()) return error_;
      builder_.SetFileBytes(read);
      if (last) break;
    }
    if (!saw_graphml_) return Status::Io(builder_.file_name(file_) + ": not GraphML (no <graphml> element)");
    builder_.FileDone(read);
    return builder_.EndSource();
  }

 private:
  Status Error(const std::string& reason) const {
    return builder_.Error(Where{file_, static_cast<uint64_t>(XML_GetCurrentLineNumber(parser_))}, reason);
  }
  void Fail(Status s) {
    if (error_.ok()) error_ = std::move(s);
    XML_StopParser(parser_, XML_FALSE);
  }

  static void XMLCALL OnStart(void* self, const XML_Char* name, const XML_Char** attrs) {
    static_cast<GraphmlReader*>(self)->Start(name, attrs);
  }
  static void XMLCALL OnEnd(void* self, const XML_Char* name) { static_cast<GraphmlReader*>(self)->End(name); }
  static void XMLCALL OnText(void* self, const XML_Char* text, int len) {
    GraphmlReader* r = static_cast<GraphmlReader*>(self);
    if (r->text_ != nullptr && r->skip_depth_ == 0) r->text_->append(text, static_cast<size_t>(len));
  }

  // The local name of a GraphML element, or "" for another namespace's.
  static std::string_view LocalName(const XML_Char* name) {
    const char* sep = std::strchr(name, kNamespaceSeparator);
    if (sep == nullptr) return name;  // no namespace: GraphML written without xmlns
    if (std::string_view(name, static_cast<size_t>(sep - name)) != kGraphmlNamespace) return "";
    return sep + 1;
  }

  static const char* Attr(const XML_Char** attrs, const char* name) {
    for (int i = 0; attrs[i] != nullptr; i += 2) {
      if (std::strcmp(attrs[i], name) == 0) return attrs[i + 1];
    }
    return nullptr;
  }

  void Start(const XML_Char* raw, const XML_Char** attrs) {
    if (skip_depth_ > 0) {
      ++skip_depth_;
      return;
    }
    const std::string_view name = LocalName(raw);
    if (name == "desc" && current_key_ != nullptr) {
      text_ = &current_key_->desc;
      return;
    }
    if (name.empty() || name == "desc") {
      // Another tool's markup (yEd's graphics), or a description: skipped
      // with everything inside.
      skip_depth_ = 1;
      return;
    }
    if (name == "graphml") {
      saw_graphml_ = true;
      return;
    }
    if (name == "key") return StartKey(attrs);
    if (name == "default") {
      if (current_key_ != nullptr) {
        current_key_->default_text = std::string();
        text_ = &*current_key_->default_text;
      }
      return;
    }
    if (name == "graph") {
      if (element_) return Fail(Error("a graph inside a node (a nested graph) is not supported"));
      return;
    }
    if (name == "node" || name == "edge") {
      if (element_) return Fail(Error("a <" + std::string(name) + "> inside a <node> or <edge>"));
      element_.emplace();
      element_->is_node = name == "node";
      element_->line = static_cast<uint64_t>(XML_GetCurrentLineNumber(parser_));
      const char* id = Attr(attrs, "id");
      if (element_->is_node) {
        if (id == nullptr) return Fail(Error("a <node> needs an id"));
        element_->id = id;
      } else {
        const char* source = Attr(attrs, "source");
        const char* target = Attr(attrs, "target");
        if (source == nullptr || target == nullptr) return Fail(Error("an <edge> needs a source and a target"));
        element_->source = source;
        element_->target = target;
      }
      return;
    }
    if (name == "data") {
      if (!element_) {
        skip_depth_ = 1;  // data of the graph or the document: not kept
        return;
      }
      const char* key = Attr(attrs, "key");
      if (key == nullptr) return Fail(Error("a <data> needs a key"));
      auto it = keys_.find(key);
      if (it == keys_.end()) return Fail(Error("data key '" + std::string(key) + "' is not declared by a <key>"));
      if (it->second.skip) {
        skip_depth_ = 1;
        return;
      }
      element_->data.emplace_back(&it->second, std::string());
      text_ = &element_->data.back().second;
      return;
    }
    if (name == "hyperedge") return Fail(Error("hyperedges are not supported"));
    // Anything else of GraphML (port, locator...) carries nothing kg keeps.
    skip_depth_ = 1;
  }

  void End(const XML_Char* raw) {
    if (skip_depth_ > 0) {
      --skip_depth_;
      return;
    }
    const std::string_view name = LocalName(raw);
    if (name == "data" || name == "default" || name == "desc") {
      text_ = nullptr;
    } else if (name == "key" && current_key_ != nullptr) {
      // A date or list key of kg's export: its text is read as that type.
      if (std::optional<PropertyType> t = KgDescType(current_key_->desc)) current_key_->type = *t;
      current_key_ = nullptr;
    } else if ((name == "node" || name == "edge") && element_) {
      Status s = element_->is_node ? AddNode() : AddEdge();
      element_.reset();
      if (s.ok()) s = builder_.Tick();
      if (!s.ok()) Fail(std::move(s));
    }
  }

  void StartKey(const XML_Char** attrs) {
    const char* id = Attr(attrs, "id");
    if (id == nullptr) return Fail(Error("a <key> needs an id"));
    Key k;
    k.id = id;
    const char* attr_name = Attr(attrs, "attr.name");
    k.name = attr_name ? attr_name : id;
    const char* domain = Attr(attrs, "for");
    const std::string d = domain ? domain : "all";
    k.domain = d == "node"    ? Domain::kNode
               : d == "edge"  ? Domain::kEdge
               : d == "graph" ? Domain::kGraph
               : d == "all"   ? Domain::kAll
                              : Domain::kOther;
    const char* type = Attr(attrs, "attr.type");
    if (type != nullptr) {
      std::optional<PropertyType> t = ParsePropertyType(type);
      if (!t || t->list) return Fail(Error("key '" + k.id + "': unknown attr.type '" + type + "'"));
      k.type = *t;
    }
    // yEd's graphics and the like: a key without a value type.
    if (Attr(attrs, "yfiles.type") != nullptr && type == nullptr) k.skip = true;
    k.role = KgBuiltinKey(k.id, d);
    if (k.role == KgKeyRole::kLabels || k.role == KgKeyRole::kType) kg_export_ = true;
    auto [it, inserted] = keys_.emplace(k.id, std::move(k));
    if (!inserted) return Fail(Error("key '" + std::string(id) + "' is declared twice"));
    current_key_ = &it->second;
  }

  // A data value as a property value of the key's type.
  Result<Value> Convert(const Key& k, const std::string& text) {
    if (k.type.list) return ConvertList(k.type.base, text);
    if (k.type.base == PropertyType::Base::kString) return Value(text);
    // Numbers, booleans and temporal values may carry whitespace around them.
    const size_t b = text.find_first_not_of(" \t\r\n");
    const size_t e = text.find_last_not_of(" \t\r\n");
    const std::string_view trimmed =
        b == std::string::npos ? std::string_view() : std::string_view(text).substr(b, e - b + 1);
    if (k.type.base == PropertyType::Base::kBool && (trimmed == "1" || trimmed == "0")) {
      return Value(trimmed == "1");  // xs:boolean's other spelling
    }
    return ParseScalar(trimmed, k.type.base);
  }

  // kg's export writes a list as a JSON array (temporal values as ISO strings).
  static Result<Value> ConvertList(PropertyType::Base base, const std::string& text) {
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_array()) return Status::Io("'" + text + "' is not a JSON list");
    ValueList items;
    const std::string type_name = PropertyTypeName(PropertyType{base, false});
    for (const nlohmann::json& item : j) {
      const bool fits = base == PropertyType::Base::kString  ? item.is_string()
                        : base == PropertyType::Base::kInt   ? item.is_number_integer()
                        : base == PropertyType::Base::kFloat ? item.is_number()
                        : base == PropertyType::Base::kBool  ? item.is_boolean()
                                                             : item.is_string();
      if (!fits) return Status::Io("list element " + item.dump() + " is not a " + type_name);
      switch (base) {
        case PropertyType::Base::kString:
          items.emplace_back(item.get<std::string>());
          break;
        case PropertyType::Base::kInt:
          items.emplace_back(item.get<int64_t>());
          break;
        case PropertyType::Base::kFloat:
          items.emplace_back(item.get<double>());
          break;
        case PropertyType::Base::kBool:
          items.emplace_back(item.get<bool>());
          break;
        case PropertyType::Base::kDate:
        case PropertyType::Base::kLocalTime:
        case PropertyType::Base::kTime:
        case PropertyType::Base::kLocalDateTime:
        case PropertyType::Base::kDateTime:
        case PropertyType::Base::kDuration: {
          KG_ASSIGN_OR_RETURN(Value d, ParseScalar(item.get<std::string>(), base));
          items.push_back(std::move(d));
          break;
        }
      }
    }
    return Value(std::move(items));
  }

  Status ElementProperties(Element& e, Properties* props, std::vector<std::string>* labels, std::string* type) {
    const Domain own = e.is_node ? Domain::kNode : Domain::kEdge;
    std::map<Key*, const std::string*> given;
    for (const auto& [key, text] : e.data) given[key] = &text;
    // Defaults, for the keys of this kind of element the element leaves out.
    for (auto& [id, key] : keys_) {
      if (key.default_text && (key.domain == own || key.domain == Domain::kAll) && !given.count(&key)) {
        given[&key] = &*key.default_text;
      }
    }
    const Where where{file_, e.line};
    for (const auto& [key_ptr, text_ptr] : given) {
      Key& k = *key_ptr;
      const std::string& text = *text_ptr;
      if (kg_export_) {
        switch (k.role) {
          case KgKeyRole::kLabels:
            if (e.is_node) *labels = SplitKgLabels(text);
            continue;
          case KgKeyRole::kType:
            if (!e.is_node) *type = text;
            continue;
          case KgKeyRole::kDisplayLabel:
            continue;
          default:
            break;
        }
      }
      if (k.domain == Domain::kGraph || k.domain == Domain::kOther) continue;
      Result<Value> v = Convert(k, text);
      if (!v.ok()) return builder_.Error(where, "key '" + k.name + "': " + v.status().message());
      if (!k.interned) {
        const std::string name = kg_export_ ? KgPropertyName(k.name, k.domain == Domain::kNode) : k.name;
        KG_ASSIGN_OR_RETURN(k.key, builder_.Key(name));
        k.interned = true;
      }
      props->push_back(Property{k.key, std::move(v).value()});
    }
    return Status::Ok();
  }

  Status AddNode() {
    Element& e = *element_;
    Properties props;
    std::vector<std::string> label_names;
    std::string ignored;
    KG_RETURN_IF_ERROR(ElementProperties(e, &props, &label_names, &ignored));
    if (!kg_export_ || builder_.options().keep_ids) {
      KG_ASSIGN_OR_RETURN(PropertyKeyId id_key, builder_.Key(kGraphmlIdProperty));
      props.push_back(Property{id_key, Value(e.id)});
    }
    if (!kg_export_ && label_names.empty()) label_names.push_back(builder_.options().node_label);
    std::vector<LabelId> labels;
    for (const std::string& l : label_names) {
      KG_ASSIGN_OR_RETURN(LabelId id, builder_.Label(l));
      labels.push_back(id);
    }
    const FileNodeId id = FileNodeId::Text(e.id);
    return builder_.AddNode(Where{file_, e.line}, &id, std::move(labels), std::move(props));
  }

  Status AddEdge() {
    Element& e = *element_;
    Properties props;
    std::vector<std::string> unused;
    std::string type;
    KG_RETURN_IF_ERROR(ElementProperties(e, &props, &unused, &type));
    if (type.empty()) {
      if (kg_export_) return builder_.Error(Where{file_, e.line}, "an edge of a kg export without a type");
      type = builder_.options().rel_type;
    }
    KG_ASSIGN_OR_RETURN(RelTypeId t, builder_.RelType(type));
    return builder_.AddRelationship(Where{file_, e.line}, t, FileNodeId::Text(std::move(e.source)),
                                    FileNodeId::Text(std::move(e.target)), std::move(props));
  }

  std::string path_;
  ImportBuilder& builder_;
  uint32_t file_;
  XML_Parser parser_ = nullptr;
  Status error_;
  bool saw_graphml_ = false;
  bool kg_export_ = false;  // the file is kg's own export
  std::map<std::string, Key> keys_;
  Key* current_key_ = nullptr;
  std::optional<Element> element_;
  std::string* text_ = nullptr;  // where character data goes, if anywhere
  int skip_depth_ = 0;           // > 0 inside an element being skipped
};

}  // namespace

Status ReadGraphml(const std::string& path, const std::string& display, ImportBuilder& builder) {
  GraphmlReader reader(path, display, builder);
  return reader.Read();
}

}  // namespace kg::interchange
