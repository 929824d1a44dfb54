#include "cli/sources_dir.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace kg::shell {

namespace {

namespace fs = std::filesystem;

// The ../shared/seeds of the first kg checkout at or above `start`.
std::string SeedsAbove(fs::path start) {
  std::error_code ec;
  for (fs::path dir = start; !dir.empty(); dir = dir.parent_path()) {
    if (fs::is_regular_file(dir / "data" / "graph" / "documents.json", ec)) {
      const fs::path seeds = dir.parent_path() / "shared" / "seeds";
      if (fs::is_directory(seeds, ec)) return fs::canonical(seeds, ec).string();
    }
    if (dir == dir.parent_path()) break;
  }
  return std::string();
}

}  // namespace

std::string ResolveSourcesDir(const std::string& flag, const char* argv0) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("KG_SOURCES"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  if (!ec) {
    if (std::string found = SeedsAbove(cwd); !found.empty()) return found;
  }
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec && argv0 != nullptr) exe = fs::absolute(argv0, ec);
  if (!ec && !exe.empty()) return SeedsAbove(exe.parent_path());
  return std::string();
}

Status CheckSourcesFlag(const std::string& flag) {
  if (flag.empty()) return Status::Ok();
  std::error_code ec;
  const fs::file_status status = fs::status(flag, ec);
  // A directory that is not there is taken as written (see the header).
  if (fs::exists(status) && !fs::is_directory(status)) {
    return Status::Usage("--sources " + flag + " is a file, not the directory of the article texts");
  }
  return Status::Ok();
}

}  // namespace kg::shell
