#include "readers/notifier.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "core/html.h"
#include "core/utf8.h"
#include "readers/links.h"

namespace tribune::readers {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kStaffAlertsPerHour = 30;
constexpr size_t kExcerptChars = 600;

std::string Excerpt(const std::string& text, size_t chars) {
  std::string out = utf8::Truncate(text, chars);
  if (out.size() < text.size()) out += "…";
  return out;
}

std::string HostOf(const std::string& base) {
  size_t scheme = base.find("://");
  std::string host = scheme == std::string::npos ? base : base.substr(scheme + 3);
  host = host.substr(0, host.find('/'));
  if (!host.empty() && host.front() == '[') return "localhost";
  host = host.substr(0, host.find(':'));
  return host.empty() ? "localhost" : host;
}

}  // namespace

Notifier::Notifier(const Config& config, NotifierStores stores, const comments::Signer& signer,
                   const i18n::Language& lang)
    : config_(config), stores_(stores), signer_(signer), lang_(lang) {
  SetBase(MailBase(config));
}

void Notifier::SetBase(std::string base) {
  while (!base.empty() && base.back() == '/') base.pop_back();
  base_ = std::move(base);
  from_ = !config_.mail.from.empty()
              ? config_.mail.from
              : fmt::format("{} <noreply@{}>", config_.site.name, HostOf(base_));
}

site::OutboxItem Notifier::Mail(const MailMessage& m, const std::string& topic, int64_t now) const {
  site::OutboxItem item;
  item.kind = "mail";
  item.target = site::EmailKey(m.to);
  item.topic = topic;
  MailMessage sent = m;
  if (sent.from.empty()) sent.from = from_;
  item.payload = ComposeMail(sent, now, signer_.Sign(fmt::format("{}:{}:{}", m.to, m.subject, now)).substr(0, 16));
  item.due_at = now;
  item.created_at = now;
  return item;
}

Result<std::vector<site::OutboxItem>> Notifier::Expand(const site::OutboxItem& event, int64_t now) {
  std::vector<site::OutboxItem> out;
  nlohmann::json e = nlohmann::json::parse(event.payload, nullptr, false);
  if (e.is_discarded() || !e.contains("comment")) return out;
  int64_t id = e.value("comment", int64_t{0});
  int64_t article = e.value("article", int64_t{0});
  std::string status = e.value("status", "");
  std::string was = e.value("was", "");
  // Most events tell nobody: no webhooks, no staff to alert, nobody following
  // the article. Those end here, without reading the comment.
  bool hooks = !config_.webhooks.urls.empty();
  bool alerts = status == "held" && !config_.mail.staff_alerts.empty();
  std::vector<site::Subscription> subs;  // of the article, read once
  bool subs_read = false;
  if (status == "published" && article != 0) {
    auto read = stores_.outbox.SubscribersOf(article);
    if (!read.ok()) return read.status();
    subs = std::move(read).value();
    subs_read = true;
  }
  if (!hooks && !alerts && (status != "published" || (subs_read && subs.empty()))) return out;
  auto c = stores_.comments.GetComment(id);
  if (!c.ok()) {
    if (c.status().code() == Code::kNotFound) return out;
    return c.status();
  }
  // The comment as it is now decides: an event about a status it has left says nothing.
  if (std::string(site::StatusName(c->status)) != status) return out;
  auto a = stores_.articles.GetArticle(c->article_id);
  if (!a.ok()) {
    if (a.status().code() == Code::kNotFound) return out;
    return a.status();
  }
  if (c->status == site::CommentStatus::kPublished) {
    if (!subs_read) {
      auto read = stores_.outbox.SubscribersOf(a->id);
      if (!read.ok()) return read.status();
      subs = std::move(read).value();
    }
    Notifications(*c, *a, subs, now, out);
  }
  if (c->status == site::CommentStatus::kHeld) StaffAlerts(*c, *a, now, out);
  Webhooks(*c, *a, was, now, out);
  return out;
}

