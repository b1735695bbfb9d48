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
  out += "\">\n<input type=\"hidden\" name=\"seen_edit\" value=\"" + std::to_string(c.edited_at) +
         "\">\n";
}

struct Tab {
  const char* show;
  const char* label;
};
constexpr Tab kTabs[] = {{"held", "Held for moderation"},           // i18n
                         {"spam", "Spam (last 7 days)"},            // i18n
                         {"published", "Published (last 7 days)"},  // i18n
                         {"deleted", "Deleted (last 7 days)"}};     // i18n

std::string LabelOf(const SiteInfo& site, std::string_view decision) {
  if (decision == "approve") return Tx(site, "Approve");
  if (decision == "spam") return Tx(site, "Spam");
  if (decision == "campaign") return Tx(site, "Spam, with its campaign");
  if (decision == "restore") return Tx(site, "Not spam: publish");
  if (decision == "delete") return Tx(site, "Delete");
  return std::string(decision);
}

// One comment's header line and text, without decision buttons.
void AppendSummary(std::string& out, const SiteInfo& site, const QueueItem& item) {
  const site::Comment& c = item.comment;
  out +=
      "<li>" + site.F("<b>Comment {id}</b> ({status}) by {name}", {{"id", c.id}},
                      {{"status", Tx(site, StatusLabel(site, site::StatusName(c.status)))},
                       {"name", "<span class=\"author\">" + html::Escape(c.author) + "</span>"}});
  out += " \u00b7 <time datetime=\"" + timefmt::Iso8601(c.created_at) + "\">" +
         site.Date(c.created_at) + "</time> \u00b7 " + Tx(site, "on") + " ";
  html::AppendEscaped(out, item.article_title);
  out += "<br><q>";
  std::string text = c.body_text.size() > 300 ? c.body_text.substr(0, 300) : c.body_text;
  while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
  if (text.size() < c.body_text.size() && !text.empty()) text.pop_back();
  html::AppendEscaped(out, text);
  if (text.size() < c.body_text.size()) out += "\u2026";
  out += "</q></li>\n";
}

void AppendItem(std::string& out, const SiteInfo& site, const QueueItem& item,
                const QueueView& view) {
  const site::Comment& c = item.comment;
  std::string id = std::to_string(c.id);
  out += "<article class=\"queue-item\" id=\"q" + id + "\">\n<header class=\"queue-meta\">";
  // Selected for the bulk form at the top of the page (form="bulk"): the
  // value carries what the page showed, as a single decision does.
  if (site::ParseStatus(view.show)) {  // a tab of one status has the bulk form
    out += fmt::format(
        "<label class=\"select\"><input type=\"checkbox\" name=\"c\" form=\"bulk\" "
        "value=\"{}:{}:{}\"> {}</label> ",
        c.id, site::StatusName(c.status), c.edited_at, Tx(site, "Select"));
  }
  if (!site::ParseStatus(view.show)) {  // reported comments are of any status
    out += fmt::format("<span class=\"status\">{}</span> ",
                       Tx(site, StatusLabel(site, site::StatusName(c.status))));
  }
  out += site.F("<b>Comment {id}</b> by {name}", {{"id", c.id}},
                {{"name", "<span class=\"author\">" + html::Escape(c.author) + "</span>"}});
  if (!c.email.empty()) {
    out += " &lt;";
    html::AppendEscaped(out, c.email);
    out += "&gt;";
  }
  out += " \u00b7 <time datetime=\"" + timefmt::Iso8601(c.created_at) + "\">" +
         site.Date(c.created_at) + "</time>";
  if (!c.ip.empty()) {
    out += " \u00b7 ";
    html::AppendEscaped(out, c.ip);
  }
  out += " \u00b7 " + Tx(site, "on") + " <a href=\"";
  html::AppendEscaped(out, item.article_path);
  out += "\">";
  html::AppendEscaped(out, item.article_title);
  out += "</a>";
  if (c.edited_at != 0) out += " \u00b7 " + Tx(site, "edited");
  if (!c.moderator_label.empty()) {
    out += " \u00b7 " + Tx(site, "a moderator said") + " ";
    html::AppendEscaped(out, StatusLabel(site, c.moderator_label));
  }
  out += "</header>\n";
  const site::Screening& s = c.screening;
  out += "<p class=\"verdict\">" + Tx(site, "Filter:") + " <strong class=\"verdict-";
  html::AppendEscaped(out, s.action.empty() ? "none" : s.action);
  out += "\">";
  html::AppendEscaped(out, s.action.empty() ? site.T("not screened") : ActionLabel(site, s.action));
  out += "</strong>, " + Tx(site, "score") + fmt::format(" {:.2f}", s.score);
  if (!s.model_version.empty()) {
    out += " \u00b7 " + Tx(site, "model") + " ";
    html::AppendEscaped(out, s.model_version);
  }
  out += "</p>\n";
  if (!item.reports.empty()) {
    out += "<div class=\"reports\"><p><strong>" +
           site.F("Reported by {n, plural, one {# reader} other {# readers}}",
                  {{"n", static_cast<int64_t>(item.reports.size())}}) +
           "</strong></p><ul>";
    for (const site::Report& r : item.reports) {
      out += "<li>";
      html::AppendEscaped(out, r.reason);
      if (!r.details.empty()) {
        out += ": ";
        html::AppendEscaped(out, r.details);
      }
      out += " <time datetime=\"" + timefmt::Iso8601(r.created_at) + "\">" +
             site.Date(r.created_at) + "</time></li>";
    }
    out += "</ul></div>\n";
  }
  if (!item.reasons.empty()) {
    out += "<table class=\"reasons\">\n<thead><tr><th scope=\"col\">" + Tx(site, "Reason") +
           "</th><th scope=\"col\">" + Tx(site, "Score") + "</th><th scope=\"col\">" +
           Tx(site, "Evidence") + "</th></tr></thead>\n<tbody>\n";
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
                       value, LabelOf(site, value));
  }
  out += "</form>\n";
  for (std::string_view value : site::ModerationChoices(c.status)) {
    if (value != "campaign") continue;
    out += fmt::format(
        "<p class=\"campaign-link\"><a href=\"/newsroom/comments/{}/campaign?show={}\">"
        "{}: {}</a></p>\n",
        id, view.show, LabelOf(site, value), Tx(site, "see what it takes down first"));
  }
  out += "</article>\n";
}

