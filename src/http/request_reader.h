// Reading one HTTP/1.x request from bytes exactly as the server reads it from
// a connection: Beast's parser with the server's limits, the framing rules of
// framing.h and the same conversion to Request. For tests and fuzzing; the
// server itself reads sockets asynchronously through the same steps.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "http/request.h"

namespace tribune::http {

struct RequestLimits {
  size_t header_limit = 16 * 1024;  // as ServerOptions
  size_t body_limit = 64 * 1024;
};

struct ReadOutcome {
  enum class Kind {
    kRequest,     // a whole request, in `request`
    kIncomplete,  // the bytes end inside a request: the server would wait for more
    kRefused,     // the server answers `status` with `reason` and closes the connection
  };
  Kind kind = Kind::kIncomplete;
  int status = 0;  // kRefused: 400, 413, 431 or 501
  std::string reason;
  Request request;  // kRequest: remote_addr empty
  bool keep_alive = false;
  size_t consumed = 0;  // kRequest: its bytes; a pipelined request starts here
};

// The first request in `bytes`. Never throws; linear in the size of `bytes`.
ReadOutcome ReadRequest(std::string_view bytes, const RequestLimits& limits = {});

}  // namespace tribune::http
