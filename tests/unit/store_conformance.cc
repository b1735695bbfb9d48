#include "store_conformance.h"

#include <thread>

namespace tribune::store {
namespace {

constexpr int64_t kNow = 1700000000;

site::NewComment Comment(int64_t article, std::string author, std::string body,
                         site::CommentStatus status = site::CommentStatus::kPublished) {
  site::NewComment c;
  c.article_id = article;
  c.status = status;
  c.author = std::move(author);
  c.email = "e@example.com";
  c.body_source = body;
  c.body_html = "<p>" + body + "</p>";
  c.body_html_member = c.body_html;
  c.body_text = body;
  c.created_at = kNow;
  return c;
}

site::Article NewArticle(Store& s, const std::string& title, int64_t published_at = kNow) {
  auto a = s.CreateArticle({title, "lead", "body", "src", "", published_at, true}, kNow);
  EXPECT_TRUE(a.ok()) << a.status().message();
  return a.ok() ? *a : site::Article{};
}

TEST_P(StoreConformance, MigrateIsIdempotent) {
  auto v = store_->SchemaVersion();
  ASSERT_TRUE(v.ok());
  EXPECT_GE(*v, 1);
  EXPECT_TRUE(store_->Migrate().ok());
  EXPECT_EQ(*store_->SchemaVersion(), *v);
}

TEST_P(StoreConformance, StaffRoundTripUniqueNamesAndPasswordChange) {
  site::Staff s;
  s.name = "maria";
  s.role = site::StaffRole::kEditor;
  s.password_hash = "$argon2id$first";
  s.created_at = 1700000000;
  auto created = store_->CreateStaff(s);
  ASSERT_TRUE(created.ok()) << created.status().message();
  EXPECT_GT(created->id, 0);
  EXPECT_EQ(created->role, site::StaffRole::kEditor);
  EXPECT_EQ(created->created_at, 1700000000);
  // Names are unique; the second member with that name is refused.
  s.role = site::StaffRole::kModerator;
  EXPECT_EQ(store_->CreateStaff(s).status().code(), Code::kAlreadyExists);
  s.name = "Maria";  // names are case-sensitive
  ASSERT_TRUE(store_->CreateStaff(s).ok());
  auto by_name = store_->GetStaffByName("maria");
  ASSERT_TRUE(by_name.ok()) << by_name.status().message();
  EXPECT_EQ(by_name->id, created->id);
  EXPECT_EQ(by_name->password_hash, "$argon2id$first");
  EXPECT_EQ(by_name->session_epoch, 0);
  // A new password, or signing out everywhere, starts a new session epoch.
  ASSERT_TRUE(store_->SetStaffPassword(created->id, "$argon2id$second").ok());
  EXPECT_EQ(store_->GetStaff(created->id)->password_hash, "$argon2id$second");
  EXPECT_EQ(store_->GetStaff(created->id)->session_epoch, 1);
  ASSERT_TRUE(store_->EndStaffSessions(created->id).ok());
  EXPECT_EQ(store_->GetStaff(created->id)->session_epoch, 2);
  EXPECT_EQ(store_->EndStaffSessions(created->id + 100).code(), Code::kNotFound);
  EXPECT_EQ(store_->SetStaffPassword(created->id + 100, "x").code(), Code::kNotFound);
  EXPECT_EQ(store_->GetStaffByName("nobody").status().code(), Code::kNotFound);
  EXPECT_EQ(store_->GetStaff(created->id + 100).status().code(), Code::kNotFound);
  auto all = store_->ListStaff();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].name, "Maria");
  EXPECT_EQ((*all)[1].name, "maria");
  ASSERT_TRUE(store_->DeleteStaff(created->id).ok());
  EXPECT_EQ(store_->GetStaffByName("maria").status().code(), Code::kNotFound);
  EXPECT_EQ(store_->DeleteStaff(created->id).code(), Code::kNotFound);
  EXPECT_EQ(store_->ListStaff()->size(), 1u);
}

TEST_P(StoreConformance, Settings) {
  EXPECT_EQ(store_->GetSetting("secret").status().code(), Code::kNotFound);
  ASSERT_TRUE(store_->PutSetting("secret", "a").ok());
  ASSERT_TRUE(store_->PutSetting("secret", "b").ok());
  EXPECT_EQ(*store_->GetSetting("secret"), "b");
}

