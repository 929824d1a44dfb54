// The table of ':' commands (shell/commands/command_table.h): the session
// dispatches from it and help and completion read it, so every row must be
// whole and every name, alias and nearest-name lookup must find its row.
#include "commands/command_table.h"

#include <catch2/catch.hpp>
#include <set>
#include <sstream>
#include <string>

#include "main/database.h"
#include "session/session.h"
#include "test_util.h"

using kg::shell::CommandInfo;
using kg::shell::Commands;
using kg::shell::FindCommand;
using kg::shell::NearestCommand;

TEST_CASE("every command has a name, a summary, an example and a handler", "[commands]") {
  std::set<std::string> names;
  for (const CommandInfo& c : Commands()) {
    INFO(c.name);
    CHECK(c.name.size() > 1);
    CHECK(c.name[0] == ':');
    CHECK_FALSE(c.summary.empty());
    CHECK(c.example.rfind(c.name, 0) == 0);  // the example uses the command
    CHECK(c.run != nullptr);
    CHECK(names.insert(c.name).second);
    for (const std::string& alias : c.aliases) CHECK(names.insert(alias).second);
  }
}

TEST_CASE("commands are found by name and by alias, and typos by their nearest name", "[commands]") {
  REQUIRE(FindCommand(":schema") != nullptr);
  CHECK(FindCommand(":schema")->name == ":schema");
  CHECK(FindCommand(":exit")->name == ":quit");
  CHECK(FindCommand(":q")->name == ":quit");
  CHECK(FindCommand(":h")->name == ":help");
  CHECK(FindCommand(":?")->name == ":help");
  CHECK(FindCommand(":nope") == nullptr);
  CHECK(FindCommand("schema") == nullptr);
  CHECK(FindCommand("") == nullptr);
  CHECK(NearestCommand(":shema") == ":schema");
  CHECK(NearestCommand(":fromat") == ":format");
  CHECK(NearestCommand(":completely-else").empty());
}

TEST_CASE(":format's choices are the output formats", "[commands]") {
  const CommandInfo* format = FindCommand(":format");
  REQUIRE(format != nullptr);
  CHECK(format->args == "[table|csv|tsv|json|jsonl|markdown]");
}

// The table's handlers are what runs: each row's command reaches its own
// handler through RunScript (an in-memory session, no terminal).
TEST_CASE("a command line runs its row's handler", "[commands]") {
  const kg::test::TempDir tmp;
  const std::string dir = tmp.Sub("db");
  auto db = kg::Database::Open(dir);
  REQUIRE(db.ok());
  std::ostringstream out, err;
  kg::shell::Session session(std::move(db).value(), dir, {}, out, err);
  CHECK(session.RunScript(":format csv\n:format\n:timing\n:read-only\n", {"script", 1, 1}));
  CHECK(out.str() ==
        "format: csv   (choices: table|csv|tsv|json|jsonl|markdown)\ntiming: off\n"
        "read-write: statements may change the database\n");
  CHECK(err.str().empty());
  out.str("");
  CHECK_FALSE(session.RunScript(":shema\n", {"script", 1, 1}));
  CHECK(err.str() == "script:1:1: unknown command ':shema' (did you mean :schema?); :help lists the commands\n");
  CHECK_FALSE(session.quit_requested());
  CHECK(session.RunScript(":exit\n", {"script", 1, 1}));
  CHECK(session.quit_requested());
}
