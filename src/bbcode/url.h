// URL checks for links written by readers.
#pragma once

#include <string>
#include <string_view>

namespace tribune::bbcode {

enum class UrlSchemes {
  kWeb,         // http and https only ([leech] targets, autolinks)
  kWebAndMail,  // also mailto ([url])
};

// Longest URL accepted, in bytes.
inline constexpr size_t kMaxUrlLength = 2048;

// Returns `raw` as a URL safe to put in an href (after attribute escaping),
// or "" when it is refused. Leading and trailing white space and control
// characters are stripped; a URL starting "www." gets "http://". Refused:
// any scheme outside `schemes` (javascript:, data:, vbscript:, ...), text
// with no scheme (which also catches entity-obfuscated schemes, since "&" is
// not a scheme character), white space, control characters or any of
// " < > \ ` inside, user info ("http://good@evil"), an empty host, and
// anything longer than kMaxUrlLength.
std::string SanitizeUrl(std::string_view raw, UrlSchemes schemes);

}  // namespace tribune::bbcode
