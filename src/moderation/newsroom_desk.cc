#include "moderation/newsroom_desk.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>

#include "comments/form_guard.h"
#include "core/time_format.h"
#include "moderation/audit.h"
#include "moderation/moderation.h"

namespace tribune::moderation {
namespace {

// The action is taken; an entry that could not be written is logged.
void Audit(const Status& recorded) {
  if (!recorded.ok()) spdlog::error("audit log: {}", recorded.message());
}

// A name as it may go into the log: printable, short.
constexpr size_t kLoggedNameBytes = 64;

std::string Loggable(std::string_view name) {
  std::string out;
  for (char c : name.substr(0, kLoggedNameBytes)) {
    out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c;
  }
  return out;
}

}  // namespace

NewsroomDesk::NewsroomDesk(const Config& config, store::Store& store,
                           const comments::Signer& signer, comments::CommentService& comments)
    : config_(config),
      store_(store),
      comments_(comments),
      sessions_(signer),
      devices_(signer),
      worker_(kMaxQueued) {
  // Ready before the first sign-in, so that an unknown name's first attempt
  // takes no longer than the others.
  worker_.Post([this] {
    try {
      dummy_hash_ = HashPassword(GeneratePassword());
    } catch (const std::exception& e) {
      spdlog::warn("newsroom: {}; will try again at the first sign-in", e.what());
    }
  });
}

NewsroomDesk::LimitKeys NewsroomDesk::KeysOf(const std::string& name, const std::string& ip,
                                             const std::string& device) {
  std::string prefix = comments::FormGuard::AddressPrefix(ip);
  std::string pair = prefix + '\x1f' + (site::ValidStaffName(name) ? name : std::string("?"));
  return {std::move(prefix), std::move(pair), device};
}

bool NewsroomDesk::Limited(const LimitKeys& keys, int64_t now_ms) const {
  // Counts decay continuously: "more than N - 1" is N failures in quick succession.
  if (!keys.device.empty()) {
    return failures_by_device_.Peek(keys.device, now_ms) > kFailuresPerDevice - 1;
  }
  return failures_by_prefix_.Peek(keys.prefix, now_ms) > kFailuresPerPrefix - 1 ||
         failures_by_name_and_prefix_.Peek(keys.name_and_prefix, now_ms) >
             kFailuresPerNameAndPrefix - 1;
}

void NewsroomDesk::CountFailure(const LimitKeys& keys, const std::string& name, int64_t now_ms) {
  if (!keys.device.empty()) {
    failures_by_device_.Add(keys.device, now_ms);
  } else {
    failures_by_prefix_.Add(keys.prefix, now_ms);
    failures_by_name_and_prefix_.Add(keys.name_and_prefix, now_ms);
  }
  double on_name = site::ValidStaffName(name) ? failures_by_name_.Add(name, now_ms) : 0;
  spdlog::info("newsroom: failed sign-in as '{}' from {}{}", Loggable(name), keys.prefix,
               keys.device.empty() ? "" : " (a known device)");
  if (on_name >= kNameUnderAttack && on_name < kNameUnderAttack + 1) {
    spdlog::warn("newsroom: the name '{}' is being guessed at from several networks",
                 Loggable(name));
  }
}

NewsroomDesk::Admission NewsroomDesk::SubmitSignIn(std::string name, std::string password,
                                                   std::string ip, int64_t now, int64_t now_ms,
                                                   std::function<void(SignInOutcome)> done,
                                                   std::string device) {
  if (Limited(KeysOf(name, ip, device), now_ms)) return Admission::kLimited;
  bool known = !device.empty();
  std::atomic<int>& waiting = known ? device_sign_ins_waiting_ : sign_ins_waiting_;
  if (waiting.fetch_add(1) >= (known ? kMaxDeviceSignInsWaiting : kMaxSignInsWaiting)) {
    --waiting;
    return Admission::kBusy;
  }
  auto task = [this, &waiting, name = std::move(name), password = std::move(password),
               ip = std::move(ip), now, now_ms, done = std::move(done),
               device = std::move(device)] {
    --waiting;
    done(SignIn(name, password, ip, now, now_ms, device));
  };
  bool queued = known ? worker_.PostUrgent(std::move(task)) : worker_.Post(std::move(task));
  if (!queued) {
    --waiting;
    return Admission::kBusy;
  }
  return Admission::kQueued;
}

void NewsroomDesk::WithModelLock(const std::function<void()>& reload) {
  std::lock_guard lock(decide_mu_);
  reload();
}

SignInOutcome NewsroomDesk::SignIn(const std::string& name, std::string_view password,
                                   const std::string& ip, int64_t now, int64_t now_ms,
                                   const std::string& device) {
  SignInOutcome out;
  LimitKeys keys = KeysOf(name, ip, device);
  bool plausible = site::ValidStaffName(name);
  if (Limited(keys, now_ms)) {
    out.kind = SignInOutcome::Kind::kLimited;
    return out;
  }
  // Made at start-up; again here if that failed (out of memory then).
  if (dummy_hash_.empty()) dummy_hash_ = HashPassword(GeneratePassword());
  auto staff = plausible ? store_.GetStaffByName(name) : Result<site::Staff>(NotFound(""));
  if (!staff.ok() && staff.status().code() != Code::kNotFound) {
    out.kind = SignInOutcome::Kind::kUnavailable;
    return out;
  }
  // An unknown name costs the same as a wrong password.
  bool fits = CheckPassword(staff.ok() ? staff->password_hash : dummy_hash_, password) &&
              staff.ok();
  if (!fits) {
    CountFailure(keys, name, now_ms);
    out.kind = SignInOutcome::Kind::kWrong;
    return out;
  }
  out.kind = SignInOutcome::Kind::kSignedIn;
  out.staff = std::move(staff).value();
  out.cookie = sessions_.Issue(out.staff, now + StaffSessions::kLifetime);
  out.device_cookie = devices_.Issue(out.staff.id, now + KnownDevices::kLifetime);
  spdlog::info("newsroom: {} signed in from {}", Loggable(out.staff.name), keys.prefix);
  Audit(RecordAction(store_, {out.staff.name, ip}, "staff.sign_in", "staff " + out.staff.name,
                     "", device.empty() ? "" : "a known device", now));
  return out;
}

std::optional<site::Staff> NewsroomDesk::Member(std::string_view cookie, int64_t now) {
  std::optional<int64_t> id = StaffSessions::StaffId(cookie);
  if (!id) return std::nullopt;
  auto staff = store_.GetStaff(*id);
  if (!staff.ok() || !sessions_.Valid(cookie, *staff, now)) return std::nullopt;
  return std::move(staff).value();
}

Status NewsroomDesk::SignOut(const site::Staff& member, const std::string& from, int64_t now) {
  spdlog::info("newsroom: {} signed out", Loggable(member.name));
  TRIBUNE_RETURN_IF_ERROR(store_.EndStaffSessions(member.id));
  Audit(RecordAction(store_, {member.name, from}, "staff.sign_out",
                     "staff " + member.name, "", "", now));
  return Status::Ok();
}

Result<std::vector<site::Comment>> NewsroomDesk::Decide(const site::Staff& by,
                                                        const std::string& from, int64_t id,
                                                        const std::string& decision,
                                                        const SeenComment& seen, int64_t now) {
  std::lock_guard lock(decide_mu_);
  auto current = store_.GetComment(id);
  if (!current.ok()) return current.status();
  if (site::StatusName(current->status) != seen.status || current->edited_at != seen.edited_at) {
    return FailedPrecondition(fmt::format(
        "Comment {} has changed since your page showed it (it is now {}{}); nothing was done. "
        "Please look at it again.",
        id, site::StatusName(current->status), current->edited_at != seen.edited_at
                                                   ? ", and its author edited it"
                                                   : ""));
  }
  auto choices = site::ModerationChoices(current->status);
  if (std::find(choices.begin(), choices.end(), decision) == choices.end()) {
    return InvalidArgument(fmt::format("'{}' is not a decision for a comment that is {}",
                                       Loggable(decision), site::StatusName(current->status)));
  }
  auto engine = LoadSiteEngine(config_, store_);
  if (!engine.ok()) return engine.status();
  std::vector<site::Comment> changed;
  std::map<int64_t, site::CommentStatus> was;
  if (decision == "campaign") {
    auto marked = ModerateCampaign(Stores(), **engine, id,
                                   now - kCampaignDays * 86400, now, &was);
    if (!marked.ok()) return marked.status();
    changed = std::move(marked).value();
  } else {
    auto one = Moderate(Stores(), **engine, id,
                        *ParseDecision(decision), now);
    if (!one.ok()) return one.status();
    changed.push_back(std::move(one).value());
  }
  spdlog::info("newsroom: {} decided {} on comment {} ({} changed)", Loggable(by.name),
               decision, id, changed.size());
  Audit(RecordDecision(store_, {by.name, from}, id, decision, seen.status, changed, now, was));
  if (owed_.size() > 0) {
    spdlog::warn("newsroom: the spam model could not be saved; {} lessons are kept and saved "
                 "when the database answers again", owed_.size());
  }
  // Posts are screened with what was just learned; the change watcher would
  // load the saved model within a second anyway.
  if (config_.spam.enabled) comments_.SetEngine(std::move(engine).value());
  return changed;
}

Result<std::vector<site::Comment>> NewsroomDesk::PreviewCampaignOf(int64_t id, int64_t now) {
  std::lock_guard lock(decide_mu_);
  auto engine = LoadSiteEngine(config_, store_);
  if (!engine.ok()) return engine.status();
  return PreviewCampaign(DecisionStores::Of(store_), **engine, id, now - kCampaignDays * 86400);
}

Result<std::vector<site::Comment>> NewsroomDesk::UndoCampaignOf(const site::Staff& by,
                                                                const std::string& from,
                                                                int64_t id, int64_t now) {
  std::lock_guard lock(decide_mu_);
  auto engine = LoadSiteEngine(config_, store_);
  if (!engine.ok()) return engine.status();
  auto back = UndoCampaign(Stores(), store_, **engine, id, by.name,
                           from, now);
  if (!back.ok()) return back.status();
  spdlog::info("newsroom: {} took back the campaign of comment {} ({} given back)",
               Loggable(by.name), id, back->size());
  if (config_.spam.enabled) comments_.SetEngine(std::move(engine).value());
  return back;
}

namespace {

constexpr const char* kHoldKey = "words_hold";
constexpr const char* kRejectKey = "words_reject";
constexpr const char* kRevisionKey = "words_revision";

size_t Entries(const std::shared_ptr<const comments::WordLists>& l) { return l ? l->entries() : 0; }

}  // namespace

Status NewsroomDesk::SaveWordLists(const site::Staff& by, const std::string& from,
                                   const std::string& hold, const std::string& reject,
                                   int64_t now, std::vector<site::FieldError>* errors) {
  auto lists = comments::WordLists::Build(hold, reject, errors);
  if (!lists) return InvalidArgument(errors->empty() ? "refused" : errors->front().message);
  std::string revision = fmt::format("{}-{}", now, lists->entries());
  auto before = comments_.word_lists();
  TRIBUNE_RETURN_IF_ERROR(store_.PutSetting(kHoldKey, hold));
  TRIBUNE_RETURN_IF_ERROR(store_.PutSetting(kRejectKey, reject));
  TRIBUNE_RETURN_IF_ERROR(store_.PutSetting(kRevisionKey, revision));
  comments_.SetWordLists(lists);
  {
    std::lock_guard lock(decide_mu_);
    words_revision_ = revision;
  }
  spdlog::info("newsroom: {} saved the word lists ({} entries)", Loggable(by.name),
               lists->entries());
  Audit(RecordAction(store_, {by.name, from}, "words.edit", "word lists",
                     fmt::format("{} entries", Entries(before)),
                     fmt::format("{} entries", lists->entries()), now));
  return Status::Ok();
}

Status NewsroomDesk::ReloadWordLists() {
  auto revision = store_.GetSetting(kRevisionKey);
  if (!revision.ok()) return revision.status().code() == Code::kNotFound ? Status::Ok()
                                                                        : revision.status();
  {
    std::lock_guard lock(decide_mu_);
    if (*revision == words_revision_) return Status::Ok();
  }
  auto hold = store_.GetSetting(kHoldKey);
  auto reject = store_.GetSetting(kRejectKey);
  if (!hold.ok() || !reject.ok()) return Unavailable("the word lists could not be read");
  std::vector<site::FieldError> errors;
  auto lists = comments::WordLists::Build(*hold, *reject, &errors);
  if (!lists) return InvalidArgument("the stored word lists are refused: " + errors.front().message);
  comments_.SetWordLists(lists);
  std::lock_guard lock(decide_mu_);
  words_revision_ = *revision;
  return Status::Ok();
}

Status NewsroomDesk::SaveOwedLessons(int64_t now) {
  if (owed_.size() == 0) return Status::Ok();
  std::lock_guard lock(decide_mu_);
  auto engine = LoadSiteEngine(config_, store_);
  if (!engine.ok()) return engine.status();
  size_t owed = owed_.size();
  Status st = moderation::SaveOwedLessons(Stores(), **engine, now);
  if (!st.ok()) return st;
  spdlog::info("newsroom: {} lessons owed since a failed model save are learned", owed);
  if (config_.spam.enabled) comments_.SetEngine(std::move(engine).value());
  return st;
}

DecisionStores NewsroomDesk::Stores() {
  DecisionStores stores = DecisionStores::Of(store_, config_);
  stores.owed = &owed_;
  return stores;
}

Result<std::vector<site::Ban>> NewsroomDesk::Bans() { return store_.ListBans(); }

namespace {

std::string Describe(const site::Ban& b) {
  std::string text = fmt::format("{} {}", site::BanKindName(b.kind), b.pattern);
  if (!b.reason.empty()) text += " (" + b.reason + ")";
  if (b.expires_at > 0) text += ", until " + timefmt::Iso8601(b.expires_at);
  return text;
}

}  // namespace

Result<site::Ban> NewsroomDesk::AddBan(const site::Staff& by, const std::string& from,
                                       site::Ban ban, int64_t now) {
  if (std::string problem = site::BanPatternProblem(ban.kind, ban.pattern); !problem.empty()) {
    return InvalidArgument(problem);
  }
  if (ban.reason.size() > 500) return InvalidArgument("a ban's reason is at most 500 bytes");
  ban.created_by = by.name;
  ban.created_at = now;
  auto added = store_.AddBan(ban);
  if (!added.ok()) return added.status();
  comments_.BansChanged();
  spdlog::info("newsroom: {} banned {}", Loggable(by.name), Loggable(Describe(*added)));
  Audit(RecordAction(store_, {by.name, from}, "ban.add", fmt::format("ban {}", added->id), "",
                     Describe(*added), now));
  return added;
}

Status NewsroomDesk::RemoveBan(const site::Staff& by, const std::string& from, int64_t id,
                               int64_t now) {
  auto bans = store_.ListBans();
  if (!bans.ok()) return bans.status();
  auto it = std::find_if(bans->begin(), bans->end(), [&](const site::Ban& b) { return b.id == id; });
  if (it == bans->end()) return NotFound(fmt::format("no ban {}", id));
  TRIBUNE_RETURN_IF_ERROR(store_.RemoveBan(id));
  comments_.BansChanged();
  spdlog::info("newsroom: {} lifted ban {}", Loggable(by.name), id);
  Audit(RecordAction(store_, {by.name, from}, "ban.remove", fmt::format("ban {}", id),
                     Describe(*it), "", now));
  return Status::Ok();
}

}  // namespace tribune::moderation
