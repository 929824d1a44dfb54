// The procedures one Database knows: the built-in ones (engine/procedures/)
// and any an embedding program adds. Names are matched case-insensitively.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "exec/procedure.h"

namespace kg {

class ProcedureRegistry {
 public:
  // Adds `procedure`, replacing one of the same name.
  void Register(Procedure procedure);
  // The procedure called `name`, or nullptr.
  const Procedure* Find(std::string_view name) const;
  // All of them, sorted by name.
  std::vector<const Procedure*> All() const;
  // Changes on every Register: plans that resolved a procedure remember it.
  uint64_t version() const { return version_; }

 private:
  std::vector<std::unique_ptr<Procedure>> procedures_;
  uint64_t version_ = 0;
};

}  // namespace kg
