// /newsroom/...: staff sign-in and the moderation queue. Every page needs a
// live session (cookie tn, SameSite=Strict) and every form the session's
// token, so neither a stolen page nor another site can act for a moderator.
// Password checks and decisions are slow; they run on the desk's worker and
// answer from there, so the IO threads keep serving the site meanwhile.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/numbers.h"
#include "core/utf8.h"
#include "moderation/newsroom_desk.h"
#include "render/newsroom_frame.h"
#include "render/newsroom_pages.h"
#include "site/article.h"
#include "web/handlers.h"
#include "web/link_base.h"
#include "web/newsroom_common.h"
#include "web/responses.h"

namespace tribune::web {
namespace {

constexpr int64_t kQueueLimit = 100;
constexpr int64_t kRecentDays = 7;

}  // namespace

// Newsroom pages are private (HtmlResponse already says no-store): never
// indexed, never framed by another site (clickjacking), no foreign code.
http::Response Private(http::Response r) {
  r.headers.emplace_back("X-Robots-Tag", "noindex, nofollow");
  r.headers.emplace_back("Referrer-Policy", "same-origin");
  r.headers.emplace_back("X-Frame-Options", "DENY");
  r.headers.emplace_back("Content-Security-Policy",
                         "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                         "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  return r;
}

http::Response Busy(const render::SiteInfo& site) {
  http::Response r = ErrorPage(site, 503,
                               "The newsroom is busy just now; please try again in "
                               "a few seconds.");
  r.headers.emplace_back("Retry-After", "5");
  return Private(std::move(r));
}

namespace {

std::string SessionCookie(const Context& ctx, const std::string& value, int64_t max_age) {
  return fmt::format("{}={}; Path=/newsroom; Max-Age={}; HttpOnly; SameSite=Strict{}",
                     moderation::StaffSessions::kCookie, value, max_age,
                     SecureCookieAttribute(ctx));
}

// Marks the browser a known device for sign-in (KnownDevices); it outlives
// sessions and signing out.
std::string DeviceCookie(const Context& ctx, const std::string& value) {
  return fmt::format("{}={}; Path=/newsroom; Max-Age={}; HttpOnly; SameSite=Strict{}",
                     moderation::KnownDevices::kCookie, value, moderation::KnownDevices::kLifetime,
                     SecureCookieAttribute(ctx));
}

}  // namespace

FormMap NewsroomForm(const http::Request& req) {
  FormMap out;
  for (auto& [k, v] : http::ParseForm(req.body)) {
    if (utf8::IsValid(v)) out.emplace(std::move(k), std::move(v));
  }
  return out;
}

namespace {

// The queue's tab: a status name, held when absent or unknown.
site::CommentStatus Tab(const std::string& show) {
  return site::ParseStatus(show).value_or(site::CommentStatus::kHeld);
}

std::vector<render::ReasonRow> ReasonsOf(const std::string& json) {
  std::vector<render::ReasonRow> rows;
  auto parsed = nlohmann::json::parse(json, nullptr, false);
  if (!parsed.is_array()) return rows;
  for (const auto& r : parsed) {
    if (!r.is_object()) continue;
    auto text = [&](const char* key) {
      auto it = r.find(key);
      return it != r.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    auto score = r.find("score");
    rows.push_back({text("symbol"),
                    score != r.end() && score->is_number() ? score->get<double>() : 0,
                    text("evidence")});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return std::abs(a.score) > std::abs(b.score);
  });
  return rows;
}

// What the last decision did, from the codes the redirect carries: a fixed
// text, so a crafted link cannot make the page say something else.
std::string NoticeFor(const render::SiteInfo& site, const http::Request& req) {
  std::string done = req.QueryParam("done");
  if (done.rfind("bulk-", 0) == 0) {
    int64_t n = ParseWhole(req.QueryParam("n")).value_or(0);
    int64_t skipped = ParseWhole(req.QueryParam("skipped")).value_or(0);
    std::string out;
    if (done == "bulk-approve") {
      out = site.F("{n, plural, one {# comment is published.} other {# comments are published.}}",
                   {{"n", n}});
    } else if (done == "bulk-spam") {
      out = site.F(
          "{n, plural, one {# comment is marked spam; the filter learned them.} other {# "
          "comments are marked spam; the filter learned them.}}",
          {{"n", n}});
    } else if (done == "bulk-restore") {
      out = site.F(
          "{n, plural, one {# comment is published again.} other {# comments are "
          "published again.}}",
          {{"n", n}});
    } else if (done == "bulk-delete") {
      out = site.F("{n, plural, one {# comment is deleted.} other {# comments are deleted.}}",
                   {{"n", n}});
    } else {
      return {};
    }
    if (skipped > 0) {
      out += " " + site.F(
                       "{n, plural, one {# changed since the page was shown and was left "
                       "alone.} other {# changed since the page was shown and were left "
                       "alone.}}",
                       {{"n", skipped}});
    }
    return out;
  }
  int64_t comment = ParsePositive(req.QueryParam("id")).value_or(0);
  int64_t count = ParseWhole(req.QueryParam("n")).value_or(0);
  if (comment <= 0) return {};
  if (done == "approve") return site.F("Comment {id} is published.", {{"id", comment}});
  if (done == "spam") {
    return site.F("Comment {id} is marked spam; the filter learned it.", {{"id", comment}});
  }
  if (done == "campaign") {
    return site.F(
        "Comment {id} is marked spam, with {n} more that join a spam campaign; the "
        "filter learned them.",
        {{"id", comment}, {"n", count > 0 ? count - 1 : 0}});
  }
  if (done == "restore") return site.F("Comment {id} is published again.", {{"id", comment}});
  if (done == "undo") {
    return site.F(
        "The takedown of the campaign of comment {id} is undone: {n, plural, one {# "
        "comment is as it was, and the filter un-learned it.} other {# comments are as "
        "they were, and the filter un-learned them.}}",
        {{"id", comment}, {"n", count}});
  }
  if (done == "delete") return site.F("Comment {id} is deleted.", {{"id", comment}});
  return {};
}

// What the filter did with the comments of the last `days` days (at most
// kActivityLimit of them, newest first), and where moderators overruled it.
render::FilterActivity ComputeActivity(Context& ctx, int64_t now, int64_t days);

// The same, worked out at most once a minute: the queue page is served on
// an IO thread, and the summary reads thousands of comments.
// A decision made here shows in the summary at once.
std::atomic<int64_t> decisions_made{0};

render::FilterActivity ActivityOf(Context& ctx, int64_t now, int64_t days) {
  static std::mutex mu;
  static int64_t computed_at = -1, computed_after = -1;
  static render::FilterActivity cached;
  constexpr int64_t kFreshFor = 60;
  int64_t decisions = decisions_made.load();
  {
    std::lock_guard lock(mu);
    if (computed_at >= 0 && now - computed_at < kFreshFor && computed_after == decisions) {
      return cached;
    }
  }
  render::FilterActivity fresh = ComputeActivity(ctx, now, days);
  std::lock_guard lock(mu);
  cached = fresh;
  computed_at = now;
  computed_after = decisions;
  return fresh;
}

render::FilterActivity ComputeActivity(Context& ctx, int64_t now, int64_t days) {
  constexpr int64_t kActivityLimit = 20000;
  constexpr size_t kTopReasons = 8;
  render::FilterActivity a;
  a.days = days;
  auto recent = ctx.comment_store.ListRecentComments(now - days * 86400, kActivityLimit);
  if (!recent.ok()) return a;
  a.partial = static_cast<int64_t>(recent->size()) >= kActivityLimit;
  std::map<std::string, int64_t> reasons;
  for (const site::Comment& c : *recent) {
    const std::string& act = c.screening.action;
    if (act.empty()) continue;
    ++a.screened;
    if (act == "publish")
      ++a.publish;
    else if (act == "hold")
      ++a.hold;
    else if (act == "spam")
      ++a.spam;
    else if (act == "discard")
      ++a.discard;
    bool kept_back = act != "publish";
    if (kept_back) {
      for (const render::ReasonRow& r : ReasonsOf(c.screening.reasons_json)) {
        if (r.score > 0 && r.symbol != "MODEL") ++reasons[r.symbol];
      }
    }
    if (c.moderator_label == "ham" && act == "hold") ++a.holds_approved;
    if (c.moderator_label == "ham" && (act == "spam" || act == "discard")) ++a.spam_restored;
    if (c.moderator_label == "spam" && act == "publish") ++a.published_spam;
  }
  a.top_reasons.assign(reasons.begin(), reasons.end());
  std::stable_sort(a.top_reasons.begin(), a.top_reasons.end(),
                   [](const auto& x, const auto& y) { return x.second > y.second; });
  if (a.top_reasons.size() > kTopReasons) a.top_reasons.resize(kTopReasons);
  return a;
}

void SignInPage(Context& ctx, http::Request& req, http::Respond respond) {
  if (ctx.newsroom.Member(req.Cookie(moderation::StaffSessions::kCookie), std::time(nullptr))) {
    return respond(Private(Redirect(303, "/newsroom")));
  }
  respond(Private(HtmlResponse(200, render::RenderSignInPage(SiteFor(ctx, req), "", ""))));
}

void SignIn(Context& ctx, http::Request& req, http::Respond respond) {
  render::SiteInfo site = SiteFor(ctx, req);
  if (!IsFormEncoded(req)) {
    return respond(Private(ErrorPage(ctx, req, 415,
                                     "The form must be sent as "
                                     "application/x-www-form-urlencoded.")));
  }
  auto fields = NewsroomForm(req);
  // The page keeps what was typed as the name, shortened.
  std::string kept = utf8::Truncate(fields["name"], moderation::NewsroomDesk::kMaxName);
  auto limited = [site, kept] {
    http::Response r = HtmlResponse(
        429,
        render::RenderSignInPage(site, kept, "Too many failed attempts; please wait a minute."));
    r.headers.emplace_back("Retry-After", "60");
    return Private(std::move(r));
  };
  auto done = [&ctx, site, kept, limited, respond](moderation::SignInOutcome out) {
    using Kind = moderation::SignInOutcome::Kind;
    switch (out.kind) {
      case Kind::kSignedIn: {
        http::Response r = Redirect(303, "/newsroom");
        r.headers.emplace_back(
            "Set-Cookie", SessionCookie(ctx, out.cookie, moderation::StaffSessions::kLifetime));
        r.headers.emplace_back("Set-Cookie", DeviceCookie(ctx, out.device_cookie));
        return respond(Private(std::move(r)));
      }
      case Kind::kWrong:
        return respond(Private(
            HtmlResponse(401, render::RenderSignInPage(site, kept, "Wrong name or password."))));
      case Kind::kLimited:
        return respond(limited());
      case Kind::kUnavailable:
        return respond(Private(HtmlResponse(
            503, render::RenderSignInPage(site, kept,
                                          "Sign-in is unavailable just now; please try again."))));
    }
  };
  auto guarded = [&ctx, site, done, respond](moderation::SignInOutcome out) {
    try {
      done(std::move(out));
    } catch (const std::exception&) {
      respond(Busy(site));
    }
  };
  int64_t now = std::time(nullptr);
  std::string device =
      ctx.newsroom.devices().Verify(req.Cookie(moderation::KnownDevices::kCookie), now);
  switch (ctx.newsroom.SubmitSignIn(fields["name"], fields["password"], req.remote_addr, now,
                                    NowMs(), guarded, device)) {
    case moderation::NewsroomDesk::Admission::kQueued:
      return;
    case moderation::NewsroomDesk::Admission::kLimited:
      return respond(limited());
    case moderation::NewsroomDesk::Admission::kBusy:
      return respond(Busy(SiteFor(ctx, req)));
  }
}

}  // namespace

// Whether a form came from a page of this session (it carries the session's
// token); when not, 403 is sent.
namespace {

bool FromOurPage(Context& ctx, const http::Request& req, const std::string& cookie, FormMap& form,
                 http::Respond& respond) {
  // A form as a browser sends it (an upload's is multipart), with the page's token.
  std::string_view type = req.Header("content-type");
  bool multipart = type.substr(0, 19) == "multipart/form-data";
  if ((IsFormEncoded(req) || multipart) &&
      ctx.newsroom.sessions().FormTokenFits(cookie, form["t"])) {
    return true;
  }
  respond(Private(ErrorPage(ctx, req, 403,
                            "This form did not come from your newsroom page; "
                            "please reload the page and try again.")));
  return false;
}

}  // namespace

// The signed-in member, or a response sent: for a page (`form` null), a
// redirect to sign-in; for a form, 403 when the session has ended or the
// form did not come from its page.
std::optional<site::Staff> RequireMember(Context& ctx, const http::Request& req, FormMap* form,
                                         http::Respond& respond, Need need) {
  std::string cookie = req.Cookie(moderation::StaffSessions::kCookie);
  auto member = ctx.newsroom.Member(cookie, std::time(nullptr));
  if (!member) {
    respond(form ? Private(ErrorPage(ctx, req, 403,
                                     "Your newsroom session has ended; please sign "
                                     "in again."))
                 : Private(Redirect(303, "/newsroom/sign-in")));
    return std::nullopt;
  }
  if (form && !FromOurPage(ctx, req, cookie, *form, respond)) return std::nullopt;
  bool allowed = need == Need::kModerate       ? site::MayModerate(member->role)
                 : need == Need::kEditArticles ? site::MayEditArticles(member->role)
                                               : site::MayManageStaff(member->role);
  if (!allowed) {
    render::SiteInfo page = SiteFor(ctx, req);
    respond(Private(ErrorPage(page, 403,
                              page.F("Your role ({role}) does not include this; ask an admin.", {},
                                     {{"role", render::RoleName(page, member->role)}}))));
    return std::nullopt;
  }
  return member;
}

std::string StaffFormToken(Context& ctx, const http::Request& req) {
  return ctx.newsroom.sessions().FormToken(req.Cookie(moderation::StaffSessions::kCookie));
}

namespace {

void SignOut(Context& ctx, http::Request& req, http::Respond respond) {
  http::Response r = Redirect(303, "/newsroom/sign-in");
  r.headers.emplace_back("Set-Cookie", SessionCookie(ctx, "", 0));
  std::string cookie = req.Cookie(moderation::StaffSessions::kCookie);
  auto member = ctx.newsroom.Member(cookie, std::time(nullptr));
  // A session that has already ended only needs its cookie dropped.
  if (!member) return respond(Private(std::move(r)));
  FormMap form = NewsroomForm(req);
  if (!FromOurPage(ctx, req, cookie, form, respond)) return;
  Status st = ctx.newsroom.SignOut(*member, req.remote_addr, std::time(nullptr));
  if (!st.ok())
    return respond(Private(ErrorPage(ctx, req, 503,
                                     "Signing out failed just now; "
                                     "please try again.")));
  respond(Private(std::move(r)));
}

// What the queue and the reports pages share: the member, the tab `show`, the
// last action's notice and the filter's activity.
render::QueueView QueueViewFor(Context& ctx, const http::Request& req, const site::Staff& member,
                               std::string show, int64_t now) {
  render::QueueView view;
  view.staff_name = member.name;
  view.role = member.role;
  view.form_token = StaffFormToken(ctx, req);
  view.show = std::move(show);
  view.notice = NoticeFor(SiteFor(ctx, req), req);
  view.activity = ActivityOf(ctx, now, kRecentDays);
  return view;
}

void QueuePage(Context& ctx, http::Request& req, http::Respond respond) {
  auto member = RequireMember(ctx, req, nullptr, respond);
  if (!member) return;
  int64_t now = std::time(nullptr);
  site::CommentStatus tab = Tab(req.QueryParam("show"));
  render::QueueView view = QueueViewFor(ctx, req, *member, std::string(site::StatusName(tab)), now);
  if (req.QueryParam("done") == "campaign") {
    view.undo_campaign = ParsePositive(req.QueryParam("id")).value_or(0);
  }
  Result<std::vector<site::Comment>> comments =
      tab == site::CommentStatus::kHeld
          ? ctx.comment_store.ListHeldComments(kQueueLimit)
          : ctx.comment_store.ListCommentsWithStatus(tab, now - kRecentDays * 86400, kQueueLimit);
  if (!comments.ok()) {
    return respond(Private(ErrorPage(ctx, req, 503, "The queue cannot be read just now.")));
  }
  std::map<int64_t, site::Article> articles;
  for (site::Comment& c : *comments) {
    auto it = articles.find(c.article_id);
    if (it == articles.end()) {
      auto a = ctx.articles.GetArticle(c.article_id);
      if (!a.ok()) continue;
      it = articles.emplace(c.article_id, std::move(a).value()).first;
    }
    render::QueueItem item;
    item.article_title = it->second.title;
    item.article_path = site::ArticlePath(it->second);
    item.reasons = ReasonsOf(c.screening.reasons_json);
    auto reports = ctx.reports.ListReports(c.id);
    if (reports.ok()) item.reports = std::move(reports).value();
    item.comment = std::move(c);
    view.items.push_back(std::move(item));
  }
  respond(Private(HtmlResponse(200, render::RenderQueuePage(SiteFor(ctx, req), view))));
}

render::QueueItem ItemOf(Context& ctx, site::Comment c, std::map<int64_t, site::Article>& articles);

// /newsroom/reports: the comments readers reported in the last 30 days, of
// any status, the most recently reported first, each with its reports and
// the decisions its status allows.
void ReportsPage(Context& ctx, http::Request& req, http::Respond respond) {
  constexpr int64_t kReportDays = 30;
  auto member = RequireMember(ctx, req, nullptr, respond);
  if (!member) return;
  int64_t now = std::time(nullptr);
  render::QueueView view = QueueViewFor(ctx, req, *member, "reported", now);
  auto ids = ctx.reports.ListReportedComments(now - kReportDays * 86400, kQueueLimit);
  if (!ids.ok())
    return respond(Private(ErrorPage(ctx, req, 503, "The reports cannot be read just now.")));
  std::map<int64_t, site::Article> articles;
  for (int64_t id : *ids) {
    auto c = ctx.comment_store.GetComment(id);
    if (!c.ok()) continue;
    render::QueueItem item = ItemOf(ctx, std::move(c).value(), articles);
    item.reasons = ReasonsOf(item.comment.screening.reasons_json);
    view.items.push_back(std::move(item));
  }
  respond(Private(HtmlResponse(200, render::RenderQueuePage(SiteFor(ctx, req), view))));
}

render::QueueItem ItemOf(Context& ctx, site::Comment c,
                         std::map<int64_t, site::Article>& articles) {
  render::QueueItem item;
  auto it = articles.find(c.article_id);
  if (it == articles.end()) {
    auto a = ctx.articles.GetArticle(c.article_id);
    if (a.ok()) it = articles.emplace(c.article_id, std::move(a).value()).first;
  }
  if (it != articles.end()) {
    item.article_title = it->second.title;
    item.article_path = site::ArticlePath(it->second);
  }
  auto reports = ctx.reports.ListReports(c.id);
  if (reports.ok()) item.reports = std::move(reports).value();
  item.comment = std::move(c);
  return item;
}

// What a campaign decision would take down, before the moderator confirms.
void CampaignPreviewPage(Context& ctx, http::Request& req, int64_t id, http::Respond respond) {
  auto member = RequireMember(ctx, req, nullptr, respond);
  if (!member) return;
  render::SiteInfo site = SiteFor(ctx, req);
  render::CampaignPreview view;
  view.staff_name = member->name;
  view.form_token =
      ctx.newsroom.sessions().FormToken(req.Cookie(moderation::StaffSessions::kCookie));
  view.show = std::string(site::StatusName(Tab(req.QueryParam("show"))));
  view.days = moderation::NewsroomDesk::kCampaignDays;
  auto task = [&ctx, site, id, view = std::move(view), respond]() mutable {
    Result<std::vector<site::Comment>> plan = Unavailable("not previewed");
    try {
      plan = ctx.newsroom.PreviewCampaignOf(id, std::time(nullptr));
    } catch (const std::exception& e) {
      plan = Unavailable(std::string("The preview failed: ") + e.what());
    }
    if (!plan.ok()) {
      bool missing = plan.status().code() == Code::kNotFound;
      return respond(Private(missing ? ErrorPage(site, 404, "There is no such comment.")
                                     : StorageUnavailable(site)));
    }
    std::map<int64_t, site::Article> articles;
    view.decided = ItemOf(ctx, std::move(plan->front()), articles);
    for (size_t i = 1; i < plan->size(); ++i) {
      view.members.push_back(ItemOf(ctx, std::move((*plan)[i]), articles));
    }
    respond(Private(HtmlResponse(200, render::RenderCampaignPreviewPage(site, view))));
  };
  if (!ctx.newsroom.Submit(std::move(task))) respond(Busy(SiteFor(ctx, req)));
}

// A day given as YYYY-MM-DD: the Unix second it starts (UTC); nullopt when
// it is not such a day.
std::optional<int64_t> DayStart(const std::string& text) {
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) {
    return std::nullopt;
  }
  std::chrono::year_month_day day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!day.ok() || y < 1970) return std::nullopt;
  return std::chrono::sys_days{day}.time_since_epoch() / std::chrono::seconds{1};
}

// The "since" and "until" days of a filter form (as given, for refilling
// it) and the times they bound: from the start of `since` to the end of
// `until`; a day that is not a date is left out, and `error` says so.
void ReadDays(const http::Request& req, std::string& since_text, std::string& until_text,
              int64_t& since, int64_t& until, std::string& error) {
  since_text = req.QueryParam("since");
  until_text = req.QueryParam("until");
  if (!since_text.empty()) {
    auto day = DayStart(since_text);
    if (!day) error = "'From the day' is not a date (YYYY-MM-DD); it was left out.";
    since = day.value_or(0);
  }
  if (!until_text.empty()) {
    auto day = DayStart(until_text);
    if (!day) error = "'To the day' is not a date (YYYY-MM-DD); it was left out.";
    until = day ? *day + 86400 : 0;  // the whole day
  }
}

// Comments of every status by text, name, e-mail, address, link domain,
// status and date.
void SearchPage(Context& ctx, http::Request& req, http::Respond respond) {
  auto member = RequireMember(ctx, req, nullptr, respond);
  if (!member) return;
  constexpr int64_t kShown = 200;
  render::SearchView v;
  v.staff_name = member->name;
  v.role = member->role;
  v.form_token = StaffFormToken(ctx, req);
  site::CommentQuery q;
  auto field = [&](const char* name, std::string& view, std::string& query) {
    view = utf8::Truncate(req.QueryParam(name), 200);
    query = view;
  };
  field("text", v.text, q.text);
  field("author", v.author, q.author);
  field("email", v.email, q.email);
  field("address", v.address, q.address);
  field("domain", v.domain, q.domain);
  v.status = req.QueryParam("status");
  if (!v.status.empty()) {
    q.status = site::ParseStatus(v.status);
    if (!q.status) {
      v.error = "Status is published, held, spam or deleted; it was left out.";
      v.status.clear();
    }
  }
  ReadDays(req, v.since, v.until, q.since, q.until, v.error);
  v.searched = !req.query.empty();
  if (v.searched) {
    q.limit = kShown + 1;
    auto found = ctx.comment_store.SearchComments(q);
    if (!found.ok()) return respond(Private(StorageUnavailable(SiteFor(ctx, req))));
    v.more = static_cast<int64_t>(found->size()) > kShown;
    if (v.more) found->resize(kShown);
    std::map<int64_t, site::Article> articles;
    for (site::Comment& c : *found) v.results.push_back(ItemOf(ctx, std::move(c), articles));
  }
  respond(Private(HtmlResponse(200, render::RenderSearchPage(SiteFor(ctx, req), v))));
}

void AuditPage(Context& ctx, http::Request& req, http::Respond respond) {
  auto member = RequireMember(ctx, req, nullptr, respond);
  if (!member) return;
  constexpr int64_t kShown = 200;
  render::AuditView view;
  view.staff_name = member->name;
  view.role = member->role;
  view.form_token = StaffFormToken(ctx, req);
  view.actor = req.QueryParam("actor");
  view.action = req.QueryParam("action");
  view.target = req.QueryParam("target");
  site::AuditQuery q{view.actor, view.action, view.target, 0, 0, kShown + 1};
  ReadDays(req, view.since, view.until, q.since, q.until, view.error);
  auto entries = ctx.audit.ListAudit(q);
  if (!entries.ok()) return respond(Private(StorageUnavailable(SiteFor(ctx, req))));
  view.more = static_cast<int64_t>(entries->size()) > kShown;
  if (view.more) entries->resize(kShown);
  view.entries = std::move(entries).value();
  http::Response r = HtmlResponse(view.error.empty() ? 200 : 400,
                                  render::RenderAuditPage(SiteFor(ctx, req), view));
  respond(Private(std::move(r)));
}

render::BansView BansViewFor(Context& ctx, const http::Request& req, const site::Staff& member) {
  render::BansView view;
  view.staff_name = member.name;
  view.role = member.role;
  view.form_token =
      ctx.newsroom.sessions().FormToken(req.Cookie(moderation::StaffSessions::kCookie));
  view.now = std::time(nullptr);
  return view;
}

// The bans page, with `view`'s form and messages; 503 when the list cannot be read.
http::Response BansPageWith(Context& ctx, const render::SiteInfo& site, render::BansView view,
                            int status) {
  auto bans = ctx.newsroom.Bans();
  if (!bans.ok()) return Private(StorageUnavailable(site));
  view.bans = std::move(bans).value();
  return Private(HtmlResponse(status, render::RenderBansPage(site, view)));
}

void BansPage(Context& ctx, http::Request& req, http::Respond respond) {
  auto member = RequireMember(ctx, req, nullptr, respond);
  if (!member) return;
  render::SiteInfo site = SiteFor(ctx, req);
  render::BansView view = BansViewFor(ctx, req, *member);
  if (req.QueryParam("done") == "added") view.notice = "The ban is in force.";
  if (req.QueryParam("done") == "lifted") view.notice = "The ban is lifted.";
  respond(BansPageWith(ctx, site, std::move(view), 200));
}

void AddBan(Context& ctx, http::Request& req, http::Respond respond) {
  FormMap fields = NewsroomForm(req);
  auto member = RequireMember(ctx, req, &fields, respond);
  if (!member) return;
  render::SiteInfo site = SiteFor(ctx, req);
  render::BansView view = BansViewFor(ctx, req, *member);
  view.kind = fields["kind"];
  view.pattern = fields["pattern"];
  view.reason = fields["reason"];
  view.days = fields["days"];
  site::Ban ban;
  std::optional<site::BanKind> kind = site::ParseBanKind(view.kind);
  std::optional<int64_t> days =
      view.days.empty() ? std::optional<int64_t>(0) : ParseWhole(view.days);
  if (!kind) {
    view.error = "Choose what kind of ban this is.";
  } else if (!days || *days < 0 || *days > 36500) {
    view.error = "Days is a whole number from 0 (until lifted) to 36500.";
  }
  if (!view.error.empty()) return respond(BansPageWith(ctx, site, std::move(view), 400));
  ban.kind = *kind;
  ban.pattern = view.pattern;
  ban.reason = view.reason;
  ban.expires_at = *days > 0 ? view.now + *days * 86400 : 0;
  auto task = [&ctx, site, by = *member, from = req.remote_addr, ban = std::move(ban),
               view = std::move(view), respond]() mutable {
    auto added = ctx.newsroom.AddBan(by, from, std::move(ban), std::time(nullptr));
    if (added.ok()) return respond(Private(Redirect(303, "/newsroom/bans?done=added")));
    if (added.status().code() != Code::kInvalidArgument) {
      return respond(Private(StorageUnavailable(site)));
    }
    view.error = added.status().message();
    view.error[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(view.error[0])));
    view.error += ".";
    respond(BansPageWith(ctx, site, std::move(view), 400));
  };
  if (!ctx.newsroom.Submit(std::move(task))) respond(Busy(SiteFor(ctx, req)));
}

