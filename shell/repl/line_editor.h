// LineEditor: reads one line from the terminal with libedit (histedit.h):
// emacs key bindings, Ctrl-R reverse search, history kept in a file, Tab
// completion through a callback, and Ctrl-C that clears the line.
//
// Input is read by our own function (EL_GETCFN): it decodes UTF-8 itself,
// so Vietnamese typed or pasted arrives as whole characters and a malformed
// byte becomes U+FFFD instead of confusing the editor; and it notices
// SIGINT (see interrupt.h: the handler has no SA_RESTART) and makes el_gets
// give up, which is how Ctrl-C is told apart from Ctrl-D. SIGWINCH is
// caught only while a line is read; the read function then resizes and
// redraws. libedit's own signal handling (EL_SIGNAL) stays off: it would
// re-raise SIGINT and take over the handlers the shell installed.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include "repl/completer.h"

typedef struct editline EditLine;
typedef struct history History;

namespace kg::shell {

class LineEditor {
 public:
  struct Options {
    std::string program = "kg";  // the name .editrc lines may start with ("kg:bind ...")
    // The history file: read at start, written after every entry. Empty:
    // history for this session only.
    std::string history_path;
    int history_size = 1000;
  };

  enum class ReadStatus {
    kLine,         // a line (without its newline)
    kEof,          // Ctrl-D on an empty line, or the terminal went away
    kInterrupted,  // Ctrl-C: the line was dropped and "^C" printed
  };

  // What Tab does: given the text before the cursor (earlier lines set by
  // SetEarlierLines, a newline, then the current line up to the cursor).
  using CompleteFn = std::function<Completion(std::string_view text)>;

  // `in` must stay open while the editor lives; prompts, completion lists
  // and notes go to `out` and `err`.
  explicit LineEditor(Options options, FILE* in = stdin, FILE* out = stdout, FILE* err = stderr);
  ~LineEditor();
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  void SetPrompt(std::string prompt) { prompt_ = std::move(prompt); }
  void SetEarlierLines(std::string text) { earlier_lines_ = std::move(text); }
  void SetCompletion(CompleteFn fn) { complete_ = std::move(fn); }

  ReadStatus ReadLine(std::string* line);

  // Adds an entry to the history (not when it repeats the last one) and
  // saves the history file at once, so a crash loses nothing.
  void AddHistory(const std::string& entry);

 private:
  static char* PromptFn(EditLine* el);
  static int ReadCharFn(EditLine* el, wchar_t* out);
  static unsigned char CompleteKeyFn(EditLine* el, int ch);

  int ReadChar(wchar_t* out);
  int ReadByte(unsigned char* byte);
  unsigned char Complete();
  void PrintCandidates(const std::vector<std::string>& candidates);

  Options options_;
  FILE* in_;
  FILE* out_;
  FILE* err_;
  int fd_;
  EditLine* el_ = nullptr;
  History* history_ = nullptr;
  std::string prompt_;
  std::string earlier_lines_;
  CompleteFn complete_;
  bool interrupted_ = false;
  bool has_pushback_ = false;
  unsigned char pushback_ = 0;
  bool save_failed_ = false;
};

}  // namespace kg::shell
