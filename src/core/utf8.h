// UTF-8 checks and small helpers over UTF-8 text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tribune::utf8 {

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or
// code points above U+10FFFF).
bool IsValid(std::string_view text);

// Decodes the code point starting at byte `i` of `text` into `cp`; returns
// its length in bytes, or 0 when the bytes there are not well-formed UTF-8
// (as IsValid judges: no overlong forms, surrogates or values above U+10FFFF).
size_t DecodeAt(std::string_view text, size_t i, char32_t& cp);

// Number of code points in valid UTF-8 `text`.
size_t Length(std::string_view text);

// Removes leading and trailing Unicode white space (ASCII space and controls,
// NBSP, U+2000..U+200B, U+3000, U+FEFF and the like).
std::string_view Trim(std::string_view text);

// At most `max_chars` code points of valid UTF-8 `text`, cut at a code point
// boundary; appends "…" when it had to cut.
std::string Truncate(std::string_view text, size_t max_chars);

}  // namespace tribune::utf8
