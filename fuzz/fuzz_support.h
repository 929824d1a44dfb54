// What the fuzz targets share: an in-memory store opened once per process,
// and a scratch directory for the readers that take a path.
//
// Each target is a libFuzzer entry point (LLVMFuzzerTestOneInput) that hands
// its bytes to one reader of user input and checks only what must hold for
// any input: no crash, no leak, no undefined behaviour, and an error (not an
// exception) for what it refuses. fuzz/README.md says how to run them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "interchange/import/import_builder.h"
#include "main/database.h"

namespace kg::fuzz {

// An empty in-memory database, opened on first use and kept for the
// process (opening RocksDB costs milliseconds; a run should cost less).
Database& SharedDatabase();

// Runs `read` as ImportGraph runs a reader (a write transaction of the
// shared database as the sink, an ImportBuilder over it), then drops the
// transaction instead of committing: every input meets the same empty
// database. Returns what the reader returned.
Status ReadIntoDiscardedImport(uint64_t bytes, const std::function<Status(interchange::ImportBuilder&)>& read);

// A directory of its own under TMPDIR (or /tmp), emptied on first use and
// removed when the process exits normally.
const std::string& ScratchDir();

// Replaces `path` (under ScratchDir()) with `text`, creating directories.
void WriteFile(const std::string& path, std::string_view text);

// Removes everything under ScratchDir().
void ClearScratch();

}  // namespace kg::fuzz
