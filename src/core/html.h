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
// every character XML 1.0 forbids (§2.2: controls other than tab, LF and CR;
// U+FFFE and U+FFFF; surrogates) and every byte that is not UTF-8, so that no
// stored text can make a document ill-formed.
void AppendXmlEscaped(std::string& out, std::string_view text);

// `text` as HTML that shows it as it is: escaped, line breaks as <br>. For
// places read as HTML by some clients and as text by others (a feed item's
// description): no markup a reader wrote can ever be live there.
std::string TextAsHtml(std::string_view text);

// Percent-encodes `text` for a URL query component (RFC 3986 unreserved kept).
std::string UrlEncode(std::string_view text);

// Decodes a application/x-www-form-urlencoded component ('+' is a space).
// Malformed escapes are kept literally.
std::string FormDecode(std::string_view text);

}  // namespace tribune::html
