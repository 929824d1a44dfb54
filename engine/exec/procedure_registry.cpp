#include "exec/procedure_registry.h"

#include <algorithm>

#include "common/utf8.h"

namespace kg {

void ProcedureRegistry::Register(Procedure procedure) {
  ++version_;
  for (auto& p : procedures_) {
    if (utf8::EqualsIgnoreCase(p->name, procedure.name)) {
      *p = std::move(procedure);
      return;
    }
  }
  procedures_.push_back(std::make_unique<Procedure>(std::move(procedure)));
}

const Procedure* ProcedureRegistry::Find(std::string_view name) const {
  for (const auto& p : procedures_) {
    if (utf8::EqualsIgnoreCase(p->name, name)) return p.get();
  }
  return nullptr;
}

std::vector<const Procedure*> ProcedureRegistry::All() const {
  std::vector<const Procedure*> out;
  for (const auto& p : procedures_) out.push_back(p.get());
  std::sort(out.begin(), out.end(), [](const Procedure* a, const Procedure* b) { return a->name < b->name; });
  return out;
}

}  // namespace kg
