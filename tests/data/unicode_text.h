// The Unicode operations the data tests need, with utf8proc.
#pragma once

#include <string>

namespace kg::data_test {

bool IsValidUtf8(const std::string& text);

// True when the text is already in Normalization Form C.
bool IsNfc(const std::string& text);

// NFC and Unicode case folding, for comparing a span's words with a name:
// "Uỷ ban quốc gia" folds like "UỶ BAN QUỐC GIA", but not like "Ủy ban" (a
// different spelling that the aliases list separately). Invalid UTF-8 folds
// to an empty string.
std::string Fold(const std::string& text);

}  // namespace kg::data_test
