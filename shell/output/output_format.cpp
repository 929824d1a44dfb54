// The names of the output formats, as the command line and :format take them.
#include "output/output_format.h"

#include <cctype>
#include <string>

namespace kg::shell {

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  std::string lower;
  lower.reserve(name.size());
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "table") return OutputFormat::kTable;
  if (lower == "csv") return OutputFormat::kCsv;
  if (lower == "tsv") return OutputFormat::kTsv;
  if (lower == "json") return OutputFormat::kJson;
  if (lower == "jsonl") return OutputFormat::kJsonl;
  if (lower == "markdown" || lower == "md") return OutputFormat::kMarkdown;
  return std::nullopt;
}

const char* OutputFormatName(OutputFormat format) {
  switch (format) {
    case OutputFormat::kTable:
      return "table";
    case OutputFormat::kCsv:
      return "csv";
    case OutputFormat::kTsv:
      return "tsv";
    case OutputFormat::kJson:
      return "json";
    case OutputFormat::kJsonl:
      return "jsonl";
    case OutputFormat::kMarkdown:
      return "markdown";
  }
  return "?";
}

const char* OutputFormatChoices() { return "table|csv|tsv|json|jsonl|markdown"; }

}  // namespace kg::shell
