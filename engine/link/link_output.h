// What `kg link` prints and writes from the mentions of one article:
//   - MentionTable: a table for a person (one row per mention, its sentence
//     under it with the mention in [brackets]; ambiguous ones with their
//     candidates), and a summary line;
//   - MentionJson: the same for scripts (one JSON object, described in
//     docs/linking.md);
//   - DocumentGraphJson: a kg JSON graph file (data/README.md) holding a
//     Document node for the article and one MENTIONS per decided node with
//     all its spans, for a person to review and import. Ambiguous mentions
//     are not written: a person chooses.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "link/mention_matcher.h"
#include "link/name_dictionary.h"

namespace kg::link {

struct ArticleInfo {
  std::string path;  // as given
  std::string key;   // the Document's key
  std::string_view text;
};

// "doc/" and the file's name without directory and extension as a lower-case
// ASCII slug ("002_45e6….txt" -> "doc/002-45e6…"); where the name has no
// letter or digit left, the text's FNV-1a hash in hex.
std::string DocumentKey(const std::string& path, std::string_view text);

// The first line with a word, trimmed: the Document's title.
std::string ArticleTitle(std::string_view text);

std::string MentionTable(const ArticleInfo& article, const NameDictionary& dictionary,
                         const std::vector<Mention>& mentions);

std::string MentionJson(const ArticleInfo& article, const NameDictionary& dictionary,
                        const std::vector<Mention>& mentions);

// `*left_out`: how many ambiguous mentions were not written.
std::string DocumentGraphJson(const ArticleInfo& article, const NameDictionary& dictionary,
                              const std::vector<Mention>& mentions, size_t* left_out);

}  // namespace kg::link
