#include "fuzz_support.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "interchange/import/import_sink.h"
#include "main/database_internal.h"

namespace kg::fuzz {
namespace {

namespace fs = std::filesystem;

struct Scratch {
  std::string path;
  Scratch() {
    const char* tmp = std::getenv("TMPDIR");
    path = (fs::path(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") / ("kg-fuzz-" + std::to_string(getpid()))).string();
    std::error_code ec;
    fs::remove_all(path, ec);
    fs::create_directories(path);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

}  // namespace

Database& SharedDatabase() {
  static std::unique_ptr<Database> db = [] {
    DatabaseOptions options;
    options.store.in_memory = true;
    options.store.block_cache_bytes = size_t{8} << 20;
    auto opened = Database::Open("fuzz", options);
    if (!opened.ok()) std::abort();
    return std::move(opened).value();
  }();
  return *db;
}

Status ReadIntoDiscardedImport(uint64_t bytes, const std::function<Status(interchange::ImportBuilder&)>& read) {
  Result<std::unique_ptr<interchange::ImportSink>> sink = interchange::NewTransactionSink(StoreOf(SharedDatabase()));
  if (!sink.ok()) std::abort();  // nothing else writes: the store is always free
  const interchange::ImportOptions options;
  interchange::ImportBuilder builder(**sink, options, bytes);
  return read(builder);
}

const std::string& ScratchDir() {
  static Scratch scratch;
  return scratch.path;
}

void WriteFile(const std::string& path, std::string_view text) {
  const fs::path p = fs::path(ScratchDir()) / path;
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

void ClearScratch() {
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(ScratchDir(), ec)) fs::remove_all(e.path(), ec);
}

}  // namespace kg::fuzz
