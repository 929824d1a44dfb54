// fuzz_graphml: one GraphML file (kg's export or a foreign one), read by the
// importer's GraphML reader (expat) into a write transaction of an empty
// in-memory database that is then dropped. The reader takes a path, so the
// bytes go to a scratch file first.
#include <string_view>

#include "fuzz_support.h"
#include "interchange/formats.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = kg::fuzz::ScratchDir() + "/fuzz.graphml";
  kg::fuzz::WriteFile("fuzz.graphml", std::string_view(reinterpret_cast<const char*>(data), size));
  (void)kg::fuzz::ReadIntoDiscardedImport(size, [&](kg::interchange::ImportBuilder& builder) {
    return kg::interchange::ParseImportFormat("graphml").value()->reader(path, "fuzz.graphml", builder);
  });
  return 0;
}
