#include "interchange/export/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace kg::interchange {
namespace {

std::atomic<unsigned> g_counter{0};

}  // namespace

Result<std::unique_ptr<OutputFile>> OutputFile::Create(const std::string& target) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(target, ec)) return Status::Io("cannot write " + target + ": it is a directory");
  struct stat st;
  if (::stat(target.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written in
    // place: renaming a file over it would replace the device itself.
    const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return Status::Io("cannot write " + target + ": " + std::strerror(errno));
    return std::unique_ptr<OutputFile>(new OutputFile(target, "", fd));
  }
  const fs::path path(target);
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  // Hidden, and unique to this process and export, beside the target.
  const std::string temp = (dir / ("." + path.filename().string() + ".kg-export-" + std::to_string(getpid()) + "-" +
                                   std::to_string(g_counter.fetch_add(1)) + ".tmp"))
                               .string();
  // 0666 less the umask: the file ends up as any other new file would.
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    const int error = errno;
    if (error == ENOENT) return Status::Io("cannot write " + target + ": no such directory: " + dir.string());
    return Status::Io("cannot write " + target + ": " + std::strerror(error));
  }
  return std::unique_ptr<OutputFile>(new OutputFile(target, temp, fd));
}

OutputFile::OutputFile(std::string target, std::string temp, int fd)
    : target_(std::move(target)), temp_(std::move(temp)), fd_(fd) {
  buffer_.reserve(kFlushBytes + (kFlushBytes >> 2));
}

OutputFile::~OutputFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

Status OutputFile::IoError(const std::string& what, int error) const {
  return Status::Io("cannot write " + target_ + ": " + what + ": " + std::strerror(error));
}

Status OutputFile::WriteBuffer() {
  const char* p = buffer_.data();
  size_t left = buffer_.size();
  while (left > 0) {
    const ssize_t n = ::write(fd_, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;  // Ctrl-C arrives as a signal; the export checks for it itself
      return IoError("write failed", errno);
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  buffer_.clear();
  return Status::Ok();
}

Status OutputFile::Commit() {
  if (committed_ || fd_ < 0) return Status::Usage("output file already finished: " + target_);
  KG_RETURN_IF_ERROR(WriteBuffer());
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) return IoError("close failed", errno);
  if (!temp_.empty() && std::rename(temp_.c_str(), target_.c_str()) != 0) return IoError("rename failed", errno);
  committed_ = true;
  return Status::Ok();
}

}  // namespace kg::interchange
