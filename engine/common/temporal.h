// The temporal values besides Date (date.h): times of day, local and zoned
// date-times, and durations, as openCypher defines them. Plain structs with
// their ISO 8601 text; construction from text and maps, arithmetic and
// truncation live in the query layer (exec/temporal_*.cpp).
//
// Representation (also what the storage codec keeps):
// - LocalTime: nanoseconds since midnight, [0, kNanosPerDay).
// - Time: a local time of day and its UTC offset in seconds.
// - LocalDateTime: a Date and a LocalTime, no zone.
// - DateTime: the local (wall-clock) date and time, the UTC offset in force
//   there, and the named zone (time_zone.h id; 0 when only an offset was
//   given). The instant is local - offset.
// - Duration: months, days, seconds and nanoseconds kept apart, as
//   openCypher requires (a month is not a fixed number of days, a day not a
//   fixed number of seconds under DST). nanos has the sign of seconds (or
//   either sign when seconds is 0) and |nanos| < kNanosPerSecond.
#pragma once

#include <cstdint>
#include <string>

#include "common/date.h"

namespace kg {

constexpr int64_t kNanosPerSecond = 1000000000;
constexpr int64_t kSecondsPerDay = 86400;
constexpr int64_t kNanosPerDay = kSecondsPerDay * kNanosPerSecond;

struct LocalTime {
  int64_t nanos = 0;  // since midnight

  static LocalTime FromFields(int64_t hour, int64_t minute, int64_t second, int64_t nano) {
    return LocalTime{((hour * 60 + minute) * 60 + second) * kNanosPerSecond + nano};
  }
  int64_t hour() const { return nanos / (3600 * kNanosPerSecond); }
  int64_t minute() const { return nanos / (60 * kNanosPerSecond) % 60; }
  int64_t second() const { return nanos / kNanosPerSecond % 60; }
  int64_t nanosecond() const { return nanos % kNanosPerSecond; }
  // 12:31, 12:31:14, 12:31:14.645, 12:31:14.645876, 12:31:14.645876123
  // (seconds only when not zero; the fraction in groups of three digits).
  std::string ToIsoString() const;

  friend bool operator==(LocalTime a, LocalTime b) { return a.nanos == b.nanos; }
  friend bool operator!=(LocalTime a, LocalTime b) { return a.nanos != b.nanos; }
};

struct Time {
  LocalTime time;
  int32_t offset_seconds = 0;  // east of UTC

  // The time of day in UTC, for comparison; may lie outside one day.
  int64_t UtcNanos() const { return time.nanos - offset_seconds * kNanosPerSecond; }
  std::string ToIsoString() const;  // 12:31:14.645+01:00, 12:00Z

  friend bool operator==(Time a, Time b) { return a.time == b.time && a.offset_seconds == b.offset_seconds; }
  friend bool operator!=(Time a, Time b) { return !(a == b); }
};

struct LocalDateTime {
  Date date;
  LocalTime time;

  // Seconds since 1970-01-01T00:00 on the same wall clock, and the fraction.
  int64_t EpochSeconds() const { return date.days * kSecondsPerDay + time.nanos / kNanosPerSecond; }
  std::string ToIsoString() const;  // 2015-07-21T21:40:32.142

  friend bool operator==(LocalDateTime a, LocalDateTime b) { return a.date == b.date && a.time == b.time; }
  friend bool operator!=(LocalDateTime a, LocalDateTime b) { return !(a == b); }
};

struct DateTime {
  LocalDateTime local;
  int32_t offset_seconds = 0;
  uint32_t zone = 0;  // time_zone.h id; 0: offset only

  // The instant: seconds since 1970-01-01T00:00Z and the nanoseconds within it.
  int64_t EpochSeconds() const { return local.EpochSeconds() - offset_seconds; }
  int64_t Nanosecond() const { return local.time.nanosecond(); }
  // 2017-08-08T12:31:14.645876123+02:00[Europe/Stockholm]; Z for offset 0
  // without a zone name.
  std::string ToIsoString() const;

  // Identity (same instant, offset and zone); openCypher's = on datetimes
  // compares instants only (exec/value_ops).
  friend bool operator==(const DateTime& a, const DateTime& b) {
    return a.local == b.local && a.offset_seconds == b.offset_seconds && a.zone == b.zone;
  }
  friend bool operator!=(const DateTime& a, const DateTime& b) { return !(a == b); }
};

struct Duration {
  int64_t months = 0;
  int64_t days = 0;
  int64_t seconds = 0;
  int64_t nanos = 0;

  // Carries whole seconds out of nanos and gives nanos the sign of seconds.
  static Duration Normalized(int64_t months, int64_t days, int64_t seconds, int64_t nanos);
  // P12Y5M14DT16H13M10.000000001S; PT0S when all parts are zero.
  std::string ToIsoString() const;

  friend bool operator==(const Duration& a, const Duration& b) {
    return a.months == b.months && a.days == b.days && a.seconds == b.seconds && a.nanos == b.nanos;
  }
  friend bool operator!=(const Duration& a, const Duration& b) { return !(a == b); }
};

// "+01:00", "-05:30", "+01:00:30" with seconds when there are any; "Z" for 0.
std::string FormatUtcOffset(int32_t offset_seconds);

}  // namespace kg
