// The interactive loop of the kg shell: prompts "kg> " and "  -> ", reads
// lines through LineEditor until what was typed is ready to run, runs it in
// the Session, and keeps the history across sessions.
#pragma once

#include <string>
#include <vector>

namespace kg::shell {

class Session;

struct ReplOptions {
  // The history file, read at start and written after every entry (see
  // HistoryPath()). Empty: the history lasts for this session only.
  std::string history_path;
  int history_size = 1000;
};

// Runs the REPL on the terminal (stdin/stdout) until Ctrl-D on an empty
// prompt or :quit. Ctrl-C while typing drops what was typed and prompts
// afresh; while a statement runs it cancels the statement (the session's
// part). Returns the exit status: kExitOk.
int RunRepl(Session& session, const ReplOptions& options);

// $XDG_STATE_HOME/kg/history (when XDG_STATE_HOME is an absolute path),
// else $HOME/.local/state/kg/history; empty when neither is set.
std::string DefaultHistoryPath();

// DefaultHistoryPath() with its directory created. When that cannot be
// done, says so on stderr (call it once) and returns "": the REPL then goes
// on without persistent history.
std::string HistoryPath();

// One history entry for a statement typed on several lines: each line
// trimmed, a trailing // comment dropped (it would swallow the next lines),
// joined with single spaces.
std::string JoinForHistory(const std::vector<std::string>& lines);

// Makes LC_CTYPE the user's locale, or C.UTF-8 when that is "C"/"POSIX" (or
// invalid), so that libedit edits and shows multibyte characters.
void UseUtf8Locale();

}  // namespace kg::shell