TEST_P(StoreConformance, AuditLogKeepsEveryFieldAndFiltersNewestFirst) {
  auto entry = [](int64_t at, std::string actor, std::string action, std::string target) {
    site::AuditEntry e;
    e.at = at;
    e.actor = std::move(actor);
    e.action = std::move(action);
    e.target = std::move(target);
    e.from = "203.0.113.7";
    e.before = "held";
    e.after = "published";
    return e;
  };
  ASSERT_TRUE(store_->RecordAudit(entry(kNow - 30, "nino", "comment.approve", "comment 1")).ok());
  ASSERT_TRUE(store_->RecordAudit(entry(kNow - 20, "giorgi", "comment.spam", "comment 2")).ok());
  ASSERT_TRUE(store_->RecordAudit(entry(kNow - 10, "nino", "staff.sign_in", "staff nino")).ok());
  ASSERT_TRUE(store_->RecordAudit(entry(kNow, "cli:root", "comment.spam", "comment 1")).ok());

  auto all = store_->ListAudit({});
  ASSERT_TRUE(all.ok()) << all.status().message();
  ASSERT_EQ(all->size(), 4u);
  EXPECT_EQ((*all)[0].actor, "cli:root");  // newest first
  EXPECT_EQ((*all)[3].action, "comment.approve");
  EXPECT_EQ((*all)[3].from, "203.0.113.7");
  EXPECT_EQ((*all)[3].before, "held");
  EXPECT_EQ((*all)[3].after, "published");
  EXPECT_EQ((*all)[3].at, kNow - 30);
  EXPECT_GT((*all)[0].id, (*all)[3].id);

  site::AuditQuery by_actor;
  by_actor.actor = "nino";
  EXPECT_EQ(store_->ListAudit(by_actor)->size(), 2u);
  site::AuditQuery comments;
  comments.action = "comment.";  // a prefix
  EXPECT_EQ(store_->ListAudit(comments)->size(), 3u);
  site::AuditQuery spam;
  spam.action = "comment.spam";
  spam.target = "comment 1";
  ASSERT_EQ(store_->ListAudit(spam)->size(), 1u);
  EXPECT_EQ(store_->ListAudit(spam)->front().actor, "cli:root");
  site::AuditQuery window;
  window.since = kNow - 20;
  window.until = kNow;
  window.limit = 1;
  ASSERT_EQ(store_->ListAudit(window)->size(), 1u);
  EXPECT_EQ(store_->ListAudit(window)->front().action, "staff.sign_in");

  auto pruned = store_->PruneAudit(kNow - 15);
  ASSERT_TRUE(pruned.ok());
  EXPECT_EQ(*pruned, 2);
  EXPECT_EQ(store_->ListAudit({})->size(), 2u);
}

TEST_P(StoreConformance, BansRoundTripNewestFirstAndRemove) {
  site::Ban a;
  a.kind = site::BanKind::kAddress;
  a.pattern = "203.0.113.0/24";
  a.reason = "casino links";
  a.created_by = "nino";
  a.created_at = kNow - 10;
  a.expires_at = kNow + 86400;
  auto first = store_->AddBan(a);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_GT(first->id, 0);
  site::Ban e;
  e.kind = site::BanKind::kEmail;
  e.pattern = "@spam.example";
  e.created_at = kNow;
  auto second = store_->AddBan(e);
  ASSERT_TRUE(second.ok());
  auto all = store_->ListBans();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].kind, site::BanKind::kEmail);
  EXPECT_EQ((*all)[0].expires_at, 0);
  EXPECT_EQ((*all)[1].pattern, "203.0.113.0/24");
  EXPECT_EQ((*all)[1].reason, "casino links");
  EXPECT_EQ((*all)[1].created_by, "nino");
  EXPECT_EQ((*all)[1].expires_at, kNow + 86400);
  ASSERT_TRUE(store_->RemoveBan(first->id).ok());
  EXPECT_EQ(store_->RemoveBan(first->id).code(), Code::kNotFound);
  EXPECT_EQ(store_->ListBans()->size(), 1u);
}

TEST_P(StoreConformance, ReportsCountEachReaderOnce) {
  site::Report r;
  r.comment_id = 41;
  r.reporter = "net-a";
  r.reason = "spam";
  r.details = "casino link";
  r.created_at = kNow;
  EXPECT_EQ(*store_->AddReport(r), 1);
  r.reason = "abuse";  // the same reader again: still one
  EXPECT_EQ(*store_->AddReport(r), 1);
  r.reporter = "net-b";
  EXPECT_EQ(*store_->AddReport(r), 2);
  r.comment_id = 42;
  EXPECT_EQ(*store_->AddReport(r), 1);
  auto list = store_->ListReports(41);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].reporter, "net-a");
  EXPECT_EQ((*list)[0].reason, "spam");
  EXPECT_EQ((*list)[0].details, "casino link");
  EXPECT_EQ((*list)[1].reason, "abuse");
  EXPECT_TRUE(store_->ListReports(7)->empty());
  // The most recently reported first; none reported after kNow.
  EXPECT_EQ(*store_->ListReportedComments(0, 10), (std::vector<int64_t>{42, 41}));
  EXPECT_EQ(*store_->ListReportedComments(0, 1), (std::vector<int64_t>{42}));
  EXPECT_TRUE(store_->ListReportedComments(kNow + 1, 10)->empty());
}

