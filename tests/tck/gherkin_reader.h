// GherkinReader: the subset of Gherkin the openCypher TCK uses.
//
// A .feature file holds one Feature with an optional Background and any
// number of Scenarios and Scenario Outlines (each with Examples tables).
// Steps carry an optional doc string ("""...""", its indentation removed as
// far as the opening quotes were indented) or a data table (| cells |, where
// \| is a bar, \\ a backslash and \n a newline). Lines starting with # are
// comments; @tags apply to the next Feature, Scenario or Examples.
//
// ExpandCases turns a Feature into the cases a runner executes: one per plain
// Scenario and one per Examples row of an outline, with every <name> in the
// scenario's name, step texts, doc strings and table cells replaced by the
// row's value. The Background's steps come first in every case.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"

namespace kg::tck {

using TableRow = std::vector<std::string>;

struct Step {
  std::string keyword;  // Given, When, Then, And, But or *
  std::string text;     // the rest of the line, e.g. "executing query:"
  std::optional<std::string> doc_string;
  std::vector<TableRow> table;
  int line = 0;
};

struct Examples {
  std::vector<std::string> tags;
  std::vector<TableRow> table;  // the first row names the placeholders
  std::vector<int> row_lines;   // the line of each row of `table`
};

struct Scenario {
  std::string name;
  std::vector<std::string> tags;
  bool outline = false;
  std::vector<Step> steps;
  std::vector<Examples> examples;
  int line = 0;
};

struct Feature {
  std::string name;
  std::vector<std::string> tags;
  std::vector<Step> background;
  std::vector<Scenario> scenarios;
};

// Parses the text of a feature file; `source` names it in error messages.
// Errors (kIo): text outside any Feature or Scenario that Gherkin would
// reject, an unterminated doc string, an outline without Examples.
Result<Feature> ParseFeature(const std::string& text, const std::string& source);
// Reads and parses a file (kIo when it cannot be read).
Result<Feature> ReadFeatureFile(const std::string& path);

struct TestCase {
  std::string scenario;           // the scenario's name, placeholders substituted
  std::string example;            // "name=value, ..." of the Examples row; empty for plain scenarios
  std::vector<std::string> tags;  // the feature's, scenario's and Examples' tags
  std::vector<Step> steps;        // background steps, then the scenario's
  int line = 0;                   // the scenario's line, or the Examples row's
};

std::vector<TestCase> ExpandCases(const Feature& feature);

}  // namespace kg::tck
