// The newsroom's service: staff sign-in (failed attempts slowed per address
// prefix and per name and prefix) and moderators' decisions taken on the
// web, which teach the spam model exactly as `tribune moderate` does. Both
// are slow (a password check costs about 0.1 s and 64 MiB; a decision
// reloads and saves the model), so they run on the desk's own worker, never
// on the IO threads that serve pages.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "comments/comment_service.h"
#include "comments/rate_limiter.h"
#include "core/config.h"
#include "core/status.h"
#include "moderation/known_devices.h"
#include "moderation/moderation.h"
#include "moderation/serial_worker.h"
#include "moderation/staff_auth.h"
#include "site/comment.h"
#include "site/comment_form.h"
#include "site/staff.h"
#include "store/store.h"

namespace tribune::moderation {

struct SignInOutcome {
  enum class Kind { kSignedIn, kWrong, kLimited, kUnavailable };
  Kind kind = Kind::kWrong;
  site::Staff staff;
  std::string cookie;          // the session cookie's value when signed in
  std::string device_cookie;   // and a fresh known-device cookie (KnownDevices)
};

// What the moderator's page showed of a comment: a decision applies only
// while the comment is still so (another moderator, or its author's edit,
// may have changed it since).
struct SeenComment {
  std::string status;     // site::StatusName
  int64_t edited_at = 0;
};

class NewsroomDesk {
 public:
  // Failed sign-ins within about a minute (decaying) after which further
  // attempts are refused: per address prefix, and per name from one prefix.
  // A name guessed at from many prefixes is only logged, so that nobody can
  // lock a moderator out by failing under their name.
  static constexpr double kFailuresPerPrefix = 10;
  static constexpr double kFailuresPerNameAndPrefix = 5;
  static constexpr double kNameUnderAttack = 30;
  static constexpr size_t kMaxName = site::kMaxStaffName;
  static constexpr size_t kMaxQueued = 16;  // tasks waiting for the worker
  // A known device (KnownDevices) is limited on its own, not with its network.
  static constexpr double kFailuresPerDevice = 5;

  NewsroomDesk(const Config& config, store::Store& store, const comments::Signer& signer,
               comments::CommentService& comments);

  // Runs `task` on the desk's worker; false when too many already wait, or
  // after Stop().
  bool Submit(std::function<void()> task) { return worker_.Post(std::move(task)); }
  // Finishes the queued tasks; later Submit()s are refused.
  void Stop() { worker_.Stop(); }

  // Sign-in failures are counted in `shared` for every node of the site.
  // Call once, before serving.
  void ShareState(shared::SharedState* shared, int nodes) {
    failures_by_prefix_.Share(shared, "signin:prefix:", nodes);
    failures_by_name_and_prefix_.Share(shared, "signin:name-prefix:", nodes);
    failures_by_name_.Share(shared, "signin:name:", nodes);
    failures_by_device_.Share(shared, "signin:device:", nodes);
  }

  // A sign-in attempt, checked against the limits at once (on the caller's
  // thread) and, when within them, queued for the worker, which checks the
  // password and calls `done`. Sign-ins may fill only part of the queue, so
  // that a flood of them cannot keep moderators' decisions out.
  //
  // `device`: the id of the known device the attempt comes from
  // (KnownDevices::Verify), or "". Such an attempt is limited per device
  // instead of per network, and waits in a lane of its own that the worker
  // serves first: a flood of attempts from anywhere else, however many
  // networks it comes from, cannot keep a moderator's own device out.
  enum class Admission { kQueued, kLimited, kBusy };
  static constexpr int kMaxSignInsWaiting = 4;
  static constexpr int kMaxDeviceSignInsWaiting = 4;
  Admission SubmitSignIn(std::string name, std::string password, std::string ip, int64_t now,
                         int64_t now_ms, std::function<void(SignInOutcome)> done,
                         std::string device = {});
  // Slow: call on the worker (SubmitSignIn does).
  SignInOutcome SignIn(const std::string& name, std::string_view password,
                       const std::string& ip, int64_t now, int64_t now_ms,
                       const std::string& device = {});
  // Runs `reload` (a reload of the live model saved elsewhere) in turn with
  // decisions, so that it cannot put back a model a decision just replaced.
  void WithModelLock(const std::function<void()>& reload);
  // The member a session cookie belongs to, when it is live.
  std::optional<site::Staff> Member(std::string_view cookie, int64_t now);
  // Ends every session of `member` (all devices); `from` for the audit log.
  Status SignOut(const site::Staff& member, const std::string& from, int64_t now);
  const StaffSessions& sessions() const { return sessions_; }
  const KnownDevices& devices() const { return devices_; }

