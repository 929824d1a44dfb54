// Small text helpers of the session: trimming, positions in script text.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace kg::shell {

std::string_view Trim(std::string_view s);
// Where `relative` (a position inside a piece of text) is in the text that
// contains the piece, when the piece starts at `base`.
Position Compose(Position base, Position relative);
// The position of byte `offset` of `text` (lines and code-point columns from 1).
Position PositionOf(std::string_view text, size_t offset);
// "1 node", "2 nodes".
std::string Plural(uint64_t n, const char* one, const char* many);

}  // namespace kg::shell
