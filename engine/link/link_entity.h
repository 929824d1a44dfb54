// The nodes an article can be linked to, as the linker sees them.
//
// LoadLinkEntities reads them from a database: every node with a string `key`
// that is not a :Document (an article is not a mention of another article)
// or a :Statement (its name summarises words, it is not named by them),
// with `name`, `name_en`, `aliases` and `short_forms` (each a string or a list
// of strings) as the forms to look for: a short form too generic to identify
// its node alone ('Hội nghị') is still how an article names it, and the
// matcher leaves out a form that names several nodes. A node without `key` is left out: MENTIONS written for
// review name their targets by key.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "main/database.h"

namespace kg::link {

struct LinkEntity {
  std::string key;
  std::vector<std::string> labels;
  std::string name;                // `name`, else `name_en`, else the key
  std::vector<std::string> forms;  // name, name_en, aliases, short_forms: each distinct form once
};

// The entities of `db`, in key order. Fails only when the query does.
Result<std::vector<LinkEntity>> LoadLinkEntities(Database& db);

}  // namespace kg::link
