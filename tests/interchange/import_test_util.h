// Helpers of the import tests: a database on disk (the bulk path needs
// one), files written from the test, queries that count and fetch.
#pragma once

#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "interchange/import/importer.h"
#include "main/database.h"
#include "test_util.h"

namespace kg::test {

class ImportFixture {
 public:
  ImportFixture() {
    auto db = Database::Open(dir_.Sub("db"));
    INFO(db.status().ToString());
    REQUIRE(db.ok());
    db_ = std::move(db).value();
  }
  Database& db() { return *db_; }
  // A file (and its parent directories) under the test's directory.
  std::string Write(const std::string& relative, const std::string& text) {
    const std::string path = dir_.Sub(relative);
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  std::string Sub(const std::string& relative) const { return dir_.Sub(relative); }

  Result<interchange::ImportReport> Import(const std::vector<std::string>& paths,
                                           const interchange::ImportOptions& options = {}) {
    return interchange::ImportGraph(*db_, paths, options);
  }
  interchange::ImportReport MustImport(const std::vector<std::string>& paths,
                                       const interchange::ImportOptions& options = {}) {
    auto r = Import(paths, options);
    INFO(r.status().ToString());
    REQUIRE(r.ok());
    return std::move(r).value();
  }

  std::vector<std::vector<Value>> Rows(const std::string& query) {
    auto r = db_->Execute(query);
    INFO(query << ": " << r.status().ToString());
    REQUIRE(r.ok());
    return r->rows;
  }
  // The one value of a one-row, one-column query.
  Value One(const std::string& query) {
    auto rows = Rows(query);
    INFO(query);
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0].size() == 1);
    return rows[0][0];
  }
  int64_t Nodes() { return One("MATCH (n) RETURN count(n)").as_int(); }
  int64_t Relationships() { return One("MATCH ()-[r]->() RETURN count(r)").as_int(); }

 private:
  TempDir dir_;
  std::unique_ptr<Database> db_;
};

// The message of a failed import (the test fails if it succeeded).
inline std::string ImportError(const Result<interchange::ImportReport>& r) {
  REQUIRE_FALSE(r.ok());
  return r.status().message();
}

}  // namespace kg::test

// Values print as Cypher literals in failed checks.
namespace Catch {
template <>
struct StringMaker<kg::Value> {
  static std::string convert(const kg::Value& v) { return v.ToString(); }
};
}  // namespace Catch
