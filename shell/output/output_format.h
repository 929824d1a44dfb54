// The output formats of kg: how results are printed.
#pragma once

#include <optional>
#include <string_view>

namespace kg::shell {

enum class OutputFormat { kTable, kCsv, kTsv, kJson, kJsonl, kMarkdown };

// "table", "csv", "tsv", "json", "jsonl", "markdown" (also "md"); case-insensitive.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);
const char* OutputFormatName(OutputFormat format);
// "table|csv|tsv|json|jsonl|markdown", for help and error messages.
const char* OutputFormatChoices();

}  // namespace kg::shell
