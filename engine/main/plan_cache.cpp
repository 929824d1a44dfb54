#include "main/plan_cache.h"

#include <algorithm>

namespace kg {

std::shared_ptr<PlanCache::Slot> PlanCache::Find(std::string_view text) {
  if (capacity_ == 0) return nullptr;
  std::lock_guard<std::mutex> lock(mutex_);
  std::string key(text);
  auto it = entries_.find(key);
  if (it != entries_.end()) {
    lru_.splice(lru_.begin(), lru_, it->second.position);
    return it->second.slot;
  }
  lru_.push_front(key);
  auto slot = std::make_shared<Slot>();
  entries_.emplace(std::move(key), Entry{slot, lru_.begin()});
  while (entries_.size() > capacity_) {
    entries_.erase(lru_.back());
    lru_.pop_back();
  }
  return slot;
}

void PlanCache::DropStale(const Catalog* current) {
  if (last_catalog_.load(std::memory_order_relaxed) == current) return;
  std::vector<std::unique_ptr<CompiledStatement>> stale;  // destroyed outside the locks
  {
    std::lock_guard<std::mutex> lock(mutex_);
    last_catalog_.store(current, std::memory_order_relaxed);
    for (auto& [text, entry] : entries_) {
      std::lock_guard<std::mutex> slot_lock(entry.slot->mutex);
      auto& idle = entry.slot->idle;
      for (auto& c : idle) {
        if (c->catalog.get() != current) stale.push_back(std::move(c));
      }
      idle.erase(std::remove(idle.begin(), idle.end(), nullptr), idle.end());
    }
  }
}

std::unique_ptr<CompiledStatement> PlanCache::CheckOut(Slot& slot, const Catalog* catalog) {
  std::vector<std::unique_ptr<CompiledStatement>> stale;  // destroyed outside the lock
  std::unique_ptr<CompiledStatement> found;
  {
    std::lock_guard<std::mutex> lock(slot.mutex);
    while (!slot.idle.empty()) {
      std::unique_ptr<CompiledStatement> c = std::move(slot.idle.back());
      slot.idle.pop_back();
      if (c->catalog.get() == catalog) {
        found = std::move(c);
        break;
      }
      stale.push_back(std::move(c));
    }
  }
  return found;
}

void PlanCache::CheckIn(Slot& slot, std::unique_ptr<CompiledStatement> compiled, const Catalog* current) {
  if (compiled->catalog.get() != current) return;
  std::lock_guard<std::mutex> lock(slot.mutex);
  if (slot.idle.size() < kIdlePerSlot) slot.idle.push_back(std::move(compiled));
  // else: destroyed on return, after the lock (declared before it).
}

}  // namespace kg
