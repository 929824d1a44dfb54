// Text as XML 1.0 can hold it, for the GraphML and GEXF writers.
//
// Escapes & < > " ' as entities. Whitespace that an XML reader might change
// is written as character references: tab, line feed and carriage return
// always (XML turns CR LF into LF, and attribute values' line breaks into
// spaces), and a space at either end of the text or next to other
// whitespace (Boost's read_graphml trims and collapses literal whitespace
// in <data>; references it keeps). Single spaces between words stay as
// they are. Every XML reader decodes the references to the same text.
//
// What XML 1.0 cannot carry at all is replaced with U+FFFD: the control
// characters U+0000-U+001F other than tab, LF and CR, the noncharacters
// U+FFFE and U+FFFF, and bytes that are not valid UTF-8. The same input
// always gives the same output, so a value written twice reads back equal.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/value.h"

namespace kg::interchange {

// Appends `text` escaped to `out` (as element content or an attribute value
// alike); returns how many characters (or invalid bytes) were replaced
// with U+FFFD.
uint64_t AppendXml(std::string* out, std::string_view text);

// A property value as XML text (GraphML <data>, GEXF attvalue): numbers as
// value_text.h's AppendInt/AppendFloat write them, anything else as its
// text (ValueText), escaped by AppendXml. Returns how many characters were
// replaced with U+FFFD.
uint64_t AppendXmlValue(std::string* out, const Value& v);

}  // namespace kg::interchange
