// Building responses: cached pages with validators and gzip, redirects,
// error pages, RFC 9457 problem documents.
#pragma once

#include <memory>
#include <string>

#include "http/request.h"
#include "render/page_cache.h"
#include "web/context.h"

namespace tribune::web {

// `page` for `req`: gzip when accepted, the ETag of the representation sent
// and Last-Modified once its second is over (neither for a spliced page),
// 304 when the request's validators match (web/conditional.h). `per_request` goes where a spliced
// page has its per-request marker. `cache_control`: the Cache-Control value;
// empty: "no-cache" ("private, no-cache" for a spliced page).
http::Response CachedResponse(const http::Request& req,
                              std::shared_ptr<const render::CachedPage> page,
                              std::string_view per_request = {},
                              std::string_view cache_control = {});
http::Response HtmlResponse(int status, std::string body);
// A redirect to `location`, which must be a path on this site
// (http::IsLocalPath): any other target is a bug, logged, and "/" is sent
// instead, so that no handler can send a reader to another site.
http::Response Redirect(int status, const std::string& location);
// An HTML error page with the reason for the reader (in their language when
// the request is given and the catalog has the message).
http::Response ErrorPage(const Context& ctx, int status, const std::string& message);
http::Response ErrorPage(const Context& ctx, const http::Request& req, int status,
                         const std::string& message);
// The same for a page whose language was chosen earlier (work done off the
// request, in the newsroom's worker).
http::Response ErrorPage(const render::SiteInfo& site, int status, const std::string& message);
// The 503 page readers get when the store fails (a read-only, full or corrupt
// database): a plain message, never SQLite's (the store logs that).
http::Response StorageUnavailable(const Context& ctx);
http::Response StorageUnavailable(const render::SiteInfo& site);
// application/problem+json with title, status and detail.
http::Response Problem(int status, const std::string& detail);
// The server's own error answers (http::ServerOptions::error_page): a problem
// document for API paths, plain text elsewhere; `reason` is a lower-case phrase.
http::Response ServerError(int status, std::string_view reason, std::string_view target);

// Whether the request's body is an HTML form (application/x-www-form-urlencoded;
// the media type compared case-insensitively, parameters allowed).
bool IsFormEncoded(const http::Request& req);
// "; Secure" when the site is served over https (its cookies never travel
// in the clear), else "".
std::string_view SecureCookieAttribute(const Context& ctx);

}  // namespace tribune::web
