#include "store/sqlite/migrations.h"

#include <fmt/format.h>

#include <array>

namespace tribune::store::sqlite {
namespace {

// Each entry moves the schema from version i to i + 1. Append only: never
// edit a migration that has shipped.
constexpr std::array<const char*, 12> kMigrations = {
    R"sql(
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE articles (
  id            INTEGER PRIMARY KEY,
  slug          TEXT NOT NULL,
  title         TEXT NOT NULL,
  lead          TEXT NOT NULL DEFAULT '',
  body          TEXT NOT NULL,
  source        TEXT NOT NULL DEFAULT '',
  published_at  INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  comments_open INTEGER NOT NULL DEFAULT 1,
  comment_count INTEGER NOT NULL DEFAULT 0,
  last_number   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_by_time ON articles (published_at DESC, id DESC);
CREATE TABLE comments (
  id               INTEGER PRIMARY KEY,
  article_id       INTEGER NOT NULL REFERENCES articles (id),
  number           INTEGER,
  status           TEXT NOT NULL CHECK (status IN ('published', 'held', 'spam', 'deleted')),
  author           TEXT NOT NULL,
  email            TEXT NOT NULL DEFAULT '',
  body_source      TEXT NOT NULL,
  body_html        TEXT NOT NULL,
  body_html_member TEXT NOT NULL,
  body_text        TEXT NOT NULL,
  ip               TEXT NOT NULL DEFAULT '',
  user_agent       TEXT NOT NULL DEFAULT '',
  created_at       INTEGER NOT NULL,
  body_hash        INTEGER NOT NULL
);
CREATE INDEX comments_published ON comments (article_id, number DESC) WHERE status = 'published';
CREATE INDEX comments_dedupe ON comments (article_id, body_hash, created_at);
)sql",
    // 2: the spam engine's verdict on each comment.
    R"sql(
ALTER TABLE comments ADD COLUMN screen_action TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN screen_score REAL NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN screen_reasons TEXT NOT NULL DEFAULT '[]';
ALTER TABLE comments ADD COLUMN screen_model TEXT NOT NULL DEFAULT '';
)sql",
    // 3: moderators' decisions, and the spam models learned from them.
    R"sql(
ALTER TABLE comments ADD COLUMN moderator_label TEXT NOT NULL DEFAULT '';
CREATE INDEX comments_held ON comments (id) WHERE status = 'held';
CREATE INDEX comments_by_email ON comments (lower(email), created_at) WHERE email <> '';
CREATE TABLE spam_models (
  id         INTEGER PRIMARY KEY,
  version    TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  data       BLOB NOT NULL
);
)sql",
    // 4: authors' edits, and the texts they replaced.
    R"sql(
ALTER TABLE comments ADD COLUMN edited_at INTEGER NOT NULL DEFAULT 0;
CREATE TABLE comment_revisions (
  id            INTEGER PRIMARY KEY,
  comment_id    INTEGER NOT NULL REFERENCES comments (id),
  body_source   TEXT NOT NULL,
  screen_action TEXT NOT NULL,
  screen_score  REAL NOT NULL,
  screen_reasons TEXT NOT NULL,
  screen_model  TEXT NOT NULL,
  replaced_at   INTEGER NOT NULL
);
CREATE INDEX comment_revisions_by_comment ON comment_revisions (comment_id, id);
CREATE INDEX comments_by_time ON comments (created_at);
)sql",
    // 5: newsroom staff, who sign in to moderate.
    R"sql(
CREATE TABLE staff (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  role          TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  session_epoch INTEGER NOT NULL DEFAULT 0
);
)sql",
    // 6: form tokens spent on comments, so that none posts twice across a restart.
    R"sql(
CREATE TABLE spent_tokens (
  nonce      TEXT PRIMARY KEY,
  comment_id INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX spent_tokens_by_expiry ON spent_tokens (expires_at);
)sql",
    // 7: the audit log of staff actions.
    R"sql(
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        INTEGER NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  target    TEXT NOT NULL DEFAULT '',
  from_addr TEXT NOT NULL DEFAULT '',
  before    TEXT NOT NULL DEFAULT '',
  after     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_time ON audit_log (at DESC, id DESC);
)sql",
    // 8: moderators' bans.
    R"sql(