TEST_P(StoreConformance, ArticlesRoundTripAndListNewestFirst) {
  site::Article a = NewArticle(*store_, "Old news", kNow - 100);
  site::Article b = NewArticle(*store_, "New news", kNow);
  EXPECT_EQ(a.slug, "old-news");
  EXPECT_EQ(*store_->CountArticles(), 2);
  auto list = store_->ListArticles(0, 10);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, b.id);
  EXPECT_EQ(store_->ListArticles(1, 10)->size(), 1u);
  EXPECT_EQ(store_->GetArticle(9999).status().code(), Code::kNotFound);
}

// What readers see: published articles whose time has come, by category;
// drafts, unpublished and scheduled ones only in the full listing.
TEST_P(StoreConformance, ArticleStatesCategoriesAndSchedulesFilterListings) {
  store::ArticleDraft d{"Council votes", "lead", "body", "", "", kNow - 50, true};
  d.category = "Politics";
  d.byline = "Nino Beridze";
  d.comments_close_days = 7;
  site::Article politics = *store_->CreateArticle(d, kNow);
  EXPECT_EQ(politics.category, "Politics");
  EXPECT_EQ(politics.byline, "Nino Beridze");
  EXPECT_EQ(politics.comments_close_days, 7);
  EXPECT_EQ(politics.state, site::ArticleState::kPublished);
  store::ArticleDraft later{"Tomorrow's news", "lead", "body", "", "", kNow + 3600, true};
  later.category = "Politics";
  site::Article scheduled = *store_->CreateArticle(later, kNow);
  store::ArticleDraft draft{"Half written", "lead", "body", "", "", kNow - 10, true};
  draft.state = site::ArticleState::kDraft;
  site::Article drafted = *store_->CreateArticle(draft, kNow);
  site::Article city = NewArticle(*store_, "Park opens", kNow - 20);

  auto ids = [](const std::vector<site::Article>& list) {
    std::vector<int64_t> out;
    for (const auto& a : list) out.push_back(a.id);
    return out;
  };
  store::ArticleFilter shown{kNow, ""};
  EXPECT_EQ(*store_->CountArticles(shown), 2);
  EXPECT_EQ(ids(*store_->ListArticles(0, 10, shown)), (std::vector<int64_t>{city.id, politics.id}));
  EXPECT_EQ(ids(*store_->ListArticles(0, 10, {kNow, "Politics"})),
            (std::vector<int64_t>{politics.id}));
  EXPECT_EQ(*store_->CountArticles({kNow + 7200, "Politics"}), 2);  // its time came
  EXPECT_EQ(*store_->CountArticles(), 4);                              // the newsroom's list
  EXPECT_EQ(store_->GetArticle(drafted.id)->state, site::ArticleState::kDraft);
  EXPECT_EQ(store::GetPublicArticle(*store_, drafted.id, kNow).status().code(), Code::kNotFound);
  EXPECT_EQ(store::GetPublicArticle(*store_, scheduled.id, kNow).status().code(),
            Code::kNotFound);
  EXPECT_TRUE(store::GetPublicArticle(*store_, scheduled.id, kNow + 3600).ok());

  // Unpublished, then moved in time and category: all of it kept.
  politics.state = site::ArticleState::kUnpublished;
  politics.published_at = kNow - 5;
  politics.category = "";
  ASSERT_TRUE(store_->UpdateArticle(politics, kNow + 1).ok());
  site::Article back = *store_->GetArticle(politics.id);
  EXPECT_EQ(back.state, site::ArticleState::kUnpublished);
  EXPECT_EQ(back.published_at, kNow - 5);
  EXPECT_EQ(back.category, "");
  EXPECT_EQ(back.byline, "Nino Beridze");
  EXPECT_EQ(ids(*store_->ListArticles(0, 10, shown)), (std::vector<int64_t>{city.id}));
}

