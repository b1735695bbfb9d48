// Colour values for [color=...].
#pragma once

#include <string>
#include <string_view>

namespace tribune::bbcode {

// Returns `raw` as a lower-case CSS colour when it is one of the CSS named
// colours or "#rgb" / "#rrggbb" (case-insensitive, surrounding spaces
// ignored), else "". The result is safe inside a style attribute as is.
std::string NormalizeColor(std::string_view raw);

}  // namespace tribune::bbcode
