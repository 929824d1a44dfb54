// The ':' commands of a session: one handler per row of the table in
// command_table.cpp, which RunCommand dispatches from.
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>

#include "cli/interrupt.h"
#include "cli/limit_options.h"
#include "cli/progress_line.h"
#include "commands/command_table.h"
#include "commands/export_command.h"
#include "commands/import_command.h"
#include "commands/link_command.h"
#include "commands/why_command.h"
#include "common/input_file.h"
#include "help/help_topics.h"
#include "output/display_width.h"
#include "session/session.h"
#include "session/session_text.h"

namespace kg::shell {
namespace {

constexpr int kMaxSourceDepth = 16;

// What :find runs: the hits with what tells them apart.
const char kFindQuery[] =
    "CALL kg.search($text, {limit: 10}) YIELD node, score, matched "
    "RETURN node.name AS name, labels(node) AS labels, node.key AS key, score, matched";

bool ParseOnOff(std::string_view word, bool* value) {
  if (word == "on" || word == "true" || word == "yes") {
    *value = true;
    return true;
  }
  if (word == "off" || word == "false" || word == "no") {
    *value = false;
    return true;
  }
  return false;
}

bool IsIdentifier(std::string_view name) {
  if (name.empty()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    const bool ok = c == '_' || std::isalpha(c) || c >= 0x80 || (i > 0 && std::isdigit(c));
    if (!ok) return false;
  }
  return true;
}

}  // namespace

bool Session::RunCommand(std::string_view line, const Origin& origin) {
  line = Trim(line);
  if (!line.empty() && line.back() == ';') line = Trim(line.substr(0, line.size() - 1));
  const size_t space = line.find_first_of(" \t");
  const std::string name(line.substr(0, space));
  const std::string_view args = space == std::string_view::npos ? std::string_view() : Trim(line.substr(space));
  const CommandInfo* command = FindCommand(name);
  if (command == nullptr) {
    std::string message = "unknown command '" + name + "'";
    const std::string nearest = NearestCommand(name);
    if (!nearest.empty()) message += " (did you mean " + nearest + "?)";
    return CommandFailed(origin, message + "; :help lists the commands");
  }
  return (this->*command->run)(args, origin);
}

bool Session::CommandFailed(const Origin& origin, const std::string& message) {
  if (origin.name == "<repl>") {
    err_ << message << "\n";
  } else {
    err_ << origin.name << ":" << origin.line << ":" << origin.column << ": " << message << "\n";
  }
  return false;
}

void Session::FinishWriter() {
  if (writer_) writer_->Finish();
}

bool Session::RunQuit(std::string_view, const Origin&) {
  quit_requested_ = true;
  return true;
}

bool Session::RunHelp(std::string_view args, const Origin& origin) {
  if (args.empty()) {
    out_ << HelpOverview();
    return true;
  }
  const HelpTopic* topic = FindHelpTopic(args);
  if (topic == nullptr)
    return CommandFailed(origin, "no help topic '" + std::string(args) + "'; :help lists the topics");
  out_ << topic->text;
  if (!topic->text.empty() && topic->text.back() != '\n') out_ << "\n";
  return true;
}

bool Session::RunSchema(std::string_view, const Origin&) {
  // Every number comes from the catalog's counts; only a database made
  // before kg kept property key counts is read through (Ctrl-C stops it).
  Result<SchemaSummary> schema = Status::Runtime("not run");
  {
    TakeInterrupt();
    InterruptScope scope(*db_);
    schema = db_->Schema();
  }
  if (!schema.ok()) {
    err_ << "kg: " << schema.status().ToString() << "\n";
    return false;
  }
  out_ << db_label_ << ": " << Plural(schema->nodes, "node", "nodes") << ", "
       << Plural(schema->relationships, "relationship", "relationships") << "\n";
  auto print_counts = [&](const char* title, const std::vector<std::pair<std::string, std::string>>& rows) {
    out_ << title << (rows.empty() ? " (none)" : "") << "\n";
    int width = 0;
    for (const auto& [name, count] : rows) width = std::max(width, DisplayWidth(name));
    for (const auto& [name, count] : rows) {
      out_ << "  " << name << std::string(width - DisplayWidth(name) + 2, ' ') << count << "\n";
    }
  };
  std::vector<std::pair<std::string, std::string>> rows;
  for (const auto& label : schema->labels) rows.emplace_back(":" + label.name, std::to_string(label.count));
  std::sort(rows.begin(), rows.end());
  print_counts("labels (nodes)", rows);
  rows.clear();
  for (const auto& type : schema->relationship_types) {
    rows.emplace_back("[:" + type.name + "]", std::to_string(type.count));
  }
  std::sort(rows.begin(), rows.end());
  print_counts("relationship types (relationships)", rows);
  rows.clear();
  for (const auto& key : schema->property_keys) {
    rows.emplace_back(key.name, std::to_string(key.nodes) + ", " + std::to_string(key.relationships));
  }
  std::sort(rows.begin(), rows.end());
  print_counts("property keys (nodes, relationships)", rows);
  out_ << "indexes" << (schema->indexes.empty() ? " (none)" : "") << "\n";
  for (const auto& index : schema->indexes) {
    if (index.fulltext_name.empty()) {
      out_ << "  :" << index.label << "(" << index.property << ")\n";
    } else {  // full-text search (kg.search, :find)
      out_ << "  " << index.fulltext_name << " FULLTEXT FOR (n" << (index.label.empty() ? "" : ":" + index.label)
           << ") ON EACH [" << index.property << "]\n";
    }
  }
  return true;
}

// :find TEXT — kg.search on the default full-text index, as a table.
bool Session::RunFind(std::string_view args, const Origin& origin) {
  if (args.empty()) {
    return CommandFailed(origin, "usage: :find TEXT (finds nodes by name, forgiving case, diacritics and typos)");
  }
  ValueMap params{{"text", Value(std::string(args))}};
  const auto start = std::chrono::steady_clock::now();
  Result<QueryResult> result = db_->Execute(kFindQuery, params);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!result.ok()) return CommandFailed(origin, result.status().message());
  if (result->rows.empty()) {
    out_ << "nothing found for '" << args << "' (the search forgives case, diacritics and one typo per word)\n";
    return true;
  }
  writer().Write(*result, ms);
  out_.flush();
  return true;
}

