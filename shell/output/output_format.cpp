// The names of the output formats, as the command line and :format take them.
#include "output/output_format.h"

#include "common/utf8.h"

namespace kg::shell {
namespace {

struct FormatName {
  OutputFormat format;
  const char* name;
  const char* alias;  // another name ParseOutputFormat takes, or nullptr
};

// One row per format: a new format is a row here, a writer (writer_factories.h)
// and a case in MakeResultWriter.
constexpr FormatName kFormats[] = {
    {OutputFormat::kTable, "table", nullptr}, {OutputFormat::kCsv, "csv", nullptr},
    {OutputFormat::kTsv, "tsv", nullptr},     {OutputFormat::kJson, "json", nullptr},
    {OutputFormat::kJsonl, "jsonl", nullptr}, {OutputFormat::kMarkdown, "markdown", "md"},
};

}  // namespace

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  for (const FormatName& f : kFormats) {
    if (utf8::EqualsIgnoreCase(name, f.name) || (f.alias != nullptr && utf8::EqualsIgnoreCase(name, f.alias))) {
      return f.format;
    }
  }
  return std::nullopt;
}

const char* OutputFormatName(OutputFormat format) {
  for (const FormatName& f : kFormats) {
    if (f.format == format) return f.name;
  }
  return "?";
}

const std::vector<std::string>& OutputFormatNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const FormatName& f : kFormats) out.emplace_back(f.name);
    return out;
  }();
  return names;
}

const char* OutputFormatChoices() {
  static const std::string choices = [] {
    std::string out;
    for (const std::string& name : OutputFormatNames()) out += (out.empty() ? "" : "|") + name;
    return out;
  }();
  return choices.c_str();
}

}  // namespace kg::shell
