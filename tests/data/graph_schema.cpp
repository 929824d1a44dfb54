#include "data/graph_schema.h"

namespace kg::data_test {

namespace {
const std::set<std::string> kAny = {"Person", "Organization", "Ministry",   "Committee", "Country",   "Place",
                                    "Site",   "Event",        "Instrument", "Document",  "Statement", "Topic"};
}  // namespace

const std::set<std::string>& AllowedLabels() { return kAny; }

const std::map<std::string, RelationshipRule>& RelationshipRules() {
  static const std::set<std::string> kFact = {"source", "span"};
  static const std::map<std::string, RelationshipRule> rules = {
      // DATA-MODEL.md; a Country as HOLDS_POSITION's end (a head of state), as
      // ORGANIZED's start, HELD_IN's end, LOCATED_IN's start and ISSUED's start
      // are this repository's extensions.
      {"HOLDS_POSITION", {{"Person"}, {"Organization", "Country"}, {"source", "span", "role", "role_en"}}},
      {"MEMBER_OF", {{"Country", "Organization"}, {"Organization"}, {"source", "span", "role"}}},
      {"PART_OF", {{"Organization"}, {"Organization"}, kFact}},
      {"CHAIRED", {{"Person"}, {"Event"}, {"source", "span", "role"}}},
      {"ATTENDED", {{"Person", "Organization", "Country"}, {"Event"}, kFact}},
      {"ORGANIZED", {{"Organization", "Country"}, {"Event"}, kFact}},
      {"HELD_IN", {{"Event"}, {"Place", "Organization", "Country"}, kFact}},
      {"LOCATED_IN", {{"Place", "Site", "Organization", "Country"}, {"Place", "Country"}, kFact}},
      {"ISSUED", {{"Organization", "Person", "Country"}, {"Instrument"}, kFact}},
      {"CONCERNS", {{"Event", "Document", "Instrument"}, kAny, kFact}},
      {"PARTNER_OF", {{"Country", "Organization"}, {"Country", "Organization"}, kFact}},
      {"JOINED", {{"Country"}, {"Organization"}, {"source", "span", "date"}}},
      {"MENTIONS", {{"Document"}, kAny, {"spans"}}},
      {"PUBLISHED", {{"Organization"}, {"Document"}, {}}},
      // Extensions (data/README.md).
      {"IMPLEMENTS", {{"Organization", "Country"}, {"Instrument"}, kFact}},
      {"SUPPORTS",
       {{"Organization", "Country"}, {"Country", "Organization", "Instrument"}, {"source", "span", "role"}}},
      {"TOOK_PART_IN", {{"Organization", "Country"}, {"Organization", "Instrument"}, kFact}},
      {"CANDIDATE_FOR", {{"Country"}, {"Organization"}, {"source", "span", "term_from", "term_to"}}},
      {"BODY_OF", {{"Committee"}, {"Instrument"}, kFact}},
      {"ISSUED_AT", {{"Instrument"}, {"Event"}, kFact}},
      {"MANAGES", {{"Organization"}, {"Site"}, kFact}},
      {"AUTHORED", {{"Person", "Organization"}, {"Document"}, {"source", "span", "role"}}},
      // Statements (data/README.md, "Statements").
      {"SAID_BY", {{"Statement"}, {"Person", "Organization", "Country"}, kFact}},
      {"ABOUT", {{"Statement"}, kAny, kFact}},
      {"AT", {{"Statement"}, {"Event"}, kFact}},
  };
  return rules;
}

const std::map<std::string, std::string>& LabelOfKeyPrefix() {
  static const std::map<std::string, std::string> prefixes = {
      {"person", "Person"},         {"org", "Organization"}, {"ministry", "Ministry"},   {"committee", "Committee"},
      {"country", "Country"},       {"place", "Place"},      {"site", "Site"},           {"event", "Event"},
      {"instrument", "Instrument"}, {"doc", "Document"},     {"statement", "Statement"}, {"topic", "Topic"},
  };
  return prefixes;
}

const std::set<std::string>& DateProperties() {
  static const std::set<std::string> names = {"start",    "end",   "date",      "published", "valid_from",
                                              "valid_to", "since", "term_from", "term_to",   "reported"};
  return names;
}

const std::set<std::string>& Statuses() {
  static const std::set<std::string> names = {"intended", "planned", "offered", "committed", "ongoing", "done"};
  return names;
}

const std::set<std::string>& TypesWithStatus() {
  static const std::set<std::string> names = {"ATTENDED",     "CHAIRED",    "ORGANIZED",    "HELD_IN",
                                              "ISSUED",       "ISSUED_AT",  "IMPLEMENTS",   "SUPPORTS",
                                              "TOOK_PART_IN", "PARTNER_OF", "CANDIDATE_FOR"};
  return names;
}

const std::set<std::string>& StatementKinds() {
  static const std::set<std::string> names = {"affirmation", "emphasis", "recollection", "appreciation",
                                              "commitment",  "interest", "agreement",    "assessment",
                                              "proposal",    "call",     "offer"};
  return names;
}

const std::set<std::string>& PositionTypes() {
  static const std::set<std::string> names = {"HOLDS_POSITION", "MEMBER_OF", "CANDIDATE_FOR"};
  return names;
}

const std::vector<Measure>& Measures() {
  static const std::vector<Measure> measures = {{"count", "integer", "count_of"},
                                                {"amount", "number", "amount_unit"},
                                                {"years", "integer", "years_of"},
                                                {"horizon_years", "integer list", "horizon_years_of"}};
  return measures;
}

const std::set<std::string>& Precisions() {
  static const std::set<std::string> names = {"exact", "approximate", "at least", "at most"};
  return names;
}

}  // namespace kg::data_test
