// OutputFile: an export's file, written whole or not at all.
//
// Text goes to a temporary file next to the target (same directory, so the
// final rename is atomic), through a buffer written out in large pieces.
// Commit() renames it over the target; an OutputFile destroyed without a
// successful Commit() removes the temporary file, so a failed or cancelled
// export never leaves a half-written file under the target's name (and an
// older file of that name stays as it was). A target that is a device or a
// pipe (/dev/null, /dev/stdout, a FIFO) is written in place instead, as it
// goes: a file renamed over it would take the device's place.
#pragma once

#include <memory>
#include <string>

#include "common/status.h"

namespace kg::interchange {

class OutputFile {
 public:
  // kIo when the temporary file cannot be made (no such directory, no
  // permission) or the target is a directory.
  static Result<std::unique_ptr<OutputFile>> Create(const std::string& target);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Writers append here, then call Flush() now and then.
  std::string& buffer() { return buffer_; }
  // Writes the buffer out once it holds kFlushBytes or more.
  Status Flush() { return buffer_.size() >= kFlushBytes ? WriteBuffer() : Status::Ok(); }
  // Writes the rest, closes and renames onto the target.
  Status Commit();

  const std::string& target() const { return target_; }

 private:
  static constexpr size_t kFlushBytes = size_t{1} << 20;
  OutputFile(std::string target, std::string temp, int fd);
  Status WriteBuffer();
  Status IoError(const std::string& what, int error) const;

  std::string target_;
  std::string temp_;
  int fd_;
  std::string buffer_;
  bool committed_ = false;
};

}  // namespace kg::interchange
