// A Database over a store the test also writes to directly. Some graphs
// the export tests need cannot be made with Cypher (bytes that are not
// UTF-8, NaN, a time in a zone's overlap): they are written through the
// storage API, and the export and import under test go through the
// Database as the shell's do.
#pragma once

#include <memory>
#include <string>

#include "main/database.h"
#include "test_util.h"

namespace kg::test {

struct StoreDatabase {
  GraphStore* store = nullptr;  // owned by db
  std::unique_ptr<Database> db;
};

inline StoreDatabase OpenStoreDatabase(const std::string& path, DatabaseOptions options = {}) {
  std::unique_ptr<GraphStore> store = OpenStore(path, options.store);
  StoreDatabase s;
  s.store = store.get();
  s.db = std::make_unique<Database>(std::move(store), options);
  return s;
}

}  // namespace kg::test
