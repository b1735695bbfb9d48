// Matching a post against the site's bans (site::Ban), kept in memory and
// read again from the store when it may have changed.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "site/ban.h"
#include "store/store.h"

namespace tribune::comments {

// What a post is judged by.
struct PostIdentity {
  std::string_view ip, email, name;
  std::vector<std::string> link_domains;  // registrable domains and hosts of its links
};

// Whether ban `b` covers the post (its expiry is not checked here).
bool BanCovers(const site::Ban& b, const PostIdentity& post);

// Thread-safe. The list is read from the store at most every `refresh_ms`, and
// at once after Changed() (a ban added or removed by this process).
class BanList {
 public:
  explicit BanList(store::BanStore& store, int64_t refresh_ms = 5000)
      : store_(store), refresh_ms_(refresh_ms) {}

  // The first active ban that covers the post, if any. When the store cannot
  // be read, the last list read is used.
  std::optional<site::Ban> Match(const PostIdentity& post, int64_t now, int64_t now_ms);
  // Whether an active ban looks at link domains: only then must a post's
  // links be found for Match.
  bool AnyDomainBan(int64_t now, int64_t now_ms);
  void Changed();

 private:
  std::shared_ptr<const std::vector<site::Ban>> Current(int64_t now_ms);

  store::BanStore& store_;
  const int64_t refresh_ms_;
  std::mutex mu_;
  std::shared_ptr<const std::vector<site::Ban>> bans_;
  int64_t read_at_ms_ = 0;
  bool stale_ = true;
};

}  // namespace tribune::comments
