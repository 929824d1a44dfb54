#include "interchange/formats.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "common/utf8.h"

namespace kg::interchange {

// The writers and readers, each defined in its format's file.
Result<std::unique_ptr<GraphWriter>> NewGraphmlWriter(const std::string& path, const WriterOptions& options);
Result<std::unique_ptr<GraphWriter>> NewGexfWriter(const std::string& path, const WriterOptions& options);
Result<std::unique_ptr<GraphWriter>> NewGexf12Writer(const std::string& path, const WriterOptions& options);
Result<std::unique_ptr<GraphWriter>> NewDotWriter(const std::string& path, const WriterOptions& options);
Result<std::unique_ptr<GraphWriter>> NewJsonGraphWriter(const std::string& path, const WriterOptions& options);
Result<std::unique_ptr<GraphWriter>> NewCsvGraphWriter(const std::string& dir, const WriterOptions& options);
Status ReadGraphml(const std::string& path, const std::string& display, ImportBuilder& builder);
Status ReadJsonGraph(const std::string& path, const std::string& display, ImportBuilder& builder);
Status ReadCsvGraph(const std::string& path, const std::string& display, ImportBuilder& builder);

const std::vector<Format>& Formats() {
  // name, aliases, extensions, layout, writer, needs_schema, reader, description
  static const std::vector<Format> formats = {
      {"graphml", "", ".graphml .xml", Layout::kFile, NewGraphmlWriter, true, ReadGraphml,
       "GraphML 1.0: networkx, igraph, Gephi, yEd, Cytoscape"},
      {"gexf", "gexf1.3", ".gexf", Layout::kFile, NewGexfWriter, true, nullptr, "GEXF 1.3, Gephi's current format"},
      {"gexf1.2", "gexf1.2draft", "", Layout::kFile, NewGexf12Writer, true, nullptr,
       "GEXF 1.2draft: the same for readers that know only it (networkx)"},
      {"dot", "gv graphviz", ".dot .gv", Layout::kFile, NewDotWriter, false, nullptr, "Graphviz DOT, for drawing"},
      {"json", "", ".json", Layout::kFileOrDirectory, NewJsonGraphWriter, false, ReadJsonGraph,
       "kg's JSON graph format (networkx node-link); a directory of *.json files to read"},
      {"csv", "", ".csv", Layout::kDirectory, NewCsvGraphWriter, true, ReadCsvGraph,
       "a directory: nodes.csv and relationships.csv (or gen_graph.py's layout to read)"},
  };
  return formats;
}

namespace {

namespace fs = std::filesystem;

// The space-separated words of a row's field.
std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < text.size()) {
    const size_t end = std::min(text.find(' ', i), text.size());
    if (end > i) words.push_back(text.substr(i, end - i));
    i = end + 1;
  }
  return words;
}

bool Named(const Format& f, std::string_view name) {
  if (utf8::EqualsIgnoreCase(f.name, name)) return true;
  for (std::string_view alias : Words(f.aliases)) {
    if (utf8::EqualsIgnoreCase(alias, name)) return true;
  }
  return false;
}

bool HasExtension(const Format& f, const fs::path& path) {
  const std::string ext = path.extension().string();
  for (std::string_view e : Words(f.extensions)) {
    if (utf8::EqualsIgnoreCase(e, ext)) return true;
  }
  return false;
}

// "a, b or c" (with `last` "or"), or "a, b, c" (with `last` ",").
std::string JoinNames(const std::vector<std::string>& names, const char* last) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? last : ", ";
    out += names[i];
  }
  return out;
}

// The first format with a writer (or a reader) whose extensions `path` has.
const Format* ByExtension(const fs::path& path, bool writing) {
  for (const Format& f : Formats()) {
    if ((writing ? f.writer != nullptr : f.reader != nullptr) && HasExtension(f, path)) return &f;
  }
  return nullptr;
}

const Format* DirectoryFormat(bool writing) {
  for (const Format& f : Formats()) {
    if (f.layout == Layout::kDirectory && (writing ? f.writer != nullptr : f.reader != nullptr)) return &f;
  }
  return nullptr;
}

}  // namespace

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  for (const Format& f : Formats()) {
    if (f.writer != nullptr && Named(f, name)) return &f;
  }
  return std::nullopt;
}

std::optional<ImportFormat> ParseImportFormat(std::string_view name) {
  if (name == "auto") return ImportFormat{nullptr};
  for (const Format& f : Formats()) {
    if (f.reader != nullptr && Named(f, name)) return &f;
  }
  return std::nullopt;
}

