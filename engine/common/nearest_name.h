// "did you mean ...?": the name nearest to a mistyped word.
//
//   NearestName("MACH", {"MATCH", "MERGE", ...}) == "MATCH"
//   NearestName(":shema", command names)        == ":schema"
//   NearestName("frobnicate", ...)              == ""   (nothing within two edits)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kg {

// Levenshtein distance (insertions, deletions, substitutions of bytes),
// ASCII letters compared without case.
size_t EditDistanceIgnoringCase(std::string_view a, std::string_view b);

// The first of `names` (any range of things convertible to string_view)
// nearest to `word`, when it is at most `max_edits` away; empty otherwise.
template <class Names>
std::string NearestName(std::string_view word, const Names& names, size_t max_edits = 2) {
  std::string best;
  size_t best_distance = max_edits + 1;
  for (const auto& name : names) {
    const std::string_view candidate(name);
    const size_t d = EditDistanceIgnoringCase(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(candidate);
    }
  }
  return best;
}

}  // namespace kg
