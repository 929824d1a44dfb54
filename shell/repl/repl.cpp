// The REPL loop: welcome line, prompts, continuation lines, history, Ctrl-C
// and Ctrl-D, and Tab completion fed from the open database's catalogue.
#include "repl/repl.h"

#include <langinfo.h>

#include <cctype>
#include <clocale>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "commands/command_table.h"
#include "common/input_file.h"
#include "repl/completer.h"
#include "repl/line_editor.h"
#include "session/session.h"
#include "session/session_text.h"

namespace kg::shell {
namespace {

bool IsQuitCommand(const std::string& entry) {
  const size_t end = entry.find_first_of(" \t");
  const CommandInfo* command = FindCommand(entry.substr(0, end));
  return command != nullptr && command->name == ":quit";
}

SchemaNames ReadSchema(Session& session) {
  Database::CatalogOutline outline = session.database().Outline();
  SchemaNames names;
  names.labels = std::move(outline.labels);
  names.rel_types = std::move(outline.relationship_types);
  names.property_keys = std::move(outline.property_keys);
  for (const Procedure* p : session.database().procedures().All()) names.procedures.push_back(p->name);
  return names;
}

}  // namespace

void UseUtf8Locale() {
  const char* locale = std::setlocale(LC_CTYPE, "");
  const char* codeset = nl_langinfo(CODESET);
  const bool plain = locale == nullptr || std::strcmp(locale, "C") == 0 || std::strcmp(locale, "POSIX") == 0 ||
                     (codeset != nullptr && std::strcmp(codeset, "ANSI_X3.4-1968") == 0);
  if (plain && std::setlocale(LC_CTYPE, "C.UTF-8") == nullptr) std::setlocale(LC_CTYPE, "C.utf8");
}

std::string DefaultHistoryPath() {
  const char* state = std::getenv("XDG_STATE_HOME");
  if (state != nullptr && state[0] == '/') return std::string(state) + "/kg/history";
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] != '\0') return std::string(home) + "/.local/state/kg/history";
  return "";
}

std::string HistoryPath() {
  std::ostream& err = std::cerr;
  const std::string path = DefaultHistoryPath();
  if (path.empty()) {
    err << "kg: neither XDG_STATE_HOME nor HOME is set; the history is kept for this session only\n";
    return "";
  }
  const std::filesystem::path dir = std::filesystem::path(path).parent_path();
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir, ec)) {
    err << "kg: cannot create " << dir.string() << " (" << (ec ? ec.message() : "not a directory")
        << "); the history is kept for this session only\n";
    return "";
  }
  // libedit reads the file whole: a directory, a device (a link to
  // /dev/zero would never end) or a huge file is left alone, unread.
  if (std::filesystem::exists(path, ec)) {
    if (const Status s = CheckInputFile(path, kHistoryFile); !s.ok()) {
      err << "kg: " << s.message() << "; the history is kept for this session only\n";
      return "";
    }
  }
  return path;
}

std::string JoinForHistory(const std::vector<std::string>& lines) {
  enum class State { kCode, kSingle, kDouble, kBackquote, kBlockComment };
  State state = State::kCode;
  std::string out;
  for (size_t n = 0; n < lines.size(); ++n) {
    const std::string& line = lines[n];
    const bool last = n + 1 == lines.size();
    size_t keep = line.size();
    for (size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      const char next = i + 1 < line.size() ? line[i + 1] : '\0';
      switch (state) {
        case State::kCode:
          if (c == '/' && next == '/' && !last) {
            keep = i;
            i = line.size();
          } else if (c == '/' && next == '*') {
            state = State::kBlockComment;
            ++i;
          } else if (c == '\'') {
            state = State::kSingle;
          } else if (c == '"') {
            state = State::kDouble;
          } else if (c == '`') {
            state = State::kBackquote;
          }
          break;
        case State::kSingle:
        case State::kDouble:
          if (c == '\\') {
            ++i;
          } else if (c == (state == State::kSingle ? '\'' : '"')) {
            state = State::kCode;
          }
          break;
        case State::kBackquote:
          if (c == '`') state = State::kCode;  // a doubled one closes and reopens
          break;
        case State::kBlockComment:
          if (c == '*' && next == '/') {
            state = State::kCode;
            ++i;
          }
          break;
      }
    }
    const std::string part(Trim(std::string_view(line).substr(0, keep)));
    if (part.empty()) continue;
    if (!out.empty()) out += ' ';
    out += part;
  }
  return out;
}

int RunRepl(Session& session, const ReplOptions& options) {
  UseUtf8Locale();  // before el_init: libedit decides then whether the terminal is UTF-8
  InstallInterruptHandler();

  LineEditor::Options editor_options;
  editor_options.history_size = options.history_size;
  editor_options.history_path = options.history_path;
  LineEditor editor(editor_options);
  const Completer completer([&session] { return ReadSchema(session); });
  editor.SetCompletion([&completer](std::string_view text) { return completer.Complete(text); });

  std::cout << session.WelcomeLine() << "\n";
  std::vector<std::string> lines;  // what has been typed of the input not yet run
  std::string input;               // those lines joined with newlines
  for (;;) {
    editor.SetPrompt(lines.empty() ? session.Prompt() : session.ContinuationPrompt());
    editor.SetEarlierLines(input);
    std::string line;
    const LineEditor::ReadStatus status = editor.ReadLine(&line);
    if (status == LineEditor::ReadStatus::kInterrupted) {
      lines.clear();
      input.clear();
      continue;
    }
    if (status == LineEditor::ReadStatus::kEof) {
      // Ctrl-D: leave (an unfinished statement is dropped).
      std::cout << "\n";
      break;
    }
    if (lines.empty() && Trim(line).empty()) continue;
    lines.push_back(line);
    input = lines.size() == 1 ? line : input + "\n" + line;
    if (!session.InputIsComplete(input)) continue;

    const std::string entry = JoinForHistory(lines);
    if (!IsQuitCommand(entry)) editor.AddHistory(entry);
    // Positions in errors count from the start of what was just typed.
    session.RunInput(input, Origin{"<repl>", 1, 1});
    std::cout.flush();
    std::cerr.flush();
    lines.clear();
    input.clear();
    if (session.quit_requested()) break;
  }
  std::cout.flush();
  return kExitOk;
}

}  // namespace kg::shell
