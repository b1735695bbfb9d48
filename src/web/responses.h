// Building responses: cached pages with validators and gzip, redirects,
// error pages, RFC 9457 problem documents.
#pragma once

#include <memory>
#include <string>

#include "http/request.h"
#include "render/page_cache.h"
#include "web/context.h"

namespace tribune::web {

// `page` for `req`: 304 when If-None-Match matches, gzip when accepted.
// `per_request` goes where a spliced page has its per-request marker.
http::Response CachedResponse(const http::Request& req,
                              std::shared_ptr<const render::CachedPage> page,
                              std::string_view per_request = {});
http::Response HtmlResponse(int status, std::string body);
// A redirect to `location`, which must be a path on this site
// (http::IsLocalPath): any other target is a bug, logged, and "/" is sent
// instead, so that no handler can send a reader to another site.
http::Response Redirect(int status, const std::string& location);
// An HTML error page with the reason for the reader.
http::Response ErrorPage(const Context& ctx, int status, const std::string& message);
// The 503 page readers get when the store fails (a read-only, full or corrupt
// database): a plain message, never SQLite's (the store logs that).
http::Response StorageUnavailable(const Context& ctx);
// application/problem+json with title, status and detail.
http::Response Problem(int status, const std::string& detail);

// Whether the request's body is an HTML form (application/x-www-form-urlencoded;
// the media type compared case-insensitively, parameters allowed).
bool IsFormEncoded(const http::Request& req);
// "; Secure" when the site is served over https (its cookies never travel
// in the clear), else "".
std::string_view SecureCookieAttribute(const Context& ctx);

}  // namespace tribune::web
