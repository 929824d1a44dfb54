// kg.search: full-text search over a CREATE FULLTEXT INDEX, forgiving
// case, diacritics and one typo per word (storage/fulltext_search.h ranks).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "exec/operator.h"
#include "exec/query_error.h"
#include "procedures/builtin_procedures.h"
#include "storage/fulltext_search.h"
#include "storage/transaction.h"

namespace kg {
namespace {

constexpr int64_t kMaxLimit = 10000;
const char* const kDefaultIndex = "names";
const char* const kCreateHint = "CREATE FULLTEXT INDEX names FOR (n) ON EACH [n.name, n.name_en, n.aliases] makes one";

// The index the options name, else `names`, else the only one.
const FullTextIndexDef& ChooseIndex(const Catalog& c, const Value* name) {
  const auto& all = c.fulltext_indexes();
  if (name && !name->is_null()) {
    if (!name->is_string()) ThrowSemantic("kg.search: option 'index' must be a string, not " + name->ToString());
    if (const FullTextIndexDef* d = c.FindFullTextIndex(name->as_string())) return *d;
    std::string known;
    for (const FullTextIndexDef& d : all) known += (known.empty() ? "" : ", ") + d.name;
    ThrowSemantic("kg.search: there is no full-text index named '" + name->as_string() + "'" +
                  (known.empty() ? std::string("; ") + kCreateHint : " (there is: " + known + ")"));
  }
  if (const FullTextIndexDef* d = c.FindFullTextIndex(kDefaultIndex)) return *d;
  if (all.size() == 1) return all[0];
  if (all.empty())
    ThrowSemantic(std::string("kg.search needs a full-text index and the database has none: ") + kCreateHint);
  std::string known;
  for (const FullTextIndexDef& d : all) known += (known.empty() ? "" : ", ") + d.name;
  ThrowSemantic("kg.search: there are several full-text indexes (" + known +
                ") and none is called 'names': say which with {index: '...'}");
}

std::vector<Value> SearchRow(Transaction& txn, const fulltext::SearchHit& hit) {
  // The matched value as written: the record holds it.
  Value matched(hit.folded);
  auto record = txn.GetNode(hit.node);
  if (!record.ok()) ThrowStatus(record.status());
  if (*record) {
    if (const Value* v = FindProperty((*record)->properties, hit.key)) {
      if (v->is_string()) {
        matched = *v;
      } else if (v->kind() == Value::Kind::kList && hit.element < v->as_list().size()) {
        matched = v->as_list()[hit.element];
      }
    }
  }
  // Three decimals say all the ranking does (kind plus 1/(2 + extra words)).
  const double score = std::round(hit.score * 1000.0) / 1000.0;
  return {Value(NodeRef{hit.node, nullptr}), Value(score), std::move(matched)};
}

std::unique_ptr<ProcedureRows> Search(ExecContext& ctx, std::vector<Value>& args) {
  Transaction& txn = *ctx.txn;
  const Catalog& c = txn.catalog();
  if (args[0].is_null()) return std::make_unique<VectorRows>(std::vector<std::vector<Value>>{});
  if (!args[0].is_string()) ThrowSemantic("kg.search: the text to find must be a string, not " + args[0].ToString());
  fulltext::SearchOptions options;
  const Value* index_name = nullptr;
  if (!args[1].is_null()) {
    if (!args[1].is_map()) ThrowSemantic("kg.search: the options must be a map, not " + args[1].ToString());
    for (const auto& [key, value] : args[1].as_map()) {
      if (key == "index") {
        index_name = &value;
      } else if (key == "limit") {
        if (value.kind() != Value::Kind::kInt || value.as_int() < 1 || value.as_int() > kMaxLimit) {
          ThrowSemantic("kg.search: option 'limit' must be an integer from 1 to " + std::to_string(kMaxLimit) +
                        ", not " + value.ToString());
        }
        options.limit = static_cast<size_t>(value.as_int());
      } else if (key == "labels") {
        bool ok = value.kind() == Value::Kind::kList;
        if (ok) {
          for (const Value& l : value.as_list()) ok = ok && l.is_string();
        }
        if (!ok) ThrowSemantic("kg.search: option 'labels' must be a list of label names, not " + value.ToString());
        bool any_known = false;
        for (const Value& l : value.as_list()) {
          if (auto id = c.FindLabel(l.as_string())) {
            options.labels.push_back(*id);
            any_known = true;
          }
        }
        // Labels no node has: nothing can match.
        if (!any_known && !value.as_list().empty())
          return std::make_unique<VectorRows>(std::vector<std::vector<Value>>{});
      } else {
        ThrowSemantic("kg.search: unknown option '" + key + "' (the options are index, labels and limit)");
      }
    }
  }
  const FullTextIndexDef& index = ChooseIndex(c, index_name);
  auto hits = fulltext::Search(txn, index, args[0].as_string(), options);
  if (!hits.ok()) ThrowStatus(hits.status());
  std::vector<std::vector<Value>> rows;
  for (const fulltext::SearchHit& hit : *hits) rows.push_back(SearchRow(txn, hit));
  return std::make_unique<VectorRows>(std::move(rows));
}

}  // namespace

void RegisterSearchProcedures(ProcedureRegistry* r) {
  r->Register({"kg.search",
               {ProcedureArgument{"text", CypherType::kString, std::nullopt},
                ProcedureArgument{"options", CypherType::kMap, Value()}},
               {ProcedureColumn{"node", CypherType::kNode}, ProcedureColumn{"score", CypherType::kFloat},
                ProcedureColumn{"matched", CypherType::kString}},
               false,
               "Nodes whose indexed names match the text, forgiving case, diacritics and one typo per word, best "
               "first; options {index, labels, limit}.",
               Search});
}

}  // namespace kg
