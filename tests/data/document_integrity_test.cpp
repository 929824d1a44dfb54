// Each Document records its seed file's size (`bytes`) and SHA-256
// (`sha256`), so that kg.evidence and :why can tell that a span still points
// into the text it was taken from. Here both are checked against
// ../shared/seeds (without that folder the check says so and only the
// form of the two properties is checked).
#include <openssl/evp.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "data/bundled_graph.h"

namespace kg::data_test {
namespace {

std::string Sha256Hex(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  REQUIRE(EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) == 1);
  std::ostringstream hex;
  for (unsigned int i = 0; i < length; ++i) {
    static const char kHex[] = "0123456789abcdef";
    hex << kHex[digest[i] >> 4] << kHex[digest[i] & 0xF];
  }
  return hex.str();
}

TEST_CASE("data documents: every Document records its file's bytes and sha256", "[data]") {
  const auto& graph = TheBundledGraph();
  const std::regex hex64("[0-9a-f]{64}");
  int documents = 0;
  for (const auto& node : graph.nodes) {
    const auto& p = node.Properties();
    if (!graph.HasLabel(p.value("key", ""), "Document")) continue;
    ++documents;
    if (!p.contains("bytes") || !p["bytes"].is_number_integer() || p["bytes"].get<long>() <= 0)
      FAIL_CHECK(node.Where() + ": `bytes` must be the seed file's size, a positive integer");
    if (!p.contains("sha256") || !p["sha256"].is_string() || !std::regex_match(p["sha256"].get<std::string>(), hex64))
      FAIL_CHECK(node.Where() + ": `sha256` must be the seed file's SHA-256, 64 lower-case hex digits");
  }
  CHECK(documents == 5);
}

TEST_CASE("data documents: bytes and sha256 are those of the seed files", "[data]") {
  const std::filesystem::path dir(KG_SEEDS_DIR);
  if (!std::filesystem::is_directory(dir)) {
    WARN("no seed articles at " KG_SEEDS_DIR ": the Documents' bytes and sha256 are not checked against them");
    return;
  }
  const auto& graph = TheBundledGraph();
  for (const auto& node : graph.nodes) {
    const auto& p = node.Properties();
    if (!graph.HasLabel(p.value("key", ""), "Document")) continue;
    const std::string file = p.value("file", "");
    std::ifstream in(dir / file, std::ios::binary);
    if (!in) {
      FAIL_CHECK(node.Where() + ": seed file " + file + " is not in " KG_SEEDS_DIR);
      continue;
    }
    std::ostringstream text;
    text << in.rdbuf();
    const std::string bytes = text.str();
    INFO(node.Where() + ": " + file);
    CHECK(p.value("bytes", -1L) == static_cast<long>(bytes.size()));
    CHECK(p.value("sha256", "") == Sha256Hex(bytes));
  }
}

}  // namespace
}  // namespace kg::data_test