void AppendActivity(std::string& out, const SiteInfo& site, const FilterActivity& a) {
  out +=
      "<section class=\"filter-activity\" aria-labelledby=\"fa-title\">\n"
      "<h2 id=\"fa-title\">" +
      site.F("The filter, last {days, plural, one {# day} other {# days}}", {{"days", a.days}}) +
      "</h2>\n";
  if (a.screened == 0) {
    out += "<p>" + Tx(site, "No comments screened.") + "</p>\n</section>\n";
    return;
  }
  auto pct = [&](int64_t n) { return fmt::format("{:.1f}%", 100.0 * n / a.screened); };
  std::string p1 = pct(a.publish), p2 = pct(a.hold), p3 = pct(a.spam), p4 = pct(a.discard);
  std::initializer_list<std::pair<std::string_view, int64_t>> numbers = {{"n", a.screened},
                                                                         {"published", a.publish},
                                                                         {"held", a.hold},
                                                                         {"spam", a.spam},
                                                                         {"discarded", a.discard}};
  std::initializer_list<std::pair<std::string_view, std::string_view>> shares = {
      {"p1", p1}, {"p2", p2}, {"p3", p3}, {"p4", p4}};
  out += "<p>";
  if (a.partial) {
    out += site.F(
        "The newest {n} comments screened: {published} published ({p1}), {held} held "
        "({p2}), {spam} spam ({p3}), {discarded} discarded ({p4}).",
        numbers, shares);
  } else {
    out += site.F(
        "{n} comments screened: {published} published ({p1}), {held} held ({p2}), "
        "{spam} spam ({p3}), {discarded} discarded ({p4}).",
        numbers, shares);
  }
  out += "</p>\n";
  out += "<p>" +
         site.F(
             "Moderators disagreed {n} times: {approved} held comments approved, {restored} "
             "spam restored, {marked} published comments marked spam.",
             {{"n", a.holds_approved + a.spam_restored + a.published_spam},
              {"approved", a.holds_approved},
              {"restored", a.spam_restored},
              {"marked", a.published_spam}}) +
         "</p>\n";
  if (!a.top_reasons.empty()) {
    out += "<p>" + Tx(site, "Most frequent reasons for not publishing:") + " ";
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
  std::string title = site.T("Newsroom sign-in");
  OpenPage(out, site, {title, "", "", "", "", "", "", 0});
  out += "<section class=\"newsroom sign-in\">\n<h1>";
  html::AppendEscaped(out, title);
  out += "</h1>\n";
  AppendMessage(out, site, "form-error", error);
  out +=
      "<form method=\"post\" action=\"/newsroom/sign-in\">\n"
      "<p><label for=\"sn-name\">" +
      Tx(site, "Name") +
      "</label> <input id=\"sn-name\" name=\"name\" "
      "autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\" required "
      "value=\"";
  html::AppendEscaped(out, name);
  out +=
      "\"></p>\n<p><label for=\"sn-password\">" + Tx(site, "Password") +
      "</label> <input id=\"sn-password\" "
      "name=\"password\" type=\"password\" autocomplete=\"current-password\" required></p>\n"
      "<p><button type=\"submit\">" +
      Tx(site, "Sign in") +
      "</button></p>\n</form>\n"
      "<p class=\"hint\">" +
      site.T(
          "Accounts are made by the site\u2019s operator: <code>tribune staff add NAME</code>.") +
      "</p>\n</section>\n";
  ClosePage(out, site);
  return out;
}

std::string RenderQueuePage(const SiteInfo& site, const QueueView& view) {
  std::string out;
  bool reported = view.show == "reported";
  OpenStaffPage(out, site, reported ? site.T("Reported comments") : site.T("Moderation"), "queue",
                view.staff_name, view.role, view.form_token,
                reported ? "/newsroom/reports" : "/newsroom/queue");
  out += "<nav class=\"queue-tabs\" aria-label=\"" + Tx(site, "Queue tabs") + "\">";
  for (const Tab& t : kTabs) {
    bool current = view.show == t.show;
    out += fmt::format(" <a href=\"/newsroom/queue?show={}\"{}>{}</a>", t.show,
                       current ? " aria-current=\"page\"" : "", Tx(site, t.label));
  }
  out += fmt::format(" <a href=\"/newsroom/reports\"{}>{}</a>",
                     view.show == "reported" ? " aria-current=\"page\"" : "",
                     Tx(site, "Reported by readers (last 30 days)"));
  out += "</nav>\n";
  AppendActivity(out, site, view.activity);
  AppendMessage(out, site, "notice-ok", view.notice);
  if (view.undo_campaign > 0) {
    out += fmt::format(
        "<form class=\"undo\" method=\"post\" "
        "action=\"/newsroom/comments/{}/undo-campaign\">"
        "<input type=\"hidden\" name=\"t\" value=\"",
        view.undo_campaign);
    html::AppendEscaped(out, view.form_token);
    out += "\"><button type=\"submit\">" + Tx(site, "Undo this takedown") +
           "</button> <span class=\"hint\">" +
           Tx(site,
              "every comment it marked goes back to what it was, and the filter un-learns "
              "them") +
           "</span></form>\n";
  }
  if (view.items.empty()) {
    out += "<p class=\"empty\">" + Tx(site, "Nothing here.") + "</p>\n";
  } else if (auto tab = site::ParseStatus(view.show)) {
    // One decision on every selected comment (a campaign is decided one at a time).
    out +=
        "<form id=\"bulk\" class=\"bulk\" method=\"post\" action=\"/newsroom/bulk\">"
        "<input type=\"hidden\" name=\"t\" value=\"";
    html::AppendEscaped(out, view.form_token);
    out += "\"><input type=\"hidden\" name=\"show\" value=\"";
    html::AppendEscaped(out, view.show);
    out += "\"><span>" + Tx(site, "The selected comments:") + "</span> ";
    for (std::string_view value : site::ModerationChoices(*tab)) {
      if (value == "campaign") continue;
      out += fmt::format("<button type=\"submit\" name=\"decision\" value=\"{}\">{}</button> ",
                         value, LabelOf(site, value));
    }
    out += "</form>\n";
  }
  for (const QueueItem& item : view.items) AppendItem(out, site, item, view);
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
  std::string title = site.F("Campaign of comment {id}", {{"id", c.id}});
  OpenPage(out, site, {title, "", "", "", "", "", "", 0});
  out +=
      "<section class=\"newsroom campaign-preview\">\n<h1>" +
      html::Escape(site.F("Comment {id} and its campaign", {{"id", c.id}})) + "</h1>\n<p>" +
      html::Escape(site.F("Marking this comment spam with its campaign marks spam, with it, every "
                          "published or held comment of the last {days} days that shares a "
                          "telephone number, link domain, handle or address with it, or that was "
                          "spun from its text (and, round by round, from the texts so taken).",
                          {{"days", p.days}})) +
      "</p>\n<ol>\n";
  AppendSummary(out, site, p.decided);
  out += "</ol>\n";
  if (p.members.empty()) {
    out += "<p>" + Tx(site, "No other comment would go with it.") + "</p>\n";
  } else {
    out +=
        "<h2>" +
        html::Escape(site.F("{n, plural, one {# more comment would be marked spam} other {# more "
                            "comments would be marked spam}}",
                            {{"n", static_cast<int64_t>(p.members.size())}})) +
        "</h2>\n<ol>\n";
    for (const QueueItem& m : p.members) AppendSummary(out, site, m);
    out += "</ol>\n";
  }
  OpenDecideForm(out, c, p.form_token, p.show);
  out +=
      "<button type=\"submit\" name=\"decision\" value=\"campaign\">" +
      html::Escape(site.F("{n, plural, one {Mark this comment spam} other {Mark these # comments "
                          "spam}}",
                          {{"n", static_cast<int64_t>(p.members.size() + 1)}})) +
      "</button>\n";
  out += "<a href=\"/newsroom/queue?show=";
  html::AppendEscaped(out, p.show);
  out += "\">" + Tx(site, "Back to the queue") + "</a>\n</form>\n</section>\n";
  ClosePage(out, site);
  return out;
}

namespace {

void AppendFilterField(std::string& out, const SiteInfo& site, const char* name, const char* label,
                       const std::string& value, const char* type = "text") {
  out += fmt::format(
      "<p class=\"field\"><label for=\"audit-{0}\">{1}</label> <input id=\"audit-{0}\" "
      "name=\"{0}\" type=\"{2}\" value=\"",
      name, Tx(site, label), type);
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
  OpenStaffPage(out, site, site.T("Audit log"), "audit", v.staff_name, v.role, v.form_token,
                "/newsroom/audit");
  out += "<form class=\"audit-filter\" method=\"get\" action=\"/newsroom/audit\">\n";
  AppendFilterField(out, site, "actor", "Who (a name, or cli:USER)", v.actor);
  AppendFilterField(out, site, "action",
                    "What (e.g. comment.spam; comment. for every comment action)", v.action);
  AppendFilterField(out, site, "target", "On (e.g. comment 42, staff nino, article 7)", v.target);
  AppendFilterField(out, site, "since", "From the day", v.since, "date");
  AppendFilterField(out, site, "until", "To the day", v.until, "date");
  out += "<p><button type=\"submit\">" + Tx(site, "Show") + "</button></p>\n</form>\n";
  AppendMessage(out, site, "notice-error", v.error);
  if (v.entries.empty()) {
    out += "<p class=\"empty\">" + Tx(site, "Nothing here.") + "</p>\n";
  } else {
    out += "<table class=\"audit-log\">\n<thead><tr>";
    for (const char* head : {"When", "Who", "What", "On", "From", "Before", "After"}) {  // i18n-all
      out += "<th scope=\"col\">" + Tx(site, head) + "</th>";
    }
    out += "</tr></thead>\n<tbody>\n";
    for (const site::AuditEntry& e : v.entries) {
      out += "<tr><td><time datetime=\"" + timefmt::Iso8601(e.at) + "\">" + site.Date(e.at) +
             "</time></td>";
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
      out += "<p>" +
             Tx(site, "Only the newest entries are shown: narrow the filter to see older ones.") +
             "</p>\n";
  }
  out += "</section>\n";
  ClosePage(out, site);
  return out;
}

std::string RenderBansPage(const SiteInfo& site, const BansView& v) {
  std::string out;
  OpenStaffPage(out, site, site.T("Bans"), "bans", v.staff_name, v.role, v.form_token,
                "/newsroom/bans");
  out += "<p>" +
         Tx(site,
            "A post a ban covers gets the ordinary answer, so its sender learns nothing, and "
            "is stored as spam with the ban as its reason.") +
         "</p>\n";
  AppendMessage(out, site, "notice-ok", v.notice);
  out += "<h2>" + Tx(site, "Add a ban") + "</h2>\n";
  AppendMessage(out, site, "notice-error", v.error);
  out +=
      "<form class=\"ban-add\" method=\"post\" action=\"/newsroom/bans\">\n"
      "<input type=\"hidden\" name=\"t\" value=\"";
  html::AppendEscaped(out, v.form_token);
  out += "\">\n<p class=\"field\"><label for=\"ban-kind\">" + Tx(site, "Kind") +
         "</label> <select id=\"ban-kind\" name=\"kind\">";
  constexpr const char* kKinds[][2] = {{"address", "Address or range (203.0.113.0/24)"},  // i18n
                                       {"email", "E-mail, or @domain"},                   // i18n
                                       {"name", "Name pattern (* for any text)"},         // i18n
                                       {"domain", "Link domain"}};                        // i18n
  for (const auto& k : kKinds) {
    out += fmt::format("<option value=\"{}\"{}>{}</option>", k[0],
                       v.kind == k[0] ? " selected" : "", Tx(site, k[1]));
  }
  out += "</select></p>\n";
  AppendFilterField(out, site, "pattern", "Pattern", v.pattern);
  AppendFilterField(out, site, "reason", "Reason", v.reason);
  AppendFilterField(out, site, "days", "Days (0 or empty: until lifted)", v.days, "number");
  out += "<p><button type=\"submit\">" + Tx(site, "Ban") + "</button></p>\n</form>\n<h2>" +
         Tx(site, "Bans") + "</h2>\n";
  if (v.bans.empty()) {
    out += "<p class=\"empty\">" + Tx(site, "No bans.") + "</p>\n";
  } else {
    out += "<table class=\"audit-log\">\n<thead><tr>";
    for (const char* head : {"Kind", "Pattern", "Reason", "By", "Until", "Lift"}) {  // i18n-all
      out += "<th scope=\"col\">" + Tx(site, head) + "</th>";
    }
    out += "</tr></thead>\n<tbody>\n";
    for (const site::Ban& b : v.bans) {
      out += "<tr>";
      AppendCell(out, BanKindLabel(site, site::BanKindName(b.kind)));
      AppendCell(out, b.pattern);
      AppendCell(out, b.reason);
      AppendCell(out, b.created_by);
      out += "<td>";
      if (b.expires_at == 0) {
        out += Tx(site, "until lifted");
      } else {
        out += "<time datetime=\"" + timefmt::Iso8601(b.expires_at) + "\">" +
               site.Date(b.expires_at) + "</time>";
        if (!b.ActiveAt(v.now)) out += " (" + Tx(site, "expired") + ")";
      }
      out += fmt::format(
          "</td><td><form method=\"post\" action=\"/newsroom/bans/{}\">"
          "<input type=\"hidden\" name=\"t\" value=\"",
          b.id);
      html::AppendEscaped(out, v.form_token);
      out += "\"><button type=\"submit\" aria-label=\"" +
             html::Escape(site.F("Lift ban {id}", {{"id", b.id}})) + "\">" + Tx(site, "Lift") +
             "</button></form></td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  out += "</section>\n";
  ClosePage(out, site);
  return out;
}

std::string RenderSearchPage(const SiteInfo& site, const SearchView& v) {
  std::string out;
  OpenStaffPage(out, site, site.T("Search comments"), "search", v.staff_name, v.role, v.form_token,
                "/newsroom/search");
  out += "<form class=\"comment-search\" method=\"get\" action=\"/newsroom/search\">\n";
  AppendFilterField(out, site, "text", "Words in the text", v.text);
  AppendFilterField(out, site, "author", "Name (or part of it)", v.author);
  AppendFilterField(out, site, "email", "E-mail address", v.email);
  AppendFilterField(out, site, "address", "IP address or its start (203.0.113.)", v.address);
  AppendFilterField(out, site, "domain", "Link domain (casino.example)", v.domain);
  out += "<p class=\"field\"><label for=\"audit-status\">" + Tx(site, "Status") +
         "</label> <select id=\"audit-status\" name=\"status\"><option value=\"\">" +
         Tx(site, "any") + "</option>";
  for (const char* s : {"published", "held", "spam", "deleted"}) {
    out += fmt::format("<option value=\"{0}\"{1}>{2}</option>", s, v.status == s ? " selected" : "",
                       Tx(site, StatusLabel(site, s)));
  }
  out += "</select></p>\n";
  AppendFilterField(out, site, "since", "From the day", v.since, "date");
  AppendFilterField(out, site, "until", "To the day", v.until, "date");
  out += "<p><button type=\"submit\">" + Tx(site, "Search") + "</button></p>\n</form>\n";
  AppendMessage(out, site, "notice-error", v.error);
  if (v.searched) {
    if (v.results.empty()) {
      out += "<p class=\"empty\">" + Tx(site, "No comment matches.") + "</p>\n";
    } else {
      int64_t n = static_cast<int64_t>(v.results.size());
      out += "<p>" +
             html::Escape(v.more ? site.F("The first {n} found, newest first.", {{"n", n}})
                                 : site.F("{n} found, newest first.", {{"n", n}})) +
             "</p>\n<ol class=\"search-results\">\n";
      for (const QueueItem& item : v.results) AppendSummary(out, site, item);
      out += "</ol>\n";
    }
  }
  out += "</section>\n";
  ClosePage(out, site);
  return out;
}

}  // namespace tribune::render
