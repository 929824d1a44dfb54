// SourceFiles: the article texts that Documents name, read from a sources
// directory (kg --sources DIR, KG_SOURCES, or ../shared/seeds found from a
// checkout: shell/cli/sources_dir.h decides; here it is just a directory).
//
// A Document names its text by `file` (a plain file name in the directory)
// and may record the file's size (`bytes`) and SHA-256 (`sha256`, lower-case
// hex). Read() checks both when they are given, so that a span always points
// into the very text it was taken from, and says which file is missing or
// changed:
//   evidence: source file 004_x.txt of doc/004 not found in /srv/seeds (set --sources or KG_SOURCES)
//   evidence: source file 004_x.txt of doc/004 in /srv/seeds has changed (sha256 ab…, expected cd…)
// A text that passed its checks is kept for the life of this object (one
// open database), so a statement reading a thousand spans reads and hashes
// each file once; a failure is not kept, so a file put in place later is
// found on the next read. Safe to call from several threads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/sentences.h"
#include "common/status.h"

namespace kg {

// What a Document says of its text.
struct SourceFileRef {
  std::string document;               // the Document's key, for messages ("doc/004")
  std::string file;                   // its `file`: a plain name, no directory part
  std::optional<int64_t> bytes;       // its `bytes`, when recorded
  std::optional<std::string> sha256;  // its `sha256` (hex), when recorded
};

// A checked text and its sentences (common/sentences.h), found once for
// every span read from it.
struct SourceText {
  std::string bytes;
  std::vector<ByteRange> sentences;
};

class SourceFiles {
 public:
  // `dir` empty: no sources directory; every Read fails and says how to set one.
  explicit SourceFiles(std::string dir);

  const std::string& dir() const { return dir_; }

  // The whole text of ref.file, exactly as stored (no newline or Unicode
  // normalisation: spans are byte offsets into it). kIo errors, one line each:
  // no directory set, a file name with a directory part, a missing or
  // unreadable file, a size or hash that is not the recorded one.
  Result<std::shared_ptr<const SourceText>> Read(const SourceFileRef& ref);

 private:
  std::string dir_;
  std::mutex mutex_;
  // Checked texts by file name, with the checks they passed (a later Read
  // with other expectations checks again).
  struct Checked {
    std::shared_ptr<const SourceText> text;
    std::string sha256;
  };
  std::map<std::string, Checked> checked_;
};

// The SHA-256 of `bytes` as 64 lower-case hex digits (OpenSSL's libcrypto).
std::string Sha256Hex(std::string_view bytes);

}  // namespace kg
