#include "web/newsroom_desk.h"

#include <spdlog/spdlog.h>

#include "web/form_guard.h"
#include "web/moderation.h"

namespace tribune::web {

NewsroomDesk::NewsroomDesk(const Config& config, store::Store& store, const Signer& signer,
                           CommentService& comments)
    : config_(config), store_(store), comments_(comments), sessions_(signer) {}

SignInOutcome NewsroomDesk::SignIn(const std::string& name, std::string_view password,
                                   const std::string& ip, int64_t now, int64_t now_ms) {
  SignInOutcome out;
  std::string prefix = FormGuard::AddressPrefix(ip);
  if (failures_by_prefix_.Peek(prefix, now_ms) >= kFailuresPerPrefix ||
      failures_by_name_.Peek(name, now_ms) >= kFailuresPerName) {
    out.kind = SignInOutcome::Kind::kLimited;
    return out;
  }
  auto staff = store_.GetStaffByName(name);
  if (!staff.ok() && staff.status().code() != Code::kNotFound) {
    out.kind = SignInOutcome::Kind::kUnavailable;
    return out;
  }
  bool fits = false;
  if (staff.ok()) {
    fits = CheckPassword(staff->password_hash, password);
  } else {
    // An unknown name costs the same as a wrong password.
    std::call_once(dummy_once_, [this] { dummy_hash_ = HashPassword(GeneratePassword()); });
    CheckPassword(dummy_hash_, password);
  }
  if (!fits) {
    failures_by_prefix_.Add(prefix, now_ms);
    failures_by_name_.Add(name, now_ms);
    spdlog::info("newsroom: failed sign-in as '{}' from {}", name, prefix);
    out.kind = SignInOutcome::Kind::kWrong;
    return out;
  }
  out.kind = SignInOutcome::Kind::kSignedIn;
  out.staff = std::move(staff).value();
  out.cookie = sessions_.Issue(out.staff, now + StaffSessions::kLifetime);
  spdlog::info("newsroom: {} signed in", out.staff.name);
  return out;
}

std::optional<site::Staff> NewsroomDesk::Member(std::string_view cookie, int64_t now) {
  std::optional<int64_t> id = StaffSessions::StaffId(cookie);
  if (!id) return std::nullopt;
  auto staff = store_.GetStaff(*id);
  if (!staff.ok() || !sessions_.Valid(cookie, *staff, now)) return std::nullopt;
  return std::move(staff).value();
}

Result<std::vector<site::Comment>> NewsroomDesk::Decide(int64_t id, const std::string& decision,
                                                        int64_t now) {
  bool campaign = decision == "campaign";
  Decision d = Decision::kSpam;
  if (!campaign) {
    auto parsed = ParseDecision(decision);
    if (!parsed.ok()) return parsed.status();
    d = *parsed;
  }
  std::lock_guard lock(decide_mu_);
  auto engine = LoadSiteEngine(config_, store_);
  if (!engine.ok()) return engine.status();
  std::vector<site::Comment> changed;
  if (campaign) {
    constexpr int64_t kCampaignDays = 7;
    auto marked = ModerateCampaign(store_, **engine, id, now - kCampaignDays * 86400, now);
    if (!marked.ok()) return marked.status();
    changed = std::move(marked).value();
  } else {
    auto one = Moderate(store_, **engine, id, d, now);
    if (!one.ok()) return one.status();
    changed.push_back(std::move(one).value());
  }
  // Posts are screened with what was just learned; the change watcher would
  // load the saved model within a second anyway.
  if (config_.spam.enabled) comments_.SetEngine(std::move(engine).value());
  return changed;
}

}  // namespace tribune::web
