// ProgressLine: "⠋ running 3.2 s (Ctrl-C cancels)" on stderr while a long
// piece of work runs, wiped when it ends. Silent for the first second (most
// work is done by then) and when disabled (stderr is not a terminal).
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

namespace kg::shell {

class ProgressLine {
 public:
  explicit ProgressLine(bool enabled);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

 private:
  void Loop();

  bool enabled_;
  bool done_ = false;
  bool shown_ = false;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::thread thread_;
};

}  // namespace kg::shell
