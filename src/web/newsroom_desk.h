// The newsroom's service: staff sign-in (with failed attempts slowed per
// address prefix and per name) and moderators' decisions taken on the web,
// which teach the spam model exactly as `tribune moderate` does.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/status.h"
#include "site/comment.h"
#include "site/staff.h"
#include "store/store.h"
#include "web/comment_service.h"
#include "web/rate_limiter.h"
#include "web/staff_auth.h"

namespace tribune::web {

struct SignInOutcome {
  enum class Kind { kSignedIn, kWrong, kLimited, kUnavailable };
  Kind kind = Kind::kWrong;
  site::Staff staff;
  std::string cookie;   // the session cookie's value when signed in
};

class NewsroomDesk {
 public:
  // Failed sign-ins tolerated per address prefix and per name within about
  // a minute (decaying) before further attempts are refused.
  static constexpr double kFailuresPerPrefix = 10;
  static constexpr double kFailuresPerName = 20;

  NewsroomDesk(const Config& config, store::Store& store, const Signer& signer,
               CommentService& comments);

  SignInOutcome SignIn(const std::string& name, std::string_view password,
                       const std::string& ip, int64_t now, int64_t now_ms);
  // The member a session cookie belongs to, when it is live.
  std::optional<site::Staff> Member(std::string_view cookie, int64_t now);
  const StaffSessions& sessions() const { return sessions_; }

  // A moderator's decision on comment `id`: "approve", "spam", "restore",
  // "delete", or "campaign" (spam, with every recent comment that joins its
  // campaign; see ModerateCampaign). The live spam engine learns it and the
  // new model version is saved. Returns the comments changed, `id` first.
  // NotFound for an unknown comment, InvalidArgument for a bad decision.
  Result<std::vector<site::Comment>> Decide(int64_t id, const std::string& decision, int64_t now);

 private:
  const Config& config_;
  store::Store& store_;
  CommentService& comments_;
  StaffSessions sessions_;
  RateCounter failures_by_prefix_, failures_by_name_;
  std::mutex decide_mu_;  // one lesson at a time: each builds on the last saved model
  std::once_flag dummy_once_;
  std::string dummy_hash_;  // checked against when the name is unknown, to take as long
};

}  // namespace tribune::web
