// /newsroom/dashboard: the filter's actions a day, moderators against the
// filter, the queue, and this week's link domains and campaigns in spam.
// Worked out on the desk's worker: it reads up to kRead comments.
#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <regex>
#include <set>

#include "render/dashboard.h"
#include "spam/text/urls.h"
#include "web/handlers.h"
#include "web/link_base.h"
#include "web/newsroom_common.h"
#include "web/responses.h"

namespace tribune::web {
namespace {

constexpr int64_t kDays = 14;
constexpr int64_t kRead = 50000;
constexpr size_t kTop = 10;

std::vector<std::pair<std::string, int64_t>> Top(const std::map<std::string, int64_t>& counts) {
  std::vector<std::pair<std::string, int64_t>> out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (out.size() > kTop) out.resize(kTop);
  return out;
}

render::DashboardView Compute(Context& ctx, int64_t now) {
  render::DashboardView v;
  int64_t today = now - now % 86400;
  int64_t first = today - (kDays - 1) * 86400;
  for (int64_t d = first; d <= today; d += 86400) v.days.push_back({d, 0, 0, 0, 0});
  auto recent = ctx.comment_store.ListRecentComments(first, kRead);
  if (recent.ok()) {
    v.partial = static_cast<int64_t>(recent->size()) >= kRead;
    std::map<std::string, int64_t> domains, campaigns;
    static const std::regex campaign(R"(campaign (\d+) \((\d+) texts\): (.{0,60}))");
    for (const site::Comment& c : *recent) {
      size_t i = static_cast<size_t>((c.created_at - first) / 86400);
      if (i >= v.days.size()) continue;
      const std::string& act = c.screening.action;
      render::DayCounts& d = v.days[i];
      if (act == "publish")
        ++d.published;
      else if (act == "hold")
        ++d.held;
      else if (act == "spam")
        ++d.spam;
      else if (act == "discard")
        ++d.discarded;
      if (!c.moderator_label.empty()) ++v.decided;
      if (c.moderator_label == "ham" && act == "hold") ++v.holds_approved;
      if (c.moderator_label == "ham" && (act == "spam" || act == "discard")) ++v.spam_restored;
      if (c.moderator_label == "spam" && act == "publish") ++v.published_spam;
      bool this_week = c.created_at >= now - 7 * 86400;
      bool spam = c.status == site::CommentStatus::kSpam || c.moderator_label == "spam";
      if (!this_week || !spam) continue;
      std::set<std::string> seen;
      for (const auto& link : spam::text::FindLinks(c.body_source).links) {
        if (!link.domain.empty() && seen.insert(link.domain).second) ++domains[link.domain];
      }
      std::smatch m;
      if (std::regex_search(c.screening.reasons_json, m, campaign)) {
        ++campaigns["campaign " + m[1].str()];
      }
    }
    v.top_domains = Top(domains);
    v.top_campaigns = Top(campaigns);
  }
  auto held = ctx.comment_store.ListHeldComments(10000);
  if (held.ok()) {
    v.queue_size = static_cast<int64_t>(held->size());
    if (!held->empty()) v.queue_oldest_s = std::max<int64_t>(0, now - held->front().created_at);
  }
  return v;
}

}  // namespace

void DashboardPage(Context& ctx, http::Request& req, http::Respond respond) {
  auto member = RequireMember(ctx, req, nullptr, respond);
  if (!member) return;
  render::SiteInfo site = SiteFor(ctx, req);
  auto task = [&ctx, site, name = member->name, role = member->role,
               token = StaffFormToken(ctx, req), respond] {
    render::DashboardView v = Compute(ctx, std::time(nullptr));
    v.staff_name = name;
    v.role = role;
    v.form_token = token;
    respond(Private(HtmlResponse(200, render::RenderDashboardPage(site, v))));
  };
  if (!ctx.newsroom.Submit(std::move(task))) respond(Busy(SiteFor(ctx, req)));
}

}  // namespace tribune::web
