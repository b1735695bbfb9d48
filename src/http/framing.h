// Request framing (RFC 9112 §6): whether the length of a request's body can
// be known without doubt. A request whose framing two parsers could read
// differently (a proxy in front and this server) is how requests are
// smuggled, so every doubtful case is refused and the connection closed.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace tribune::http {

struct FramingProblem {
  int status = 0;      // 0: the framing is sound; else 400 or 501
  std::string reason;  // for the client
};

// `transfer_encodings`: the values of every Transfer-Encoding field, in
// order; `has_content_length`: a Content-Length field is present;
// `version`: 10 for HTTP/1.0, 11 for HTTP/1.1. Refused with 400: Transfer-
// Encoding in HTTP/1.0, Transfer-Encoding beside Content-Length, a list of
// codings whose last is not "chunked" or that names "chunked" twice. Refused
// with 501: a coding other than "chunked" (none other is implemented).
FramingProblem CheckFraming(std::span<const std::string_view> transfer_encodings,
                            bool has_content_length, unsigned version);

}  // namespace tribune::http
