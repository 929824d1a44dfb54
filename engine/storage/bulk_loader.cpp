#include "storage/bulk_loader.h"

#include <rocksdb/db.h>
#include <rocksdb/sst_file_writer.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <future>
#include <system_error>
#include <thread>

#include "storage/fulltext_entries.h"
#include "storage/key_codec.h"
#include "storage/record_codec.h"
#include "storage/rocks_util.h"

namespace kg {
namespace fs = std::filesystem;
const char* const BulkLoader::kScratchDir = "bulk-load.tmp";

namespace {

// Key order of two entries, each of its own chunk.
// Sorting and merging call it hundreds of millions of times: the common
// case, settled by the prefix, is inlined, the rest is not.
template <typename Chunk, typename Entry>
__attribute__((noinline)) bool LongKeyLess(const Chunk& chunk_a, const Entry& a, const Chunk& chunk_b, const Entry& b) {
  // Equal but for zero padding: the shorter is a prefix of the longer.
  if (a.inline_key() && b.inline_key()) return a.key_size < b.key_size;
  char buffer_a[sizeof a.prefix], buffer_b[sizeof b.prefix];
  return chunk_a.key(a, buffer_a) < chunk_b.key(b, buffer_b);
}

template <typename Chunk, typename Entry>
inline __attribute__((always_inline)) bool EntryLess(const Chunk& chunk_a, const Entry& a, const Chunk& chunk_b,
                                                     const Entry& b) {
  for (int i = 0; i < 4; ++i) {
    if (a.prefix[i] != b.prefix[i]) return a.prefix[i] < b.prefix[i];
  }
  return LongKeyLess(chunk_a, a, chunk_b, b);
}

uint64_t LoadBigEndian(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return __builtin_bswap64(v);
}

size_t DefaultMemoryBudget() {
  const long pages = sysconf(_SC_PHYS_PAGES), page_size = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page_size <= 0) return size_t{1} << 30;
  return std::min(static_cast<size_t>(pages) * static_cast<size_t>(page_size) / 4, BulkLoader::kMaxMemoryBudget);
}

}  // namespace

BulkLoader::BulkLoader(GraphStore* store, size_t chunk_bytes)
    : store_(store), chunk_bytes_(chunk_bytes), memory_budget_(DefaultMemoryBudget()) {}

std::string_view BulkLoader::Chunk::key(const Entry& e, char* buffer) const {
  if (!e.inline_key()) return std::string_view(arena.data() + e.offset, e.key_size);
  for (size_t i = 0; i * 8 < e.key_size; ++i) {
    for (size_t b = 0; b < 8; ++b) buffer[i * 8 + b] = static_cast<char>(e.prefix[i] >> (56 - 8 * b));
  }
  return std::string_view(buffer, e.key_size);
}

BulkLoader::~BulkLoader() {
  if (background_.valid()) background_.wait();
  if (!finished_) Discard();
}

void BulkLoader::Discard() {
  if (background_.valid()) background_.wait();
  finished_ = true;
  for (Runs& runs : runs_) runs.clear();
  run_bytes_ = 0;
  std::error_code ec;
  if (!scratch_.empty()) fs::remove_all(scratch_, ec);
}

Status BulkLoader::Start() {
  writer_lock_ = std::unique_lock<std::mutex>(store_->writer_mutex_);
  catalog_ = std::make_shared<Catalog>(*store_->catalog());
  catalog_->ClearChanges();
  first_new_node_ = catalog_->next_node_id();
  scratch_ = (fs::path(store_->path()) / kScratchDir).string();
  std::error_code ec;
  fs::remove_all(scratch_, ec);
  fs::create_directories(scratch_, ec);
  if (ec) return Status::Io("cannot create " + scratch_ + ": " + ec.message());
  return Status::Ok();
}

