// Completer: what Tab completes in the REPL.
//
// Given the text before the cursor (earlier lines of the statement being
// typed included), FindWordContext says what kind of word the cursor is in
// (a label after ':' in a node pattern, a relationship type inside [...], a
// property key after '.' or inside { }, a function or keyword, a ':' command)
// and Complete turns that into an edit: the typed word replaced by the one
// candidate, or by the candidates' common prefix, or a list to show.
// Nothing here touches the terminal, so all of it is tested directly.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kg::shell {

// The names the open database knows, read afresh at each Tab (a CREATE may
// have added a label since the last one).
struct SchemaNames {
  std::vector<std::string> labels;
  std::vector<std::string> rel_types;
  std::vector<std::string> property_keys;
  std::vector<std::string> procedures;  // db.labels, algo.pagerank, ...
};

enum class WordKind {
  kNone,             // inside a string or comment, a variable's name, a number: nothing to complete
  kKeyword,          // MATCH, WHERE, ORDER BY, ... (where a clause or an operator may follow)
  kFunction,         // where an expression starts: functions, and NOT, CASE, TRUE, ...
  kLabel,            // (p:Per   WHERE p:Per   SET p:Per
  kRelType,          // [r:HOLDS_   [:A|B
  kPropertyKey,      // p.na   {na   {name: 'x', ag
  kProcedure,        // CALL algo.pa   (the word runs from the first part of the dotted name)
  kCommand,          // :sch at the start of the input
  kCommandArgument,  // :format c
};

struct WordContext {
  WordKind kind = WordKind::kNone;
  // The part of the word before the cursor, as a name: without an opening
  // backquote, with doubled backquotes undone.
  std::string prefix;
  // Byte offset in the text where the typed word starts (at its backquote
  // when it has one); the word runs to the end of the text.
  size_t start = 0;
  bool backquoted = false;
  // kCommandArgument: the command (":format"), and which of its arguments
  // the word is (0: the first).
  std::string command;
  size_t argument = 0;
};

// What kind of word ends `text` (everything before the cursor).
WordContext FindWordContext(std::string_view text);

// An edit of the line: the last `replace_bytes` bytes before the cursor
// become `insert`; or, when several candidates match and their common
// prefix adds nothing, `candidates` to list (sorted). Both empty: nothing
// matched.
struct Completion {
  size_t replace_bytes = 0;
  std::string insert;
  std::vector<std::string> candidates;
  bool changes_line() const { return !insert.empty() || replace_bytes > 0; }
};

class Completer {
 public:
  using SchemaSource = std::function<SchemaNames()>;
  explicit Completer(SchemaSource schema) : schema_(std::move(schema)) {}

  Completion Complete(std::string_view text) const;

 private:
  SchemaSource schema_;
};

// Whether `name` can be written without backquotes (an identifier as the
// grammar's lexer reads one).
bool IsPlainName(std::string_view name);
// `name`, or `name` in backquotes (a backquote in it doubled) when it needs them.
std::string QuoteName(std::string_view name, bool force_backquotes = false);

// The functions Tab offers, in their canonical spelling (toUpper,
// startNode, shortestPath): only those the engine has.
const std::vector<std::string>& CompletableFunctions();

}  // namespace kg::shell
