// The store: where articles and comments live. One conformance suite
// (tests/unit/store_conformance.h), several backends. Its interface comes in
// parts by what callers need: settings and schema, articles, comments, spent
// form tokens, spam models, staff, the audit log, bans, readers' reports. A service or handler takes the parts it
// uses; a backend implements them all (Store).
//
// Thread safety: every method may be called from any thread at once.
// Durability: a write method returns only after its transaction is durable.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/status.h"
#include "site/article.h"
#include "site/audit.h"
#include "site/ban.h"
#include "site/report.h"
#include "site/comment.h"
#include "site/image.h"
#include "site/reader.h"
#include "site/staff.h"

namespace tribune::store {

struct ArticleDraft {
  std::string title, lead, body, source;
  std::string slug;               // empty: made from the title
  int64_t published_at = 0;       // 0: now
  bool comments_open = true;
  site::ArticleState state = site::ArticleState::kPublished;
  std::string category, byline;
  int64_t comments_close_days = 0;
};

// Which articles a listing takes.
struct ArticleFilter {
  int64_t public_at = 0;  // > 0: only those readers see at this time (site::IsPublic)
  std::string category;   // not empty: only this category
};

// Form tokens spent on stored comments, remembered across restarts until
// they would have expired anyway: what a form guard needs of the store.
class SpentTokenLog {
 public:
  virtual ~SpentTokenLog() = default;
  // The id of the comment a form token's nonce was spent on. NotFound when it
  // was never spent, or has expired and been forgotten.
  virtual Result<int64_t> FindSpentToken(const std::string& nonce) = 0;
};

// The schema and site-wide settings.
class SettingsStore {
 public:
  virtual ~SettingsStore() = default;

  // Brings the schema to the newest version. Safe to call on every start.
  virtual Status Migrate() = 0;
  // The schema version the store is at.
  virtual Result<int> SchemaVersion() = 0;

  // Site-wide settings (e.g. the generated secret). NotFound when unset.
  virtual Result<std::string> GetSetting(const std::string& key) = 0;
  virtual Status PutSetting(const std::string& key, const std::string& value) = 0;
};

class ArticleStore {
 public:
  virtual ~ArticleStore() = default;

  // Creates an article and returns it with its id.
  virtual Result<site::Article> CreateArticle(const ArticleDraft& draft, int64_t now) = 0;
  // Replaces everything editors set of article `a.id` (title, slug, lead,
  // body, source, byline, category, state, publication time, comments_open,
  // comments_close_days). NotFound when there is no such article.
  virtual Status UpdateArticle(const site::Article& a, int64_t now) = 0;
  // NotFound when there is no such article. Any state: callers showing it
  // to readers check site::IsPublic.
  virtual Result<site::Article> GetArticle(int64_t id) = 0;
  // Newest first by publication time, then id; `filter` picks which.
  virtual Result<std::vector<site::Article>> ListArticles(int64_t offset, int64_t limit,
                                                          const ArticleFilter& filter = {}) = 0;
  virtual Result<int64_t> CountArticles(const ArticleFilter& filter = {}) = 0;
  // The largest updated_at over all articles (0 when none): a cheap change marker.
  virtual Result<int64_t> ArticlesChangeMarker() = 0;
};

// Article `id` as readers may see it at `now`: NotFound also when it exists
// but is not public (a draft, unpublished, or scheduled for later).
inline Result<site::Article> GetPublicArticle(ArticleStore& articles, int64_t id, int64_t now) {
  auto a = articles.GetArticle(id);
  if (a.ok() && !site::IsPublic(*a, now)) return NotFound("no article " + std::to_string(id));
  return a;
}

class CommentStore {
 public:
  virtual ~CommentStore() = default;

  // Stores the comments in one durable transaction, in order. Published ones
  // get the next number on their article and raise its comment count. A
  // comment identical (article, author, body) to one created after
  // `dedupe_after` is not stored again; the earlier one comes back with
  // duplicate = true. Per-comment failures (e.g. unknown article: NotFound)
  // do not affect the others. A comment with a form_nonce records it as spent
  // (FindSpentToken) on the comment stored, or on the earlier one a duplicate
  // returns, in the same transaction; spent nonces that expired before the
  // batch's newest created_at are forgotten.
  virtual std::vector<Result<site::StoredComment>> InsertComments(
      std::span<const site::NewComment> comments) = 0;

  // Published comments of an article, newest first.
  virtual Result<std::vector<site::Comment>> ListPublishedComments(int64_t article_id,
                                                                   int64_t offset,
                                                                   int64_t limit) = 0;
  // NotFound when there is no such comment.
  virtual Result<site::Comment> GetComment(int64_t id) = 0;

