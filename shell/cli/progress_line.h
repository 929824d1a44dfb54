// ProgressLine: "⠋ running 3.2 s (Ctrl-C cancels)" on stderr while a long
// piece of work runs, wiped when it ends. Silent for the first second (most
// work is done by then) and when disabled (stderr is not a terminal).
// Work that knows how far it got says so with SetText: "⠋ exporting 120000
// of 1100000 elements 3.2 s (Ctrl-C cancels)".
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace kg::shell {

class ProgressLine {
 public:
  explicit ProgressLine(bool enabled);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // What the line says in place of "running" from its next redraw on (any
  // thread may call it; cheap enough to call for every few thousand rows).
  void SetText(std::string text);

 private:
  void Loop();

  bool enabled_;
  bool done_ = false;
  bool shown_ = false;
  std::string text_ = "running";
  std::mutex mutex_;
  std::condition_variable cv_;
  std::thread thread_;
};

}  // namespace kg::shell
