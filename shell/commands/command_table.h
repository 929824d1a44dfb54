// The REPL's ':' commands: names, arguments and one-line descriptions.
// The session runs them (session.cpp); help and completion read this table.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kg::shell {

struct CommandInfo {
  std::string name;     // ":schema"
  std::string args;     // "[TOPIC]", "" when it takes none
  std::string summary;  // one line
  std::string example;  // ":help match"
};

const std::vector<CommandInfo>& Commands();
// The command of that name (":quit", also its aliases such as ":exit" and ":q"), or nullptr.
const CommandInfo* FindCommand(std::string_view name);
// The nearest command name by edit distance, for "unknown command ':shema' (did you mean :schema?)";
// empty when nothing is close.
std::string NearestCommand(std::string_view name);

}  // namespace kg::shell
