// The bundled graph's files (data/graph/*.json), compiled into kg by
// shell/embed_files.cmake, so that kg can build its database with no source
// tree at hand.
#pragma once

namespace kg::shell {

struct BundledFile {
  const char* name;     // "documents.json"
  const char* content;  // the file's text (UTF-8 JSON)
};

// In name order, ended by {nullptr, nullptr}.
extern const BundledFile kBundledFiles[];
// SHA-256 of the files' names and contents: the database built from them
// records it, and is rebuilt when it differs.
extern const char kBundledFingerprint[];

}  // namespace kg::shell
