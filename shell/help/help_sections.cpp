// The generated sections of the help topics. A new one is a function that
// returns its text and a row in kSections.
#include "help/help_sections.h"

#include "interchange/formats.h"

namespace kg::shell {
namespace {

// "  graphml, gexf, gexf1.2, dot, json, csv": the names `kg export --format`
// takes.
std::string ExportFormats() { return std::string("  ") + interchange::ExportFormatChoices(); }

struct Section {
  const char* name;
  std::string (*text)();
};
constexpr Section kSections[] = {
    {"export-formats", ExportFormats},
};

}  // namespace

std::optional<std::string> GeneratedHelpSection(std::string_view name) {
  for (const Section& section : kSections) {
    if (name == section.name) return section.text();
  }
  return std::nullopt;
}

std::vector<std::string> GeneratedHelpSectionNames() {
  std::vector<std::string> names;
  for (const Section& section : kSections) names.emplace_back(section.name);
  return names;
}

}  // namespace kg::shell
