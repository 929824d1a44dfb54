// StopSignal: when long work should stop early.
//
// Two things stop a statement: the caller asks (an atomic flag, set by
// Database::Interrupt, from another thread or a signal handler, as Ctrl-C
// does), or its time runs out (the query timeout: a deadline on the steady
// clock). Loops that may run long test Requested() every few thousand
// steps and give up with a kInterrupted status; the statement's runner tells
// the two apart afterwards (TimedOut) for the message.
//
// A StopSignal is a small value: copy it freely. One made from a flag alone
// (or nullptr: never stop) converts implicitly, so code that only knows
// about a flag passes it as is.
#pragma once

#include <atomic>
#include <chrono>

namespace kg {

class StopSignal {
 public:
  using Clock = std::chrono::steady_clock;

  StopSignal() = default;
  StopSignal(const std::atomic<bool>* flag) : flag_(flag) {}  // NOLINT: implicit by design
  StopSignal(const std::atomic<bool>* flag, Clock::time_point deadline)
      : flag_(flag), deadline_(deadline), has_deadline_(true) {}

  // Whether the work should stop now. One relaxed load, and with a
  // deadline a read of the clock (some 20 ns): tight loops test it every
  // few thousand steps, not every step.
  bool Requested() const { return FlagSet() || TimedOut(); }
  // The caller asked to stop.
  bool FlagSet() const { return flag_ != nullptr && flag_->load(std::memory_order_relaxed); }
  // The deadline has passed.
  bool TimedOut() const { return has_deadline_ && Clock::now() >= deadline_; }
  bool has_deadline() const { return has_deadline_; }

 private:
  const std::atomic<bool>* flag_ = nullptr;
  Clock::time_point deadline_{};
  bool has_deadline_ = false;
};

}  // namespace kg
