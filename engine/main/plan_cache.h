// PlanCache: statements parsed and planned once, run many times.
//
// Database::Execute looks a statement's text up here before parsing it. An
// entry (a Slot) holds idle compiled copies of one text: the AST, and the
// operator tree planned from it against one catalog. Running takes a copy
// out of its slot (CheckOut) and gives it back afterwards (CheckIn), so two
// threads running the same text never share an operator tree: the second
// compiles its own copy.
//
// Caching never changes an answer. A plan depends on the statement and on
// the catalog it was planned against (label counts pick the start point,
// indexes the seeks), and nothing else: parameters are read at run time,
// names are resolved to ids when operators open. So a copy is used only
// while the store's current catalog is the very catalog object it was
// planned against; every commit (a write, CREATE INDEX, DROP INDEX, a bulk
// load) publishes a new catalog and so retires every plan made before it.
// A copy whose run failed is dropped, not given back. Only single
// statements of kind kQuery are kept: EXPLAIN and PROFILE (whose operators
// count rows and time) and index statements are compiled every time.
//
// The map is an LRU of `capacity` texts; a PreparedStatement holds its slot
// itself, so it survives eviction.
#pragma once

#include <atomic>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parser/ast.h"
#include "planner/planner.h"
#include "storage/catalog.h"

namespace kg {

// One statement, parsed and planned against one catalog.
struct CompiledStatement {
  // Kept for its kind, text and position; the plan does not point into it.
  std::unique_ptr<ast::Statement> statement;
  std::shared_ptr<const Catalog> catalog;  // planned against (kept alive, so its address stays unique)
  std::unique_ptr<Plan> plan;              // kQuery, kExplain and kProfile
  uint64_t procedures_version = 0;         // the registry it resolved CALLs in
};

// The idle copies of one text.
struct PlanSlot {
  std::mutex mutex;
  std::vector<std::unique_ptr<CompiledStatement>> idle;
  // The text is not one query (several statements, EXPLAIN, PROFILE, an
  // index statement): it is parsed and run as without a cache.
  std::atomic<bool> uncacheable{false};
};

class PlanCache {
 public:
  using Slot = PlanSlot;

  explicit PlanCache(size_t capacity) : capacity_(capacity) {}
  size_t capacity() const { return capacity_; }

  // The slot of `text` (made when missing, and marked most recently used);
  // nullptr when the cache is off (capacity 0).
  std::shared_ptr<Slot> Find(std::string_view text);
  // An idle copy planned against `catalog`, or nullptr. Copies planned
  // against another catalog are dropped.
  static std::unique_ptr<CompiledStatement> CheckOut(Slot& slot, const Catalog* catalog);
  // Gives a copy back after a successful run; dropped unless it was planned
  // against `current` (a write retires its own plan) or the slot is full.
  static void CheckIn(Slot& slot, std::unique_ptr<CompiledStatement> compiled, const Catalog* current);

  // Drops every idle copy not planned against `current`, once per new
  // catalog: an idle operator tree may still hold what its last run read
  // through (cursors, and what they keep alive), which a retired plan
  // should not keep. Cheap when the catalog has not changed.
  void DropStale(const Catalog* current);

  // For tests and benchmarks: how often a run found a plan, and did not.
  std::atomic<uint64_t> hits{0}, misses{0};

 private:
  static constexpr size_t kIdlePerSlot = 2;  // copies kept per text (threads running it at once)

  const size_t capacity_;
  mutable std::mutex mutex_;
  std::list<std::string> lru_;  // most recent first
  struct Entry {
    std::shared_ptr<Slot> slot;
    std::list<std::string>::iterator position;
  };
  std::unordered_map<std::string, Entry> entries_;
  std::atomic<const Catalog*> last_catalog_{nullptr};  // DropStale's last sweep
};

}  // namespace kg
