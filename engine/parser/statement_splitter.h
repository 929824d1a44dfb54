// SplitStatements: cuts a script into its statements at the ';' that end
// them, without parsing them. A ';' inside a string, a backquoted name or
// a comment does not count. Scripts run one statement at a time, so a
// syntax error in the third statement does not stop the first two.
#pragma once

#include <string_view>
#include <vector>

#include "common/status.h"

namespace kg {

struct StatementText {
  std::string_view text;    // the statement, without its ';' (may be only blanks and comments)
  size_t offset = 0;        // byte offset of `text` in the script
  Position start;           // line and column (code points, from 1) where `text` starts
  bool terminated = false;  // a ';' ends it (false for the last one when the script does not end with ';')
  bool blank = true;        // nothing but whitespace and comments
};

// The statements of `script`, in order. The text after the last ';' is
// returned too when it is not blank. `open_at_end` (if given) is set when
// the script ends inside a string, backquoted name or block comment.
std::vector<StatementText> SplitStatements(std::string_view script, bool* open_at_end = nullptr);

}  // namespace kg
