// The vocabulary the bundled graph may use: the labels and relationship types
// of ../shared/DATA-MODEL.md plus the extensions documented in data/README.md
// ("Beyond the data model"). Keep the three in step.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace kg::data_test {

struct RelationshipRule {
  std::set<std::string> from;  // the start node needs one of these labels
  std::set<std::string> to;    // the end node needs one of these labels
  std::set<std::string> required_properties;
};

const std::set<std::string>& AllowedLabels();
const std::map<std::string, RelationshipRule>& RelationshipRules();

// The label a key's prefix promises: "person/x" is a Person, "committee/x" a Committee.
const std::map<std::string, std::string>& LabelOfKeyPrefix();

// Properties that hold dates, in any label or type.
const std::set<std::string>& DateProperties();

// `status`: what a fact or an event is by the text's tense and verbs
// (data/README.md, "Plans, commitments and things done"), and the
// relationship types that must carry one.
const std::set<std::string>& Statuses();
const std::set<std::string>& TypesWithStatus();

// A Statement's `kind`: what its speaker does with the words.
const std::set<std::string>& StatementKinds();

// Relationship types that are a position or a seat: each says when it holds
// (valid_from/valid_to, or reported) unless its article gives no date.
const std::set<std::string>& PositionTypes();

// A quantity the text states (data/README.md, "Quantities"): each measure,
// the property that must say what it measures (`count_of`, `amount_unit`, …),
// and the precisions a `<measure>_precision` may have.
struct Measure {
  std::string name;      // count, amount, years, horizon_years
  std::string value;     // "integer", "number" or "integer list"
  std::string describe;  // the property naming what is measured
};
const std::vector<Measure>& Measures();
const std::set<std::string>& Precisions();

}  // namespace kg::data_test
