#include "commands/why_command.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "cli/exit_codes.h"
#include "session/bundled_graph.h"

namespace kg::shell {

namespace {

// One statement for all the ids: one pass over the relationships.
constexpr const char* kEvidenceQuery =
    "MATCH (a)-[r]->(b) WHERE id(r) IN $ids\n"
    "OPTIONAL MATCH (d:Document {key: r.source})\n"
    "RETURN id(r), type(r), a, b, properties(r), d, kg.evidence(r)";

const ValueMap* PropertiesOf(const Value& v) {
  if (v.is_node() && v.as_node().view) return &v.as_node().view->properties;
  if (v.is_map()) return &v.as_map();
  return nullptr;
}

// A property as text: a string as it is, anything else as Cypher writes it.
std::string Text(const ValueMap* props, const std::string& key) {
  if (props == nullptr) return std::string();
  auto it = props->find(key);
  if (it == props->end() || it->second.is_null()) return std::string();
  return it->second.is_string() ? it->second.as_string() : it->second.ToString();
}

// What a node is called: its name, else its key, else #id; a Document by
// its key (its title is on the next line).
std::string NameOf(const Value& node) {
  const ValueMap* props = PropertiesOf(node);
  const bool document =
      node.is_node() && node.as_node().view != nullptr &&
      std::count(node.as_node().view->labels.begin(), node.as_node().view->labels.end(), "Document") > 0;
  std::string name = document ? Text(props, "key") : Text(props, "name");
  if (name.empty()) name = Text(props, "key");
  if (name.empty() && node.is_node()) name = "#" + std::to_string(node.as_node().id);
  return name;
}

// The relationship's properties but the provenance, as {role: 'Chủ tịch'}.
std::string FactProperties(const Value& props) {
  if (!props.is_map()) return std::string();
  std::string out;
  for (const auto& [key, value] : props.as_map()) {
    if (key == "source" || key == "span" || key == "spans") continue;
    out += (out.empty() ? " {" : ", ") + key + ": " + value.ToString();
  }
  return out.empty() ? out : out + "}";
}

void WriteOne(const std::vector<Value>& row, std::ostream& out) {
  const Value& id = row[0];
  const Value& a = row[2];
  const Value& b = row[3];
  const Value& props = row[4];
  const Value& evidence = row[6];
  out << "#" << id.ToString() << " (" << NameOf(a) << ")-[:" << (row[1].is_string() ? row[1].as_string() : "?")
      << FactProperties(props) << "]->(" << NameOf(b) << ")\n";
  // The Document: the one `source` names, else (MENTIONS) the start node.
  const ValueMap* doc = PropertiesOf(row[5]);
  if (doc == nullptr && Text(PropertiesOf(props), "source").empty() && !Text(PropertiesOf(a), "file").empty()) {
    doc = PropertiesOf(a);
  }
  if (doc != nullptr) {
    std::string date = Text(doc, "published");
    if (date.empty()) date = "undated";
    out << "  " << Text(doc, "key") << " · " << Text(doc, "title") << " · " << date;
    if (evidence.is_list()) {
      const size_t n = evidence.as_list().size();
      out << " · " << n << (n == 1 ? " mention" : " mentions");
    }
    out << "\n";
  }
  if (evidence.is_string()) {
    out << "  " << evidence.as_string() << "\n";
  } else if (evidence.is_list()) {
    size_t n = 0;
    for (const Value& mention : evidence.as_list()) {
      out << "  " << ++n << ". " << (mention.is_string() ? mention.as_string() : mention.ToString()) << "\n";
    }
  } else {
    out << "  (no span recorded: this fact does not point at an article's words)\n";
  }
}

void Collect(const Value& v, std::vector<uint64_t>* ids, std::set<uint64_t>* seen) {
  auto add = [&](uint64_t id) {
    if (seen->insert(id).second) ids->push_back(id);
  };
  if (v.is_relationship()) {
    add(v.as_relationship().id);
  } else if (v.is_path()) {
    for (const RelRef& r : v.as_path().rels) add(r.id);
  } else if (v.is_list()) {
    for (const Value& item : v.as_list()) Collect(item, ids, seen);
  } else if (v.is_map()) {
    for (const auto& [key, item] : v.as_map()) Collect(item, ids, seen);
  }
}

}  // namespace

Status WriteEvidence(Database& db, const std::vector<uint64_t>& ids, std::ostream& out) {
  ValueList list;
  for (uint64_t id : ids) list.emplace_back(static_cast<int64_t>(id));
  // An id names one relationship whatever day as-of mode reads: the
  // evidence query looks past the mode (and puts it back).
  const std::optional<Date> as_of = db.options().as_of;
  db.SetAsOf(std::nullopt);
  Result<QueryResult> found = db.Execute(kEvidenceQuery, {{"ids", Value(std::move(list))}});
  db.SetAsOf(as_of);
  KG_ASSIGN_OR_RETURN(QueryResult result, std::move(found));
  std::map<uint64_t, const std::vector<Value>*> by_id;
  for (const auto& row : result.rows) by_id[static_cast<uint64_t>(row[0].as_int())] = &row;
  for (uint64_t id : ids) {
    if (!by_id.count(id)) {
      return Status::NotFound("no relationship has id " + std::to_string(id) +
                              " (id(r) in a query gives a relationship's id)");
    }
  }
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out << "\n";
    WriteOne(*by_id[ids[i]], out);
  }
  return Status::Ok();
}

