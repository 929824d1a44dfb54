#include "tck/gherkin_reader.h"

#include <fstream>
#include <map>
#include <sstream>

namespace kg::tck {
namespace {

std::string Trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

bool StartsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// Splits "| a | b\|c |" into unescaped, trimmed cells.
TableRow SplitRow(const std::string& line) {
  TableRow cells;
  std::string cell;
  // line starts with '|'; each later unescaped '|' closes a cell.
  for (size_t i = 1; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\\' && i + 1 < line.size()) {
      const char n = line[i + 1];
      if (n == '|' || n == '\\') {
        cell += n;
        ++i;
        continue;
      }
      if (n == 'n') {
        cell += '\n';
        ++i;
        continue;
      }
      cell += c;
    } else if (c == '|') {
      cells.push_back(Trim(cell));
      cell.clear();
    } else {
      cell += c;
    }
  }
  return cells;
}

// Removes up to `indent` leading blanks: doc string lines are indented like
// their opening quotes.
std::string Unindent(const std::string& line, size_t indent) {
  size_t i = 0;
  while (i < indent && i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  std::string out = line.substr(i);
  if (!out.empty() && out.back() == '\r') out.pop_back();
  return out;
}

const char* const kStepKeywords[] = {"Given ", "When ", "Then ", "And ", "But ", "* "};

std::string Substitute(const std::string& text, const std::map<std::string, std::string>& values) {
  if (text.find('<') == std::string::npos) return text;
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '<') {
      const size_t close = text.find('>', i + 1);
      if (close != std::string::npos) {
        auto it = values.find(text.substr(i + 1, close - i - 1));
        if (it != values.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

}  // namespace

Result<Feature> ParseFeature(const std::string& text, const std::string& source) {
  Feature feature;
  std::vector<std::string> lines;
  {
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
  }
  auto error = [&](int line_no, const std::string& what) {
    return Status::Io(source + ":" + std::to_string(line_no) + ": " + what);
  };

  enum class Block { kNone, kFeature, kBackground, kScenario, kExamples };
  Block block = Block::kNone;
  std::vector<std::string> pending_tags;
  bool have_feature = false;

  auto current_steps = [&]() -> std::vector<Step>* {
    if (block == Block::kBackground) return &feature.background;
    if (block == Block::kScenario) return &feature.scenarios.back().steps;
    return nullptr;
  };

  for (size_t i = 0; i < lines.size(); ++i) {
    const int line_no = static_cast<int>(i) + 1;
    const std::string line = Trim(lines[i]);
    if (line.empty() || line[0] == '#') continue;

    if (line[0] == '@') {
      std::istringstream words(line);
      std::string word;
      while (words >> word) {
        if (word[0] == '#') break;
        pending_tags.push_back(word);
      }
      continue;
    }
    if (StartsWith(line, "Feature:")) {
      feature.name = Trim(line.substr(8));
      feature.tags = std::move(pending_tags);
      pending_tags.clear();
      have_feature = true;
      block = Block::kFeature;
      continue;
    }
    if (!have_feature) return error(line_no, "text before 'Feature:'");
    if (StartsWith(line, "Background:")) {
      block = Block::kBackground;
      continue;
    }
    const bool outline = StartsWith(line, "Scenario Outline:") || StartsWith(line, "Scenario Template:");
    if (outline || StartsWith(line, "Scenario:") || StartsWith(line, "Example:")) {
      Scenario scenario;
      scenario.name = Trim(line.substr(line.find(':') + 1));
      scenario.outline = outline;
      scenario.tags = std::move(pending_tags);
      pending_tags.clear();
      scenario.line = line_no;
      feature.scenarios.push_back(std::move(scenario));
      block = Block::kScenario;
      continue;
    }
    if (StartsWith(line, "Examples:") || StartsWith(line, "Scenarios:")) {
      if (feature.scenarios.empty() || !feature.scenarios.back().outline) {
        return error(line_no, "Examples outside a Scenario Outline");
      }
      Examples examples;
      examples.tags = std::move(pending_tags);
      pending_tags.clear();
      feature.scenarios.back().examples.push_back(std::move(examples));
      block = Block::kExamples;
      continue;
    }
    if (line[0] == '|') {
      if (block == Block::kExamples) {
        Examples& examples = feature.scenarios.back().examples.back();
        examples.table.push_back(SplitRow(line));
        examples.row_lines.push_back(line_no);
        continue;
      }
      std::vector<Step>* steps = current_steps();
      if (steps == nullptr || steps->empty()) return error(line_no, "table row outside a step");
      steps->back().table.push_back(SplitRow(line));
      continue;
    }
    if (StartsWith(line, "\"\"\"") || StartsWith(line, "```")) {
      std::vector<Step>* steps = current_steps();
      if (steps == nullptr || steps->empty()) return error(line_no, "doc string outside a step");
      const std::string fence = line.substr(0, 3);
      const size_t indent = lines[i].find(fence);
      std::string doc;
      bool closed = false;
      bool first = true;
      for (++i; i < lines.size(); ++i) {
        if (Trim(lines[i]) == fence) {
          closed = true;
          break;
        }
        if (!first) doc += '\n';
        doc += Unindent(lines[i], indent);
        first = false;
      }
      if (!closed) return error(line_no, "unterminated doc string");
      steps->back().doc_string = std::move(doc);
      continue;
    }
    bool is_step = false;
    for (const char* keyword : kStepKeywords) {
      const std::string k = keyword;
      if (StartsWith(line, k)) {
        std::vector<Step>* steps = current_steps();
        if (steps == nullptr) return error(line_no, "step outside a Scenario or Background");
        Step step;
        step.keyword = Trim(k);
        step.text = Trim(line.substr(k.size()));
        step.line = line_no;
        steps->push_back(std::move(step));
        is_step = true;
        break;
      }
    }
    if (is_step) continue;
    // Free text after a Feature/Scenario line is its description.
    if (block == Block::kFeature) continue;
    if (block == Block::kScenario && feature.scenarios.back().steps.empty()) continue;
    return error(line_no, "unexpected line: " + line);
  }
  if (!have_feature) return Status::Io(source + ": no 'Feature:'");
  for (const Scenario& s : feature.scenarios) {
    if (s.outline && s.examples.empty()) return error(s.line, "Scenario Outline without Examples");
  }
  return feature;
}

Result<Feature> ReadFeatureFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return ParseFeature(text.str(), path);
}

std::vector<TestCase> ExpandCases(const Feature& feature) {
  std::vector<TestCase> cases;
  for (const Scenario& scenario : feature.scenarios) {
    std::vector<std::string> tags = feature.tags;
    tags.insert(tags.end(), scenario.tags.begin(), scenario.tags.end());
    if (!scenario.outline) {
      TestCase c;
      c.scenario = scenario.name;
      c.tags = tags;
      c.steps = feature.background;
      c.steps.insert(c.steps.end(), scenario.steps.begin(), scenario.steps.end());
      c.line = scenario.line;
      cases.push_back(std::move(c));
      continue;
    }
    for (const Examples& examples : scenario.examples) {
      if (examples.table.empty()) continue;
      const TableRow& header = examples.table[0];
      for (size_t r = 1; r < examples.table.size(); ++r) {
        const TableRow& row = examples.table[r];
        std::map<std::string, std::string> values;
        std::string description;
        for (size_t k = 0; k < header.size() && k < row.size(); ++k) {
          values[header[k]] = row[k];
          if (!description.empty()) description += ", ";
          description += header[k] + "=" + row[k];
        }
        TestCase c;
        c.scenario = Substitute(scenario.name, values);
        c.example = description;
        c.tags = tags;
        c.tags.insert(c.tags.end(), examples.tags.begin(), examples.tags.end());
        c.steps = feature.background;
        for (const Step& step : scenario.steps) {
          Step s = step;
          s.text = Substitute(s.text, values);
          if (s.doc_string) s.doc_string = Substitute(*s.doc_string, values);
          for (TableRow& table_row : s.table) {
            for (std::string& cell : table_row) cell = Substitute(cell, values);
          }
          c.steps.push_back(std::move(s));
        }
        c.line = examples.row_lines[r];
        cases.push_back(std::move(c));
      }
    }
  }
  return cases;
}

}  // namespace kg::tck