const char* FormatName(const Format* format) { return format == nullptr ? "auto" : format->name; }

std::vector<std::string> ExportFormatNames() {
  std::vector<std::string> names;
  for (const Format& f : Formats()) {
    if (f.writer != nullptr) names.emplace_back(f.name);
  }
  return names;
}

std::vector<std::string> ImportFormatNames() {
  std::vector<std::string> names;
  for (const Format& f : Formats()) {
    if (f.reader != nullptr) names.emplace_back(f.name);
  }
  return names;
}

std::string ExportFormatChoices() { return JoinNames(ExportFormatNames(), ", "); }
std::string ImportFormatChoices() { return JoinNames(ImportFormatNames(), " or "); }

const char* FormatDirections(const Format& format) {
  if (format.writer != nullptr && format.reader != nullptr) return "export, import";
  return format.writer != nullptr ? "export" : "import";
}

std::string FormatSummary(const Format& format) {
  std::string out = format.description;
  std::vector<std::string> endings;
  for (std::string_view e : Words(format.extensions)) endings.emplace_back(e);
  if (format.layout != Layout::kDirectory && !endings.empty()) out += " (" + JoinNames(endings, ", ") + ")";
  return out;
}

std::string FormatHelpLines() {
  std::string out;
  for (const Format& f : Formats()) {
    std::string name = f.name;
    name.resize(std::max<size_t>(name.size() + 2, 10), ' ');
    std::string directions = FormatDirections(f);
    directions.resize(std::max<size_t>(directions.size(), 14), ' ');
    out += "  " + name + directions + "   " + FormatSummary(f) + "\n";
  }
  return out;
}

Result<ExportFormat> DetectExportFormat(const std::string& path) {
  std::error_code ec;
  const fs::path p(path);
  const Format* directory = DirectoryFormat(true);
  if (directory != nullptr &&
      ((!path.empty() && path.back() == '/') || fs::is_directory(path, ec) || p.filename() == "nodes.csv")) {
    return directory;
  }
  if (const Format* f = ByExtension(p, true)) {
    if (f->layout != Layout::kDirectory) return f;
    return Status::Usage(std::string(f->name) +
                         " export writes a directory (nodes.csv and relationships.csv): give -o DIR, not " + path);
  }
  std::vector<std::string> endings;
  for (const Format& f : Formats()) {
    if (f.writer == nullptr || f.layout == Layout::kDirectory) continue;
    for (std::string_view e : Words(f.extensions)) endings.emplace_back(e);
  }
  return Status::Usage("cannot tell the export format from '" + path + "'; give --format (" + ExportFormatChoices() +
                       ") or a file ending in " + JoinNames(endings, " or ") +
                       (directory != nullptr ? std::string(", or a directory for ") + directory->name : ""));
}

std::string ExportTarget(ExportFormat format, const std::string& path) {
  if (format == nullptr || format->layout != Layout::kDirectory) return path;
  const fs::path p(path);
  if (p.filename() == "nodes.csv") {
    const std::string parent = p.parent_path().string();
    return parent.empty() ? "." : parent;
  }
  return path;
}

Result<ImportFormat> DetectImportFormat(const std::string& path) {
  std::error_code ec;
  const fs::path p(path);
  if (!fs::exists(p, ec)) return Status::Io(path + ": no such file or directory");
  if (fs::is_directory(p, ec)) {
    // csv's layouts, kg's export and gen_graph.py's, by the files they hold.
    const Format* directory = DirectoryFormat(false);
    if (directory != nullptr &&
        (fs::exists(p / "manifest.json", ec) || fs::exists(p / "nodes.csv", ec) || fs::is_directory(p / "nodes", ec))) {
      return directory;
    }
    for (const fs::directory_entry& e : fs::directory_iterator(p, ec)) {
      for (const Format& f : Formats()) {
        if (f.reader != nullptr && f.layout == Layout::kFileOrDirectory && HasExtension(f, e.path())) return &f;
      }
    }
    return Status::Usage(path +
                         ": cannot tell the format of this directory (no *.json files, no nodes.csv, no "
                         "manifest.json); give --format");
  }
  if (const Format* f = ByExtension(p, false)) {
    if (f->layout != Layout::kDirectory) return f;
    return Status::Usage(path +
                         ": a CSV graph is read from its directory (nodes.csv and relationships.csv, or "
                         "gen_graph.py's manifest.json); give the directory");
  }
  return Status::Usage(path + ": cannot tell the format from the name; give --format " + ImportFormatChoices());
}

}  // namespace kg::interchange
