// The text of ':help' and ':help TOPIC': an overview of the commands and
// topics, and one topic per part of the language (and of the shell) with
// examples a researcher can paste into `kg`. The topics are the Markdown
// files of shell/help/topics, embedded at build time (help_topic_files.h)
// and read by help_markdown.h; this file renders them as the shell prints
// them. tests/shell/help_test.cpp runs every example against a copy of the
// bundled graph (data/graph), so the keys, names and values they use are the
// real ones: an example that stops answering there fails the build's tests.
//
// Layout rules: plain text, no line of 100 columns or more (the test
// checks), and each example on lines of its own so that it can be pasted.
#include "help/help_topics.h"

#include <string>
#include <string_view>
#include <vector>

#include "commands/command_table.h"
#include "common/utf8.h"
#include "help/help_markdown.h"
#include "help/help_rows.h"
#include "help/help_topic_files.h"

namespace kg::shell {
namespace {

// Lower case without spaces, hyphens, underscores or a leading ':' (so
// "ORDER BY", "order-by", "orderby" and ":param" are found).
std::string Normalize(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == ' ' || c == '-' || c == '_' || c == '\t') continue;
    out += utf8::AsciiLower(c);
  }
  if (!out.empty() && out[0] == ':') out.erase(0, 1);
  return out;
}

// The topic as ':help NAME' prints it: every line of an example block
// indented by two spaces, the question as the comment its block starts with.
std::string Render(const HelpTopicSource& topic) {
  std::string text = topic.name + ": " + topic.summary + "\n\n";
  text += topic.body;
  text += "\n\nExamples:\n";
  for (const HelpExample& e : topic.examples) {
    text += std::string("  ") + (e.command_line ? "# " : "// ") + e.question + "\n";
    for (const std::string& line : e.lines) text += "  " + line + "\n";
  }
  if (!topic.see_also.empty()) {
    text += "\nSee also:";
    for (size_t i = 0; i < topic.see_also.size(); ++i) text += (i == 0 ? " :help " : ", :help ") + topic.see_also[i];
    text += "\n";
  }
  return text;
}

}  // namespace

const std::vector<HelpTopic>& HelpTopics() {
  static const std::vector<HelpTopic> topics = [] {
    std::vector<HelpTopic> out;
    for (const HelpTopicFile* file = kHelpTopicFiles; file->path != nullptr; ++file) {
      Result<HelpTopicSource> source = ParseHelpTopicFile(file->path, file->text);
      if (!source.ok()) continue;
      HelpTopic topic;
      topic.name = source->name;
      topic.summary = source->summary;
      topic.text = Render(*source);
      for (const HelpExample& e : source->examples) {
        if (!e.statement.empty()) topic.examples.push_back(e.statement);
      }
      topic.see_also = source->see_also;
      topic.aliases = source->aliases;
      topic.path = file->path;
      out.push_back(std::move(topic));
    }
    return out;
  }();
  return topics;
}

const HelpTopic* FindHelpTopic(std::string_view name) {
  const std::string wanted = Normalize(name);
  if (wanted.empty()) return nullptr;
  for (const HelpTopic& topic : HelpTopics()) {
    if (Normalize(topic.name) == wanted) return &topic;
  }
  for (const HelpTopic& topic : HelpTopics()) {
    for (const std::string& alias : topic.aliases) {
      if (Normalize(alias) == wanted) return &topic;
    }
  }
  return nullptr;
}

std::string HelpOverview() {
  std::string out =
      "Type a statement and end it with ';' to run it (it may take several lines); a single line\n"
      "that is a complete statement also runs when you press Enter.\n\n"
      "Commands (a line that starts with ':'):\n";
  constexpr size_t kCommandColumn = 26;
  for (const CommandInfo& c : Commands()) {
    AppendHelpRow(&out, c.args.empty() ? c.name : c.name + " " + c.args, c.summary, kCommandColumn);
  }
  out += "\nTopics (:help TOPIC):\n";
  constexpr size_t kTopicColumn = 26;
  for (const HelpTopic& t : HelpTopics()) AppendHelpRow(&out, t.name, t.summary, kTopicColumn);
  out +=
      "\n:help match shows a topic with examples; topic names may be typed in any case, and\n"
      "\"order-by\", \"orderby\" and \"order by\" are the same.\n";
  return out;
}

}  // namespace kg::shell
