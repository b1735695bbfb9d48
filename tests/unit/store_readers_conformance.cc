// The store conformance suite, continued: readers, replies, the outbox and
// what readers' data rights need (export, erasure, retention).
#include "store_conformance.h"

#include <algorithm>

namespace tribune::store {
namespace {

constexpr int64_t kNow = 1700000000;
// Later than any clock these tests run under: events stamped with the real time are due.
constexpr int64_t kFarFuture = 4000000000;

site::NewComment Reply(int64_t article, std::string author, std::string email, int64_t to = 0,
                       site::CommentStatus status = site::CommentStatus::kPublished) {
  site::NewComment c;
  c.article_id = article;
  c.status = status;
  c.author = std::move(author);
  c.email = std::move(email);
  c.body_source = "words of " + c.author;
  c.body_html = "<p>" + c.body_source + "</p>";
  c.body_html_member = c.body_html;
  c.body_text = c.body_source;
  c.ip = "203.0.113.7";
  c.user_agent = "Browser/1";
  c.created_at = kNow;
  c.reply_to = to;
  return c;
}

site::Comment Put(Store& s, const site::NewComment& c) {
  auto r = s.InsertComments(std::span(&c, 1));
  EXPECT_TRUE(r[0].ok()) << r[0].status().message();
  return r[0].ok() ? r[0]->comment : site::Comment{};
}

site::Article Article(Store& s) {
  auto a = s.CreateArticle({"Readers", "lead", "body", "src", "", kNow, true}, kNow);
  EXPECT_TRUE(a.ok());
  return *a;
}

std::string fmt_event(int64_t id, int64_t article, const char* status, const char* was) {
  return "{\"comment\":" + std::to_string(id) + ",\"article\":" + std::to_string(article) +
         ",\"status\":\"" + status + "\",\"was\":\"" + was + "\"}";
}

// The event items claimed now, as (comment id, status, was) payload texts.
std::vector<std::string> ClaimEvents(Store& s) {
  auto items = s.ClaimOutbox(kFarFuture, 60, 100);
  EXPECT_TRUE(items.ok());
  std::vector<std::string> out;
  for (const auto& i : *items) {
    if (i.kind == "event") out.push_back(i.payload);
    EXPECT_TRUE(s.FinishOutbox(i.id, "sent", "", 0, kNow).ok());
  }
  return out;
}

TEST_P(StoreConformance, ReadersAreUniqueByNameKeyAndEmailKey) {
  site::Reader r;
  r.name = "Nino";
  r.name_key = "nino";
  r.email = "Nino@Example.com";
  r.created_at = kNow;
  auto made = store_->CreateReader(r);
  ASSERT_TRUE(made.ok()) << made.status().message();
  EXPECT_GT(made->id, 0);

  site::Reader same_name = r;
  same_name.email = "other@example.com";
  EXPECT_EQ(store_->CreateReader(same_name).status().code(), Code::kAlreadyExists);
  site::Reader same_email = r;
  same_email.name_key = "someone";
  same_email.email = "nino@EXAMPLE.com";
  EXPECT_EQ(store_->CreateReader(same_email).status().code(), Code::kAlreadyExists);

  auto by_email = store_->GetReaderByEmail("nino@example.com");
  ASSERT_TRUE(by_email.ok());
  EXPECT_EQ(by_email->id, made->id);
  EXPECT_EQ(by_email->email, "Nino@Example.com");
  EXPECT_EQ(store_->GetReaderByNameKey("nino")->id, made->id);
  EXPECT_EQ(store_->GetReaderByNameKey("nobody").status().code(), Code::kNotFound);

  site::Reader changed = *made;
  changed.password_hash = "$argon2id$x";
  changed.confirmed_at = kNow + 5;
  changed.session_epoch = 3;
  changed.link_epoch = 4;
  ASSERT_TRUE(store_->UpdateReader(changed).ok());
  auto again = store_->GetReader(made->id);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->password_hash, "$argon2id$x");
  EXPECT_EQ(again->confirmed_at, kNow + 5);
  EXPECT_EQ(again->session_epoch, 3);
  EXPECT_EQ(again->link_epoch, 4);
  EXPECT_EQ(again->created_at, kNow);