Status BulkLoader::Add(ColumnFamily cf, std::string_view key, std::string_view value) {
  Chunk& c = chunks_[static_cast<int>(cf)];
  char head[kInlineKey] = {};
  key.copy(head, sizeof head);
  c.entries.push_back(
      Entry{{LoadBigEndian(head), LoadBigEndian(head + 8), LoadBigEndian(head + 16), LoadBigEndian(head + 24)},
            static_cast<uint32_t>(c.arena.size()),
            static_cast<uint32_t>(key.size()),
            static_cast<uint32_t>(value.size())});
  if (key.size() > kInlineKey) c.arena.append(key);
  c.arena.append(value);
  c.data_bytes += key.size() + value.size();
  if (c.bytes() >= chunk_bytes_) return SpillInBackground(cf);
  return Status::Ok();
}

bool BulkLoader::SortChunk(Chunk* c) {
  auto less = [c](const Entry& a, const Entry& b) { return EntryLess(*c, a, *c, b); };
  if (std::is_sorted(c->entries.begin(), c->entries.end(), less)) return true;
  std::sort(c->entries.begin(), c->entries.end(), less);
  return false;
}

Status BulkLoader::WaitForBackground() {
  if (!background_.valid()) return Status::Ok();
  Result<Spilled> done = background_.get();
  if (!done.ok()) return done.status();
  Spilled spilled = std::move(done).value();
  const int i = static_cast<int>(background_cf_);
  if (spilled.file) files_[i].push_back(std::move(*spilled.file));
  if (spilled.run) {
    run_bytes_ += spilled.run->bytes();
    runs_[i].push_back(std::move(spilled.run));
  }
  return EnforceMemoryBudget();
}

Status BulkLoader::SpillInBackground(ColumnFamily cf) {
  KG_RETURN_IF_ERROR(WaitForBackground());
  const int i = static_cast<int>(cf);
  auto chunk = std::make_shared<Chunk>(std::move(chunks_[i]));
  // The next chunk of this family will most likely fill up too: its
  // buffers are allocated whole at once rather than grown by copying.
  chunks_[i] = Chunk();
  chunks_[i].arena.reserve(chunk->arena.size() + chunk->arena.size() / 16);
  chunks_[i].entries.reserve(chunk->entries.size() + chunk->entries.size() / 16);
  // A chunk goes straight to a file only when its entries came in key order
  // and all of them follow everything written before: records added in id
  // order. Anything else is kept as a sorted run for Finish() to merge.
  const bool may_write = runs_[i].empty();
  std::optional<std::string> after;
  for (const SpilledFileInfo& f : files_[i]) {
    if (!after || f.largest > *after) after = f.largest;
  }
  background_cf_ = cf;
  const uint64_t sequence = chunks_written_++;
  background_ = std::async(
      std::launch::async,
      [this, cf, sequence, may_write, after = std::move(after), chunk = std::move(chunk)]() -> Result<Spilled> {
        const bool came_sorted = SortChunk(chunk.get());
        char buffer[kInlineKey];
        if (may_write && came_sorted && (!after || chunk->key(chunk->entries.front(), buffer) > *after)) {
          KG_ASSIGN_OR_RETURN(SpilledFileInfo file, WriteChunk(cf, *chunk, sequence));
          return Spilled{std::move(file), nullptr};
        }
        return Spilled{std::nullopt, chunk};
      });
  return Status::Ok();
}

Status BulkLoader::EnforceMemoryBudget() {
  while (run_bytes_ > memory_budget_) {
    int most = 0;
    size_t most_bytes = 0;
    for (int i = 0; i < kNumColumnFamilies; ++i) {
      size_t bytes = 0;
      for (const auto& run : runs_[i]) bytes += run->bytes();
      if (bytes > most_bytes) most = i, most_bytes = bytes;
    }
    Runs runs = std::move(runs_[most]);
    runs_[most].clear();
    run_bytes_ -= most_bytes;
    std::vector<MergeTask> tasks;
    PlanMerge(static_cast<ColumnFamily>(most), runs, &tasks);
    KG_RETURN_IF_ERROR(RunMerges(&tasks));
  }
  return Status::Ok();
}

