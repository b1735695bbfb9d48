#!/usr/bin/env python3
"""Which eviction policy the page cache should use, by hit ratio on a site's traffic.

    python3 bench/cache_policy.py

Simulates LRU, CLOCK and FIFO on one request trace: readers ask for the day's
articles (a Zipf law over HOT pages) and now and then an older one (uniform
over the archive), while a crawler walks the whole archive in order, over and
over. The cache holds BUDGET pages. Prints, per policy, the share of readers'
requests and of the crawler's that found their page. The cost side is not
simulated: an LRU hit moves its page to the front of a list shared by every
thread (an exclusive lock on each hit), a CLOCK hit sets a bit under the
shared lock, FIFO does nothing.
"""
import collections
import random

ARCHIVE = 20000      # pages of the archive
HOT = 50             # the day's pages
BUDGET = 1000        # pages the cache holds
REQUESTS = 400000
CRAWL_SHARE = 0.3    # share of requests from the crawler
TAIL_SHARE = 0.1     # share of readers' requests for an old page


def trace(seed=1):
    rng = random.Random(seed)
    weights = [1 / (i + 1) for i in range(HOT)]
    crawl = 0
    for _ in range(REQUESTS):
        r = rng.random()
        if r < CRAWL_SHARE:
            crawl = (crawl + 1) % ARCHIVE
            yield "crawler", crawl
        elif r < CRAWL_SHARE + (1 - CRAWL_SHARE) * TAIL_SHARE:
            yield "reader", rng.randrange(ARCHIVE)
        else:
            yield "reader", ARCHIVE + rng.choices(range(HOT), weights)[0]


class Lru:
    def __init__(self, n):
        self.n, self.d = n, collections.OrderedDict()

    def get(self, k):
        if k in self.d:
            self.d.move_to_end(k)
            return True
        self.d[k] = True
        if len(self.d) > self.n:
            self.d.popitem(last=False)
        return False


class Fifo(Lru):
    def get(self, k):
        if k in self.d:
            return True
        return super().get(k)


class Clock:
    def __init__(self, n):
        self.n, self.ring, self.pos, self.ref, self.hand = n, [], {}, {}, 0

    def get(self, k):
        if k in self.pos:
            self.ref[k] = True
            return True
        if len(self.ring) < self.n:
            self.pos[k] = len(self.ring)
            self.ring.append(k)
            self.ref[k] = False
            return False
        while True:
            victim = self.ring[self.hand]
            if self.ref[victim]:
                self.ref[victim] = False
                self.hand = (self.hand + 1) % self.n
                continue
            del self.pos[victim], self.ref[victim]
            self.ring[self.hand] = k
            self.pos[k] = self.hand
            self.ref[k] = False
            self.hand = (self.hand + 1) % self.n
            return False


def main():
    print(f"archive {ARCHIVE} pages, {HOT} hot, cache {BUDGET} pages, {REQUESTS} requests, "
          f"crawler {CRAWL_SHARE:.0%}, readers' old pages {TAIL_SHARE:.0%}")
    print("| policy | readers' hits | crawler's hits |")
    print("|---|---|---|")
    for name, cls in (("LRU", Lru), ("CLOCK", Clock), ("FIFO", Fifo)):
        cache = cls(BUDGET)
        hits = collections.Counter()
        total = collections.Counter()
        for who, page in trace():
            total[who] += 1
            hits[who] += cache.get(page)
        print(f"| {name} | {hits['reader'] / total['reader']:.1%} | "
              f"{hits['crawler'] / total['crawler']:.1%} |")


if __name__ == "__main__":
    main()
