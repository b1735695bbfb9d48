// Rendered pages kept in memory with their gzip and ETag, so a read is a
// lookup and a write of pre-built buffers.
//
// Thread-safe. Pages are grouped by a scope (an article id, or kSiteScope for
// pages listing articles); a write invalidates its scope. A page rendered from
// data read before an invalidation is refused by Put, so it cannot come back.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace tribune::render {

struct CachedPage {
  std::string body;
  std::string gzip;          // empty when not worth compressing
  std::string etag;          // quoted strong validator
  std::string content_type;
};

// Builds the gzip and ETag of `body`.
std::shared_ptr<const CachedPage> MakeCachedPage(std::string body, std::string content_type);

class PageCache {
 public:
  static constexpr int64_t kSiteScope = 0;

  // The scope's generation: read it before reading the data a page is made of.
  uint64_t Generation(int64_t scope) const;
  std::shared_ptr<const CachedPage> Get(int64_t scope, const std::string& key) const;
  // Keeps `page` unless `scope` was invalidated since `generation`.
  void Put(int64_t scope, uint64_t generation, const std::string& key,
           std::shared_ptr<const CachedPage> page);
  void Invalidate(int64_t scope);
  void InvalidateAll();

 private:
  struct Scope {
    uint64_t generation = 0;
    std::unordered_map<std::string, std::shared_ptr<const CachedPage>> pages;
  };
  mutable std::shared_mutex mu_;
  std::unordered_map<int64_t, Scope> scopes_;
  uint64_t global_generation_ = 0;
};

}  // namespace tribune::render
