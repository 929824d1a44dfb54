#include "interchange/text/xml_text.h"

#include "common/utf8.h"
#include "interchange/text/value_text.h"

namespace kg::interchange {
namespace {

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

uint64_t AppendXml(std::string* out, std::string_view text) {
  uint64_t replaced = 0;
  size_t i = 0;
  while (i < text.size()) {
    // Runs of plain ASCII are copied at once: most text is just that.
    size_t run = i;
    while (run < text.size()) {
      const unsigned char c = static_cast<unsigned char>(text[run]);
      if (c <= 0x20 || c >= 0x80 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') break;
      ++run;
    }
    out->append(text.data() + i, run - i);
    i = run;
    if (i == text.size()) break;
    const unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case ' ': {
        const bool alone = i > 0 && i + 1 < text.size() && !IsXmlSpace(text[i - 1]) && !IsXmlSpace(text[i + 1]);
        out->append(alone ? " " : "&#32;");
        ++i;
        continue;
      }
      case '&':
        out->append("&amp;");
        ++i;
        continue;
      case '<':
        out->append("&lt;");
        ++i;
        continue;
      case '>':
        out->append("&gt;");
        ++i;
        continue;
      case '"':
        out->append("&quot;");
        ++i;
        continue;
      case '\'':
        out->append("&apos;");
        ++i;
        continue;
      case '\r':
        out->append("&#13;");
        ++i;
        continue;
      case '\n':
        out->append("&#10;");
        ++i;
        continue;
      case '\t':
        out->append("&#9;");
        ++i;
        continue;
      default:
        break;
    }
    if (c < 0x20) {
      out->append(utf8::kReplacementCharacter);
      ++replaced;
      ++i;
      continue;
    }
    const utf8::CodePoint cp = utf8::DecodeAt(text, i);
    if (cp.length == 0 || cp.value == 0xFFFE || cp.value == 0xFFFF) {
      out->append(utf8::kReplacementCharacter);
      ++replaced;
      i += cp.length == 0 ? 1 : cp.length;
      continue;
    }
    out->append(text.data() + i, cp.length);
    i += cp.length;
  }
  return replaced;
}

uint64_t AppendXmlValue(std::string* out, const Value& v) {
  if (v.is_string()) return AppendXml(out, v.as_string());
  if (v.is_int()) {
    AppendInt(out, v.as_int());
  } else if (v.is_float()) {
    AppendFloat(out, v.as_float());
  } else {
    return AppendXml(out, ValueText(v));
  }
  return 0;
}

}  // namespace kg::interchange
