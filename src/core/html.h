// HTML escaping: everything a reader or editor wrote passes through here
// before it reaches a page.
#pragma once

#include <string>
#include <string_view>

namespace tribune::html {

// Appends `text` to `out` with & < > " ' escaped; safe in element content
// and in double- or single-quoted attribute values.
void AppendEscaped(std::string& out, std::string_view text);

// Returns `text` escaped as by AppendEscaped.
std::string Escape(std::string_view text);

// Appends `text` escaped for XML 1.0 (feeds): like AppendEscaped, and drops
// the control characters XML forbids.
void AppendXmlEscaped(std::string& out, std::string_view text);

// Percent-encodes `text` for a URL query component (RFC 3986 unreserved kept).
std::string UrlEncode(std::string_view text);

// Decodes a application/x-www-form-urlencoded component ('+' is a space).
// Malformed escapes are kept literally.
std::string FormDecode(std::string_view text);

}  // namespace tribune::html
