// Bare http(s) URLs in text.
#pragma once

#include <cstddef>
#include <string_view>

namespace tribune::bbcode {

// When an "http://" or "https://" URL (any case) starts at `pos` of `text`
// and does not follow a letter, digit, '=' or quote, returns the length of the
// candidate URL: up to white space or one of < > " ' [ ] ` \, minus trailing
// punctuation (. , ; : ! ? *) and an unbalanced closing parenthesis. Returns
// 0 when no candidate starts there. The candidate still needs SanitizeUrl.
size_t MatchAutolink(std::string_view text, size_t pos);

}  // namespace tribune::bbcode
