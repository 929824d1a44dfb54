// `text =~ pattern`: a whole-string match of a regular expression, through
// RE2 (libre2): time linear in the text, no recursion, so no pattern or
// input can hang or crash a query. The syntax is RE2's, which covers what
// Cypher users write from Java's: classes, quantifiers, groups, anchors,
// \d \w \s \b, Unicode classes (\p{L}), and inline flags (?i) (?m) (?s).
// (?i) folds case by Unicode, so it matches Vietnamese capitals:
// '(?i)đà nẵng' matches 'ĐÀ NẴNG'. Backreferences and lookaround, which
// need backtracking, are refused with a clear error.
#pragma once

#include <string>

#include "common/value.h"

namespace kg {

// true / false; null when either side is null or not a string. An invalid
// pattern is a runtime error naming it and saying what is wrong.
Value RegexMatch(const Value& text, const Value& pattern);

}  // namespace kg
