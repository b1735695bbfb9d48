// UTF-8 checks and small helpers over UTF-8 text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tribune::utf8 {

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or
// code points above U+10FFFF).
bool IsValid(std::string_view text);

// Number of code points in valid UTF-8 `text`.
size_t Length(std::string_view text);

// Removes leading and trailing Unicode white space (ASCII space and controls,
// NBSP, U+2000..U+200B, U+3000, U+FEFF and the like).
std::string_view Trim(std::string_view text);

// At most `max_chars` code points of valid UTF-8 `text`, cut at a code point
// boundary; appends "…" when it had to cut.
std::string Truncate(std::string_view text, size_t max_chars);

}  // namespace tribune::utf8
