// The concurrency soak: one writing process and eight read-only processes
// (RocksDB secondary instances, as `kg --read-only` and `kg check` open a
// database) on the same directory for a bounded time.
//
//   kg_soak_test [--seconds 60] [--readers 8]     (docs/durability.md: --seconds 600 for the long run)
//
// The writer commits, again and again, one statement that raises a counter
// to v, sets a mirror node to v, and creates a Tick node with key tick/v;
// after each commit it logs "C v". Each reader, in a loop, reads the last
// logged value L, then the counter, the mirror and the tick of the counter's
// value in one statement, and checks:
//   - it sees every commit once it is made: the value is at least L;
//   - it never goes backwards: the value is at least the one it saw before;
//   - it sees a commit whole: the mirror equals the counter, and the tick
//     of that value is there;
//   - it never sees a value that was not committed: at the end, the highest
//     value it saw is at most the writer's last logged one.
// The first reader also runs the consistency check every two seconds,
// beside the writer. Any error, in any process, fails the test.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "child_process.h"
#include "main/database.h"

namespace fs = std::filesystem;

namespace {

kg::DatabaseOptions Options(bool read_only) {
  kg::DatabaseOptions options;
  options.store.read_only = read_only;
  options.store.create_if_missing = !read_only;
  options.store.block_cache_bytes = size_t{8} << 20;
  return options;
}

// The last value a "C v" line of the log gives (0 before the first).
int64_t LastCommitted(const std::string& log_path) {
  std::ifstream in(log_path, std::ios::binary);
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  const std::streamoff from = size > 64 ? size - 64 : 0;
  in.seekg(from);
  std::string tail((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const size_t end = tail.rfind('\n');
  if (end == std::string::npos) return 0;
  const size_t start = tail.rfind('\n', end - 1);
  const std::string line =
      tail.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1));
  return line.size() > 2 && line[0] == 'C' ? std::stoll(line.substr(2)) : 0;
}

bool Exists(const std::string& path) { return fs::exists(path); }

int RunWriter(const std::string& db_path, const std::string& log_path, const std::string& stop) {
  auto db = kg::Database::Open(db_path, Options(false));
  if (!db.ok()) {
    std::cerr << "soak writer: " << db.status().ToString() << "\n";
    return 1;
  }
  kg::crash::EventLog log(log_path);
  log.Line("R");
  while (!Exists(stop)) {
    auto r = (*db)->Execute(
        "MATCH (c:Counter {key: 'counter'}), (m:Mirror {key: 'mirror'}) "
        "WITH c, m, c.value + 1 AS v SET c.value = v, m.value = v "
        "CREATE (:Tick {key: 'tick/' + toString(v), n: v}) RETURN v");
    if (!r.ok() || r->rows.size() != 1) {
      std::cerr << "soak writer: " << r.status().ToString() << "\n";
      return 1;
    }
    log.Line("C " + std::to_string(r->rows[0][0].as_int()));
    // A few hundred commits a second: a ten-minute run stays a small database.
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return 0;
}

int RunReader(const std::string& db_path, const std::string& log_path, const std::string& stop, const std::string& done,
              const std::string& result, int index) {
  auto opened = kg::Database::Open(db_path, Options(true));
  if (!opened.ok()) {
    std::cerr << "soak reader " << index << ": " << opened.status().ToString() << "\n";
    return 1;
  }
  kg::Database& db = **opened;
  auto fail = [&](const std::string& what) {
    std::cerr << "soak reader " << index << ": " << what << "\n";
    return 1;
  };
  int64_t seen = -1, reads = 0, changes = 0, checks = 0;
  auto last_check = std::chrono::steady_clock::now();
  while (!Exists(stop)) {
    const int64_t committed = LastCommitted(log_path);
    auto r = db.Execute(
        "MATCH (c:Counter {key: 'counter'}), (m:Mirror {key: 'mirror'}) "
        "OPTIONAL MATCH (t:Tick {key: 'tick/' + toString(c.value)}) RETURN c.value, m.value, t.n");
    if (!r.ok()) return fail(r.status().ToString());
    if (r->rows.size() != 1) return fail(std::to_string(r->rows.size()) + " rows for the counter");
    const int64_t value = r->rows[0][0].as_int();
    ++reads;
    if (value < committed) {
      return fail("saw " + std::to_string(value) + " after " + std::to_string(committed) + " was committed");
    }
    if (value < seen) return fail("went back from " + std::to_string(seen) + " to " + std::to_string(value));
    if (r->rows[0][1].kind() != kg::Value::Kind::kInt || r->rows[0][1].as_int() != value) {
      return fail("counter " + std::to_string(value) + " but mirror " + r->rows[0][1].ToString());
    }
    if (value > 0 && (r->rows[0][2].kind() != kg::Value::Kind::kInt || r->rows[0][2].as_int() != value)) {
      return fail("counter " + std::to_string(value) + " without its tick");
    }
    changes += value != seen;
    seen = value;
    if (index == 0 && std::chrono::steady_clock::now() - last_check > std::chrono::seconds(2)) {
      auto report = db.CheckConsistency();
      if (!report.ok()) return fail("the consistency check: " + report.status().ToString());
      if (!report->clean()) return fail("inconsistent: " + report->problems.front());
      ++checks;
      last_check = std::chrono::steady_clock::now();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  while (!Exists(done)) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const int64_t final_value = LastCommitted(log_path);
  if (seen > final_value) {
    return fail("saw " + std::to_string(seen) + ", but the writer committed only up to " + std::to_string(final_value));
  }
  std::ofstream(result) << reads << " " << changes << " " << checks << "\n";
  return 0;
}

int RunDriver(int seconds, int readers) {
  const auto start = std::chrono::steady_clock::now();
  char tmpl[] = "/tmp/kg-soak-XXXXXX";
  if (!mkdtemp(tmpl)) return 3;
  const std::string dir = tmpl;
  const std::string db_path = dir + "/db", log_path = dir + "/committed.log", stop = dir + "/stop",
                    done = dir + "/done";
  {
    auto db = kg::Database::Open(db_path, Options(false));
    if (!db.ok() ||
        !(*db)->Execute("CREATE (:Counter {key: 'counter', value: 0}), (:Mirror {key: 'mirror', value: 0})").ok()) {
      std::cerr << "soak: cannot create the database\n";
      return 1;
    }
  }
  const pid_t writer = kg::crash::SpawnSelf({"--writer", db_path, log_path, stop});
  while (kg::crash::ReadLog(log_path).empty()) {
    int status = 0;
    if (waitpid(writer, &status, WNOHANG) == writer) {
      std::cerr << "soak: the writer did not start\n";
      return 1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  std::vector<pid_t> pids;
  for (int i = 0; i < readers; ++i) {
    pids.push_back(kg::crash::SpawnSelf(
        {"--reader", db_path, log_path, stop, done, dir + "/reader-" + std::to_string(i), std::to_string(i)}));
  }
  std::this_thread::sleep_for(std::chrono::seconds(seconds));
  std::ofstream(stop) << "stop\n";
  bool ok = kg::crash::Wait(writer) == 0;
  std::ofstream(done) << "done\n";
  int64_t reads = 0, changes = 0, checks = 0;
  for (int i = 0; i < readers; ++i) {
    if (kg::crash::Wait(pids[i]) != 0) {
      ok = false;
      continue;
    }
    std::ifstream in(dir + "/reader-" + std::to_string(i));
    int64_t r = 0, c = 0, k = 0;
    in >> r >> c >> k;
    reads += r, changes += c, checks += k;
  }
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "soak: " << seconds << " s, 1 writer (" << LastCommitted(log_path) << " commits), " << readers
            << " readers (" << reads << " reads, " << changes << " new values seen, " << checks
            << " consistency checks beside the writer): " << (ok ? "no errors" : "FAILED") << "; " << elapsed
            << " s in all\n";
  fs::remove_all(dir);
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 4 && args[0] == "--writer") return RunWriter(args[1], args[2], args[3]);
  if (args.size() == 7 && args[0] == "--reader") {
    return RunReader(args[1], args[2], args[3], args[4], args[5], std::stoi(args[6]));
  }
  int seconds = 60, readers = 8;
  for (size_t i = 0; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if (args[i] == "--seconds" && has_value) {
      seconds = std::stoi(args[++i]);
    } else if (args[i] == "--readers" && has_value) {
      readers = std::stoi(args[++i]);
    } else {
      std::cerr << "usage: kg_soak_test [--seconds N] [--readers N]\n";
      return 2;
    }
  }
  return RunDriver(seconds, readers);
}
