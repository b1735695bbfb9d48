#include "web/conditional.h"

#include "core/time_format.h"
#include "render/gzip.h"
#include "render/page_cache.h"

namespace tribune::web {
namespace {

constexpr size_t kMinGzipBytes = 512;  // smaller bodies gain nothing from compression
constexpr int kGzipLevel = 6;

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view Opaque(std::string_view tag) {
  return tag.substr(0, 2) == "W/" ? tag.substr(2) : tag;
}

}  // namespace

bool IfNoneMatchHits(std::string_view header, std::string_view etag) {
  header = TrimSpace(header);
  if (header == "*") return true;
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view tag = TrimSpace(header.substr(0, comma));
    if (!tag.empty() && Opaque(tag) == Opaque(etag)) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

bool NotModified(const http::Request& req, std::string_view etag, int64_t last_modified) {
  std::string_view inm = req.Header("if-none-match");
  if (!inm.empty()) return IfNoneMatchHits(inm, etag);
  std::string_view ims = req.Header("if-modified-since");
  if (ims.empty() || last_modified <= 0) return false;
  int64_t since = timefmt::ParseHttpDate(std::string(ims));
  return since >= last_modified;
}

http::Response Negotiated(const http::Request& req, http::Response r) {
  if (r.status != 200 || !r.pieces.empty()) return r;
  std::string etag = render::EntityTag(r.body);
  bool gz = r.body.size() >= kMinGzipBytes && req.AcceptsGzip();
  if (gz) etag = render::GzipEntityTag(etag);
  r.headers.emplace_back("ETag", etag);
  r.headers.emplace_back("Vary", "Accept-Encoding");
  if (NotModified(req, etag, 0)) {
    r.status = 304;
    r.body.clear();
    return r;
  }
  if (gz) {
    r.body = render::Gzip(r.body, kGzipLevel);
    r.headers.emplace_back("Content-Encoding", "gzip");
  }
  return r;
}

}  // namespace tribune::web