Result<std::vector<uint64_t>> ParseRelationshipIds(std::string_view args) {
  std::vector<uint64_t> ids;
  size_t i = 0;
  while (i < args.size()) {
    if (args[i] == ' ' || args[i] == '\t' || args[i] == ',') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < args.size() && args[j] != ' ' && args[j] != '\t' && args[j] != ',') ++j;
    const std::string_view word = args.substr(i, j - i);
    const bool digits =
        word.size() <= 18 && std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) {
      return Status::Usage("'" + std::string(word) + "' is not a relationship id; usage: :why [ID ...]");
    }
    ids.push_back(std::stoull(std::string(word)));
    i = j;
  }
  return ids;
}

std::vector<uint64_t> RelationshipsOf(const std::vector<std::vector<Value>>& rows) {
  std::vector<uint64_t> ids;
  std::set<uint64_t> seen;
  for (const auto& row : rows) {
    for (const Value& v : row) Collect(v, &ids, &seen);
  }
  return ids;
}

CLI::App* AddWhySubcommand(CLI::App& app, WhyArguments* args) {
  CLI::App* sub = app.add_subcommand(
      "why", "Shows the evidence for relationships: the sentence of the source article their span points at");
  sub->add_option("--db", args->db, "Database directory (default: the bundled knowledge graph); opened read-only");
  sub->add_option("--sources", args->sources,
                  "Directory of the article texts (default: $KG_SOURCES, else a checkout's ../shared/seeds)");
  sub->add_option("--rel", args->rels, "A relationship's id, as id(r) gives it (repeatable)")
      ->required()
      ->type_size(1)
      ->allow_extra_args(false);
  sub->footer(
      "Examples:\n"
      "  kg why --rel 17\n"
      "  kg why --db research.kg --sources ~/articles --rel 17 --rel 40");
  return sub;
}

int RunWhySubcommand(const WhyArguments& args, const std::string& sources_dir, std::ostream& out, std::ostream& err) {
  DatabaseOptions db_options;
  db_options.store.read_only = true;
  db_options.store.create_if_missing = false;
  db_options.sources_dir = sources_dir;
  std::string path = args.db;
  if (path.empty()) {
    Result<std::string> bundled = PrepareBundledGraph(err);
    if (!bundled.ok()) {
      err << "kg why: " << bundled.status().ToString() << "\n";
      return kExitFailed;
    }
    path = *bundled;
  }
  Result<std::unique_ptr<Database>> db = Database::Open(path, db_options);
  if (!db.ok()) {
    err << "kg why: " << db.status().ToString() << "\n";
    return kExitFailed;
  }
  const Status status = WriteEvidence(**db, args.rels, out);
  if (!status.ok()) {
    err << "kg why: " << status.message() << "\n";
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace kg::shell
