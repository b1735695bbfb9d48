#include "readers/accounts.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "comments/form_guard.h"
#include "comments/reader_names.h"
#include "core/html.h"
#include "core/numbers.h"
#include "core/utf8.h"
#include "moderation/staff_auth.h"
#include "readers/links.h"

namespace tribune::readers {
namespace {

using Kind = AccountOutcome::Kind;

constexpr double kAttemptsPerMinute = 10;

AccountOutcome Invalid(std::string field, std::string message) {
  AccountOutcome out;
  out.kind = Kind::kInvalid;
  out.errors.push_back({std::move(field), std::move(message)});
  return out;
}

AccountOutcome Unavailable(const Status& st) {
  AccountOutcome out;
  out.kind = Kind::kUnavailable;
  out.message = "The site cannot do this just now; please try again in a minute.";  // i18n
  (void)st;
  return out;
}

AccountOutcome Done(site::Reader r = {}) {
  AccountOutcome out;
  out.reader = std::move(r);
  return out;
}

std::string Trimmed(std::string s) {
  auto space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.back())) s.pop_back();
  size_t i = 0;
  while (i < s.size() && space(s[i])) ++i;
  return s.substr(i);
}

bool ValidName(std::string_view name) {
  return !name.empty() && utf8::IsValid(name) && utf8::Length(name) <= site::kMaxReaderName &&
         std::none_of(name.begin(), name.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

std::string SessionMessage(const site::Reader& r, int64_t expires) {
  return fmt::format("reader-session:{}:{}:{}:{}", r.id, expires, r.session_epoch, r.password_hash);
}

nlohmann::json CommentJson(const site::Comment& c) {
  return {{"id", c.id},
          {"article_id", c.article_id},
          {"number", c.number},
          {"status", site::StatusName(c.status)},
          {"name", c.author},
          {"email", c.email},
          {"text", c.body_source},
          {"reply_to", c.reply_to},
          {"created_at", c.created_at},
          {"edited_at", c.edited_at},
          {"ip", c.ip},
          {"user_agent", c.user_agent}};
}

}  // namespace

Accounts::Accounts(const Config& config, AccountStores stores, const comments::Signer& signer,
                   Notifier& notifier)
    : config_(config), stores_(stores), signer_(signer), notifier_(notifier) {}

std::string Accounts::NameKey(std::string_view name) { return comments::ReaderNameKey(name); }

bool Accounts::Limited(const std::string& ip, int64_t now_ms) {
  return attempts_.Add(comments::FormGuard::AddressPrefix(ip), now_ms) > kAttemptsPerMinute;
}

void Accounts::MailLink(const site::Reader& r, std::string_view purpose, int64_t now) {
  int64_t expires = now + int64_t{config_.accounts.link_minutes} * 60;
  std::string url = fmt::format("{}/account/{}?t={}", notifier_.base(),
                                purpose == "confirm" ? "confirm" : "link",
                                ReaderToken(signer_, purpose, r, expires));
  const i18n::Language& l = notifier_.language();
  const std::string& site = config_.site.name;
  int64_t minutes = config_.accounts.link_minutes;
  MailMessage m;
  m.to = r.email;
  std::string hello = l.F("Hello {name},", {}, {{"name", r.name}});
  if (purpose == "confirm") {
    m.subject = l.F("Confirm your address for {site}", {}, {{"site", site}});
    m.text = fmt::format(
        "{}\n\n{}\n\n{}\n\n{}\n", hello,
        l.F("To confirm this address and finish signing up at {site}, open this link within "
            "{minutes, plural, one {# minute} other {# minutes}}:",
            {{"minutes", minutes}}, {{"site", site}}),
        url, l.T("If you did not sign up, ignore this mail: nothing happens without the link."));
  } else {
    m.subject = l.F("Your sign-in link for {site}", {}, {{"site", site}});
    m.text = fmt::format(
        "{}\n\n{}\n\n{}\n\n{}\n", hello,
        l.F("To sign in at {site}, open this link within "
            "{minutes, plural, one {# minute} other {# minutes}}. It works once.",
            {{"minutes", minutes}}, {{"site", site}}),
        url, l.T("If you did not ask for it, ignore this mail."));
  }
  std::vector<site::OutboxItem> items = {notifier_.Mail(m, "account", now)};
  stores_.outbox.Enqueue(items);
}

AccountOutcome Accounts::SignUp(std::string name, std::string email, const std::string& password,
                                const std::string& ip, int64_t now, int64_t now_ms) {
  name = Trimmed(std::move(name));
  email = Trimmed(std::move(email));
  AccountOutcome out;
  out.kind = Kind::kInvalid;
  if (!ValidName(name)) {
    static_assert(site::kMaxReaderName == 60, "the message says 60");
    out.errors.push_back({"name", "Please give a name of 1 to 60 characters."});
  } else if (NameKey(name).empty()) {
    out.errors.push_back({"name", "Please give a name with letters or digits in it."});
  }
  if (!site::IsPlausibleEmail(email) || !IsDeliverableAddress(email)) {
    out.errors.push_back({"email", "Please give an e-mail address such as nino@example.com."});
  }
  if (!password.empty() && utf8::Length(password) < kMinPassword) {
    static_assert(kMinPassword == 10, "the message says 10");
    out.errors.push_back({"password", "A password needs at least 10 characters (or leave it "
                                      "empty to sign in by e-mailed links)."});
  }
  if (!out.errors.empty()) return out;
  if (Limited(ip, now_ms)) {
    return {Kind::kLimited, {}, "Too many attempts from your network; please wait a minute.", {}};  // i18n
  }
  auto by_email = stores_.readers.GetReaderByEmail(site::EmailKey(email));
  if (by_email.ok()) {
    // Taken: its owner gets a way in, and the answer says no more than for a new one.
    MailLink(*by_email, by_email->confirmed_at ? "sign-in" : "confirm", now);
    return Done();
  }
  if (by_email.status().code() != Code::kNotFound) return Unavailable(by_email.status());
  site::Reader r;
  r.name = name;
  r.name_key = NameKey(name);
  r.email = email;
  r.created_at = now;
  if (!password.empty()) r.password_hash = moderation::HashPassword(password);
  auto made = stores_.readers.CreateReader(r);
  if (!made.ok()) {
    if (made.status().code() == Code::kAlreadyExists) {
      return Invalid("name", "Another reader has this name; please choose another.");
    }
    return Unavailable(made.status());
  }
  MailLink(*made, "confirm", now);
  return Done();
}

AccountOutcome Accounts::Confirm(std::string_view token, int64_t now) {
  std::optional<int64_t> id = ReaderTokenId(token);
  auto r = id ? stores_.readers.GetReader(*id) : Result<site::Reader>(NotFound("no reader"));
  if (!r.ok() && r.status().code() != Code::kNotFound) return Unavailable(r.status());
  if (!r.ok() || !(ReaderTokenFits(signer_, "confirm", *r, token, now) ||
                   ReaderTokenFits(signer_, "sign-in", *r, token, now))) {
    return Invalid("", "This link does not work any more: it was used, or it is too old. "
                       "Ask for a new one below.");
  }
  if (r->confirmed_at == 0) r->confirmed_at = now;
  r->link_epoch += 1;  // spent
  Status st = stores_.readers.UpdateReader(*r);
  if (!st.ok()) return Unavailable(st);
  return Done(*r);
}

AccountOutcome Accounts::UseSignInLink(std::string_view token, int64_t now) {
  return Confirm(token, now);  // both prove the address; both are spent by use
}

AccountOutcome Accounts::SignIn(const std::string& email, const std::string& password,
                                const std::string& ip, int64_t now, int64_t now_ms) {
  if (Limited(ip, now_ms)) {
    return {Kind::kLimited, {}, "Too many attempts from your network; please wait a minute.", {}};  // i18n
  }
  auto r = stores_.readers.GetReaderByEmail(site::EmailKey(Trimmed(email)));
  if (!r.ok() && r.status().code() != Code::kNotFound) return Unavailable(r.status());
  if (!r.ok() || r->password_hash.empty() ||
      !moderation::CheckPassword(r->password_hash, password)) {
    return Invalid("password", "The e-mail address or the password is not right. You can ask "
                               "for a sign-in link instead.");
  }
  if (r->confirmed_at == 0) {
    MailLink(*r, "confirm", now);
    return Invalid("email", "Please confirm your address first: we have sent the link again.");
  }
  return Done(*r);
}

AccountOutcome Accounts::SendSignInLink(const std::string& email, const std::string& ip,
                                        int64_t now, int64_t now_ms) {
  std::string address = Trimmed(email);
  if (!site::IsPlausibleEmail(address)) {
    return Invalid("email", "Please give an e-mail address such as nino@example.com.");
  }
  if (Limited(ip, now_ms)) {
    return {Kind::kLimited, {}, "Too many attempts from your network; please wait a minute.", {}};  // i18n
  }
  auto r = stores_.readers.GetReaderByEmail(site::EmailKey(address));
  if (r.ok()) {
    MailLink(*r, r->confirmed_at ? "sign-in" : "confirm", now);
  } else if (r.status().code() != Code::kNotFound) {
    return Unavailable(r.status());
  }
  return Done();
}

AccountOutcome Accounts::SendDataLink(const std::string& email, const std::string& ip, int64_t now,
                                      int64_t now_ms) {
  std::string address = Trimmed(email);
  if (!site::IsPlausibleEmail(address) || !IsDeliverableAddress(address)) {
    return Invalid("email", "Please give an e-mail address such as nino@example.com.");
  }
  if (Limited(ip, now_ms)) {
    return {Kind::kLimited, {}, "Too many attempts from your network; please wait a minute.", {}};  // i18n
  }
  std::string key = site::EmailKey(address);
  int64_t expires = now + int64_t{config_.accounts.link_minutes} * 60;
  std::string url = fmt::format("{}/account/data?e={}&t={}", notifier_.base(),
                                html::UrlEncode(key), DataToken(signer_, key, expires));
  const i18n::Language& l = notifier_.language();
  MailMessage m;
  m.to = address;
  m.subject = l.F("Your data at {site}", {}, {{"site", config_.site.name}});
  m.text = fmt::format(
      "{}\n\n{}\n\n{}\n\n{}\n",
      l.F("Someone (we hope you) asked to see what {site} keeps about this address.", {},
          {{"site", config_.site.name}}),
      l.F("Within {minutes, plural, one {# minute} other {# minutes}}, this link lets you "
          "download it or have it erased:",
          {{"minutes", config_.accounts.link_minutes}}),
      url, l.T("If you did not ask, ignore this mail."));
  std::vector<site::OutboxItem> items = {notifier_.Mail(m, "account", now)};
  Status st = stores_.outbox.Enqueue(items);
  if (!st.ok()) return Unavailable(st);
  return Done();
}

void Accounts::Follow(const std::string& email, int64_t article_id, bool replies, bool thread,
                      bool confirmed, int64_t now) {
  if (email.empty() || (!replies && !thread) || !IsDeliverableAddress(email)) return;
  std::vector<std::string> links;
  for (auto [wanted, kind] : {std::pair{replies, site::SubscriptionKind::kReplies},
                              std::pair{thread, site::SubscriptionKind::kThread}}) {
    if (!wanted) continue;
    site::Subscription s;
    s.email = email;
    s.article_id = article_id;
    s.kind = kind;
    s.confirmed = confirmed;
    s.created_at = now;
    auto made = stores_.outbox.AddSubscription(s);
    if (!made.ok() || made->confirmed) continue;
    links.push_back(fmt::format("{}: {}/notifications/confirm?s={}&t={}",
                                notifier_.language().T(kind == site::SubscriptionKind::kThread
                                                           ? "Every new comment"  // i18n
                                                           : "Replies to you"),  // i18n
                                notifier_.base(), made->id,
                                SubscriptionSignature(signer_, "confirm", made->id)));
  }
  if (links.empty()) return;
  // A few confirmations a day at most: nobody can make the site mail a stranger often.
  std::string key = site::EmailKey(email);
  auto sent = stores_.outbox.CountOutbox("mail", key, "confirm", now - 86400);
  if (!sent.ok() || *sent >= 3) return;
  MailMessage m;
  m.to = email;
  const i18n::Language& lang = notifier_.language();
  m.subject = lang.F("Confirm the e-mails you asked for at {site}", {},
                     {{"site", config_.site.name}});
  std::string text = lang.T("You asked, when commenting, to get e-mails about the comments of "
                            "an article. Open a link to start them:") +
                     "\n\n";
  for (const std::string& l : links) text += l + "\n\n";
  text += lang.T("If it was not you, ignore this mail: nothing is sent without a click.") + "\n";
  m.text = std::move(text);
  std::vector<site::OutboxItem> items = {notifier_.Mail(m, "confirm", now)};
  stores_.outbox.Enqueue(items);
}

std::string Accounts::SessionCookie(const site::Reader& r, int64_t now) const {
  int64_t expires = now + session_seconds();
  return fmt::format("{}.{}.{}", r.id, expires, signer_.Sign(SessionMessage(r, expires)));
}

std::optional<int64_t> Accounts::SessionReader(std::string_view cookie) {
  return ReaderTokenId(cookie);
}

bool Accounts::SessionValid(std::string_view cookie, const site::Reader& r, int64_t now) const {
  size_t first = cookie.find('.');
  size_t second = first == std::string_view::npos ? first : cookie.find('.', first + 1);
  if (second == std::string_view::npos || r.confirmed_at == 0) return false;
  std::optional<int64_t> id = ParseWhole(cookie.substr(0, first));
  std::optional<int64_t> expires = ParseWhole(cookie.substr(first + 1, second - first - 1));
  if (!id || !expires || *id != r.id || *expires < now) return false;
  return signer_.Verify(SessionMessage(r, *expires), cookie.substr(second + 1));
}

std::optional<site::Reader> Accounts::Current(std::string_view cookie, int64_t now) {
  if (cookie.empty() || !config_.accounts.enabled) return std::nullopt;
  std::optional<int64_t> id = SessionReader(cookie);
  if (!id) return std::nullopt;
  auto r = stores_.readers.GetReader(*id);
  if (!r.ok() || !SessionValid(cookie, *r, now)) return std::nullopt;
  return *r;
}

std::string Accounts::FormToken(std::string_view cookie) const {
  return signer_.Sign(fmt::format("reader-form:{}", cookie));
}

bool Accounts::FormTokenFits(std::string_view cookie, std::string_view token) const {
  return !cookie.empty() && signer_.Verify(fmt::format("reader-form:{}", cookie), token);
}

Status Accounts::SignOutEverywhere(site::Reader r) {
  r.session_epoch += 1;
  return stores_.readers.UpdateReader(r);
}

AccountOutcome Accounts::ChangePassword(site::Reader r, const std::string& password) {
  if (utf8::Length(password) < kMinPassword) {
    return Invalid("password", "A password needs at least 10 characters.");
  }
  r.password_hash = moderation::HashPassword(password);
  r.session_epoch += 1;  // other sessions end with the old password
  Status st = stores_.readers.UpdateReader(r);
  if (!st.ok()) return Unavailable(st);
  return Done(r);
}

Result<std::string> Accounts::Export(const std::string& email, int64_t reader_id) {
  std::string key = site::EmailKey(email);
  nlohmann::json out;
  out["site"] = config_.site.name;
  out["address"] = key;
  out["account"] = nullptr;
  if (reader_id != 0) {
    auto r = stores_.readers.GetReader(reader_id);
    if (!r.ok()) return r.status();
    out["account"] = {{"id", r->id},
                      {"name", r->name},
                      {"email", r->email},
                      {"created_at", r->created_at},
                      {"confirmed_at", r->confirmed_at},
                      {"has_password", !r->password_hash.empty()}};
  }
  auto comments = stores_.comments.ListCommentsOf(key, reader_id);
  if (!comments.ok()) return comments.status();
  out["comments"] = nlohmann::json::array();
  for (const site::Comment& c : *comments) out["comments"].push_back(CommentJson(c));
  auto subs = stores_.outbox.ListSubscriptions(key);
  if (!subs.ok()) return subs.status();
  out["subscriptions"] = nlohmann::json::array();
  for (const site::Subscription& s : *subs) {
    out["subscriptions"].push_back({{"article_id", s.article_id},
                                    {"kind", site::SubscriptionKindName(s.kind)},
                                    {"confirmed", s.confirmed},
                                    {"digest", s.digest},
                                    {"created_at", s.created_at}});
  }
  auto mail = stores_.outbox.ListOutboxFor(key, 500);
  if (!mail.ok()) return mail.status();
  out["mail"] = nlohmann::json::array();
  for (const site::OutboxItem& m : *mail) {
    out["mail"].push_back({{"kind", m.kind},
                           {"about", m.topic},
                           {"state", m.state},
                           {"created_at", m.created_at},
                           {"sent_at", m.sent_at}});
  }
  out["retention_days"] = {{"addresses", config_.retention.addresses_days},
                           {"guest_emails", config_.retention.guest_emails_days},
                           {"rejected_comments", config_.retention.rejected_days}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<int64_t> Accounts::Erase(const std::string& email, int64_t reader_id) {
  std::string key = site::EmailKey(email);
  auto erased = stores_.comments.EraseCommentsOf(key, reader_id, erasure_removes(),
                                                 config_.accounts.anonymous_name);
  if (!erased.ok()) return erased.status();
  auto subs = stores_.outbox.RemoveSubscriptionsOf(key);
  if (!subs.ok()) return subs.status();
  if (reader_id != 0) {
    Status st = stores_.readers.DeleteReader(reader_id);
    if (!st.ok() && st.code() != Code::kNotFound) return st;
  }
  return *erased;
}

}  // namespace tribune::readers
