// The steps between Beast's request parser and a Request, shared by the
// server (reading a socket) and ReadRequest (reading bytes), so that tests and
// fuzzers parse requests exactly as the server does. Includes Beast: for
// src/http only.
#pragma once

#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstddef>
#include <string>
#include <utility>  // must precede Beast on Boost 1.74 with g++ 12

#include "http/framing.h"
#include "http/request.h"

namespace tribune::http::internal {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;

// The framing of a request whose header has been read (framing.h): the
// Transfer-Encoding fields, Content-Length and version as Beast parsed them.
FramingProblem CheckHeaderFraming(const BeastRequest::header_type& header);

// Moves `msg` into `out`: method, target (split at the first '?' into path
// and query), header names in lower case, body. `remote_addr` and
// `local_endpoint` are left alone.
void ToRequest(BeastRequest& msg, Request& out);

struct ParseFailure {
  int status = 0;      // 431 (header too large), 413 (body too large), 400 (malformed)
  std::string reason;  // for the client
};

// The answer to a request the parser refused with `ec` (not a socket error).
ParseFailure ParseFailureFor(const boost::beast::error_code& ec);

}  // namespace tribune::http::internal