  // A moderator's decision on comment `id`: one of site::ModerationChoices
  // of its current status ("campaign": spam, with every recent comment that
  // joins its campaign; see ModerateCampaign). The live spam engine learns
  // it and the new model version is saved. Returns the comments changed,
  // `id` first. NotFound for an unknown comment, InvalidArgument for a
  // decision its status does not offer, FailedPrecondition when the comment
  // is no longer as `seen`. Slow: call from a submitted task.
  // `from`: the address it came from, for the audit log.
  Result<std::vector<site::Comment>> Decide(const site::Staff& by, const std::string& from,
                                            int64_t id, const std::string& decision,
                                            const SeenComment& seen, int64_t now);
  // What a "campaign" decision on comment `id` would mark spam, `id` first
  // (see PreviewCampaign); changes nothing. Slow: call from a submitted task.
  Result<std::vector<site::Comment>> PreviewCampaignOf(int64_t id, int64_t now);
  // The site's word and pattern lists (comments::WordLists): checked, saved
  // in the store's settings, used for new posts at once, audited
  // "words.edit". InvalidArgument with `errors` filled when refused.
  Status SaveWordLists(const site::Staff& by, const std::string& from, const std::string& hold,
                       const std::string& reject, int64_t now,
                       std::vector<site::FieldError>* errors);
  // Loads the lists from the store when another node (or none yet) saved
  // them since the last load; called at start and every few seconds.
  Status ReloadWordLists();

  // Saves the lessons whose model save failed (called every few seconds);
  // they stay owed while the store is away.
  Status SaveOwedLessons(int64_t now);
  size_t owed_lessons() const { return owed_.size(); }
  // Takes back the newest campaign decision on comment `id` (UndoCampaign);
  // returns the comments given back.
  Result<std::vector<site::Comment>> UndoCampaignOf(const site::Staff& by, const std::string& from,
                                                    int64_t id, int64_t now);
  // How far back a campaign decision sweeps.
  static constexpr int64_t kCampaignDays = 7;

  // Bans (site::Ban): every one, newest first; adding one checks its pattern
  // (InvalidArgument naming the problem), takes effect on the next post and
  // is in the audit log, as is removing one (NotFound when there is none).
  Result<std::vector<site::Ban>> Bans();
  Result<site::Ban> AddBan(const site::Staff& by, const std::string& from, site::Ban ban,
                           int64_t now);
  Status RemoveBan(const site::Staff& by, const std::string& from, int64_t id, int64_t now);

 private:
  const Config& config_;
  store::Store& store_;
  comments::CommentService& comments_;
  StaffSessions sessions_;
  KnownDevices devices_;
  comments::RateCounter failures_by_prefix_, failures_by_name_and_prefix_, failures_by_name_;
  comments::RateCounter failures_by_device_;
  // The keys failed attempts are counted under: the network, and the name
  // from that network (an impossible name counts as one name); or, from a
  // known device, the device alone.
  struct LimitKeys {
    std::string prefix, name_and_prefix, device;
  };
  static LimitKeys KeysOf(const std::string& name, const std::string& ip,
                          const std::string& device);
  bool Limited(const LimitKeys& keys, int64_t now_ms) const;
  void CountFailure(const LimitKeys& keys, const std::string& name, int64_t now_ms);

  DecisionStores Stores();  // the store, with the owed lessons' queue
  std::mutex decide_mu_;  // one lesson at a time: each builds on the last saved model
  OwedLessons owed_;
  std::string words_revision_;  // of the lists loaded last      // lessons whose model save failed; saved with the next one
  std::atomic<int> sign_ins_waiting_{0}, device_sign_ins_waiting_{0};
  std::string dummy_hash_;  // checked when the name is unknown, to take as long; worker only
  SerialWorker worker_;     // last: stops (after its queue) before the rest goes
};

}  // namespace tribune::moderation
