// The pieces the writers share: XML escaping, number text, the labels text,
// the reserved-name rule, and per-key types over many values.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "interchange/export/element_names.h"
#include "interchange/export/property_schema.h"
#include "interchange/text/joined_text.h"
#include "interchange/text/value_text.h"
#include "interchange/text/xml_text.h"
#include "test_util.h"

namespace kg::test {
namespace {

using namespace kg::interchange;

std::string Xml(std::string_view text, uint64_t* replaced = nullptr) {
  std::string out;
  const uint64_t n = AppendXml(&out, text);
  if (replaced) *replaced = n;
  return out;
}

TEST_CASE("xml text: the five entities, and whitespace that survives any reader", "[export][text]") {
  CHECK(Xml("a & b < c > d \"e\" 'f'") == "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
  CHECK(Xml("one\ntwo\tthree\r\n") == "one&#10;two&#9;three&#13;&#10;");
  // Single spaces between words stay; others are references.
  CHECK(Xml(" a b  c ") == "&#32;a b&#32;&#32;c&#32;");
  CHECK(Xml("a \nb") == "a&#32;&#10;b");
  CHECK(Xml(" ") == "&#32;");
  CHECK(Xml("Ủy ban 😀") == "Ủy ban 😀");
}

TEST_CASE("xml text: what XML 1.0 cannot hold becomes U+FFFD, the same way each time", "[export][text]") {
  uint64_t replaced = 0;
  CHECK(Xml(std::string("a\x01"
                        "b\x1f"
                        "c",
                        5),
            &replaced) ==
        "a\xEF\xBF\xBD"
        "b\xEF\xBF\xBD"
        "c");
  CHECK(replaced == 2);
  CHECK(Xml(std::string("nul\0end", 7), &replaced) ==
        "nul\xEF\xBF\xBD"
        "end");
  // U+FFFE and U+FFFF are not XML characters; U+FFFD itself is kept.
  CHECK(Xml("\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xBF\xBD", &replaced) == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(replaced == 2);
  // Not UTF-8: a stray continuation byte, a cut sequence, an overlong '/',
  // an encoded surrogate: each bad byte one U+FFFD.
  CHECK(Xml("\x80") == "\xEF\xBF\xBD");
  CHECK(Xml("ab\xE1\xBB", &replaced) == "ab\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(replaced == 2);
  CHECK(Xml("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(Xml("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

std::string Float(double v) {
  std::string out;
  AppendFloat(&out, v);
  return out;
}

TEST_CASE("number text: floats read back exactly and look like floats", "[export][text]") {
  CHECK(Float(1.5) == "1.5");
  CHECK(Float(2.0) == "2.0");
  CHECK(Float(0.1) == "0.1");
  CHECK(Float(-0.0) == "-0.0");
  CHECK(Float(1e20) == "1e+20");
  CHECK(Float(5e-324) == "5e-324");
  CHECK(std::stod(Float(0.1 + 0.2)) == 0.1 + 0.2);
  CHECK(Float(std::numeric_limits<double>::quiet_NaN()) == "NaN");
  CHECK(Float(std::numeric_limits<double>::infinity()) == "INF");
  CHECK(Float(-std::numeric_limits<double>::infinity()) == "-INF");
  CHECK(ValueText(Value(int64_t{-12})) == "-12");
  CHECK(ValueText(Value(*Date::Parse("2024-07-09"))) == "2024-07-09");
  CHECK(ValueText(Value(ValueList{int64_t{1}, 2.0, "a\"b", Value(*Date::Parse("1975-04-30"))})) ==
        "[1,2.0,\"a\\\"b\",\"1975-04-30\"]");
}

TEST_CASE("attribute names: a property never takes a built-in's name", "[export][text]") {
  const std::vector<std::string_view> reserved = {"labels", "label"};
  CHECK(AttributeName("name", reserved) == "name");
  CHECK(AttributeName("label", reserved) == "_label");
  CHECK(AttributeName("_label", reserved) == "__label");
  CHECK(AttributeName("__labels", reserved) == "___labels");
  CHECK(AttributeName("_name", reserved) == "_name");
  CHECK(AttributeName("labelled", reserved) == "labelled");
  CHECK(AttributeName("___", reserved) == "___");
}

TEST_CASE("labels text and joined lists escape their separators", "[export][text]") {
  auto store = OpenStore("labels-text", [] {
    StoreOptions o;
    o.in_memory = true;
    return o;
  }());
  auto txn = Write(*store);
  const LabelId a = Must(txn->InternLabel("Person"));
  const LabelId b = Must(txn->InternLabel("a:b\\c"));
  CHECK(LabelsText(txn->catalog(), {a, b}) == ":Person:a\\:b\\\\c");
  CHECK(LabelsText(txn->catalog(), {}) == "");
  std::string joined;
  AppendJoined(&joined, {"a;b", "c\\d", "", "e"});
  CHECK(joined == "a\\;b;c\\\\d;;e");
}

TEST_CASE("property schema: a key's type over all its values", "[export][text]") {
  auto store = OpenStore("schema", [] {
    StoreOptions o;
    o.in_memory = true;
    return o;
  }());
  auto txn = Write(*store);
  PropertySchema schema;
  auto observe = [&](const NamedProps& props) { schema.Observe(NormaliseProperties(Props(*txn, props))); };
  observe({{"i", int64_t{1}},
           {"f", 1.5},
           {"mix", int64_t{1}},
           {"l", ValueList{}},
           {"d", Value(*Date::Parse("2020-01-01"))}});
  observe(
      {{"i", int64_t{2}}, {"f", 2.5}, {"mix", 1.5}, {"l", ValueList{int64_t{1}}}, {"ml", ValueList{int64_t{1}, "a"}}});
  observe({{"l", ValueList{}}, {"e", ValueList{}}, {"s", "x"}, {"sl", "x"}});
  observe({{"sl", ValueList{"x"}}, {"b", true}});
  std::map<std::string, std::pair<std::string, uint64_t>> got;
  for (const auto& c : schema.Columns(txn->catalog()))
    got[c.name] = {c.type.Name() + (c.type.mixed ? "*" : ""), c.count};
  CHECK(got == std::map<std::string, std::pair<std::string, uint64_t>>{{"b", {"bool", 1}},
                                                                       {"d", {"date", 1}},
                                                                       {"e", {"string[]", 1}},
                                                                       {"f", {"float", 2}},
                                                                       {"i", {"int", 2}},
                                                                       {"l", {"int[]", 3}},
                                                                       {"mix", {"string*", 2}},
                                                                       {"ml", {"string*", 1}},
                                                                       {"s", {"string", 1}},
                                                                       {"sl", {"string*", 2}}});
}

}  // namespace
}  // namespace kg::test
