// Validators and content codings, decided alike for every answer a client may
// keep (RFC 9110 §8.8 and §13): cached pages, static files, API reads.
#pragma once

#include <cstdint>
#include <string_view>

#include "http/request.h"

namespace tribune::web {

// Whether the If-None-Match field value `header` (a list of entity tags, or
// "*") names `etag`, by weak comparison (a W/ prefix is ignored). False when
// `header` is empty.
bool IfNoneMatchHits(std::string_view header, std::string_view etag);

// Whether `req` may be answered 304 for a representation with `etag` and
// `last_modified` (Unix seconds, 0: unknown): If-None-Match when the request
// has one, else If-Modified-Since (RFC 9110 §13.2.2).
bool NotModified(const http::Request& req, std::string_view etag, int64_t last_modified);

// The answer to a GET or HEAD whose 200 body was generated for it (an API
// read): gzip when the client accepts it and the body is worth compressing,
// the ETag of the representation sent, Vary: Accept-Encoding, and 304 when
// the request's validators match. Other statuses are returned as they are.
http::Response Negotiated(const http::Request& req, http::Response r);

}  // namespace tribune::web
