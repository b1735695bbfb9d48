#include "render/account_pages.h"

#include <fmt/format.h>

#include "core/html.h"
#include "core/time_format.h"

namespace tribune::render {
namespace {

std::string Esc(std::string_view v) { return html::Escape(v); }

void Field(std::string& out, const char* id, const char* name, const char* label, const char* type,
           const std::string& value, const char* autocomplete, bool required,
           const char* hint = nullptr) {
  out += fmt::format("<p class=\"field\"><label for=\"{}\">{}</label> <input id=\"{}\" name=\"{}\" "
                     "type=\"{}\" autocomplete=\"{}\"{}",
                     id, label, id, name, type, autocomplete, required ? " required" : "");
  if (hint) out += fmt::format(" aria-describedby=\"{}-hint\"", id);
  if (std::string_view(type) != "password") out += " value=\"" + Esc(value) + "\"";
  out += ">";
  if (hint) out += fmt::format(" <span class=\"hint\" id=\"{}-hint\">{}</span>", id, hint);
  out += "</p>\n";
}

void Hidden(std::string& out, const std::string& name, const std::string& value) {
  out += "<input type=\"hidden\" name=\"" + Esc(name) + "\" value=\"" + Esc(value) + "\">\n";
}

std::string_view StatusLabel(site::CommentStatus s) {
  switch (s) {
    case site::CommentStatus::kPublished: return "Published";
    case site::CommentStatus::kHeld: return "Waiting for a moderator";
    case site::CommentStatus::kSpam: return "Not published";
    case site::CommentStatus::kDeleted: return "Deleted";
  }
  return "";
}

}  // namespace

std::string RenderAccountPage(const SiteInfo& site, const AccountPageView& v) {
  std::string out;
  OpenPage(out, site, {v.title, "", "", "", "", "", "", 0});
  out += "<section class=\"account-page\">\n<h1>" + Esc(v.title) + "</h1>\n";
  if (!v.notice.empty()) {
    out += "<p class=\"notice notice-ok\" role=\"status\">" + Esc(v.notice) + "</p>\n";
  }
  AppendFormErrors(out, v.errors);
  out += v.body;
  out += "</section>\n";
  ClosePage(out, site);
  return out;
}

std::string SignUpForm(const AccountFormValues& v) {
  std::string out =
      "<p>An account is optional: anyone may comment as a guest. With one, your name is yours "
      "alone on this site, you can read members-only text, follow threads and see your "
      "comments in one place.</p>\n"
      "<form method=\"post\" action=\"/account/sign-up\" class=\"account-form\">\n";
  Field(out, "su-name", "name", "Name", "text", v.name, "nickname", true);
  Field(out, "su-email", "email", "E-mail", "email", v.email, "email", true,
        "We send a link to confirm it.");
  Field(out, "su-password", "password", "Password (optional)", "password", "", "new-password",
        false, "At least 10 characters; without one, you sign in by links we e-mail you.");
  out += "<p><button type=\"submit\">Sign up</button></p>\n</form>\n"
         "<p>Already have an account? <a href=\"/account/sign-in\">Sign in</a>.</p>\n";
  return out;
}

std::string SignInForms(const AccountFormValues& v) {
  std::string out = "<form method=\"post\" action=\"/account/sign-in\" class=\"account-form\">\n";
  Hidden(out, "back", v.back);
  Field(out, "si-email", "email", "E-mail", "email", v.email, "email", true);
  Field(out, "si-password", "password", "Password", "password", "", "current-password", true);
  out += "<p><button type=\"submit\">Sign in</button></p>\n</form>\n"
         "<h2>No password?</h2>\n"
         "<form method=\"post\" action=\"/account/sign-in-link\" class=\"account-form\">\n";
  Field(out, "sl-email", "email", "E-mail", "email", v.email, "email", true);
  out += "<p><button type=\"submit\">E-mail me a sign-in link</button></p>\n</form>\n"
         "<p>New here? <a href=\"/account/sign-up\">Sign up</a>. Commenting as a guest needs no "
         "account. <a href=\"/account/data\">Your data as a guest</a>.</p>\n";
  return out;
}

std::string ConfirmButtonForm(const std::string& action,
                              const std::vector<std::pair<std::string, std::string>>& hidden,
                              const std::string& explanation, const std::string& button) {
  std::string out = "<p>" + Esc(explanation) + "</p>\n<form method=\"post\" action=\"" +
                    Esc(action) + "\">\n";
  for (const auto& [name, value] : hidden) Hidden(out, name, value);
  out += "<p><button type=\"submit\">" + Esc(button) + "</button></p>\n</form>\n";
  return out;
}

std::string ProfileBody(const ProfileView& v) {
  const site::Reader& r = *v.reader;
  std::string out;
  out += "<p>Signed in as <strong class=\"reader-name\">" + Esc(r.name) + "</strong> (" +
         Esc(r.email) + ").</p>\n";
  out += "<h2>Your comments</h2>\n";
  if (v.comments->empty()) {
    out += "<p>You have not commented yet.</p>\n";
  } else {
    out += "<table class=\"my-comments\"><caption>Your latest comments and what became of "
           "them</caption>\n<thead><tr><th scope=\"col\">Written</th><th scope=\"col\">Comment</th>"
           "<th scope=\"col\">Status</th></tr></thead>\n<tbody>\n";
    for (const site::Comment& c : *v.comments) {
      out += "<tr><td><time datetime=\"" + timefmt::Iso8601(c.created_at) + "\">" +
             timefmt::CommentDate(c.created_at) + "</time></td><td>";
      std::string text = c.body_text.substr(0, 160);
      if (c.status == site::CommentStatus::kPublished) {
        out += fmt::format("<a href=\"/comments/{}\">#{}</a> ", c.id, c.number);
      }
      out += Esc(text) + "</td><td class=\"status-" + std::string(site::StatusName(c.status)) +
             "\">" + std::string(StatusLabel(c.status)) + "</td></tr>\n";
    }
    out += "</tbody></table>\n";
  }
  out += "<h2>What you follow</h2>\n";
  if (v.subscriptions->empty()) {
    out += "<p>Nothing yet: tick “E-mail me replies” or “E-mail me new comments” when you "
           "comment.</p>\n";
  } else {
    out += "<ul class=\"subscriptions\">\n";
    bool digest = false;
    for (const SubscriptionRow& s : *v.subscriptions) {
      digest = digest || s.subscription.digest;
      out += "<li><a href=\"" + Esc(s.article_path) + "\">" + Esc(s.article_title) + "</a>: " +
             (s.subscription.kind == site::SubscriptionKind::kThread ? "every new comment"
                                                                     : "replies to you");
      out += fmt::format(
          " <form method=\"post\" action=\"/account/subscriptions\" class=\"inline\">"
          "<input type=\"hidden\" name=\"rt\" value=\"{}\"><input type=\"hidden\" name=\"remove\" "
          "value=\"{}\"><button type=\"submit\">Stop</button></form></li>\n",
          Esc(v.form_token), s.subscription.id);
    }
    out += "</ul>\n<form method=\"post\" action=\"/account/subscriptions\">\n";
    Hidden(out, "rt", v.form_token);
    Hidden(out, "digest", digest ? "off" : "on");
    out += std::string("<p><button type=\"submit\">") +
           (digest ? "Send each notification at once" : "Gather notifications into one e-mail a day") +
           "</button></p>\n</form>\n";
  }
  out += "<h2>Password and sessions</h2>\n<form method=\"post\" action=\"/account/password\">\n";
  Hidden(out, "rt", v.form_token);
  Field(out, "pw-new", "password", r.password_hash.empty() ? "Choose a password" : "New password",
        "password", "", "new-password", true, "At least 10 characters. Other sessions end.");
  out += "<p><button type=\"submit\">Save the password</button></p>\n</form>\n";
  out += "<form method=\"post\" action=\"/account/sign-out\" class=\"inline\">";
  Hidden(out, "rt", v.form_token);
  out += "<button type=\"submit\">Sign out</button></form>\n"
         "<form method=\"post\" action=\"/account/sign-out\" class=\"inline\">";
  Hidden(out, "rt", v.form_token);
  Hidden(out, "everywhere", "1");
  out += "<button type=\"submit\">Sign out everywhere</button></form>\n";
  out += "<h2>Your data</h2>\n<p><a href=\"/account/export.json\" download>Download everything "
         "this site keeps about you</a> (JSON). See the <a href=\"/privacy\">privacy notice</a>."
         "</p>\n<form method=\"post\" action=\"/account/erase\">\n";
  Hidden(out, "rt", v.form_token);
  out += "<p><input type=\"checkbox\" id=\"er-sure\" name=\"sure\" value=\"1\" required> "
         "<label for=\"er-sure\">Delete my account and ";
  out += v.erasure_removes ? "remove my comments"
                           : "keep my comments under the name “" + Esc(v.anonymous_name) +
                                 "”, without my address";
  out += "</label></p>\n<p><button type=\"submit\" class=\"danger\">Erase my data</button></p>\n"
         "</form>\n";
  return out;
}

std::string GuestDataRequestForm(const std::string& email) {
  std::string out =
      "<p>Commented as a guest? We send a link to the address you gave; with it you can download "
      "what we keep about you, or have it erased.</p>\n"
      "<form method=\"post\" action=\"/account/data\" class=\"account-form\">\n";
  Field(out, "gd-email", "email", "E-mail", "email", email, "email", true);
  out += "<p><button type=\"submit\">E-mail me the link</button></p>\n</form>\n";
  return out;
}

std::string GuestDataBody(const std::string& email_key, const std::string& token,
                          bool erasure_removes, const std::string& anonymous_name) {
  std::string query = "e=" + html::UrlEncode(email_key) + "&amp;t=" + html::UrlEncode(token);
  std::string out = "<p>What this site keeps about <strong>" + Esc(email_key) + "</strong>:</p>\n"
                    "<p><a href=\"/account/data/export.json?" + query +
                    "\" download>Download it</a> (JSON).</p>\n"
                    "<form method=\"post\" action=\"/account/data/erase\">\n";
  Hidden(out, "e", email_key);
  Hidden(out, "t", token);
  out += "<p><input type=\"checkbox\" id=\"gd-sure\" name=\"sure\" value=\"1\" required> "
         "<label for=\"gd-sure\">Erase it: ";
  out += erasure_removes ? "remove my comments"
                         : "keep my comments under the name “" + Esc(anonymous_name) +
                               "”, without my address";
  out += " and stop every e-mail</label></p>\n<p><button type=\"submit\" class=\"danger\">Erase my "
         "data</button></p>\n</form>\n";
  return out;
}

std::string PrivacyBody(const PrivacyView& v) {
  std::string out;
  out += "<p>" + Esc(v.site_name) + " keeps what it needs to run its comments, and no longer "
         "than this:</p>\n<table class=\"retention\"><caption>What is kept, and for how long"
         "</caption>\n<thead><tr><th scope=\"col\">What</th><th scope=\"col\">Why</th>"
         "<th scope=\"col\">Kept</th></tr></thead>\n<tbody>\n";
  auto row = [&](std::string_view what, std::string_view why, std::string kept) {
    out += "<tr><td>" + Esc(what) + "</td><td>" + Esc(why) + "</td><td>" + Esc(kept) +
           "</td></tr>\n";
  };
  row("Your comments, with the name you gave", "They are what you published",
      "Until you or a moderator remove them");
  row("The IP address and browser a comment came from", "To stop spam and abuse",
      fmt::format("{} days", v.addresses_days));
  row("A guest's e-mail address", "Trust for regular commenters; replies if you ask for them",
      fmt::format("{} days", v.guest_emails_days));
  row("Comments rejected as spam", "So moderators can correct the filter",
      fmt::format("{} days", v.rejected_days));
  row("An account whose address was never confirmed", "To finish signing up",
      fmt::format("{} days", v.unconfirmed_days));
  row("An account's name, address and password hash", "To sign you in",
      "Until you erase the account");
  row("Records of e-mail we sent you", "To keep within limits and retry failures",
      fmt::format("{} days", v.outbox_days));
  row("A signed-in session (a cookie)", "To keep you signed in",
      fmt::format("{} days, or until you sign out", v.session_days));
  out += "</tbody></table>\n";
  out += "<p>Nothing is sold or shared; there are no third-party trackers. E-mail notifications "
         "are sent only when you ask for them, and every one has a link to stop them.</p>\n"
         "<p>You can download everything kept about you, or have it erased: from "
         "<a href=\"/account\">your account</a>, or as a guest from <a href=\"/account/data\">"
         "this page</a> by a link sent to your address. Erasure ";
  out += v.erasure_removes ? "removes your comments." : "keeps your comments' text under an "
                                                        "anonymous name, without your address.";
  out += "</p>\n";
  return out;
}

}  // namespace tribune::render
