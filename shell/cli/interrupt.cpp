#include "cli/interrupt.h"

#include <atomic>
#include <csignal>
#include <cstring>

#include "main/database.h"

namespace kg::shell {
namespace {

std::atomic<bool> g_interrupted{false};
std::atomic<Database*> g_running{nullptr};
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<Database*>::is_always_lock_free,
              "the signal handler needs lock-free atomics");

extern "C" void OnSigint(int) {
  g_interrupted.store(true);
  if (Database* db = g_running.load()) db->Interrupt();
}

}  // namespace

void InstallInterruptHandler() {
  struct sigaction action;
  std::memset(&action, 0, sizeof action);
  action.sa_handler = OnSigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocked read returns EINTR
  sigaction(SIGINT, &action, nullptr);
}

bool TakeInterrupt() { return g_interrupted.exchange(false); }

InterruptScope::InterruptScope(Database& db) { g_running.store(&db); }
InterruptScope::~InterruptScope() { g_running.store(nullptr); }

}  // namespace kg::shell
