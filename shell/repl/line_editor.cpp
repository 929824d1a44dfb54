// LineEditor: libedit's native API (el_init, el_gets, history) with our own
// character reader, Tab completion and history file handling.
#include "repl/line_editor.h"

#include <histedit.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>

#include "cli/interrupt.h"
#include "common/utf8.h"
#include "output/display_width.h"

namespace kg::shell {
namespace {

volatile sig_atomic_t g_resized = 0;

extern "C" void OnSigwinch(int) { g_resized = 1; }

LineEditor* Self(EditLine* el) {
  void* data = nullptr;
  el_get(el, EL_CLIENTDATA, &data);
  return static_cast<LineEditor*>(data);
}

// UTF-8 to libedit's wide characters; a byte that is not UTF-8 becomes U+FFFD.
std::wstring Widen(std::string_view s) {
  std::wstring out;
  size_t i = 0;
  while (i < s.size()) {
    const utf8::CodePoint cp = utf8::DecodeAt(s, i);
    out += static_cast<wchar_t>(cp.length == 0 ? 0xFFFD : cp.value);
    i += cp.length == 0 ? 1 : cp.length;
  }
  return out;
}

}  // namespace

LineEditor::LineEditor(Options options, FILE* in, FILE* out, FILE* err)
    : options_(std::move(options)), in_(in), out_(out), err_(err), fd_(fileno(in)) {
  history_ = history_init();
  HistEvent ev;
  history(history_, &ev, H_SETSIZE, std::max(1, options_.history_size));
  history(history_, &ev, H_SETUNIQUE, 1);  // no two equal entries in a row
  if (!options_.history_path.empty()) {
    // A missing file is the first session; anything else unreadable starts
    // an empty history that the first save replaces.
    history(history_, &ev, H_LOAD, options_.history_path.c_str());
  }

  el_ = el_init(options_.program.c_str(), in_, out_, err_);
  el_set(el_, EL_CLIENTDATA, static_cast<void*>(this));
  el_set(el_, EL_EDITOR, "emacs");
  el_set(el_, EL_SIGNAL, 0);
  el_set(el_, EL_PROMPT, &LineEditor::PromptFn);
  el_set(el_, EL_HIST, history, history_);
  el_set(el_, EL_GETCFN, &LineEditor::ReadCharFn);
  // el_wset keeps these pointers (el_set would copy them and never free the copies).
  el_wset(el_, EL_ADDFN, L"kg-complete", L"complete the word before the cursor", &LineEditor::CompleteKeyFn);
  el_set(el_, EL_BIND, "^I", "kg-complete", nullptr);
  // libedit's emacs map binds ^R to ed-redisplay; readline users expect the
  // reverse history search there.
  el_set(el_, EL_BIND, "^R", "em-inc-search-prev", nullptr);
  // Ctrl-Left / Ctrl-Right (xterm) move by words, as in readline.
  el_set(el_, EL_BIND, "\\e[1;5D", "ed-prev-word", nullptr);
  el_set(el_, EL_BIND, "\\e[1;5C", "em-next-word", nullptr);
  // $EDITRC or ~/.editrc may change bindings (lines may start with "kg:").
  el_source(el_, nullptr);
}

LineEditor::~LineEditor() {
  if (el_ != nullptr) el_end(el_);  // also puts the terminal back as it was
  if (history_ != nullptr) history_end(history_);
}

char* LineEditor::PromptFn(EditLine* el) { return Self(el)->prompt_.data(); }

int LineEditor::ReadCharFn(EditLine* el, wchar_t* out) { return Self(el)->ReadChar(out); }

unsigned char LineEditor::CompleteKeyFn(EditLine* el, int) { return Self(el)->Complete(); }

LineEditor::ReadStatus LineEditor::ReadLine(std::string* line) {
  std::cout.flush();
  std::cerr.flush();
  fflush(out_);
  interrupted_ = false;
  has_pushback_ = false;
  // A Ctrl-C from before (one that cancelled the last statement) is no
  // reason to drop this line.
  TakeInterrupt();

  struct sigaction winch;
  struct sigaction old_winch;
  std::memset(&winch, 0, sizeof winch);
  winch.sa_handler = OnSigwinch;
  sigemptyset(&winch.sa_mask);
  winch.sa_flags = 0;  // no SA_RESTART: a blocked wait returns and the line is redrawn
  sigaction(SIGWINCH, &winch, &old_winch);
  g_resized = 0;

  // el_gets would print the prompt first and make the terminal raw only
  // when it reads the first key: a key pressed in between is read in
  // canonical mode, where Ctrl-D on an empty line turns into a NUL byte
  // and is lost. Raw before the prompt closes that gap.
  el_set(el_, EL_PREP_TERM, 1);
  int count = 0;
  const char* text = el_gets(el_, &count);

  sigaction(SIGWINCH, &old_winch, nullptr);
  if (text == nullptr || count <= 0) {
    if (interrupted_) {
      el_reset(el_);
      fputs("^C\n", out_);
      fflush(out_);
      return ReadStatus::kInterrupted;
    }
    return ReadStatus::kEof;
  }
  line->assign(text, static_cast<size_t>(count));
  while (!line->empty() && (line->back() == '\n' || line->back() == '\r')) line->pop_back();
  return ReadStatus::kLine;
}

int LineEditor::ReadByte(unsigned char* byte) {
  if (has_pushback_) {
    has_pushback_ = false;
    *byte = pushback_;
    return 1;
  }
  for (;;) {
    // SIGINT and SIGWINCH are blocked between looking at their flags and
    // waiting, and let through only inside ppoll: a signal that comes just
    // before the wait still ends it instead of being noticed a key later.
    sigset_t block;
    sigset_t old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGWINCH);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    if (TakeInterrupt()) {
      pthread_sigmask(SIG_SETMASK, &old, nullptr);
      interrupted_ = true;
      errno = EINTR;
      return -1;
    }
    if (g_resized) {
      g_resized = 0;
      pthread_sigmask(SIG_SETMASK, &old, nullptr);
      el_resize(el_);
      el_set(el_, EL_REFRESH);
      continue;
    }
    struct pollfd wait_for;
    wait_for.fd = fd_;
    wait_for.events = POLLIN;
    wait_for.revents = 0;
    const int ready = ppoll(&wait_for, 1, nullptr, &old);
    const int poll_errno = errno;
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    if (ready < 0) {
      if (poll_errno == EINTR) continue;
      return -1;
    }
    const ssize_t n = read(fd_, byte, 1);
    if (n == 1) return 1;
    if (n == 0) return 0;
    if (errno == EINTR || errno == EAGAIN) continue;
    return -1;  // EIO: the terminal is gone
  }
}

