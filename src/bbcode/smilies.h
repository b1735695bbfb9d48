// Smiley codes (":wink:") inside text.
#pragma once

#include <cstddef>
#include <string_view>

namespace tribune::bbcode {

// When `text` has a smiley code of SmileyNames() starting at `pos` (a ':'),
// returns its length and sets `name`; else returns 0.
size_t MatchSmiley(std::string_view text, size_t pos, std::string_view* name);

}  // namespace tribune::bbcode
