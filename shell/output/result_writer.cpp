// MakeResultWriter: the writer of each output format.
#include "output/result_writer.h"

#include "output/writer_factories.h"

namespace kg::shell {

std::unique_ptr<ResultWriter> MakeResultWriter(OutputFormat format, std::ostream& out, std::ostream& info,
                                               const WriterOptions& options) {
  switch (format) {
    case OutputFormat::kTable:
      // The table is for people: its footer belongs with it on `out`.
      return MakeTableWriter(out, options);
    case OutputFormat::kCsv:
      return MakeCsvWriter(out, info, options);
    case OutputFormat::kTsv:
      return MakeTsvWriter(out, info, options);
    case OutputFormat::kJson:
      return MakeJsonWriter(out, info, options);
    case OutputFormat::kJsonl:
      return MakeJsonlWriter(out, info, options);
    case OutputFormat::kMarkdown:
      return MakeMarkdownWriter(out, info, options);
  }
  return MakeTableWriter(out, options);
}

}  // namespace kg::shell