void LiftBan(Context& ctx, http::Request& req, int64_t id, http::Respond respond) {
  FormMap fields = NewsroomForm(req);
  auto member = RequireMember(ctx, req, &fields, respond);
  if (!member) return;
  render::SiteInfo site = SiteFor(ctx, req);
  auto task = [&ctx, site, by = *member, from = req.remote_addr, id, respond]() {
    Status st = ctx.newsroom.RemoveBan(by, from, id, std::time(nullptr));
    if (st.ok()) return respond(Private(Redirect(303, "/newsroom/bans?done=lifted")));
    respond(st.code() == Code::kNotFound ? Private(ErrorPage(site, 404, "There is no such ban."))
                                         : Private(StorageUnavailable(site)));
  };
  if (!ctx.newsroom.Submit(std::move(task))) respond(Busy(SiteFor(ctx, req)));
}

void DecideComment(Context& ctx, http::Request& req, int64_t id, http::Respond respond) {
  FormMap fields = NewsroomForm(req);
  auto member = RequireMember(ctx, req, &fields, respond);
  if (!member) return;
  render::SiteInfo site = SiteFor(ctx, req);
  std::string show = fields["show"] == "reported"
                         ? std::string("reported")
                         : std::string(site::StatusName(Tab(fields["show"])));
  std::optional<int64_t> edited = ParseWhole(fields["seen_edit"]);
  if (!edited) {
    return respond(Private(ErrorPage(ctx, req, 400,
                                     "The form did not say which version of the "
                                     "comment your page showed; please reload it.")));
  }
  moderation::SeenComment seen{fields["seen"], *edited};
  auto task = [&ctx, site, by = *member, from = req.remote_addr, id, decision = fields["decision"],
               seen, show, respond]() mutable {
    Result<std::vector<site::Comment>> changed = Unavailable("not decided");
    try {
      changed = ctx.newsroom.Decide(by, from, id, decision, seen, std::time(nullptr));
    } catch (const std::exception& e) {
      changed = Unavailable(std::string("The decision failed: ") + e.what());
    }
    if (!changed.ok()) {
      Code code = changed.status().code();
      // A failure after some statuses changed (the model could not be saved,
      // a campaign stopped half-way) must not leave their pages stale.
      if (code != Code::kNotFound && code != Code::kInvalidArgument &&
          code != Code::kFailedPrecondition) {
        ctx.cache.InvalidateAll();
      }
      int status = code == Code::kNotFound             ? 404
                   : code == Code::kInvalidArgument    ? 400
                   : code == Code::kFailedPrecondition ? 409
                                                       : 503;
      return respond(Private(status == 503 ? StorageUnavailable(site)
                                           : ErrorPage(site, status, changed.status().message())));
    }
    for (const site::Comment& c : *changed) CommentChanged(ctx, c);
    ++decisions_made;
    std::string back = show == "reported" ? std::string("/newsroom/reports?")
                                          : fmt::format("/newsroom/queue?show={}&", show);
    respond(Private(
        Redirect(303, fmt::format("{}done={}&id={}&n={}", back, decision, id, changed->size()))));
  };
  if (!ctx.newsroom.Submit(std::move(task))) respond(Busy(SiteFor(ctx, req)));
}

