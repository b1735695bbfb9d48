// Makes arbitrary bytes safe to parse and to echo back into a page.
#pragma once

#include <string>
#include <string_view>

namespace tribune::bbcode {

// `source` as valid UTF-8: each byte of a malformed sequence becomes U+FFFD,
// and control characters other than tab, line feed and carriage return
// (including DEL) are dropped, since no browser shows them and some
// (NUL, for one) confuse downstream tools.
std::string CleanSource(std::string_view source);

}  // namespace tribune::bbcode