int LineEditor::ReadChar(wchar_t* out) {
  unsigned char lead = 0;
  const int r = ReadByte(&lead);
  if (r <= 0) return r;
  const size_t length = utf8::SequenceLength(lead);
  if (length == 0) {
    *out = static_cast<wchar_t>(0xFFFD);  // a stray continuation byte or 0xF8..0xFF
    return 1;
  }
  std::string sequence(1, static_cast<char>(lead));
  while (sequence.size() < length) {
    unsigned char b = 0;
    const int more = ReadByte(&b);
    if (more <= 0) return more;  // an unfinished sequence is dropped
    if (!utf8::IsContinuation(b)) {
      // The sequence broke off: report it, and read this byte afresh.
      pushback_ = b;
      has_pushback_ = true;
      *out = static_cast<wchar_t>(0xFFFD);
      return 1;
    }
    sequence += static_cast<char>(b);
  }
  // Overlong forms, surrogates and values past U+10FFFF decode to nothing.
  const utf8::CodePoint cp = utf8::DecodeAt(sequence, 0);
  *out = static_cast<wchar_t>(cp.length == 0 ? 0xFFFD : cp.value);
  return 1;
}

unsigned char LineEditor::Complete() {
  if (!complete_) return CC_REFRESH_BEEP;
  const LineInfoW* info = el_wline(el_);
  std::string before;
  for (const wchar_t* p = info->buffer; p < info->cursor; ++p) utf8::AppendCodePoint(&before, static_cast<int32_t>(*p));
  const std::string text = earlier_lines_.empty() ? before : earlier_lines_ + "\n" + before;

  const Completion c = complete_(text);
  if (c.changes_line()) {
    // The word being replaced lies on this line (a `name spanning lines
    // cannot be completed).
    if (c.replace_bytes > before.size()) return CC_REFRESH_BEEP;
    const int chars = static_cast<int>(utf8::Length(std::string_view(before).substr(before.size() - c.replace_bytes)));
    if (chars > 0) el_deletestr(el_, chars);
    if (!c.insert.empty() && el_winsertstr(el_, Widen(c.insert).c_str()) != 0) return CC_REFRESH_BEEP;
    return CC_REFRESH;
  }
  if (c.candidates.empty()) return CC_REFRESH_BEEP;
  PrintCandidates(c.candidates);
  return CC_REDISPLAY;
}

void LineEditor::PrintCandidates(const std::vector<std::string>& candidates) {
  int columns = 80;
  struct winsize ws;
  if (ioctl(fileno(out_), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) columns = ws.ws_col;

  constexpr size_t kMaxShown = 300;
  const size_t shown = std::min(candidates.size(), kMaxShown);
  int widest = 1;
  for (size_t i = 0; i < shown; ++i) widest = std::max(widest, DisplayWidth(candidates[i]));
  const int gap = 2;
  const size_t per_row = static_cast<size_t>(std::max(1, (columns + gap) / (widest + gap)));
  const size_t rows = (shown + per_row - 1) / per_row;

  // Sorted down the columns, as ls lists files.
  std::string text = "\n";
  for (size_t r = 0; r < rows; ++r) {
    for (size_t col = 0; col < per_row; ++col) {
      const size_t i = col * rows + r;
      if (i >= shown) break;
      text += candidates[i];
      const bool last = col + 1 == per_row || (col + 1) * rows + r >= shown;
      if (!last) text.append(static_cast<size_t>(widest + gap - DisplayWidth(candidates[i])), ' ');
    }
    text += "\n";
  }
  if (shown < candidates.size()) text += "(and " + std::to_string(candidates.size() - shown) + " more)\n";
  fputs(text.c_str(), out_);
  fflush(out_);
}

void LineEditor::AddHistory(const std::string& entry) {
  HistEvent ev;
  if (history(history_, &ev, H_ENTER, entry.c_str()) < 0) return;
  if (options_.history_path.empty() || save_failed_) return;
  if (history(history_, &ev, H_SAVE, options_.history_path.c_str()) < 0) {
    save_failed_ = true;
    const int saved_errno = errno;
    fprintf(err_, "kg: cannot save the history to %s (%s); it is kept for this session only\n",
            options_.history_path.c_str(), saved_errno != 0 ? strerror(saved_errno) : "unknown error");
    fflush(err_);
  }
}

}  // namespace kg::shell