// Takes back a campaign takedown (the newest campaign decision on comment `id`).
void UndoCampaignDecision(Context& ctx, http::Request& req, int64_t id, http::Respond respond) {
  FormMap fields = NewsroomForm(req);
  auto member = RequireMember(ctx, req, &fields, respond);
  if (!member) return;
  render::SiteInfo site = SiteFor(ctx, req);
  auto task = [&ctx, site, by = *member, from = req.remote_addr, id, respond]() {
    auto back = ctx.newsroom.UndoCampaignOf(by, from, id, std::time(nullptr));
    if (!back.ok()) {
      if (back.status().code() == Code::kNotFound) {
        return respond(Private(ErrorPage(site, 404, "No campaign was decided on this comment.")));
      }
      ctx.cache.InvalidateAll();  // some may have changed before the failure
      return respond(Private(StorageUnavailable(site)));
    }
    for (const site::Comment& c : *back) CommentChanged(ctx, c);
    ++decisions_made;
    respond(Private(Redirect(
        303, fmt::format("/newsroom/queue?show=held&done=undo&id={}&n={}", id, back->size()))));
  };
  if (!ctx.newsroom.Submit(std::move(task))) respond(Busy(SiteFor(ctx, req)));
}

// One decision on the comments selected on a queue page (form "bulk"): each
// "c" is "id:status:edited_at" as the page showed it; a comment that changed
// since is left alone (and counted), as a single decision would refuse it.
void DecideBulk(Context& ctx, http::Request& req, http::Respond respond) {
  constexpr size_t kMaxBulk = 200;
  FormMap fields = NewsroomForm(req);
  auto member = RequireMember(ctx, req, &fields, respond);
  if (!member) return;
  render::SiteInfo site = SiteFor(ctx, req);
  std::string show(site::StatusName(Tab(fields["show"])));
  std::string decision = fields["decision"];
  if (decision == "campaign" || decision.empty()) {
    return respond(Private(ErrorPage(ctx, req, 400,
                                     "Choose approve, spam, restore or delete; "
                                     "campaigns are decided one at a time.")));
  }
  std::vector<std::pair<int64_t, moderation::SeenComment>> picked;
  for (auto& [k, v] : http::ParseForm(req.body)) {
    if (k != "c") continue;
    size_t a = v.find(':'), b = a == std::string::npos ? a : v.find(':', a + 1);
    std::optional<int64_t> id, edited;
    if (b != std::string::npos) {
      id = ParsePositive(std::string_view(v).substr(0, a));
      edited = ParseWhole(std::string_view(v).substr(b + 1));
    }
    if (!id || !edited) {
      return respond(Private(ErrorPage(ctx, req, 400,
                                       "A selected comment was not one the page showed; "
                                       "please reload it.")));
    }
    picked.push_back({*id, moderation::SeenComment{v.substr(a + 1, b - a - 1), *edited}});
  }
  if (picked.empty()) return respond(Private(Redirect(303, "/newsroom/queue?show=" + show)));
  if (picked.size() > kMaxBulk) {
    return respond(
        Private(ErrorPage(ctx, req, 400,
                          SiteFor(ctx, req).F("At most {n} comments at once.",
                                              {{"n", static_cast<int64_t>(kMaxBulk)}}))));
  }
  auto task = [&ctx, site, by = *member, from = req.remote_addr, decision,
               picked = std::move(picked), show, respond]() mutable {
    int64_t done = 0, skipped = 0;
    bool failed = false;
    for (const auto& [id, seen] : picked) {
      Result<std::vector<site::Comment>> changed = Unavailable("not decided");
      try {
        changed = ctx.newsroom.Decide(by, from, id, decision, seen, std::time(nullptr));
      } catch (const std::exception& e) {
        changed = Unavailable(e.what());
      }
      if (changed.ok()) {
        for (const site::Comment& c : *changed) CommentChanged(ctx, c);
        ++done;
        continue;
      }
      Code code = changed.status().code();
      if (code == Code::kInvalidArgument) {
        return respond(Private(ErrorPage(site, 400, changed.status().message())));
      }
      if (code == Code::kFailedPrecondition || code == Code::kNotFound) {
        ++skipped;
        continue;
      }
      failed = true;  // the store: stop, and say how far it got
      break;
    }
    ++decisions_made;
    if (failed) {
      ctx.cache.InvalidateAll();
      return respond(Private(StorageUnavailable(site)));
    }
    respond(
        Private(Redirect(303, fmt::format("/newsroom/queue?show={}&done=bulk-{}&n={}&skipped={}",
                                          show, decision, done, skipped))));
  };
  if (!ctx.newsroom.Submit(std::move(task))) respond(Busy(SiteFor(ctx, req)));
}

}  // namespace

