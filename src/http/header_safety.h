// What may go into a response's head. A header name is a token (RFC 9110
// §5.6.2); a value holds no control character at all (CR, LF, NUL, tab, DEL
// and the rest below U+0020), so no text a handler took from a request can
// end a header line early, add a header or start a second response.
#pragma once

#include <string>
#include <string_view>

#include "http/request.h"

namespace tribune::http {

bool IsHeaderName(std::string_view name);
bool IsSafeHeaderValue(std::string_view value);

// The name of the first header of `r` (Content-Type included) that must not
// be sent, made printable for a log line; "" when the whole head is safe.
std::string UnsafeHeader(const Response& r);

// `text` for a log line: control characters as '?', at most `max_bytes`.
std::string Printable(std::string_view text, size_t max_bytes = 200);

}  // namespace tribune::http
