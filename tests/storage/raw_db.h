// Opens a kg database directly with RocksDB, every column family, for tests
// that must write what kg itself never would (an old or future format, a
// damaged database for the consistency check).
#pragma once

#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace kg::test {

// `use` gets the database and every column family's handle by name
// ("nodes", "adjacency", ...; "default" is the catalog).
inline void WithRawFamilies(
    const std::string& path,
    const std::function<void(rocksdb::DB*, const std::map<std::string, rocksdb::ColumnFamilyHandle*>&)>& use) {
  std::vector<std::string> names;
  REQUIRE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  for (const auto& n : names) cfs.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  REQUIRE(rocksdb::DB::Open(rocksdb::DBOptions(), path, cfs, &handles, &raw).ok());
  std::map<std::string, rocksdb::ColumnFamilyHandle*> by_name;
  for (size_t i = 0; i < names.size(); ++i) by_name[names[i]] = handles[i];
  use(raw, by_name);
  for (auto* h : handles) raw->DestroyColumnFamilyHandle(h);
  delete raw;
}

// The same, for a test that needs only the database.
inline void WithRawDb(const std::string& path, const std::function<void(rocksdb::DB*)>& use) {
  WithRawFamilies(path,
                  [&](rocksdb::DB* raw, const std::map<std::string, rocksdb::ColumnFamilyHandle*>&) { use(raw); });
}

}  // namespace kg::test
