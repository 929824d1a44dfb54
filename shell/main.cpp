// kg: the command-line program. The query shell arrives with the query
// language; until then kg reports on a database and checks that it opens.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <string>

#include "common/version.h"
#include "storage/graph_store.h"
#include "storage/transaction.h"

namespace {

int PrintInfo(const std::string& path, bool read_only) {
  kg::StoreOptions options;
  options.read_only = read_only;
  options.create_if_missing = !read_only;
  auto store = kg::GraphStore::Open(path, options);
  if (!store.ok()) {
    std::cerr << "kg: " << store.status().ToString() << "\n";
    return 1;
  }
  auto txn = (*store)->BeginRead();
  if (!txn.ok()) {
    std::cerr << "kg: " << txn.status().ToString() << "\n";
    return 1;
  }
  const kg::Catalog& c = (*txn)->catalog();
  std::cout << "database " << path << (read_only ? " (read-only)" : "") << ": " << c.node_count() << " nodes, "
            << c.rel_count() << " relationships, format version " << kg::Catalog::kFormatVersion << "\n";
  for (size_t i = 0; i < c.num_labels(); ++i) {
    std::cout << "  :" << c.LabelName(i) << "  " << c.NodesWithLabel(i) << " nodes\n";
  }
  for (size_t i = 0; i < c.num_rel_types(); ++i) {
    std::cout << "  [:" << c.RelTypeName(i) << "]  " << c.RelsOfType(i) << " relationships\n";
  }
  for (const kg::IndexDef& idx : c.indexes()) {
    std::cout << "  index on :" << c.LabelName(idx.label) << "(" << c.PropertyKeyName(idx.key) << ")\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kg " KG_VERSION ": an embedded knowledge-graph store with an openCypher-compatible query language"};
  app.set_version_flag("--version", "kg " KG_VERSION);
  std::string db;
  bool read_only = false;
  app.add_option("--db", db, "Database directory to open (created when missing, unless --read-only)");
  app.add_flag("--read-only", read_only, "Open without write access (works while another process writes)");
  app.footer(
      "With --db, kg opens the database and prints its labels, relationship types and indexes.\n"
      "The query shell (-e, -f, the REPL) comes with the query language.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version end parsing with success; anything else is bad
    // usage, which scripts see as exit code 2.
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  if (db.empty()) {
    std::cout << app.help() << std::flush;
    return 0;
  }
  return PrintInfo(db, read_only);
}
