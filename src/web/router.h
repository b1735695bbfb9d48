#pragma once

#include "http/request.h"
#include "web/context.h"

namespace tribune::web {

// The one place that maps URLs to handlers.
http::Handler MakeRouter(Context& ctx);

}  // namespace tribune::web
