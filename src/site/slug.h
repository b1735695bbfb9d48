#pragma once

#include <string>
#include <string_view>

namespace tribune::site {

// URL words from a title: ASCII letters and digits, lower case, joined by '-',
// at most 80 characters; "article" when nothing is left (e.g. a Georgian title).
std::string Slugify(std::string_view title);

}  // namespace tribune::site
