#include "web/static_files.h"

#include <sys/stat.h>

#include <ctime>
#include <fstream>
#include <sstream>

#include "core/html.h"
#include "web/responses.h"

namespace tribune::web {
namespace {

std::string_view ContentType(std::string_view path) {
  auto ends = [&](std::string_view ext) {
    return path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext;
  };
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  if (ends(".json")) return "application/json";
  return "application/octet-stream";
}

// True when `path` stays inside the directory: no "..", no absolute path,
// no backslashes or NULs, no hidden files.
bool SafeRelative(std::string_view path) {
  if (path.empty() || path.front() == '/') return false;
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) {
    return false;
  }
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    std::string_view seg = path.substr(start, slash == std::string_view::npos ? path.npos
                                                                              : slash - start);
    if (seg.empty() || seg.front() == '.') return false;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return true;
}

constexpr int64_t kRecheckSeconds = 2;

}  // namespace

http::Response StaticFiles::Serve(const http::Request& req, std::string_view relative) {
  http::Response r;
  std::string raw;
  for (char c : relative) raw += c == '+' ? std::string("%2B") : std::string(1, c);
  std::string path = html::FormDecode(raw);  // '+' is literal in paths, not a space
  if (!SafeRelative(path)) {
    r.status = 400;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "400 Bad Request: this path is not allowed\n";
    return r;
  }
  int64_t now = std::time(nullptr);
  std::shared_ptr<const render::CachedPage> page;
  {
    std::lock_guard lock(mu_);
    Entry& e = entries_[path];
    if (!e.page || now - e.checked >= kRecheckSeconds) {
      std::string full = root_ + "/" + path;
      struct stat st{};
      e.checked = now;
      if (::stat(full.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
        entries_.erase(path);
        r.status = 404;
        r.content_type = "text/plain; charset=utf-8";
        r.body = "404 Not Found: no such file\n";
        return r;
      }
      if (!e.page || e.mtime != st.st_mtime) {
        std::ifstream in(full, std::ios::binary);
        std::ostringstream data;
        data << in.rdbuf();
        e.page = render::MakeCachedPage(data.str(), std::string(ContentType(path)), 0,
                                        st.st_mtime);
        e.mtime = st.st_mtime;
      }
    }
    page = e.page;
  }
  return CachedResponse(req, std::move(page), {}, "public, max-age=3600");
}

}  // namespace tribune::web
