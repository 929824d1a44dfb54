// The kg REPL as a person at a terminal meets it: the real kg program runs
// on a pseudo-terminal (pty_session.h) and the test types keys (Enter is
// "\r", Tab "\t", Ctrl-C "\x03", Ctrl-D "\x04", Up "\x1b[A") and waits for
// what the shell shows. Each test has its own database, HOME and
// XDG_STATE_HOME (so its own history file) in a temporary directory.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "shell/pty_session.h"
#include "test_util.h"

using kg::test::PtySession;
using kg::test::Run;
using kg::test::RunKg;
using kg::test::TempDir;

namespace {

// Waits for `text` to appear; when it does not, the failure shows all the
// program printed.
bool Sees(PtySession& s, std::string_view text, double seconds = PtySession::kTimeout) {
  if (s.WaitFor(text, seconds)) return true;
  UNSCOPED_INFO("did not see \"" << text << "\" in what kg printed:\n" << s.output());
  return false;
}

// Waits for the program to end; its exit status.
int ExitStatus(PtySession& s) {
  const int status = s.WaitExit();
  if (status != 0) UNSCOPED_INFO("kg ended with " << status << " after printing:\n" << s.output());
  return status;
}

// Types a line and waits until the shell has echoed all of it, so that a
// later Sees finds the answer, not the echo of what was typed.
void TypeLine(PtySession& s, const std::string& line) {
  s.Send(line + "\r");
  REQUIRE(Sees(s, line));
}

// Presses Ctrl-C at a prompt. A key pressed before the line editor reads
// (a loaded machine) may go unseen, so it is pressed again until the shell
// echoes "^C"; a second one at an empty prompt changes nothing.
void PressCtrlC(PtySession& s) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    s.Send("\x03");
    if (s.Appears("^C", 2.0)) return;
  }
}

class Shell {
 public:
  Shell() {
    std::filesystem::create_directories(dir_.Sub("home"));
    std::filesystem::create_directories(dir_.Sub("state"));
  }

  std::string db() const { return dir_.Sub("db"); }
  std::string history_file() const { return dir_.Sub("state") + "/kg/history"; }

  // Runs statements with kg -e before the REPL starts (the setup of a test).
  void Setup(const std::string& statements) {
    const Run r = RunKg("--db " + db() + " -e \"" + statements + "\"");
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
  }

  // Starts the REPL and waits for its first prompt.
  std::unique_ptr<PtySession> Start() {
    auto session = std::make_unique<PtySession>(
        std::vector<std::string>{KG_BINARY, "--db", db()},
        std::vector<std::pair<std::string, std::string>>{{"HOME", dir_.Sub("home")},
                                                         {"XDG_STATE_HOME", dir_.Sub("state")},
                                                         {"TERM", "xterm"},
                                                         {"LANG", "C.UTF-8"},
                                                         {"LC_ALL", "C.UTF-8"},
                                                         {"EDITRC", dir_.Sub("no-editrc")}});
    REQUIRE(Sees(*session, "kg> "));
    return session;
  }

 private:
  TempDir dir_;
};

}  // namespace

TEST_CASE("a statement typed on three lines runs at its semicolon, with continuation prompts", "[repl][pty]") {
  Shell shell;
  auto kg = shell.Start();
  TypeLine(*kg, "UNWIND [10, 20, 30] AS x");
  REQUIRE(Sees(*kg, "  -> "));
  TypeLine(*kg, "WITH x WHERE x > 10");
  REQUIRE(Sees(*kg, "  -> "));
  TypeLine(*kg, "RETURN sum(x) AS total_sum;");
  CHECK(Sees(*kg, "total_sum"));
  CHECK(Sees(*kg, "50"));
  CHECK(Sees(*kg, "kg> "));
  kg->Send(":quit\r");
  CHECK(ExitStatus(*kg) == 0);
}

TEST_CASE("Tab completes a label from the database", "[repl][pty]") {
  Shell shell;
  shell.Setup("CREATE (:Person {name: 'Hồ Chí Minh'})");
  auto kg = shell.Start();
  kg->Send("MATCH (p:Pe");
  REQUIRE(Sees(*kg, "(p:Pe"));
  // libedit redraws only what changed: the rest of the label.
  kg->Send("\t");
  CHECK(Sees(*kg, "rson"));
  // The completed line is what runs.
  TypeLine(*kg, ") RETURN p.name AS who;");
  CHECK(Sees(*kg, "Hồ Chí Minh"));
  CHECK(Sees(*kg, "kg> "));
  kg->Send("\x04");
  CHECK(ExitStatus(*kg) == 0);
}

