#include "store/sqlite/sqlite_store.h"

#include <fmt/format.h>

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "core/event_loop.h"
#include "site/slug.h"
#include "store/body_hash.h"
#include "store/image_widths.h"
#include "store/like_pattern.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/reader_queries.h"

namespace tribune::store {
namespace {

using sqlite::Connection;
using sqlite::Statement;
using sqlite::Transaction;

constexpr const char* kArticleColumns =
    "id, slug, title, lead, body, source, published_at, updated_at, comments_open, comment_count, "
    "state, category, byline, comments_close_days";
// The articles an ArticleFilter takes: ?1 public_at (0: any), ?2 category ("": any).
constexpr const char* kArticleFilter =
    "(?1 = 0 OR (state = 'published' AND published_at <= ?1)) AND (?2 = '' OR category = ?2)";
constexpr const char* kStaffColumns = "id, name, role, password_hash, created_at, session_epoch";

constexpr const char* kCommentColumns =
    "id, article_id, number, status, author, email, body_source, body_html, body_html_member, "
    "body_text, ip, user_agent, created_at, screen_action, screen_score, screen_reasons, "
    "screen_model, moderator_label, edited_at, reply_to, reply_to_number, reader_id";

site::Article ReadArticle(const Statement& st) {
  site::Article a;
  a.id = st.Int(0);
  a.slug = st.Text(1);
  a.title = st.Text(2);
  a.lead = st.Text(3);
  a.body = st.Text(4);
  a.source = st.Text(5);
  a.published_at = st.Int(6);
  a.updated_at = st.Int(7);
  a.comments_open = st.Int(8) != 0;
  a.comment_count = st.Int(9);
  a.state = site::ParseArticleState(st.Text(10)).value_or(site::ArticleState::kDraft);
  a.category = st.Text(11);
  a.byline = st.Text(12);
  a.comments_close_days = st.Int(13);
  return a;
}

constexpr const char* kImageColumns = "id, alt, width, height, widths, created_by, created_at";

site::Image ReadImage(const Statement& st) {
  site::Image i;
  i.id = st.Int(0);
  i.alt = st.Text(1);
  i.width = static_cast<int>(st.Int(2));
  i.height = static_cast<int>(st.Int(3));
  i.widths = ParseWidths(st.Text(4));
  i.created_by = st.Text(5);
  i.created_at = st.Int(6);
  return i;
}

site::Comment ReadComment(const Statement& st) {
  site::Comment c;
  c.id = st.Int(0);
  c.article_id = st.Int(1);
  c.number = st.Int(2);
  c.status = site::ParseStatus(st.Text(3)).value_or(site::CommentStatus::kHeld);
  c.author = st.Text(4);
  c.email = st.Text(5);
  c.body_source = st.Text(6);
  c.body_html = st.Text(7);
  c.body_html_member = st.Text(8);
  c.body_text = st.Text(9);
  c.ip = st.Text(10);
  c.user_agent = st.Text(11);
  c.created_at = st.Int(12);
  c.screening.action = st.Text(13);
  c.screening.score = st.Double(14);
  c.screening.reasons_json = st.Text(15);
  c.screening.model_version = st.Text(16);
  c.moderator_label = st.Text(17);
  c.edited_at = st.Int(18);
  c.reply_to = st.Int(19);
  c.reply_to_number = st.Int(20);
  c.reader_id = st.Int(21);
  return c;
}

std::vector<site::Comment> ReadComments(Statement& st) {
  std::vector<site::Comment> out;
  while (st.Step()) out.push_back(ReadComment(st));
  return out;
}

// A JSON array of ids, for "IN (SELECT value FROM json_each(?))".
std::string IdArray(std::span<const int64_t> ids) {
  std::string out = "[";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(ids[i]);
  }
  return out + "]";
}

// Statement texts, built once so the per-connection cache can key on them.
struct Sql {
  std::string get_article = fmt::format("SELECT {} FROM articles WHERE id = ?", kArticleColumns);
  std::string list_articles = fmt::format(
      "SELECT {} FROM articles WHERE {} ORDER BY published_at DESC, id DESC LIMIT ?3 OFFSET ?4",
      kArticleColumns, kArticleFilter);
  std::string count_articles = fmt::format("SELECT count(*) FROM articles WHERE {}", kArticleFilter);
  std::string get_comment = fmt::format("SELECT {} FROM comments WHERE id = ?", kCommentColumns);
  std::string list_recent = fmt::format(
      "SELECT {} FROM comments WHERE created_at >= ? ORDER BY created_at DESC, id DESC LIMIT ?",
      kCommentColumns);
  std::string list_with_status = fmt::format(
      "SELECT {} FROM comments WHERE status = ? AND created_at >= ? "
      "ORDER BY created_at DESC, id DESC LIMIT ?",
      kCommentColumns);
  std::string list_held = fmt::format(
      "SELECT {} FROM comments WHERE status = 'held' ORDER BY id LIMIT ?", kCommentColumns);
  std::string list_comments = fmt::format(
      "SELECT {} FROM comments WHERE article_id = ? AND status = 'published' "
      "ORDER BY number DESC LIMIT ? OFFSET ?",
      kCommentColumns);
  std::string by_reader = fmt::format(
      "SELECT {} FROM comments WHERE reader_id <> 0 AND reader_id = ? ORDER BY id DESC LIMIT ?",
      kCommentColumns);
  std::string comments_of = fmt::format(
      "SELECT {} FROM comments WHERE (email <> '' AND lower(email) = ?1) OR "
      "(reader_id <> 0 AND reader_id = ?2) ORDER BY id DESC",
      kCommentColumns);
  std::string staff_by_id = fmt::format("SELECT {} FROM staff WHERE id = ?", kStaffColumns);
  std::string staff_by_name = fmt::format("SELECT {} FROM staff WHERE name = ?", kStaffColumns);
  std::string staff_all = fmt::format("SELECT {} FROM staff ORDER BY name", kStaffColumns);
};
const Sql& Queries() {
  static const Sql sql;
  return sql;
}

// A failure goes on being told about this often while it lasts.
constexpr int64_t kRemindEveryMs = 10 * 60 * 1000;

int64_t SteadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

class SqliteStore final : public Store {
 public:
  SqliteStore(std::unique_ptr<Connection> writer, std::vector<std::unique_ptr<Connection>> readers,
              const IncidentLog::Line& failure_log)
      : writer_(std::move(writer)),
        readers_(std::move(readers)),
        read_failures_("database reads", kRemindEveryMs, failure_log),
        write_failures_("database writes", kRemindEveryMs, failure_log) {
    for (auto& r : readers_) idle_.push_back(r.get());
  }

