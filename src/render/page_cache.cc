#include "render/page_cache.h"

#include <fmt/format.h>

#include <mutex>

#include "render/gzip.h"

namespace tribune::render {
namespace {
constexpr size_t kMinGzipSize = 512;  // smaller bodies gain nothing from compression

uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}
}  // namespace

std::shared_ptr<const CachedPage> MakeCachedPage(std::string body, std::string content_type) {
  auto page = std::make_shared<CachedPage>();
  page->etag = fmt::format("\"{:016x}-{:x}\"", Fnv1a(body), body.size());
  if (body.size() >= kMinGzipSize) page->gzip = Gzip(body, 6);
  page->body = std::move(body);
  page->content_type = std::move(content_type);
  return page;
}

uint64_t PageCache::Generation(int64_t scope) const {
  std::shared_lock lock(mu_);
  auto it = scopes_.find(scope);
  uint64_t g = it == scopes_.end() ? 0 : it->second.generation;
  return g + (global_generation_ << 32);
}

std::shared_ptr<const CachedPage> PageCache::Get(int64_t scope, const std::string& key) const {
  std::shared_lock lock(mu_);
  auto it = scopes_.find(scope);
  if (it == scopes_.end()) return nullptr;
  auto p = it->second.pages.find(key);
  return p == it->second.pages.end() ? nullptr : p->second;
}

void PageCache::Put(int64_t scope, uint64_t generation, const std::string& key,
                    std::shared_ptr<const CachedPage> page) {
  std::unique_lock lock(mu_);
  Scope& s = scopes_[scope];
  if (s.generation + (global_generation_ << 32) != generation) return;
  s.pages[key] = std::move(page);
}

void PageCache::Invalidate(int64_t scope) {
  std::unique_lock lock(mu_);
  Scope& s = scopes_[scope];
  ++s.generation;
  s.pages.clear();
}

void PageCache::InvalidateAll() {
  std::unique_lock lock(mu_);
  ++global_generation_;
  for (auto& [id, s] : scopes_) s.pages.clear();
}

}  // namespace tribune::render
