#include "common/input_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace kg {
namespace {

namespace fs = std::filesystem;

const std::string& NameOf(const std::string& path, const std::string& name) { return name.empty() ? path : name; }

// strerror's text starting lower-case, to follow "cannot read X: ".
std::string Reason(int error) {
  std::string reason = std::strerror(error);
  if (!reason.empty() && reason[0] >= 'A' && reason[0] <= 'Z' && (reason.size() < 2 || reason[1] > 'Z')) {
    reason[0] = static_cast<char>(reason[0] - 'A' + 'a');
  }
  return reason;
}

Status TooLarge(const std::string& name, const InputFileRules& rules, uint64_t bytes, bool known) {
  const std::string limit = DescribeBytes(rules.max_bytes);
  if (!known) return Status::Io(name + " holds more than the " + limit + " a " + rules.what + " may hold");
  return Status::Io(name + " is " + DescribeBytes(bytes) + ", more than the " + limit + " a " + rules.what +
                    " may hold");
}

// Reads `in` to its end into `out`, refusing more than max_bytes.
Status ReadCapped(std::istream& in, const std::string& name, const InputFileRules& rules, std::string* out) {
  constexpr size_t kChunk = size_t{1} << 20;
  std::string chunk(kChunk, '\0');
  for (;;) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const size_t n = static_cast<size_t>(in.gcount());
    if (rules.max_bytes != 0 && out->size() + n > rules.max_bytes) return TooLarge(name, rules, 0, false);
    out->append(chunk.data(), n);
    if (in.bad()) return Status::Io("cannot read " + name + ": " + Reason(errno));
    if (n < chunk.size()) return Status::Ok();
  }
}

}  // namespace

std::string DescribeBytes(uint64_t bytes) {
  char text[32];
  constexpr uint64_t kGiB = kMiB << 10;
  if (bytes >= kGiB) {
    if (bytes % kGiB == 0) {
      std::snprintf(text, sizeof text, "%llu GiB", static_cast<unsigned long long>(bytes / kGiB));
    } else {
      std::snprintf(text, sizeof text, "%.1f GiB", static_cast<double>(bytes) / static_cast<double>(kGiB));
    }
  } else if (bytes >= kMiB) {
    const double mib = static_cast<double>(bytes) / static_cast<double>(kMiB);
    if (bytes % kMiB == 0) {
      std::snprintf(text, sizeof text, "%llu MiB", static_cast<unsigned long long>(bytes / kMiB));
    } else {
      std::snprintf(text, sizeof text, "%.1f MiB", mib);
    }
  } else if (bytes >= 1024) {
    std::snprintf(text, sizeof text, "%llu KiB", static_cast<unsigned long long>(bytes / 1024));
  } else {
    std::snprintf(text, sizeof text, "%llu bytes", static_cast<unsigned long long>(bytes));
  }
  return text;
}

Status CheckInputFile(const std::string& path, const InputFileRules& rules, const std::string& name) {
  const std::string& shown = NameOf(path, name);
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);  // follows symbolic links
  if (!fs::exists(status)) {
    if (ec && ec != std::errc::no_such_file_or_directory) {
      return Status::Io("cannot read " + shown + ": " + Reason(ec.value()));
    }
    return Status::Io("cannot read " + shown + ": no such file");
  }
  const std::string not_a = std::string(", not a") + (rules.what[0] == 'a' ? "n " : " ") + rules.what;
  if (fs::is_directory(status)) return Status::Io(shown + " is a directory" + not_a);
  if (fs::is_character_file(status) || fs::is_block_file(status)) return Status::Io(shown + " is a device" + not_a);
  if (fs::is_socket(status)) return Status::Io(shown + " is a socket" + not_a);
  if (fs::is_fifo(status)) {
    if (rules.allow_pipe) return Status::Ok();
    return Status::Io(shown + " is a pipe" + not_a + " (give a regular file)");
  }
  if (!fs::is_regular_file(status)) return Status::Io(shown + " is not a regular file");
  const uint64_t size = fs::file_size(path, ec);
  if (!ec && rules.max_bytes != 0 && size > rules.max_bytes) return TooLarge(shown, rules, size, true);
  return Status::Ok();
}

Status OpenInputFile(const std::string& path, const InputFileRules& rules, std::ifstream* in, const std::string& name) {
  KG_RETURN_IF_ERROR(CheckInputFile(path, rules, name));
  errno = 0;
  in->open(path, std::ios::binary);
  if (!*in) {
    const int error = errno != 0 ? errno : EACCES;
    return Status::Io("cannot read " + NameOf(path, name) + ": " + Reason(error));
  }
  return Status::Ok();
}

Result<std::string> ReadInputFile(const std::string& path, const InputFileRules& rules, const std::string& name) {
  std::ifstream in;
  KG_RETURN_IF_ERROR(OpenInputFile(path, rules, &in, name));
  std::string text;
  KG_RETURN_IF_ERROR(ReadCapped(in, NameOf(path, name), rules, &text));
  return text;
}

Result<std::string> ReadInputStream(std::istream& in, const std::string& name, const InputFileRules& rules) {
  std::string text;
  KG_RETURN_IF_ERROR(ReadCapped(in, name, rules, &text));
  return text;
}

}  // namespace kg
