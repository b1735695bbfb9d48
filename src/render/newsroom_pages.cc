#include "render/newsroom_pages.h"

#include <fmt/format.h>

#include "core/html.h"
#include "core/time_format.h"
#include "render/newsroom_frame.h"

namespace tribune::render {
namespace {


// A decision form on comment `c` as the page showed it (the decision applies
// only while the comment is still so); the caller adds the buttons.
void OpenDecideForm(std::string& out, const site::Comment& c, const std::string& form_token,
                    const std::string& show) {
  out += "<form class=\"decide\" method=\"post\" action=\"/newsroom/comments/" +
         std::to_string(c.id) + "\">\n<input type=\"hidden\" name=\"t\" value=\"";
  html::AppendEscaped(out, form_token);
  out += "\">\n<input type=\"hidden\" name=\"show\" value=\"";
  html::AppendEscaped(out, show);
  out += "\">\n<input type=\"hidden\" name=\"seen\" value=\"";
  out += site::StatusName(c.status);
  out += "\">\n<input type=\"hidden\" name=\"seen_edit\" value=\"" +
         std::to_string(c.edited_at) + "\">\n";
}

struct Tab {
  const char* show;
  const char* label;
};
constexpr Tab kTabs[] = {{"held", "Held for moderation"},
                         {"spam", "Spam (last 7 days)"},
                         {"published", "Published (last 7 days)"},
                         {"deleted", "Deleted (last 7 days)"}};

std::string_view LabelOf(std::string_view decision) {
  if (decision == "approve") return "Approve";
  if (decision == "spam") return "Spam";
  if (decision == "campaign") return "Spam, with its campaign";
  if (decision == "restore") return "Not spam: publish";
  if (decision == "delete") return "Delete";
  return decision;
}

// One comment's header line and text, without decision buttons.
void AppendSummary(std::string& out, const QueueItem& item) {
  const site::Comment& c = item.comment;
  out += "<li><b>Comment " + std::to_string(c.id) + "</b> (";
  out += site::StatusName(c.status);
  out += ") by <span class=\"author\">";
  html::AppendEscaped(out, c.author);
  out += "</span> \u00b7 <time datetime=\"" + timefmt::Iso8601(c.created_at) + "\">" +
         timefmt::CommentDate(c.created_at) + "</time> \u00b7 on ";
  html::AppendEscaped(out, item.article_title);
  out += "<br><q>";
  std::string text = c.body_text.size() > 300 ? c.body_text.substr(0, 300) : c.body_text;
  while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
  if (text.size() < c.body_text.size() && !text.empty()) text.pop_back();
  html::AppendEscaped(out, text);
  if (text.size() < c.body_text.size()) out += "\u2026";
  out += "</q></li>\n";
}

void AppendItem(std::string& out, const QueueItem& item, const QueueView& view) {
  const site::Comment& c = item.comment;
  std::string id = std::to_string(c.id);
  out += "<article class=\"queue-item\" id=\"q" + id + "\">\n<header class=\"queue-meta\">";
  // Selected for the bulk form at the top of the page (form="bulk"): the
  // value carries what the page showed, as a single decision does.
  if (site::ParseStatus(view.show)) {  // a tab of one status has the bulk form
    out += fmt::format("<label class=\"select\"><input type=\"checkbox\" name=\"c\" form=\"bulk\" "
                       "value=\"{}:{}:{}\"> Select</label> ",
                       c.id, site::StatusName(c.status), c.edited_at);
  }
  if (!site::ParseStatus(view.show)) {  // reported comments are of any status
    out += fmt::format("<span class=\"status\">{}</span> ", site::StatusName(c.status));
  }
  out += "<b>Comment " + id + "</b> by <span class=\"author\">";
  html::AppendEscaped(out, c.author);
  out += "</span>";
  if (!c.email.empty()) {
    out += " &lt;";
    html::AppendEscaped(out, c.email);
    out += "&gt;";
  }
  out += " \u00b7 <time datetime=\"" + timefmt::Iso8601(c.created_at) + "\">" +
         timefmt::CommentDate(c.created_at) + "</time>";
  if (!c.ip.empty()) {
    out += " \u00b7 ";
    html::AppendEscaped(out, c.ip);
  }
  out += " \u00b7 on <a href=\"";
  html::AppendEscaped(out, item.article_path);
  out += "\">";
  html::AppendEscaped(out, item.article_title);
  out += "</a>";
  if (c.edited_at != 0) out += " \u00b7 edited";
  if (!c.moderator_label.empty()) {
    out += " \u00b7 a moderator said ";
    html::AppendEscaped(out, c.moderator_label);
  }
  out += "</header>\n";
  const site::Screening& s = c.screening;
  out += "<p class=\"verdict\">Filter: <strong class=\"verdict-";
  html::AppendEscaped(out, s.action.empty() ? "none" : s.action);
  out += "\">";
  html::AppendEscaped(out, s.action.empty() ? "not screened" : s.action);
  out += fmt::format("</strong>, score {:.2f}", s.score);
  if (!s.model_version.empty()) {
    out += " \u00b7 model ";
    html::AppendEscaped(out, s.model_version);
  }
  out += "</p>\n";
  if (!item.reports.empty()) {
    out += "<div class=\"reports\"><p><strong>Reported by " + std::to_string(item.reports.size()) +
           (item.reports.size() == 1 ? " reader" : " readers") + "</strong></p><ul>";
    for (const site::Report& r : item.reports) {
      out += "<li>";
      html::AppendEscaped(out, r.reason);
      if (!r.details.empty()) {
        out += ": ";
        html::AppendEscaped(out, r.details);
      }
      out += " <time datetime=\"" + timefmt::Iso8601(r.created_at) + "\">" +
             timefmt::CommentDate(r.created_at) + "</time></li>";
    }
    out += "</ul></div>\n";
  }
  if (!item.reasons.empty()) {
    out += "<table class=\"reasons\">\n<thead><tr><th scope=\"col\">Reason</th>"
           "<th scope=\"col\">Score</th><th scope=\"col\">Evidence</th></tr></thead>\n<tbody>\n";
    for (const ReasonRow& r : item.reasons) {
      out += "<tr><td><code>";
      html::AppendEscaped(out, r.symbol);
      out += fmt::format("</code></td><td class=\"score\">{:+.2f}</td><td>", r.score);
      html::AppendEscaped(out, r.evidence);
      out += "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  // The text as written, BBCode and all: links are shown, never followed.
  // A newline right after <pre> is dropped by parsers: one of our own keeps
  // the text's first line break.
  out += "<pre class=\"comment-source\">\n";
  html::AppendEscaped(out, c.body_source);
  out += "</pre>\n";
  OpenDecideForm(out, c, view.form_token, view.show);
  for (std::string_view value : site::ModerationChoices(c.status)) {
    if (value == "campaign") continue;  // shown first, confirmed on the preview page
    out += fmt::format("<button type=\"submit\" name=\"decision\" value=\"{}\">{}</button>\n",
                       value, LabelOf(value));
  }
  out += "</form>\n";
  for (std::string_view value : site::ModerationChoices(c.status)) {
    if (value != "campaign") continue;
    out += fmt::format("<p class=\"campaign-link\"><a href=\"/newsroom/comments/{}/campaign?show={}\">"
                       "{}: see what it takes down first</a></p>\n",
                       id, view.show, LabelOf(value));
  }
  out += "</article>\n";
}

void AppendActivity(std::string& out, const FilterActivity& a) {
  out += fmt::format("<section class=\"filter-activity\" aria-labelledby=\"fa-title\">\n"
                     "<h2 id=\"fa-title\">The filter, last {} days</h2>\n", a.days);
  if (a.screened == 0) {
    out += "<p>No comments screened.</p>\n</section>\n";
    return;
  }
  auto pct = [&](int64_t n) { return fmt::format("{:.1f}%", 100.0 * n / a.screened); };
  out += fmt::format(
      "<p>{}{} comments screened: {} published ({}), {} held ({}), {} spam ({}), {} discarded "
      "({}).</p>\n",
      a.partial ? "The newest " : "", a.screened, a.publish, pct(a.publish), a.hold, pct(a.hold),
      a.spam, pct(a.spam), a.discard, pct(a.discard));
  out += fmt::format(
      "<p>Moderators disagreed {} times: {} held comments approved, {} spam restored, {} "
      "published comments marked spam.</p>\n",
      a.holds_approved + a.spam_restored + a.published_spam, a.holds_approved, a.spam_restored,
      a.published_spam);
  if (!a.top_reasons.empty()) {
    out += "<p>Most frequent reasons for not publishing: ";
    for (size_t i = 0; i < a.top_reasons.size(); ++i) {
      if (i) out += ", ";
      out += "<code>";
      html::AppendEscaped(out, a.top_reasons[i].first);
      out += "</code> " + std::to_string(a.top_reasons[i].second);
    }
    out += ".</p>\n";
  }
  out += "</section>\n";
}

}  // namespace

std::string RenderSignInPage(const SiteInfo& site, const std::string& name,
                             const std::string& error) {
  std::string out;
  OpenPage(out, site, {"Newsroom sign-in", "", "", "", "", "", "", 0});
  out += "<section class=\"newsroom sign-in\">\n<h1>Newsroom sign-in</h1>\n";
  AppendMessage(out, "form-error", error);
  out += "<form method=\"post\" action=\"/newsroom/sign-in\">\n"
         "<p><label for=\"sn-name\">Name</label> <input id=\"sn-name\" name=\"name\" "
         "autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\" required "
         "value=\"";
  html::AppendEscaped(out, name);
  out += "\"></p>\n<p><label for=\"sn-password\">Password</label> <input id=\"sn-password\" "
         "name=\"password\" type=\"password\" autocomplete=\"current-password\" required></p>\n"
         "<p><button type=\"submit\">Sign in</button></p>\n</form>\n"
         "<p class=\"hint\">Accounts are made by the site's operator: "
         "<code>tribune staff add NAME</code>.</p>\n</section>\n";
  ClosePage(out, site);
  return out;
}

std::string RenderQueuePage(const SiteInfo& site, const QueueView& view) {
  std::string out;
  bool reported = view.show == "reported";
  OpenStaffPage(out, site, reported ? "Reported comments" : "Moderation", "queue", view.staff_name,
                view.role, view.form_token, reported ? "/newsroom/reports" : "/newsroom/queue");
  out += "<nav class=\"queue-tabs\" aria-label=\"Queue tabs\">";
  for (const Tab& t : kTabs) {
    bool current = view.show == t.show;
    out += fmt::format(" <a href=\"/newsroom/queue?show={}\"{}>{}</a>", t.show,
                       current ? " aria-current=\"page\"" : "", t.label);
  }
  out += fmt::format(" <a href=\"/newsroom/reports\"{}>Reported by readers (last 30 days)</a>",
                     view.show == "reported" ? " aria-current=\"page\"" : "");
  out += "</nav>\n";
  AppendActivity(out, view.activity);
  AppendMessage(out, "notice-ok", view.notice);
  if (view.undo_campaign > 0) {
    out += fmt::format("<form class=\"undo\" method=\"post\" "
                       "action=\"/newsroom/comments/{}/undo-campaign\">"
                       "<input type=\"hidden\" name=\"t\" value=\"",
                       view.undo_campaign);
    html::AppendEscaped(out, view.form_token);
    out += "\"><button type=\"submit\">Undo this takedown</button> <span class=\"hint\">every "
           "comment it marked goes back to what it was, and the filter un-learns them</span>"
           "</form>\n";
  }
  if (view.items.empty()) {
    out += "<p class=\"empty\">Nothing here.</p>\n";
  } else if (auto tab = site::ParseStatus(view.show)) {
    // One decision on every selected comment (a campaign is decided one at a time).
    out += "<form id=\"bulk\" class=\"bulk\" method=\"post\" action=\"/newsroom/bulk\">"
           "<input type=\"hidden\" name=\"t\" value=\"";
    html::AppendEscaped(out, view.form_token);
    out += "\"><input type=\"hidden\" name=\"show\" value=\"";
    html::AppendEscaped(out, view.show);
    out += "\"><span>The selected comments:</span> ";
    for (std::string_view value : site::ModerationChoices(*tab)) {
      if (value == "campaign") continue;
      out += fmt::format("<button type=\"submit\" name=\"decision\" value=\"{}\">{}</button> ",
                         value, LabelOf(value));
    }
    out += "</form>\n";
  }
  for (const QueueItem& item : view.items) AppendItem(out, item, view);
  out += "</section>\n";
  ClosePage(out, site);
  return out;
}

}  // namespace tribune::render

namespace tribune::render {

std::string RenderCampaignPreviewPage(const SiteInfo& site, const CampaignPreview& p) {
  std::string out;
  const site::Comment& c = p.decided.comment;
  std::string id = std::to_string(c.id);
  OpenPage(out, site, {"Campaign of comment " + id, "", "", "", "", "", "", 0});
  out += "<section class=\"newsroom campaign-preview\">\n<h1>Comment " + id +
         " and its campaign</h1>\n<p>Marking this comment spam with its campaign marks spam, with "
         "it, every published or held comment of the last " +
         std::to_string(p.days) +
         " days that shares a telephone number, link domain, handle or address with it, or that "
         "was spun from its text (and, round by round, from the texts so taken).</p>\n<ol>\n";
  AppendSummary(out, p.decided);
  out += "</ol>\n";
  if (p.members.empty()) {
    out += "<p>No other comment would go with it.</p>\n";
  } else {
    out += "<h2>" + std::to_string(p.members.size()) + " more comments would be marked spam</h2>\n<ol>\n";
    for (const QueueItem& m : p.members) AppendSummary(out, m);
    out += "</ol>\n";
  }
  OpenDecideForm(out, c, p.form_token, p.show);
  out += "<button type=\"submit\" name=\"decision\" value=\"campaign\">Mark these " +
         std::to_string(p.members.size() + 1) + " comments spam</button>\n";
  out += "<a href=\"/newsroom/queue?show=";
  html::AppendEscaped(out, p.show);
  out += "\">Back to the queue</a>\n</form>\n</section>\n";
  ClosePage(out, site);
  return out;
}

namespace {

void AppendFilterField(std::string& out, const char* name, const char* label,
                       const std::string& value, const char* type = "text") {
  out += fmt::format(
      "<p class=\"field\"><label for=\"audit-{0}\">{1}</label> <input id=\"audit-{0}\" "
      "name=\"{0}\" type=\"{2}\" value=\"",
      name, label, type);
  html::AppendEscaped(out, value);
  out += "\"></p>\n";
}


void AppendCell(std::string& out, const std::string& text) {
  out += "<td>";
  html::AppendEscaped(out, text);
  out += "</td>";
}

}  // namespace

std::string RenderAuditPage(const SiteInfo& site, const AuditView& v) {
  std::string out;
  OpenStaffPage(out, site, "Audit log", "audit", v.staff_name, v.role, v.form_token,
                "/newsroom/audit");
  out += "<form class=\"audit-filter\" method=\"get\" action=\"/newsroom/audit\">\n";
  AppendFilterField(out, "actor", "Who (a name, or cli:USER)", v.actor);
  AppendFilterField(out, "action", "What (e.g. comment.spam; comment. for every comment action)",
                    v.action);
  AppendFilterField(out, "target", "On (e.g. comment 42, staff nino, article 7)", v.target);
  AppendFilterField(out, "since", "From the day", v.since, "date");
  AppendFilterField(out, "until", "To the day", v.until, "date");
  out += "<p><button type=\"submit\">Show</button></p>\n</form>\n";
  AppendMessage(out, "notice-error", v.error);
  if (v.entries.empty()) {
    out += "<p class=\"empty\">Nothing here.</p>\n";
  } else {
    out +=
        "<table class=\"audit-log\">\n<thead><tr><th scope=\"col\">When</th>"
        "<th scope=\"col\">Who</th><th scope=\"col\">What</th><th scope=\"col\">On</th>"
        "<th scope=\"col\">From</th><th scope=\"col\">Before</th>"
        "<th scope=\"col\">After</th></tr></thead>\n<tbody>\n";
    for (const site::AuditEntry& e : v.entries) {
      out += "<tr><td><time datetime=\"" + timefmt::Iso8601(e.at) + "\">" +
             timefmt::CommentDate(e.at) + "</time></td>";
      AppendCell(out, e.actor);
      AppendCell(out, e.action);
      AppendCell(out, e.target);
      AppendCell(out, e.from);
      AppendCell(out, e.before);
      AppendCell(out, e.after);
      out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
    if (v.more)
      out += "<p>Only the newest entries are shown: narrow the filter to see older ones.</p>\n";
  }
  out += "</section>\n";
  ClosePage(out, site);
  return out;
}

std::string RenderBansPage(const SiteInfo& site, const BansView& v) {
  std::string out;
  OpenStaffPage(out, site, "Bans", "bans", v.staff_name, v.role, v.form_token, "/newsroom/bans");
  out += "<p>A post a ban covers gets "
         "the ordinary answer, so its sender learns nothing, and is stored as spam with the ban "
         "as its reason.</p>\n";
  AppendMessage(out, "notice-ok", v.notice);
  out += "<h2>Add a ban</h2>\n";
  AppendMessage(out, "notice-error", v.error);
  out += "<form class=\"ban-add\" method=\"post\" action=\"/newsroom/bans\">\n"
         "<input type=\"hidden\" name=\"t\" value=\"";
  html::AppendEscaped(out, v.form_token);
  out += "\">\n<p class=\"field\"><label for=\"ban-kind\">Kind</label> <select id=\"ban-kind\" "
         "name=\"kind\">";
  constexpr const char* kKinds[][2] = {{"address", "Address or range (203.0.113.0/24)"},
                                       {"email", "E-mail, or @domain"},
                                       {"name", "Name pattern (* for any text)"},
                                       {"domain", "Link domain"}};
  for (const auto& k : kKinds) {
    out += fmt::format("<option value=\"{}\"{}>{}</option>", k[0],
                       v.kind == k[0] ? " selected" : "", k[1]);
  }
  out += "</select></p>\n";
  AppendFilterField(out, "pattern", "Pattern", v.pattern);
  AppendFilterField(out, "reason", "Reason", v.reason);
  AppendFilterField(out, "days", "Days (0 or empty: until lifted)", v.days, "number");
  out += "<p><button type=\"submit\">Ban</button></p>\n</form>\n<h2>Bans</h2>\n";
  if (v.bans.empty()) {
    out += "<p class=\"empty\">No bans.</p>\n";
  } else {
    out += "<table class=\"audit-log\">\n<thead><tr><th scope=\"col\">Kind</th>"
           "<th scope=\"col\">Pattern</th><th scope=\"col\">Reason</th><th scope=\"col\">By</th>"
           "<th scope=\"col\">Until</th><th scope=\"col\">Lift</th></tr></thead>\n<tbody>\n";
    for (const site::Ban& b : v.bans) {
      out += "<tr>";
      AppendCell(out, std::string(site::BanKindName(b.kind)));
      AppendCell(out, b.pattern);
      AppendCell(out, b.reason);
      AppendCell(out, b.created_by);
      out += "<td>";
      if (b.expires_at == 0) {
        out += "until lifted";
      } else {
        out += "<time datetime=\"" + timefmt::Iso8601(b.expires_at) + "\">" +
               timefmt::CommentDate(b.expires_at) + "</time>";
        if (!b.ActiveAt(v.now)) out += " (expired)";
      }
      out += fmt::format("</td><td><form method=\"post\" action=\"/newsroom/bans/{}\">"
                         "<input type=\"hidden\" name=\"t\" value=\"", b.id);
      html::AppendEscaped(out, v.form_token);
      out += fmt::format("\"><button type=\"submit\" aria-label=\"Lift ban {}\">Lift</button>"
                         "</form></td></tr>\n", b.id);
    }
    out += "</tbody>\n</table>\n";
  }
  out += "</section>\n";
  ClosePage(out, site);
  return out;
}

std::string RenderSearchPage(const SiteInfo& site, const SearchView& v) {
  std::string out;
  OpenStaffPage(out, site, "Search comments", "search", v.staff_name, v.role, v.form_token,
                "/newsroom/search");
  out += "<form class=\"comment-search\" method=\"get\" action=\"/newsroom/search\">\n";
  AppendFilterField(out, "text", "Words in the text", v.text);
  AppendFilterField(out, "author", "Name (or part of it)", v.author);
  AppendFilterField(out, "email", "E-mail address", v.email);
  AppendFilterField(out, "address", "IP address or its start (203.0.113.)", v.address);
  AppendFilterField(out, "domain", "Link domain (casino.example)", v.domain);
  out += "<p class=\"field\"><label for=\"audit-status\">Status</label> "
         "<select id=\"audit-status\" name=\"status\"><option value=\"\">any</option>";
  for (const char* s : {"published", "held", "spam", "deleted"}) {
    out += fmt::format("<option value=\"{0}\"{1}>{0}</option>", s, v.status == s ? " selected" : "");
  }
  out += "</select></p>\n";
  AppendFilterField(out, "since", "From the day", v.since, "date");
  AppendFilterField(out, "until", "To the day", v.until, "date");
  out += "<p><button type=\"submit\">Search</button></p>\n</form>\n";
  AppendMessage(out, "notice-error", v.error);
  if (v.searched) {
    if (v.results.empty()) {
      out += "<p class=\"empty\">No comment matches.</p>\n";
    } else {
      out += fmt::format("<p>{}{} found, newest first.</p>\n<ol class=\"search-results\">\n",
                         v.more ? "The first " : "", v.results.size());
      for (const QueueItem& item : v.results) AppendSummary(out, item);
      out += "</ol>\n";
    }
  }
  out += "</section>\n";
  ClosePage(out, site);
  return out;
}

}  // namespace tribune::render
