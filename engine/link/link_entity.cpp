#include "link/link_entity.h"

#include <algorithm>

namespace kg::link {
namespace {

constexpr const char* kEntityQuery =
    "MATCH (n) WHERE n.key IS NOT NULL AND NOT n:Document AND NOT n:Statement "
    "RETURN n.key, labels(n), n.name, n.name_en, n.aliases, n.short_forms ORDER BY n.key";

void AddForm(const Value& v, std::vector<std::string>* forms) {
  if (v.is_string()) {
    if (!v.as_string().empty() && std::find(forms->begin(), forms->end(), v.as_string()) == forms->end()) {
      forms->push_back(v.as_string());
    }
    return;
  }
  if (v.is_list()) {
    for (const Value& item : v.as_list()) AddForm(item, forms);
  }
}

}  // namespace

Result<std::vector<LinkEntity>> LoadLinkEntities(Database& db) {
  KG_ASSIGN_OR_RETURN(QueryResult result, db.Execute(kEntityQuery));
  std::vector<LinkEntity> entities;
  for (const std::vector<Value>& row : result.rows) {
    if (!row[0].is_string()) continue;  // a key that is not text cannot be written as a link end
    LinkEntity e;
    e.key = row[0].as_string();
    if (row[1].is_list()) {
      for (const Value& label : row[1].as_list()) {
        if (label.is_string()) e.labels.push_back(label.as_string());
      }
    }
    AddForm(row[2], &e.forms);
    AddForm(row[3], &e.forms);
    AddForm(row[4], &e.forms);
    AddForm(row[5], &e.forms);  // the bundled graph's contextual forms ('Hội nghị'), data/README.md
    if (row[2].is_string()) {
      e.name = row[2].as_string();
    } else if (row[3].is_string()) {
      e.name = row[3].as_string();
    } else {
      e.name = e.key;
    }
    entities.push_back(std::move(e));
  }
  return entities;
}

}  // namespace kg::link
