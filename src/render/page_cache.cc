#include "render/page_cache.h"

#include <fmt/format.h>

#include <mutex>

#include "core/time_format.h"
#include "render/gzip.h"

namespace tribune::render {
namespace {
constexpr size_t kMinGzipSize = 512;  // smaller bodies gain nothing from compression
constexpr int kLevel = 6;

uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}
}  // namespace

std::string EntityTag(std::string_view body) {
  return fmt::format("\"{:016x}-{:x}\"", Fnv1a(body), body.size());
}

std::string GzipEntityTag(std::string_view identity_tag) {
  std::string tag(identity_tag.substr(0, identity_tag.size() - 1));  // without the closing quote
  return tag + "-gz\"";
}

std::shared_ptr<const CachedPage> MakeCachedPage(std::string body, std::string content_type,
                                                 int64_t tag, int64_t last_modified) {
  auto page = std::make_shared<CachedPage>();
  page->etag = EntityTag(body);
  page->gzip_etag = GzipEntityTag(page->etag);
  page->last_modified = last_modified;
  if (last_modified > 0) page->last_modified_text = timefmt::HttpDate(last_modified);
  size_t marker = body.find(kPerRequestMarker);
  if (marker != std::string::npos) {
    page->spliced = true;
    page->tail = body.substr(marker + kPerRequestMarker.size());
    body.resize(marker);
    page->gzip = GzipOpen(body, kLevel);
    page->gzip_tail = DeflateClose(page->tail, kLevel);
    page->crc_body = Crc32(body);
    page->crc_tail = Crc32(page->tail);
    page->crc_tail_operator = Crc32AppendOperator(page->tail.size());
  } else if (body.size() >= kMinGzipSize) {
    page->gzip = Gzip(body, kLevel);
  }
  page->body = std::move(body);
  page->content_type = std::move(content_type);
  page->tag = tag;
  // Kept for long: no spare capacity (deflate's output buffer is sized for
  // the worst case, about the size of the page, and the gzip is a fifth).
  for (std::string* s : {&page->body, &page->tail, &page->gzip, &page->gzip_tail}) {
    s->shrink_to_fit();
  }
  return page;
}

uint64_t PageCache::GenerationLocked(int64_t scope) const {
  auto it = scopes_.find(scope);
  uint64_t g = it == scopes_.end() ? 0 : it->second.generation;
  return g + (global_generation_ << 32);
}

int64_t PageCache::BytesOf(const CachedPage& p, const std::string& key) {
  constexpr int64_t kOverhead = 320;  // the page object, map and ring nodes, shared_ptr block
  return static_cast<int64_t>(p.body.capacity() + p.tail.capacity() + p.gzip.capacity() +
                              p.gzip_tail.capacity() + p.etag.capacity() +
                              p.gzip_etag.capacity() + p.last_modified_text.capacity() +
                              p.content_type.capacity() + 2 * key.size()) +
         kOverhead;
}

PageCache::Counters& PageCache::CountersOfThisThread() const {
  static std::atomic<size_t> next{0};
  thread_local size_t slot = next.fetch_add(1, std::memory_order_relaxed) % kCounterSlots;
  return counters_[slot];
}

PageCache::Stats PageCache::stats() const {
  Stats out;
  for (const Counters& c : counters_) {
    out.hits += c.hits.load(std::memory_order_relaxed);
    out.misses += c.misses.load(std::memory_order_relaxed);
  }
  std::shared_lock lock(mu_);
  out.evictions = evictions_;
  out.pages = static_cast<int64_t>(ring_.size());
  out.bytes = bytes_;
  out.max_bytes = max_bytes_;
  return out;
}

void PageCache::HoldLocked(int64_t scope, const std::string& key, Entry& e) {
  int64_t bytes = e.page ? BytesOf(*e.page, key) : 0;
  bytes_ += bytes - e.bytes;
  e.bytes = bytes;
  if (e.page && !e.in_ring) {
    // Behind the hand: a new page is looked at last in the sweep.
    e.ring = ring_.insert(hand_, RingNode{scope, key, &e});
    e.in_ring = true;
  }
  EvictLocked();
}

void PageCache::ForgetLocked(Entry& e) {
  bytes_ -= e.bytes;
  e.bytes = 0;
  if (!e.in_ring) return;
  if (hand_ == e.ring) ++hand_;
  ring_.erase(e.ring);
  e.in_ring = false;
}

