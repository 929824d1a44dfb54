// Reads one help topic file (shell/help/topics/NN-name.md) into its parts.
// The format, in short (shell/help/README.md has it whole):
//
//   # NAME: SUMMARY
//
//   the text, printed as it is written ({{SECTION}} lines filled in)
//
//   ## Examples
//
//   ```cypher                       ```sh
//   // the question                 # the question
//   :param name => 'Huế'            kg -e 'MATCH ... RETURN ...'
//   MATCH ... RETURN ...;           ```
//   ```
//
//   See also: TOPIC, TOPIC
//
//   Aliases: NAME, NAME
//
// Every line of a code block is shown indented by two spaces. A cypher block
// is its question, the ':' commands typed before the statement, then the
// statement ended by ';'; one without a statement is a note (shown, not run).
// An sh block is a kg command line whose -e '...' holds the statement.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace kg::shell {

// One code block after "## Examples".
struct HelpExample {
  std::string question;            // the comment line, without "// " or "# "
  std::vector<std::string> lines;  // the lines after the question, as written
  // The runnable statement as the screen shows it (continuation lines keep
  // the block's two-space indent), without its ';'; empty for a note.
  std::string statement;
  bool command_line = false;  // an sh block: `lines` are a kg command line
};

struct HelpTopicSource {
  std::string name;
  std::string summary;
  std::string body;  // with the generated sections filled in
  std::vector<HelpExample> examples;
  std::vector<std::string> see_also;  // topic names, as written
  std::vector<std::string> aliases;   // as written
};

// `path` names the file in messages: "shell/help/topics/01-match.md:12:
// the code block opened here has no closing ```" (a syntax error whose
// position is the line).
Result<HelpTopicSource> ParseHelpTopicFile(std::string_view path, std::string_view text);

}  // namespace kg::shell