void BulkLoader::PlanMerge(ColumnFamily cf, const Runs& runs, std::vector<MergeTask>* tasks) {
  size_t bytes = 0, entries = 0;
  for (const auto& run : runs) bytes += run->data_bytes, entries += run->entries.size();
  if (entries == 0) return;
  // Key ranges of at most about chunk_bytes_ each, split at keys sampled evenly
  // from every run, so that each range is one file and the ranges can be
  // written side by side.
  // At least eight ranges (of 4 MiB or more), so that the two threads
  // finish together.
  const size_t target = std::min(chunk_bytes_, std::max(bytes / 8, size_t{4} << 20));
  const size_t ranges = std::max<size_t>(1, (bytes + target - 1) / target);
  std::vector<std::string> splitters;
  if (ranges > 1) {
    constexpr size_t kSamplesPerRange = 32;
    const size_t stride = std::max<size_t>(1, entries / (ranges * kSamplesPerRange));
    std::vector<std::string> samples;
    char buffer[kInlineKey];
    for (const auto& run : runs) {
      for (size_t j = stride / 2; j < run->entries.size(); j += stride) {
        samples.emplace_back(run->key(run->entries[j], buffer));
      }
    }
    std::sort(samples.begin(), samples.end());
    for (size_t r = 1; r < ranges && !samples.empty(); ++r) {
      std::string& s = samples[r * samples.size() / ranges];
      if (splitters.empty() || s > splitters.back()) splitters.push_back(std::move(s));
    }
  }
  // Range r holds the keys in [splitters[r-1], splitters[r]).
  std::vector<size_t> begin(runs.size(), 0);
  for (size_t r = 0; r <= splitters.size(); ++r) {
    MergeTask task;
    task.cf = cf;
    for (size_t k = 0; k < runs.size(); ++k) {
      const Chunk& run = *runs[k];
      size_t end = run.entries.size();
      if (r < splitters.size()) {
        const std::string& splitter = splitters[r];
        char buffer[kInlineKey];
        end = std::partition_point(run.entries.begin() + begin[k], run.entries.end(),
                                   [&](const Entry& e) { return run.key(e, buffer) < splitter; }) -
              run.entries.begin();
      }
      if (end > begin[k]) task.parts.push_back(MergeTask::Part{&run, begin[k], end});
      begin[k] = end;
    }
    if (task.parts.empty()) continue;
    task.sequence = chunks_written_++;
    tasks->push_back(std::move(task));
  }
}

Status BulkLoader::RunMerges(std::vector<MergeTask>* tasks) {
  std::vector<Status> statuses(tasks->size());
  std::vector<SpilledFileInfo> files(tasks->size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t t; (t = next++) < tasks->size();) {
      Result<SpilledFileInfo> file = WriteMerged((*tasks)[t]);
      if (file.ok()) {
        files[t] = std::move(file).value();
      } else {
        statuses[t] = file.status();
      }
    }
  };
  // The ranges are independent: two threads write them.
  std::thread helper;
  if (tasks->size() > 1) helper = std::thread(work);
  work();
  if (helper.joinable()) helper.join();
  for (size_t t = 0; t < tasks->size(); ++t) {
    KG_RETURN_IF_ERROR(statuses[t]);
    files_[static_cast<int>((*tasks)[t].cf)].push_back(std::move(files[t]));
  }
  return Status::Ok();
}

Result<SpilledFileInfo> BulkLoader::WriteChunk(ColumnFamily cf, const Chunk& c, uint64_t sequence) {
  MergeTask task;
  task.cf = cf;
  task.sequence = sequence;
  task.parts.push_back(MergeTask::Part{&c, 0, c.entries.size()});
  return WriteMerged(task);
}