  Status Migrate() override {
    std::lock_guard lock(write_mu_);
    return Guard([&] { return sqlite::ApplyMigrations(*writer_); });
  }

  Result<int> SchemaVersion() override {
    NoteBlockingCall(BlockingCall::kDatabase);
    std::lock_guard lock(write_mu_);
    return sqlite::CurrentSchemaVersion(*writer_);
  }

  Result<std::string> GetSetting(const std::string& key) override {
    return Read<std::string>([&](Connection& c) -> Result<std::string> {
      Statement st = c.Prepare("SELECT value FROM settings WHERE key = ?");
      st.Bind(1, key);
      if (!st.Step()) return NotFound(fmt::format("no setting '{}'", key));
      return st.Text(0);
    });
  }

  Status PutSetting(const std::string& key, const std::string& value) override {
    return Write([&](Connection& c) {
      c.Prepare("INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
          .Bind(1, key)
          .Bind(2, value)
          .Step();
      return Status::Ok();
    });
  }

  Result<site::Article> CreateArticle(const ArticleDraft& d, int64_t now) override {
    int64_t id = 0;
    Status st = Write([&](Connection& c) {
      std::string slug = d.slug.empty() ? site::Slugify(d.title) : d.slug;
      c.Prepare("INSERT INTO articles (slug, title, lead, body, source, published_at, "
                "updated_at, comments_open, state, category, byline, comments_close_days) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .Bind(1, slug)
          .Bind(2, d.title)
          .Bind(3, d.lead)
          .Bind(4, d.body)
          .Bind(5, d.source)
          .Bind(6, d.published_at ? d.published_at : now)
          .Bind(7, now)
          .Bind(8, int64_t{d.comments_open})
          .Bind(9, std::string(site::StateName(d.state)))
          .Bind(10, d.category)
          .Bind(11, d.byline)
          .Bind(12, d.comments_close_days)
          .Step();
      id = c.LastInsertId();
      BumpRevision(c);
      return Status::Ok();
    });
    if (!st.ok()) return st;
    return GetArticle(id);
  }

  Status UpdateArticle(const site::Article& a, int64_t now) override {
    return Write([&](Connection& c) {
      c.Prepare("UPDATE articles SET slug = ?, title = ?, lead = ?, body = ?, source = ?, "
                "comments_open = ?, updated_at = ?, state = ?, category = ?, byline = ?, "
                "comments_close_days = ?, published_at = ? WHERE id = ?")
          .Bind(1, a.slug)
          .Bind(2, a.title)
          .Bind(3, a.lead)
          .Bind(4, a.body)
          .Bind(5, a.source)
          .Bind(6, int64_t{a.comments_open})
          .Bind(7, now)
          .Bind(8, std::string(site::StateName(a.state)))
          .Bind(9, a.category)
          .Bind(10, a.byline)
          .Bind(11, a.comments_close_days)
          .Bind(12, a.published_at)
          .Bind(13, a.id)
          .Step();
      if (Changes(c) == 0) return NotFound(fmt::format("no article {}", a.id));
      BumpRevision(c);
      return Status::Ok();
    });
  }

  Result<site::Article> GetArticle(int64_t id) override {
    return Read<site::Article>([&](Connection& c) -> Result<site::Article> {
      Statement st = c.Prepare(Queries().get_article.c_str());
      st.Bind(1, id);
      if (!st.Step()) return NotFound(fmt::format("no article {}", id));
      return ReadArticle(st);
    });
  }

  Result<std::vector<site::Article>> ListArticles(int64_t offset, int64_t limit,
                                                  const ArticleFilter& f) override {
    using V = std::vector<site::Article>;
    return Read<V>([&](Connection& c) -> Result<V> {
      Statement st = c.Prepare(Queries().list_articles.c_str());
      st.Bind(1, f.public_at).Bind(2, f.category).Bind(3, limit).Bind(4, offset);
      V out;
      while (st.Step()) out.push_back(ReadArticle(st));
      return out;
    });
  }

  Result<int64_t> CountArticles(const ArticleFilter& f) override {
    return Read<int64_t>([&](Connection& c) -> Result<int64_t> {
      Statement st = c.Prepare(Queries().count_articles.c_str());
      st.Bind(1, f.public_at).Bind(2, f.category);
      st.Step();
      return st.Int(0);
    });
  }

  Result<int64_t> ArticlesChangeMarker() override {
    return Read<int64_t>([&](Connection& c) -> Result<int64_t> {
      Statement st = c.Prepare("SELECT value FROM settings WHERE key = 'articles_revision'");
      return st.Step() ? std::stoll(st.Text(0)) : int64_t{0};
    });
  }

  std::vector<Result<site::StoredComment>> InsertComments(
      std::span<const site::NewComment> comments) override {
    // One transaction for the batch; each comment has its own result in it.
    using Each = std::vector<Result<site::StoredComment>>;
    Result<Each> batch = InWriteTransaction<Result<Each>>([&](Connection& w) -> Result<Each> {
      Each out;
      out.reserve(comments.size());
      int64_t newest = 0;
      for (const auto& nc : comments) {
        out.push_back(InsertOne(w, nc));
        if (out.back().ok()) RecordSpentToken(w, nc, out.back()->comment.id);
        newest = std::max(newest, nc.created_at);
      }
      ForgetExpiredTokens(w, newest);
      return out;
    });
    if (batch.ok()) return std::move(batch).value();
    return Each(comments.size(),
                Unavailable(fmt::format("comment not stored: {}", batch.status().message())));
  }

  Result<int64_t> FindSpentToken(const std::string& nonce) override {
    return Read<int64_t>([&](Connection& c) -> Result<int64_t> {
      Statement st = c.Prepare("SELECT comment_id FROM spent_tokens WHERE nonce = ?");
      st.Bind(1, nonce);
      if (!st.Step()) return NotFound("no such spent token");
      return st.Int(0);
    });
  }

  Result<std::vector<site::Comment>> ListPublishedComments(int64_t article_id, int64_t offset,
                                                           int64_t limit) override {
    using V = std::vector<site::Comment>;
    return Read<V>([&](Connection& c) -> Result<V> {
      Statement st = c.Prepare(Queries().list_comments.c_str());
      st.Bind(1, article_id).Bind(2, limit).Bind(3, offset);
      return ReadComments(st);
    });
  }

  Result<site::Comment> GetComment(int64_t id) override {
    return Read<site::Comment>([&](Connection& c) -> Result<site::Comment> {
      Statement st = c.Prepare(Queries().get_comment.c_str());
      st.Bind(1, id);
      if (!st.Step()) return NotFound(fmt::format("no comment {}", id));
      return ReadComment(st);
    });
  }

  Result<site::Comment> ModerateComment(int64_t id, site::CommentStatus status,
                                        const std::string& label) override {
    return InWriteTransaction<Result<site::Comment>>([&](Connection& w) -> Result<site::Comment> {
      Statement get = w.Prepare(Queries().get_comment.c_str());
      get.Bind(1, id);
      if (!get.Step()) return NotFound(fmt::format("no comment {}", id));
      site::Comment c = ReadComment(get);
      site::CommentStatus before = c.status;
      bool was = c.status == site::CommentStatus::kPublished;
      bool now = status == site::CommentStatus::kPublished;
      if (now && !was) {
        Statement bump = w.Prepare(
            "UPDATE articles SET comment_count = comment_count + 1, "
            "last_number = last_number + (? = 0) WHERE id = ? RETURNING last_number");
        bump.Bind(1, c.number).Bind(2, c.article_id);
        bump.Step();
        if (c.number == 0) c.number = bump.Int(0);
      } else if (was && !now) {
        w.Prepare("UPDATE articles SET comment_count = comment_count - 1 WHERE id = ?")
            .Bind(1, c.article_id)
            .Step();
      }
      c.status = status;
      c.moderator_label = label;
      w.Prepare("UPDATE comments SET status = ?, number = NULLIF(?, 0), "
                       "moderator_label = ? WHERE id = ?")
          .Bind(1, site::StatusName(status))
          .Bind(2, c.number)
          .Bind(3, label)
          .Bind(4, id)
          .Step();
      // Pages cached by any process show the published comments: they must go.
      if (was != now) BumpRevision(w);
      sqlite::RecordCommentEvent(w, id, c.article_id, status, &before, 0);
      return c;
    });
  }

  Result<site::Comment> EditComment(int64_t id, const site::CommentEdit& edit) override {
    return InWriteTransaction<Result<site::Comment>>([&](Connection& w) -> Result<site::Comment> {
      Statement get = w.Prepare(Queries().get_comment.c_str());
      get.Bind(1, id);
      if (!get.Step()) return NotFound(fmt::format("no comment {}", id));
      site::Comment c = ReadComment(get);
      w.Prepare(
                 "INSERT INTO comment_revisions (comment_id, body_source, screen_action, "
                 "screen_score, screen_reasons, screen_model, replaced_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?)")
          .Bind(1, id)
          .Bind(2, c.body_source)
          .Bind(3, c.screening.action)
          .BindDouble(4, c.screening.score)
          .Bind(5, c.screening.reasons_json)
          .Bind(6, c.screening.model_version)
          .Bind(7, edit.edited_at)
          .Step();
      bool was = c.status == site::CommentStatus::kPublished;
      // The more severe of the two: an edit can take a comment down, never up.
      site::CommentStatus status = std::max(c.status, edit.status);
      if (was && status != site::CommentStatus::kPublished) {
        w.Prepare("UPDATE articles SET comment_count = comment_count - 1 WHERE id = ?")
            .Bind(1, c.article_id)
            .Step();
      }
      w.Prepare(
                 "UPDATE comments SET status = ?, body_source = ?, body_html = ?, "
                 "body_html_member = ?, body_text = ?, body_hash = ?, screen_action = ?, "
                 "screen_score = ?, screen_reasons = ?, screen_model = ?, edited_at = ?, "
                 "moderator_label = '' WHERE id = ?")
          .Bind(1, site::StatusName(status))
          .Bind(2, edit.body_source)
          .Bind(3, edit.body_html)
          .Bind(4, edit.body_html_member)
          .Bind(5, edit.body_text)
          .Bind(6, BodyHash(c.author, edit.body_source))
          .Bind(7, edit.screening.action)
          .BindDouble(8, edit.screening.score)
          .Bind(9, edit.screening.reasons_json.empty() ? "[]" : edit.screening.reasons_json)
          .Bind(10, edit.screening.model_version)
          .Bind(11, edit.edited_at)
          .Bind(12, id)
          .Step();
      if (was) BumpRevision(w);
      if (status != c.status) {
        sqlite::RecordCommentEvent(w, id, c.article_id, status, &c.status, edit.edited_at);
      }
      c.status = status;
      c.body_source = edit.body_source;
      c.body_html = edit.body_html;
      c.body_html_member = edit.body_html_member;
      c.body_text = edit.body_text;
      c.screening = edit.screening;
      c.edited_at = edit.edited_at;
      c.moderator_label.clear();  // a moderator judged the old text, not this one
      return c;
    });
  }

  Result<std::vector<site::CommentRevision>> ListRevisions(int64_t comment_id) override {
    using V = std::vector<site::CommentRevision>;
    return Read<V>([&](Connection& c) -> Result<V> {
      Statement st = c.Prepare(
          "SELECT body_source, screen_action, screen_score, screen_reasons, screen_model, "
          "replaced_at FROM comment_revisions WHERE comment_id = ? ORDER BY id");
      st.Bind(1, comment_id);
      V out;
      while (st.Step()) {
        site::CommentRevision r;
        r.body_source = st.Text(0);
        r.screening = {st.Text(1), st.Double(2), st.Text(3), st.Text(4)};
        r.replaced_at = st.Int(5);
        out.push_back(std::move(r));
      }
      return out;
    });
  }

  Result<std::vector<Published>> ListPublishedByEmail(const std::string& email, int64_t since,
                                                      int64_t limit) override {
    using V = std::vector<Published>;
    return Read<V>([&](Connection& c) -> Result<V> {
      Statement st = c.Prepare(
          "SELECT id, created_at FROM comments WHERE lower(email) = lower(?) AND email <> '' "
          "AND created_at >= ? AND status = 'published' ORDER BY created_at DESC LIMIT ?");
      st.Bind(1, email).Bind(2, since).Bind(3, limit);
      V out;
      while (st.Step()) out.push_back({st.Int(0), st.Int(1)});
      return out;
    });
  }

  Result<std::vector<site::Comment>> ListRecentComments(int64_t since, int64_t limit) override {
    using V = std::vector<site::Comment>;
    return Read<V>([&](Connection& c) -> Result<V> {
      Statement st = c.Prepare(Queries().list_recent.c_str());
      st.Bind(1, since).Bind(2, limit);
      return ReadComments(st);
    });
  }

  Result<std::vector<site::Comment>> ListCommentsWithStatus(site::CommentStatus status,
                                                            int64_t since,
                                                            int64_t limit) override {
    using V = std::vector<site::Comment>;
    return Read<V>([&](Connection& c) -> Result<V> {
      Statement st = c.Prepare(Queries().list_with_status.c_str());
      st.Bind(1, site::StatusName(status));
      st.Bind(2, since);
      st.Bind(3, limit);
      return ReadComments(st);
    });
  }

  Result<std::vector<site::ReplyLink>> ListReplies(std::span<const int64_t> ids) override {
    using V = std::vector<site::ReplyLink>;
    if (ids.empty()) return V{};
    return Read<V>([&](Connection& c) -> Result<V> {
      Statement st = c.Prepare(
          // "reply_to <> 0" lets the partial index comments_replies serve it.
          "SELECT reply_to, id, number FROM comments WHERE reply_to <> 0 AND reply_to IN "
          "(SELECT value FROM json_each(?)) AND status = 'published' ORDER BY id");
      st.Bind(1, IdArray(ids));
      V out;
      while (st.Step()) out.push_back({st.Int(0), st.Int(1), st.Int(2)});
      return out;
    });
  }

  Result<int64_t> CountPublishedAbove(int64_t article_id, int64_t number) override {
    return Read<int64_t>([&](Connection& c) -> Result<int64_t> {
      Statement st = c.Prepare("SELECT count(*) FROM comments WHERE article_id = ? AND "
                               "status = 'published' AND number > ?");
      st.Bind(1, article_id).Bind(2, number);
      st.Step();
      return st.Int(0);
    });
  }

  Result<std::vector<site::Comment>> ListCommentsByReader(int64_t reader_id,
                                                          int64_t limit) override {
    using V = std::vector<site::Comment>;
    return Read<V>([&](Connection& c) -> Result<V> {
      Statement st = c.Prepare(Queries().by_reader.c_str());
      st.Bind(1, reader_id).Bind(2, limit);
      return ReadComments(st);
    });
  }

  Result<std::vector<site::Comment>> ListCommentsOf(const std::string& email_key,
                                                    int64_t reader_id) override {
    using V = std::vector<site::Comment>;
    return Read<V>([&](Connection& c) -> Result<V> {
      Statement st = c.Prepare(Queries().comments_of.c_str());
      st.Bind(1, email_key).Bind(2, reader_id);
      return ReadComments(st);
    });
  }

  Result<int64_t> EraseCommentsOf(const std::string& email_key, int64_t reader_id, bool remove,
                                  const std::string& anonymous_name) override {
    return InWriteTransaction<Result<int64_t>>([&](Connection& w) -> Result<int64_t> {
      // ?1 the e-mail key, ?2 the reader: the comments erasure takes.
      if (remove) {
        w.Prepare("UPDATE articles SET comment_count = comment_count - (SELECT count(*) FROM "
                  "comments WHERE article_id = articles.id AND status = 'published' AND "
                  "((email <> '' AND lower(email) = ?1) OR (reader_id <> 0 AND reader_id = ?2))) "
                  "WHERE id IN (SELECT article_id FROM comments WHERE "
                  "(email <> '' AND lower(email) = ?1) OR (reader_id <> 0 AND reader_id = ?2))")
            .Bind(1, email_key)
            .Bind(2, reader_id)
            .Step();
      }
      w.Prepare("DELETE FROM comment_revisions WHERE comment_id IN (SELECT id FROM comments "
                "WHERE (email <> '' AND lower(email) = ?1) OR (reader_id <> 0 AND reader_id = ?2))")
          .Bind(1, email_key)
          .Bind(2, reader_id)
          .Step();
      w.Prepare("UPDATE comments SET author = CASE WHEN ?3 THEN '' ELSE ?4 END, email = '', "
                "ip = '', user_agent = '', reader_id = 0, "
                "status = CASE WHEN ?3 THEN 'deleted' ELSE status END, "
                "body_source = CASE WHEN ?3 THEN '' ELSE body_source END, "
                "body_html = CASE WHEN ?3 THEN '' ELSE body_html END, "
                "body_html_member = CASE WHEN ?3 THEN '' ELSE body_html_member END, "
                "body_text = CASE WHEN ?3 THEN '' ELSE body_text END "
                "WHERE (email <> '' AND lower(email) = ?1) OR (reader_id <> 0 AND reader_id = ?2)")
          .Bind(1, email_key)
          .Bind(2, reader_id)
          .Bind(3, int64_t{remove})
          .Bind(4, anonymous_name)
          .Step();
      int64_t n = Changes(w);
      if (n > 0) BumpRevision(w);
      return n;
    });
  }

  Result<int64_t> PurgeCommentData(int64_t addresses_before, int64_t emails_before,
                                   int64_t rejected_before) override {
    return InWriteTransaction<Result<int64_t>>([&](Connection& w) -> Result<int64_t> {
      int64_t n = 0;
      w.Prepare("UPDATE comments SET ip = '', user_agent = '' WHERE created_at < ? AND "
                "(ip <> '' OR user_agent <> '')")
          .Bind(1, addresses_before)
          .Step();
      n += Changes(w);
      w.Prepare("UPDATE comments SET email = '' WHERE created_at < ? AND reader_id = 0 AND "
                "email <> ''")
          .Bind(1, emails_before)
          .Step();
      n += Changes(w);
      w.Prepare("UPDATE comments SET body_source = '', body_html = '', body_html_member = '', "
                "body_text = '' WHERE created_at < ? AND status = 'spam' AND body_source <> ''")
          .Bind(1, rejected_before)
          .Step();
      n += Changes(w);
      return n;
    });
  }

  // Readers, subscriptions, the outbox and jobs (sqlite/reader_queries.h).
  Result<site::Reader> CreateReader(const site::Reader& r) override {
    return InWriteTransaction<Result<site::Reader>>(
        [&](Connection& c) { return sqlite::CreateReader(c, r); });
  }
  Result<site::Reader> GetReader(int64_t id) override {
    return Read<site::Reader>([&](Connection& c) { return sqlite::GetReaderById(c, id); });
  }
  Result<site::Reader> GetReaderByEmail(const std::string& email_key) override {
    return Read<site::Reader>(
        [&](Connection& c) { return sqlite::GetReaderBy(c, sqlite::kReaderByEmail, email_key); });
  }
  Result<site::Reader> GetReaderByNameKey(const std::string& name_key) override {
    return Read<site::Reader>(
        [&](Connection& c) { return sqlite::GetReaderBy(c, sqlite::kReaderByNameKey, name_key); });
  }
  Status UpdateReader(const site::Reader& r) override {
    return Write([&](Connection& c) { return sqlite::UpdateReader(c, r); });
  }
  Status DeleteReader(int64_t id) override {
    return Write([&](Connection& c) { return sqlite::DeleteReader(c, id); });
  }
  Result<int64_t> PruneUnconfirmedReaders(int64_t before) override {
    return InWriteTransaction<Result<int64_t>>(
        [&](Connection& c) { return sqlite::PruneUnconfirmedReaders(c, before); });
  }
  Result<site::Subscription> AddSubscription(const site::Subscription& s) override {
    return InWriteTransaction<Result<site::Subscription>>(
        [&](Connection& c) { return sqlite::AddSubscription(c, s); });
  }
  Result<site::Subscription> GetSubscription(int64_t id) override {
    return Read<site::Subscription>([&](Connection& c) { return sqlite::GetSubscription(c, id); });
  }
  Status ConfirmSubscription(int64_t id) override {
    return Write([&](Connection& c) { return sqlite::ConfirmSubscription(c, id); });
  }
  Status SetDigest(const std::string& email_key, bool digest) override {
    return Write([&](Connection& c) { return sqlite::SetDigest(c, email_key, digest); });
  }
  Status RemoveSubscription(int64_t id) override {
    return Write([&](Connection& c) { return sqlite::RemoveSubscription(c, id); });
  }
  Result<int64_t> RemoveSubscriptionsOf(const std::string& email_key) override {
    return InWriteTransaction<Result<int64_t>>(
        [&](Connection& c) { return sqlite::RemoveSubscriptionsOf(c, email_key); });
  }
  Result<std::vector<site::Subscription>> ListSubscriptions(const std::string& email_key) override {
    return Read<std::vector<site::Subscription>>(
        [&](Connection& c) { return sqlite::ListSubscriptions(c, email_key); });
  }
  Result<std::vector<site::Subscription>> SubscribersOf(int64_t article_id) override {
    return Read<std::vector<site::Subscription>>(
        [&](Connection& c) { return sqlite::SubscribersOf(c, article_id); });
  }
  Status Enqueue(std::span<const site::OutboxItem> items) override {
    return Write([&](Connection& c) { return sqlite::Enqueue(c, items); });
  }
  Result<std::vector<site::OutboxItem>> ClaimOutbox(int64_t now, int64_t lease_s,
                                                    int64_t limit) override {
    return InWriteTransaction<Result<std::vector<site::OutboxItem>>>(
        [&](Connection& c) { return sqlite::ClaimOutbox(c, now, lease_s, limit); });
  }
  Status FinishOutbox(int64_t id, const std::string& state, const std::string& error,
                      int64_t retry_at, int64_t now) override {
    return Write(
        [&](Connection& c) { return sqlite::FinishOutbox(c, id, state, error, retry_at, now); });
  }
  Status ExpandEvents(std::span<const Expansion> expansions, int64_t now) override {
    return Write([&](Connection& c) {
      for (const Expansion& e : expansions) {
        TRIBUNE_RETURN_IF_ERROR(sqlite::ExpandEvent(c, e.event_id, e.items, now));
      }
      return Status::Ok();
    });
  }
  Result<int64_t> CountOutbox(const std::string& kind, const std::string& target,
                              const std::string& topic, int64_t since) override {
    return Read<int64_t>(
        [&](Connection& c) { return sqlite::CountOutbox(c, kind, target, topic, since); });
  }
  Result<std::vector<site::OutboxItem>> TakeDigestLines(int64_t before, int64_t limit) override {
    return InWriteTransaction<Result<std::vector<site::OutboxItem>>>(
        [&](Connection& c) { return sqlite::TakeDigestLines(c, before, limit); });
  }
  Result<Backlog> OutboxBacklog() override {
    return Read<Backlog>([&](Connection& c) { return sqlite::OutboxBacklog(c); });
  }
  Result<std::vector<site::OutboxItem>> ListOutboxFor(const std::string& target,
                                                      int64_t limit) override {
    return Read<std::vector<site::OutboxItem>>(
        [&](Connection& c) { return sqlite::ListOutboxFor(c, target, limit); });
  }
  Result<int64_t> PruneOutbox(int64_t before) override {
    return InWriteTransaction<Result<int64_t>>(
        [&](Connection& c) { return sqlite::PruneOutbox(c, before); });
  }
  Result<bool> ClaimJob(const std::string& name, int64_t period_s, int64_t now) override {
    return InWriteTransaction<Result<bool>>(
        [&](Connection& c) { return sqlite::ClaimJob(c, name, period_s, now); });
  }

  Result<std::vector<site::Comment>> SearchComments(const site::CommentQuery& q) override {
    using V = std::vector<site::Comment>;
    static const std::string sql = fmt::format(
        "SELECT {} FROM comments WHERE "
        "(?1 = '' OR body_text LIKE '%' || ?1 || '%' ESCAPE '\\') "
        "AND (?2 = '' OR author LIKE '%' || ?2 || '%' ESCAPE '\\') "
        "AND (?3 = '' OR lower(email) = lower(?3)) "
        "AND (?4 = '' OR ip LIKE ?4 || '%' ESCAPE '\\') "
        "AND (?5 = '' OR body_source LIKE '%' || ?5 || '%' ESCAPE '\\') "
        "AND (?6 = '' OR status = ?6) AND (?7 = 0 OR created_at >= ?7) "
        "AND (?8 = 0 OR created_at < ?8) ORDER BY created_at DESC, id DESC LIMIT ?9",
        kCommentColumns);
    return Read<V>([&](Connection& c) -> Result<V> {
      Statement st = c.Prepare(sql.c_str());
      st.Bind(1, LikeEscaped(q.text)).Bind(2, LikeEscaped(q.author)).Bind(3, q.email);
      st.Bind(4, LikeEscaped(q.address)).Bind(5, LikeEscaped(q.domain));
      st.Bind(6, q.status ? std::string(site::StatusName(*q.status)) : std::string());
      st.Bind(7, q.since).Bind(8, q.until).Bind(9, q.limit);
      return ReadComments(st);
    });
  }

  Result<std::vector<site::Comment>> ListHeldComments(int64_t limit) override {
    using V = std::vector<site::Comment>;
    return Read<V>([&](Connection& c) -> Result<V> {
      Statement st = c.Prepare(Queries().list_held.c_str());
      st.Bind(1, limit);
      return ReadComments(st);
    });
  }

  Status PruneModels(int keep) override {
    return Write([&](Connection& c) {
      c.Prepare("DELETE FROM spam_models WHERE id NOT IN "
                "(SELECT id FROM spam_models ORDER BY id DESC LIMIT ?)")
          .Bind(1, int64_t{keep})
          .Step();
      return Status::Ok();
    });
  }

  Result<site::Staff> CreateStaff(const site::Staff& staff) override {
    int64_t id = 0;
    Status st = Write([&](Connection& c) -> Status {
      Statement taken = c.Prepare("SELECT 1 FROM staff WHERE name = ?");
      taken.Bind(1, staff.name);
      if (taken.Step()) return AlreadyExists(fmt::format("staff name '{}' is taken", staff.name));
      c.Prepare("INSERT INTO staff (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)")
          .Bind(1, staff.name)
          .Bind(2, std::string(site::StaffRoleName(staff.role)))
          .Bind(3, staff.password_hash)
          .Bind(4, staff.created_at)
          .Step();
      id = c.LastInsertId();
      return Status::Ok();
    });
    if (!st.ok()) return st;
    return GetStaff(id);
  }

  Result<site::Staff> GetStaff(int64_t id) override {
    return ReadStaff(Queries().staff_by_id, [&](Statement& st) { st.Bind(1, id); },
                     fmt::format("no staff member {}", id));
  }

  Result<site::Staff> GetStaffByName(const std::string& name) override {
    return ReadStaff(Queries().staff_by_name, [&](Statement& st) { st.Bind(1, name); },
                     fmt::format("no staff member named '{}'", name));
  }

  Result<std::vector<site::Staff>> ListStaff() override {
    using V = std::vector<site::Staff>;
    return Read<V>([&](Connection& c) -> Result<V> {
      Statement st = c.Prepare(Queries().staff_all.c_str());
      V out;
      while (st.Step()) out.push_back(StaffRow(st));
      return out;
    });
  }

  Status SetStaffPassword(int64_t id, const std::string& password_hash) override {
    return Write([&](Connection& c) {
      c.Prepare("UPDATE staff SET password_hash = ?, session_epoch = session_epoch + 1 "
                "WHERE id = ?")
          .Bind(1, password_hash)
          .Bind(2, id)
          .Step();
      return StaffChanged(c, id);
    });
  }

  Status EndStaffSessions(int64_t id) override {
    return Write([&](Connection& c) {
      c.Prepare("UPDATE staff SET session_epoch = session_epoch + 1 WHERE id = ?")
          .Bind(1, id)
          .Step();
      return StaffChanged(c, id);
    });
  }

  Status DeleteStaff(int64_t id) override {
    return Write([&](Connection& c) {
      c.Prepare("DELETE FROM staff WHERE id = ?").Bind(1, id).Step();
      return StaffChanged(c, id);
    });
  }

  Result<site::Ban> AddBan(const site::Ban& ban) override {
    return InWriteTransaction<Result<site::Ban>>([&](Connection& c) -> Result<site::Ban> {
      Statement st = c.Prepare(
          "INSERT INTO bans (kind, pattern, reason, created_by, created_at, expires_at) "
          "VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
      st.Bind(1, site::BanKindName(ban.kind))
          .Bind(2, ban.pattern)
          .Bind(3, ban.reason)
          .Bind(4, ban.created_by)
          .Bind(5, ban.created_at)
          .Bind(6, ban.expires_at);
      st.Step();
      site::Ban out = ban;
      out.id = st.Int(0);
      return out;
    });
  }

  Result<std::vector<site::Ban>> ListBans() override {
    using V = std::vector<site::Ban>;
    return Read<V>([&](Connection& c) -> Result<V> {
      Statement st = c.Prepare(
          "SELECT id, kind, pattern, reason, created_by, created_at, expires_at FROM bans "
          "ORDER BY created_at DESC, id DESC");
      V out;
      while (st.Step()) {
        site::Ban b;
        b.id = st.Int(0);
        b.kind = site::ParseBanKind(st.Text(1)).value_or(site::BanKind::kAddress);
        b.pattern = st.Text(2);
        b.reason = st.Text(3);
        b.created_by = st.Text(4);
        b.created_at = st.Int(5);
        b.expires_at = st.Int(6);
        out.push_back(std::move(b));
      }
      return out;
    });
  }

  Status RemoveBan(int64_t id) override {
    return Write([&](Connection& c) -> Status {
      c.Prepare("DELETE FROM bans WHERE id = ?").Bind(1, id).Step();
      if (Changes(c) == 0) return NotFound(fmt::format("no ban {}", id));
      return Status::Ok();
    });
  }

  Result<int64_t> AddReport(const site::Report& r) override {
    return InWriteTransaction<Result<int64_t>>([&](Connection& c) -> Result<int64_t> {
      c.Prepare("INSERT OR IGNORE INTO reports (comment_id, reporter, reason, details, created_at) "
                "VALUES (?, ?, ?, ?, ?)")
          .Bind(1, r.comment_id)
          .Bind(2, r.reporter)
          .Bind(3, r.reason)
          .Bind(4, r.details)
          .Bind(5, r.created_at)
          .Step();
      Statement n = c.Prepare("SELECT count(*) FROM reports WHERE comment_id = ?");
      n.Bind(1, r.comment_id);
      n.Step();
      return n.Int(0);
    });
  }

  Result<std::vector<int64_t>> ListReportedComments(int64_t since, int64_t limit) override {
    using V = std::vector<int64_t>;
    return Read<V>([&](Connection& c) -> Result<V> {
      Statement st = c.Prepare(
          "SELECT comment_id FROM reports WHERE created_at >= ? GROUP BY comment_id "
          "ORDER BY max(id) DESC LIMIT ?");
      st.Bind(1, since).Bind(2, limit);
      V out;
      while (st.Step()) out.push_back(st.Int(0));
      return out;
    });
  }

  Result<std::vector<site::Report>> ListReports(int64_t comment_id) override {
    using V = std::vector<site::Report>;
    return Read<V>([&](Connection& c) -> Result<V> {
      Statement st = c.Prepare(
          "SELECT id, comment_id, reporter, reason, details, created_at FROM reports "
          "WHERE comment_id = ? ORDER BY id");
      st.Bind(1, comment_id);
      V out;
      while (st.Step()) {
        site::Report r;
        r.id = st.Int(0);
        r.comment_id = st.Int(1);
        r.reporter = st.Text(2);
        r.reason = st.Text(3);
        r.details = st.Text(4);
        r.created_at = st.Int(5);
        out.push_back(std::move(r));
      }
      return out;
    });
  }

  Status RecordAudit(const site::AuditEntry& e) override {
    return Write([&](Connection& c) {
      c.Prepare("INSERT INTO audit_log (at, actor, action, target, from_addr, before, after) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)")
          .Bind(1, e.at)
          .Bind(2, e.actor)
          .Bind(3, e.action)
          .Bind(4, e.target)
          .Bind(5, e.from)
          .Bind(6, e.before)
          .Bind(7, e.after)
          .Step();
      return Status::Ok();
    });
  }

  Result<std::vector<site::AuditEntry>> ListAudit(const site::AuditQuery& q) override {
    using V = std::vector<site::AuditEntry>;
    // An action ending in '.' is a prefix ("comment." for every comment action).
    bool prefix = !q.action.empty() && q.action.back() == '.';
    return Read<V>([&](Connection& c) -> Result<V> {
      Statement st = c.Prepare(
          "SELECT id, at, actor, action, target, from_addr, before, after FROM audit_log "
          "WHERE (?1 = '' OR actor = ?1) "
          "AND (?2 = '' OR (?3 = 0 AND action = ?2) "
          "     OR (?3 = 1 AND substr(action, 1, length(?2)) = ?2)) "
          "AND (?4 = '' OR target = ?4) AND (?5 = 0 OR at >= ?5) AND (?6 = 0 OR at < ?6) "
          "ORDER BY at DESC, id DESC LIMIT ?7");
      st.Bind(1, q.actor)
          .Bind(2, q.action)
          .Bind(3, int64_t{prefix})
          .Bind(4, q.target)
          .Bind(5, q.since)
          .Bind(6, q.until)
          .Bind(7, q.limit);
      V out;
      while (st.Step()) {
        site::AuditEntry e;
        e.id = st.Int(0);
        e.at = st.Int(1);
        e.actor = st.Text(2);
        e.action = st.Text(3);
        e.target = st.Text(4);
        e.from = st.Text(5);
        e.before = st.Text(6);
        e.after = st.Text(7);
        out.push_back(std::move(e));
      }
      return out;
    });
  }

  Result<int64_t> PruneAudit(int64_t before) override {
    return InWriteTransaction<Result<int64_t>>([&](Connection& c) -> Result<int64_t> {
      c.Prepare("DELETE FROM audit_log WHERE at < ?").Bind(1, before).Step();
      return Changes(c);
    });
  }

  Status SaveModel(const std::string& version, const std::string& data, int64_t now) override {
    return Write([&](Connection& c) { return InsertModel(c, version, data, now); });
  }

  Status SaveModelAfter(const std::string& from, const std::string& version,
                        const std::string& data, int64_t now) override {
    return Write([&](Connection& c) -> Status {
      // The write lock is held across processes (BEGIN IMMEDIATE): the check
      // and the insert are one step.
      Statement latest = c.Prepare("SELECT version FROM spam_models ORDER BY id DESC LIMIT 1");
      if (latest.Step() && latest.Text(0) != from) {
        return FailedPrecondition(fmt::format("model {} was saved since {}", latest.Text(0), from));
      }
      return InsertModel(c, version, data, now);
    });
  }

  Result<std::pair<std::string, std::string>> LatestModel() override {
    using P = std::pair<std::string, std::string>;
    return Read<P>([&](Connection& c) -> Result<P> {
      Statement st = c.Prepare("SELECT version, data FROM spam_models ORDER BY id DESC LIMIT 1");
      if (!st.Step()) return NotFound("no spam model learned on this site yet");
      return P{st.Text(0), st.Text(1)};
    });
  }

  std::unique_ptr<Subscription> Subscribe(std::function<void(int64_t)>) override {
    return nullptr;
  }

  Result<site::Image> AddImage(const site::Image& image,
                               const std::vector<std::pair<int, std::string>>& files) override {
    int64_t id = 0;
    Status st = Write([&](Connection& c) {
      c.Prepare("INSERT INTO images (alt, width, height, widths, created_by, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)")
          .Bind(1, image.alt)
          .Bind(2, int64_t{image.width})
          .Bind(3, int64_t{image.height})
          .Bind(4, WidthsText(files))
          .Bind(5, image.created_by)
          .Bind(6, image.created_at)
          .Step();
      id = c.LastInsertId();
      for (const auto& [width, data] : files) {
        c.Prepare("INSERT INTO image_files (image_id, width, data) VALUES (?, ?, ?)")
            .Bind(1, id)
            .Bind(2, int64_t{width})
            .BindBlob(3, data)
            .Step();
      }
      return Status::Ok();
    });
    if (!st.ok()) return st;
    return GetImage(id);
  }

  Result<site::Image> GetImage(int64_t id) override {
    return Read<site::Image>([&](Connection& c) -> Result<site::Image> {
      Statement st = c.Prepare(fmt::format("SELECT {} FROM images WHERE id = ?", kImageColumns).c_str());
      st.Bind(1, id);
      if (!st.Step()) return NotFound(fmt::format("no image {}", id));
      return ReadImage(st);
    });
  }

  Result<std::string> ImageFile(int64_t id, int width) override {
    return Read<std::string>([&](Connection& c) -> Result<std::string> {
      Statement st = c.Prepare("SELECT data FROM image_files WHERE image_id = ? AND width = ?");
      st.Bind(1, id).Bind(2, int64_t{width});
      if (!st.Step()) return NotFound(fmt::format("no file of image {} at width {}", id, width));
      return st.Text(0);
    });
  }

  Result<std::vector<site::Image>> ListImages(int64_t limit) override {
    using V = std::vector<site::Image>;
    return Read<V>([&](Connection& c) -> Result<V> {
      Statement st = c.Prepare(
          fmt::format("SELECT {} FROM images ORDER BY id DESC LIMIT ?", kImageColumns).c_str());
      st.Bind(1, limit);
      V out;
      while (st.Step()) out.push_back(ReadImage(st));
      return out;
    });
  }

  Use Pool() override {
    std::lock_guard lock(pool_mu_);
    int size = static_cast<int>(readers_.size());
    return {size, size - static_cast<int>(idle_.size())};
  }

 private:
  static Status InsertModel(Connection& c, const std::string& version, const std::string& data,
                            int64_t now) {
    c.Prepare("INSERT INTO spam_models (version, created_at, data) VALUES (?, ?, ?)")
        .Bind(1, version)
        .Bind(2, now)
        .BindBlob(3, data)
        .Step();
    return Status::Ok();
  }

  // One comment inside the open transaction.
  Result<site::StoredComment> InsertOne(Connection& c, const site::NewComment& nc) {
    int64_t hash = BodyHash(nc.author, nc.body_source);
    Statement dup = c.Prepare(
        "SELECT id FROM comments WHERE article_id = ? AND body_hash = ? AND created_at >= ? "
        "AND author = ? AND body_source = ? ORDER BY id LIMIT 1");
    dup.Bind(1, nc.article_id).Bind(2, hash).Bind(3, nc.dedupe_after);
    dup.Bind(4, nc.author).Bind(5, nc.body_source);
    if (nc.dedupe_after > 0 && dup.Step()) {
      int64_t id = dup.Int(0);
      Statement st = c.Prepare(Queries().get_comment.c_str());
      st.Bind(1, id);
      st.Step();
      return site::StoredComment{ReadComment(st), true};
    }
    int64_t number = 0;
    if (nc.status == site::CommentStatus::kPublished) {
      Statement bump = c.Prepare(
          "UPDATE articles SET last_number = last_number + 1, comment_count = comment_count + 1 "
          "WHERE id = ? RETURNING last_number");
      bump.Bind(1, nc.article_id);
      if (!bump.Step()) return NotFound(fmt::format("no article {}", nc.article_id));
      number = bump.Int(0);
    } else {
      Statement exists = c.Prepare("SELECT 1 FROM articles WHERE id = ?");
      exists.Bind(1, nc.article_id);
      if (!exists.Step()) return NotFound(fmt::format("no article {}", nc.article_id));
    }
    Statement ins = c.Prepare(
        "INSERT INTO comments (article_id, number, status, author, email, body_source, "
        "body_html, body_html_member, body_text, ip, user_agent, created_at, body_hash, "
        "screen_action, screen_score, screen_reasons, screen_model, reply_to, reply_to_number, "
        "reader_id) "
        "VALUES (?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.Bind(1, nc.article_id).Bind(2, number).Bind(3, site::StatusName(nc.status));
    ins.Bind(4, nc.author).Bind(5, nc.email).Bind(6, nc.body_source).Bind(7, nc.body_html);
    ins.Bind(8, nc.body_html_member).Bind(9, nc.body_text).Bind(10, nc.ip);
    ins.Bind(11, nc.user_agent).Bind(12, nc.created_at).Bind(13, hash);
    ins.Bind(14, nc.screening.action).BindDouble(15, nc.screening.score);
    ins.Bind(16, nc.screening.reasons_json.empty() ? "[]" : nc.screening.reasons_json);
    ins.Bind(17, nc.screening.model_version);
    ins.Bind(18, nc.reply_to).Bind(19, nc.reply_to_number).Bind(20, nc.reader_id);
    ins.Step();
    site::Comment out;
    out.id = c.LastInsertId();
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
    sqlite::RecordCommentEvent(c, out.id, out.article_id, out.status, nullptr, nc.created_at);
    return site::StoredComment{std::move(out), false};
  }

  static void RecordSpentToken(Connection& c, const site::NewComment& nc, int64_t comment_id) {
    if (nc.form_nonce.empty()) return;
    c.Prepare("INSERT INTO spent_tokens (nonce, comment_id, expires_at) VALUES (?, ?, ?) "
              "ON CONFLICT (nonce) DO NOTHING")
        .Bind(1, nc.form_nonce)
        .Bind(2, comment_id)
        .Bind(3, nc.form_nonce_expires)
        .Step();
  }

  static void ForgetExpiredTokens(Connection& c, int64_t now) {
    c.Prepare("DELETE FROM spent_tokens WHERE expires_at < ?").Bind(1, now).Step();
  }

  static int64_t Changes(Connection& c) {
    Statement st = c.Prepare("SELECT changes()");
    st.Step();
    return st.Int(0);
  }

  static void BumpRevision(Connection& c) {
    c.Prepare("INSERT INTO settings (key, value) VALUES ('articles_revision', '1') "
              "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")
        .Step();
  }

  // After a write to one staff row: NotFound when there was none.
  static Status StaffChanged(Connection& c, int64_t id) {
    if (Changes(c) == 0) return NotFound(fmt::format("no staff member {}", id));
    return Status::Ok();
  }

  static site::Staff StaffRow(Statement& st) {
    site::Staff s;
    s.id = st.Int(0);
    s.name = st.Text(1);
    if (!site::ParseStaffRole(st.Text(2), &s.role)) s.role = site::StaffRole::kModerator;
    s.password_hash = st.Text(3);
    s.created_at = st.Int(4);
    s.session_epoch = st.Int(5);
    return s;
  }

  // `sql` is one of Queries(): statements are cached by its address.
  template <typename B>
  Result<site::Staff> ReadStaff(const std::string& sql, B&& bind, std::string not_found) {
    return Read<site::Staff>([&](Connection& c) -> Result<site::Staff> {
      Statement st = c.Prepare(sql.c_str());
      bind(st);
      if (!st.Step()) return NotFound(not_found);
      return StaffRow(st);
    });
  }

  // A write that threw: SQLite itself failed (read-only, full, corrupt).
  Status WriteFailed(const std::exception& e) {
    write_failures_.Failed(e.what(), SteadyMs());
    return Unavailable(e.what());
  }

  // Runs `f` under the write lock; a throw is a failed write.
  template <typename F>
  Status Guard(F&& f) {
    try {
      Status st = f();
      write_failures_.Succeeded(SteadyMs());
      return st;
    } catch (const std::exception& e) {
      return WriteFailed(e);
    }
  }

  // Every write: `f(connection)` in one transaction under the write lock,
  // committed when it returns ok (rolled back otherwise); a throw is a failed
  // write. R is Status or a Result.
  template <typename R, typename F>
  R InWriteTransaction(F&& f) {
    NoteBlockingCall(BlockingCall::kDatabase);
    std::lock_guard lock(write_mu_);
    try {
      Transaction tx(*writer_);
      R out = f(*writer_);
      if (out.ok()) tx.Commit();
      write_failures_.Succeeded(SteadyMs());
      return out;
    } catch (const std::exception& e) {
      return WriteFailed(e);
    }
  }

  template <typename F>
  Status Write(F&& f) {
    return InWriteTransaction<Status>(std::forward<F>(f));
  }

  template <typename T, typename F>
  Result<T> Read(F&& f) {
    Connection* c = Borrow();
    Result<T> out = Unavailable("not run");
    try {
      out = f(*c);
      read_failures_.Succeeded(SteadyMs());
    } catch (const std::exception& e) {
      read_failures_.Failed(e.what(), SteadyMs());
      out = Unavailable(e.what());
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

  std::mutex write_mu_;
  std::unique_ptr<Connection> writer_;
  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<Connection>> readers_;
  std::vector<Connection*> idle_;
  IncidentLog read_failures_, write_failures_;
};

}  // namespace

std::vector<std::string> ExposedDatabaseFiles(const std::string& path) {
  std::vector<std::string> out;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::string file = path + suffix;
    struct stat st{};
    if (::stat(file.c_str(), &st) != 0 || (st.st_mode & 077) == 0) continue;
    out.push_back(fmt::format("{} (mode {:04o})", file, st.st_mode & 07777));
  }
  return out;
}

Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options) {
  auto writer = Connection::Open(options.path);
  if (!writer.ok()) return writer.status();
  std::vector<std::unique_ptr<Connection>> readers;
  for (int i = 0; i < std::max(1, options.read_connections); ++i) {
    auto r = Connection::Open(options.path);
    if (!r.ok()) return r.status();
    readers.push_back(std::move(r).value());
  }
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(
      std::move(writer).value(), std::move(readers), options.failure_log));
}

}  // namespace tribune::store
