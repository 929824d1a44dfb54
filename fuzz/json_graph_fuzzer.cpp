// fuzz_json_graph: one file of kg's JSON graph format (data/README.md), read
// by the importer's JSON reader into a write transaction of an empty
// in-memory database that is then dropped.
#include <string_view>

#include "fuzz_support.h"
#include "interchange/import/importer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::vector<kg::interchange::NamedText> files{{"fuzz.json", text}};
  (void)kg::fuzz::ReadIntoDiscardedImport(size, [&](kg::interchange::ImportBuilder& builder) {
    return kg::interchange::ReadJsonGraphTexts(files, builder);
  });
  return 0;
}
