// The text of the statement limits the shell sets: --timeout and :timeout
// (seconds, or off), --memory-limit (a size such as 512MiB or 4GiB, or
// off). docs/query-language.md, "Limits", says what they do.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace kg::shell {

// "30", "0.5", "2.5s" or "off" (zero: no timeout); at most a week.
Result<std::chrono::milliseconds> ParseTimeout(std::string_view text);
// "30 s", "0.5 s", or "off".
std::string DescribeTimeout(std::chrono::milliseconds timeout);

// "2GiB", "512MiB", "512M", "64 KiB", "1073741824" (bytes) or "off" (0: no
// limit); units are binary whether written KB or KiB.
Result<int64_t> ParseMemorySize(std::string_view text);

}  // namespace kg::shell
