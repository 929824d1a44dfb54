#include "interchange/export_format.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>

namespace kg::interchange {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  const std::string n = Lower(name);
  if (n == "graphml") return ExportFormat::kGraphml;
  if (n == "gexf" || n == "gexf1.3") return ExportFormat::kGexf;
  if (n == "gexf1.2" || n == "gexf1.2draft") return ExportFormat::kGexf12;
  if (n == "dot" || n == "gv" || n == "graphviz") return ExportFormat::kDot;
  if (n == "json") return ExportFormat::kJson;
  if (n == "csv") return ExportFormat::kCsv;
  return std::nullopt;
}

const char* ExportFormatName(ExportFormat format) {
  switch (format) {
    case ExportFormat::kGraphml:
      return "graphml";
    case ExportFormat::kGexf:
      return "gexf";
    case ExportFormat::kGexf12:
      return "gexf1.2";
    case ExportFormat::kDot:
      return "dot";
    case ExportFormat::kJson:
      return "json";
    case ExportFormat::kCsv:
      return "csv";
  }
  return "graphml";
}

const char* ExportFormatChoices() { return "graphml, gexf, gexf1.2, dot, json, csv"; }

Result<ExportFormat> DetectExportFormat(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!path.empty() && path.back() == '/') return ExportFormat::kCsv;
  if (fs::is_directory(path, ec)) return ExportFormat::kCsv;
  const fs::path p(path);
  if (p.filename() == "nodes.csv") return ExportFormat::kCsv;
  const std::string ext = Lower(p.extension().string());
  if (ext == ".graphml" || ext == ".xml") return ExportFormat::kGraphml;
  if (ext == ".gexf") return ExportFormat::kGexf;
  if (ext == ".dot" || ext == ".gv") return ExportFormat::kDot;
  if (ext == ".json") return ExportFormat::kJson;
  if (ext == ".csv") {
    return Status::Usage("csv export writes a directory (nodes.csv and relationships.csv): give -o DIR, not " + path);
  }
  return Status::Usage("cannot tell the export format from '" + path + "'; give --format (" + ExportFormatChoices() +
                       ") or a file ending in .graphml, .gexf, .dot, .gv or .json, or a directory for csv");
}

std::string ExportTarget(ExportFormat format, const std::string& path) {
  if (format != ExportFormat::kCsv) return path;
  const std::filesystem::path p(path);
  if (p.filename() == "nodes.csv") {
    const std::string parent = p.parent_path().string();
    return parent.empty() ? "." : parent;
  }
  return path;
}

}  // namespace kg::interchange
