// fuzz_csv_graph: a CSV graph directory, read by the importer's CSV reader
// into a write transaction of an empty in-memory database that is then
// dropped. The input holds the directory's files one after another, each
// after a line "#> NAME" (the text before the first such line is
// nodes.csv). NAME is one of the files the reader looks for: nodes.csv,
// relationships.csv, manifest.json, nodes/WORD.csv or edges/WORD.csv (WORD
// letters, digits and '_'); a section with another name is skipped.
#include <cctype>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "interchange/formats.h"

namespace {

bool IsWord(std::string_view s) {
  if (s.empty() || s.size() > 32) return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

bool KnownName(std::string_view name) {
  if (name == "nodes.csv" || name == "relationships.csv" || name == "manifest.json") return true;
  for (std::string_view dir : {"nodes/", "edges/"}) {
    if (name.substr(0, dir.size()) == dir && name.size() > dir.size() + 4 && name.substr(name.size() - 4) == ".csv") {
      return IsWord(name.substr(dir.size(), name.size() - dir.size() - 4));
    }
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  kg::fuzz::ClearScratch();
  std::string name = "nodes.csv";
  size_t pos = 0;
  while (pos <= input.size()) {
    // The section runs to the next line that starts with "#> ".
    size_t end = pos;
    for (;;) {
      end = input.find("#> ", end);
      if (end == std::string_view::npos || end == 0 || input[end - 1] == '\n') break;
      ++end;
    }
    if (end == std::string_view::npos) end = input.size();
    if (KnownName(name)) kg::fuzz::WriteFile("g/" + name, input.substr(pos, end - pos));
    if (end == input.size()) break;
    const size_t line_end = input.find('\n', end);
    name = std::string(input.substr(end + 3, (line_end == std::string_view::npos ? input.size() : line_end) - end - 3));
    pos = line_end == std::string_view::npos ? input.size() + 1 : line_end + 1;
  }
  const std::string dir = kg::fuzz::ScratchDir() + "/g";
  static const kg::interchange::Format* csv = kg::interchange::ParseImportFormat("csv").value();
  (void)kg::fuzz::ReadIntoDiscardedImport(
      size, [&](kg::interchange::ImportBuilder& builder) { return csv->reader(dir, "g", builder); });
  return 0;
}
