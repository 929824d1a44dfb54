#include "commands/command_table.h"

#include <algorithm>

#include "commands/import_command.h"
#include "common/nearest_name.h"
#include "interchange/formats.h"
#include "output/output_format.h"
#include "session/session.h"

namespace kg::shell {

const std::vector<CommandInfo>& Commands() {
  static const std::vector<CommandInfo> commands = {
      {":help",
       {":h", ":?"},
       "[TOPIC]",
       "this overview, or a topic with examples (:help match)",
       ":help match",
       &Session::RunHelp},
      {":schema",
       {},
       "",
       "labels, relationship types and property keys with counts, and indexes",
       ":schema",
       &Session::RunSchema},
      {":find",
       {},
       "TEXT",
       "finds nodes by name, forgiving case, diacritics and one typo per word (kg.search)",
       ":find le hoai trung",
       &Session::RunFind},
      {":format",
       {},
       "[" + std::string(OutputFormatChoices()) + "]",
       "shows or sets the output format",
       ":format csv",
       &Session::RunFormat},
      {":timing",
       {},
       "[on|off]",
       "shows or sets whether each statement's time is printed",
       ":timing on",
       &Session::RunTiming},
      {":wrap", {}, "[on|off]", "wraps long table cells instead of truncating them", ":wrap on", &Session::RunWrap},
      {":param",
       {},
       "NAME => VALUE",
       "sets a query parameter to a Cypher literal, used as $NAME",
       ":param country => 'Việt Nam'",
       &Session::RunParam},
      {":params", {}, "[clear]", "lists the parameters (or clears them all)", ":params", &Session::RunParams},
      {":as-of",
       {},
       "[YYYY-MM-DD|off]",
       "reads the graph as of a day: only relationships that hold then match",
       ":as-of 2021-05-21",
       &Session::RunAsOf},
      {":timeout",
       {},
       "[SECONDS|off]",
       "shows or sets the time a statement may run before it is stopped",
       ":timeout 30",
       &Session::RunTimeout},
      {":source",
       {},
       "FILE",
       "runs the statements and commands of a script file",
       ":source data/examples.kgq",
       &Session::RunSource},
      {":export",
       {},
       "FORMAT FILE [--induced] [QUERY]",
       "writes the subgraph of QUERY's result (or the whole graph) as " + interchange::ExportFormatChoices(),
       ":export graphml vn.graphml MATCH p=(:Country {name: 'Việt Nam'})--() RETURN p",
       &Session::RunExport,
       interchange::ExportFormatNames()},
      {":import", {}, kImportCommandArgs, kImportCommandSummary, ":import data/graph", &Session::RunImport},
      {":link",
       {},
       "FILE [--format json] [--write OUT.json]",
       "the graph's entities an article (a UTF-8 text file) names, with their places",
       ":link article.txt",
       &Session::RunLink},
      {":why",
       {},
       "[ID ...]",
       "the sentence each relationship of the last result (or with these ids) comes from, marked ⟦ ⟧",
       ":why",
       &Session::RunWhy},
      {":read-only", {}, "", "says whether the database is open read-only", ":read-only", &Session::RunReadOnly},
      {":quit", {":exit", ":q"}, "", "leaves kg (also :exit, or Ctrl-D)", ":quit", &Session::RunQuit},
  };
  return commands;
}

const CommandInfo* FindCommand(std::string_view name) {
  for (const CommandInfo& c : Commands()) {
    if (c.name == name || std::find(c.aliases.begin(), c.aliases.end(), name) != c.aliases.end()) return &c;
  }
  return nullptr;
}

std::string NearestCommand(std::string_view name) {
  std::vector<std::string_view> names;
  for (const CommandInfo& c : Commands()) names.push_back(c.name);
  return NearestName(name, names);
}

}  // namespace kg::shell
