// What the crash test and the concurrency soak share: running this same
// program again as a child in another role, and the log through which a
// child tells what it did: a line per event, written with one write()
// before the child goes on. A completed write() is in the kernel's page
// cache, which a SIGKILL of the writer cannot take back, so a line in the
// log is a fact after a kill without an fsync (which would cost 10-20 ms a
// line on a disk and slow the writer a hundredfold); only a power loss
// could lose it, and the test kills processes, not machines.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace kg::crash {

// Starts this program again with `args` (argv[1...]); returns its pid.
// fork() then exec() at once: the parent may have RocksDB threads, which a
// forked child must not rely on.
inline pid_t SpawnSelf(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  static char self[] = "/proc/self/exe";
  argv.push_back(self);
  std::vector<std::string> copy = args;
  for (std::string& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    execv("/proc/self/exe", argv.data());
    _exit(127);
  }
  return pid;
}

// The child's exit code, or 128 + the signal that ended it.
inline int Wait(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

// Appends lines to a file, each with one write().
class EventLog {
 public:
  explicit EventLog(const std::string& path) : fd_(open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT, 0644)) {
    if (fd_ < 0) {
      std::cerr << "cannot open the log " << path << "\n";
      std::exit(3);
    }
  }
  ~EventLog() { close(fd_); }
  EventLog(const EventLog&) = delete;
  EventLog& operator=(const EventLog&) = delete;

  void Line(const std::string& text) {
    const std::string line = text + "\n";
    if (write(fd_, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
      std::cerr << "cannot write the log\n";
      std::exit(3);
    }
  }

 private:
  int fd_;
};

// The complete lines of a log (a line cut short by a kill is left out).
inline std::vector<std::string> ReadLog(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

}  // namespace kg::crash
