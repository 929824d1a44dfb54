#include "common/source_files.h"

#include <openssl/evp.h>

#include <filesystem>

#include "common/input_file.h"

namespace kg {

namespace {

constexpr const char* kHowToSet = "(set --sources or KG_SOURCES)";

std::string Describe(const SourceFileRef& ref) {
  std::string s = "source file " + ref.file;
  if (!ref.document.empty()) s += " of " + ref.document;
  return s;
}

// A plain file name: what a Document may name, so that a graph cannot point
// kg at files outside the sources directory.
bool IsPlainName(const std::string& name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos &&
         name.find('\\') == std::string::npos && name.find('\0') == std::string::npos;
}

// Checks a text against what its Document recorded.
Status CheckText(const SourceFileRef& ref, const std::string& where, const std::string& text,
                 const std::string& sha256) {
  if (ref.bytes && *ref.bytes != static_cast<int64_t>(text.size())) {
    return Status::Io("evidence: " + Describe(ref) + " in " + where + " has changed (" + std::to_string(text.size()) +
                      " bytes, expected " + std::to_string(*ref.bytes) + ")");
  }
  if (ref.sha256 && *ref.sha256 != sha256) {
    return Status::Io("evidence: " + Describe(ref) + " in " + where + " has changed (sha256 " + sha256 + ", expected " +
                      *ref.sha256 + ")");
  }
  return Status::Ok();
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  // One-shot digest; it fails only when libcrypto cannot allocate.
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1) return std::string();
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xF]);
  }
  return hex;
}

SourceFiles::SourceFiles(std::string dir) : dir_(std::move(dir)) {}

Result<std::shared_ptr<const SourceText>> SourceFiles::Read(const SourceFileRef& ref) {
  if (dir_.empty()) {
    return Status::Io("evidence: no sources directory is set to read " + Describe(ref) + " from " + kHowToSet);
  }
  if (!IsPlainName(ref.file)) {
    return Status::Io("evidence: " + Describe(ref) + " is not a plain file name in the sources directory");
  }
  std::lock_guard<std::mutex> lock(mutex_);
  auto hit = checked_.find(ref.file);
  if (hit != checked_.end()) {
    KG_RETURN_IF_ERROR(CheckText(ref, dir_, hit->second.text->bytes, hit->second.sha256));
    return hit->second.text;
  }
  const std::filesystem::path path = std::filesystem::path(dir_) / ref.file;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::Io("evidence: " + Describe(ref) + " not found in " + dir_ + " " + kHowToSet);
  }
  Result<std::string> bytes = ReadInputFile(path.string(), kSourceTextFile);
  if (!bytes.ok()) return Status::Io("evidence: " + Describe(ref) + ": " + bytes.status().message());
  auto text = std::make_shared<SourceText>();
  text->bytes = std::move(bytes).value();
  std::string sha256 = Sha256Hex(text->bytes);
  KG_RETURN_IF_ERROR(CheckText(ref, dir_, text->bytes, sha256));
  text->sentences = SentenceRanges(text->bytes);
  checked_[ref.file] = Checked{text, std::move(sha256)};
  return std::shared_ptr<const SourceText>(text);
}

}  // namespace kg
