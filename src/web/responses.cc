#include "web/responses.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <nlohmann/json.hpp>

#include "http/header_safety.h"
#include "http/local_path.h"
#include "render/gzip.h"
#include "render/misc_pages.h"
#include "web/conditional.h"
#include "web/link_base.h"

namespace tribune::web {

http::Response CachedResponse(const http::Request& req,
                              std::shared_ptr<const render::CachedPage> page,
                              std::string_view per_request, std::string_view cache_control) {
  http::Response r;
  r.content_type = page->content_type;
  bool gz = !page->gzip.empty() && req.AcceptsGzip();
  // A spliced page carries a per-request token: never from a shared cache,
  // and no validator (its bytes differ on every request).
  if (cache_control.empty()) cache_control = page->spliced ? "private, no-cache" : "no-cache";
  r.headers.emplace_back("Cache-Control", cache_control);
  r.headers.emplace_back("Vary", "Accept-Encoding");
  if (!page->spliced) {
    const std::string& etag = gz ? page->gzip_etag : page->etag;
    r.headers.emplace_back("ETag", etag);
    // A date of this very second is not a validator yet: another version may
    // still appear within it (RFC 9110 §8.8.2.2). Once the second is over,
    // every later version has a later date.
    int64_t modified = page->last_modified < std::time(nullptr) ? page->last_modified : 0;
    if (modified > 0) r.headers.emplace_back("Last-Modified", page->last_modified_text);
    if (NotModified(req, etag, modified)) {
      r.status = 304;
      return r;
    }
  }
  if (gz) r.headers.emplace_back("Content-Encoding", "gzip");
  if (!page->spliced) {
    r.pieces.push_back(gz ? page->gzip : page->body);
  } else if (!gz) {
    r.extra = std::make_shared<std::string>(per_request);
    r.pieces = {page->body, *r.extra, page->tail};
  } else {
    r.extra = std::make_shared<std::string>(render::DeflateStored(per_request));
    size_t stored = r.extra->size();
    uint32_t crc = render::Crc32CombineWith(render::Crc32Extend(page->crc_body, per_request),
                                            page->crc_tail, page->crc_tail_operator);
    uint64_t size = page->body.size() + per_request.size() + page->tail.size();
    *r.extra += render::GzipTrailer(crc, size);
    std::string_view extra = *r.extra;
    r.pieces = {page->gzip, extra.substr(0, stored), page->gzip_tail, extra.substr(stored)};
  }
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
  std::string target = location;
  if (!http::IsLocalPath(target)) {
    spdlog::error("refused to redirect to '{}', which is not a path on this site; sent '/'",
                  http::Printable(target));
    target = std::string(1, '/');  // (not `= "/"`: g++ 12 -O3 warns about its own copy)
  }
  http::Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.headers.emplace_back("Location", target);
  r.body = fmt::format("See {}\n", target);
  return r;
}

http::Response ErrorPage(const Context& ctx, int status, const std::string& message) {
  std::string title(http::StatusText(status));
  return HtmlResponse(status, render::RenderErrorPage(ctx.site, status, title, message));
}

http::Response ErrorPage(const Context& ctx, const http::Request& req, int status,
                         const std::string& message) {
  std::string title(http::StatusText(status));
  return HtmlResponse(status, render::RenderErrorPage(SiteFor(ctx, req), status, title, message));
}

http::Response ErrorPage(const render::SiteInfo& site, int status, const std::string& message) {
  std::string title(http::StatusText(status));
  return HtmlResponse(status, render::RenderErrorPage(site, status, title, message));
}

http::Response StorageUnavailable(const render::SiteInfo& site) {
  http::Response r = ErrorPage(site, 503,
                               "This page cannot be shown just now because of a "
                               "problem on our side. Please try again in a few "
                               "minutes.");
  r.headers.emplace_back("Retry-After", "60");
  return r;
}

http::Response StorageUnavailable(const Context& ctx) { return StorageUnavailable(ctx.site); }

bool IsFormEncoded(const http::Request& req) {
  constexpr std::string_view kType = "application/x-www-form-urlencoded";
  std::string_view type = req.Header("content-type").substr(0, kType.size());
  return type.size() == kType.size() &&
         std::equal(type.begin(), type.end(), kType.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

std::string_view SecureCookieAttribute(const Context& ctx) {
  return ctx.site.base_url.rfind("https://", 0) == 0 ? "; Secure" : "";
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

http::Response ServerError(int status, std::string_view reason, std::string_view target) {
  std::string detail(reason);
  if (!detail.empty()) {
    detail[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(detail[0])));
  }
  if (target.substr(0, 5) == "/api/") return Problem(status, detail + ".");
  http::Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = fmt::format("{} {}: {}\n", status, http::StatusText(status), reason);
  return r;
}

}  // namespace tribune::web
