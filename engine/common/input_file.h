// Files a person names for kg to read: scripts (-f, :source), graph files
// (kg import), articles (kg link), the source texts evidence reads.
//
// Each must read as a file. A directory or a device is refused before
// anything is read (reading /dev/zero never ends); a pipe is accepted only
// where a stream makes sense (a script given as `-f /dev/stdin` or through
// `<(...)`); a file read whole is refused past a limit instead of filling
// memory. Every refusal is one kIo line that names the file:
//
//   cannot read nowhere.kgq: no such file
//   cannot read secret.kgq: permission denied
//   data is a directory, not a script
//   /dev/zero is a device, not a script
//   huge.kgq is 80.0 MiB, more than the 64 MiB a script may hold
//
// The checks follow symbolic links: a link to a regular file is a file.
#pragma once

#include <cstdint>
#include <fstream>
#include <istream>
#include <string>

#include "common/status.h"

namespace kg {

constexpr uint64_t kMiB = uint64_t{1} << 20;

// The limits of what is read whole (streamed readers have none).
constexpr uint64_t kMaxScriptBytes = 64 * kMiB;           // -f, :source, a piped stdin
constexpr uint64_t kMaxJsonGraphFileBytes = 1024 * kMiB;  // one kg JSON graph file (a directory may hold many)
constexpr uint64_t kMaxTextFileBytes = 64 * kMiB;         // an article to link, a source text, a manifest

// What a file is for, in messages, and how it may be read.
struct InputFileRules {
  const char* what;         // "script", "graph file", "article's text"...
  uint64_t max_bytes = 0;   // 0: no limit (the reader streams)
  bool allow_pipe = false;  // a FIFO or pipe reads as a stream (bounded by max_bytes while reading)
};

// The rules of each kind of file kg reads.
constexpr InputFileRules kScriptFile{"script", kMaxScriptBytes, true};
constexpr InputFileRules kJsonGraphFile{"graph file", kMaxJsonGraphFileBytes, true};  // read whole
constexpr InputFileRules kStreamedGraphFile{"graph file", 0, true};                   // GraphML: streamed
constexpr InputFileRules kCsvGraphFile{"CSV file", 0, false};                         // streamed
constexpr InputFileRules kManifestFile{"manifest", kMaxTextFileBytes, false};
constexpr InputFileRules kArticleFile{"article's text", kMaxTextFileBytes, false};
constexpr InputFileRules kSourceTextFile{"source text", kMaxTextFileBytes, false};
constexpr InputFileRules kHistoryFile{"history file", kMaxTextFileBytes, false};  // the REPL's, read by libedit

// Whether `path` may be read under `rules`: it exists, is readable, is a
// regular file (or, when allowed, a pipe), and is no larger than
// max_bytes. `name` names it in the message (default: the path).
Status CheckInputFile(const std::string& path, const InputFileRules& rules, const std::string& name = "");

// CheckInputFile, then opens `in` to stream the file (binary).
Status OpenInputFile(const std::string& path, const InputFileRules& rules, std::ifstream* in,
                     const std::string& name = "");

// CheckInputFile, then reads the whole file; a pipe or a file that grows
// is refused once it passes max_bytes.
Result<std::string> ReadInputFile(const std::string& path, const InputFileRules& rules, const std::string& name = "");

// Reads a stream (stdin) whole, refusing it once it passes max_bytes.
Result<std::string> ReadInputStream(std::istream& in, const std::string& name, const InputFileRules& rules);

// "80.0 MiB", "512 KiB", "12 bytes": a size as the messages give it.
std::string DescribeBytes(uint64_t bytes);

}  // namespace kg
