// Text as XML 1.0 can hold it, for the GraphML and GEXF writers.
//
// Escapes & < > " ' as entities, and writes tab, line feed and carriage
// return as character references where a parser would otherwise change
// them (a carriage return anywhere, since XML turns CR LF into LF; tab and
// line feed in attribute values, which XML turns into spaces). Newlines in
// element content stay as they are.
//
// What XML 1.0 cannot carry at all is replaced with U+FFFD: the control
// characters U+0000-U+001F other than tab, LF and CR, the noncharacters
// U+FFFE and U+FFFF, and bytes that are not valid UTF-8. The same input
// always gives the same output, so a value written twice reads back equal.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kg::interchange {

enum class XmlPlace { kContent, kAttribute };

// Appends `text` escaped to `out`; returns how many characters (or invalid
// bytes) were replaced with U+FFFD.
uint64_t AppendXml(std::string* out, std::string_view text, XmlPlace place);

}  // namespace kg::interchange
