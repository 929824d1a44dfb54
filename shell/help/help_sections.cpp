// The generated sections of the help topics. A new one is a function that
// returns its text and a row in kSections.
#include "help/help_sections.h"

#include "help/help_rows.h"
#include "interchange/formats.h"

namespace kg::shell {
namespace {

// One row a format, from the format table (interchange/formats.h): its
// name, whether kg writes and reads it, what it is and the file endings
// that ask for it.
std::string Formats() {
  std::string out;
  for (const interchange::Format& f : interchange::Formats()) {
    std::string left = f.name;
    left.resize(10, ' ');
    AppendHelpRow(&out, left + interchange::FormatDirections(f), interchange::FormatSummary(f), 28);
  }
  if (!out.empty()) out.pop_back();  // the section's last line ends without a newline
  return out;
}

struct Section {
  const char* name;
  std::string (*text)();
};
constexpr Section kSections[] = {
    {"formats", Formats},
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