  // A moderator's decision: sets the comment's status and the label the
  // moderator gave it ("ham" or "spam"). Publishing gives the comment the
  // next number on its article if it has none and counts it; unpublishing
  // uncounts it (its number stays taken). Returns the updated comment.
  // NotFound when there is no such comment.
  virtual Result<site::Comment> ModerateComment(int64_t id, site::CommentStatus status,
                                                const std::string& label) = 0;
  // The author's edit: replaces the comment's text, rendering and verdict,
  // and keeps the text it replaces as a revision. The status becomes the more
  // severe of the old one and `edit.status` (an edit never publishes a
  // comment that was not); unpublishing uncounts (its number stays taken).
  // A moderator's decision was about the old text: it is cleared. Returns
  // the updated comment. NotFound when there is no such comment.
  virtual Result<site::Comment> EditComment(int64_t id, const site::CommentEdit& edit) = 0;
  // The texts a comment had before its edits, oldest first.
  virtual Result<std::vector<site::CommentRevision>> ListRevisions(int64_t comment_id) = 0;

  // Published comments with this e-mail (case-insensitive) created at or
  // after `since`, newest first, at most `limit` of them (the cost stays
  // bounded however many there are): (comment id, created_at) pairs.
  struct Published {
    int64_t comment_id = 0;
    int64_t created_at = 0;
  };
  virtual Result<std::vector<Published>> ListPublishedByEmail(const std::string& email,
                                                              int64_t since, int64_t limit) = 0;
  // Comments of every status created at or after `since`, newest first, at
  // most `limit`: for moderators' reviews (campaigns, the shadow model).
  virtual Result<std::vector<site::Comment>> ListRecentComments(int64_t since, int64_t limit) = 0;
  // Comments waiting for a moderator (held), oldest first.
  virtual Result<std::vector<site::Comment>> ListHeldComments(int64_t limit) = 0;
  // Comments matching `query`, newest first, at most query.limit.
  virtual Result<std::vector<site::Comment>> SearchComments(const site::CommentQuery& query) = 0;
  // Comments in `status` created at or after `since`, newest first, at most `limit`.
  virtual Result<std::vector<site::Comment>> ListCommentsWithStatus(site::CommentStatus status,
                                                                    int64_t since,
                                                                    int64_t limit) = 0;

  // Replies: the published comments that answer any of `ids`, oldest first.
  virtual Result<std::vector<site::ReplyLink>> ListReplies(std::span<const int64_t> ids) = 0;
  // Published comments of an article numbered above `number`: where a
  // comment falls in the newest-first pages.
  virtual Result<int64_t> CountPublishedAbove(int64_t article_id, int64_t number) = 0;
  // A signed-in reader's comments of every status, newest first.
  virtual Result<std::vector<site::Comment>> ListCommentsByReader(int64_t reader_id,
                                                                  int64_t limit) = 0;
  // Comments of every status with this e-mail (EmailKey) or by this reader
  // (0: none), newest first: what a reader's data export holds.
  virtual Result<std::vector<site::Comment>> ListCommentsOf(const std::string& email_key,
                                                            int64_t reader_id) = 0;
  // Erasure: the same comments either deleted (status deleted, text, name,
  // e-mail and address emptied) or anonymised (name `anonymous_name`,
  // e-mail, address and browser emptied, text kept). Returns how many.
  virtual Result<int64_t> EraseCommentsOf(const std::string& email_key, int64_t reader_id,
                                          bool remove, const std::string& anonymous_name) = 0;
  // Retention: addresses and browsers of comments created before
  // `addresses_before`, e-mail addresses of guests' comments before
  // `emails_before`, and the text of rejected (spam) comments before
  // `rejected_before` are emptied (0: not this one). Returns how many rows changed.
  virtual Result<int64_t> PurgeCommentData(int64_t addresses_before, int64_t emails_before,
                                           int64_t rejected_before) = 0;
};

// Reader accounts. Names and e-mail addresses are unique by their keys
// (Reader::name_key, EmailKey): AlreadyExists otherwise.
class ReaderStore {
 public:
  virtual ~ReaderStore() = default;
  virtual Result<site::Reader> CreateReader(const site::Reader& reader) = 0;
  virtual Result<site::Reader> GetReader(int64_t id) = 0;
  virtual Result<site::Reader> GetReaderByEmail(const std::string& email_key) = 0;
  virtual Result<site::Reader> GetReaderByNameKey(const std::string& name_key) = 0;
  // Writes every field but id and created_at. NotFound when there is none.
  virtual Status UpdateReader(const site::Reader& reader) = 0;
  virtual Status DeleteReader(int64_t id) = 0;
  // Readers who never confirmed their address, created before `before`, are removed.
  virtual Result<int64_t> PruneUnconfirmedReaders(int64_t before) = 0;
};

// What addresses asked to be told about, and the outbox that tells them:
// mail and webhooks are delivered from it with retries, so a mail server
// that is down loses nothing. Every comment stored, and every change of a
// comment's status, adds an "event" item in the same transaction.
class OutboxStore {
 public:
  virtual ~OutboxStore() = default;

