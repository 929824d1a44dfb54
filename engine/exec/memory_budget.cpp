#include "exec/memory_budget.h"

#include <cstdio>

#include "exec/query_error.h"

namespace kg {

void MemoryBudget::Charge(int64_t bytes) {
  if (limit_ > 0 && used_ + bytes > limit_) Exceeded();
  used_ += bytes;
}

void MemoryBudget::CheckFits(int64_t bytes) const {
  if (limit_ > 0 && (bytes > limit_ || used_ + bytes > limit_)) Exceeded();
}

void MemoryBudget::Exceeded() const {
  ThrowRuntime("the statement needed more than " + DescribeBytes(limit_) +
               " of memory, the memory limit of a statement; it changed nothing");
}

std::string DescribeBytes(int64_t bytes) {
  static const char* const kUnits[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  double amount = static_cast<double>(bytes);
  int unit = 0;
  while (amount >= 1024 && unit < 4) {
    amount /= 1024;
    ++unit;
  }
  char text[48];
  if (unit == 0 || amount == static_cast<double>(static_cast<int64_t>(amount))) {
    std::snprintf(text, sizeof text, "%lld %s", static_cast<long long>(amount), kUnits[unit]);
  } else {
    std::snprintf(text, sizeof text, "%.1f %s", amount, kUnits[unit]);
  }
  return text;
}

int64_t ApproxBytes(const Value& value) {
  int64_t total = 0;
  std::vector<const Value*> pending{&value};
  while (!pending.empty()) {
    const Value* v = pending.back();
    pending.pop_back();
    total += static_cast<int64_t>(sizeof(Value));
    switch (v->kind()) {
      case Value::Kind::kString:
        if (v->as_string().size() > 15) total += static_cast<int64_t>(v->as_string().size()) + 1;
        break;
      case Value::Kind::kList:
        for (const Value& item : v->as_list()) pending.push_back(&item);
        break;
      case Value::Kind::kMap:
        for (const auto& [key, item] : v->as_map()) {
          total += static_cast<int64_t>(key.size()) + 64;  // the tree node and the key
          pending.push_back(&item);
        }
        break;
      case Value::Kind::kPath:
        total += static_cast<int64_t>(v->as_path().nodes.size() * sizeof(NodeRef) +
                                      v->as_path().rels.size() * sizeof(RelRef));
        break;
      default:
        break;
    }
  }
  return total;
}

int64_t ApproxBytes(const std::vector<Value>& row) {
  int64_t total = static_cast<int64_t>(sizeof(row));
  for (const Value& v : row) total += ApproxBytes(v);
  return total;
}

}  // namespace kg
