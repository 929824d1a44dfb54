// The writer families behind MakeResultWriter, one per source file.
#pragma once

#include <memory>
#include <ostream>

#include "output/result_writer.h"

namespace kg::shell {

// table_writer.cpp
std::unique_ptr<ResultWriter> MakeTableWriter(std::ostream& out, const WriterOptions& options);
// delimited_writer.cpp: csv (delimiter ',') and tsv (delimiter '\t')
std::unique_ptr<ResultWriter> MakeCsvWriter(std::ostream& out, std::ostream& info, const WriterOptions& options);
std::unique_ptr<ResultWriter> MakeTsvWriter(std::ostream& out, std::ostream& info, const WriterOptions& options);
// json_writer.cpp
std::unique_ptr<ResultWriter> MakeJsonWriter(std::ostream& out, std::ostream& info, const WriterOptions& options);
std::unique_ptr<ResultWriter> MakeJsonlWriter(std::ostream& out, std::ostream& info, const WriterOptions& options);
// markdown_writer.cpp
std::unique_ptr<ResultWriter> MakeMarkdownWriter(std::ostream& out, std::ostream& info, const WriterOptions& options);

}  // namespace kg::shell
