// PtySession: runs a program on a pseudo-terminal (forkpty) so a test can
// type into it as a person would and read what it shows.
//
// Output is kept as the raw bytes the program wrote (escape sequences and
// all) and searched for substrings: WaitFor waits, reading as output comes,
// until the text appears after the read mark, then moves the mark past it,
// so a later WaitFor finds only what came after. Waits are for output,
// never for time, with a generous time limit for a loaded machine.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

extern char** environ;

namespace kg::test {

class PtySession {
 public:
  static constexpr double kTimeout = 20.0;  // seconds

  // Starts argv[0] (a path) with `env` set on top of this process's
  // environment, on a terminal `cols` wide and `rows` high.
  PtySession(const std::vector<std::string>& argv, const std::vector<std::pair<std::string, std::string>>& env,
             unsigned short cols = 100, unsigned short rows = 40) {
    // Everything the child needs is made before fork: after it, the child
    // only calls execve.
    std::vector<std::string> env_strings;
    for (char** e = environ; *e != nullptr; ++e) {
      const std::string entry(*e);
      bool replaced = false;
      for (const auto& [name, value] : env) replaced = replaced || entry.rfind(name + "=", 0) == 0;
      if (!replaced) env_strings.push_back(entry);
    }
    for (const auto& [name, value] : env) env_strings.push_back(name + "=" + value);
    std::vector<char*> envp;
    for (std::string& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
    std::vector<std::string> args = argv;
    std::vector<char*> argp;
    for (std::string& s : args) argp.push_back(s.data());
    argp.push_back(nullptr);

    struct winsize size;
    std::memset(&size, 0, sizeof size);
    size.ws_col = cols;
    size.ws_row = rows;
    pid_ = forkpty(&master_, nullptr, nullptr, &size);
    if (pid_ < 0) throw std::runtime_error(std::string("forkpty: ") + std::strerror(errno));
    if (pid_ == 0) {
      execve(argp[0], argp.data(), envp.data());
      _exit(127);
    }
  }

  ~PtySession() {
    if (!exited_) {
      kill(pid_, SIGKILL);
      int status = 0;
      waitpid(pid_, &status, 0);
    }
    if (master_ >= 0) close(master_);
  }

  PtySession(const PtySession&) = delete;
  PtySession& operator=(const PtySession&) = delete;

  // Types `bytes` (all of them, however long).
  void Send(std::string_view bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = write(master_, bytes.data() + done, bytes.size() - done);
      if (n > 0) {
        done += static_cast<size_t>(n);
      } else if (n < 0 && errno != EINTR && errno != EAGAIN) {
        return;
      } else {
        Pump(0.05);  // the program reads slower than we type: let its output flow
      }
    }
  }

  // Waits until `text` appears after the read mark and moves the mark past
  // it. False when the time runs out or the program's output ends first.
  bool WaitFor(std::string_view text, double seconds = kTimeout) {
    const auto deadline = Clock::now() + ToDuration(seconds);
    for (;;) {
      const size_t at = out_.find(text, mark_);
      if (at != std::string::npos) {
        mark_ = at + text.size();
        return true;
      }
      if (eof_ || Clock::now() >= deadline) return false;
      Pump(SecondsUntil(deadline));
    }
  }

  // Whether `text` appears after the read mark within `seconds` (the mark
  // stays). For checks that something does NOT happen, so the time spent
  // is the point.
  bool Appears(std::string_view text, double seconds) {
    const auto deadline = Clock::now() + ToDuration(seconds);
    for (;;) {
      if (out_.find(text, mark_) != std::string::npos) return true;
      if (eof_ || Clock::now() >= deadline) return false;
      Pump(SecondsUntil(deadline));
    }
  }

  // Waits for the program to end, reading its output meanwhile; its exit
  // status, or -1 when it did not end in time or died of a signal.
  int WaitExit(double seconds = kTimeout) {
    const auto deadline = Clock::now() + ToDuration(seconds);
    while (!exited_) {
      int status = 0;
      const pid_t r = waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        exited_ = true;
        exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        break;
      }
      if (Clock::now() >= deadline) return -1;
      if (eof_) {
        // Nothing more to read: wait a little for the process itself.
        poll(nullptr, 0, 10);
      } else {
        Pump(std::min(0.1, SecondsUntil(deadline)));
      }
    }
    while (!eof_ && Pump(0.0)) {
    }
    return exit_status_;
  }

  // Changes the terminal's size: the program gets SIGWINCH.
  void Resize(unsigned short cols, unsigned short rows) {
    struct winsize size;
    std::memset(&size, 0, sizeof size);
    size.ws_col = cols;
    size.ws_row = rows;
    ioctl(master_, TIOCSWINSZ, &size);
  }

  const std::string& output() const { return out_; }
  std::string unread() const { return out_.substr(mark_); }
  pid_t pid() const { return pid_; }

 private:
  using Clock = std::chrono::steady_clock;

  static Clock::duration ToDuration(double seconds) {
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  }
  static double SecondsUntil(Clock::time_point deadline) {
    return std::max(0.0, std::chrono::duration<double>(deadline - Clock::now()).count());
  }

  // Reads what is there, waiting up to `seconds` for something; false when
  // nothing came.
  bool Pump(double seconds) {
    struct pollfd p;
    p.fd = master_;
    p.events = POLLIN;
    p.revents = 0;
    const int ms = static_cast<int>(seconds * 1000.0 + 0.5);
    const int ready = poll(&p, 1, ms);
    if (ready <= 0) return false;
    char buf[4096];
    const ssize_t n = read(master_, buf, sizeof buf);
    if (n > 0) {
      out_.append(buf, static_cast<size_t>(n));
      return true;
    }
    if (n == 0 || (errno != EINTR && errno != EAGAIN)) eof_ = true;  // EIO: the program closed the terminal
    return false;
  }

  int master_ = -1;
  pid_t pid_ = -1;
  std::string out_;
  size_t mark_ = 0;
  bool eof_ = false;
  bool exited_ = false;
  int exit_status_ = -1;
};

}  // namespace kg::test
