// The procedures every Database has. Each family lives in its own file and
// registers its procedures here.
#pragma once

#include "exec/procedure_registry.h"

namespace kg {

void RegisterDbProcedures(ProcedureRegistry* r);         // db_procedures.cpp: db.labels, db.schema, dbms.*
void RegisterAlgorithmProcedures(ProcedureRegistry* r);  // algorithm_procedures.cpp: algo.*
void RegisterSearchProcedures(ProcedureRegistry* r);     // search_procedures.cpp: kg.search

// All of the above.
inline void RegisterBuiltinProcedures(ProcedureRegistry* r) {
  RegisterDbProcedures(r);
  RegisterAlgorithmProcedures(r);
  RegisterSearchProcedures(r);
}

}  // namespace kg