  // Adds or updates (confirmed, digest: only ever raised by a new one;
  // Unsubscribe lowers) the subscription of (email, article, kind).
  virtual Result<site::Subscription> AddSubscription(const site::Subscription& s) = 0;
  virtual Result<site::Subscription> GetSubscription(int64_t id) = 0;
  virtual Status ConfirmSubscription(int64_t id) = 0;
  virtual Status SetDigest(const std::string& email_key, bool digest) = 0;
  virtual Status RemoveSubscription(int64_t id) = 0;
  // Every subscription of an address: returns how many were removed.
  virtual Result<int64_t> RemoveSubscriptionsOf(const std::string& email_key) = 0;
  virtual Result<std::vector<site::Subscription>> ListSubscriptions(
      const std::string& email_key) = 0;
  // The confirmed subscriptions to an article.
  virtual Result<std::vector<site::Subscription>> SubscribersOf(int64_t article_id) = 0;

  virtual Status Enqueue(std::span<const site::OutboxItem> items) = 0;
  // Up to `limit` pending items of kinds event, mail and webhook due at
  // `now`, oldest first, each taken for `lease_s` seconds (due again then
  // unless finished) with its attempt counted. Several nodes may claim at
  // once: each item goes to one.
  virtual Result<std::vector<site::OutboxItem>> ClaimOutbox(int64_t now, int64_t lease_s,
                                                            int64_t limit) = 0;
  // Delivered (state sent), or failed for good (failed), or to be tried
  // again at `retry_at` (pending): `error` says why it was not delivered.
  virtual Status FinishOutbox(int64_t id, const std::string& state, const std::string& error,
                              int64_t retry_at, int64_t now) = 0;
  // Events expanded: each one's items added and the event marked sent, all
  // in one transaction.
  struct Expansion {
    int64_t event_id = 0;
    std::vector<site::OutboxItem> items;
  };
  virtual Status ExpandEvents(std::span<const Expansion> expansions, int64_t now) = 0;
  Status ExpandEvent(int64_t event_id, std::span<const site::OutboxItem> items, int64_t now) {
    Expansion e{event_id, {items.begin(), items.end()}};
    return ExpandEvents(std::span(&e, 1), now);
  }
  // Items to `target` about `topic` created at or after `since` (limits).
  virtual Result<int64_t> CountOutbox(const std::string& kind, const std::string& target,
                                      const std::string& topic, int64_t since) = 0;
  // The pending digest lines created before `before`, marked sent as they
  // are returned (each goes to one caller), oldest first.
  virtual Result<std::vector<site::OutboxItem>> TakeDigestLines(int64_t before,
                                                                int64_t limit) = 0;
  // Pending and failed items (/metrics).
  struct Backlog {
    int64_t pending = 0, failed = 0;
  };
  virtual Result<Backlog> OutboxBacklog() = 0;
  // The items sent to `target` (newest first, at most `limit`): what a
  // reader's export shows of the mail they were sent.
  virtual Result<std::vector<site::OutboxItem>> ListOutboxFor(const std::string& target,
                                                              int64_t limit) = 0;
  // Retention: sent and failed items finished before `before` are removed.
  virtual Result<int64_t> PruneOutbox(int64_t before) = 0;

  // A job every node may run, done by one: true when the caller may run
  // `name` now (it last ran `period_s` or more ago), and it is marked run.
  virtual Result<bool> ClaimJob(const std::string& name, int64_t period_s, int64_t now) = 0;
};

class ModelStore {
 public:
  virtual ~ModelStore() = default;

  // Spam models learned on this site, kept as versions. NotFound when none.
  virtual Status SaveModel(const std::string& version, const std::string& data, int64_t now) = 0;
  virtual Result<std::pair<std::string, std::string>> LatestModel() = 0;  // (version, data)
  // Saves a model learned from the newest stored one, version `from` (when
  // none is stored, from the shipped model: `from` is not checked).
  // FailedPrecondition when another model was stored since: two processes
  // deciding at once cannot both build on one version and lose a lesson.
  virtual Status SaveModelAfter(const std::string& from, const std::string& version,
                                const std::string& data, int64_t now) = 0;
  // Drops all but the newest `keep` model versions.
  virtual Status PruneModels(int keep) = 0;
};

class StaffStore {
 public:
  virtual ~StaffStore() = default;