void PageCache::EvictLocked() {
  // Each pass over a referenced page clears its bit, so this ends within two
  // sweeps of the ring.
  while (bytes_ > max_bytes_ && !ring_.empty()) {
    if (hand_ == ring_.end()) hand_ = ring_.begin();
    Entry& e = *hand_->entry;
    if (e.referenced.exchange(false, std::memory_order_relaxed)) {
      ++hand_;
      continue;
    }
    int64_t scope = hand_->scope;
    std::string key = hand_->key;
    ForgetLocked(e);
    scopes_[scope].pages.erase(key);
    ++evictions_;
  }
}

PageCache::Lookup PageCache::Peek(int64_t scope, const std::string& key, int64_t tag) {
  Lookup out;
  if (FindHeld(scope, key, tag, out)) return out;
  out.page = nullptr;
  out.fresh = false;
  out.rebuild = true;
  return out;
}

bool PageCache::FindHeld(int64_t scope, const std::string& key, int64_t tag, Lookup& out) {
  std::shared_lock lock(mu_);
  out.generation = GenerationLocked(scope);
  auto s = scopes_.find(scope);
  if (s == scopes_.end()) return false;
  auto e = s->second.pages.find(key);
  if (e == s->second.pages.end() || !e->second.page) return false;
  out.page = e->second.page;
  out.fresh = e->second.built == out.generation && out.page->tag == tag;
  if (out.fresh && !e->second.referenced.load(std::memory_order_relaxed)) {
    e->second.referenced.store(true, std::memory_order_relaxed);
  }
  if (out.fresh) {
    CountersOfThisThread().hits.fetch_add(1, std::memory_order_relaxed);
    return true;
  }
  if (e->second.claimed != out.generation) return false;
  CountersOfThisThread().misses.fetch_add(1, std::memory_order_relaxed);
  return true;
}

PageCache::Lookup PageCache::Find(int64_t scope, const std::string& key, int64_t tag) {
  Lookup out;
  if (FindHeld(scope, key, tag, out)) return out;
  CountersOfThisThread().misses.fetch_add(1, std::memory_order_relaxed);
  std::unique_lock lock(mu_);
  out.generation = GenerationLocked(scope);
  Entry& e = scopes_[scope].pages[key];
  if (!e.page || e.claimed != out.generation) {
    e.claimed = out.generation;
    out.rebuild = true;
  }
  if (!e.page) out.rebuild = true;  // nothing to serve meanwhile: everyone builds
  return out;
}

std::shared_ptr<const CachedPage> PageCache::Put(int64_t scope, uint64_t generation,
                                                  const std::string& key,
                                                  std::shared_ptr<const CachedPage> page) {
  std::unique_lock lock(mu_);
  Entry& e = scopes_[scope].pages[key];
  if (e.claimed == generation) e.claimed = UINT64_MAX;
  if (e.page && e.built > generation) return page;
  if (!e.page || e.page->etag != page->etag || e.page->tag != page->tag) e.page = std::move(page);
  e.built = generation;
  std::shared_ptr<const CachedPage> held = e.page;  // eviction may drop the entry itself
  HoldLocked(scope, key, e);
  return held;
}

void PageCache::Abandon(int64_t scope, const std::string& key) {
  std::unique_lock lock(mu_);
  auto s = scopes_.find(scope);
  if (s == scopes_.end()) return;
  auto e = s->second.pages.find(key);
  if (e == s->second.pages.end()) return;
  if (!e->second.page) {
    ForgetLocked(e->second);
    s->second.pages.erase(e);
  } else {
    e->second.claimed = UINT64_MAX;
  }
}

void PageCache::Invalidate(int64_t scope) {
  std::unique_lock lock(mu_);
  Scope& s = scopes_[scope];
  // Copies nobody asked for since the last invalidation are dropped, so
  // pages no longer visited do not pile up.
  constexpr uint64_t kUnreadGenerations = 8;
  uint64_t current = GenerationLocked(scope);
  for (auto it = s.pages.begin(); it != s.pages.end();) {
    if (current - it->second.built > kUnreadGenerations) {
      ForgetLocked(it->second);
      it = s.pages.erase(it);
    } else {
      ++it;
    }
  }
  ++s.generation;
}

void PageCache::InvalidateAll() {
  std::unique_lock lock(mu_);
  ++global_generation_;
  for (auto& [id, s] : scopes_) s.pages.clear();
  ring_.clear();
  hand_ = ring_.end();
  bytes_ = 0;
}

}  // namespace tribune::render