// Images with their files, byte-exact (WebP holds every byte value).
TEST_P(StoreConformance, ImagesKeepTheirFilesByteExact) {
  std::string small, large;
  for (int i = 0; i < 256; ++i) small += static_cast<char>(i);
  for (int i = 0; i < 5000; ++i) large += static_cast<char>((i * 7) % 256);
  site::Image meta;
  meta.alt = "The bridge at dusk";
  meta.width = 960;
  meta.height = 640;
  meta.created_by = "nino";
  meta.created_at = kNow;
  auto added = store_->AddImage(meta, {{480, small}, {960, large}});
  ASSERT_TRUE(added.ok()) << added.status().message();
  EXPECT_GT(added->id, 0);
  EXPECT_EQ(added->widths, (std::vector<int>{480, 960}));
  EXPECT_EQ(added->alt, "The bridge at dusk");
  EXPECT_EQ(*store_->ImageFile(added->id, 480), small);
  EXPECT_EQ(*store_->ImageFile(added->id, 960), large);
  EXPECT_EQ(store_->ImageFile(added->id, 1600).status().code(), Code::kNotFound);
  EXPECT_EQ(store_->GetImage(added->id)->height, 640);
  EXPECT_EQ(store_->GetImage(added->id + 100).status().code(), Code::kNotFound);
  auto second = store_->AddImage(meta, {{480, small}});
  auto list = store_->ListImages(10);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, second->id);
}

TEST_P(StoreConformance, UpdateArticleChangesTheMarker) {
  site::Article a = NewArticle(*store_, "Title");
  int64_t marker = *store_->ArticlesChangeMarker();
  a.title = "Better title";
  a.comments_open = false;
  ASSERT_TRUE(store_->UpdateArticle(a, kNow + 1).ok());
  auto back = store_->GetArticle(a.id);
  EXPECT_EQ(back->title, "Better title");
  EXPECT_FALSE(back->comments_open);
  EXPECT_NE(*store_->ArticlesChangeMarker(), marker);
  site::Article missing = a;
  missing.id = 424242;
  EXPECT_EQ(store_->UpdateArticle(missing, kNow).code(), Code::kNotFound);
}

TEST_P(StoreConformance, PublishedCommentsAreNumberedInOrderAndListedNewestFirst) {
  site::Article a = NewArticle(*store_, "A");
  std::vector<site::NewComment> batch;
  for (int i = 0; i < 25; ++i) batch.push_back(Comment(a.id, "n", "c" + std::to_string(i)));
  batch.push_back(Comment(a.id, "held", "held one", site::CommentStatus::kHeld));
  auto results = store_->InsertComments(batch);
  ASSERT_EQ(results.size(), batch.size());
  for (int i = 0; i < 25; ++i) {
    ASSERT_TRUE(results[i].ok());
    EXPECT_EQ(results[i]->comment.number, i + 1);
  }
  EXPECT_EQ(results[25]->comment.number, 0);
  EXPECT_EQ(store_->GetArticle(a.id)->comment_count, 25);

  auto page1 = store_->ListPublishedComments(a.id, 0, 20);
  ASSERT_EQ(page1->size(), 20u);
  EXPECT_EQ((*page1)[0].number, 25);
  EXPECT_EQ((*page1)[0].body_source, "c24");
  auto page2 = store_->ListPublishedComments(a.id, 20, 20);
  ASSERT_EQ(page2->size(), 5u);
  EXPECT_EQ(page2->back().number, 1);

  auto held = store_->GetComment(results[25]->comment.id);
  ASSERT_TRUE(held.ok());
  EXPECT_EQ(held->status, site::CommentStatus::kHeld);
  EXPECT_EQ(held->email, "e@example.com");
}

TEST_P(StoreConformance, UnknownArticleFailsOnlyThatComment) {
  site::Article a = NewArticle(*store_, "A");
  std::vector<site::NewComment> batch = {Comment(a.id, "x", "one"), Comment(31337, "x", "two"),
                                         Comment(a.id, "x", "three")};
  auto results = store_->InsertComments(batch);
  EXPECT_TRUE(results[0].ok());
  EXPECT_EQ(results[1].status().code(), Code::kNotFound);
  EXPECT_TRUE(results[2].ok());
  EXPECT_EQ(results[2]->comment.number, 2);
}

TEST_P(StoreConformance, IdenticalResubmissionInTheWindowIsOneComment) {
  site::Article a = NewArticle(*store_, "A");
  site::NewComment c = Comment(a.id, "Nino", "Same words");
  c.dedupe_after = kNow - 600;
  auto first = store_->InsertComments(std::vector{c});
  auto again = store_->InsertComments(std::vector{c, c});
  ASSERT_TRUE(first[0].ok());
  EXPECT_FALSE(first[0]->duplicate);
  for (auto& r : again) {
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->duplicate);
    EXPECT_EQ(r->comment.id, first[0]->comment.id);
  }
  site::NewComment other_author = c;
  other_author.author = "Giorgi";
  EXPECT_FALSE(store_->InsertComments(std::vector{other_author})[0]->duplicate);
  site::NewComment later = c;
  later.created_at = kNow + 1000;
  later.dedupe_after = kNow + 1;  // the first one is outside the window now
  EXPECT_FALSE(store_->InsertComments(std::vector{later})[0]->duplicate);
  EXPECT_EQ(store_->GetArticle(a.id)->comment_count, 3);
}

