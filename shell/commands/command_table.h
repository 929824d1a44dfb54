// The REPL's ':' commands: one table that the session dispatches from
// (Session::RunCommand) and that help and completion read. A row is the
// command's name, its aliases, its arguments, a one-line summary, an example
// and the Session member that runs it (session_commands.cpp).
//
// A new command is one row in Commands() (command_table.cpp) and its
// handler: a `bool RunX(std::string_view args, const Origin& origin)` member
// of Session, declared with the others in session.h.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kg::shell {

class Session;
struct Origin;

struct CommandInfo {
  // Runs the command with the words after its name (trimmed; a ';' at the
  // end dropped); `origin` is where the line came from, for error messages.
  // Reports its own errors on the session's error stream; false when the
  // command failed.
  using Handler = bool (Session::*)(std::string_view args, const Origin& origin);

  std::string name;                  // ":schema"
  std::vector<std::string> aliases;  // other names it answers to: ":exit", ":q"
  std::string args;                  // "[TOPIC]", "" when it takes none; "[a|b|c]": completion offers a, b, c
  std::string summary;               // one line
  std::string example;               // ":help match"
  Handler run = nullptr;
  // What the first argument may be, for completion; empty: the "[a|b|c]"
  // of `args`, if any.
  std::vector<std::string> choices = {};
};

const std::vector<CommandInfo>& Commands();
// The command of that name or alias (":quit", ":exit", ":q"), or nullptr.
const CommandInfo* FindCommand(std::string_view name);
// The nearest command name by edit distance, for "unknown command ':shema' (did you mean :schema?)";
// empty when nothing is close.
std::string NearestCommand(std::string_view name);

}  // namespace kg::shell