  site::Reader late;
  late.name = "Late";
  late.name_key = "late";
  late.email = "late@example.com";
  late.created_at = kNow;
  ASSERT_TRUE(store_->CreateReader(late).ok());
  EXPECT_EQ(*store_->PruneUnconfirmedReaders(kNow + 1), 1);  // Nino is confirmed
  EXPECT_EQ(store_->GetReaderByNameKey("late").status().code(), Code::kNotFound);
  ASSERT_TRUE(store_->DeleteReader(made->id).ok());
  EXPECT_EQ(store_->GetReader(made->id).status().code(), Code::kNotFound);
}

TEST_P(StoreConformance, RepliesAreFoundFromTheAnsweredCommentAndPositionsCount) {
  site::Article a = Article(*store_);
  site::Comment first = Put(*store_, Reply(a.id, "Nino", "nino@example.com"));
  site::NewComment r1 = Reply(a.id, "Giorgi", "g@example.com", first.id);
  r1.reply_to_number = first.number;
  r1.reader_id = 42;
  site::Comment reply = Put(*store_, r1);
  Put(*store_, Reply(a.id, "Held", "h@example.com", first.id, site::CommentStatus::kHeld));
  site::Comment other = Put(*store_, Reply(a.id, "Ana", "a@example.com"));

  auto got = store_->GetComment(reply.id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->reply_to, first.id);
  EXPECT_EQ(got->reply_to_number, first.number);
  EXPECT_EQ(got->reader_id, 42);

  std::vector<int64_t> ids = {first.id, other.id};
  auto replies = store_->ListReplies(ids);
  ASSERT_TRUE(replies.ok());
  ASSERT_EQ(replies->size(), 1u);  // the held one is not shown
  EXPECT_EQ((*replies)[0].to, first.id);
  EXPECT_EQ((*replies)[0].id, reply.id);
  EXPECT_EQ((*replies)[0].number, reply.number);

  EXPECT_EQ(*store_->CountPublishedAbove(a.id, first.number), 2);
  EXPECT_EQ(*store_->CountPublishedAbove(a.id, other.number), 0);
  auto mine = store_->ListCommentsByReader(42, 10);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].id, reply.id);
}

TEST_P(StoreConformance, EveryStoredCommentAndStatusChangeLeavesAnEvent) {
  site::Article a = Article(*store_);
  site::Comment c = Put(*store_, Reply(a.id, "Nino", "n@example.com", 0, site::CommentStatus::kHeld));
  ASSERT_TRUE(store_->ModerateComment(c.id, site::CommentStatus::kPublished, "ham").ok());
  std::vector<std::string> events = ClaimEvents(*store_);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0], fmt_event(c.id, a.id, "held", ""));
  EXPECT_EQ(events[1], fmt_event(c.id, a.id, "published", "held"));
  EXPECT_TRUE(ClaimEvents(*store_).empty());  // each is delivered once
}

TEST_P(StoreConformance, OutboxClaimsLeasesRetriesAndExpands) {
  site::OutboxItem mail;
  mail.kind = "mail";
  mail.target = "a@example.com";
  mail.topic = "article:1";
  mail.payload = "Subject: hi\r\n\r\nbody";
  mail.due_at = kNow;
  mail.created_at = kNow;
  site::OutboxItem later = mail;
  later.due_at = kNow + 500;
  site::OutboxItem digest = mail;
  digest.kind = "digest";
  std::vector<site::OutboxItem> items = {mail, later, digest};
  ASSERT_TRUE(store_->Enqueue(items).ok());

  auto first = store_->ClaimOutbox(kNow, 60, 10);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 1u);  // not the later one, never the digest line
  EXPECT_EQ((*first)[0].payload, mail.payload);
  EXPECT_EQ((*first)[0].attempts, 1);
  EXPECT_TRUE(store_->ClaimOutbox(kNow + 30, 60, 10)->empty());  // leased
  auto again = store_->ClaimOutbox(kNow + 61, 60, 10);           // the lease ran out
  ASSERT_EQ(again->size(), 1u);
  EXPECT_EQ((*again)[0].attempts, 2);
  ASSERT_TRUE(store_->FinishOutbox((*again)[0].id, "pending", "refused", kNow + 1000, kNow).ok());
  EXPECT_EQ(store_->OutboxBacklog()->pending, 2);
  auto due = store_->ClaimOutbox(kNow + 1000, 60, 10);
  ASSERT_EQ(due->size(), 2u);
  EXPECT_EQ((*due)[0].last_error, "refused");
  ASSERT_TRUE(store_->FinishOutbox((*due)[0].id, "sent", "", 0, kNow + 1000).ok());
  ASSERT_TRUE(store_->FinishOutbox((*due)[1].id, "failed", "gave up", 0, kNow + 1000).ok());
  EXPECT_EQ(store_->OutboxBacklog()->pending, 0);
  EXPECT_EQ(store_->OutboxBacklog()->failed, 1);
  EXPECT_EQ(*store_->CountOutbox("mail", "a@example.com", "article:1", kNow), 2);
  EXPECT_EQ(*store_->CountOutbox("mail", "a@example.com", "article:2", kNow), 0);

  auto lines = store_->TakeDigestLines(kNow + 1, 10);
  ASSERT_TRUE(lines.ok());
  ASSERT_EQ(lines->size(), 1u);
  EXPECT_TRUE(store_->TakeDigestLines(kNow + 1, 10)->empty());  // taken once

  site::Article a = Article(*store_);
  Put(*store_, Reply(a.id, "Nino", "n@example.com"));
  auto event = store_->ClaimOutbox(kNow + 2000, 60, 10);
  ASSERT_EQ(event->size(), 1u);
  site::OutboxItem hook;
  hook.kind = "webhook";
  hook.target = "http://127.0.0.1:1/hook";
  hook.payload = "{}";
  std::vector<site::OutboxItem> expanded = {hook};
  ASSERT_TRUE(store_->ExpandEvent((*event)[0].id, expanded, kNow + 2000).ok());
  auto next = store_->ClaimOutbox(kNow + 100000, 60, 10);
  ASSERT_EQ(next->size(), 1u);
  EXPECT_EQ((*next)[0].kind, "webhook");
  EXPECT_EQ(store_->ListOutboxFor("a@example.com", 10)->size(), 3u);
  EXPECT_EQ(*store_->PruneOutbox(kFarFuture), 4);  // finished ones: 2 mails, digest, event
}

