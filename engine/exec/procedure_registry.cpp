#include "exec/procedure_registry.h"

#include <algorithm>
#include <cctype>

namespace kg {

namespace {

bool SameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

}  // namespace

void ProcedureRegistry::Register(Procedure procedure) {
  ++version_;
  for (auto& p : procedures_) {
    if (SameName(p->name, procedure.name)) {
      *p = std::move(procedure);
      return;
    }
  }
  procedures_.push_back(std::make_unique<Procedure>(std::move(procedure)));
}

const Procedure* ProcedureRegistry::Find(std::string_view name) const {
  for (const auto& p : procedures_) {
    if (SameName(p->name, name)) return p.get();
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
