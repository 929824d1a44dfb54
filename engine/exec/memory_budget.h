// MemoryBudget: how much memory one statement may hold.
//
// Not a malloc hook: the operators and functions whose memory can grow
// without bound charge what they keep, approximately (ApproxBytes), and
// give it back when they let it go. Those are the rows a sort, an
// aggregation, DISTINCT, UNION, an eager buffer or a hash join's build
// side keeps, collect()'s lists, and the result rows; values made in one
// piece (range(), list and string concatenation, list comprehensions) are
// checked against what is left before they are made (CheckFits), so that
// range(1, 10000000000) fails at once instead of filling the memory. A
// statement that goes over fails with a runtime error and changes nothing.
//
// One budget per statement, used by one thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/value.h"

namespace kg {

class MemoryBudget {
 public:
  // limit_bytes <= 0: no limit (charges are still counted).
  explicit MemoryBudget(int64_t limit_bytes) : limit_(limit_bytes) {}

  // Adds `bytes` to what the statement holds; over the limit, ends the
  // statement (QueryError) without adding them.
  void Charge(int64_t bytes);
  void Release(int64_t bytes) { used_ -= bytes; }
  // Ends the statement when a value of `bytes` would not fit in what is left.
  void CheckFits(int64_t bytes) const;

  int64_t used() const { return used_; }
  int64_t limit() const { return limit_; }

 private:
  [[noreturn]] void Exceeded() const;
  int64_t limit_;
  int64_t used_ = 0;
};

// "2 GiB", "64 MiB", "1.5 GiB", "512 KiB", "100 bytes".
std::string DescribeBytes(int64_t bytes);

// Roughly what a value holds in memory, its own size included (a list
// counts its elements, a string its characters). Nested lists and maps are
// walked without recursion.
int64_t ApproxBytes(const Value& value);
int64_t ApproxBytes(const std::vector<Value>& row);

// What one operator holds of a budget: charged as it keeps rows, given back
// all at once by Reset (on Open and Close). Attach at every Open: the
// budget is the running statement's, and a kept plan runs again later with
// another one. Destroying a MemoryCharge gives nothing back, since after an
// error the statement's budget may be gone already.
class MemoryCharge {
 public:
  void Attach(MemoryBudget* budget) {
    Reset();
    budget_ = budget;
  }
  void Add(int64_t bytes) {
    if (budget_ == nullptr) return;
    budget_->Charge(bytes);
    held_ += bytes;
  }
  // Gives back part of what it holds (a sort that dropped rows).
  void Release(int64_t bytes) {
    if (budget_ == nullptr) return;
    if (bytes > held_) bytes = held_;
    budget_->Release(bytes);
    held_ -= bytes;
  }
  int64_t held() const { return held_; }
  void Reset() {
    if (budget_ != nullptr) budget_->Release(held_);
    held_ = 0;
    budget_ = nullptr;
  }

 private:
  MemoryBudget* budget_ = nullptr;
  int64_t held_ = 0;
};

}  // namespace kg
