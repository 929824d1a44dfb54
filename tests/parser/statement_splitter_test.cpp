// SplitStatements: where a script's statements start and end.
#include "parser/statement_splitter.h"

#include <catch2/catch.hpp>
#include <string>

using kg::SplitStatements;

TEST_CASE("statements are cut at semicolons, with their start positions", "[parser][splitter]") {
  const std::string script = "RETURN 1;\n  MATCH (n)\n  RETURN n ;RETURN 'a;b'";
  auto pieces = SplitStatements(script);
  REQUIRE(pieces.size() == 3);
  CHECK(pieces[0].text == "RETURN 1");
  CHECK(pieces[0].start.line == 1);
  CHECK(pieces[0].start.column == 1);
  CHECK(pieces[0].terminated);
  CHECK(pieces[1].text == "\n  MATCH (n)\n  RETURN n ");
  CHECK(pieces[1].start.line == 1);
  CHECK(pieces[1].start.column == 10);
  CHECK(pieces[2].text == "RETURN 'a;b'");
  CHECK(pieces[2].start.line == 3);
  CHECK(pieces[2].start.column == 13);
  CHECK_FALSE(pieces[2].terminated);
}

TEST_CASE("semicolons in strings, names and comments do not end a statement", "[parser][splitter]") {
  auto pieces = SplitStatements("RETURN \"x;\" AS `a;b` // c;d\n/* e; */ ;");
  REQUIRE(pieces.size() == 1);
  CHECK(pieces[0].terminated);
  CHECK_FALSE(pieces[0].blank);
}

TEST_CASE("blank pieces, trailing text and open strings", "[parser][splitter]") {
  CHECK(SplitStatements("").empty());
  CHECK(SplitStatements("  // only a comment\n").empty());
  auto blanks = SplitStatements(";;");
  REQUIRE(blanks.size() == 2);
  CHECK(blanks[0].blank);
  bool open = false;
  auto pieces = SplitStatements("RETURN 'Huế;", &open);
  CHECK(open);
  REQUIRE(pieces.size() == 1);
  CHECK_FALSE(pieces[0].terminated);
  SplitStatements("RETURN 1; /* open", &open);
  CHECK(open);
  SplitStatements("RETURN 'closed';", &open);
  CHECK_FALSE(open);
}

TEST_CASE("columns count code points and offsets count bytes", "[parser][splitter]") {
  const std::string script = "RETURN 'Đường';RETURN 2";
  auto pieces = SplitStatements(script);
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[1].text == "RETURN 2");
  CHECK(pieces[1].offset == script.size() - 8);
  CHECK(pieces[1].start.column == 16);
}

TEST_CASE("invalid UTF-8 is one statement for the parser to report", "[parser][splitter]") {
  auto pieces = SplitStatements(std::string("RETURN '\xff';RETURN 1"));
  REQUIRE(pieces.size() == 1);
}
