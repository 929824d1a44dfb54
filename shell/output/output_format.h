// The output formats of kg: how results are printed. Their names come from
// one table (output_format.cpp) that --format, :format, its completion and
// the messages listing the choices all read.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg::shell {

enum class OutputFormat { kTable, kCsv, kTsv, kJson, kJsonl, kMarkdown };

// "table", "csv", "tsv", "json", "jsonl", "markdown" (also "md"); case-insensitive.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);
const char* OutputFormatName(OutputFormat format);
// Every format's name, in the table's order (aliases such as "md" left out).
const std::vector<std::string>& OutputFormatNames();
// "table|csv|tsv|json|jsonl|markdown", for help and error messages.
const char* OutputFormatChoices();

}  // namespace kg::shell