TEST_P(StoreConformance, SubscriptionsRiseAndAreRemoved) {
  site::Subscription s;
  s.email = "Nino@Example.com";
  s.article_id = 5;
  s.kind = site::SubscriptionKind::kThread;
  s.created_at = kNow;
  auto made = store_->AddSubscription(s);
  ASSERT_TRUE(made.ok()) << made.status().message();
  EXPECT_EQ(made->email, "nino@example.com");
  EXPECT_FALSE(made->confirmed);
  EXPECT_TRUE(store_->SubscribersOf(5)->empty());  // not confirmed yet
  s.confirmed = true;
  auto raised = store_->AddSubscription(s);
  EXPECT_EQ(raised->id, made->id);
  EXPECT_TRUE(raised->confirmed);
  s.confirmed = false;
  EXPECT_TRUE(store_->AddSubscription(s)->confirmed);  // never lowered by a new one
  ASSERT_EQ(store_->SubscribersOf(5)->size(), 1u);
  ASSERT_TRUE(store_->SetDigest("nino@example.com", true).ok());
  EXPECT_TRUE(store_->GetSubscription(made->id)->digest);
  s.kind = site::SubscriptionKind::kReplies;
  auto replies = store_->AddSubscription(s);
  ASSERT_TRUE(store_->ConfirmSubscription(replies->id).ok());
  EXPECT_EQ(store_->ListSubscriptions("nino@example.com")->size(), 2u);
  ASSERT_TRUE(store_->RemoveSubscription(made->id).ok());
  EXPECT_EQ(store_->RemoveSubscription(made->id).code(), Code::kNotFound);
  EXPECT_EQ(*store_->RemoveSubscriptionsOf("nino@example.com"), 1);
  EXPECT_TRUE(store_->ListSubscriptions("nino@example.com")->empty());
}

TEST_P(StoreConformance, JobsRunOncePerPeriod) {
  EXPECT_TRUE(*store_->ClaimJob("digest", 3600, kNow));
  EXPECT_FALSE(*store_->ClaimJob("digest", 3600, kNow + 10));
  EXPECT_TRUE(*store_->ClaimJob("retention", 3600, kNow + 10));
  EXPECT_TRUE(*store_->ClaimJob("digest", 3600, kNow + 3600));
}

TEST_P(StoreConformance, ErasureRemovesOrAnonymisesAndRetentionEmptiesOldData) {
  site::Article a = Article(*store_);
  site::Comment mine = Put(*store_, Reply(a.id, "Nino", "Nino@example.com"));
  site::NewComment as_reader = Reply(a.id, "Nino", "");
  as_reader.reader_id = 7;
  site::Comment signed_in = Put(*store_, as_reader);
  site::Comment theirs = Put(*store_, Reply(a.id, "Ana", "ana@example.com"));
  EXPECT_EQ(store_->ListCommentsOf("nino@example.com", 7)->size(), 2u);

  EXPECT_EQ(*store_->EraseCommentsOf("nino@example.com", 7, false, "A former reader"), 2);
  auto kept = store_->GetComment(mine.id);
  EXPECT_EQ(kept->author, "A former reader");
  EXPECT_EQ(kept->email, "");
  EXPECT_EQ(kept->ip, "");
  EXPECT_EQ(kept->body_source, "words of Nino");
  EXPECT_EQ(store_->GetComment(signed_in.id)->reader_id, 0);
  EXPECT_EQ(store_->GetArticle(a.id)->comment_count, 3);

  site::Comment again = Put(*store_, Reply(a.id, "Nino2", "nino@example.com"));
  EXPECT_EQ(*store_->EraseCommentsOf("nino@example.com", 0, true, ""), 1);
  auto gone = store_->GetComment(again.id);
  EXPECT_EQ(gone->status, site::CommentStatus::kDeleted);
  EXPECT_EQ(gone->body_source, "");
  EXPECT_EQ(gone->author, "");
  EXPECT_EQ(store_->GetArticle(a.id)->comment_count, 3);

  site::Comment spam =
      Put(*store_, Reply(a.id, "Bot", "bot@example.com", 0, site::CommentStatus::kSpam));
  EXPECT_GT(*store_->PurgeCommentData(kNow + 1, kNow + 1, kNow + 1), 0);
  auto old = store_->GetComment(theirs.id);
  EXPECT_EQ(old->ip, "");
  EXPECT_EQ(old->user_agent, "");
  EXPECT_EQ(old->email, "");
  EXPECT_EQ(old->body_source, "words of Ana");
  EXPECT_EQ(store_->GetComment(spam.id)->body_source, "");
  EXPECT_EQ(*store_->PurgeCommentData(kNow + 1, kNow + 1, kNow + 1), 0);
}

}  // namespace
}  // namespace tribune::store
