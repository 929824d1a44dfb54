// The config map of an algo.* procedure, read and checked.
//
// Every algo.* procedure takes one map, e.g. {types: ['MEMBER_OF'],
// direction: 'undirected', damping: 0.9}. The projection keys (labels,
// types, direction, weight) mean the same in every procedure that accepts
// them; the others belong to one algorithm. A key the procedure does not
// know, or a value of the wrong type or out of range, ends the query with a
// semantic error that names the key and lists the accepted ones: a typo
// (`dampnig`) must not silently run with the default.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/value.h"
#include "graph/algo_graph.h"

namespace kg {

class AlgorithmConfig {
 public:
  // Which projection keys a procedure accepts.
  enum ProjectionKeys : unsigned {
    kLabelsAndTypes = 1,  // labels, types
    kDirection = 2,       // direction: 'out' (default unless said), 'in', 'undirected'
    kWeight = 4,          // weight: a relationship property
  };

  // `config` is the procedure's map argument (null: empty). Throws a
  // semantic error for a key outside the projection keys in `projection`
  // and `own_keys`.
  AlgorithmConfig(std::string procedure, const Value& config, unsigned projection, std::vector<std::string> own_keys);

  // The projection the keys describe; `orientation` when no direction is
  // given (or the procedure takes none).
  graph::ProjectionSpec Projection(graph::Orientation orientation) const;

  // An algorithm's own keys, with their defaults. Numbers must lie in
  // [min, max].
  double Number(const std::string& key, double fallback, double min, double max) const;
  int64_t Integer(const std::string& key, int64_t fallback, int64_t min, int64_t max) const;
  bool Boolean(const std::string& key, bool fallback) const;

 private:
  const Value* Find(const std::string& key) const;
  std::vector<std::string> Strings(const std::string& key) const;
  [[noreturn]] void Fail(const std::string& key, const std::string& what) const;

  std::string procedure_;
  ValueMap entries_;
};

}  // namespace kg