bool Session::RunFormat(std::string_view args, const Origin& origin) {
  if (args.empty()) {
    out_ << "format: " << OutputFormatName(options_.format) << "   (choices: " << OutputFormatChoices() << ")\n";
    return true;
  }
  std::optional<OutputFormat> format = ParseOutputFormat(args);
  if (!format) {
    return CommandFailed(origin, "unknown format '" + std::string(args) + "'; choose one of " + OutputFormatChoices());
  }
  FinishWriter();
  writer_.reset();
  options_.format = *format;
  return true;
}

bool Session::RunOnOff(const char* name, bool* flag, std::string_view args, const Origin& origin) {
  if (args.empty()) {
    out_ << name << ": " << (*flag ? "on" : "off") << "\n";
    return true;
  }
  if (!ParseOnOff(args, flag)) return CommandFailed(origin, std::string("usage: :") + name + " on|off");
  writer_.reset();
  return true;
}

bool Session::RunTiming(std::string_view args, const Origin& origin) {
  return RunOnOff("timing", &options_.writer.timing, args, origin);
}

bool Session::RunWrap(std::string_view args, const Origin& origin) {
  return RunOnOff("wrap", &options_.writer.wrap, args, origin);
}

bool Session::RunParam(std::string_view args, const Origin& origin) {
  // :param name => value   (also "name = value" and "name value")
  const std::string_view trimmed = Trim(args);
  size_t name_end = 0;
  while (name_end < trimmed.size() && trimmed[name_end] != ' ' && trimmed[name_end] != '=' &&
         trimmed[name_end] != '\t') {
    ++name_end;
  }
  std::string name(trimmed.substr(0, name_end));
  if (!name.empty() && name[0] == '$') name.erase(0, 1);
  std::string_view rest = Trim(trimmed.substr(name_end));
  if (rest.rfind("=>", 0) == 0) {
    rest = Trim(rest.substr(2));
  } else if (rest.rfind("=", 0) == 0) {
    rest = Trim(rest.substr(1));
  }
  if (!IsIdentifier(name) || rest.empty()) {
    err_ << "usage: :param NAME => VALUE   (for example :param country => 'Việt Nam')\n";
    return false;
  }
  const Status status = SetParam(name, rest);
  if (!status.ok()) {
    ReportError(status, rest, origin);
    return false;
  }
  return true;
}

