// Files under the static directory, read once and kept in memory with their
// gzip, ETag and modification time (re-read when the file changes).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "http/request.h"
#include "render/page_cache.h"

namespace tribune::web {

class StaticFiles {
 public:
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}

  // Serves `relative` (the path after "/static/", still percent-encoded):
  // 200, 304, 400 for paths that try to leave the directory, 404.
  http::Response Serve(const http::Request& req, std::string_view relative);

 private:
  struct Entry {
    std::shared_ptr<const render::CachedPage> page;
    int64_t mtime = 0;
    int64_t checked = 0;  // when the file was last stat()ed
  };
  std::string root_;
  std::mutex mu_;
  std::map<std::string, Entry> entries_;
};

}  // namespace tribune::web
