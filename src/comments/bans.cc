#include "comments/bans.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>

namespace tribune::comments {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// An address as 16 bytes (IPv4 mapped into IPv6) and how many leading bits
// count: the first 96 of a mapped IPv4 address are fixed.
struct Net {
  unsigned char bytes[16] = {};
  int bits = 128;
};

std::optional<Net> ParseNet(std::string_view text) {
  Net n;
  std::string_view addr = text;
  int bits = -1;
  if (size_t slash = text.find('/'); slash != std::string_view::npos) {
    addr = text.substr(0, slash);
    std::string_view b = text.substr(slash + 1);
    auto [end, ec] = std::from_chars(b.data(), b.data() + b.size(), bits);
    if (ec != std::errc() || end != b.data() + b.size()) return std::nullopt;
  }
  std::string a(addr);
  unsigned char v4[4];
  if (inet_pton(AF_INET, a.c_str(), v4) == 1) {
    if (bits > 32) return std::nullopt;
    n.bytes[10] = n.bytes[11] = 0xff;
    std::memcpy(n.bytes + 12, v4, 4);
    n.bits = 96 + (bits < 0 ? 32 : bits);
    return n;
  }
  if (inet_pton(AF_INET6, a.c_str(), n.bytes) == 1) {
    if (bits > 128) return std::nullopt;
    n.bits = bits < 0 ? 128 : bits;
    return n;
  }
  return std::nullopt;
}

bool InRange(const Net& range, const Net& address) {
  int full = range.bits / 8, rest = range.bits % 8;
  if (std::memcmp(range.bytes, address.bytes, full) != 0) return false;
  if (rest == 0) return true;
  unsigned char mask = static_cast<unsigned char>(0xff << (8 - rest));
  return (range.bytes[full] & mask) == (address.bytes[full] & mask);
}

// `*` matches any run of characters; both sides already lower-cased.
bool Glob(std::string_view pattern, std::string_view text) {
  size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace

bool BanCovers(const site::Ban& b, const PostIdentity& post) {
  switch (b.kind) {
    case site::BanKind::kAddress: {
      auto range = ParseNet(b.pattern);
      auto address = ParseNet(post.ip);
      return range && address && InRange(*range, *address);
    }
    case site::BanKind::kEmail: {
      if (post.email.empty()) return false;
      std::string email = Lower(post.email), pattern = Lower(b.pattern);
      if (pattern.front() == '@') {
        return email.size() > pattern.size() && email.ends_with(pattern);
      }
      return email == pattern;
    }
    case site::BanKind::kName:
      return Glob(Lower(b.pattern), Lower(post.name));
    case site::BanKind::kDomain: {
      std::string domain = Lower(b.pattern);
      return std::any_of(post.link_domains.begin(), post.link_domains.end(),
                         [&](const std::string& d) {
                           return d == domain ||
                                  (d.size() > domain.size() && d.ends_with(domain) &&
                                   d[d.size() - domain.size() - 1] == '.');
                         });
    }
  }
  return false;
}

std::shared_ptr<const std::vector<site::Ban>> BanList::Current(int64_t now_ms) {
  std::lock_guard lock(mu_);
  if (stale_ || !bans_ || now_ms - read_at_ms_ >= refresh_ms_) {
    auto read = store_.ListBans();
    if (read.ok()) {
      bans_ = std::make_shared<const std::vector<site::Ban>>(std::move(read).value());
      stale_ = false;
    }
    read_at_ms_ = now_ms;  // a failed read is tried again later, not on every post
  }
  return bans_;
}

std::optional<site::Ban> BanList::Match(const PostIdentity& post, int64_t now, int64_t now_ms) {
  auto bans = Current(now_ms);
  if (!bans) return std::nullopt;
  for (const site::Ban& b : *bans) {
    if (b.ActiveAt(now) && BanCovers(b, post)) return b;
  }
  return std::nullopt;
}

void BanList::Changed() {
  std::lock_guard lock(mu_);
  stale_ = true;
}

}  // namespace tribune::comments
