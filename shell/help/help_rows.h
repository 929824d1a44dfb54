// The help's two-column rows, shared by the overview (':' commands, topics)
// and the generated sections (the formats table).
#pragma once

#include <cstddef>
#include <string>

namespace kg::shell {

// Appends "  LEFT   summary" with the summary starting at `column` and
// wrapped at spaces within 99 columns; a LEFT too long for the column puts
// the summary on the next line. Code points count as columns (the help's
// text has no wide characters).
void AppendHelpRow(std::string* out, const std::string& left, const std::string& summary, size_t column);

}  // namespace kg::shell
