// kg_tck: runs the openCypher TCK's feature files against kg and prints a
// pass/fail table per feature folder. See tests/tck/README.md.
//
// Cases run in worker processes forked from this one, a batch at a time, so
// that a case that crashes the engine or hangs fails alone: the supervisor
// notes which case was running, kills a worker that overruns the per-case
// timeout, and carries on with the next case in a new worker.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "tck/case_runner.h"
#include "tck/gherkin_reader.h"

namespace fs = std::filesystem;

namespace kg::tck {
namespace {

// Passed where a template directory would go: cases keep their database
// in memory instead (the default; --on-disk uses directories).
const std::string kInMemory = ":memory:";

// Folders whose subtotal is the regression floor (--min-pass).
const char* const kFloorFolders[] = {"expressions/aggregation", "expressions/boolean",       "expressions/comparison",
                                     "expressions/conditional", "expressions/graph",         "expressions/list",
                                     "expressions/literals",    "expressions/map",           "expressions/mathematical",
                                     "expressions/null",        "expressions/path",          "expressions/precedence",
                                     "expressions/string",      "expressions/typeConversion"};

struct Options {
  std::string features_dir;
  std::string filter;
  bool verbose = false;
  std::string failures_file;
  std::optional<double> min_pass;
  std::optional<double> min_total_pass;
  int jobs = 1;
  int timeout_seconds = 60;
  bool fork = true;
  bool template_db = true;
  bool in_memory = true;
  int top_causes = 25;
};

struct Case {
  std::string feature;  // path relative to the features folder
  std::string folder;   // two levels under features/, e.g. clauses/match
  TestCase test;
};

struct Outcome {
  CaseOutcome::Verdict verdict = CaseOutcome::Verdict::kFailed;
  std::string reason;
  double seconds = 0;
};

void Usage(const char* argv0) {
  std::fprintf(stderr,
               "usage: %s --features DIR [--filter TEXT] [--verbose] [--list-failures FILE]\n"
               "          [--min-pass PCT] [--min-total-pass PCT] [--jobs N] [--timeout SECONDS] [--no-fork] "
               "[--no-template] [--on-disk] [--top-causes N]\n",
               argv0);
}

bool ParseOptions(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    std::string v;
    if (a == "--features") {
      if (!next(&o->features_dir)) return false;
    } else if (a == "--filter") {
      if (!next(&o->filter)) return false;
    } else if (a == "--verbose" || a == "-v") {
      o->verbose = true;
    } else if (a == "--list-failures") {
      if (!next(&o->failures_file)) return false;
    } else if (a == "--min-pass") {
      if (!next(&v)) return false;
      o->min_pass = std::atof(v.c_str());
    } else if (a == "--min-total-pass") {
      if (!next(&v)) return false;
      o->min_total_pass = std::atof(v.c_str());
    } else if (a == "--jobs" || a == "-j") {
      if (!next(&v)) return false;
      o->jobs = std::max(1, std::atoi(v.c_str()));
    } else if (a == "--timeout") {
      if (!next(&v)) return false;
      o->timeout_seconds = std::max(1, std::atoi(v.c_str()));
    } else if (a == "--no-template") {
      o->template_db = false;
    } else if (a == "--on-disk") {
      o->in_memory = false;
    } else if (a == "--no-fork") {
      o->fork = false;
    } else if (a == "--top-causes") {
      if (!next(&v)) return false;
      o->top_causes = std::max(0, std::atoi(v.c_str()));
    } else {
      return false;
    }
  }
  return !o->features_dir.empty();
}

std::string FolderOf(const std::string& relative) {
  const fs::path parent = fs::path(relative).parent_path();
  std::string out;
  int depth = 0;
  for (const fs::path& part : parent) {
    if (depth++ == 2) break;
    if (!out.empty()) out += "/";
    out += part.string();
  }
  return out.empty() ? "." : out;
}

// ---- Worker side: run cases, report each as one JSON line. ----

bool WriteAll(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

std::string JsonLine(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Outcome RunTimed(const Case& c, const CaseEnvironment& env) {
  const auto start = std::chrono::steady_clock::now();
  const CaseOutcome o = RunCase(c.test, env);
  Outcome out;
  out.verdict = o.verdict;
  out.reason = o.reason;
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

[[noreturn]] void WorkerMain(int fd, const std::vector<Case>& cases, const std::vector<size_t>& batch,
                             const std::string& graphs_dir, const std::string& temp_root,
                             const std::string& template_dir) {
  for (size_t index : batch) {
    if (!WriteAll(fd, JsonLine({{"start", index}}))) _exit(3);
    CaseEnvironment env{graphs_dir, temp_root + "/case-" + std::to_string(index), template_dir,
                        template_dir == kInMemory};
    const Outcome o = RunTimed(cases[index], env);
    nlohmann::json j = {
        {"done", index}, {"verdict", static_cast<int>(o.verdict)}, {"reason", o.reason}, {"seconds", o.seconds}};
    if (!WriteAll(fd, JsonLine(j))) _exit(3);
  }
  _exit(0);
}

// ---- Supervisor side. ----

struct Worker {
  pid_t pid = -1;
  int fd = -1;
  std::string buffer;
  std::vector<size_t> batch;
  size_t finished = 0;  // cases of the batch reported done
  std::optional<size_t> running;
  std::chrono::steady_clock::time_point started;
};

class Supervisor {
 public:
  Supervisor(const std::vector<Case>& cases, const Options& options, std::string graphs_dir, std::string temp_root,
             std::string template_dir)
      : cases_(cases),
        options_(options),
        graphs_dir_(std::move(graphs_dir)),
        temp_root_(std::move(temp_root)),
        template_dir_(std::move(template_dir)),
        outcomes_(cases.size()),
        done_(cases.size(), false) {}

  std::vector<Outcome> Run() {
    for (size_t i = 0; i < cases_.size(); ++i) pending_.push_back(i);
    std::vector<Worker> workers(static_cast<size_t>(options_.jobs));
    while (true) {
      for (Worker& w : workers) {
        if (w.pid < 0 && !pending_.empty()) Start(&w);
      }
      std::vector<pollfd> fds;
      std::vector<Worker*> owners;
      for (Worker& w : workers) {
        if (w.pid >= 0) {
          fds.push_back({w.fd, POLLIN, 0});
          owners.push_back(&w);
        }
      }
      if (fds.empty()) break;
      const int n = ::poll(fds.data(), fds.size(), 1000);
      if (n < 0 && errno != EINTR) break;
      for (size_t k = 0; k < fds.size(); ++k) {
        if (fds[k].revents == 0) continue;
        char buf[65536];
        const ssize_t got = ::read(fds[k].fd, buf, sizeof buf);
        if (got > 0) {
          owners[k]->buffer.append(buf, static_cast<size_t>(got));
          Consume(owners[k]);
        } else if (got == 0 || (got < 0 && errno != EINTR && errno != EAGAIN)) {
          Finish(owners[k], /*killed_for_timeout=*/false);
        }
      }
      const auto now = std::chrono::steady_clock::now();
      for (Worker& w : workers) {
        if (w.pid >= 0 && w.running && now - w.started > std::chrono::seconds(options_.timeout_seconds)) {
          ::kill(w.pid, SIGKILL);
          Finish(&w, /*killed_for_timeout=*/true);
        }
      }
    }
    return std::move(outcomes_);
  }

 private:
  static constexpr size_t kBatch = 100;

  void Start(Worker* w) {
    w->batch.clear();
    while (!pending_.empty() && w->batch.size() < kBatch) {
      w->batch.push_back(pending_.front());
      pending_.pop_front();
    }
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) {
      std::perror("pipe");
      std::exit(1);
    }
    std::cout.flush();
    std::cerr.flush();
    const pid_t pid = ::fork();
    if (pid < 0) {
      std::perror("fork");
      std::exit(1);
    }
    if (pid == 0) {
      ::close(pipe_fds[0]);
      WorkerMain(pipe_fds[1], cases_, w->batch, graphs_dir_, temp_root_, template_dir_);
    }
    ::close(pipe_fds[1]);
    w->pid = pid;
    w->fd = pipe_fds[0];
    w->buffer.clear();
    w->finished = 0;
    w->running.reset();
  }

  void Consume(Worker* w) {
    size_t nl;
    while ((nl = w->buffer.find('\n')) != std::string::npos) {
      const std::string line = w->buffer.substr(0, nl);
      w->buffer.erase(0, nl + 1);
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded()) continue;
      if (j.contains("start")) {
        w->running = j["start"].get<size_t>();
        w->started = std::chrono::steady_clock::now();
      } else if (j.contains("done")) {
        const size_t index = j["done"].get<size_t>();
        Outcome& o = outcomes_[index];
        o.verdict = static_cast<CaseOutcome::Verdict>(j["verdict"].get<int>());
        o.reason = j["reason"].get<std::string>();
        o.seconds = j["seconds"].get<double>();
        MarkDone(index);
        ++w->finished;
        w->running.reset();
      }
    }
  }

  void MarkDone(size_t index) {
    done_[index] = true;
    ++completed_;
    if (completed_ % 250 == 0) {
      std::fprintf(stderr, "kg_tck: %zu/%zu cases\n", completed_, cases_.size());
    }
  }

  // The worker ended (or was killed): fail the case it was running and put
  // the rest of its batch back in the queue.
  void Finish(Worker* w, bool killed_for_timeout) {
    int status = 0;
    ::waitpid(w->pid, &status, 0);
    ::close(w->fd);
    if (w->running && !done_[*w->running]) {
      const size_t index = *w->running;
      Outcome& o = outcomes_[index];
      o.verdict = CaseOutcome::Verdict::kFailed;
      o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - w->started).count();
      if (killed_for_timeout) {
        o.reason = "timeout: the case ran longer than " + std::to_string(options_.timeout_seconds) + " s";
      } else if (WIFSIGNALED(status)) {
        o.reason = std::string("crash: the engine died with signal ") + std::to_string(WTERMSIG(status)) + " (" +
                   strsignal(WTERMSIG(status)) + ")";
      } else {
        o.reason = "crash: the worker exited with status " + std::to_string(WEXITSTATUS(status));
      }
      MarkDone(index);
      std::error_code ec;
      fs::remove_all(temp_root_ + "/case-" + std::to_string(index), ec);
    }
    for (auto it = w->batch.rbegin(); it != w->batch.rend(); ++it) {
      if (!done_[*it]) pending_.push_front(*it);
    }
    w->pid = -1;
    w->fd = -1;
    w->running.reset();
    w->batch.clear();
  }

  const std::vector<Case>& cases_;
  const Options& options_;
  std::string graphs_dir_, temp_root_, template_dir_;
  std::vector<Outcome> outcomes_;
  std::vector<bool> done_;
  std::deque<size_t> pending_;
  size_t completed_ = 0;
};

// The empty database every case starts from a copy of. Made in a child
// process when workers will be forked: RocksDB's background threads do not
// survive a fork, so the supervisor never opens a database itself.
bool MakeTemplate(const std::string& dir, bool in_child) {
  if (!in_child) {
    const Status st = CreateEmptyDatabase(dir);
    if (!st.ok()) std::fprintf(stderr, "kg_tck: no template database (%s)\n", st.ToString().c_str());
    return st.ok();
  }
  std::cout.flush();
  std::cerr.flush();
  const pid_t pid = ::fork();
  if (pid < 0) return false;
  if (pid == 0) {
    const Status st = CreateEmptyDatabase(dir);
    if (!st.ok()) std::fprintf(stderr, "kg_tck: no template database (%s)\n", st.ToString().c_str());
    _exit(st.ok() ? 0 : 1);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// ---- Report. ----

struct Tally {
  int passed = 0, failed = 0, skipped = 0;
  int total() const { return passed + failed + skipped; }
  double percent() const { return total() == 0 ? 0.0 : 100.0 * passed / total(); }
  void Add(const Tally& t) {
    passed += t.passed;
    failed += t.failed;
    skipped += t.skipped;
  }
};

void PrintRow(const std::string& name, const Tally& t) {
  std::printf("%-44s %7d %7d %8d %7d %7.1f\n", name.c_str(), t.passed, t.failed, t.skipped, t.total(), t.percent());
}

// The first line of a reason with the particulars (positions, numbers,
// quoted names) blurred, so that failures with one cause group together.
std::string CauseOf(const std::string& reason) {
  std::string line = reason.substr(0, reason.find('\n'));
  static const std::regex kPosition(" at line \\d+, column \\d+");
  static const std::regex kQuoted("'[^']*'|\"[^\"]*\"|`[^`]*`");
  static const std::regex kNumber("\\b\\d+\\b");
  line = std::regex_replace(line, kPosition, "");
  line = std::regex_replace(line, kQuoted, "'…'");
  line = std::regex_replace(line, kNumber, "N");
  if (line.size() > 160) line = line.substr(0, 160) + "…";
  return line;
}

std::string Describe(const Case& c) {
  std::string out = c.feature + ":" + std::to_string(c.test.line) + "  " + c.test.scenario;
  if (!c.test.example.empty()) out += "  [" + c.test.example + "]";
  return out;
}

int Main(int argc, char** argv) {
  Options options;
  if (!ParseOptions(argc, argv, &options)) {
    Usage(argv[0]);
    return 2;
  }
  std::error_code ec;
  if (!fs::is_directory(options.features_dir, ec)) {
    std::printf("TCK not found at %s: skipped\n", options.features_dir.c_str());
    return 0;
  }
  const fs::path features_dir = fs::canonical(options.features_dir);
  const std::string graphs_dir = (features_dir.parent_path() / "graphs").string();

  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(features_dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".feature") {
      files.push_back(fs::relative(entry.path(), features_dir).generic_string());
    }
  }
  std::sort(files.begin(), files.end());

  bool runner_failed = false;
  std::vector<Case> cases;
  for (const std::string& file : files) {
    Result<Feature> feature = ReadFeatureFile((features_dir / file).string());
    if (!feature.ok()) {
      std::fprintf(stderr, "kg_tck: %s\n", feature.status().ToString().c_str());
      runner_failed = true;
      continue;
    }
    for (TestCase& t : ExpandCases(*feature)) {
      if (!options.filter.empty() && file.find(options.filter) == std::string::npos &&
          t.scenario.find(options.filter) == std::string::npos) {
        continue;
      }
      cases.push_back(Case{file, FolderOf(file), std::move(t)});
    }
  }
  if (cases.empty()) {
    std::fprintf(stderr, "kg_tck: no cases%s\n", options.filter.empty() ? "" : " match the filter");
    return 1;
  }

  char temp_template[] = "/tmp/kg-tck-XXXXXX";
  if (::mkdtemp(temp_template) == nullptr) {
    std::perror("mkdtemp");
    return 1;
  }
  const std::string temp_root = temp_template;

  const auto start = std::chrono::steady_clock::now();
  std::string template_dir;
  if (options.in_memory) {
    template_dir = kInMemory;
  } else if (options.template_db) {
    template_dir = temp_root + "/template";
    if (!MakeTemplate(template_dir, options.fork)) template_dir.clear();
  }
  std::vector<Outcome> outcomes;
  if (options.fork) {
    outcomes = Supervisor(cases, options, graphs_dir, temp_root, template_dir).Run();
  } else {
    for (size_t i = 0; i < cases.size(); ++i) {
      CaseEnvironment env{graphs_dir, temp_root + "/case-" + std::to_string(i), template_dir,
                          template_dir == kInMemory};
      outcomes.push_back(RunTimed(cases[i], env));
    }
  }
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fs::remove_all(temp_root, ec);

  // Tallies per folder and the two subtotals.
  std::map<std::string, Tally> folders;
  Tally clauses, floor, total;
  std::map<std::string, int> causes;
  std::ofstream failures;
  if (!options.failures_file.empty()) {
    failures.open(options.failures_file);
    if (!failures) {
      std::fprintf(stderr, "kg_tck: cannot write %s\n", options.failures_file.c_str());
      runner_failed = true;
    }
  }
  double case_seconds = 0;
  for (size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    const Outcome& o = outcomes[i];
    case_seconds += o.seconds;
    Tally t;
    if (o.verdict == CaseOutcome::Verdict::kPassed) t.passed = 1;
    if (o.verdict == CaseOutcome::Verdict::kFailed) t.failed = 1;
    if (o.verdict == CaseOutcome::Verdict::kSkipped) t.skipped = 1;
    folders[c.folder].Add(t);
    total.Add(t);
    if (c.folder.rfind("clauses/", 0) == 0 && c.folder != "clauses/call") clauses.Add(t);
    for (const char* f : kFloorFolders) {
      if (c.folder == f) floor.Add(t);
    }
    if (o.verdict != CaseOutcome::Verdict::kFailed) continue;
    ++causes[CauseOf(o.reason)];
    const std::string text = "FAIL " + Describe(c) + "\n  " + o.reason + "\n";
    if (options.verbose) std::printf("%s\n", text.c_str());
    if (failures.is_open()) failures << text << "\n";
  }

  std::printf("%-44s %7s %7s %8s %7s %7s\n", "feature folder", "passed", "failed", "skipped", "total", "pass %");
  for (const auto& [name, t] : folders) PrintRow(name, t);
  std::printf("%s\n", std::string(86, '-').c_str());
  PrintRow("clauses/ (except call)", clauses);
  PrintRow("expressions floor (14 folders)", floor);
  PrintRow("total", total);
  std::printf("\n%zu cases in %.1f s (%.1f ms per case on average)\n", cases.size(), elapsed,
              1000.0 * case_seconds / static_cast<double>(cases.size()));

  if (options.top_causes > 0 && !causes.empty()) {
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto& [cause, n] : causes) ranked.emplace_back(n, cause);
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::printf("\nMost frequent failure causes:\n");
    for (size_t i = 0; i < ranked.size() && i < static_cast<size_t>(options.top_causes); ++i) {
      std::printf("%6d  %s\n", ranked[i].first, ranked[i].second.c_str());
    }
  }

  if (runner_failed) return 1;
  if (options.min_pass && floor.percent() < *options.min_pass) {
    std::printf("\nexpressions floor pass rate %.1f %% is below --min-pass %.1f %%\n", floor.percent(),
                *options.min_pass);
    return 1;
  }
  if (options.min_total_pass && total.percent() < *options.min_total_pass) {
    std::printf("\ntotal pass rate %.2f %% is below --min-total-pass %.2f %%\n", total.percent(),
                *options.min_total_pass);
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace kg::tck

int main(int argc, char** argv) { return kg::tck::Main(argc, argv); }