TEST_P(StoreConformance, ConcurrentWritersGetDistinctNumbers) {
  site::Article a = NewArticle(*store_, "A");
  constexpr int kThreads = 4, kEach = 50;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        auto r = store_->InsertComments(
            std::vector{Comment(a.id, "t" + std::to_string(t), std::to_string(i))});
        EXPECT_TRUE(r[0].ok());
        (void)store_->ListPublishedComments(a.id, 0, 20);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(store_->GetArticle(a.id)->comment_count, kThreads * kEach);
  auto all = store_->ListPublishedComments(a.id, 0, kThreads * kEach);
  ASSERT_EQ(all->size(), static_cast<size_t>(kThreads * kEach));
  for (size_t i = 0; i < all->size(); ++i) {
    EXPECT_EQ((*all)[i].number, kThreads * kEach - static_cast<int64_t>(i));
  }
}

TEST_P(StoreConformance, ModerationPublishesHeldCommentsWithTheNextNumber) {
  site::Article a = NewArticle(*store_, "A");
  auto r = store_->InsertComments(std::vector{
      Comment(a.id, "x", "one"), Comment(a.id, "y", "held", site::CommentStatus::kHeld),
      Comment(a.id, "z", "two")});
  int64_t held = r[1]->comment.id;
  auto queue = store_->ListHeldComments(10);
  ASSERT_EQ(queue->size(), 1u);
  EXPECT_EQ((*queue)[0].id, held);

  auto approved = store_->ModerateComment(held, site::CommentStatus::kPublished, "ham");
  ASSERT_TRUE(approved.ok()) << approved.status().message();
  EXPECT_EQ(approved->number, 3);
  EXPECT_EQ(approved->moderator_label, "ham");
  EXPECT_EQ(store_->GetArticle(a.id)->comment_count, 3);
  EXPECT_TRUE(store_->ListHeldComments(10)->empty());
  EXPECT_EQ(store_->ListPublishedComments(a.id, 0, 1)->front().id, held);

  // Marked spam later: uncounted, its number kept; restored: the same number again.
  auto spam = store_->ModerateComment(held, site::CommentStatus::kSpam, "spam");
  EXPECT_EQ(spam->number, 3);
  EXPECT_EQ(store_->GetArticle(a.id)->comment_count, 2);
  EXPECT_EQ(store_->GetComment(held)->moderator_label, "spam");
  auto restored = store_->ModerateComment(held, site::CommentStatus::kPublished, "ham");
  EXPECT_EQ(restored->number, 3);
  EXPECT_EQ(store_->GetArticle(a.id)->comment_count, 3);
  auto next = store_->InsertComments(std::vector{Comment(a.id, "w", "four")});
  EXPECT_EQ(next[0]->comment.number, 4);
  EXPECT_EQ(store_->ModerateComment(99999, site::CommentStatus::kSpam, "spam").status().code(),
            Code::kNotFound);
}

TEST_P(StoreConformance, ModerationChangesTheMarker) {
  site::Article a = NewArticle(*store_, "A");
  auto r = store_->InsertComments(std::vector{Comment(a.id, "x", "one")});
  int64_t before = *store_->ArticlesChangeMarker();
  ASSERT_TRUE(store_->ModerateComment(r[0]->comment.id, site::CommentStatus::kSpam, "spam").ok());
  EXPECT_NE(*store_->ArticlesChangeMarker(), before);
}

site::CommentEdit Edit(std::string body, site::CommentStatus status, double score) {
  site::CommentEdit e;
  e.body_source = body;
  e.body_html = "<p>" + body + "</p>";
  e.body_html_member = e.body_html;
  e.body_text = body;
  e.status = status;
  e.screening = {"publish", score, "[]", "m.1"};
  e.edited_at = kNow + 60;
  return e;
}

