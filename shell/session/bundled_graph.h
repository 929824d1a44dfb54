// The bundled knowledge graph: the database `kg` opens when no --db is
// given. It lives outside the source tree, in the user's data directory:
// $XDG_DATA_HOME/kg/bundled, else ~/.local/share/kg/bundled.
#pragma once

#include <ostream>
#include <string>

#include "common/status.h"

namespace kg::shell {

// The bundled graph's database directory, made ready to open (its parent
// directories created). Messages about the work go to `progress`.
Result<std::string> PrepareBundledGraph(std::ostream& progress);

}  // namespace kg::shell
