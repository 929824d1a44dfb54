// The topic file reader: a line-by-line walk over the small part of Markdown
// the topics use. A general Markdown parser would accept anything; this one
// refuses what the help could not show right, naming the file and line, and
// the help test reads every topic with it, so a broken file fails the tests
// and never reaches a user.
#include "help/help_markdown.h"

#include <optional>
#include <string>
#include <vector>

#include "help/help_sections.h"

namespace kg::shell {
namespace {

constexpr std::string_view kExamplesHeading = "## Examples";
constexpr std::string_view kFence = "```";
constexpr std::string_view kSeeAlso = "See also: ";
constexpr std::string_view kAliases = "Aliases: ";

bool StartsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

bool IsBlank(std::string_view line) { return line.find_first_not_of(' ') == std::string_view::npos; }

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  return lines;
}

// "a, b, c" as {"a", "b", "c"}; nothing for an empty item.
std::optional<std::vector<std::string>> SplitList(std::string_view list) {
  std::vector<std::string> items;
  while (true) {
    const size_t comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.empty()) return std::nullopt;
    items.emplace_back(item);
    if (comma == std::string_view::npos) return items;
    list.remove_prefix(comma + 1);
  }
}

class TopicReader {
 public:
  TopicReader(std::string_view path, std::string_view text) : path_(path), lines_(SplitLines(text)) {}

