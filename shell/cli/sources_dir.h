// Where kg finds the article texts that Documents name (kg.evidence, :why,
// kg why): the first of
//   1. --sources DIR on the command line;
//   2. the environment variable KG_SOURCES;
//   3. a checkout's ../shared/seeds: going up from the current directory,
//      then from the kg program's own directory, the first directory that is
//      a kg checkout (it holds data/graph/documents.json) and has a
//      ../shared/seeds folder.
// Empty when none applies: evidence then says how to set one. A directory
// given by 1 or 2 is taken as it is written (relative to the current
// directory), even if missing, so that the message about a missing file
// names the directory the user chose; the one found by 3 is absolute.
#pragma once

#include <string>

#include "common/status.h"

namespace kg::shell {

// `flag` is --sources as given (empty: not given); `argv0` the program's
// argv[0], used when /proc/self/exe cannot be read.
std::string ResolveSourcesDir(const std::string& flag, const char* argv0);

// A --sources given on the command line that names a file (not a
// directory) is refused when kg starts (kUsage, naming it), not found out at
// the first evidence asked for. Empty (not given) and missing are fine.
Status CheckSourcesFlag(const std::string& flag);

}  // namespace kg::shell