CREATE TABLE bans (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('address', 'email', 'name', 'domain')),
  pattern    TEXT NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL DEFAULT 0
);
)sql",
    // 9: readers' reports on comments, one per reader and comment.
    R"sql(
CREATE TABLE reports (
  id         INTEGER PRIMARY KEY,
  comment_id INTEGER NOT NULL,
  reporter   TEXT NOT NULL,
  reason     TEXT NOT NULL,
  details    TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  UNIQUE (comment_id, reporter)
);
)sql",
    // 10: articles' life (draft, published, unpublished; scheduled by a
    // publication time to come), category, byline, comments closing by themselves.
    R"sql(
ALTER TABLE articles ADD COLUMN state TEXT NOT NULL DEFAULT 'published';
ALTER TABLE articles ADD COLUMN category TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN byline TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN comments_close_days INTEGER NOT NULL DEFAULT 0;
CREATE INDEX articles_by_category ON articles (category, published_at DESC, id DESC);
)sql",
    // 11: editors' images: the alt text and size, and the files (WebP) a width.
    R"sql(
CREATE TABLE images (
  id         INTEGER PRIMARY KEY,
  alt        TEXT NOT NULL,
  width      INTEGER NOT NULL,
  height     INTEGER NOT NULL,
  widths     TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE image_files (
  id       INTEGER PRIMARY KEY,
  image_id INTEGER NOT NULL REFERENCES images (id),
  width    INTEGER NOT NULL,
  data     BLOB NOT NULL,
  UNIQUE (image_id, width)
);
)sql",
    // 12: readers: accounts, replies, subscriptions, and the outbox of mail,
    // webhooks and the events they come from; jobs one node runs at a time.
    R"sql(
ALTER TABLE comments ADD COLUMN reply_to INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN reply_to_number INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN reader_id INTEGER NOT NULL DEFAULT 0;
CREATE INDEX comments_replies ON comments (reply_to, id) WHERE reply_to <> 0;
CREATE INDEX comments_by_reader ON comments (reader_id, id) WHERE reader_id <> 0;
CREATE TABLE readers (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  name_key      TEXT NOT NULL UNIQUE,
  email         TEXT NOT NULL,
  email_key     TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL DEFAULT '',
  confirmed_at  INTEGER NOT NULL DEFAULT 0,
  session_epoch INTEGER NOT NULL DEFAULT 0,
  link_epoch    INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL
);
CREATE TABLE subscriptions (
  id         INTEGER PRIMARY KEY,
  email_key  TEXT NOT NULL,
  article_id INTEGER NOT NULL,
  kind       TEXT NOT NULL,
  confirmed  INTEGER NOT NULL DEFAULT 0,
  digest     INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  UNIQUE (email_key, article_id, kind)
);
CREATE INDEX subscriptions_by_article ON subscriptions (article_id) WHERE confirmed = 1;
CREATE TABLE outbox (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL,
  target     TEXT NOT NULL DEFAULT '',
  topic      TEXT NOT NULL DEFAULT '',
  payload    TEXT NOT NULL,
  state      TEXT NOT NULL DEFAULT 'pending',
  attempts   INTEGER NOT NULL DEFAULT 0,
  due_at     INTEGER NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  sent_at    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outbox_due ON outbox (due_at, id) WHERE state = 'pending';
CREATE INDEX outbox_by_target ON outbox (target, topic, created_at);
CREATE TABLE jobs (
  name     TEXT PRIMARY KEY,
  last_run INTEGER NOT NULL
);
)sql",
};

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

int CurrentSchemaVersion(Connection& c) {
  Statement st = c.Prepare("PRAGMA user_version");
  return st.Step() ? static_cast<int>(st.Int(0)) : 0;
}

Status ApplyMigrations(Connection& c) {
  int version = CurrentSchemaVersion(c);
  if (version > LatestSchemaVersion()) {
    return FailedPrecondition(fmt::format(
        "the database is at schema version {}, newer than this build knows ({})", version,
        LatestSchemaVersion()));
  }
  for (int v = version; v < LatestSchemaVersion(); ++v) {
    Transaction tx(c);
    c.Exec(kMigrations[v]);
    c.Exec(fmt::format("PRAGMA user_version = {}", v + 1));
    tx.Commit();
  }
  return Status::Ok();
}

}  // namespace tribune::store::sqlite
