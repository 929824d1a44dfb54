#include "interchange/import/import_builder.h"

#include <nlohmann/json.hpp>

#include "storage/key_codec.h"

namespace kg::interchange {

std::string FileNodeId::ToString() const {
  if (is_int) return std::to_string(number);
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

ImportBuilder::ImportBuilder(ImportSink& sink, const ImportOptions& options, uint64_t bytes_total)
    : sink_(sink), options_(options), bytes_total_(bytes_total) {}

uint32_t ImportBuilder::AddFile(std::string display_name) {
  files_.push_back(std::move(display_name));
  return static_cast<uint32_t>(files_.size() - 1);
}

Status ImportBuilder::Error(Where where, const std::string& reason) const {
  return Status::Io(files_[where.file] + ":" + std::to_string(where.line) + ": " + reason);
}

Status ImportBuilder::Error(Where where, uint64_t column, const std::string& reason) const {
  return Status::Io(files_[where.file] + ":" + std::to_string(where.line) + ":" + std::to_string(column) + ": " +
                    reason);
}

Result<LabelId> ImportBuilder::Label(std::string_view name) {
  auto it = labels_.find(std::string(name));
  if (it != labels_.end()) return it->second;
  KG_ASSIGN_OR_RETURN(LabelId id, sink_.InternLabel(name));
  labels_.emplace(std::string(name), id);
  return id;
}

Result<RelTypeId> ImportBuilder::RelType(std::string_view name) {
  auto it = types_.find(std::string(name));
  if (it != types_.end()) return it->second;
  KG_ASSIGN_OR_RETURN(RelTypeId id, sink_.InternRelType(name));
  types_.emplace(std::string(name), id);
  return id;
}

Result<PropertyKeyId> ImportBuilder::Key(std::string_view name) {
  auto it = keys_.find(std::string(name));
  if (it != keys_.end()) return it->second;
  KG_ASSIGN_OR_RETURN(PropertyKeyId id, sink_.InternPropertyKey(name));
  keys_.emplace(std::string(name), id);
  if (name == kKeyProperty) {
    key_property_ = id;
    key_property_known_ = true;
  }
  return id;
}

void ImportBuilder::BeginSource(SourceWords words) {
  words_ = std::move(words);
  dense_ids_.clear();
  int_ids_.clear();
  text_ids_.clear();
  pending_.clear();
}

const ImportBuilder::Placed* ImportBuilder::Find(const FileNodeId& id) const {
  if (id.is_int) {
    const uint64_t offset = static_cast<uint64_t>(id.number) - static_cast<uint64_t>(dense_first_);
    if (id.number >= dense_first_ && offset < dense_ids_.size()) return &dense_ids_[offset];
    auto it = int_ids_.find(id.number);
    return it == int_ids_.end() ? nullptr : &it->second;
  }
  auto it = text_ids_.find(id.text);
  return it == text_ids_.end() ? nullptr : &it->second;
}

Status ImportBuilder::AddNode(Where where, const FileNodeId* id, std::vector<LabelId> labels, Properties properties) {
  if (id != nullptr) {
    if (const Placed* first = Find(*id)) {
      return Error(where, "node id " + id->ToString() + " is already the id of the node at " +
                              files_[first->where.file] + ":" + std::to_string(first->where.line));
    }
  }
  // The store refuses a second node with the same `key` too, but only this
  // map can say where the first one was.
  std::string unique;
  if (key_property_known_) {
    for (const Property& p : properties) {
      if (p.key != key_property_ || !key_codec::IsIndexable(p.value)) continue;
      unique = key_codec::UniqueKeyKey(p.value);
      auto it = import_keys_.find(unique);
      if (it != import_keys_.end()) {
        return Status::Constraint(files_[where.file] + ":" + std::to_string(where.line) + ": key " +
                                  p.value.ToString() + " is already the key of the node at " + files_[it->second.file] +
                                  ":" + std::to_string(it->second.line));
      }
      KG_ASSIGN_OR_RETURN(std::optional<NodeId> existing, sink_.FindExistingKey(p.value));
      if (existing) {
        return Status::Constraint(files_[where.file] + ":" + std::to_string(where.line) + ": key " +
                                  p.value.ToString() + " already belongs to node " + std::to_string(*existing) +
                                  " of the database");
      }
    }
  }
  Result<NodeId> node = sink_.AddNode(std::move(labels), std::move(properties));
  if (!node.ok()) {
    const Status& s = node.status();
    return Status::Error(s.kind(), files_[where.file] + ":" + std::to_string(where.line) + ": " + s.message());
  }
  if (!unique.empty()) import_keys_.emplace(std::move(unique), where);
  if (id != nullptr) {
    if (id->is_int) {
      if (dense_ids_.empty() && int_ids_.empty()) dense_first_ = id->number;
      const bool next = static_cast<uint64_t>(id->number) - static_cast<uint64_t>(dense_first_) == dense_ids_.size();
      if (next && (!dense_ids_.empty() || int_ids_.empty())) {
        dense_ids_.push_back(Placed{*node, where});
      } else {
        int_ids_.emplace(id->number, Placed{*node, where});
      }
    } else {
      text_ids_.emplace(id->text, Placed{*node, where});
    }
  }
  ++nodes_;
  return Status::Ok();
}

Status ImportBuilder::Add(const Pending& rel, NodeId start, NodeId end) {
  Result<RelId> added = sink_.AddRelationship(rel.type, start, end, rel.properties);
  if (!added.ok()) {
    const Status& s = added.status();
    return Status::Error(s.kind(), files_[rel.where.file] + ":" + std::to_string(rel.where.line) + ": " + s.message());
  }
  ++rels_;
  return Status::Ok();
}

Status ImportBuilder::AddRelationship(Where where, RelTypeId type, FileNodeId start, FileNodeId end,
                                      Properties properties) {
  const Placed* s = Find(start);
  const Placed* e = Find(end);
  if (s != nullptr && e != nullptr) {
    Result<RelId> added = sink_.AddRelationship(type, s->node, e->node, std::move(properties));
    if (!added.ok()) {
      const Status& st = added.status();
      return Status::Error(st.kind(), files_[where.file] + ":" + std::to_string(where.line) + ": " + st.message());
    }
    ++rels_;
    return Status::Ok();
  }
  // An end not read yet: it may come later in the source.
  pending_.push_back(Pending{where, type, std::move(start), std::move(end), std::move(properties)});
  return Status::Ok();
}

Status ImportBuilder::EndSource() {
  for (const Pending& rel : pending_) {
    const Placed* s = Find(rel.start);
    if (s == nullptr)
      return Error(rel.where, words_.start + " " + rel.start.ToString() + " is not a node of this import");
    const Placed* e = Find(rel.end);
    if (e == nullptr) return Error(rel.where, words_.end + " " + rel.end.ToString() + " is not a node of this import");
    KG_RETURN_IF_ERROR(Add(rel, s->node, e->node));
    KG_RETURN_IF_ERROR(Tick());
  }
  pending_.clear();
  return Status::Ok();
}

void ImportBuilder::FileDone(uint64_t size) {
  bytes_done_ += size;
  file_bytes_ = 0;
}

Status ImportBuilder::Poll() {
  if (options_.cancel != nullptr && options_.cancel->load(std::memory_order_relaxed)) {
    return Status::Error(ErrorKind::kInterrupted, "import cancelled; the database is unchanged");
  }
  if (options_.progress) {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_progress_ >= std::chrono::milliseconds(100)) {
      last_progress_ = now;
      options_.progress(ImportProgress{nodes_, rels_, bytes_done_ + file_bytes_, bytes_total_});
    }
  }
  return Status::Ok();
}

}  // namespace kg::interchange
