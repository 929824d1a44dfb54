#include "cli/progress_line.h"

#include <chrono>
#include <cstdio>
#include <iostream>

namespace kg::shell {

ProgressLine::ProgressLine(bool enabled) : enabled_(enabled) {
  if (enabled_) thread_ = std::thread([this] { Loop(); });
}

ProgressLine::~ProgressLine() {
  if (!enabled_) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = true;
  }
  cv_.notify_all();
  thread_.join();
  if (shown_) std::cerr << "\r\x1b[K" << std::flush;
}

void ProgressLine::SetText(std::string text) {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  text_ = std::move(text);
}

void ProgressLine::Loop() {
  const auto start = std::chrono::steady_clock::now();
  std::unique_lock<std::mutex> lock(mutex_);
  if (cv_.wait_for(lock, std::chrono::seconds(1), [this] { return done_; })) return;
  static const char* const kSpinner[] = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
  for (int tick = 0; !done_; ++tick) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char buf[192];
    std::snprintf(buf, sizeof buf, "\r%s %s %.1f s (Ctrl-C cancels)\x1b[K", kSpinner[tick % 10], text_.c_str(),
                  seconds);
    std::cerr << buf << std::flush;
    shown_ = true;
    cv_.wait_for(lock, std::chrono::milliseconds(100), [this] { return done_; });
  }
}

}  // namespace kg::shell