void Notifier::Notifications(const site::Comment& c, const site::Article& a,
                             const std::vector<site::Subscription>& subs, int64_t now,
                             std::vector<site::OutboxItem>& out) {
  if (subs.empty()) return;
  std::string author_key = site::EmailKey(c.email);
  if (author_key.empty() && c.reader_id != 0) {
    if (auto r = stores_.readers.GetReader(c.reader_id); r.ok()) author_key = site::EmailKey(r->email);
  }
  // Who wrote the answered comment: they hear of the reply as a reply.
  std::string answered_key;
  if (c.reply_to != 0) {
    if (auto parent = stores_.comments.GetComment(c.reply_to); parent.ok()) {
      answered_key = site::EmailKey(parent->email);
      if (answered_key.empty() && parent->reader_id != 0) {
        if (auto r = stores_.readers.GetReader(parent->reader_id); r.ok()) {
          answered_key = site::EmailKey(r->email);
        }
      }
    }
  }
  // One mail an address: a reply outranks news of the thread.
  std::map<std::string, const site::Subscription*> to;
  for (const site::Subscription& s : subs) {
    if (s.email == author_key) continue;
    bool reply = s.kind == site::SubscriptionKind::kReplies && !answered_key.empty() &&
                 s.email == answered_key;
    if (!reply && s.kind != site::SubscriptionKind::kThread) continue;
    auto [it, fresh] = to.emplace(s.email, &s);
    if (!fresh && reply) it->second = &s;
  }
  std::string topic = fmt::format("article:{}", a.id);
  std::string link = fmt::format("{}/comments/{}", base_, c.id);
  for (const auto& [email, s] : to) {
    bool reply = s->kind == site::SubscriptionKind::kReplies;
    auto sent = stores_.outbox.CountOutbox("mail", email, topic, now - kDay);
    bool over = sent.ok() && *sent >= config_.mail.per_thread_per_day;
    if (s->digest || over) {
      site::OutboxItem line;
      line.kind = "digest";
      line.target = email;
      line.topic = topic;
      line.payload = fmt::format("{} — {}{}: {}\n  {}", a.title, c.author,
                                 reply ? " " + lang_.T("(a reply to you)") : "",
                                 Excerpt(c.body_text, 160), link);
      line.due_at = now;
      line.created_at = now;
      out.push_back(std::move(line));
      continue;
    }
    MailMessage m;
    m.to = email;
    m.subject = reply ? lang_.F("{author} replied to your comment on “{title}”", {},
                                {{"author", c.author}, {"title", a.title}})
                      : lang_.F("New comment on “{title}”", {}, {{"title", a.title}});
    m.unsubscribe = fmt::format("{}/notifications/unsubscribe?s={}&t={}", base_, s->id,
                                SubscriptionSignature(signer_, "unsubscribe", s->id));
    std::string wrote =
        reply ? lang_.F("{author} wrote in reply to your comment #{number}:",
                        {{"number", c.reply_to_number}}, {{"author", c.author}})
              : lang_.F("{author} wrote:", {}, {{"author", c.author}});
    std::string why =
        reply ? lang_.F("You get this because you asked to be told of replies to your comments "
                        "at {site}.",
                        {}, {{"site", config_.site.name}})
              : lang_.F("You get this because you asked to follow the comments on this article "
                        "at {site}.",
                        {}, {{"site", config_.site.name}});
    m.text = fmt::format("{}\n\n{}\n\n{} {}\n\n-- \n{}\n{} {}\n", wrote,
                         Excerpt(c.body_text, kExcerptChars), lang_.T("Read it on the site:"),
                         link, why, lang_.T("Stop these e-mails:"), m.unsubscribe);
    out.push_back(Mail(m, topic, now));
  }
}