TEST_P(StoreConformance, EditReplacesTheTextAndKeepsTheOldOne) {
  site::Article a = NewArticle(*store_, "A");
  auto r = store_->InsertComments(std::vector{Comment(a.id, "x", "first words")});
  int64_t id = r[0]->comment.id;
  int64_t before = *store_->ArticlesChangeMarker();
  auto edited = store_->EditComment(id, Edit("better words", site::CommentStatus::kPublished, 0.5));
  ASSERT_TRUE(edited.ok()) << edited.status().message();
  EXPECT_EQ(edited->body_source, "better words");
  EXPECT_EQ(edited->number, 1);
  EXPECT_EQ(edited->edited_at, kNow + 60);
  site::Comment stored = *store_->GetComment(id);
  EXPECT_EQ(stored.body_html, "<p>better words</p>");
  EXPECT_EQ(stored.status, site::CommentStatus::kPublished);
  EXPECT_DOUBLE_EQ(stored.screening.score, 0.5);
  EXPECT_EQ(stored.edited_at, kNow + 60);
  EXPECT_NE(*store_->ArticlesChangeMarker(), before);
  auto revisions = store_->ListRevisions(id);
  ASSERT_EQ(revisions->size(), 1u);
  EXPECT_EQ((*revisions)[0].body_source, "first words");
  EXPECT_EQ((*revisions)[0].replaced_at, kNow + 60);
  EXPECT_EQ(store_->EditComment(99999, Edit("x", site::CommentStatus::kPublished, 0))
                .status()
                .code(),
            Code::kNotFound);
}

TEST_P(StoreConformance, AnEditCanUnpublishButNeverPublish) {
  site::Article a = NewArticle(*store_, "A");
  auto r = store_->InsertComments(std::vector{
      Comment(a.id, "x", "one"), Comment(a.id, "y", "held", site::CommentStatus::kHeld)});
  int64_t published = r[0]->comment.id, held = r[1]->comment.id;
  ASSERT_TRUE(store_->ModerateComment(held, site::CommentStatus::kHeld, "ham").ok());
  auto spam = store_->EditComment(published, Edit("casino", site::CommentStatus::kSpam, 9));
  EXPECT_EQ(spam->status, site::CommentStatus::kSpam);
  EXPECT_EQ(spam->number, 1);  // its number stays taken
  EXPECT_EQ(store_->GetArticle(a.id)->comment_count, 0);
  EXPECT_TRUE(store_->ListPublishedComments(a.id, 0, 10)->empty());
  auto still_held = store_->EditComment(held, Edit("fine", site::CommentStatus::kPublished, 0));
  EXPECT_EQ(still_held->status, site::CommentStatus::kHeld);
  EXPECT_EQ(still_held->moderator_label, "");  // the decision was about the old text
  EXPECT_EQ(store_->GetComment(held)->moderator_label, "");
  EXPECT_EQ(store_->GetArticle(a.id)->comment_count, 0);
  EXPECT_EQ(store_->ListRevisions(held)->size(), 1u);
  auto now_spam = store_->EditComment(held, Edit("casino", site::CommentStatus::kSpam, 9));
  EXPECT_EQ(now_spam->status, site::CommentStatus::kSpam);
  EXPECT_EQ(store_->ListRevisions(held)->size(), 2u);
}

TEST_P(StoreConformance, CommentsWithOneStatusNewestFirst) {
  site::Article a = NewArticle(*store_, "A");
  auto old = Comment(a.id, "o", "old spam", site::CommentStatus::kSpam);
  old.created_at = kNow - 100;
  auto r = store_->InsertComments(std::vector{
      old, Comment(a.id, "x", "one"), Comment(a.id, "s", "spam one", site::CommentStatus::kSpam),
      Comment(a.id, "t", "spam two", site::CommentStatus::kSpam)});
  auto spam = store_->ListCommentsWithStatus(site::CommentStatus::kSpam, kNow - 10, 10);
  ASSERT_TRUE(spam.ok()) << spam.status().message();
  ASSERT_EQ(spam->size(), 2u);
  EXPECT_EQ((*spam)[0].id, r[3]->comment.id);
  EXPECT_EQ((*spam)[1].id, r[2]->comment.id);
  EXPECT_EQ(store_->ListCommentsWithStatus(site::CommentStatus::kSpam, 0, 10)->size(), 3u);
  EXPECT_EQ(store_->ListCommentsWithStatus(site::CommentStatus::kSpam, 0, 1)->size(), 1u);
  auto published = store_->ListCommentsWithStatus(site::CommentStatus::kPublished, 0, 10);
  ASSERT_EQ(published->size(), 1u);
  EXPECT_EQ((*published)[0].id, r[1]->comment.id);
  EXPECT_TRUE(store_->ListCommentsWithStatus(site::CommentStatus::kDeleted, 0, 10)->empty());
}

