#include "session/bundled_graph.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "interchange/import/importer.h"
#include "main/database.h"
#include "session/bundled_graph_data.h"

namespace kg::shell {
namespace {

namespace fs = std::filesystem;

// Inside the database directory: the fingerprint of the files it was built
// from. Written last, so a build that did not finish is never taken for one
// that did.
const char kFingerprintFile[] = "kg-bundle-fingerprint";

// How the database is made from the files, beyond importing them; part of
// the fingerprint, so that a change here rebuilds databases made before it.
// The full-text index `names` is what kg.search and :find use by default:
//   CREATE FULLTEXT INDEX names FOR (n) ON EACH [n.name, n.name_en, n.aliases]
const char kRecipe[] = "fulltext names(name, name_en, aliases)";

std::string Fingerprint() { return std::string(kBundledFingerprint) + " " + kRecipe; }

fs::path DataHome() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg != nullptr && xdg[0] == '/') return xdg;
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] != '\0') return fs::path(home) / ".local" / "share";
  return fs::temp_directory_path();
}

std::string ReadFingerprint(const fs::path& dir) {
  std::ifstream in(dir / kFingerprintFile);
  std::string line;
  std::getline(in, line);
  return line;
}

Status Build(const fs::path& dir) {
  std::vector<interchange::NamedText> files;
  for (const BundledFile* f = kBundledFiles; f->name != nullptr; ++f) {
    files.push_back({std::string("data/graph/") + f->name, f->content});
  }
  {
    KG_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, Database::Open(dir.string()));
    KG_ASSIGN_OR_RETURN(interchange::ImportReport report, interchange::ImportJsonTexts(*db, files));
    (void)report;
    KG_RETURN_IF_ERROR(
        db->Execute("CREATE FULLTEXT INDEX names FOR (n) ON EACH [n.name, n.name_en, n.aliases]").status());
  }
  std::ofstream out(dir / kFingerprintFile);
  out << Fingerprint() << "\n";
  out.close();
  if (!out) return Status::Io("cannot write " + (dir / kFingerprintFile).string());
  return Status::Ok();
}

}  // namespace

Result<std::string> PrepareBundledGraph(std::ostream& progress) {
  const fs::path dir = DataHome() / "kg" / "bundled";
  if (fs::exists(dir) && ReadFingerprint(dir) == Fingerprint()) return dir.string();
  if (kBundledFiles[0].name == nullptr) {
    return Status::NotFound(
        "this kg was built without the bundled graph (data/graph holds no files); open a "
        "database of your own with --db PATH");
  }

  std::error_code ec;
  fs::create_directories(dir.parent_path(), ec);
  if (ec) return Status::Io("cannot create " + dir.parent_path().string() + " for the bundled graph: " + ec.message());
  const bool rebuild = fs::exists(dir);
  progress << (rebuild ? "kg: the bundled graph's data changed; rebuilding " : "kg: building the bundled graph in ")
           << dir.string() << " (once)\n";

  // Built aside and moved into place, so that a build cut short (or one of
  // two kg processes starting at once) never leaves a half database.
  const std::string pid = std::to_string(getpid());
  const fs::path building = dir.parent_path() / ("bundled.building-" + pid);
  fs::remove_all(building, ec);
  Status built = Build(building);
  if (!built.ok()) {
    fs::remove_all(building, ec);
    return Status::Error(built.kind(), "cannot build the bundled graph: " + built.message());
  }
  const fs::path old = dir.parent_path() / ("bundled.old-" + pid);
  if (rebuild) fs::rename(dir, old, ec);
  std::error_code moved;
  fs::rename(building, dir, moved);
  if (moved) {
    // Another kg finished first: its database is as good as ours.
    fs::remove_all(building, ec);
    if (ReadFingerprint(dir) != Fingerprint()) {
      return Status::Io("cannot move the bundled graph into " + dir.string() + ": " + moved.message());
    }
  }
  fs::remove_all(old, ec);
  return dir.string();
}

}  // namespace kg::shell
