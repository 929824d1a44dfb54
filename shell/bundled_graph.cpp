#include "bundled_graph.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace kg::shell {
namespace {

std::filesystem::path DataHome() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg != nullptr && xdg[0] == '/') return xdg;
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] != '\0') return std::filesystem::path(home) / ".local" / "share";
  return std::filesystem::temp_directory_path();
}

}  // namespace

Result<std::string> PrepareBundledGraph(std::ostream& progress) {
  const std::filesystem::path dir = DataHome() / "kg" / "bundled";
  std::error_code ec;
  std::filesystem::create_directories(dir.parent_path(), ec);
  if (ec) return Status::Io("cannot create " + dir.parent_path().string() + " for the bundled graph: " + ec.message());
  return dir.string();
}

}  // namespace kg::shell
