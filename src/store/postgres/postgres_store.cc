#include "store/postgres/postgres_store.h"

#include <fmt/format.h>

#include <poll.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <thread>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "core/event_loop.h"
#include "site/slug.h"
#include "store/body_hash.h"
#include "store/image_widths.h"
#include "store/like_pattern.h"
#include "store/postgres/connection.h"
#include "store/postgres/migrations.h"
#include "store/postgres/reader_queries.h"

namespace tribune::store {
namespace {

using pg::Connection;
using pg::Params;
using pg::Rows;
using pg::Transaction;

#define TRIBUNE_ARTICLE_COLUMNS                                                                  \
  "id, slug, title, lead, body, source, published_at, updated_at, comments_open, comment_count, " \
  "state, category, byline, comments_close_days"
// The articles an ArticleFilter takes: $1 public_at (0: any), $2 category ("": any).
#define TRIBUNE_ARTICLE_FILTER                                                   \
  "($1::bigint = 0 OR (state = 'published' AND published_at <= $1::bigint)) " \
  "AND ($2::text = '' OR category = $2::text)"
#define TRIBUNE_STAFF_COLUMNS "id, name, role, password_hash, created_at, session_epoch"
#define TRIBUNE_COMMENT_COLUMNS                                                               \
  "id, article_id, number, status, author, email, body_source, body_html, body_html_member, " \
  "body_text, ip, user_agent, created_at, screen_action, screen_score, screen_reasons, "      \
  "screen_model, moderator_label, edited_at, reply_to, reply_to_number, reader_id"

site::Article ReadArticle(const Rows& r, int i) {
  site::Article a;
  a.id = r.Int(i, 0);
  a.slug = r.Text(i, 1);
  a.title = r.Text(i, 2);
  a.lead = r.Text(i, 3);
  a.body = r.Text(i, 4);
  a.source = r.Text(i, 5);
  a.published_at = r.Int(i, 6);
  a.updated_at = r.Int(i, 7);
  a.comments_open = r.Int(i, 8) != 0;
  a.comment_count = r.Int(i, 9);
  a.state = site::ParseArticleState(r.Text(i, 10)).value_or(site::ArticleState::kDraft);
  a.category = r.Text(i, 11);
  a.byline = r.Text(i, 12);
  a.comments_close_days = r.Int(i, 13);
  return a;
}

#define TRIBUNE_IMAGE_COLUMNS "id, alt, width, height, widths, created_by, created_at"

site::Image ReadImage(const Rows& r, int i) {
  site::Image img;
  img.id = r.Int(i, 0);
  img.alt = r.Text(i, 1);
  img.width = static_cast<int>(r.Int(i, 2));
  img.height = static_cast<int>(r.Int(i, 3));
  img.widths = ParseWidths(r.Text(i, 4));
  img.created_by = r.Text(i, 5);
  img.created_at = r.Int(i, 6);
  return img;
}

site::Comment ReadComment(const Rows& r, int i) {
  site::Comment c;
  c.id = r.Int(i, 0);
  c.article_id = r.Int(i, 1);
  c.number = r.Int(i, 2);
  c.status = site::ParseStatus(r.Text(i, 3)).value_or(site::CommentStatus::kHeld);
  c.author = r.Text(i, 4);
  c.email = r.Text(i, 5);
  c.body_source = r.Text(i, 6);
  c.body_html = r.Text(i, 7);
  c.body_html_member = r.Text(i, 8);
  c.body_text = r.Text(i, 9);
  c.ip = r.Text(i, 10);
  c.user_agent = r.Text(i, 11);
  c.created_at = r.Int(i, 12);
  c.screening.action = r.Text(i, 13);
  c.screening.score = r.Double(i, 14);
  c.screening.reasons_json = r.Text(i, 15);
  c.screening.model_version = r.Text(i, 16);
  c.moderator_label = r.Text(i, 17);
  c.edited_at = r.Int(i, 18);
  c.reply_to = r.Int(i, 19);
  c.reply_to_number = r.Int(i, 20);
  c.reader_id = r.Int(i, 21);
  return c;
}

std::vector<site::Comment> ReadComments(const Rows& r) {
  std::vector<site::Comment> out;
  out.reserve(r.size());
  for (int i = 0; i < r.size(); ++i) out.push_back(ReadComment(r, i));
  return out;
}

site::Staff ReadStaff(const Rows& r, int i) {
  site::Staff s;
  s.id = r.Int(i, 0);
  s.name = r.Text(i, 1);
  if (!site::ParseStaffRole(r.Text(i, 2), &s.role)) s.role = site::StaffRole::kModerator;
  s.password_hash = r.Text(i, 3);
  s.created_at = r.Int(i, 4);
  s.session_epoch = r.Int(i, 5);
  return s;
}

// Statements (literals, so the per-connection cache can key on their address).
constexpr const char* kGetArticle =
    "SELECT " TRIBUNE_ARTICLE_COLUMNS " FROM articles WHERE id = $1";
constexpr const char* kListArticles =
    "SELECT " TRIBUNE_ARTICLE_COLUMNS " FROM articles WHERE " TRIBUNE_ARTICLE_FILTER
    " ORDER BY published_at DESC, id DESC LIMIT $3 OFFSET $4";
constexpr const char* kCountArticles =
    "SELECT count(*) FROM articles WHERE " TRIBUNE_ARTICLE_FILTER;
constexpr const char* kGetComment =
    "SELECT " TRIBUNE_COMMENT_COLUMNS " FROM comments WHERE id = $1";
constexpr const char* kGetCommentForUpdate =
    "SELECT " TRIBUNE_COMMENT_COLUMNS " FROM comments WHERE id = $1 FOR UPDATE";
constexpr const char* kListRecent =
    "SELECT " TRIBUNE_COMMENT_COLUMNS
    " FROM comments WHERE created_at >= $1 ORDER BY created_at DESC, id DESC LIMIT $2";
constexpr const char* kListWithStatus =
    "SELECT " TRIBUNE_COMMENT_COLUMNS
    " FROM comments WHERE status = $1 AND created_at >= $2 "
    "ORDER BY created_at DESC, id DESC LIMIT $3";
constexpr const char* kListHeld =
    "SELECT " TRIBUNE_COMMENT_COLUMNS " FROM comments WHERE status = 'held' ORDER BY id LIMIT $1";
constexpr const char* kListPublished =
    "SELECT " TRIBUNE_COMMENT_COLUMNS
    " FROM comments WHERE article_id = $1 AND status = 'published' "
    "ORDER BY number DESC LIMIT $2 OFFSET $3";
constexpr const char* kStaffById = "SELECT " TRIBUNE_STAFF_COLUMNS " FROM staff WHERE id = $1";
constexpr const char* kStaffByName =
    "SELECT " TRIBUNE_STAFF_COLUMNS " FROM staff WHERE name = $1";
constexpr const char* kStaffAll = "SELECT " TRIBUNE_STAFF_COLUMNS " FROM staff ORDER BY name";
// Bumps the change marker and tells every node (delivered at commit).
constexpr const char* kBumpRevision =
    "WITH bump AS (INSERT INTO settings (key, value) VALUES ('articles_revision', '1') "
    "ON CONFLICT (key) DO UPDATE SET value = (settings.value::bigint + 1)::text) "
    "SELECT pg_notify(left('tribune_changes:' || current_schema(), 63), '0')";
// The published comments of article $1 changed (delivered at commit).
constexpr const char* kNotifyArticle =
    "SELECT pg_notify(left('tribune_changes:' || current_schema(), 63), $1)";
constexpr const char* kInsertModel =
    "INSERT INTO spam_models (version, created_at, data) VALUES ($1, $2, $3)";
constexpr const char* kUncount =
    "UPDATE articles SET comment_count = comment_count - 1 WHERE id = $1";

constexpr int64_t kRemindEveryMs = 10 * 60 * 1000;

int64_t SteadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

class PostgresStore final : public Store {
 public:
  PostgresStore(std::string url, std::vector<std::unique_ptr<Connection>> pool,
                const IncidentLog::Line& log)
      : url_(std::move(url)),
        pool_(std::move(pool)),
        read_failures_("database reads", kRemindEveryMs, log),
        write_failures_("database writes", kRemindEveryMs, log) {
    for (auto& c : pool_) idle_.push_back(c.get());
  }

