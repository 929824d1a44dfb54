// Parts of the help that kg's own tables write: a topic file line that is
// only "{{NAME}}" is replaced by the text of the section NAME, so the help
// cannot fall behind the code that it describes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg::shell {

// The section's lines (ending without a newline), already indented as the
// topic shows them; nothing for an unknown name.
std::optional<std::string> GeneratedHelpSection(std::string_view name);
// Every section's name ("formats"), for messages.
std::vector<std::string> GeneratedHelpSectionNames();

}  // namespace kg::shell
