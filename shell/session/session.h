// Session: one open database and the shell's settings (format, timing,
// parameters). Runs statements and ':' commands from the REPL, -e, -f
// and stdin alike, prints results through a ResultWriter and errors as
//   kg: script.kgq:3:14: syntax error: expected ')' ...
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "commands/command_table.h"
#include "main/database.h"
#include "output/result_writer.h"

namespace kg::shell {

struct SessionOptions {
  OutputFormat format = OutputFormat::kTable;
  WriterOptions writer;
  // Scripts: report a failed statement and go on (the run still fails).
  bool continue_on_error = false;
  // Show a progress line on stderr while a statement runs longer than a
  // moment (only when stderr is a terminal).
  bool progress = false;
};

// Where text came from, for error positions: "script.kgq", "-e", "<stdin>",
// "<repl>". `line` and `column` are where the text starts in that source.
struct Origin {
  std::string name;
  int line = 1;
  int column = 1;
};

class Session {
 public:
  Session(std::unique_ptr<Database> db, std::string db_label, SessionOptions options, std::ostream& out,
          std::ostream& err);
  ~Session();

  // A script: statements separated by ';', and lines that are ':' commands.
  // Stops at the first failure unless continue_on_error; returns false when
  // anything failed.
  bool RunScript(std::string_view text, const Origin& origin);
  // What the REPL read: one ':' command line, or one or more statements.
  bool RunInput(std::string_view text, const Origin& origin);

  // Whether what the user typed so far is ready to run when Enter is
  // pressed: it ends with ';' (outside strings and comments), or it is a
  // single line that is a complete statement, or it is a ':' command.
  bool InputIsComplete(std::string_view text) const;

  // "kg 0.1.0 · /path/to/db · 120 nodes, 240 relationships · :help for help"
  std::string WelcomeLine() const;

  // Sets $name from a Cypher literal ("42", "'text'", "[1, 2]", "date('2024-07-09')").
  Status SetParam(const std::string& name, std::string_view literal);

  // As-of mode: "2021-05-21" reads the graph as of that day (only the
  // relationships that hold then match; writes are refused), "off" ends it.
  Status SetAsOf(std::string_view day);
  // "kg> ", or "kg@2021-05-21> " in as-of mode; the continuation prompt
  // ends in "-> " one column past the prompt's '>' ("  -> ").
  std::string Prompt() const;
  std::string ContinuationPrompt() const;

  bool quit_requested() const { return quit_requested_; }
  // Whether Ctrl-C stopped the last script (scripts then stop for good).
  bool interrupted() const { return interrupted_; }
  Database& database() { return *db_; }
  const std::string& db_label() const { return db_label_; }
  SessionOptions& options() { return options_; }

 private:
  // The table of ':' commands names the handlers below.
  friend const std::vector<CommandInfo>& Commands();

  bool RunCommand(std::string_view line, const Origin& origin);
  bool RunOneStatement(std::string_view text, const Origin& origin);
  void ReportError(const Status& status, std::string_view text, const Origin& origin);
  // A ':' command's error: the message, with the origin's position in a script; returns false.
  bool CommandFailed(const Origin& origin, const std::string& message);
  // :timing and :wrap: shows or sets an on/off setting of the writer.
  bool RunOnOff(const char* name, bool* flag, std::string_view args, const Origin& origin);
  ResultWriter& writer();
  // Ends the output of the results so far (a report follows on its own lines).
  void FinishWriter();

  // The ':' commands (session_commands.cpp), one per row of Commands()
  // (commands/command_table.h): `args` are the words after the name.
  bool RunHelp(std::string_view args, const Origin& origin);
  bool RunSchema(std::string_view args, const Origin& origin);
  bool RunFind(std::string_view args, const Origin& origin);
  bool RunFormat(std::string_view args, const Origin& origin);
  bool RunTiming(std::string_view args, const Origin& origin);
  bool RunWrap(std::string_view args, const Origin& origin);
  bool RunParam(std::string_view args, const Origin& origin);
  bool RunParams(std::string_view args, const Origin& origin);
  bool RunAsOf(std::string_view args, const Origin& origin);
  bool RunTimeout(std::string_view args, const Origin& origin);
  bool RunSource(std::string_view args, const Origin& origin);
  bool RunExport(std::string_view args, const Origin& origin);
  bool RunImport(std::string_view args, const Origin& origin);
  bool RunLink(std::string_view args, const Origin& origin);
  bool RunWhy(std::string_view args, const Origin& origin);
  bool RunReadOnly(std::string_view args, const Origin& origin);
  bool RunQuit(std::string_view args, const Origin& origin);

  std::unique_ptr<Database> db_;
  std::string db_label_;
  SessionOptions options_;
  std::ostream& out_;
  std::ostream& err_;
  ValueMap params_;
  std::unique_ptr<ResultWriter> writer_;
  bool quit_requested_ = false;
  bool interrupted_ = false;
  int source_depth_ = 0;
  // :why: the relationships of the last result (why_command.h).
  std::vector<uint64_t> last_relationships_;
};

}  // namespace kg::shell