TEST_CASE("Tab lists the candidates when they share no longer prefix, and not inside strings", "[repl][pty]") {
  Shell shell;
  shell.Setup("CREATE (:Person)-[:HOLDS_POSITION]->(:Position), (:Person)-[:HOLDS_TITLE]->(:Title)");
  auto kg = shell.Start();
  kg->Send("MATCH (a)-[:HOL");
  REQUIRE(Sees(*kg, "[:HOL"));
  kg->Send("\t");
  CHECK(Sees(*kg, "DS_"));
  kg->Send("\t");
  CHECK(Sees(*kg, "HOLDS_POSITION"));
  CHECK(Sees(*kg, "HOLDS_TITLE"));
  // The prompt and the line are drawn again below the list.
  CHECK(Sees(*kg, "kg> "));
  CHECK(Sees(*kg, "[:HOLDS_"));
  kg->Send("\x03");
  CHECK(Sees(*kg, "kg> "));
  // Tab inside a string changes nothing; Tab on an empty line lists keywords.
  kg->Send("RETURN 'Pe\t' AS s;\r");
  CHECK(Sees(*kg, "AS s;"));
  CHECK(Sees(*kg, "Pe"));
  CHECK(Sees(*kg, "kg> "));
  kg->Send("\t");
  CHECK(Sees(*kg, "OPTIONAL MATCH"));
  CHECK(Sees(*kg, "kg> "));
  kg->Send(":quit\r");
  CHECK(ExitStatus(*kg) == 0);
}

TEST_CASE("Ctrl-C cancels a long query and the shell goes on", "[repl][pty]") {
  Shell shell;
  shell.Setup("UNWIND range(1, 60) AS i CREATE (:N {i: i})");
  shell.Setup("MATCH (a:N), (b:N) WHERE a <> b CREATE (a)-[:E]->(b)");
  auto kg = shell.Start();
  TypeLine(*kg, "MATCH p=(a)-[*1..12]->(b) RETURN count(p);");
  // It really runs long: 59^12 paths. No answer and no prompt comes for a while.
  CHECK_FALSE(kg->Appears("kg> ", 3.0));
  const auto start = std::chrono::steady_clock::now();
  kg->Send("\x03");
  CHECK(Sees(*kg, "cancelled"));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 10.0);
  REQUIRE(Sees(*kg, "kg> "));
  TypeLine(*kg, "RETURN 1 AS one;");
  CHECK(Sees(*kg, "one"));
  CHECK(Sees(*kg, "1"));
  CHECK(Sees(*kg, "kg> "));
  // The database is as it was.
  TypeLine(*kg, "MATCH (n:N)-[e:E]->() RETURN count(DISTINCT n) AS nodes, count(e) AS rels;");
  CHECK(Sees(*kg, "60"));
  CHECK(Sees(*kg, "3540"));
  CHECK(Sees(*kg, "kg> "));
  kg->Send(":quit\r");
  CHECK(ExitStatus(*kg) == 0);
}

TEST_CASE("Ctrl-C while typing drops the line and the continuation lines", "[repl][pty]") {
  Shell shell;
  auto kg = shell.Start();
  kg->Send("RETURN 'this is dropped");
  REQUIRE(Sees(*kg, "dropped"));
  PressCtrlC(*kg);
  CHECK(Sees(*kg, "^C"));
  CHECK(Sees(*kg, "kg> "));
  // A statement begun on an earlier line goes too: were "UNWIND [] AS x"
  // kept, the RETURN below would give no row.
  TypeLine(*kg, "UNWIND [] AS x");
  CHECK(Sees(*kg, "  -> "));
  PressCtrlC(*kg);
  CHECK(Sees(*kg, "^C"));
  CHECK(Sees(*kg, "kg> "));
  TypeLine(*kg, "RETURN 3 AS three;");
  CHECK(Sees(*kg, "three"));
  CHECK(Sees(*kg, "3"));
  CHECK(Sees(*kg, "kg> "));
  CHECK(kg->output().find("error") == std::string::npos);
  kg->Send(":quit\r");
  CHECK(ExitStatus(*kg) == 0);
}

