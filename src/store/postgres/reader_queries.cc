#include "store/postgres/reader_queries.h"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>

namespace tribune::store::pg {
namespace {

#define TRIBUNE_READER_COLUMNS                                                          \
  "id, name, name_key, email, password_hash, confirmed_at, session_epoch, link_epoch, " \
  "created_at"
#define TRIBUNE_SUBSCRIPTION_COLUMNS "id, email_key, article_id, kind, confirmed, digest, created_at"
#define TRIBUNE_OUTBOX_COLUMNS \
  "id, kind, target, topic, payload, state, attempts, due_at, last_error, created_at, sent_at"

site::Reader ReadReader(const Rows& r, int i) {
  site::Reader out;
  out.id = r.Int(i, 0);
  out.name = r.Text(i, 1);
  out.name_key = r.Text(i, 2);
  out.email = r.Text(i, 3);
  out.password_hash = r.Text(i, 4);
  out.confirmed_at = r.Int(i, 5);
  out.session_epoch = r.Int(i, 6);
  out.link_epoch = r.Int(i, 7);
  out.created_at = r.Int(i, 8);
  return out;
}

site::Subscription ReadSubscription(const Rows& r, int i) {
  site::Subscription s;
  s.id = r.Int(i, 0);
  s.email = r.Text(i, 1);
  s.article_id = r.Int(i, 2);
  site::ParseSubscriptionKind(r.View(i, 3), &s.kind);
  s.confirmed = r.Int(i, 4) != 0;
  s.digest = r.Int(i, 5) != 0;
  s.created_at = r.Int(i, 6);
  return s;
}

std::vector<site::Subscription> ReadSubscriptions(const Rows& r) {
  std::vector<site::Subscription> out;
  for (int i = 0; i < r.size(); ++i) out.push_back(ReadSubscription(r, i));
  return out;
}

std::vector<site::OutboxItem> ReadItems(const Rows& r) {
  std::vector<site::OutboxItem> out;
  for (int i = 0; i < r.size(); ++i) {
    site::OutboxItem it;
    it.id = r.Int(i, 0);
    it.kind = r.Text(i, 1);
    it.target = r.Text(i, 2);
    it.topic = r.Text(i, 3);
    it.payload = r.Text(i, 4);
    it.state = r.Text(i, 5);
    it.attempts = static_cast<int>(r.Int(i, 6));
    it.due_at = r.Int(i, 7);
    it.last_error = r.Text(i, 8);
    it.created_at = r.Int(i, 9);
    it.sent_at = r.Int(i, 10);
    out.push_back(std::move(it));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

// A reader's fields as $1 .. $8 (name .. link_epoch).
Params ReaderParams(const site::Reader& r) {
  Params p;
  p.Add(r.name)
      .Add(r.name_key)
      .Add(r.email)
      .Add(site::EmailKey(r.email))
      .Add(r.password_hash)
      .Add(r.confirmed_at)
      .Add(r.session_epoch)
      .Add(r.link_epoch);
  return p;
}

void InsertItem(Connection& c, const site::OutboxItem& i, int64_t now) {
  c.Run("INSERT INTO outbox (kind, target, topic, payload, due_at, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        Params()
            .Add(i.kind)
            .Add(i.target)
            .Add(i.topic)
            .Add(i.payload)
            .Add(i.due_at ? i.due_at : now)
            .Add(i.created_at ? i.created_at : now));
}

int64_t Clock() { return static_cast<int64_t>(std::time(nullptr)); }

}  // namespace

const char* const kReaderByEmail =
    "SELECT " TRIBUNE_READER_COLUMNS " FROM readers WHERE email_key = $1";
const char* const kReaderByNameKey =
    "SELECT " TRIBUNE_READER_COLUMNS " FROM readers WHERE name_key = $1";

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
  try {
    Rows ins = c.Run(
        "INSERT INTO readers (name, name_key, email, email_key, password_hash, confirmed_at, "
        "session_epoch, link_epoch, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
        "RETURNING id",
        ReaderParams(r).Add(r.created_at));
    site::Reader out = r;
    out.id = ins.Int(0, 0);
    return out;
  } catch (const Error& e) {
    if (e.unique_violation()) return AlreadyExists("a reader has this name or e-mail address");
    throw;
  }
}

Result<site::Reader> GetReaderBy(Connection& c, const char* sql, std::string_view key) {
  Rows r = c.Run(sql, Params().Add(key));
  if (r.empty()) return NotFound("no such reader");
  return ReadReader(r, 0);
}

Result<site::Reader> GetReaderById(Connection& c, int64_t id) {
  Rows r = c.Run("SELECT " TRIBUNE_READER_COLUMNS " FROM readers WHERE id = $1", Params().Add(id));
  if (r.empty()) return NotFound(fmt::format("no reader {}", id));
  return ReadReader(r, 0);
}

Status UpdateReader(Connection& c, const site::Reader& r) {
  Rows other = c.Run("SELECT id FROM readers WHERE (name_key = $1 OR email_key = $2) AND id <> $3",
                     Params().Add(r.name_key).Add(site::EmailKey(r.email)).Add(r.id));
  if (!other.empty()) return AlreadyExists("another reader has this name or e-mail address");
  Rows u = c.Run("UPDATE readers SET name = $1, name_key = $2, email = $3, email_key = $4, "
                 "password_hash = $5, confirmed_at = $6, session_epoch = $7, link_epoch = $8 "
                 "WHERE id = $9",
                 ReaderParams(r).Add(r.id));
  if (u.affected() == 0) return NotFound(fmt::format("no reader {}", r.id));
  return Status::Ok();
}

Status DeleteReader(Connection& c, int64_t id) {
  Rows d = c.Run("DELETE FROM readers WHERE id = $1", Params().Add(id));
  if (d.affected() == 0) return NotFound(fmt::format("no reader {}", id));
  return Status::Ok();
}

Result<int64_t> PruneUnconfirmedReaders(Connection& c, int64_t before) {
  return c.Run("DELETE FROM readers WHERE confirmed_at = 0 AND created_at < $1",
               Params().Add(before))
      .affected();
}

Result<site::Subscription> AddSubscription(Connection& c, const site::Subscription& s) {
  Rows r = c.Run(
      "INSERT INTO subscriptions (email_key, article_id, kind, confirmed, digest, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email_key, article_id, kind) DO UPDATE SET "
      "confirmed = GREATEST(subscriptions.confirmed, excluded.confirmed), "
      "digest = GREATEST(subscriptions.digest, excluded.digest) "
      "RETURNING " TRIBUNE_SUBSCRIPTION_COLUMNS,
      Params()
          .Add(site::EmailKey(s.email))
          .Add(s.article_id)
          .Add(site::SubscriptionKindName(s.kind))
          .Add(int64_t{s.confirmed})
          .Add(int64_t{s.digest})
          .Add(s.created_at));
  return ReadSubscription(r, 0);
}

Result<site::Subscription> GetSubscription(Connection& c, int64_t id) {
  Rows r = c.Run("SELECT " TRIBUNE_SUBSCRIPTION_COLUMNS " FROM subscriptions WHERE id = $1",
                 Params().Add(id));
  if (r.empty()) return NotFound(fmt::format("no subscription {}", id));
  return ReadSubscription(r, 0);
}

Status ConfirmSubscription(Connection& c, int64_t id) {
  Rows u = c.Run("UPDATE subscriptions SET confirmed = 1 WHERE id = $1", Params().Add(id));
  if (u.affected() == 0) return NotFound(fmt::format("no subscription {}", id));
  return Status::Ok();
}

Status SetDigest(Connection& c, const std::string& email_key, bool digest) {
  c.Run("UPDATE subscriptions SET digest = $1 WHERE email_key = $2",
        Params().Add(int64_t{digest}).Add(email_key));
  return Status::Ok();
}

Status RemoveSubscription(Connection& c, int64_t id) {
  Rows d = c.Run("DELETE FROM subscriptions WHERE id = $1", Params().Add(id));
  if (d.affected() == 0) return NotFound(fmt::format("no subscription {}", id));
  return Status::Ok();
}

Result<int64_t> RemoveSubscriptionsOf(Connection& c, const std::string& email_key) {
  return c.Run("DELETE FROM subscriptions WHERE email_key = $1", Params().Add(email_key))
      .affected();
}

Result<std::vector<site::Subscription>> ListSubscriptions(Connection& c,
                                                          const std::string& email_key) {
  return ReadSubscriptions(c.Run("SELECT " TRIBUNE_SUBSCRIPTION_COLUMNS
                                 " FROM subscriptions WHERE email_key = $1 ORDER BY id",
                                 Params().Add(email_key)));
}

Result<std::vector<site::Subscription>> SubscribersOf(Connection& c, int64_t article_id) {
  return ReadSubscriptions(
      c.Run("SELECT " TRIBUNE_SUBSCRIPTION_COLUMNS
            " FROM subscriptions WHERE article_id = $1 AND confirmed = 1 ORDER BY id",
            Params().Add(article_id)));
}

Status Enqueue(Connection& c, std::span<const site::OutboxItem> items) {
  int64_t now = Clock();
  for (const site::OutboxItem& i : items) InsertItem(c, i, now);
  return Status::Ok();
}

Result<std::vector<site::OutboxItem>> ClaimOutbox(Connection& c, int64_t now, int64_t lease_s,
                                                  int64_t limit) {
  return ReadItems(c.Run(
      "UPDATE outbox SET due_at = $1, attempts = attempts + 1 WHERE id IN "
      "(SELECT id FROM outbox WHERE state = 'pending' AND due_at <= $2 "
      "AND kind IN ('event', 'mail', 'webhook') ORDER BY due_at, id LIMIT $3 "
      "FOR UPDATE SKIP LOCKED) RETURNING " TRIBUNE_OUTBOX_COLUMNS,
      Params().Add(now + lease_s).Add(now).Add(limit)));
}

Status FinishOutbox(Connection& c, int64_t id, const std::string& state, const std::string& error,
                    int64_t retry_at, int64_t now) {
  Rows u = c.Run("UPDATE outbox SET state = $1, last_error = $2, due_at = $3, "
                 "sent_at = CASE WHEN $1 = 'pending' THEN 0 ELSE $4::bigint END WHERE id = $5",
                 Params().Add(state).Add(error.substr(0, 500)).Add(retry_at).Add(now).Add(id));
  if (u.affected() == 0) return NotFound(fmt::format("no outbox item {}", id));
  return Status::Ok();
}

Status ExpandEvent(Connection& c, int64_t event_id, std::span<const site::OutboxItem> items,
                   int64_t now) {
  for (const site::OutboxItem& i : items) InsertItem(c, i, now);
  return FinishOutbox(c, event_id, "sent", "", now, now);
}

Result<int64_t> CountOutbox(Connection& c, const std::string& kind, const std::string& target,
                            const std::string& topic, int64_t since) {
  return c.Run("SELECT count(*) FROM outbox WHERE target = $1 AND topic = $2 AND kind = $3 "
               "AND created_at >= $4",
               Params().Add(target).Add(topic).Add(kind).Add(since))
      .Int(0, 0);
}

Result<std::vector<site::OutboxItem>> TakeDigestLines(Connection& c, int64_t before,
                                                      int64_t limit) {
  return ReadItems(c.Run(
      "UPDATE outbox SET state = 'sent', sent_at = $1 WHERE id IN "
      "(SELECT id FROM outbox WHERE kind = 'digest' AND state = 'pending' AND created_at < $2 "
      "ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING " TRIBUNE_OUTBOX_COLUMNS,
      Params().Add(Clock()).Add(before).Add(limit)));
}

Result<OutboxStore::Backlog> OutboxBacklog(Connection& c) {
  Rows r = c.Run("SELECT count(*) FILTER (WHERE state = 'pending' AND kind <> 'digest'), "
                 "count(*) FILTER (WHERE state = 'failed') FROM outbox WHERE state <> 'sent'");
  return OutboxStore::Backlog{r.Int(0, 0), r.Int(0, 1)};
}

Result<std::vector<site::OutboxItem>> ListOutboxFor(Connection& c, const std::string& target,
                                                    int64_t limit) {
  std::vector<site::OutboxItem> out = ReadItems(
      c.Run("SELECT " TRIBUNE_OUTBOX_COLUMNS " FROM outbox WHERE target = $1 "
            "ORDER BY id DESC LIMIT $2",
            Params().Add(target).Add(limit)));
  std::reverse(out.begin(), out.end());
  return out;
}

Result<int64_t> PruneOutbox(Connection& c, int64_t before) {
  return c.Run("DELETE FROM outbox WHERE state <> 'pending' AND sent_at < $1", Params().Add(before))
      .affected();
}

Result<bool> ClaimJob(Connection& c, const std::string& name, int64_t period_s, int64_t now) {
  Rows r = c.Run("INSERT INTO jobs (name, last_run) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE "
                 "SET last_run = excluded.last_run WHERE jobs.last_run <= $2 - $3::bigint",
                 Params().Add(name).Add(now).Add(period_s));
  return r.affected() == 1;
}

}  // namespace tribune::store::pg
