// The sources directory reader (common/source_files.h) and the marked
// sentence (common/evidence_text.h): what kg.evidence and :why stand on.
#include "common/source_files.h"

#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "common/evidence_text.h"
#include "test_util.h"

namespace kg {
namespace {

using test::TempDir;

const std::string kText = "Tiêu đề\n\nHà Kim Ngọc là Chủ tịch Ủy ban. Câu thứ hai.\n";

SourceFileRef Ref(const std::string& file, const std::string& text) {
  return SourceFileRef{"doc/004", file, static_cast<int64_t>(text.size()), Sha256Hex(text)};
}

TEST_CASE("source files: SHA-256 is the standard one", "[evidence]") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("source files: a file that matches its Document is read as it is", "[evidence]") {
  TempDir dir;
  dir.Write("004_x.txt", kText);
  SourceFiles sources(dir.path());
  auto text = sources.Read(Ref("004_x.txt", kText));
  REQUIRE(text.ok());
  CHECK((*text)->bytes == kText);
  // Without recorded size and hash the file is read unchecked.
  auto unchecked = sources.Read(SourceFileRef{"doc/004", "004_x.txt", std::nullopt, std::nullopt});
  REQUIRE(unchecked.ok());
  CHECK((*unchecked)->bytes == kText);
  CHECK((*unchecked)->sentences == SentenceRanges(kText));
}

TEST_CASE("source files: a missing file names the file, its Document and the directory", "[evidence]") {
  TempDir dir;
  SourceFiles sources(dir.path());
  auto text = sources.Read(Ref("004_x.txt", kText));
  REQUIRE_FALSE(text.ok());
  CHECK(text.status().message() ==
        "evidence: source file 004_x.txt of doc/004 not found in " + dir.path() + " (set --sources or KG_SOURCES)");
  // Put in place later, it is found: failures are not remembered.
  dir.Write("004_x.txt", kText);
  CHECK(sources.Read(Ref("004_x.txt", kText)).ok());
}

TEST_CASE("source files: no directory set says how to set one", "[evidence]") {
  SourceFiles sources("");
  auto text = sources.Read(Ref("004_x.txt", kText));
  REQUIRE_FALSE(text.ok());
  CHECK(text.status().message().find("no sources directory is set") != std::string::npos);
  CHECK(text.status().message().find("--sources or KG_SOURCES") != std::string::npos);
}

TEST_CASE("source files: a changed file is refused, by size and by hash", "[evidence]") {
  TempDir dir;
  dir.Write("a.txt", kText + "more");
  dir.Write("b.txt", "X" + kText.substr(1));  // same size, other bytes
  SourceFiles sources(dir.path());
  auto longer = sources.Read(Ref("a.txt", kText));
  REQUIRE_FALSE(longer.ok());
  CHECK(longer.status().message() == "evidence: source file a.txt of doc/004 in " + dir.path() + " has changed (" +
                                         std::to_string(kText.size() + 4) + " bytes, expected " +
                                         std::to_string(kText.size()) + ")");
  auto other = sources.Read(Ref("b.txt", kText));
  REQUIRE_FALSE(other.ok());
  CHECK(other.status().message() == "evidence: source file b.txt of doc/004 in " + dir.path() +
                                        " has changed (sha256 " + Sha256Hex("X" + kText.substr(1)) + ", expected " +
                                        Sha256Hex(kText) + ")");
  // A file read once is still checked against what the next Document says.
  dir.Write("c.txt", kText);
  REQUIRE(sources.Read(Ref("c.txt", kText)).ok());
  CHECK_FALSE(sources.Read(Ref("c.txt", kText + "!")).ok());
}

TEST_CASE("source files: a file name with a directory part is refused", "[evidence]") {
  TempDir dir;
  SourceFiles sources(dir.path());
  for (const char* name : {"../etc/passwd", "/etc/passwd", "..", ""}) {
    auto text = sources.Read(SourceFileRef{"doc/9", name, std::nullopt, std::nullopt});
    INFO(name);
    REQUIRE_FALSE(text.ok());
    CHECK(text.status().message().find("not a plain file name") != std::string::npos);
  }
}

TEST_CASE("evidence text: the span is marked inside its sentence", "[evidence]") {
  const size_t at = kText.find("Hà Kim Ngọc");
  const size_t end = kText.find(" Ủy ban") + std::string(" Ủy ban").size();
  auto marked = MarkedEvidence(kText, {at, end});
  REQUIRE(marked.ok());
  CHECK(*marked == "⟦Hà Kim Ngọc là Chủ tịch Ủy ban⟧.");
  const size_t two = kText.find("thứ hai");
  CHECK(*MarkedEvidence(kText, {two, two + std::string("thứ hai").size()}) == "Câu ⟦thứ hai⟧.");
  // A span over a sentence boundary takes both sentences.
  const size_t ban = kText.find("Ủy ban");
  CHECK(*MarkedEvidence(kText, {ban, two}) == "Hà Kim Ngọc là Chủ tịch ⟦Ủy ban. Câu ⟧thứ hai.");
}

TEST_CASE("evidence text: a span over a line break gives one line", "[evidence]") {
  const size_t from = kText.find("đề");
  const size_t to = kText.find(" Kim");
  auto marked = MarkedEvidence(kText, {from, to});
  REQUIRE(marked.ok());
  CHECK(*marked == "Tiêu ⟦đề Hà⟧ Kim Ngọc là Chủ tịch Ủy ban.");
}

TEST_CASE("evidence text: spans outside the text, backwards or cutting a character fail", "[evidence]") {
  auto outside = MarkedEvidence(kText, {kText.size() - 2, kText.size() + 1});
  REQUIRE_FALSE(outside.ok());
  CHECK(outside.status().message() == "span [" + std::to_string(kText.size() - 2) + ", " +
                                          std::to_string(kText.size() + 1) + ") lies outside the text (" +
                                          std::to_string(kText.size()) + " bytes)");
  CHECK_FALSE(MarkedEvidence(kText, {5, 3}).ok());
  const size_t e = kText.find("ê");  // two bytes: the span may not start at the second
  auto cut = MarkedEvidence(kText, {e + 1, e + 4});
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.status().message().find("cuts a UTF-8 character") != std::string::npos);
  // An empty span at the end of the text is inside it.
  CHECK(MarkedEvidence(kText, {kText.size(), kText.size()}).ok());
}

TEST_CASE("evidence text: offsets are bytes of the file as stored, the result is NFC", "[evidence]") {
  // "Hà" with a combining grave accent (NFD), as some tools write it.
  const std::string nfd = "Ha\u0300 Kim Ngo\u0323c nói. Hết.";
  const size_t at = 0;
  const size_t end = nfd.find(" nói");
  auto marked = MarkedEvidence(nfd, {at, end});
  REQUIRE(marked.ok());
  CHECK(*marked == "⟦Hà Kim Ngọc⟧ nói.");  // composed: equal to the graph's NFC names
  // The span's offsets counted the NFD bytes: no normalisation moved them.
  CHECK(end == std::string("Ha\u0300 Kim Ngo\u0323c").size());
}

}  // namespace
}  // namespace kg