  // Newsroom staff. CreateStaff returns the member with its id, or
  // AlreadyExists when the name is taken; the getters NotFound.
  virtual Result<site::Staff> CreateStaff(const site::Staff& staff) = 0;
  virtual Result<site::Staff> GetStaff(int64_t id) = 0;
  virtual Result<site::Staff> GetStaffByName(const std::string& name) = 0;
  virtual Result<std::vector<site::Staff>> ListStaff() = 0;
  // A new password also ends the member's sessions (a new session epoch).
  virtual Status SetStaffPassword(int64_t id, const std::string& password_hash) = 0;
  // Ends every session of the member (the session epoch moves on).
  virtual Status EndStaffSessions(int64_t id) = 0;
  virtual Status DeleteStaff(int64_t id) = 0;
};

// What staff did (site::AuditEntry), kept until pruned.
class AuditStore {
 public:
  virtual ~AuditStore() = default;

  // Appends `entry` (its id is given by the store).
  virtual Status RecordAudit(const site::AuditEntry& entry) = 0;
  // The entries matching `query`, newest first.
  virtual Result<std::vector<site::AuditEntry>> ListAudit(const site::AuditQuery& query) = 0;
  // Forgets the entries older than `before`; returns how many went.
  virtual Result<int64_t> PruneAudit(int64_t before) = 0;
};

// Moderators' bans (site::Ban).
class BanStore {
 public:
  virtual ~BanStore() = default;

  // Stores `ban` and returns it with its id.
  virtual Result<site::Ban> AddBan(const site::Ban& ban) = 0;
  // Every ban, expired ones included, newest first.
  virtual Result<std::vector<site::Ban>> ListBans() = 0;
  // NotFound when there is no such ban.
  virtual Status RemoveBan(int64_t id) = 0;
};

// Readers' reports on comments (site::Report).
class ReportStore {
 public:
  virtual ~ReportStore() = default;

  // Records `report` unless its reporter reported the comment before;
  // returns how many distinct reporters the comment now has.
  virtual Result<int64_t> AddReport(const site::Report& report) = 0;
  // A comment's reports, oldest first.
  virtual Result<std::vector<site::Report>> ListReports(int64_t comment_id) = 0;
  // The comments reported since `since`, the most recently reported first.
  virtual Result<std::vector<int64_t>> ListReportedComments(int64_t since, int64_t limit) = 0;
};

// What processes sharing the store (several nodes, the command line) change,
// told as it is committed: how a node learns that its cached pages are stale.
class ChangeFeed {
 public:
  virtual ~ChangeFeed() = default;

  // Stops the feed when destroyed.
  class Subscription {
   public:
    virtual ~Subscription() = default;
  };
  // `changed(article_id)` runs on a thread of the feed's own for every change
  // any process commits: the published comments of that article changed, or,
  // with 0, anything may have (an article, a moderator's decision, or changes
  // missed while the feed was reconnecting). nullptr when the backend has no
  // feed (SQLite: one serving process, whose own writes say what changed).
  virtual std::unique_ptr<Subscription> Subscribe(std::function<void(int64_t article_id)> changed) = 0;
};

// Editors' images (site::Image) and their files.
class ImageStore {
 public:
  virtual ~ImageStore() = default;

  // Stores `image` (its id and widths are given here) with its files, one a
  // width (WebP bytes), in one transaction; returns it with its id.
  virtual Result<site::Image> AddImage(const site::Image& image,
                                       const std::vector<std::pair<int, std::string>>& files) = 0;
  // NotFound when there is no such image.
  virtual Result<site::Image> GetImage(int64_t id) = 0;
  // The bytes of image `id` at `width`; NotFound when it has no such file.
  virtual Result<std::string> ImageFile(int64_t id, int width) = 0;
  // The newest `limit` images, newest first.
  virtual Result<std::vector<site::Image>> ListImages(int64_t limit) = 0;
};

// How busy the backend's connections are (for /metrics).
class PoolGauge {
 public:
  virtual ~PoolGauge() = default;
  struct Use {
    int size = 0;    // connections that may run calls at once
    int in_use = 0;  // of them, running one now
  };
  virtual Use Pool() = 0;
};

// Every part: what a backend implements and what the command line opens.
class Store : public SettingsStore,
              public ArticleStore,
              public CommentStore,
              public SpentTokenLog,
              public ModelStore,
              public StaffStore,
              public AuditStore,
              public BanStore,
              public ReportStore,
              public ImageStore,
              public ReaderStore,
              public OutboxStore,
              public ChangeFeed,
              public PoolGauge {};

}  // namespace tribune::store
