// TckValue: a value written in the TCK's notation for expected results and
// parameters, and its comparison with what kg returns.
//
// Notation: null, true, false, integers (42, -7), floats (1.0, -0.5, 1e10,
// NaN, Inf, Infinity, -Inf), strings in single quotes (\' and \\ escaped),
// lists [1, 'a'], maps {name: 'a', `odd key`: 1}, nodes (:L1:L2 {k: v}) or
// (), relationships [:T {k: v}], and paths <(:A)-[:T]->(:B)<-[:U]-()>.
//
// Matching an actual kg::Value against an expected TckValue:
//   - integers and floats are different kinds (1 does not match 1.0);
//     floats match exactly, and NaN matches NaN;
//   - a kg date matches a string holding its ISO form (the TCK writes
//     temporal values as strings);
//   - lists match element by element, or as multisets when asked to ignore
//     element order; maps match key by key;
//   - a node matches by its set of labels and its properties, a
//     relationship by type and properties (ids are never compared);
//   - a path matches node by node and relationship by relationship,
//     including the direction of each relationship.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/value.h"

namespace kg::tck {

struct TckValue {
  enum class Kind { kNull, kBool, kInt, kFloat, kString, kList, kMap, kNode, kRelationship, kPath };
  Kind kind = Kind::kNull;
  bool b = false;
  int64_t i = 0;
  double f = 0;
  std::string s;
  std::vector<TckValue> list;           // list elements; a path's nodes and relationships, alternating
  std::map<std::string, TckValue> map;  // map entries; node and relationship properties
  std::vector<std::string> labels;      // node labels; a relationship's type is labels[0]
  std::vector<bool> forward;            // path: whether relationship k points from node k to node k + 1

  // The notation again (for messages).
  std::string ToString() const;
};

// Parses one value; the whole text must be used (surrounding blanks aside).
// Errors: kSyntax with what was expected and where.
Result<TckValue> ParseTckValue(const std::string& text);

// A parameter value: null, booleans, numbers, strings, lists and maps only.
// Errors: kUsage for nodes, relationships and paths.
Result<Value> ToKgValue(const TckValue& value);

bool Matches(const Value& actual, const TckValue& expected, bool ignore_list_order);

}  // namespace kg::tck
