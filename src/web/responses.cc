#include "web/responses.h"

#include <nlohmann/json.hpp>

#include "render/misc_pages.h"

namespace tribune::web {

http::Response CachedResponse(const http::Request& req,
                              std::shared_ptr<const render::CachedPage> page,
                              const char* cache_control) {
  http::Response r;
  r.content_type = page->content_type;
  r.headers.emplace_back("ETag", page->etag);
  r.headers.emplace_back("Cache-Control", cache_control);
  r.headers.emplace_back("Vary", "Accept-Encoding");
  if (req.Header("if-none-match") == page->etag) {
    r.status = 304;
    return r;
  }
  const std::string& body = !page->gzip.empty() && req.AcceptsGzip() ? page->gzip : page->body;
  if (&body == &page->gzip) r.headers.emplace_back("Content-Encoding", "gzip");
  r.shared_body = body;
  r.shared_owner = std::move(page);
  return r;
}

http::Response HtmlResponse(int status, std::string body) {
  http::Response r;
  r.status = status;
  r.body = std::move(body);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

http::Response Redirect(int status, const std::string& location) {
  http::Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.headers.emplace_back("Location", location);
  r.body = "See " + location + "\n";
  return r;
}

http::Response ErrorPage(const Context& ctx, int status, const std::string& message) {
  std::string title(http::StatusText(status));
  return HtmlResponse(status, render::RenderErrorPage(ctx.site, status, title, message));
}

http::Response Problem(int status, const std::string& detail) {
  nlohmann::json j = {{"type", "about:blank"},
                      {"title", std::string(http::StatusText(status))},
                      {"status", status},
                      {"detail", detail}};
  http::Response r;
  r.status = status;
  r.content_type = "application/problem+json";
  r.body = j.dump();
  return r;
}

}  // namespace tribune::web
