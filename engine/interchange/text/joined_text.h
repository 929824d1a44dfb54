// Several items in one text field, joined by ';' with '\' escaping a ';' or
// '\' inside an item: `a\;b;c` is "a;b" and "c". CSV's :LABEL column and
// list fields (`tags:string[]`) are written so by the CSV export and read
// back so by the CSV and GraphML readers (docs/interchange.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kg::interchange {

// Appends one item, after a ';' unless it is the `first`.
void AppendJoinedItem(std::string* out, std::string_view item, bool first);
void AppendJoined(std::string* out, const std::vector<std::string_view>& items);

// The items of a joined text; none for an empty text, and an empty item
// where two ';' meet. A '\' before anything but ';' or '\' is kept.
std::vector<std::string> SplitJoined(std::string_view text);

}  // namespace kg::interchange