TEST_P(StoreConformance, RecentCommentsOfEveryStatusNewestFirst) {
  site::Article a = NewArticle(*store_, "A");
  auto old = Comment(a.id, "o", "old");
  old.created_at = kNow - 100;
  auto r = store_->InsertComments(std::vector{
      old, Comment(a.id, "x", "one"), Comment(a.id, "y", "held", site::CommentStatus::kHeld)});
  auto recent = store_->ListRecentComments(kNow - 10, 10);
  ASSERT_TRUE(recent.ok()) << recent.status().message();
  ASSERT_EQ(recent->size(), 2u);
  EXPECT_EQ((*recent)[0].id, r[2]->comment.id);
  EXPECT_EQ((*recent)[0].status, site::CommentStatus::kHeld);
  EXPECT_EQ((*recent)[1].id, r[1]->comment.id);
  EXPECT_EQ(store_->ListRecentComments(0, 10)->size(), 3u);
  EXPECT_EQ(store_->ListRecentComments(0, 1)->size(), 1u);
}

TEST_P(StoreConformance, PublishedCommentsByEmailCountForTrust) {
  site::Article a = NewArticle(*store_, "A");
  auto c1 = Comment(a.id, "n", "one");
  c1.email = "Nino@Example.ge";
  auto c2 = Comment(a.id, "n", "two");
  c2.email = "nino@example.ge";
  c2.created_at = kNow - 1000;
  auto held = Comment(a.id, "n", "three", site::CommentStatus::kHeld);
  held.email = "nino@example.ge";
  auto other = Comment(a.id, "m", "four");
  other.email = "";
  auto r = store_->InsertComments(std::vector{c1, c2, held, other});
  auto all = store_->ListPublishedByEmail("NINO@example.ge", 0, 10);
  ASSERT_TRUE(all.ok()) << all.status().message();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].comment_id, r[0]->comment.id);  // newest first
  EXPECT_EQ((*all)[0].created_at, kNow);
  EXPECT_EQ((*all)[1].comment_id, r[1]->comment.id);
  EXPECT_EQ((*all)[1].created_at, kNow - 1000);
  EXPECT_EQ(store_->ListPublishedByEmail("NINO@example.ge", 0, 1)->size(), 1u);  // capped
  EXPECT_EQ(store_->ListPublishedByEmail("nino@example.ge", kNow - 10, 10)->size(), 1u);
  EXPECT_TRUE(store_->ListPublishedByEmail("", 0, 10)->empty());
}

TEST_P(StoreConformance, LearnedModelsAreKeptAsVersions) {
  EXPECT_EQ(store_->LatestModel().status().code(), Code::kNotFound);
  constexpr char kModel[] = "\0binary\xff model";  // a NUL and a byte that is not UTF-8
  std::string bytes(kModel, sizeof kModel - 1);
  ASSERT_TRUE(store_->SaveModel("site.1", bytes, kNow).ok());
  ASSERT_TRUE(store_->SaveModel("site.2", bytes + "x", kNow + 1).ok());
  auto latest = store_->LatestModel();
  ASSERT_TRUE(latest.ok());
  EXPECT_EQ(latest->first, "site.2");
  EXPECT_EQ(latest->second, bytes + "x");
  ASSERT_TRUE(store_->SaveModel("site.3", bytes + "y", kNow + 2).ok());
  ASSERT_TRUE(store_->PruneModels(1).ok());
  EXPECT_EQ(store_->LatestModel()->first, "site.3");
  ASSERT_TRUE(store_->PruneModels(0).ok());
  EXPECT_EQ(store_->LatestModel().status().code(), Code::kNotFound);
}

TEST_P(StoreConformance, SpentFormTokensAreKeptWithTheirCommentUntilTheyExpire) {
  site::Article a = NewArticle(*store_, "A");
  EXPECT_EQ(store_->FindSpentToken("n1").status().code(), Code::kNotFound);
  site::NewComment first = Comment(a.id, "Nino", "Spent once");
  first.form_nonce = "n1";
  first.form_nonce_expires = kNow + 3600;
  first.dedupe_after = kNow - 600;
  auto stored = store_->InsertComments(std::vector{first});
  ASSERT_TRUE(stored[0].ok());
  EXPECT_EQ(store_->FindSpentToken("n1").value(), stored[0]->comment.id);
  // A duplicate's nonce points at the comment it returned.
  site::NewComment again = first;
  again.form_nonce = "n2";
  auto dup = store_->InsertComments(std::vector{again});
  ASSERT_TRUE(dup[0].ok() && dup[0]->duplicate);
  EXPECT_EQ(store_->FindSpentToken("n2").value(), stored[0]->comment.id);
  // A comment that could not be stored spends nothing; nor does one without a token.
  site::NewComment lost = Comment(987654, "X", "No such article");
  lost.form_nonce = "n3";
  lost.form_nonce_expires = kNow + 3600;
  store_->InsertComments(std::vector{lost, Comment(a.id, "Y", "No token")});
  EXPECT_EQ(store_->FindSpentToken("n3").status().code(), Code::kNotFound);
  EXPECT_EQ(store_->FindSpentToken("").status().code(), Code::kNotFound);
  // Once a later batch is past their expiry, spent nonces are forgotten.
  site::NewComment later = Comment(a.id, "Z", "Much later");
  later.created_at = kNow + 3601;
  store_->InsertComments(std::vector{later});
  EXPECT_EQ(store_->FindSpentToken("n1").status().code(), Code::kNotFound);
  EXPECT_EQ(store_->FindSpentToken("n2").status().code(), Code::kNotFound);
}

}  // namespace
}  // namespace tribune::store

