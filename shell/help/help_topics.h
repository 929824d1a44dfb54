// The text of ':help' and ':help TOPIC'.
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
};

const std::vector<HelpTopic>& HelpTopics();
// Case-insensitive; "ORDER BY", "order-by" and "orderby" find the same topic.
const HelpTopic* FindHelpTopic(std::string_view name);
// What ':help' prints: the commands, then the topics with their summaries.
std::string HelpOverview();

}  // namespace kg::shell
