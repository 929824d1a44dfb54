// Helpers shared by the storage tests: temporary database directories and
// name-based shorthands for the id-based storage API.
#pragma once

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "storage/graph_store.h"
#include "storage/transaction.h"

namespace kg::test {

// A directory under /tmp, removed with everything in it when the test ends.
class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/kg-test-XXXXXX";
    REQUIRE(mkdtemp(tmpl) != nullptr);
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }
  // Writes `text` to the file `name` in the directory, as bytes.
  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(Sub(name), std::ios::binary) << text;
  }

 private:
  std::string path_;
};

inline std::unique_ptr<GraphStore> OpenStore(const std::string& path, StoreOptions options = {}) {
  auto store = GraphStore::Open(path, options);
  INFO(store.status().ToString());
  REQUIRE(store.ok());
  return std::move(store).value();
}

inline std::unique_ptr<Transaction> Write(GraphStore& store) {
  auto txn = store.BeginWrite();
  INFO(txn.status().ToString());
  REQUIRE(txn.ok());
  return std::move(txn).value();
}

inline std::unique_ptr<Transaction> Read(GraphStore& store) {
  auto txn = store.BeginRead();
  INFO(txn.status().ToString());
  REQUIRE(txn.ok());
  return std::move(txn).value();
}

template <typename T>
T Must(Result<T> r) {
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  return std::move(r).value();
}

inline void MustOk(const Status& s) {
  INFO(s.ToString());
  REQUIRE(s.ok());
}

using NamedProps = std::vector<std::pair<std::string, Value>>;

inline Properties Props(Transaction& txn, const NamedProps& named) {
  Properties props;
  for (const auto& [name, value] : named) props.push_back(Property{Must(txn.InternPropertyKey(name)), value});
  return props;
}

inline NodeId AddNode(Transaction& txn, std::initializer_list<const char*> labels, const NamedProps& props = {}) {
  std::vector<LabelId> ids;
  for (const char* l : labels) ids.push_back(Must(txn.InternLabel(l)));
  return Must(txn.CreateNode(ids, Props(txn, props)));
}

inline RelId AddRel(Transaction& txn, const char* type, NodeId from, NodeId to, const NamedProps& props = {}) {
  return Must(txn.CreateRelationship(Must(txn.InternRelType(type)), from, to, Props(txn, props)));
}

inline LabelId LabelOf(const Transaction& txn, const char* name) {
  auto id = txn.catalog().FindLabel(name);
  REQUIRE(id.has_value());
  return *id;
}

inline RelTypeId TypeOf(const Transaction& txn, const char* name) {
  auto id = txn.catalog().FindRelType(name);
  REQUIRE(id.has_value());
  return *id;
}

inline PropertyKeyId KeyOf(const Transaction& txn, const char* name) {
  auto id = txn.catalog().FindPropertyKey(name);
  REQUIRE(id.has_value());
  return *id;
}

// The value of a named property of a node, or null.
inline Value PropOf(Transaction& txn, NodeId id, const char* name) {
  auto node = Must(txn.GetNode(id));
  REQUIRE(node.has_value());
  auto key = txn.catalog().FindPropertyKey(name);
  if (!key) return Value();
  const Value* v = FindProperty(node->properties, *key);
  return v ? *v : Value();
}

inline std::vector<NodeId> Collect(std::unique_ptr<NodeIdCursor> c) {
  std::vector<NodeId> out;
  for (; c->Valid(); c->Next()) out.push_back(c->id());
  MustOk(c->status());
  return out;
}

inline std::vector<AdjacencyEntry> Collect(std::unique_ptr<AdjacencyCursor> c) {
  std::vector<AdjacencyEntry> out;
  for (; c->Valid(); c->Next()) out.push_back(c->entry());
  MustOk(c->status());
  return out;
}

struct Run {
  int exit_code;
  std::string output;  // stdout and stderr together
};

#ifdef KG_BINARY
// Runs the kg program as a user would, capturing what it prints.
inline Run RunKg(const std::string& args) {
  std::string cmd = std::string(KG_BINARY) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = pclose(p);
  return Run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}
#endif

}  // namespace kg::test
