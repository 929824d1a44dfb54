// The text of ':help' and ':help TOPIC'. The topics are Markdown files,
// shell/help/topics/*.md, compiled into kg (shell/help/README.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kg::shell {

struct HelpTopic {
  std::string name;     // "match", "order by", "formats", ...
  std::string summary;  // one line, for the overview
  std::string text;     // the body: what it does, then examples
  // Runnable example statements shown in `text` (tests run each one).
  std::vector<std::string> examples;
  std::vector<std::string> see_also;  // other topics' names
  std::vector<std::string> aliases;   // other names it is found by
  std::string path;                   // its file, "shell/help/topics/01-match.md"
};

// In the order of the files' names. A file that does not read is left out
// (the help test reads each one and names what is wrong).
const std::vector<HelpTopic>& HelpTopics();
// Case-insensitive, by name or alias; "ORDER BY", "order-by" and "orderby"
// find the same topic.
const HelpTopic* FindHelpTopic(std::string_view name);
// What ':help' prints: the commands, then the topics with their summaries.
std::string HelpOverview();

}  // namespace kg::shell
