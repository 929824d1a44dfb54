// ReadArticle: the text `kg link` links, read whole, with the errors a person
// can act on: a missing file, a directory, an unreadable file, bytes that
// are not UTF-8 (with the line, column and byte offset of the first), a file
// with no words. Each is one line (kIo) naming the path.
#pragma once

#include <string>

#include "common/status.h"

namespace kg::link {

Result<std::string> ReadArticle(const std::string& path);

// The first byte of `text` that does not start a valid UTF-8 sequence, or
// text.size() when it is all valid.
size_t FirstInvalidUtf8(const std::string& text);

}  // namespace kg::link
