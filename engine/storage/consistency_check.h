// The consistency check (`kg check`, Database::CheckConsistency): does a
// database agree with itself?
//
// Every write keeps several column families in step (docs/storage.md): a
// node's record, its labels entries, property index entries, unique key and
// full-text entries; a relationship's record and its two adjacency entries;
// the catalog's counts and next ids. The check reads all of it from one
// consistent state and reports every place where they disagree:
//   - a record that does not decode, or names a label, type or property key
//     the catalog does not know, or has an id at or past the next-id counter;
//   - a relationship whose start or end node does not exist;
//   - an entry that a record implies and that is missing (adjacency, labels,
//     property index, unique key, full-text), or one with a wrong value;
//   - an entry that no record implies (stale), or a key that does not decode;
//   - two nodes with the same `key`;
//   - catalog counts (nodes, relationships, per label, per type, per
//     property key) that differ from the records, indexes on unknown labels
//     or keys, unknown catalog entries.
// The records are read once: each entry they imply goes into a fingerprint
// of its column family (the count, and the sum of a 64-bit hash of every
// key and value), which is compared with the same fingerprint of the
// family's entries. Only a family whose fingerprint differs is read again,
// entry by entry: a point read per entry the records imply names the
// missing (or different) ones, and a read of the record behind each entry
// names the stale ones. So a clean check costs one sequential pass over
// every column family and memory of one bit per node id; a damaged family
// costs random reads as well.
//
// It only reads: on a read-only store (a RocksDB secondary instance) it runs
// beside a writing process, and checks the state it caught up with at the
// start.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"

namespace kg {

class GraphStore;

struct ConsistencyReport {
  // The problems found, one line each ("adjacency: relationship 7 ..."), the
  // first kMaxListed of them; problem_count counts them all.
  static constexpr size_t kMaxListed = 1000;
  std::vector<std::string> problems;
  uint64_t problem_count = 0;

  // What was read.
  uint64_t nodes = 0, relationships = 0;
  uint64_t adjacency_entries = 0, label_entries = 0, property_index_entries = 0;
  uint64_t unique_key_entries = 0, fulltext_entries = 0;

  bool clean() const { return problem_count == 0; }
  // "209 nodes, 620 relationships, 1240 adjacency entries, ... checked".
  std::string Counts() const;
};

// Checks the state of `store` as a read transaction begun now sees it.
// Fails (rather than reporting) only when reading fails or `interrupt` is
// set (kInterrupted).
Result<ConsistencyReport> CheckConsistency(GraphStore& store, const std::atomic<bool>* interrupt = nullptr);

}  // namespace kg
