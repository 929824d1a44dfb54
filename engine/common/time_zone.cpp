#include "common/time_zone.h"

#include <date/tz.h>

#include <deque>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "common/utf8.h"

namespace kg::tz {
namespace {

struct Zone {
  std::string name;
  const date::time_zone* zone;
};

// Ids are positions in `zones` (0 is a placeholder); a deque keeps names
// where they are while the table grows.
struct Table {
  std::mutex mu;
  std::deque<Zone> zones{Zone{"", nullptr}};
  std::unordered_map<std::string, uint32_t> by_lower_name;
};

Table& GetTable() {
  static Table table;
  return table;
}

const date::time_zone* Locate(std::string_view name, std::string* spelled) {
  const date::tzdb& db = date::get_tzdb();
  try {
    const date::time_zone* exact = date::locate_zone(name);
    *spelled = std::string(name);
    return exact;
  } catch (const std::runtime_error&) {
  }
  for (const date::time_zone& z : db.zones) {
    if (utf8::EqualsIgnoreCase(z.name(), name)) {
      *spelled = z.name();
      return &z;
    }
  }
  return nullptr;
}

const date::time_zone* ZoneOf(uint32_t id) {
  Table& t = GetTable();
  std::lock_guard<std::mutex> lock(t.mu);
  return t.zones.at(id).zone;
}

using Seconds = std::chrono::seconds;

}  // namespace

std::optional<uint32_t> FindZone(std::string_view name) {
  if (name.empty()) return std::nullopt;
  Table& t = GetTable();
  const std::string key = utf8::AsciiLower(name);
  {
    std::lock_guard<std::mutex> lock(t.mu);
    auto it = t.by_lower_name.find(key);
    if (it != t.by_lower_name.end()) return it->second;
  }
  std::string spelled;
  const date::time_zone* zone = nullptr;
  try {
    zone = Locate(name, &spelled);
  } catch (const std::exception&) {
    return std::nullopt;  // no tzdata on this machine
  }
  if (zone == nullptr) return std::nullopt;
  std::lock_guard<std::mutex> lock(t.mu);
  auto [it, inserted] = t.by_lower_name.emplace(key, static_cast<uint32_t>(t.zones.size()));
  if (inserted) t.zones.push_back(Zone{spelled, zone});
  return it->second;
}

const std::string& ZoneName(uint32_t id) {
  Table& t = GetTable();
  std::lock_guard<std::mutex> lock(t.mu);
  return t.zones.at(id).name;
}

int32_t OffsetAtInstant(uint32_t id, int64_t epoch_seconds) {
  const date::sys_seconds instant{Seconds(epoch_seconds)};
  return static_cast<int32_t>(ZoneOf(id)->get_info(instant).offset.count());
}

DateTime ResolveLocal(uint32_t id, const LocalDateTime& local) {
  const date::time_zone* zone = ZoneOf(id);
  const date::local_seconds wall{Seconds(local.EpochSeconds())};
  const date::local_info info = zone->get_info(wall);
  const int32_t before = static_cast<int32_t>(info.first.offset.count());
  if (info.result == date::local_info::nonexistent) {
    // In the gap: read the wall time with the offset before it, then show
    // that instant with the offset after it (02:30 becomes 03:30).
    const int64_t instant = local.EpochSeconds() - before;
    return AtInstant(id, instant, local.time.nanosecond());
  }
  DateTime out;
  out.local = local;
  out.offset_seconds = before;  // unique, or the earlier of an ambiguous pair
  out.zone = id;
  return out;
}

DateTime AtInstant(uint32_t id, int64_t epoch_seconds, int64_t nanos) {
  DateTime out;
  out.zone = id;
  out.offset_seconds = id == 0 ? 0 : OffsetAtInstant(id, epoch_seconds);
  const int64_t local = epoch_seconds + out.offset_seconds;
  int64_t days = local / kSecondsPerDay;
  int64_t secs = local % kSecondsPerDay;
  if (secs < 0) {
    secs += kSecondsPerDay;
    days -= 1;
  }
  out.local.date = Date{days};
  out.local.time = LocalTime{secs * kNanosPerSecond + nanos};
  return out;
}

}  // namespace kg::tz