Result<SpilledFileInfo> BulkLoader::WriteMerged(const MergeTask& task) {
  const std::string file = scratch_ + "/" + std::to_string(task.sequence) + ".sst";
  rocksdb::Options options = store_->db_->GetOptions(store_->cf(task.cf));
  // invalidate_page_cache off: the files are read right after the load,
  // and RocksDB's default drops their pages from the OS cache, so every
  // first read of a block went to the disk (Q1 at 1M: 0.15 ms instead of
  // 0.01 ms). The kernel still evicts them under memory pressure.
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options, store_->cf(task.cf), /*invalidate_page_cache=*/false);
  KG_RETURN_IF_ERROR(FromRocks(writer.Open(file), "writing " + file));
  std::vector<MergeTask::Part> heap = task.parts;
  // A min-heap on each part's next entry.
  auto later = [](const MergeTask::Part& a, const MergeTask::Part& b) {
    return EntryLess(*b.run, b.run->entries[b.begin], *a.run, a.run->entries[a.begin]);
  };
  std::make_heap(heap.begin(), heap.end(), later);
  std::string smallest;
  char buffer[kInlineKey];
  const Chunk* last_run = nullptr;
  const Entry* last = nullptr;
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), later);
    MergeTask::Part& p = heap.back();
    // Take from this part while it stays below every other part's next entry.
    const MergeTask::Part* rival = heap.size() > 1 ? &heap.front() : nullptr;
    do {
      const Entry& e = p.run->entries[p.begin];
      const std::string_view key = p.run->key(e, buffer), value = p.run->value(e);
      rocksdb::Status put =
          writer.Put(rocksdb::Slice(key.data(), key.size()), rocksdb::Slice(value.data(), value.size()));
      if (!put.ok()) return FromRocks(put, "writing " + file);
      if (!last) smallest.assign(key.data(), key.size());
      last_run = p.run;
      last = &e;
      ++p.begin;
    } while (p.begin < p.end &&
             (!rival || EntryLess(*p.run, p.run->entries[p.begin], *rival->run, rival->run->entries[rival->begin])));
    if (p.begin < p.end) {
      std::push_heap(heap.begin(), heap.end(), later);
    } else {
      heap.pop_back();
    }
  }
  KG_RETURN_IF_ERROR(FromRocks(writer.Finish(), "writing " + file));
  return SpilledFileInfo{file, std::move(smallest), std::string(last_run->key(*last, buffer))};
}

bool BulkLoader::Overlapping(int cf) const {
  std::vector<const SpilledFileInfo*> files;
  for (const SpilledFileInfo& f : files_[cf]) files.push_back(&f);
  std::sort(files.begin(), files.end(),
            [](const SpilledFileInfo* a, const SpilledFileInfo* b) { return a->smallest < b->smallest; });
  for (size_t i = 1; i < files.size(); ++i) {
    if (files[i]->smallest <= files[i - 1]->largest) return true;
  }
  return false;
}

Result<bool> BulkLoader::ExistingNode(NodeId id) {
  if (id >= first_new_node_) return id < catalog_->next_node_id();  // nothing is deleted during a load
  std::string value;
  rocksdb::Status s =
      store_->db_->Get(rocksdb::ReadOptions(), store_->cf(ColumnFamily::kNodes), key_codec::NodeKey(id), &value);
  if (s.IsNotFound()) return false;
  KG_RETURN_IF_ERROR(FromRocks(s, "loading"));
  return true;
}

Status BulkLoader::DeclareIndex(LabelId label, PropertyKeyId key) {
  if (finished_) return Status::Usage("the bulk load has already finished");
  if (label >= catalog_->num_labels()) return Status::Usage("unknown label id " + std::to_string(label));
  if (key >= catalog_->num_property_keys()) return Status::Usage("unknown property key id " + std::to_string(key));
  if (nodes_added_ > 0 || catalog_->NodesWithLabel(label) > 0) {
    return Status::Usage("a bulk load declares an index only before its first node, for a label no node has yet");
  }
  if (!catalog_->HasIndex(label, key)) catalog_->AddIndex(IndexDef{label, key});
  return Status::Ok();
}

