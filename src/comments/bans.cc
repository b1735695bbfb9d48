#include "comments/bans.h"

#include <algorithm>

#include "core/ascii.h"

namespace tribune::comments {
namespace {

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
      auto range = site::ParseAddressRange(b.pattern);
      auto address = site::ParseAddressRange(post.ip);
      return range && address && range->Contains(*address);
    }
    case site::BanKind::kEmail: {
      if (post.email.empty()) return false;
      std::string email = AsciiLower(post.email), pattern = AsciiLower(b.pattern);
      if (pattern.front() == '@') {
        return email.size() > pattern.size() && email.ends_with(pattern);
      }
      return email == pattern;
    }
    case site::BanKind::kName:
      return Glob(AsciiLower(b.pattern), AsciiLower(post.name));
    case site::BanKind::kDomain: {
      std::string domain = AsciiLower(b.pattern);
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

bool BanList::AnyDomainBan(int64_t now, int64_t now_ms) {
  auto bans = Current(now_ms);
  return bans && std::any_of(bans->begin(), bans->end(), [&](const site::Ban& b) {
           return b.kind == site::BanKind::kDomain && b.ActiveAt(now);
         });
}

void BanList::Changed() {
  std::lock_guard lock(mu_);
  stale_ = true;
}

}  // namespace tribune::comments