namespace tribune::store {
namespace {

TEST_P(StoreConformance, SearchFindsCommentsByEachFieldNewestFirst) {
  site::Article a = NewArticle(*store_, "A");
  auto make = [&](std::string author, std::string email, std::string ip, std::string body,
                  site::CommentStatus status, int64_t at) {
    site::NewComment c = Comment(a.id, std::move(author), body, status);
    c.email = std::move(email);
    c.ip = std::move(ip);
    c.body_source = body;
    c.created_at = at;
    auto r = store_->InsertComments(std::vector{c});
    EXPECT_TRUE(r[0].ok());
    return r[0].ok() ? r[0]->comment.id : 0;
  };
  int64_t casino = make("Lucky Joe", "joe@spam.example", "203.0.113.7",
                        "Play at [url=https://casino.example/x]the casino[/url] 100% bonus",
                        site::CommentStatus::kSpam, kNow);
  int64_t reader = make("Nino", "Nino@Example.org", "198.51.100.4", "The bridge is a good idea",
                        site::CommentStatus::kPublished, kNow + 10);
  int64_t later = make("nino b.", "other@example.org", "203.0.113.9", "A BRIDGE too far_",
                       site::CommentStatus::kHeld, kNow + 20);
  auto ids = [&](site::CommentQuery q) {
    std::vector<int64_t> out;
    auto r = store_->SearchComments(q);
    EXPECT_TRUE(r.ok()) << r.status().message();
    if (r.ok()) {
      for (const auto& c : *r) out.push_back(c.id);
    }
    return out;
  };
  using V = std::vector<int64_t>;
  site::CommentQuery q;
  EXPECT_EQ(ids(q), (V{later, reader, casino}));
  q.text = "bridge";
  EXPECT_EQ(ids(q), (V{later, reader}));  // any case
  q = {};
  q.text = "100%";
  EXPECT_EQ(ids(q), (V{casino}));  // % is a character, not a wildcard
  q.text = "far_";
  EXPECT_EQ(ids(q), (V{later}));
  q.text = "r_";
  EXPECT_EQ(ids(q), (V{later}));  // "far_": _ is a character too
  q = {};
  q.author = "NINO";
  EXPECT_EQ(ids(q), (V{later, reader}));
  q = {};
  q.email = "nino@example.ORG";
  EXPECT_EQ(ids(q), (V{reader}));
  q = {};
  q.address = "203.0.113.";
  EXPECT_EQ(ids(q), (V{later, casino}));
  q = {};
  q.domain = "casino.example";
  EXPECT_EQ(ids(q), (V{casino}));
  q = {};
  q.status = site::CommentStatus::kPublished;
  EXPECT_EQ(ids(q), (V{reader}));
  q = {};
  q.since = kNow + 10;
  q.until = kNow + 20;
  EXPECT_EQ(ids(q), (V{reader}));
  q = {};
  q.limit = 2;
  EXPECT_EQ(ids(q), (V{later, reader}));
}

}  // namespace
}  // namespace tribune::store

namespace tribune::store {
namespace {

TEST_P(StoreConformance, AModelIsSavedOnlyOnTheVersionItWasLearnedFrom) {
  // None stored: learned from the shipped model, whatever its version.
  ASSERT_TRUE(store_->SaveModelAfter("starter.0", "site.1", "one", kNow).ok());
  ASSERT_TRUE(store_->SaveModelAfter("site.1", "site.2", "two", kNow + 1).ok());
  // Another learned from site.1 too late: refused, nothing stored.
  Status late = store_->SaveModelAfter("site.1", "site.2", "other two", kNow + 2);
  EXPECT_EQ(late.code(), Code::kFailedPrecondition);
  EXPECT_EQ(store_->LatestModel()->second, "two");
  ASSERT_TRUE(store_->SaveModelAfter("site.2", "site.3", "three", kNow + 3).ok());
  EXPECT_EQ(store_->LatestModel()->first, "site.3");
}

}  // namespace
}  // namespace tribune::store