Result<NodeId> BulkLoader::AddNode(std::vector<LabelId> labels, Properties properties) {
  if (finished_) return Status::Usage("the bulk load has already finished");
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  for (LabelId l : labels) {
    if (l >= catalog_->num_labels()) return Status::Usage("unknown label id " + std::to_string(l));
  }
  NodeRecord node;
  node.labels = std::move(labels);
  node.properties = NormaliseProperties(std::move(properties));
  KG_RETURN_IF_ERROR(catalog_->CheckProperties(node.properties));

  // The unique key, checked against this load and the database before it.
  std::string unique_key;
  NodeId* key_owner = nullptr;  // in new_keys_, claimed for this node
  if (auto key_id = catalog_->FindPropertyKey(kKeyProperty)) {
    if (const Value* v = FindProperty(node.properties, *key_id)) {
      if (!key_codec::IsIndexable(*v)) {
        return Status::Constraint("the key property must be a string, number, boolean or temporal value, not " +
                                  v->ToString());
      }
      unique_key = key_codec::UniqueKeyKey(*v);
      auto [it, claimed] = new_keys_.try_emplace(unique_key, catalog_->next_node_id());
      if (!claimed) {
        return Status::Constraint("key " + v->ToString() + " already belongs to node " + std::to_string(it->second));
      }
      if (first_new_node_ > 0) {
        std::string owner;
        rocksdb::Status s =
            store_->db_->Get(rocksdb::ReadOptions(), store_->cf(ColumnFamily::kUniqueKeys), unique_key, &owner);
        if (!s.ok() && !s.IsNotFound()) {
          new_keys_.erase(it);
          return FromRocks(s, "loading");
        }
        if (s.ok() && owner.size() == 8) {
          new_keys_.erase(it);
          return Status::Constraint("key " + v->ToString() + " already belongs to node " +
                                    std::to_string(key_codec::GetU64(owner.data())));
        }
      }
      key_owner = &it->second;
    }
  }

  node.id = catalog_->AllocateNodeId();
  if (key_owner) *key_owner = node.id;
  value_buffer_.clear();
  record_codec::EncodeNode(node, &value_buffer_);
  KG_RETURN_IF_ERROR(Add(ColumnFamily::kNodes, key_codec::NodeKey(node.id), value_buffer_));
  for (LabelId l : node.labels) {
    KG_RETURN_IF_ERROR(Add(ColumnFamily::kLabels, key_codec::LabelKey(l, node.id), ""));
    catalog_->AddToLabel(l, 1);
    for (PropertyKeyId k : catalog_->IndexedKeys(l)) {
      const Value* v = FindProperty(node.properties, k);
      if (v && key_codec::IsIndexable(*v)) {
        KG_RETURN_IF_ERROR(Add(ColumnFamily::kPropertyIndex, key_codec::PropertyIndexKey(l, k, *v, node.id), ""));
      }
    }
  }
  if (!unique_key.empty()) {
    KG_RETURN_IF_ERROR(Add(ColumnFamily::kUniqueKeys, unique_key, key_codec::NodeKey(node.id)));
  }
  if (!catalog_->fulltext_indexes().empty()) {
    fulltext_buffer_.clear();
    fulltext::DeriveEntries(*catalog_, node, &fulltext_buffer_);
    for (const fulltext::Entry& e : fulltext_buffer_) KG_RETURN_IF_ERROR(Add(ColumnFamily::kFullText, e.key, e.value));
  }
  catalog_->AddNodes(1);
  catalog_->CountNodeProperties(nullptr, &node.properties);
  ++nodes_added_;
  return node.id;
}

Result<RelId> BulkLoader::AddRelationship(RelTypeId type, NodeId start, NodeId end, Properties properties) {
  if (finished_) return Status::Usage("the bulk load has already finished");
  if (type >= catalog_->num_rel_types()) return Status::Usage("unknown relationship type id " + std::to_string(type));
  for (NodeId n : {start, end}) {
    KG_ASSIGN_OR_RETURN(bool exists, ExistingNode(n));
    if (!exists)
      return Status::Constraint("cannot create a relationship to node " + std::to_string(n) + ": it does not exist");
  }
  RelRecord rel;
  rel.type = type;
  rel.start = start;
  rel.end = end;
  rel.properties = NormaliseProperties(std::move(properties));
  KG_RETURN_IF_ERROR(catalog_->CheckProperties(rel.properties));
  rel.id = catalog_->AllocateRelId();
  value_buffer_.clear();
  record_codec::EncodeRel(rel, &value_buffer_);
  KG_RETURN_IF_ERROR(Add(ColumnFamily::kRels, key_codec::RelKey(rel.id), value_buffer_));
  key_buffer_.clear();
  key_codec::AppendAdjacencyKey(&key_buffer_, start, Direction::kOut, type, end, rel.id);
  KG_RETURN_IF_ERROR(Add(ColumnFamily::kAdjacency, key_buffer_, ""));
  key_buffer_.clear();
  key_codec::AppendAdjacencyKey(&key_buffer_, end, Direction::kIn, type, start, rel.id);
  KG_RETURN_IF_ERROR(Add(ColumnFamily::kAdjacency, key_buffer_, ""));
  catalog_->AddRels(1);
  catalog_->AddToRelType(type, 1);
  catalog_->CountRelProperties(nullptr, &rel.properties);
  ++rels_added_;
  return rel.id;
}