bool Session::RunParams(std::string_view args, const Origin& origin) {
  if (args == "clear") {
    params_.clear();
    return true;
  }
  if (!args.empty()) return CommandFailed(origin, "usage: :params [clear]");
  if (params_.empty()) out_ << "no parameters; set one with :param name => value\n";
  for (const auto& [key, value] : params_) out_ << "$" << key << " => " << value.ToString() << "\n";
  return true;
}

bool Session::RunAsOf(std::string_view args, const Origin& origin) {
  if (args.empty()) {
    const auto& day = db_->options().as_of;
    out_ << "as-of: " << (day ? day->ToIsoString() : std::string("off")) << "\n";
    return true;
  }
  const Status status = SetAsOf(args);
  if (!status.ok()) return CommandFailed(origin, status.message());
  return true;
}

bool Session::RunTimeout(std::string_view args, const Origin& origin) {
  if (args.empty()) {
    out_ << "timeout: " << DescribeTimeout(db_->options().timeout) << "\n";
    return true;
  }
  Result<std::chrono::milliseconds> timeout = ParseTimeout(args);
  if (!timeout.ok()) return CommandFailed(origin, timeout.status().message());
  db_->SetTimeout(*timeout);
  return true;
}

bool Session::RunSource(std::string_view args, const Origin& origin) {
  if (args.empty()) return CommandFailed(origin, "usage: :source FILE");
  if (source_depth_ >= kMaxSourceDepth) {
    return CommandFailed(origin, ":source nests more than " + std::to_string(kMaxSourceDepth) + " files deep");
  }
  const std::string path(args);
  Result<std::string> contents = ReadInputFile(path, kScriptFile);
  if (!contents.ok()) return CommandFailed(origin, contents.status().message());
  ++source_depth_;
  const bool ok = RunScript(*contents, Origin{path, 1, 1});
  --source_depth_;
  return ok;
}

bool Session::RunExport(std::string_view args, const Origin& origin) {
  FinishWriter();
  Result<std::string> done = RunExportCommand(args, *db_, params_, options_.progress);
  if (!done.ok()) return CommandFailed(origin, done.status().message());
  // On stderr like every report, so that a script's stdout stays data.
  err_ << *done << "\n";
  return true;
}

bool Session::RunImport(std::string_view args, const Origin&) {
  FinishWriter();
  return RunImportCommand(*db_, args, err_, err_, options_.progress);
}

// :link: the entities an article names (link_command.h).
bool Session::RunLink(std::string_view args, const Origin& origin) {
  FinishWriter();
  const Status linked = RunLinkCommand(args, *db_, out_, err_);
  if (!linked.ok()) return CommandFailed(origin, linked.message());
  return true;
}

// :why [ID ...]: the evidence for the last result's relationships, or for
// these ids (why_command.h).
bool Session::RunWhy(std::string_view args, const Origin& origin) {
  FinishWriter();
  Result<std::vector<uint64_t>> ids = ParseRelationshipIds(args);
  if (!ids.ok()) return CommandFailed(origin, ids.status().message());
  if (ids->empty()) {
    if (last_relationships_.empty()) {
      return CommandFailed(origin,
                           "the last result holds no relationships; return some (MATCH ()-[r]->() RETURN r) or give "
                           "an id: :why ID");
    }
    ids->assign(last_relationships_.begin(),
                last_relationships_.begin() + std::min(last_relationships_.size(), kWhyLimit));
  }
  Status status = Status::Runtime("not run");
  {
    InterruptScope scope(*db_);
    status = WriteEvidence(*db_, *ids, out_);
  }
  if (!status.ok()) {
    if (status.Is(ErrorKind::kInterrupted)) TakeInterrupt();
    return CommandFailed(origin, status.message());
  }
  if (args.empty() && last_relationships_.size() > kWhyLimit) {
    out_ << "\n(the first " << kWhyLimit << " of the last result's " << last_relationships_.size()
         << " relationships; :why ID shows any other)\n";
  }
  out_.flush();
  return true;
}

bool Session::RunReadOnly(std::string_view, const Origin&) {
  out_ << (db_->read_only() ? "read-only: write statements are refused"
                            : "read-write: statements may change the database")
       << "\n";
  return true;
}

}  // namespace kg::shell
