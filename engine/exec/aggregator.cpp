#include "exec/aggregator.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_set>

#include "exec/query_error.h"
#include "exec/value_ops.h"

namespace kg {

namespace {

[[noreturn]] void ThrowAggregateArgument(const char* fn, const char* expected, const Value& got) {
  ThrowRuntime(std::string(fn) + "() expects " + expected + ", got " + ValueKindName(got.kind()));
}

class CountAggregator : public Aggregator {
 public:
  void Add(const Value& v) override {
    if (!v.is_null()) ++count_;
  }
  Value Finish() override { return Value(count_); }

 private:
  int64_t count_ = 0;
};

// Integers add up as integers (overflow is an error); once a float comes in,
// the sum is a float.
class SumAggregator : public Aggregator {
 public:
  void Add(const Value& v) override {
    if (v.is_null()) return;
    if (!v.is_number()) ThrowAggregateArgument("sum", "numbers", v);
    if (v.is_int() && !is_float_) {
      if (__builtin_add_overflow(int_sum_, v.as_int(), &int_sum_)) ThrowRuntime("integer overflow in sum()");
      return;
    }
    if (!is_float_) {
      is_float_ = true;
      float_sum_ = static_cast<double>(int_sum_);
    }
    float_sum_ += v.as_number();
  }
  Value Finish() override { return is_float_ ? Value(float_sum_) : Value(int_sum_); }

 private:
  bool is_float_ = false;
  int64_t int_sum_ = 0;
  double float_sum_ = 0;
};

class AvgAggregator : public Aggregator {
 public:
  void Add(const Value& v) override {
    if (v.is_null()) return;
    if (!v.is_number()) ThrowAggregateArgument("avg", "numbers", v);
    ++count_;
    // A running mean does not overflow where a sum of large integers would.
    mean_ += (static_cast<long double>(v.as_number()) - mean_) / static_cast<long double>(count_);
  }
  Value Finish() override { return count_ ? Value(static_cast<double>(mean_)) : Value(); }

 private:
  int64_t count_ = 0;
  long double mean_ = 0;
};

// min and max follow ORDER BY's order, so mixed kinds have an answer.
class ExtremeAggregator : public Aggregator {
 public:
  explicit ExtremeAggregator(bool max) : max_(max) {}
  void Add(const Value& v) override {
    if (v.is_null()) return;
    if (best_.is_null()) {
      best_ = v;
      return;
    }
    const int c = OrderCompare(v, best_);
    if (max_ ? c > 0 : c < 0) best_ = v;
  }
  Value Finish() override { return best_; }

 private:
  bool max_;
  Value best_;
};

class CollectAggregator : public Aggregator {
 public:
  void Add(const Value& v) override {
    if (!v.is_null()) list_.push_back(v);
  }
  Value Finish() override { return Value(std::move(list_)); }

 private:
  ValueList list_;
};

// Welford's online algorithm: numerically stable in one pass.
class StdDevAggregator : public Aggregator {
 public:
  explicit StdDevAggregator(bool population) : population_(population) {}
  void Add(const Value& v) override {
    if (v.is_null()) return;
    if (!v.is_number()) ThrowAggregateArgument(population_ ? "stDevP" : "stDev", "numbers", v);
    ++n_;
    const double x = v.as_number();
    const double delta = x - mean_;
    mean_ += delta / static_cast<double>(n_);
    m2_ += delta * (x - mean_);
  }
  Value Finish() override {
    const int64_t d = population_ ? n_ : n_ - 1;
    if (d <= 0) return Value(0.0);
    return Value(std::sqrt(m2_ / static_cast<double>(d)));
  }

 private:
  bool population_;
  int64_t n_ = 0;
  double mean_ = 0, m2_ = 0;
};

class PercentileAggregator : public Aggregator {
 public:
  PercentileAggregator(bool continuous, const std::vector<Value>& params) : continuous_(continuous) {
    const char* fn = name();
    if (params.empty() || params[0].is_null()) ThrowRuntime(std::string(fn) + "() needs a percentile");
    if (!params[0].is_number()) ThrowAggregateArgument(fn, "a number as its percentile", params[0]);
    percentile_ = params[0].as_number();
    if (!(percentile_ >= 0.0 && percentile_ <= 1.0)) {
      ThrowRuntime(std::string(fn) + "() percentile must be between 0.0 and 1.0, got " + params[0].ToString());
    }
  }
  void Add(const Value& v) override {
    if (v.is_null()) return;
    if (!v.is_number()) ThrowAggregateArgument(name(), "numbers", v);
    values_.push_back(v);
  }
  Value Finish() override {
    if (values_.empty()) return Value();
    std::sort(values_.begin(), values_.end(), [](const Value& a, const Value& b) { return OrderCompare(a, b) < 0; });
    const size_t n = values_.size();
    if (continuous_) {
      const double pos = percentile_ * static_cast<double>(n - 1);
      const size_t lo = static_cast<size_t>(std::floor(pos));
      const size_t hi = std::min(lo + 1, n - 1);
      const double frac = pos - static_cast<double>(lo);
      const double a = values_[lo].as_number(), b = values_[hi].as_number();
      return Value(frac == 0 ? a : a + (b - a) * frac);
    }
    // The smallest value at or above the requested share of the input.
    const double rank = std::ceil(percentile_ * static_cast<double>(n));
    const size_t index = rank < 1 ? 0 : std::min(static_cast<size_t>(rank) - 1, n - 1);
    return values_[index];
  }

 private:
  const char* name() const { return continuous_ ? "percentileCont" : "percentileDisc"; }
  bool continuous_;
  double percentile_ = 0;
  ValueList values_;
};

// Passes each equivalent value on once.
class DistinctAggregator : public Aggregator {
 public:
  explicit DistinctAggregator(std::unique_ptr<Aggregator> inner) : inner_(std::move(inner)) {}
  void Add(const Value& v) override {
    if (v.is_null()) return;
    if (seen_.insert(v).second) inner_->Add(v);
  }
  Value Finish() override { return inner_->Finish(); }

 private:
  std::unique_ptr<Aggregator> inner_;
  std::unordered_set<Value, ValueHash, ValueEquivalent> seen_;
};

}  // namespace

std::unique_ptr<Aggregator> MakeAggregator(std::string_view name, bool distinct, bool count_star,
                                           const std::vector<Value>& params) {
  std::unique_ptr<Aggregator> agg;
  if (count_star) {
    // count(*) counts rows: every Add is one, whatever it carries.
    class CountRows : public Aggregator {
     public:
      void Add(const Value&) override { ++count_; }
      Value Finish() override { return Value(count_); }

     private:
      int64_t count_ = 0;
    };
    return std::make_unique<CountRows>();
  }
  if (name == "count") {
    agg = std::make_unique<CountAggregator>();
  } else if (name == "sum") {
    agg = std::make_unique<SumAggregator>();
  } else if (name == "avg") {
    agg = std::make_unique<AvgAggregator>();
  } else if (name == "min" || name == "max") {
    agg = std::make_unique<ExtremeAggregator>(name == "max");
  } else if (name == "collect") {
    agg = std::make_unique<CollectAggregator>();
  } else if (name == "stdev" || name == "stdevp") {
    agg = std::make_unique<StdDevAggregator>(name == "stdevp");
  } else if (name == "percentilecont" || name == "percentiledisc") {
    agg = std::make_unique<PercentileAggregator>(name == "percentilecont", params);
  } else {
    ThrowSemantic("unknown aggregate function '" + std::string(name) + "'");
  }
  if (distinct) return std::make_unique<DistinctAggregator>(std::move(agg));
  return agg;
}

}  // namespace kg