Status BulkLoader::Finish(bool compact) {
  if (finished_) return Status::Usage("the bulk load has already finished");
  Status s = [&]() -> Status {
    // The catalog goes in as one more file, so that data and catalog become
    // visible in the same atomic step.
    for (const auto& [key, value] : catalog_->ChangedEntries()) {
      if (value) KG_RETURN_IF_ERROR(Add(ColumnFamily::kMeta, key, *value));
    }
    KG_RETURN_IF_ERROR(WaitForBackground());
    // The last chunks become runs too: the adjacency chunk (the largest) is
    // sorted on a second thread, the others on this one meanwhile.
    std::array<std::shared_ptr<Chunk>, kNumColumnFamilies> last;
    for (int i = 0; i < kNumColumnFamilies; ++i) {
      if (chunks_[i].entries.empty()) continue;
      last[i] = std::make_shared<Chunk>(std::move(chunks_[i]));
      chunks_[i] = Chunk();
    }
    const int adjacency = static_cast<int>(ColumnFamily::kAdjacency);
    std::future<bool> sorting;
    if (last[adjacency]) sorting = std::async(std::launch::async, SortChunk, last[adjacency].get());
    for (int i = 0; i < kNumColumnFamilies; ++i) {
      if (last[i] && i != adjacency) SortChunk(last[i].get());
    }
    if (sorting.valid()) sorting.get();
    for (int i = 0; i < kNumColumnFamilies; ++i) {
      if (last[i]) runs_[i].push_back(std::move(last[i]));
    }
    // Every family's runs merged into files that do not overlap, all the
    // ranges of all families shared between two threads.
    std::vector<MergeTask> tasks;
    for (int i = 0; i < kNumColumnFamilies; ++i) PlanMerge(static_cast<ColumnFamily>(i), runs_[i], &tasks);
    KG_RETURN_IF_ERROR(RunMerges(&tasks));
    tasks.clear();
    for (Runs& runs : runs_) runs.clear();
    run_bytes_ = 0;
    std::vector<rocksdb::IngestExternalFileArg> args;
    for (int i = 0; i < kNumColumnFamilies; ++i) {
      if (files_[i].empty()) continue;
      rocksdb::IngestExternalFileArg arg;
      arg.column_family = store_->cfs_[i];
      for (const SpilledFileInfo& f : files_[i]) arg.external_files.push_back(f.path);
      arg.options.move_files = true;
      args.push_back(std::move(arg));
    }
    std::lock_guard<std::mutex> lock(store_->publish_mutex_);
    KG_RETURN_IF_ERROR(FromRocks(store_->db_->IngestExternalFiles(args), "finishing the bulk load"));
    catalog_->ClearChanges();
    store_->Publish(std::make_shared<const Catalog>(*catalog_));
    return Status::Ok();
  }();
  Discard();  // the scratch files, now moved into the database or not wanted
  if (s.ok() && compact) {
    s = store_->Compact();
  } else {
    for (int i = 0; i < kNumColumnFamilies && s.ok(); ++i) {
      if (Overlapping(i)) s = store_->Compact(static_cast<ColumnFamily>(i));
    }
  }
  if (writer_lock_.owns_lock()) writer_lock_.unlock();
  return s;
}

}  // namespace kg