  Result<HelpTopicSource> Read() {
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (!lines_[i].empty() && lines_[i].back() == '\r') return Error(i + 1, "a CR LF line end; lines end with LF");
    }
    if (Status s = ReadTitle(); !s.ok()) return s;
    if (Status s = ReadBody(); !s.ok()) return s;
    if (Status s = ReadExamples(); !s.ok()) return s;
    return std::move(topic_);
  }

 private:
  // An error at line `number` (counted from 1).
  Status Error(size_t number, const std::string& what) const {
    return Status::Syntax(path_ + ":" + std::to_string(number) + ": " + what, Position{static_cast<int>(number), 1});
  }

  Status ReadTitle() {
    if (lines_.empty()) return Error(1, "the file is empty; it starts with '# NAME: SUMMARY'");
    const std::string_view title = lines_[0];
    const size_t colon = title.find(": ");
    if (!StartsWith(title, "# ") || colon == std::string_view::npos) {
      return Error(1, "the first line is '# NAME: SUMMARY' (the topic's name and its one-line summary)");
    }
    topic_.name = std::string(title.substr(2, colon - 2));
    topic_.summary = std::string(title.substr(colon + 2));
    if (IsBlank(topic_.name) || IsBlank(topic_.summary)) return Error(1, "the topic's name or summary is empty");
    if (lines_.size() < 2 || !lines_[1].empty()) return Error(2, "a blank line follows the title");
    return Status::Ok();
  }

  // From line 3 up to "## Examples": the text, as it is written.
  Status ReadBody() {
    size_t at = 2;
    while (at < lines_.size() && lines_[at] != kExamplesHeading) ++at;
    if (at == lines_.size()) return Error(lines_.size(), "no '" + std::string(kExamplesHeading) + "' line");
    examples_start_ = at + 1;
    size_t begin = 2;
    size_t end = at;
    while (begin < end && IsBlank(lines_[begin])) ++begin;
    while (end > begin && IsBlank(lines_[end - 1])) --end;
    if (begin == end) return Error(3, "the topic has no text before '" + std::string(kExamplesHeading) + "'");
    for (size_t i = begin; i < end; ++i) {
      const std::string_view line = lines_[i];
      if (StartsWith(line, kFence)) return Error(i + 1, "a code block before '## Examples' (examples go after it)");
      std::string text(line);
      if (line.find("{{") != std::string_view::npos) {
        if (!StartsWith(line, "{{") || line.size() < 5 || line.substr(line.size() - 2) != "}}") {
          return Error(i + 1, "a generated section is a line of its own: {{NAME}}");
        }
        const std::string_view name = line.substr(2, line.size() - 4);
        std::optional<std::string> section = GeneratedHelpSection(name);
        if (!section) {
          std::string known;
          for (const std::string& n : GeneratedHelpSectionNames()) known += (known.empty() ? "" : ", ") + n;
          return Error(i + 1, "no generated section '" + std::string(name) + "' (there are: " + known + ")");
        }
        text = std::move(*section);
      }
      if (i > begin) topic_.body += '\n';
      topic_.body += text;
    }
    return Status::Ok();
  }

  // After "## Examples": code blocks, then the See also and Aliases lines.
  Status ReadExamples() {
    bool trailer = false;
    for (size_t i = examples_start_; i < lines_.size(); ++i) {
      const std::string_view line = lines_[i];
      if (IsBlank(line)) continue;
      if (StartsWith(line, kFence)) {
        if (trailer) return Error(i + 1, "a code block after the See also or Aliases line");
        const std::string_view language = line.substr(kFence.size());
        if (language != "cypher" && language != "sh") {
          return Error(i + 1, "a code block is ```cypher (a statement) or ```sh (a kg command line), not ```" +
                                  std::string(language));
        }
        // A block ends at a line that is only ```; another fence before it
        // opens a block, so this one was left open.
        size_t close = i + 1;
        while (close < lines_.size() && !StartsWith(lines_[close], kFence)) ++close;
        if (close == lines_.size() || lines_[close] != kFence) {
          return Error(i + 1, "the code block opened here has no closing ```");
        }
        Result<HelpExample> example = ReadBlock(i + 1, close, language == "sh");
        if (!example.ok()) return example.status();
        topic_.examples.push_back(std::move(example).value());
        i = close;
        continue;
      }
      trailer = true;
      const bool see_also = StartsWith(line, kSeeAlso);
      if (!see_also && !StartsWith(line, kAliases)) {
        return Error(i + 1, "after the examples come only 'See also: ...' and 'Aliases: ...' lines");
      }
      if (Status s = ReadList(i, see_also ? kSeeAlso : kAliases, see_also ? &topic_.see_also : &topic_.aliases);
          !s.ok()) {
        return s;
      }
    }
    if (topic_.examples.empty()) return Error(examples_start_, "no examples after '## Examples'");
    return Status::Ok();
  }

  // The comma-separated list of the line at `i`, after its `prefix`.
  Status ReadList(size_t i, std::string_view prefix, std::vector<std::string>* out) const {
    if (!out->empty()) return Error(i + 1, "a second '" + std::string(prefix) + "' line");
    std::optional<std::vector<std::string>> items = SplitList(lines_[i].substr(prefix.size()));
    if (!items) return Error(i + 1, "an empty name in the list");
    *out = std::move(*items);
    return Status::Ok();
  }

  // The lines strictly between the fence at `open` - 1 and the fence at
  // `close` (indexes into lines_).
  Result<HelpExample> ReadBlock(size_t open, size_t close, bool command_line) const {
    HelpExample example;
    example.command_line = command_line;
    const std::string_view marker = command_line ? "# " : "// ";
    if (open == close || !StartsWith(lines_[open], marker)) {
      return Error(open + 1, "an example starts with its question: a line '" + std::string(marker) + "...'");
    }
    example.question = std::string(lines_[open].substr(marker.size()));
    size_t statement_start = close;
    for (size_t i = open + 1; i < close; ++i) {
      const std::string_view line = lines_[i];
      if (IsBlank(line)) return Error(i + 1, "a blank line inside an example");
      const bool command = StartsWith(line, ":");
      if (!command_line && command && statement_start != close) {
        return Error(i + 1, "the ':' commands of an example come before its statement");
      }
      if (!command_line && !command && statement_start == close) statement_start = i;
      example.lines.emplace_back(line);
    }
    if (command_line) return ReadCommandLine(open, std::move(example));
    if (statement_start == close) return example;  // a note: only ':' commands
    if (lines_[close - 1].back() != ';') return Error(close, "the statement of an example ends with ';'");
    for (size_t i = statement_start; i < close; ++i) {
      if (i > statement_start) example.statement += "\n  ";
      example.statement += lines_[i];
    }
    example.statement.pop_back();  // the ';'
    return example;
  }

  // The statement of a kg command line: what -e '...' or -e "..." holds.
  Result<HelpExample> ReadCommandLine(size_t open, HelpExample example) const {
    std::string text;
    for (const std::string& line : example.lines) text += (text.empty() ? "" : "\n  ") + line;
    for (size_t at = text.find("-e "); at != std::string::npos; at = text.find("-e ", at + 1)) {
      if (at > 0 && text[at - 1] != ' ') continue;
      const size_t quote = at + 3;
      if (quote >= text.size() || (text[quote] != '\'' && text[quote] != '"')) continue;
      const size_t end = text.find(text[quote], quote + 1);
      if (end == std::string::npos) continue;
      example.statement = text.substr(quote + 1, end - quote - 1);
      return example;
    }
    return Error(open + 1, "a command-line example runs its statement with -e '...' or -e \"...\"");
  }

  const std::string path_;
  const std::vector<std::string_view> lines_;
  size_t examples_start_ = 0;
  HelpTopicSource topic_;
};

}  // namespace

Result<HelpTopicSource> ParseHelpTopicFile(std::string_view path, std::string_view text) {
  return TopicReader(path, text).Read();
}

}  // namespace kg::shell
