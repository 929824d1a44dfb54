// Named time zones (IANA, e.g. Europe/Paris), read from the system's tzdata
// through Howard Hinnant's date/tz library. A zone is known to values by a
// small id (DateTime::zone), interned for the life of the process; its name
// is what storage keeps.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/temporal.h"

namespace kg::tz {

// The id of a zone by its IANA name (case as the database spells it is not
// required: "europe/paris" finds Europe/Paris). Nothing for an unknown name.
// Id 0 is never returned (it means "no zone").
std::optional<uint32_t> FindZone(std::string_view name);

// The name the zone was found under, as the database spells it.
const std::string& ZoneName(uint32_t id);

// The UTC offset, in seconds, of zone `id` at an instant.
int32_t OffsetAtInstant(uint32_t id, int64_t epoch_seconds);

// A wall-clock time in zone `id` as a DateTime, resolved as java.time does:
// a time that occurs twice (autumn) takes the earlier offset; a time that
// never occurs (the spring gap) moves forward by the length of the gap.
DateTime ResolveLocal(uint32_t id, const LocalDateTime& local);

// The DateTime in zone `id` at an instant (local time = instant + offset).
DateTime AtInstant(uint32_t id, int64_t epoch_seconds, int64_t nanos);

}  // namespace kg::tz
