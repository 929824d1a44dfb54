// The exit codes of the kg program and of every subcommand (kg check,
// export, import, link, why), in one place. README.md and `kg --help`
// describe them; scripts rely on them, so never renumber one.
#pragma once

namespace kg::shell {

// Done: every statement ran, the subcommand did its work.
constexpr int kExitOk = 0;
// Something failed: a statement, a refused input file, a database that would
// not open, an unknown relationship id (the message says which, on stderr).
constexpr int kExitFailed = 1;
// Bad usage: an unknown option or format, a malformed value; nothing ran.
constexpr int kExitUsage = 2;
// kg check: the database does not agree with itself (a failure like any other).
constexpr int kExitInconsistent = kExitFailed;

}  // namespace kg::shell