void Notifier::StaffAlerts(const site::Comment& c, const site::Article& a, int64_t now,
                           std::vector<site::OutboxItem>& out) {
  for (const std::string& address : config_.mail.staff_alerts) {
    auto sent = stores_.outbox.CountOutbox("mail", site::EmailKey(address), "held", now - 3600);
    if (sent.ok() && *sent >= kStaffAlertsPerHour) continue;
    MailMessage m;
    m.to = address;
    m.subject = lang_.F("A comment waits for a moderator: “{title}”", {}, {{"title", a.title}});
    m.text = fmt::format("{}\n\n{}\n\n{} {}/newsroom/queue\n",
                         lang_.F("{author} wrote on “{title}”:", {},
                                 {{"author", c.author}, {"title", a.title}}),
                         Excerpt(c.body_text, kExcerptChars), lang_.T("The queue:"), base_);
    out.push_back(Mail(m, "held", now));
  }
}

void Notifier::Webhooks(const site::Comment& c, const site::Article& a, const std::string& was,
                        int64_t now, std::vector<site::OutboxItem>& out) {
  if (config_.webhooks.urls.empty()) return;
  std::vector<std::string> events;
  std::string status(site::StatusName(c.status));
  if (status == "published" || status == "held" || status == "spam") events.push_back(status);
  if (!was.empty()) events.push_back("decided");
  for (const std::string& name : events) {
    const auto& wanted = config_.webhooks.events;
    if (std::find(wanted.begin(), wanted.end(), name) == wanted.end()) continue;
    nlohmann::json body = {
        {"event", "comment." + name},
        {"at", now},
        {"comment",
         {{"id", c.id},
          {"article_id", c.article_id},
          {"number", c.number},
          {"status", status},
          {"was", was},
          {"author", c.author},
          {"text", c.body_text},
          {"reply_to", c.reply_to},
          {"created_at", c.created_at},
          {"url", fmt::format("{}/comments/{}", base_, c.id)},
          {"screening", {{"action", c.screening.action}, {"score", c.screening.score}}}}},
        {"article", {{"id", a.id}, {"title", a.title}, {"url", base_ + site::ArticlePath(a)}}},
    };
    for (const std::string& url : config_.webhooks.urls) {
      site::OutboxItem hook;
      hook.kind = "webhook";
      hook.target = url;
      hook.topic = "comment." + name;
      hook.payload = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      hook.due_at = now;
      hook.created_at = now;
      out.push_back(std::move(hook));
    }
  }
}

Result<int64_t> Notifier::SendDigests(int64_t now) {
  auto lines = stores_.outbox.TakeDigestLines(now + 1, 10000);
  if (!lines.ok()) return lines.status();
  std::map<std::string, std::vector<const site::OutboxItem*>> by_address;
  for (const site::OutboxItem& l : *lines) by_address[l.target].push_back(&l);
  std::vector<site::OutboxItem> mails;
  for (const auto& [email, items] : by_address) {
    MailMessage m;
    m.to = email;
    m.subject = lang_.F("{site}: {count, plural, one {# new comment} other {# new comments}}",
                        {{"count", static_cast<int64_t>(items.size())}},
                        {{"site", config_.site.name}});
    m.unsubscribe = fmt::format("{}/notifications/unsubscribe?e={}&t={}", base_,
                                html::UrlEncode(email), AddressSignature(signer_, "unsubscribe", email));
    std::string text = lang_.T("New since your last digest:") + "\n\n";
    for (const site::OutboxItem* i : items) text += "* " + i->payload + "\n\n";
    text += "-- \n" + lang_.F("Stop every e-mail from {site}:", {}, {{"site", config_.site.name}}) +
            " " + m.unsubscribe + "\n";
    m.text = std::move(text);
    mails.push_back(Mail(m, "digest", now));
  }
  if (!mails.empty()) TRIBUNE_RETURN_IF_ERROR(stores_.outbox.Enqueue(mails));
  return static_cast<int64_t>(mails.size());
}

}  // namespace tribune::readers