  Status Migrate() override {
    return Write([&](Connection& c) { return pg::ApplyMigrations(c); }, /*in_tx=*/false);
  }

  Result<int> SchemaVersion() override {
    return Read<int>([&](Connection& c) -> Result<int> { return pg::CurrentSchemaVersion(c); });
  }

  Result<std::string> GetSetting(const std::string& key) override {
    return Read<std::string>([&](Connection& c) -> Result<std::string> {
      Rows r = c.Run("SELECT value FROM settings WHERE key = $1", Params().Add(key));
      if (r.empty()) return NotFound(fmt::format("no setting '{}'", key));
      return r.Text(0, 0);
    });
  }

  Status PutSetting(const std::string& key, const std::string& value) override {
    return Write([&](Connection& c) {
      c.Run("INSERT INTO settings (key, value) VALUES ($1, $2) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            Params().Add(key).Add(value));
      return Status::Ok();
    });
  }

  Result<site::Article> CreateArticle(const ArticleDraft& d, int64_t now) override {
    return InWriteTransaction<Result<site::Article>>([&](Connection& c) -> Result<site::Article> {
      std::string slug = d.slug.empty() ? site::Slugify(d.title) : d.slug;
      Rows r = c.Run(
          "INSERT INTO articles (slug, title, lead, body, source, published_at, updated_at, "
          "comments_open, state, category, byline, comments_close_days) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
          "RETURNING " TRIBUNE_ARTICLE_COLUMNS,
          Params()
              .Add(slug)
              .Add(d.title)
              .Add(d.lead)
              .Add(d.body)
              .Add(d.source)
              .Add(d.published_at ? d.published_at : now)
              .Add(now)
              .Add(int64_t{d.comments_open})
              .Add(site::StateName(d.state))
              .Add(d.category)
              .Add(d.byline)
              .Add(d.comments_close_days));
      c.Run(kBumpRevision);
      return ReadArticle(r, 0);
    });
  }

  Status UpdateArticle(const site::Article& a, int64_t now) override {
    return Write([&](Connection& c) {
      Rows r = c.Run(
          "UPDATE articles SET slug = $1, title = $2, lead = $3, body = $4, source = $5, "
          "comments_open = $6, updated_at = $7, state = $8, category = $9, byline = $10, "
          "comments_close_days = $11, published_at = $12 WHERE id = $13",
          Params()
              .Add(a.slug)
              .Add(a.title)
              .Add(a.lead)
              .Add(a.body)
              .Add(a.source)
              .Add(int64_t{a.comments_open})
              .Add(now)
              .Add(site::StateName(a.state))
              .Add(a.category)
              .Add(a.byline)
              .Add(a.comments_close_days)
              .Add(a.published_at)
              .Add(a.id));
      if (r.affected() == 0) return NotFound(fmt::format("no article {}", a.id));
      c.Run(kBumpRevision);
      return Status::Ok();
    });
  }

  Result<site::Article> GetArticle(int64_t id) override {
    return Read<site::Article>([&](Connection& c) -> Result<site::Article> {
      Rows r = c.Run(kGetArticle, Params().Add(id));
      if (r.empty()) return NotFound(fmt::format("no article {}", id));
      return ReadArticle(r, 0);
    });
  }

  Result<std::vector<site::Article>> ListArticles(int64_t offset, int64_t limit,
                                                  const ArticleFilter& f) override {
    using V = std::vector<site::Article>;
    return Read<V>([&](Connection& c) -> Result<V> {
      Rows r = c.Run(kListArticles,
                     Params().Add(f.public_at).Add(f.category).Add(limit).Add(offset));
      V out;
      for (int i = 0; i < r.size(); ++i) out.push_back(ReadArticle(r, i));
      return out;
    });
  }

  Result<int64_t> CountArticles(const ArticleFilter& f) override {
    return Read<int64_t>([&](Connection& c) -> Result<int64_t> {
      return c.Run(kCountArticles, Params().Add(f.public_at).Add(f.category)).Int(0, 0);
    });
  }

  Result<int64_t> ArticlesChangeMarker() override {
    return Read<int64_t>([&](Connection& c) -> Result<int64_t> {
      Rows r = c.Run("SELECT value FROM settings WHERE key = 'articles_revision'");
      return r.empty() ? int64_t{0} : r.Int(0, 0);
    });
  }

  std::vector<Result<site::StoredComment>> InsertComments(
      std::span<const site::NewComment> comments) override {
    using Each = std::vector<Result<site::StoredComment>>;
    Result<Each> batch = InWriteTransaction<Result<Each>>([&](Connection& c) -> Result<Each> {
      Each out;
      out.reserve(comments.size());
      int64_t newest = 0;
      std::vector<int64_t> told;
      for (const auto& nc : comments) {
        out.push_back(InsertOne(c, nc));
        if (out.back().ok() && !out.back()->duplicate &&
            nc.status == site::CommentStatus::kPublished &&
            std::find(told.begin(), told.end(), nc.article_id) == told.end()) {
          told.push_back(nc.article_id);
          c.Run(kNotifyArticle, Params().Add(nc.article_id));
        }
        if (out.back().ok() && !nc.form_nonce.empty()) {
          c.Run("INSERT INTO spent_tokens (nonce, comment_id, expires_at) VALUES ($1, $2, $3) "
                "ON CONFLICT (nonce) DO NOTHING",
                Params().Add(nc.form_nonce).Add(out.back()->comment.id).Add(nc.form_nonce_expires));
        }
        newest = std::max(newest, nc.created_at);
      }
      c.Run("DELETE FROM spent_tokens WHERE expires_at < $1", Params().Add(newest));
      return out;
    });
    if (batch.ok()) return std::move(batch).value();
    return Each(comments.size(),
                Unavailable(fmt::format("comment not stored: {}", batch.status().message())));
  }

  Result<int64_t> FindSpentToken(const std::string& nonce) override {
    return Read<int64_t>([&](Connection& c) -> Result<int64_t> {
      Rows r = c.Run("SELECT comment_id FROM spent_tokens WHERE nonce = $1", Params().Add(nonce));
      if (r.empty()) return NotFound("no such spent token");
      return r.Int(0, 0);
    });
  }

  Result<std::vector<site::Comment>> ListPublishedComments(int64_t article_id, int64_t offset,
                                                           int64_t limit) override {
    using V = std::vector<site::Comment>;
    return Read<V>([&](Connection& c) -> Result<V> {
      return ReadComments(c.Run(kListPublished, Params().Add(article_id).Add(limit).Add(offset)));
    });
  }

  Result<site::Comment> GetComment(int64_t id) override {
    return Read<site::Comment>([&](Connection& c) -> Result<site::Comment> {
      Rows r = c.Run(kGetComment, Params().Add(id));
      if (r.empty()) return NotFound(fmt::format("no comment {}", id));
      return ReadComment(r, 0);
    });
  }

  Result<site::Comment> ModerateComment(int64_t id, site::CommentStatus status,
                                        const std::string& label) override {
    return InWriteTransaction<Result<site::Comment>>([&](Connection& w) -> Result<site::Comment> {
      Rows get = w.Run(kGetCommentForUpdate, Params().Add(id));
      if (get.empty()) return NotFound(fmt::format("no comment {}", id));
      site::Comment c = ReadComment(get, 0);
      site::CommentStatus before = c.status;
      bool was = c.status == site::CommentStatus::kPublished;
      bool now = status == site::CommentStatus::kPublished;
      if (now && !was) {
        Rows bump = w.Run(
            "UPDATE articles SET comment_count = comment_count + 1, "
            "last_number = last_number + CASE WHEN $1::bigint = 0 THEN 1 ELSE 0 END "
            "WHERE id = $2 RETURNING last_number",
            Params().Add(c.number).Add(c.article_id));
        if (c.number == 0 && !bump.empty()) c.number = bump.Int(0, 0);
      } else if (was && !now) {
        w.Run(kUncount, Params().Add(c.article_id));
      }
      c.status = status;
      c.moderator_label = label;
      w.Run("UPDATE comments SET status = $1, number = NULLIF($2::bigint, 0), "
            "moderator_label = $3 WHERE id = $4",
            Params().Add(site::StatusName(status)).Add(c.number).Add(label).Add(id));
      if (was != now) w.Run(kBumpRevision);
      pg::RecordCommentEvent(w, id, c.article_id, status, &before, 0);
      return c;
    });
  }

  Result<site::Comment> EditComment(int64_t id, const site::CommentEdit& edit) override {
    return InWriteTransaction<Result<site::Comment>>([&](Connection& w) -> Result<site::Comment> {
      Rows get = w.Run(kGetCommentForUpdate, Params().Add(id));
      if (get.empty()) return NotFound(fmt::format("no comment {}", id));
      site::Comment c = ReadComment(get, 0);
      w.Run("INSERT INTO comment_revisions (comment_id, body_source, screen_action, "
            "screen_score, screen_reasons, screen_model, replaced_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7)",
            Params()
                .Add(id)
                .Add(c.body_source)
                .Add(c.screening.action)
                .AddDouble(c.screening.score)
                .Add(c.screening.reasons_json)
                .Add(c.screening.model_version)
                .Add(edit.edited_at));
      bool was = c.status == site::CommentStatus::kPublished;
      site::CommentStatus status = std::max(c.status, edit.status);
      if (was && status != site::CommentStatus::kPublished) {
        w.Run(kUncount, Params().Add(c.article_id));
      }
      w.Run("UPDATE comments SET status = $1, body_source = $2, body_html = $3, "
            "body_html_member = $4, body_text = $5, body_hash = $6, screen_action = $7, "
            "screen_score = $8, screen_reasons = $9, screen_model = $10, edited_at = $11, "
            "moderator_label = '' WHERE id = $12",
            Params()
                .Add(site::StatusName(status))
                .Add(edit.body_source)
                .Add(edit.body_html)
                .Add(edit.body_html_member)
                .Add(edit.body_text)
                .Add(BodyHash(c.author, edit.body_source))
                .Add(edit.screening.action)
                .AddDouble(edit.screening.score)
                .Add(edit.screening.reasons_json.empty() ? "[]" : edit.screening.reasons_json)
                .Add(edit.screening.model_version)
                .Add(edit.edited_at)
                .Add(id));
      if (was) w.Run(kBumpRevision);
      if (status != c.status) {
        pg::RecordCommentEvent(w, id, c.article_id, status, &c.status, edit.edited_at);
      }
      c.status = status;
      c.body_source = edit.body_source;
      c.body_html = edit.body_html;
      c.body_html_member = edit.body_html_member;
      c.body_text = edit.body_text;
      c.screening = edit.screening;
      c.edited_at = edit.edited_at;
      c.moderator_label.clear();
      return c;
    });
  }

  Result<std::vector<site::CommentRevision>> ListRevisions(int64_t comment_id) override {
    using V = std::vector<site::CommentRevision>;
    return Read<V>([&](Connection& c) -> Result<V> {
      Rows r = c.Run(
          "SELECT body_source, screen_action, screen_score, screen_reasons, screen_model, "
          "replaced_at FROM comment_revisions WHERE comment_id = $1 ORDER BY id",
          Params().Add(comment_id));
      V out;
      for (int i = 0; i < r.size(); ++i) {
        site::CommentRevision rev;
        rev.body_source = r.Text(i, 0);
        rev.screening = {r.Text(i, 1), r.Double(i, 2), r.Text(i, 3), r.Text(i, 4)};
        rev.replaced_at = r.Int(i, 5);
        out.push_back(std::move(rev));
      }
      return out;
    });
  }

  Result<std::vector<Published>> ListPublishedByEmail(const std::string& email, int64_t since,
                                                      int64_t limit) override {
    using V = std::vector<Published>;
    return Read<V>([&](Connection& c) -> Result<V> {
      Rows r = c.Run(
          "SELECT id, created_at FROM comments WHERE lower(email) = lower($1) AND email <> '' "
          "AND created_at >= $2 AND status = 'published' ORDER BY created_at DESC LIMIT $3",
          Params().Add(email).Add(since).Add(limit));
      V out;
      for (int i = 0; i < r.size(); ++i) out.push_back({r.Int(i, 0), r.Int(i, 1)});
      return out;
    });
  }

  Result<std::vector<site::Comment>> ListRecentComments(int64_t since, int64_t limit) override {
    using V = std::vector<site::Comment>;
    return Read<V>([&](Connection& c) -> Result<V> {
      return ReadComments(c.Run(kListRecent, Params().Add(since).Add(limit)));
    });
  }

  Result<std::vector<site::Comment>> ListCommentsWithStatus(site::CommentStatus status,
                                                            int64_t since,
                                                            int64_t limit) override {
    using V = std::vector<site::Comment>;
    return Read<V>([&](Connection& c) -> Result<V> {
      return ReadComments(
          c.Run(kListWithStatus, Params().Add(site::StatusName(status)).Add(since).Add(limit)));
    });
  }

  Result<std::vector<site::ReplyLink>> ListReplies(std::span<const int64_t> ids) override {
    using V = std::vector<site::ReplyLink>;
    if (ids.empty()) return V{};
    std::string array = "{";
    for (size_t i = 0; i < ids.size(); ++i) array += (i ? "," : "") + std::to_string(ids[i]);
    array += "}";
    return Read<V>([&](Connection& c) -> Result<V> {
      // "reply_to <> 0" lets the partial index comments_replies serve it.
      Rows r = c.Run("SELECT reply_to, id, number FROM comments WHERE reply_to <> 0 AND "
                     "reply_to = ANY($1::bigint[]) AND status = 'published' ORDER BY id",
                     Params().Add(array));
      V out;
      for (int i = 0; i < r.size(); ++i) out.push_back({r.Int(i, 0), r.Int(i, 1), r.Int(i, 2)});
      return out;
    });
  }

  Result<int64_t> CountPublishedAbove(int64_t article_id, int64_t number) override {
    return Read<int64_t>([&](Connection& c) -> Result<int64_t> {
      return c.Run("SELECT count(*) FROM comments WHERE article_id = $1 AND "
                   "status = 'published' AND number > $2",
                   Params().Add(article_id).Add(number))
          .Int(0, 0);
    });
  }

  Result<std::vector<site::Comment>> ListCommentsByReader(int64_t reader_id,
                                                          int64_t limit) override {
    using V = std::vector<site::Comment>;
    return Read<V>([&](Connection& c) -> Result<V> {
      return ReadComments(c.Run("SELECT " TRIBUNE_COMMENT_COLUMNS " FROM comments WHERE "
                                "reader_id <> 0 AND reader_id = $1 ORDER BY id DESC LIMIT $2",
                                Params().Add(reader_id).Add(limit)));
    });
  }

  Result<std::vector<site::Comment>> ListCommentsOf(const std::string& email_key,
                                                    int64_t reader_id) override {
    using V = std::vector<site::Comment>;
    return Read<V>([&](Connection& c) -> Result<V> {
      return ReadComments(c.Run("SELECT " TRIBUNE_COMMENT_COLUMNS " FROM comments WHERE "
                                "(email <> '' AND lower(email) = $1) OR "
                                "(reader_id <> 0 AND reader_id = $2) ORDER BY id DESC",
                                Params().Add(email_key).Add(reader_id)));
    });
  }

  Result<int64_t> EraseCommentsOf(const std::string& email_key, int64_t reader_id, bool remove,
                                  const std::string& anonymous_name) override {
    return InWriteTransaction<Result<int64_t>>([&](Connection& w) -> Result<int64_t> {
      if (remove) {
        w.Run("UPDATE articles SET comment_count = comment_count - x.n FROM "
              "(SELECT article_id, count(*) AS n FROM comments WHERE status = 'published' AND "
              "((email <> '' AND lower(email) = $1) OR (reader_id <> 0 AND reader_id = $2)) "
              "GROUP BY article_id) x WHERE articles.id = x.article_id",
              Params().Add(email_key).Add(reader_id));
      }
      w.Run("DELETE FROM comment_revisions WHERE comment_id IN (SELECT id FROM comments WHERE "
            "(email <> '' AND lower(email) = $1) OR (reader_id <> 0 AND reader_id = $2))",
            Params().Add(email_key).Add(reader_id));
      Rows u = w.Run(
          "UPDATE comments SET author = CASE WHEN $3 = 1 THEN '' ELSE $4 END, email = '', "
          "ip = '', user_agent = '', reader_id = 0, "
          "status = CASE WHEN $3 = 1 THEN 'deleted' ELSE status END, "
          "body_source = CASE WHEN $3 = 1 THEN '' ELSE body_source END, "
          "body_html = CASE WHEN $3 = 1 THEN '' ELSE body_html END, "
          "body_html_member = CASE WHEN $3 = 1 THEN '' ELSE body_html_member END, "
          "body_text = CASE WHEN $3 = 1 THEN '' ELSE body_text END "
          "WHERE (email <> '' AND lower(email) = $1) OR (reader_id <> 0 AND reader_id = $2)",
          Params().Add(email_key).Add(reader_id).Add(int64_t{remove}).Add(anonymous_name));
      if (u.affected() > 0) w.Run(kBumpRevision);
      return u.affected();
    });
  }

  Result<int64_t> PurgeCommentData(int64_t addresses_before, int64_t emails_before,
                                   int64_t rejected_before) override {
    return InWriteTransaction<Result<int64_t>>([&](Connection& w) -> Result<int64_t> {
      int64_t n = 0;
      n += w.Run("UPDATE comments SET ip = '', user_agent = '' WHERE created_at < $1 AND "
                 "(ip <> '' OR user_agent <> '')",
                 Params().Add(addresses_before))
               .affected();
      n += w.Run("UPDATE comments SET email = '' WHERE created_at < $1 AND reader_id = 0 AND "
                 "email <> ''",
                 Params().Add(emails_before))
               .affected();
      n += w.Run("UPDATE comments SET body_source = '', body_html = '', body_html_member = '', "
                 "body_text = '' WHERE created_at < $1 AND status = 'spam' AND body_source <> ''",
                 Params().Add(rejected_before))
               .affected();
      return n;
    });
  }

  // Readers, subscriptions, the outbox and jobs (postgres/reader_queries.h).
  Result<site::Reader> CreateReader(const site::Reader& r) override {
    return InWriteTransaction<Result<site::Reader>>(
        [&](Connection& c) { return pg::CreateReader(c, r); });
  }
  Result<site::Reader> GetReader(int64_t id) override {
    return Read<site::Reader>([&](Connection& c) { return pg::GetReaderById(c, id); });
  }
  Result<site::Reader> GetReaderByEmail(const std::string& email_key) override {
    return Read<site::Reader>(
        [&](Connection& c) { return pg::GetReaderBy(c, pg::kReaderByEmail, email_key); });
  }
  Result<site::Reader> GetReaderByNameKey(const std::string& name_key) override {
    return Read<site::Reader>(
        [&](Connection& c) { return pg::GetReaderBy(c, pg::kReaderByNameKey, name_key); });
  }
  Status UpdateReader(const site::Reader& r) override {
    return Write([&](Connection& c) { return pg::UpdateReader(c, r); });
  }
  Status DeleteReader(int64_t id) override {
    return Write([&](Connection& c) { return pg::DeleteReader(c, id); });
  }
  Result<int64_t> PruneUnconfirmedReaders(int64_t before) override {
    return InWriteTransaction<Result<int64_t>>(
        [&](Connection& c) { return pg::PruneUnconfirmedReaders(c, before); });
  }
  Result<site::Subscription> AddSubscription(const site::Subscription& s) override {
    return InWriteTransaction<Result<site::Subscription>>(
        [&](Connection& c) { return pg::AddSubscription(c, s); });
  }
  Result<site::Subscription> GetSubscription(int64_t id) override {
    return Read<site::Subscription>([&](Connection& c) { return pg::GetSubscription(c, id); });
  }
  Status ConfirmSubscription(int64_t id) override {
    return Write([&](Connection& c) { return pg::ConfirmSubscription(c, id); });
  }
  Status SetDigest(const std::string& email_key, bool digest) override {
    return Write([&](Connection& c) { return pg::SetDigest(c, email_key, digest); });
  }
  Status RemoveSubscription(int64_t id) override {
    return Write([&](Connection& c) { return pg::RemoveSubscription(c, id); });
  }
  Result<int64_t> RemoveSubscriptionsOf(const std::string& email_key) override {
    return InWriteTransaction<Result<int64_t>>(
        [&](Connection& c) { return pg::RemoveSubscriptionsOf(c, email_key); });
  }
  Result<std::vector<site::Subscription>> ListSubscriptions(const std::string& email_key) override {
    return Read<std::vector<site::Subscription>>(
        [&](Connection& c) { return pg::ListSubscriptions(c, email_key); });
  }
  Result<std::vector<site::Subscription>> SubscribersOf(int64_t article_id) override {
    return Read<std::vector<site::Subscription>>(
        [&](Connection& c) { return pg::SubscribersOf(c, article_id); });
  }
  Status Enqueue(std::span<const site::OutboxItem> items) override {
    return Write([&](Connection& c) { return pg::Enqueue(c, items); });
  }
  Result<std::vector<site::OutboxItem>> ClaimOutbox(int64_t now, int64_t lease_s,
                                                    int64_t limit) override {
    return InWriteTransaction<Result<std::vector<site::OutboxItem>>>(
        [&](Connection& c) { return pg::ClaimOutbox(c, now, lease_s, limit); });
  }
  Status FinishOutbox(int64_t id, const std::string& state, const std::string& error,
                      int64_t retry_at, int64_t now) override {
    return Write(
        [&](Connection& c) { return pg::FinishOutbox(c, id, state, error, retry_at, now); });
  }
  Status ExpandEvents(std::span<const Expansion> expansions, int64_t now) override {
    return Write([&](Connection& c) {
      for (const Expansion& e : expansions) {
        TRIBUNE_RETURN_IF_ERROR(pg::ExpandEvent(c, e.event_id, e.items, now));
      }
      return Status::Ok();
    });
  }
  Result<int64_t> CountOutbox(const std::string& kind, const std::string& target,
                              const std::string& topic, int64_t since) override {
    return Read<int64_t>(
        [&](Connection& c) { return pg::CountOutbox(c, kind, target, topic, since); });
  }
  Result<std::vector<site::OutboxItem>> TakeDigestLines(int64_t before, int64_t limit) override {
    return InWriteTransaction<Result<std::vector<site::OutboxItem>>>(
        [&](Connection& c) { return pg::TakeDigestLines(c, before, limit); });
  }
  Result<Backlog> OutboxBacklog() override {
    return Read<Backlog>([&](Connection& c) { return pg::OutboxBacklog(c); });
  }
  Result<std::vector<site::OutboxItem>> ListOutboxFor(const std::string& target,
                                                      int64_t limit) override {
    return Read<std::vector<site::OutboxItem>>(
        [&](Connection& c) { return pg::ListOutboxFor(c, target, limit); });
  }
  Result<int64_t> PruneOutbox(int64_t before) override {
    return InWriteTransaction<Result<int64_t>>(
        [&](Connection& c) { return pg::PruneOutbox(c, before); });
  }
  Result<bool> ClaimJob(const std::string& name, int64_t period_s, int64_t now) override {
    return InWriteTransaction<Result<bool>>(
        [&](Connection& c) { return pg::ClaimJob(c, name, period_s, now); });
  }

  Result<std::vector<site::Comment>> SearchComments(const site::CommentQuery& q) override {
    using V = std::vector<site::Comment>;
    return Read<V>([&](Connection& c) -> Result<V> {
      return ReadComments(c.Run(
          "SELECT " TRIBUNE_COMMENT_COLUMNS " FROM comments WHERE "
          "($1::text = '' OR body_text ILIKE '%' || $1 || '%') "
          "AND ($2::text = '' OR author ILIKE '%' || $2 || '%') "
          "AND ($3::text = '' OR lower(email) = lower($3)) "
          "AND ($4::text = '' OR ip LIKE $4 || '%') "
          "AND ($5::text = '' OR body_source ILIKE '%' || $5 || '%') "
          "AND ($6::text = '' OR status = $6) AND ($7::bigint = 0 OR created_at >= $7) "
          "AND ($8::bigint = 0 OR created_at < $8) ORDER BY created_at DESC, id DESC LIMIT $9",
          Params()
              .Add(LikeEscaped(q.text))
              .Add(LikeEscaped(q.author))
              .Add(q.email)
              .Add(LikeEscaped(q.address))
              .Add(LikeEscaped(q.domain))
              .Add(q.status ? std::string(site::StatusName(*q.status)) : std::string())
              .Add(q.since)
              .Add(q.until)
              .Add(q.limit)));
    });
  }

  Result<std::vector<site::Comment>> ListHeldComments(int64_t limit) override {
    using V = std::vector<site::Comment>;
    return Read<V>(
        [&](Connection& c) -> Result<V> { return ReadComments(c.Run(kListHeld, Params().Add(limit))); });
  }

  Status SaveModel(const std::string& version, const std::string& data, int64_t now) override {
    return Write([&](Connection& c) {
      c.Run(kInsertModel, Params().Add(version).Add(now).AddBytes(data));
      return Status::Ok();
    });
  }

  Status SaveModelAfter(const std::string& from, const std::string& version,
                        const std::string& data, int64_t now) override {
    return Write([&](Connection& c) -> Status {
      // One saver at a time, whichever node: the check and the insert are one step.
      c.Run("SELECT pg_advisory_xact_lock(7472696276)");
      Rows latest = c.Run("SELECT version FROM spam_models ORDER BY id DESC LIMIT 1");
      if (!latest.empty() && latest.Text(0, 0) != from) {
        return FailedPrecondition(
            fmt::format("model {} was saved since {}", latest.Text(0, 0), from));
      }
      c.Run(kInsertModel, Params().Add(version).Add(now).AddBytes(data));
      return Status::Ok();
    });
  }

  Result<site::Image> AddImage(const site::Image& image,
                               const std::vector<std::pair<int, std::string>>& files) override {
    return InWriteTransaction<Result<site::Image>>([&](Connection& c) -> Result<site::Image> {
      Rows r = c.Run("INSERT INTO images (alt, width, height, widths, created_by, created_at) "
                     "VALUES ($1, $2, $3, $4, $5, $6) RETURNING " TRIBUNE_IMAGE_COLUMNS,
                     Params()
                         .Add(image.alt)
                         .Add(int64_t{image.width})
                         .Add(int64_t{image.height})
                         .Add(WidthsText(files))
                         .Add(image.created_by)
                         .Add(image.created_at));
      site::Image added = ReadImage(r, 0);
      for (const auto& [width, data] : files) {
        c.Run("INSERT INTO image_files (image_id, width, data) VALUES ($1, $2, $3)",
              Params().Add(added.id).Add(int64_t{width}).AddBytes(data));
      }
      return added;
    });
  }

  Result<site::Image> GetImage(int64_t id) override {
    return Read<site::Image>([&](Connection& c) -> Result<site::Image> {
      Rows r = c.Run("SELECT " TRIBUNE_IMAGE_COLUMNS " FROM images WHERE id = $1", Params().Add(id));
      if (r.empty()) return NotFound(fmt::format("no image {}", id));
      return ReadImage(r, 0);
    });
  }

  Result<std::string> ImageFile(int64_t id, int width) override {
    return Read<std::string>([&](Connection& c) -> Result<std::string> {
      Rows r = c.Run("SELECT data FROM image_files WHERE image_id = $1 AND width = $2",
                     Params().Add(id).Add(int64_t{width}), /*bytes_result=*/true);
      if (r.empty()) return NotFound(fmt::format("no file of image {} at width {}", id, width));
      return r.Text(0, 0);
    });
  }

  Result<std::vector<site::Image>> ListImages(int64_t limit) override {
    using V = std::vector<site::Image>;
    return Read<V>([&](Connection& c) -> Result<V> {
      Rows r = c.Run("SELECT " TRIBUNE_IMAGE_COLUMNS " FROM images ORDER BY id DESC LIMIT $1",
                     Params().Add(limit));
      V out;
      for (int i = 0; i < r.size(); ++i) out.push_back(ReadImage(r, i));
      return out;
    });
  }

  Result<std::pair<std::string, std::string>> LatestModel() override {
    using P = std::pair<std::string, std::string>;
    return Read<P>([&](Connection& c) -> Result<P> {
      // As bytes: the version's text comes as it is, the model without escaping.
      Rows r = c.Run("SELECT version, data FROM spam_models ORDER BY id DESC LIMIT 1", Params(),
                     /*bytes_result=*/true);
      if (r.empty()) return NotFound("no spam model learned on this site yet");
      return P{r.Text(0, 0), r.Text(0, 1)};
    });
  }

  Status PruneModels(int keep) override {
    return Write([&](Connection& c) {
      c.Run("DELETE FROM spam_models WHERE id NOT IN "
            "(SELECT id FROM spam_models ORDER BY id DESC LIMIT $1)",
            Params().Add(int64_t{keep}));
      return Status::Ok();
    });
  }

  Result<site::Staff> CreateStaff(const site::Staff& staff) override {
    return InWriteTransaction<Result<site::Staff>>([&](Connection& c) -> Result<site::Staff> {
      Rows r = c.Run(
          "INSERT INTO staff (name, role, password_hash, created_at) VALUES ($1, $2, $3, $4) "
          "ON CONFLICT (name) DO NOTHING RETURNING " TRIBUNE_STAFF_COLUMNS,
          Params()
              .Add(staff.name)
              .Add(std::string(site::StaffRoleName(staff.role)))
              .Add(staff.password_hash)
              .Add(staff.created_at));
      if (r.empty()) return AlreadyExists(fmt::format("staff name '{}' is taken", staff.name));
      return ReadStaff(r, 0);
    });
  }

  Result<site::Staff> GetStaff(int64_t id) override {
    return OneStaff(kStaffById, Params().Add(id), fmt::format("no staff member {}", id));
  }

  Result<site::Staff> GetStaffByName(const std::string& name) override {
    return OneStaff(kStaffByName, Params().Add(name),
                    fmt::format("no staff member named '{}'", name));
  }

  Result<std::vector<site::Staff>> ListStaff() override {
    using V = std::vector<site::Staff>;
    return Read<V>([&](Connection& c) -> Result<V> {
      Rows r = c.Run(kStaffAll);
      V out;
      for (int i = 0; i < r.size(); ++i) out.push_back(ReadStaff(r, i));
      return out;
    });
  }

  Status SetStaffPassword(int64_t id, const std::string& password_hash) override {
    return Write([&](Connection& c) {
      Rows r = c.Run(
          "UPDATE staff SET password_hash = $1, session_epoch = session_epoch + 1 WHERE id = $2",
          Params().Add(password_hash).Add(id));
      return StaffChanged(r, id);
    });
  }

  Status EndStaffSessions(int64_t id) override {
    return Write([&](Connection& c) {
      Rows r = c.Run("UPDATE staff SET session_epoch = session_epoch + 1 WHERE id = $1",
                     Params().Add(id));
      return StaffChanged(r, id);
    });
  }

  Status DeleteStaff(int64_t id) override {
    return Write([&](Connection& c) {
      return StaffChanged(c.Run("DELETE FROM staff WHERE id = $1", Params().Add(id)), id);
    });
  }

  Status RecordAudit(const site::AuditEntry& e) override {
    return Write([&](Connection& c) {
      c.Run("INSERT INTO audit_log (at, actor, action, target, from_addr, before, after) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7)",
            Params().Add(e.at).Add(e.actor).Add(e.action).Add(e.target).Add(e.from).Add(e.before).Add(
                e.after));
      return Status::Ok();
    });
  }

  Result<std::vector<site::AuditEntry>> ListAudit(const site::AuditQuery& q) override {
    using V = std::vector<site::AuditEntry>;
    bool prefix = !q.action.empty() && q.action.back() == '.';
    return Read<V>([&](Connection& c) -> Result<V> {
      Rows r = c.Run(
          "SELECT id, at, actor, action, target, from_addr, before, after FROM audit_log "
          "WHERE ($1::text = '' OR actor = $1) "
          "AND ($2::text = '' OR ($3::bigint = 0 AND action = $2) "
          "     OR ($3 = 1 AND left(action, length($2)) = $2)) "
          "AND ($4::text = '' OR target = $4) AND ($5::bigint = 0 OR at >= $5) "
          "AND ($6::bigint = 0 OR at < $6) "
          "ORDER BY at DESC, id DESC LIMIT $7",
          Params()
              .Add(q.actor)
              .Add(q.action)
              .Add(int64_t{prefix})
              .Add(q.target)
              .Add(q.since)
              .Add(q.until)
              .Add(q.limit));
      V out;
      for (int i = 0; i < r.size(); ++i) {
        site::AuditEntry e;
        e.id = r.Int(i, 0);
        e.at = r.Int(i, 1);
        e.actor = r.Text(i, 2);
        e.action = r.Text(i, 3);
        e.target = r.Text(i, 4);
        e.from = r.Text(i, 5);
        e.before = r.Text(i, 6);
        e.after = r.Text(i, 7);
        out.push_back(std::move(e));
      }
      return out;
    });
  }

  Result<int64_t> PruneAudit(int64_t before) override {
    return InWriteTransaction<Result<int64_t>>([&](Connection& c) -> Result<int64_t> {
      return c.Run("DELETE FROM audit_log WHERE at < $1", Params().Add(before)).affected();
    });
  }

  Result<site::Ban> AddBan(const site::Ban& ban) override {
    return InWriteTransaction<Result<site::Ban>>([&](Connection& c) -> Result<site::Ban> {
      Rows r = c.Run(
          "INSERT INTO bans (kind, pattern, reason, created_by, created_at, expires_at) "
          "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
          Params()
              .Add(site::BanKindName(ban.kind))
              .Add(ban.pattern)
              .Add(ban.reason)
              .Add(ban.created_by)
              .Add(ban.created_at)
              .Add(ban.expires_at));
      site::Ban out = ban;
      out.id = r.Int(0, 0);
      return out;
    });
  }

  Result<std::vector<site::Ban>> ListBans() override {
    using V = std::vector<site::Ban>;
    return Read<V>([&](Connection& c) -> Result<V> {
      Rows r = c.Run(
          "SELECT id, kind, pattern, reason, created_by, created_at, expires_at FROM bans "
          "ORDER BY created_at DESC, id DESC");
      V out;
      for (int i = 0; i < r.size(); ++i) {
        site::Ban b;
        b.id = r.Int(i, 0);
        b.kind = site::ParseBanKind(r.Text(i, 1)).value_or(site::BanKind::kAddress);
        b.pattern = r.Text(i, 2);
        b.reason = r.Text(i, 3);
        b.created_by = r.Text(i, 4);
        b.created_at = r.Int(i, 5);
        b.expires_at = r.Int(i, 6);
        out.push_back(std::move(b));
      }
      return out;
    });
  }

  Status RemoveBan(int64_t id) override {
    return Write([&](Connection& c) -> Status {
      if (c.Run("DELETE FROM bans WHERE id = $1", Params().Add(id)).affected() == 0) {
        return NotFound(fmt::format("no ban {}", id));
      }
      return Status::Ok();
    });
  }

  Result<int64_t> AddReport(const site::Report& r) override {
    return InWriteTransaction<Result<int64_t>>([&](Connection& c) -> Result<int64_t> {
      c.Run("INSERT INTO reports (comment_id, reporter, reason, details, created_at) "
            "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (comment_id, reporter) DO NOTHING",
            Params().Add(r.comment_id).Add(r.reporter).Add(r.reason).Add(r.details).Add(
                r.created_at));
      return c.Run("SELECT count(*) FROM reports WHERE comment_id = $1",
                   Params().Add(r.comment_id))
          .Int(0, 0);
    });
  }

  Result<std::vector<int64_t>> ListReportedComments(int64_t since, int64_t limit) override {
    using V = std::vector<int64_t>;
    return Read<V>([&](Connection& c) -> Result<V> {
      Rows r = c.Run(
          "SELECT comment_id FROM reports WHERE created_at >= $1 GROUP BY comment_id "
          "ORDER BY max(id) DESC LIMIT $2",
          Params().Add(since).Add(limit));
      V out;
      for (int i = 0; i < r.size(); ++i) out.push_back(r.Int(i, 0));
      return out;
    });
  }

  Result<std::vector<site::Report>> ListReports(int64_t comment_id) override {
    using V = std::vector<site::Report>;
    return Read<V>([&](Connection& c) -> Result<V> {
      Rows r = c.Run(
          "SELECT id, comment_id, reporter, reason, details, created_at FROM reports "
          "WHERE comment_id = $1 ORDER BY id",
          Params().Add(comment_id));
      V out;
      for (int i = 0; i < r.size(); ++i) {
        site::Report rep;
        rep.id = r.Int(i, 0);
        rep.comment_id = r.Int(i, 1);
        rep.reporter = r.Text(i, 2);
        rep.reason = r.Text(i, 3);
        rep.details = r.Text(i, 4);
        rep.created_at = r.Int(i, 5);
        out.push_back(std::move(rep));
      }
      return out;
    });
  }

  Use Pool() override {
    std::lock_guard lock(pool_mu_);
    int size = static_cast<int>(pool_.size());
    return {size, size - static_cast<int>(idle_.size())};
  }

  std::unique_ptr<Subscription> Subscribe(std::function<void(int64_t)> changed) override {
    return std::make_unique<Listener>(url_, std::move(changed));
  }

 private:
  // LISTENs on a connection of its own, on a thread of its own. After a lost
  // connection it connects again and says "anything may have changed".
  class Listener final : public Subscription {
   public:
    Listener(std::string url, std::function<void(int64_t)> changed)
        : url_(std::move(url)), changed_(std::move(changed)), thread_([this] { Run(); }) {}
    ~Listener() override {
      stop_ = true;
      thread_.join();
    }

   private:
    void Run() {
      bool first = true;
      while (!stop_) {
        auto c = Connection::Open(url_);
        if (!c.ok()) {
          Sleep(1000);
          continue;
        }
        try {
          // One channel per schema: sites sharing a database do not hear each other.
          std::string schema = (*c)->RunOnce("SELECT current_schema()").Text(0, 0);
          std::string channel = ("tribune_changes:" + schema).substr(0, 63);  // NAMEDATALEN
          std::string quoted;
          for (char ch : channel) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
          (*c)->Exec("LISTEN \"" + quoted + "\"");
          if (!first) changed_(0);  // what was told while away is lost
          first = false;
          while (!stop_) {
            pollfd p{(*c)->socket(), POLLIN, 0};
            if (::poll(&p, 1, 200) < 0 && errno != EINTR) break;
            for (const std::string& payload : (*c)->TakeNotifications()) {
              int64_t id = 0;
              std::from_chars(payload.data(), payload.data() + payload.size(), id);
              changed_(id);
            }
          }
        } catch (const pg::Error&) {
          Sleep(200);  // the server went away: connect again
        }
      }
    }
    void Sleep(int ms) {
      for (int waited = 0; waited < ms && !stop_; waited += 50) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
    const std::string url_;
    const std::function<void(int64_t)> changed_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
  };

  // One comment inside the open transaction. The article's row is locked
  // first: comments on one article are numbered and de-duplicated one
  // transaction at a time, whichever node stores them.
  Result<site::StoredComment> InsertOne(Connection& c, const site::NewComment& nc) {
    Rows article = c.Run("SELECT last_number FROM articles WHERE id = $1 FOR UPDATE",
                         Params().Add(nc.article_id));
    if (article.empty()) return NotFound(fmt::format("no article {}", nc.article_id));
    int64_t hash = BodyHash(nc.author, nc.body_source);
    if (nc.dedupe_after > 0) {
      Rows dup = c.Run(
          "SELECT " TRIBUNE_COMMENT_COLUMNS
          " FROM comments WHERE article_id = $1 AND body_hash = $2 AND created_at >= $3 "
          "AND author = $4 AND body_source = $5 ORDER BY id LIMIT 1",
          Params().Add(nc.article_id).Add(hash).Add(nc.dedupe_after).Add(nc.author).Add(
              nc.body_source));
      if (!dup.empty()) return site::StoredComment{ReadComment(dup, 0), true};
    }
    int64_t number = 0;
    if (nc.status == site::CommentStatus::kPublished) {
      number = c.Run("UPDATE articles SET last_number = last_number + 1, "
                     "comment_count = comment_count + 1 WHERE id = $1 RETURNING last_number",
                     Params().Add(nc.article_id))
                   .Int(0, 0);
    }
    Rows ins = c.Run(
        "INSERT INTO comments (article_id, number, status, author, email, body_source, "
        "body_html, body_html_member, body_text, ip, user_agent, created_at, body_hash, "
        "screen_action, screen_score, screen_reasons, screen_model, reply_to, reply_to_number, "
        "reader_id) "
        "VALUES ($1, NULLIF($2::bigint, 0), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
        "$14, $15, $16, $17, $18, $19, $20) RETURNING id",
        Params()
            .Add(nc.article_id)
            .Add(number)
            .Add(site::StatusName(nc.status))
            .Add(nc.author)
            .Add(nc.email)
            .Add(nc.body_source)
            .Add(nc.body_html)
            .Add(nc.body_html_member)
            .Add(nc.body_text)
            .Add(nc.ip)
            .Add(nc.user_agent)
            .Add(nc.created_at)
            .Add(hash)
            .Add(nc.screening.action)
            .AddDouble(nc.screening.score)
            .Add(nc.screening.reasons_json.empty() ? "[]" : nc.screening.reasons_json)
            .Add(nc.screening.model_version)
            .Add(nc.reply_to)
            .Add(nc.reply_to_number)
            .Add(nc.reader_id));
    site::Comment out;
    out.id = ins.Int(0, 0);
    out.article_id = nc.article_id;
    out.number = number;
    out.status = nc.status;
    out.author = nc.author;
    out.email = nc.email;
    out.body_source = nc.body_source;
    out.body_html = nc.body_html;
    out.body_html_member = nc.body_html_member;
    out.body_text = nc.body_text;
    out.ip = nc.ip;
    out.user_agent = nc.user_agent;
    out.created_at = nc.created_at;
    out.screening = nc.screening;
    out.reply_to = nc.reply_to;
    out.reply_to_number = nc.reply_to_number;
    out.reader_id = nc.reader_id;
    pg::RecordCommentEvent(c, out.id, out.article_id, out.status, nullptr, nc.created_at);
    return site::StoredComment{std::move(out), false};
  }

  static Status StaffChanged(const Rows& r, int64_t id) {
    if (r.affected() == 0) return NotFound(fmt::format("no staff member {}", id));
    return Status::Ok();
  }

  Result<site::Staff> OneStaff(const char* sql, const Params& params, std::string not_found) {
    return Read<site::Staff>([&](Connection& c) -> Result<site::Staff> {
      Rows r = c.Run(sql, params);
      if (r.empty()) return NotFound(not_found);
      return ReadStaff(r, 0);
    });
  }

  // Every write: `f(connection)` in one transaction, committed when it
  // returns ok (rolled back otherwise). A failure is never retried here: a
  // connection lost during COMMIT leaves unknown whether it took.
  template <typename R, typename F>
  R InWriteTransaction(F&& f) {
    return Use<R>(write_failures_, /*retry=*/false, [&](Connection& c) -> R {
      Transaction tx(c);
      R out = f(c);
      if (out.ok()) tx.Commit();
      return out;
    });
  }

  template <typename F>
  Status Write(F&& f, bool in_tx = true) {
    if (in_tx) return InWriteTransaction<Status>(std::forward<F>(f));
    return Use<Status>(write_failures_, false, std::forward<F>(f));
  }

  // A read is retried once on a fresh connection when the old one was lost
  // (the server restarted since it was last used).
  template <typename T, typename F>
  Result<T> Read(F&& f) {
    return Use<Result<T>>(read_failures_, /*retry=*/true, std::forward<F>(f));
  }

  template <typename R, typename F>
  R Use(IncidentLog& failures, bool retry, F&& f) {
    Connection* c = Borrow();
    R out = Unavailable("not run");
    for (int attempt = 0;; ++attempt) {
      if (!c->healthy() && !c->Reconnect()) {
        out = Unavailable("PostgreSQL is not reachable just now");
        failures.Failed("the connection to PostgreSQL is lost and cannot be made again",
                        SteadyMs());
        break;
      }
      try {
        out = f(*c);
        failures.Succeeded(SteadyMs());
        break;
      } catch (const pg::Error& e) {
        if (retry && attempt == 0 && e.connection_lost()) {
          c->Reconnect();
          continue;
        }
        failures.Failed(e.what(), SteadyMs());
        out = Unavailable(e.what());
        break;
      } catch (const std::exception& e) {
        failures.Failed(e.what(), SteadyMs());
        out = Unavailable(e.what());
        break;
      }
    }
    Return(c);
    return out;
  }

  Connection* Borrow() {
    NoteBlockingCall(BlockingCall::kDatabase);
    std::unique_lock lock(pool_mu_);
    pool_cv_.wait(lock, [&] { return !idle_.empty(); });
    Connection* c = idle_.back();
    idle_.pop_back();
    return c;
  }

  void Return(Connection* c) {
    {
      std::lock_guard lock(pool_mu_);
      idle_.push_back(c);
    }
    pool_cv_.notify_one();
  }

  const std::string url_;
  std::vector<std::unique_ptr<Connection>> pool_;
  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  std::vector<Connection*> idle_;
  IncidentLog read_failures_, write_failures_;
};

}  // namespace

bool IsPostgresUrl(const std::string& db) {
  return db.starts_with("postgresql://") || db.starts_with("postgres://");
}

std::string PostgresDisplayName(const std::string& url) { return pg::Redacted(url); }

Result<std::unique_ptr<Store>> OpenPostgresStore(const PostgresOptions& options) {
  std::vector<std::unique_ptr<Connection>> pool;
  for (int i = 0; i < std::max(1, options.connections); ++i) {
    auto c = Connection::Open(options.url);
    if (!c.ok()) return c.status();
    pool.push_back(std::move(c).value());
  }
  return std::unique_ptr<Store>(
      std::make_unique<PostgresStore>(options.url, std::move(pool), options.failure_log));
}

}  // namespace tribune::store