RouteTable NewsroomRoutes(Context& ctx) {
  auto error = [&ctx](int status, const std::string& detail) {
    return Private(ErrorPage(ctx, status, detail));
  };
  RouteTable t(error, "There is no newsroom page at this address.");
  using Args = const PathArgs&;
  using R = http::Request&;
  using Out = http::Respond;
  // Home is the first page the member's role may use.
  auto home = [&ctx](R req, Args, Out respond) {
    auto member =
        ctx.newsroom.Member(req.Cookie(moderation::StaffSessions::kCookie), std::time(nullptr));
    bool editor = member && !site::MayModerate(member->role);
    respond(Private(Redirect(303, editor ? "/newsroom/articles" : "/newsroom/queue")));
  };
  t.Add("/newsroom").Get(home);
  t.Add("/newsroom/").Get(home);
  t.Add("/newsroom/sign-in")
      .Get([&ctx](R req, Args, Out respond) { SignInPage(ctx, req, respond); })
      .Post([&ctx](R req, Args, Out respond) { SignIn(ctx, req, respond); });
  t.Add("/newsroom/sign-out").Post([&ctx](R req, Args, Out respond) {
    SignOut(ctx, req, respond);
  });
  t.Add("/newsroom/queue").Get([&ctx](R req, Args, Out respond) { QueuePage(ctx, req, respond); });
  t.Add("/newsroom/reports").Get([&ctx](R req, Args, Out respond) {
    ReportsPage(ctx, req, respond);
  });
  t.Add("/newsroom/comments/{id}").Post([&ctx](R req, Args a, Out respond) {
    DecideComment(ctx, req, a.id, respond);
  });
  t.Add("/newsroom/bulk").Post([&ctx](R req, Args, Out respond) { DecideBulk(ctx, req, respond); });
  t.Add("/newsroom/comments/{id}/undo-campaign").Post([&ctx](R req, Args a, Out respond) {
    UndoCampaignDecision(ctx, req, a.id, respond);
  });
  t.Add("/newsroom/comments/{id}/campaign").Get([&ctx](R req, Args a, Out respond) {
    CampaignPreviewPage(ctx, req, a.id, respond);
  });
  t.Add("/newsroom/articles")
      .Get([&ctx](R req, Args, Out respond) { ArticleListPage(ctx, req, respond); })
      .Post([&ctx](R req, Args, Out respond) { SaveArticle(ctx, req, 0, respond); });
  t.Add("/newsroom/articles/new").Get([&ctx](R req, Args, Out respond) {
    NewArticlePage(ctx, req, respond);
  });
  t.Add("/newsroom/articles/{id}")
      .Get([&ctx](R req, Args a, Out respond) { ArticleEditorPage(ctx, req, a.id, respond); })
      .Post([&ctx](R req, Args a, Out respond) { SaveArticle(ctx, req, a.id, respond); });
  if (ctx.staff) {
    t.Add("/newsroom/staff")
        .Get([&ctx](R req, Args, Out respond) { StaffPage(ctx, req, respond); })
        .Post([&ctx](R req, Args, Out respond) { AddStaffMember(ctx, req, respond); });
    t.Add("/newsroom/staff/{id}").Post([&ctx](R req, Args a, Out respond) {
      ChangeStaffMember(ctx, req, a.id, respond);
    });
  }
  t.Add("/newsroom/dashboard").Get([&ctx](R req, Args, Out respond) {
    DashboardPage(ctx, req, respond);
  });
  t.Add("/newsroom/search").Get([&ctx](R req, Args, Out respond) {
    SearchPage(ctx, req, respond);
  });
  t.Add("/newsroom/audit").Get([&ctx](R req, Args, Out respond) { AuditPage(ctx, req, respond); });
  t.Add("/newsroom/images")
      .Get([&ctx](R req, Args, Out respond) { ImagesPage(ctx, req, respond); })
      .Post([&ctx](R req, Args, Out respond) { UploadImage(ctx, req, respond); });
  t.Add("/newsroom/words")
      .Get([&ctx](R req, Args, Out respond) { WordListsPage(ctx, req, respond); })
      .Post([&ctx](R req, Args, Out respond) { SaveWordLists(ctx, req, respond); });
  t.Add("/newsroom/bans")
      .Get([&ctx](R req, Args, Out respond) { BansPage(ctx, req, respond); })
      .Post([&ctx](R req, Args, Out respond) { AddBan(ctx, req, respond); });
  t.Add("/newsroom/bans/{id}").Post([&ctx](R req, Args a, Out respond) {
    LiftBan(ctx, req, a.id, respond);
  });
  return t;
}

}  // namespace tribune::web
