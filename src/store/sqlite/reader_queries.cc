#include "store/sqlite/reader_queries.h"

#include <fmt/format.h>

#include <ctime>

namespace tribune::store::sqlite {
namespace {

constexpr const char* kReaderColumns =
    "id, name, name_key, email, password_hash, confirmed_at, session_epoch, link_epoch, "
    "created_at";
constexpr const char* kSubscriptionColumns =
    "id, email_key, article_id, kind, confirmed, digest, created_at";
constexpr const char* kOutboxColumns =
    "id, kind, target, topic, payload, state, attempts, due_at, last_error, created_at, sent_at";

int64_t Changes(Connection& c) {
  Statement st = c.Prepare("SELECT changes()");
  st.Step();
  return st.Int(0);
}

site::Reader ReadReader(const Statement& st) {
  site::Reader r;
  r.id = st.Int(0);
  r.name = st.Text(1);
  r.name_key = st.Text(2);
  r.email = st.Text(3);
  r.password_hash = st.Text(4);
  r.confirmed_at = st.Int(5);
  r.session_epoch = st.Int(6);
  r.link_epoch = st.Int(7);
  r.created_at = st.Int(8);
  return r;
}

site::Subscription ReadSubscription(const Statement& st) {
  site::Subscription s;
  s.id = st.Int(0);
  s.email = st.Text(1);
  s.article_id = st.Int(2);
  site::ParseSubscriptionKind(st.Text(3), &s.kind);
  s.confirmed = st.Int(4) != 0;
  s.digest = st.Int(5) != 0;
  s.created_at = st.Int(6);
  return s;
}

site::OutboxItem ReadItem(const Statement& st) {
  site::OutboxItem i;
  i.id = st.Int(0);
  i.kind = st.Text(1);
  i.target = st.Text(2);
  i.topic = st.Text(3);
  i.payload = st.Text(4);
  i.state = st.Text(5);
  i.attempts = static_cast<int>(st.Int(6));
  i.due_at = st.Int(7);
  i.last_error = st.Text(8);
  i.created_at = st.Int(9);
  i.sent_at = st.Int(10);
  return i;
}

// Statement texts built once: the connection caches statements by pointer.
struct Sql {
  std::string reader_by_id = fmt::format("SELECT {} FROM readers WHERE id = ?", kReaderColumns);
  std::string reader_by_email =
      fmt::format("SELECT {} FROM readers WHERE email_key = ?", kReaderColumns);
  std::string reader_by_name =
      fmt::format("SELECT {} FROM readers WHERE name_key = ?", kReaderColumns);
  std::string subscription_by_id =
      fmt::format("SELECT {} FROM subscriptions WHERE id = ?", kSubscriptionColumns);
  std::string subscription_by_key = fmt::format(
      "SELECT {} FROM subscriptions WHERE email_key = ? AND article_id = ? AND kind = ?",
      kSubscriptionColumns);
  std::string subscriptions_of = fmt::format(
      "SELECT {} FROM subscriptions WHERE email_key = ? ORDER BY id", kSubscriptionColumns);
  std::string subscribers_of = fmt::format(
      "SELECT {} FROM subscriptions WHERE article_id = ? AND confirmed = 1 ORDER BY id",
      kSubscriptionColumns);
  std::string claim = fmt::format(
      "UPDATE outbox SET due_at = ?1, attempts = attempts + 1 WHERE id IN "
      "(SELECT id FROM outbox WHERE state = 'pending' AND due_at <= ?2 "
      "AND kind IN ('event', 'mail', 'webhook') ORDER BY due_at, id LIMIT ?3) RETURNING {}",
      kOutboxColumns);
  std::string take_digest = fmt::format(
      "UPDATE outbox SET state = 'sent', sent_at = ?1 WHERE id IN "
      "(SELECT id FROM outbox WHERE kind = 'digest' AND state = 'pending' AND created_at < ?2 "
      "ORDER BY id LIMIT ?3) RETURNING {}",
      kOutboxColumns);
  std::string outbox_for = fmt::format(
      "SELECT {} FROM outbox WHERE target = ? ORDER BY id DESC LIMIT ?", kOutboxColumns);
};

const Sql& Queries() {
  static const Sql sql;
  return sql;
}

// Binds a reader's fields as ?1 .. ?8 (name .. link_epoch).
Statement& BindReader(Statement& st, const site::Reader& r) {
  return st.Bind(1, r.name)
      .Bind(2, r.name_key)
      .Bind(3, r.email)
      .Bind(4, site::EmailKey(r.email))
      .Bind(5, r.password_hash)
      .Bind(6, r.confirmed_at)
      .Bind(7, r.session_epoch)
      .Bind(8, r.link_epoch);
}

void InsertItem(Connection& c, const site::OutboxItem& i, int64_t now) {
  c.Prepare("INSERT INTO outbox (kind, target, topic, payload, due_at, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)")
      .Bind(1, i.kind)
      .Bind(2, i.target)
      .Bind(3, i.topic)
      .Bind(4, i.payload)
      .Bind(5, i.due_at ? i.due_at : now)
      .Bind(6, i.created_at ? i.created_at : now)
      .Step();
}

int64_t Clock() { return static_cast<int64_t>(std::time(nullptr)); }

}  // namespace

const char* const kReaderByEmail = Queries().reader_by_email.c_str();
const char* const kReaderByNameKey = Queries().reader_by_name.c_str();

void RecordCommentEvent(Connection& c, int64_t comment_id, int64_t article_id,
                        site::CommentStatus status, const site::CommentStatus* was, int64_t now) {
  if (now == 0) now = Clock();
  site::OutboxItem e;
  e.kind = "event";
  e.payload = fmt::format(R"({{"comment":{},"article":{},"status":"{}","was":"{}"}})",
                          comment_id, article_id, site::StatusName(status),
                          was ? site::StatusName(*was) : "");
  InsertItem(c, e, now);
}

Result<site::Reader> CreateReader(Connection& c, const site::Reader& r) {
  if (GetReaderBy(c, kReaderByNameKey, r.name_key).ok()) {
    return AlreadyExists("a reader has this name");
  }
  if (GetReaderBy(c, kReaderByEmail, site::EmailKey(r.email)).ok()) {
    return AlreadyExists("a reader has this e-mail address");
  }
  Statement ins = c.Prepare(
      "INSERT INTO readers (name, name_key, email, email_key, password_hash, confirmed_at, "
      "session_epoch, link_epoch, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  BindReader(ins, r).Bind(9, r.created_at).Step();
  site::Reader out = r;
  out.id = c.LastInsertId();
  return out;
}

Result<site::Reader> GetReaderBy(Connection& c, const char* sql, std::string_view key) {
  Statement st = c.Prepare(sql);
  st.Bind(1, key);
  if (!st.Step()) return NotFound("no such reader");
  return ReadReader(st);
}

Result<site::Reader> GetReaderById(Connection& c, int64_t id) {
  Statement st = c.Prepare(Queries().reader_by_id.c_str());
  st.Bind(1, id);
  if (!st.Step()) return NotFound(fmt::format("no reader {}", id));
  return ReadReader(st);
}

Status UpdateReader(Connection& c, const site::Reader& r) {
  Statement other = c.Prepare("SELECT id FROM readers WHERE (name_key = ? OR email_key = ?) "
                              "AND id <> ?");
  other.Bind(1, r.name_key).Bind(2, site::EmailKey(r.email)).Bind(3, r.id);
  if (other.Step()) return AlreadyExists("another reader has this name or e-mail address");
  Statement update = c.Prepare(
      "UPDATE readers SET name = ?, name_key = ?, email = ?, email_key = ?, password_hash = ?, "
      "confirmed_at = ?, session_epoch = ?, link_epoch = ? WHERE id = ?");
  BindReader(update, r).Bind(9, r.id).Step();
  if (Changes(c) == 0) return NotFound(fmt::format("no reader {}", r.id));
  return Status::Ok();
}

Status DeleteReader(Connection& c, int64_t id) {
  c.Prepare("DELETE FROM readers WHERE id = ?").Bind(1, id).Step();
  if (Changes(c) == 0) return NotFound(fmt::format("no reader {}", id));
  return Status::Ok();
}

Result<int64_t> PruneUnconfirmedReaders(Connection& c, int64_t before) {
  c.Prepare("DELETE FROM readers WHERE confirmed_at = 0 AND created_at < ?").Bind(1, before).Step();
  return Changes(c);
}

Result<site::Subscription> AddSubscription(Connection& c, const site::Subscription& s) {
  std::string kind(site::SubscriptionKindName(s.kind));
  c.Prepare("INSERT INTO subscriptions (email_key, article_id, kind, confirmed, digest, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (email_key, article_id, kind) "
            "DO UPDATE SET confirmed = max(confirmed, excluded.confirmed), "
            "digest = max(digest, excluded.digest)")
      .Bind(1, site::EmailKey(s.email))
      .Bind(2, s.article_id)
      .Bind(3, kind)
      .Bind(4, int64_t{s.confirmed})
      .Bind(5, int64_t{s.digest})
      .Bind(6, s.created_at)
      .Step();
  Statement st = c.Prepare(Queries().subscription_by_key.c_str());
  st.Bind(1, site::EmailKey(s.email)).Bind(2, s.article_id).Bind(3, kind);
  st.Step();
  return ReadSubscription(st);
}

Result<site::Subscription> GetSubscription(Connection& c, int64_t id) {
  Statement st = c.Prepare(Queries().subscription_by_id.c_str());
  st.Bind(1, id);
  if (!st.Step()) return NotFound(fmt::format("no subscription {}", id));
  return ReadSubscription(st);
}

Status ConfirmSubscription(Connection& c, int64_t id) {
  c.Prepare("UPDATE subscriptions SET confirmed = 1 WHERE id = ?").Bind(1, id).Step();
  if (Changes(c) == 0) return NotFound(fmt::format("no subscription {}", id));
  return Status::Ok();
}

Status SetDigest(Connection& c, const std::string& email_key, bool digest) {
  c.Prepare("UPDATE subscriptions SET digest = ? WHERE email_key = ?")
      .Bind(1, int64_t{digest})
      .Bind(2, email_key)
      .Step();
  return Status::Ok();
}

Status RemoveSubscription(Connection& c, int64_t id) {
  c.Prepare("DELETE FROM subscriptions WHERE id = ?").Bind(1, id).Step();
  if (Changes(c) == 0) return NotFound(fmt::format("no subscription {}", id));
  return Status::Ok();
}

Result<int64_t> RemoveSubscriptionsOf(Connection& c, const std::string& email_key) {
  c.Prepare("DELETE FROM subscriptions WHERE email_key = ?").Bind(1, email_key).Step();
  return Changes(c);
}

Result<std::vector<site::Subscription>> ListSubscriptions(Connection& c,
                                                          const std::string& email_key) {
  Statement st = c.Prepare(Queries().subscriptions_of.c_str());
  st.Bind(1, email_key);
  std::vector<site::Subscription> out;
  while (st.Step()) out.push_back(ReadSubscription(st));
  return out;
}

Result<std::vector<site::Subscription>> SubscribersOf(Connection& c, int64_t article_id) {
  Statement st = c.Prepare(Queries().subscribers_of.c_str());
  st.Bind(1, article_id);
  std::vector<site::Subscription> out;
  while (st.Step()) out.push_back(ReadSubscription(st));
  return out;
}

Status Enqueue(Connection& c, std::span<const site::OutboxItem> items) {
  int64_t now = Clock();
  for (const site::OutboxItem& i : items) InsertItem(c, i, now);
  return Status::Ok();
}

Result<std::vector<site::OutboxItem>> ClaimOutbox(Connection& c, int64_t now, int64_t lease_s,
                                                  int64_t limit) {
  Statement st = c.Prepare(Queries().claim.c_str());
  st.Bind(1, now + lease_s).Bind(2, now).Bind(3, limit);
  std::vector<site::OutboxItem> out;
  while (st.Step()) out.push_back(ReadItem(st));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

Status FinishOutbox(Connection& c, int64_t id, const std::string& state, const std::string& error,
                    int64_t retry_at, int64_t now) {
  c.Prepare("UPDATE outbox SET state = ?, last_error = ?, due_at = ?, "
            "sent_at = CASE WHEN ? = 'pending' THEN 0 ELSE ? END WHERE id = ?")
      .Bind(1, state)
      .Bind(2, error.substr(0, 500))
      .Bind(3, retry_at)
      .Bind(4, state)
      .Bind(5, now)
      .Bind(6, id)
      .Step();
  if (Changes(c) == 0) return NotFound(fmt::format("no outbox item {}", id));
  return Status::Ok();
}

Status ExpandEvent(Connection& c, int64_t event_id, std::span<const site::OutboxItem> items,
                   int64_t now) {
  for (const site::OutboxItem& i : items) InsertItem(c, i, now);
  return FinishOutbox(c, event_id, "sent", "", now, now);
}

Result<int64_t> CountOutbox(Connection& c, const std::string& kind, const std::string& target,
                            const std::string& topic, int64_t since) {
  Statement st = c.Prepare("SELECT count(*) FROM outbox WHERE target = ? AND topic = ? AND "
                           "kind = ? AND created_at >= ?");
  st.Bind(1, target).Bind(2, topic).Bind(3, kind).Bind(4, since);
  st.Step();
  return st.Int(0);
}

Result<std::vector<site::OutboxItem>> TakeDigestLines(Connection& c, int64_t before,
                                                      int64_t limit) {
  Statement st = c.Prepare(Queries().take_digest.c_str());
  st.Bind(1, Clock()).Bind(2, before).Bind(3, limit);
  std::vector<site::OutboxItem> out;
  while (st.Step()) out.push_back(ReadItem(st));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

Result<OutboxStore::Backlog> OutboxBacklog(Connection& c) {
  Statement st = c.Prepare("SELECT count(*) FILTER (WHERE state = 'pending' AND kind <> 'digest'), "
                           "count(*) FILTER (WHERE state = 'failed') FROM outbox "
                           "WHERE state <> 'sent'");
  st.Step();
  return OutboxStore::Backlog{st.Int(0), st.Int(1)};
}

Result<std::vector<site::OutboxItem>> ListOutboxFor(Connection& c, const std::string& target,
                                                    int64_t limit) {
  Statement st = c.Prepare(Queries().outbox_for.c_str());
  st.Bind(1, target).Bind(2, limit);
  std::vector<site::OutboxItem> out;
  while (st.Step()) out.push_back(ReadItem(st));
  return out;
}

Result<int64_t> PruneOutbox(Connection& c, int64_t before) {
  c.Prepare("DELETE FROM outbox WHERE state <> 'pending' AND sent_at < ?").Bind(1, before).Step();
  return Changes(c);
}

Result<bool> ClaimJob(Connection& c, const std::string& name, int64_t period_s, int64_t now) {
  c.Prepare("INSERT INTO jobs (name, last_run) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE "
            "SET last_run = excluded.last_run WHERE jobs.last_run <= ?2 - ?3")
      .Bind(1, name)
      .Bind(2, now)
      .Bind(3, period_s)
      .Step();
  return Changes(c) == 1;
}

}  // namespace tribune::store::sqlite
