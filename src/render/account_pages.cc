#include "render/account_pages.h"

#include <fmt/format.h>

#include "core/html.h"
#include "core/time_format.h"

namespace tribune::render {
namespace {

std::string Esc(std::string_view v) { return html::Escape(v); }

// Escaped text in the site's language.
std::string Tx(const SiteInfo& site, const std::string& id) { return Esc(site.T(id)); }

void Field(std::string& out, const SiteInfo& site, const char* id, const char* name,
           const std::string& label, const char* type, const std::string& value,
           const char* autocomplete, bool required, const std::string& hint = "") {
  out += fmt::format("<p class=\"field\"><label for=\"{}\">{}</label> <input id=\"{}\" name=\"{}\" "
                     "type=\"{}\" autocomplete=\"{}\"{}",
                     id, Tx(site, label), id, name, type, autocomplete, required ? " required" : "");
  if (!hint.empty()) out += fmt::format(" aria-describedby=\"{}-hint\"", id);
  if (std::string_view(type) != "password") out += " value=\"" + Esc(value) + "\"";
  out += ">";
  if (!hint.empty()) {
    out += fmt::format(" <span class=\"hint\" id=\"{}-hint\">{}</span>", id, Tx(site, hint));
  }
  out += "</p>\n";
}

void Hidden(std::string& out, const std::string& name, const std::string& value) {
  out += "<input type=\"hidden\" name=\"" + Esc(name) + "\" value=\"" + Esc(value) + "\">\n";
}

std::string StatusLabel(site::CommentStatus s) {
  switch (s) {
    case site::CommentStatus::kPublished: return "Published";  // i18n
    case site::CommentStatus::kHeld: return "Waiting for a moderator";  // i18n
    case site::CommentStatus::kSpam: return "Not published";  // i18n
    case site::CommentStatus::kDeleted: return "Deleted";  // i18n
  }
  return "";
}

}  // namespace

std::string RenderAccountPage(const SiteInfo& site, const AccountPageView& v) {
  std::string out;
  OpenPage(out, site, {site.T(v.title), "", "", "", "", "", "", 0});
  out += "<section class=\"account-page\">\n<h1>" + Tx(site, v.title) + "</h1>\n";
  if (!v.notice.empty()) {
    out += "<p class=\"notice notice-ok\" role=\"status\">" + Tx(site, v.notice) + "</p>\n";
  }
  AppendFormErrors(out, v.errors, &site);
  out += v.body;
  out += "</section>\n";
  ClosePage(out, site);
  return out;
}

std::string SignUpForm(const SiteInfo& site, const AccountFormValues& v) {
  std::string out =
      "<p>" +
      Tx(site, "An account is optional: anyone may comment as a guest. With one, your name is "
               "yours alone on this site, you can read members-only text, follow threads and see "
               "your comments in one place.") +
      "</p>\n<form method=\"post\" action=\"/account/sign-up\" class=\"account-form\">\n";
  Field(out, site, "su-name", "name", "Name", "text", v.name, "nickname", true);
  Field(out, site, "su-email", "email", "E-mail", "email", v.email, "email", true,
        "We send a link to confirm it.");  // i18n
  Field(out, site, "su-password", "password", "Password (optional)", "password", "",
        "new-password", false,
        "At least 10 characters; without one, you sign in by links we e-mail you.");  // i18n
  out += "<p><button type=\"submit\">" + Tx(site, "Sign up") + "</button></p>\n</form>\n<p>" +
         Tx(site, "Already have an account?") + " <a href=\"/account/sign-in\">" +
         Tx(site, "Sign in") + "</a>.</p>\n";
  return out;
}

std::string SignInForms(const SiteInfo& site, const AccountFormValues& v) {
  std::string out = "<form method=\"post\" action=\"/account/sign-in\" class=\"account-form\">\n";
  Hidden(out, "back", v.back);
  Field(out, site, "si-email", "email", "E-mail", "email", v.email, "email", true);
  Field(out, site, "si-password", "password", "Password", "password", "", "current-password", true);
  out += "<p><button type=\"submit\">" + Tx(site, "Sign in") + "</button></p>\n</form>\n<h2>" +
         Tx(site, "No password?") +
         "</h2>\n<form method=\"post\" action=\"/account/sign-in-link\" class=\"account-form\">\n";
  Field(out, site, "sl-email", "email", "E-mail", "email", v.email, "email", true);
  out += "<p><button type=\"submit\">" + Tx(site, "E-mail me a sign-in link") +
         "</button></p>\n</form>\n<p>" + Tx(site, "New here?") +
         " <a href=\"/account/sign-up\">" + Tx(site, "Sign up") + "</a>. " +
         Tx(site, "Commenting as a guest needs no account.") + " <a href=\"/account/data\">" +
         Tx(site, "Your data as a guest") + "</a>.</p>\n";
  return out;
}

std::string ConfirmButtonForm(const SiteInfo& site, const std::string& action,
                              const std::vector<std::pair<std::string, std::string>>& hidden,
                              const std::string& explanation, const std::string& button) {
  std::string out = "<p>" + Tx(site, explanation) + "</p>\n<form method=\"post\" action=\"" +
                    Esc(action) + "\">\n";
  for (const auto& [name, value] : hidden) Hidden(out, name, value);
  out += "<p><button type=\"submit\">" + Tx(site, button) + "</button></p>\n</form>\n";
  return out;
}

std::string ProfileBody(const SiteInfo& site, const ProfileView& v) {
  const site::Reader& r = *v.reader;
  std::string out;
  out += "<p>" + Tx(site, "Signed in as") + " <strong class=\"reader-name\">" + Esc(r.name) +
         "</strong> (" + Esc(r.email) + ").</p>\n";
  out += "<h2>" + Tx(site, "Your comments") + "</h2>\n";
  if (v.comments->empty()) {
    out += "<p>" + Tx(site, "You have not commented yet.") + "</p>\n";
  } else {
    out += "<table class=\"my-comments\"><caption>" +
           Tx(site, "Your latest comments and what became of them") +
           "</caption>\n<thead><tr><th scope=\"col\">" + Tx(site, "Written") +
           "</th><th scope=\"col\">" + Tx(site, "Comment") + "</th><th scope=\"col\">" +
           Tx(site, "Status") + "</th></tr></thead>\n<tbody>\n";
    for (const site::Comment& c : *v.comments) {
      out += "<tr><td><time datetime=\"" + timefmt::Iso8601(c.created_at) + "\">" +
             site.Date(c.created_at) + "</time></td><td>";
      std::string text = c.body_text.substr(0, 160);
      if (c.status == site::CommentStatus::kPublished) {
        out += fmt::format("<a href=\"/comments/{}\">#{}</a> ", c.id, c.number);
      }
      out += Esc(text) + "</td><td class=\"status-" + std::string(site::StatusName(c.status)) +
             "\">" + Tx(site, StatusLabel(c.status)) + "</td></tr>\n";
    }
    out += "</tbody></table>\n";
  }
  out += "<h2>" + Tx(site, "What you follow") + "</h2>\n";
  if (v.subscriptions->empty()) {
    out += "<p>" + Tx(site, "Nothing yet: tick “when someone replies to me” or “every new comment "
                            "on this article” when you comment.") +
           "</p>\n";
  } else {
    out += "<ul class=\"subscriptions\">\n";
    bool digest = false;
    for (const SubscriptionRow& s : *v.subscriptions) {
      digest = digest || s.subscription.digest;
      out += "<li><a href=\"" + Esc(s.article_path) + "\">" + Esc(s.article_title) + "</a>: " +
             Tx(site, s.subscription.kind == site::SubscriptionKind::kThread
                          ? "every new comment"  // i18n
                          : "replies to you");  // i18n
      out += fmt::format(
          " <form method=\"post\" action=\"/account/subscriptions\" class=\"inline\">"
          "<input type=\"hidden\" name=\"rt\" value=\"{}\"><input type=\"hidden\" name=\"remove\" "
          "value=\"{}\"><button type=\"submit\">{}</button></form></li>\n",
          Esc(v.form_token), s.subscription.id, Tx(site, "Stop"));
    }
    out += "</ul>\n<form method=\"post\" action=\"/account/subscriptions\">\n";
    Hidden(out, "rt", v.form_token);
    Hidden(out, "digest", digest ? "off" : "on");
    out += "<p><button type=\"submit\">" +
           Tx(site, digest ? "Send each notification at once"  // i18n
                           : "Gather notifications into one e-mail a day") +  // i18n
           "</button></p>\n</form>\n";
  }
  out += "<h2>" + Tx(site, "Password and sessions") +
         "</h2>\n<form method=\"post\" action=\"/account/password\">\n";
  Hidden(out, "rt", v.form_token);
  Field(out, site, "pw-new", "password",
        r.password_hash.empty() ? "Choose a password"  // i18n
                                : "New password",  // i18n
        "password", "", "new-password", true,
        "At least 10 characters. Other sessions end.");  // i18n
  out += "<p><button type=\"submit\">" + Tx(site, "Save the password") + "</button></p>\n</form>\n";
  out += "<form method=\"post\" action=\"/account/sign-out\" class=\"inline\">";
  Hidden(out, "rt", v.form_token);
  out += "<button type=\"submit\">" + Tx(site, "Sign out") +
         "</button></form>\n<form method=\"post\" action=\"/account/sign-out\" class=\"inline\">";
  Hidden(out, "rt", v.form_token);
  Hidden(out, "everywhere", "1");
  out += "<button type=\"submit\">" + Tx(site, "Sign out everywhere") + "</button></form>\n";
  out += "<h2>" + Tx(site, "Your data") + "</h2>\n<p><a href=\"/account/export.json\" download>" +
         Tx(site, "Download everything this site keeps about you") + "</a> (JSON). <a "
         "href=\"/privacy\">" + Tx(site, "The privacy notice") +
         "</a>.</p>\n<form method=\"post\" action=\"/account/erase\">\n";
  Hidden(out, "rt", v.form_token);
  out += "<p><input type=\"checkbox\" id=\"er-sure\" name=\"sure\" value=\"1\" required> "
         "<label for=\"er-sure\">";
  out += v.erasure_removes
             ? Tx(site, "Delete my account and remove my comments")
             : Esc(site.F("Delete my account and keep my comments under the name “{name}”, "
                          "without my address",
                          {}, {{"name", v.anonymous_name}}));
  out += "</label></p>\n<p><button type=\"submit\" class=\"danger\">" + Tx(site, "Erase my data") +
         "</button></p>\n</form>\n";
  return out;
}

std::string GuestDataRequestForm(const SiteInfo& site, const std::string& email) {
  std::string out =
      "<p>" +
      Tx(site, "Commented as a guest? We send a link to the address you gave; with it you can "
               "download what we keep about you, or have it erased.") +
      "</p>\n<form method=\"post\" action=\"/account/data\" class=\"account-form\">\n";
  Field(out, site, "gd-email", "email", "E-mail", "email", email, "email", true);
  out += "<p><button type=\"submit\">" + Tx(site, "E-mail me the link") + "</button></p>\n</form>\n";
  return out;
}

std::string GuestDataBody(const SiteInfo& site, const std::string& email_key,
                          const std::string& token, bool erasure_removes,
                          const std::string& anonymous_name) {
  std::string query = "e=" + html::UrlEncode(email_key) + "&amp;t=" + html::UrlEncode(token);
  std::string out = "<p>" + Esc(site.F("What this site keeps about {address}:", {},
                                       {{"address", email_key}})) +
                    "</p>\n<p><a href=\"/account/data/export.json?" + query + "\" download>" +
                    Tx(site, "Download it") +
                    "</a> (JSON).</p>\n<form method=\"post\" action=\"/account/data/erase\">\n";
  Hidden(out, "e", email_key);
  Hidden(out, "t", token);
  out += "<p><input type=\"checkbox\" id=\"gd-sure\" name=\"sure\" value=\"1\" required> "
         "<label for=\"gd-sure\">";
  out += erasure_removes
             ? Tx(site, "Erase it: remove my comments and stop every e-mail")
             : Esc(site.F("Erase it: keep my comments under the name “{name}”, without my "
                          "address, and stop every e-mail",
                          {}, {{"name", anonymous_name}}));
  out += "</label></p>\n<p><button type=\"submit\" class=\"danger\">" + Tx(site, "Erase my data") +
         "</button></p>\n</form>\n";
  return out;
}

std::string PrivacyBody(const SiteInfo& site, const PrivacyView& v) {
  std::string out;
  auto days = [&](int n) {
    return site.F("{days, plural, one {# day} other {# days}}", {{"days", n}});
  };
  out += "<p>" + Esc(site.F("{site} keeps what it needs to run its comments, and no longer than "
                            "this:",
                            {}, {{"site", v.site_name}})) +
         "</p>\n<table class=\"retention\"><caption>" + Tx(site, "What is kept, and for how long") +
         "</caption>\n<thead><tr><th scope=\"col\">" + Tx(site, "What") +
         "</th><th scope=\"col\">" + Tx(site, "Why") + "</th><th scope=\"col\">" +
         Tx(site, "Kept") + "</th></tr></thead>\n<tbody>\n";
  auto row = [&](const std::string& what, const std::string& why, const std::string& kept) {
    out += "<tr><td>" + Tx(site, what) + "</td><td>" + Tx(site, why) + "</td><td>" + Esc(kept) +
           "</td></tr>\n";
  };
  row("Your comments, with the name you gave",  // i18n
      "They are what you published",  // i18n
      site.T("Until you or a moderator remove them"));
  row("The IP address and browser a comment came from",  // i18n
      "To stop spam and abuse",  // i18n
      days(v.addresses_days));
  row("A guest's e-mail address",  // i18n
      "Trust for regular commenters; replies if you ask for them",  // i18n
      days(v.guest_emails_days));
  row("Comments rejected as spam",  // i18n
      "So moderators can correct the filter",  // i18n
      days(v.rejected_days));
  row("An account whose address was never confirmed",  // i18n
      "To finish signing up",  // i18n
      days(v.unconfirmed_days));
  row("An account's name, address and password hash",  // i18n
      "To sign you in",  // i18n
      site.T("Until you erase the account"));
  row("Records of e-mail we sent you",  // i18n
      "To keep within limits and retry failures",  // i18n
      days(v.outbox_days));
  row("A signed-in session (a cookie)",  // i18n
      "To keep you signed in",  // i18n
      site.F("{days, plural, one {# day} other {# days}}, or until you sign out",
             {{"days", v.session_days}}));
  out += "</tbody></table>\n<p>" +
         Tx(site, "Nothing is sold or shared; there are no third-party trackers. E-mail "
                  "notifications are sent only when you ask for them, and every one has a link "
                  "to stop them.") +
         "</p>\n<p>" +
         Tx(site, "You can download everything kept about you, or have it erased: from your "
                  "account, or as a guest by a link sent to your address.") +
         " <a href=\"/account\">" + Tx(site, "Your account") + "</a> \u00b7 <a "
         "href=\"/account/data\">" + Tx(site, "Your data as a guest") + "</a>. " +
         Tx(site, v.erasure_removes
                      ? "Erasure removes your comments."  // i18n
                      : "Erasure keeps your comments' text under an anonymous name, without your address.") +  // i18n
         "</p>\n";
  return out;
}

}  // namespace tribune::render
