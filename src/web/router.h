#pragma once

#include "http/request.h"
#include "web/context.h"

namespace tribune::web {

// The one place that maps URLs to handlers. Every answer leaves through it
// with the security headers (AddSecurityHeaders).
http::Handler MakeRouter(Context& ctx);

}  // namespace tribune::web
