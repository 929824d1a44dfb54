// The help topics' Markdown files (shell/help/topics/*.md), compiled into kg
// by shell/embed_files.cmake. help_markdown.h reads one; the format is in
// shell/help/README.md.
#pragma once

namespace kg::shell {

struct HelpTopicFile {
  const char* path;  // "shell/help/topics/01-match.md", for messages
  const char* text;  // the file as it is (UTF-8 Markdown)
};

// In name order (the order of ':help'), ended by {nullptr, nullptr}.
extern const HelpTopicFile kHelpTopicFiles[];

}  // namespace kg::shell