TEST_CASE("history is kept across sessions, Up recalls and Ctrl-R finds", "[repl][pty]") {
  Shell shell;
  {
    auto kg = shell.Start();
    TypeLine(*kg, "UNWIND ['souvenir'] AS w");
    CHECK(Sees(*kg, "  -> "));
    TypeLine(*kg, "RETURN toUpper(w) AS shout;");
    CHECK(Sees(*kg, "SOUVENIR"));
    CHECK(Sees(*kg, "kg> "));
    TypeLine(*kg, "RETURN 'second' AS other;");
    CHECK(Sees(*kg, "kg> "));
    kg->Send(":quit\r");
    CHECK(ExitStatus(*kg) == 0);
  }
  CHECK(std::filesystem::exists(shell.history_file()));
  {
    auto kg = shell.Start();
    // Up: the last entry (":quit" is not kept), then the one before, which
    // was typed on two lines and comes back as one.
    kg->Send("\x1b[A");
    CHECK(Sees(*kg, "RETURN 'second' AS other;"));
    kg->Send("\x1b[A");
    CHECK(Sees(*kg, "UNWIND ['souvenir'] AS w RETURN toUpper(w) AS shout;"));
    kg->Send("\r");
    CHECK(Sees(*kg, "SOUVENIR"));
    CHECK(Sees(*kg, "kg> "));
    // Ctrl-R searches back ("bck:" and the pattern below the line); Enter
    // runs what it found. The upper-case answer shows that it ran.
    kg->Send("\x12");
    CHECK(Sees(*kg, "bck:"));
    kg->Send("souv");
    CHECK(Sees(*kg, "UNWIND ['souvenir']"));
    kg->Send("\r");
    CHECK(Sees(*kg, "SOUVENIR"));
    CHECK(Sees(*kg, "kg> "));
    kg->Send("\x04");
    CHECK(ExitStatus(*kg) == 0);
  }
}

TEST_CASE("a history file that is a directory or a device is left alone and unread", "[repl][pty]") {
  Shell shell;
  std::filesystem::create_directories(shell.history_file());
  {
    auto kg = shell.Start();
    kg->Send(":quit\r");
    CHECK(ExitStatus(*kg) == 0);
    CHECK_THAT(kg->output(), Catch::Contains(shell.history_file() +
                                             " is a directory, not a history file; the history is kept for this "
                                             "session only"));
  }
  std::filesystem::remove(shell.history_file());
  // A link to /dev/zero would have libedit read for ever.
  std::filesystem::create_symlink("/dev/zero", shell.history_file());
  auto kg = shell.Start();
  TypeLine(*kg, "RETURN 'still here' AS answer;");
  CHECK(Sees(*kg, "still here"));
  kg->Send(":quit\r");
  CHECK(ExitStatus(*kg) == 0);
  CHECK_THAT(kg->output(), Catch::Contains("is a device, not a history file"));
}

TEST_CASE(":quit and Ctrl-D leave with status 0", "[repl][pty]") {
  Shell shell;
  {
    auto kg = shell.Start();
    kg->Send(":quit\r");
    CHECK(ExitStatus(*kg) == 0);
  }
  {
    auto kg = shell.Start();
    kg->Send("\x04");
    CHECK(ExitStatus(*kg) == 0);
  }
}

TEST_CASE("Vietnamese edits and runs, and odd input does not crash the shell", "[repl][pty]") {
  Shell shell;
  auto kg = shell.Start();
  // Backspace takes back the whole character 'ế' (three bytes).
  kg->Send("RETURN 'Huếx\x7f' AS city;\r");
  CHECK(Sees(*kg, "AS city;"));
  CHECK(Sees(*kg, "Huế"));
  CHECK(Sees(*kg, "kg> "));
  kg->Send("RETURN 'Việt Nam' AS tên;\r");
  CHECK(Sees(*kg, "AS tên;"));
  CHECK(Sees(*kg, "Việt Nam"));
  CHECK(Sees(*kg, "kg> "));
  // Bytes that are not UTF-8.
  kg->Send("RETURN '\xff\xfe\xc3' AS bad;\r");
  CHECK(Sees(*kg, "kg> "));
  // A long line.
  const std::string long_text(3000, 'a');
  kg->Send("RETURN size('" + long_text + "') AS n;\r");
  CHECK(Sees(*kg, "3000"));
  CHECK(Sees(*kg, "kg> "));
  // A resize while typing.
  kg->Send("RETURN 'ab");
  CHECK(Sees(*kg, "'ab"));
  kg->Resize(60, 20);
  kg->Send("c' AS r;\r");
  CHECK(Sees(*kg, "abc"));
  CHECK(Sees(*kg, "kg> "));
  kg->Send("RETURN 4 AS four;\r");
  CHECK(Sees(*kg, "four"));
  CHECK(Sees(*kg, "kg> "));
  kg->Send(":quit\r");
  CHECK(ExitStatus(*kg) == 0);
}

TEST_CASE("the prompt shows the as-of day, and continuation lines stay aligned under it", "[repl][pty]") {
  Shell shell;
  auto kg = shell.Start();
  TypeLine(*kg, ":as-of 2021-05-21");
  REQUIRE(Sees(*kg, "kg@2021-05-21> "));
  TypeLine(*kg, "UNWIND [1, 2] AS x");
  REQUIRE(Sees(*kg, "\n             -> "));
  TypeLine(*kg, "RETURN sum(x) AS total_sum;");
  CHECK(Sees(*kg, "total_sum"));
  TypeLine(*kg, ":as-of off");
  CHECK(Sees(*kg, "\nkg> "));
  kg->Send(":quit\r");
  CHECK(ExitStatus(*kg) == 0);
}
