// Ctrl-C (SIGINT) in the shell.
//
// The handler only records the signal and, while a statement runs, asks the
// database to stop it (Database::Interrupt, an atomic store: safe in a
// signal handler). It is installed without SA_RESTART so that a blocking
// read of the terminal returns EINTR and the line editor can clear the line.
#pragma once

namespace kg {
class Database;
}

namespace kg::shell {

void InstallInterruptHandler();
// Whether SIGINT arrived since the last call; clears the record.
bool TakeInterrupt();

// While one is alive, SIGINT also interrupts `db`'s running statement.
class InterruptScope {
 public:
  explicit InterruptScope(Database& db);
  ~InterruptScope();
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;
};

}  // namespace kg::shell
