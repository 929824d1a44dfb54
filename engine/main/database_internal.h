// For engine code only: the store under a Database. The importer's sinks
// (interchange/import/import_sink.h) write through it in one transaction
// or a bulk load, below the statements of Database's public API. The shell
// and other users of the engine go through main/database.h.
#pragma once

#include "main/database.h"
#include "storage/graph_store.h"

namespace kg {

GraphStore& StoreOf(Database& db);

}  // namespace kg
