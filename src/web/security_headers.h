// Headers every response carries, added in one place so that no handler can
// forget them: the server calls AddSecurityHeaders on every response it sends
// (http::ServerOptions::finish, wired by the app). Every response: nosniff.
// Every HTML page: a Content-Security-Policy (script, style, images, forms and
// workers from this site only; no inline script; inline style attributes
// only, for BBCode colours), a Referrer-Policy, and framing by this site
// only. A header the handler set itself is kept: the newsroom's stricter
// policy and the leaving page's no-referrer stay as they are.
#pragma once

#include <string_view>

#include "http/request.h"

namespace tribune::web {

inline constexpr std::string_view kPagePolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'self'";

void AddSecurityHeaders(http::Response& r);

}  // namespace tribune::web
