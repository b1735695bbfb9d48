// Rendered pages kept in memory with their gzip and ETag, so a read is a
// lookup and a write of pre-built buffers.
//
// Thread-safe. Pages are grouped by a scope (an article id, or kSiteScope for
// pages listing articles); a write invalidates its scope. An invalidated page
// stays as a stale copy: while one request rebuilds it, the others are served
// the stale copy instead of all rendering at once during a burst of writes.
// A page is never replaced by one rendered from older data.
//
// The pages held take at most a byte budget (`[cache] max_bytes`). Past it,
// pages are evicted by CLOCK: each page has a bit set when it is served, and
// a hand sweeping the pages in the order they came clears set bits and
// evicts the first page whose bit is clear. A page read once (a crawler
// walking an archive) goes at the first sweep; a page read again between
// sweeps (today's articles) stays. Serving a page takes only the shared lock
// and sets the bit if it is clear, so hits stay cheap under many threads.
#pragma once

#include <atomic>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace tribune::render {

// Where a page takes per-request content (a form token): the page is kept as
// the parts before and after it, plain and pre-compressed.
inline constexpr std::string_view kPerRequestMarker = "<!--tribune:per-request-->";

struct CachedPage {
  std::string body;          // the page, or its part before the marker when spliced
  std::string tail;          // the part after the marker; empty unless spliced
  bool spliced = false;
  std::string gzip;          // the whole gzip, or its opening part when spliced; may be empty
  std::string gzip_tail;     // the deflated tail, when spliced
  uint32_t crc_body = 0, crc_tail = 0;
  uint32_t crc_tail_operator = 0;  // Crc32AppendOperator(tail.size())
  std::string etag;          // quoted strong validator of the cached parts, sent as they are
  std::string gzip_etag;     // ... and gzipped: another representation, another validator
  int64_t last_modified = 0; // Unix seconds the bytes first appeared; 0: not known
  std::string last_modified_text;  // ... as an HTTP date
  std::string content_type;
  int64_t tag = 0;           // what else the page depends on (e.g. the challenge's hour)
};

// Builds the gzip and ETags of `body`, split at kPerRequestMarker if present.
// `last_modified`: when these bytes first appeared (0: not known).
std::shared_ptr<const CachedPage> MakeCachedPage(std::string body, std::string content_type,
                                                 int64_t tag = 0, int64_t last_modified = 0);

// The strong validator of `body` sent as it is, and of the same body gzipped:
// distinct, since they are different representations (RFC 9110 §8.8.3), so a
// cache or client never takes one for the other.
std::string EntityTag(std::string_view body);
std::string GzipEntityTag(std::string_view identity_tag);

class PageCache {
 public:
  static constexpr int64_t kSiteScope = 0;
  static constexpr int64_t kDefaultMaxBytes = int64_t{256} << 20;

  explicit PageCache(int64_t max_bytes = kDefaultMaxBytes) : max_bytes_(max_bytes) {}

  struct Stats {
    uint64_t hits = 0;       // a fresh copy served
    uint64_t misses = 0;     // no copy, or a stale one: a rebuild was due
    uint64_t evictions = 0;  // pages dropped to stay within the budget
    int64_t pages = 0;
    int64_t bytes = 0;       // held now, by the estimate of BytesOf
    int64_t max_bytes = 0;
  };
  Stats stats() const;
  // What a page costs the cache: its buffers and the bookkeeping around it.
  static int64_t BytesOf(const CachedPage& page, const std::string& key);

  struct Lookup {
    std::shared_ptr<const CachedPage> page;  // null when there is no copy at all
    bool fresh = false;                      // built from the scope's current data
    bool rebuild = false;                    // the caller was chosen to rebuild it
    uint64_t generation = 0;                 // pass to Put after rebuilding
  };

  // Finds (scope, key). When the copy is stale or missing, exactly one caller
  // per generation gets rebuild = true (all callers do when there is no copy);
  // a stale copy whose rebuild is claimed by another is returned as it is.
  // `tag` must match the page's tag for the copy to count as fresh.
  Lookup Find(int64_t scope, const std::string& key, int64_t tag = 0);
  // Find without claiming: `rebuild` says that Find would choose the caller
  // now, and nothing is changed or counted then (a caller that will not
  // rebuild where it is calls Find later, where it can).
  Lookup Peek(int64_t scope, const std::string& key, int64_t tag = 0);
  // Keeps `page`, built from data read at `generation`, unless the copy
  // held is newer. A copy held with the same bytes (ETag) is kept instead,
  // so its last_modified stays when its bytes first appeared. Releases the
  // rebuild claim. Returns the page now held for the key, or `page` itself
  // when a newer copy is held.
  std::shared_ptr<const CachedPage> Put(int64_t scope, uint64_t generation, const std::string& key,
                                        std::shared_ptr<const CachedPage> page);
  // Releases a rebuild claim after a failed rebuild.
  void Abandon(int64_t scope, const std::string& key);
  void Invalidate(int64_t scope);
  void InvalidateAll();

 private:
  struct Entry;
  struct RingNode {
    int64_t scope;
    std::string key;
    Entry* entry;  // map nodes do not move, so the pointer stays valid
  };
  using Ring = std::list<RingNode>;
  struct Entry {
    std::shared_ptr<const CachedPage> page;
    uint64_t built = 0;             // generation the page was built from
    uint64_t claimed = UINT64_MAX;  // generation a rebuild was claimed for
    int64_t bytes = 0;              // counted in bytes_ while the page is held
    mutable std::atomic<bool> referenced{false};  // served since the hand last passed
    bool in_ring = false;
    Ring::iterator ring;
  };
  struct Scope {
    uint64_t generation = 0;
    std::unordered_map<std::string, Entry> pages;
  };
  // Counters are spread over a few cache lines, one per group of threads,
  // so that hits on many threads do not all write one line.
  struct alignas(64) Counters {
    std::atomic<uint64_t> hits{0}, misses{0};
  };
  static constexpr size_t kCounterSlots = 8;

  // The held copy of (scope, key) when it may be served without a rebuild
  // claim (fresh, or stale with the rebuild claimed by another): true, `out`
  // filled and the hit or miss counted. False: a rebuild is due.
  bool FindHeld(int64_t scope, const std::string& key, int64_t tag, Lookup& out);
  uint64_t GenerationLocked(int64_t scope) const;
  Counters& CountersOfThisThread() const;
  void HoldLocked(int64_t scope, const std::string& key, Entry& e);  // after e.page changed
  void ForgetLocked(Entry& e);  // before e is erased
  void EvictLocked();

  const int64_t max_bytes_;
  mutable std::shared_mutex mu_;
  std::unordered_map<int64_t, Scope> scopes_;
  uint64_t global_generation_ = 0;
  Ring ring_;
  Ring::iterator hand_ = ring_.end();
  int64_t bytes_ = 0;
  uint64_t evictions_ = 0;
  mutable Counters counters_[kCounterSlots];
};

}  // namespace tribune::render
