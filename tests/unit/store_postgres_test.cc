// The conformance suite on a real PostgreSQL server, plus what only a
// server shared by several nodes has: two stores (two nodes) writing to one
// article, migrations from nodes starting at once, a server restart.
// The server comes from TRIBUNE_TEST_POSTGRES (a postgresql:// URL); ctest
// starts a throwaway one (scripts/test-postgres.sh) and sets it.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <cstdlib>
#include <thread>

#include "store/postgres/postgres_store.h"
#include "store_conformance.h"

namespace tribune::store {
namespace {

std::string ServerUrl() {
  const char* url = std::getenv("TRIBUNE_TEST_POSTGRES");
  return url ? url : "";
}

// A fresh, empty schema on the test server; the URL that makes it the
// session's search path.
std::string FreshSchemaUrl() {
  static std::atomic<int> n{0};
  std::string schema = "t" + std::to_string(getpid()) + "_" + std::to_string(n++);
  PGconn* admin = PQconnectdb(ServerUrl().c_str());
  EXPECT_EQ(PQstatus(admin), CONNECTION_OK) << PQerrorMessage(admin);
  PGresult* r = PQexec(admin, ("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " +
                               schema).c_str());
  EXPECT_EQ(PQresultStatus(r), PGRES_COMMAND_OK) << PQerrorMessage(admin);
  PQclear(r);
  PQfinish(admin);
  std::string url = ServerUrl();
  url += url.find('?') == std::string::npos ? "?" : "&";
  return url + "options=-c%20search_path%3D" + schema;
}

std::unique_ptr<Store> Open(const std::string& url, int connections = 3) {
  auto s = OpenPostgresStore({url, connections, {}});
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? std::move(s).value() : nullptr;
}

std::unique_ptr<Store> MakePostgres() {
  if (ServerUrl().empty()) {
    ADD_FAILURE() << "TRIBUNE_TEST_POSTGRES is not set: run through ctest, which starts a "
                     "server (scripts/test-postgres.sh)";
    return nullptr;
  }
  return Open(FreshSchemaUrl());
}

INSTANTIATE_TEST_SUITE_P(Postgres, StoreConformance, testing::Values(&MakePostgres));

site::NewComment Published(int64_t article, std::string author, std::string body) {
  site::NewComment c;
  c.article_id = article;
  c.status = site::CommentStatus::kPublished;
  c.author = std::move(author);
  c.body_source = c.body_text = body;
  c.body_html = c.body_html_member = "<p>" + body + "</p>";
  c.created_at = 1700000000;
  return c;
}

// Two nodes, each with its own pool, posting to one article at once: every
// comment gets its own number and the count is exact.
TEST(PostgresStore, TwoNodesNumberCommentsOnOneArticleWithoutGapsOrRepeats) {
  std::string url = FreshSchemaUrl();
  auto a = Open(url), b = Open(url);
  ASSERT_TRUE(a && b);
  ASSERT_TRUE(a->Migrate().ok());
  ASSERT_TRUE(b->Migrate().ok());
  int64_t article = a->CreateArticle({"A", "", "b", "", "", 1, true}, 1)->id;
  constexpr int kEach = 60;
  auto post = [&](Store* s, const char* who) {
    for (int i = 0; i < kEach; ++i) {
      auto r = s->InsertComments(std::vector{Published(article, who, std::to_string(i))});
      EXPECT_TRUE(r[0].ok()) << r[0].status().message();
    }
  };
  std::thread t1(post, a.get(), "a"), t2(post, b.get(), "b");
  t1.join();
  t2.join();
  EXPECT_EQ(b->GetArticle(article)->comment_count, 2 * kEach);
  auto all = a->ListPublishedComments(article, 0, 1000);
  ASSERT_EQ(all->size(), 2u * kEach);
  for (size_t i = 0; i < all->size(); ++i) EXPECT_EQ((*all)[i].number, 2 * kEach - int64_t(i));
}

// The same comment sent to two nodes at once (a reader's double click split
// by the load balancer) is stored once.
TEST(PostgresStore, AResubmissionThroughAnotherNodeIsTheSameComment) {
  std::string url = FreshSchemaUrl();
  auto a = Open(url), b = Open(url);
  ASSERT_TRUE(a->Migrate().ok());
  int64_t article = a->CreateArticle({"A", "", "b", "", "", 1, true}, 1)->id;
  site::NewComment c = Published(article, "same", "same text");
  c.dedupe_after = 1;
  std::vector<Result<site::StoredComment>> ra{Unavailable("")}, rb{Unavailable("")};
  std::thread t1([&] { ra = a->InsertComments(std::vector{c}); });
  std::thread t2([&] { rb = b->InsertComments(std::vector{c}); });
  t1.join();
  t2.join();
  ASSERT_TRUE(ra[0].ok() && rb[0].ok());
  EXPECT_EQ(ra[0]->comment.id, rb[0]->comment.id);
  EXPECT_NE(ra[0]->duplicate, rb[0]->duplicate);
  EXPECT_EQ(a->GetArticle(article)->comment_count, 1);
}

// Nodes deployed together all migrate on start: one does the work, the
// others wait for it and find the schema current.
TEST(PostgresStore, NodesMigratingAtOnceLeaveOneSchema) {
  std::string url = FreshSchemaUrl();
  std::vector<std::unique_ptr<Store>> nodes;
  for (int i = 0; i < 4; ++i) nodes.push_back(Open(url, 1));
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (auto& n : nodes) {
    threads.emplace_back([&ok, s = n.get()] { ok += s->Migrate().ok(); });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 4);
  int version = *nodes[0]->SchemaVersion();
  for (auto& n : nodes) EXPECT_EQ(*n->SchemaVersion(), version);
}

// A model is bytes, whatever they are: NUL, high bytes and backslashes come
// back as they went in.
TEST(PostgresStore, ModelsComeBackByteForByte) {
  auto s = Open(FreshSchemaUrl());
  ASSERT_TRUE(s->Migrate().ok());
  std::string data;
  for (int i = 0; i < 4096; ++i) data.push_back(static_cast<char>(i * 7));
  data += std::string("\0\\x00\\\\'\"", 10);
  ASSERT_TRUE(s->SaveModel("v\xc3\xa9", data, 5).ok());
  auto m = s->LatestModel();
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->first, "v\xc3\xa9");
  EXPECT_EQ(m->second, data);
}

// No server at the address: Unavailable with the reason, at once.
TEST(PostgresStore, NoServerIsUnavailableWithTheReason) {
  auto s = OpenPostgresStore({"postgresql://tribune@127.0.0.1:9/postgres?connect_timeout=2", 1, {}});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Code::kUnavailable);
  EXPECT_NE(s.status().message().find("127.0.0.1"), std::string::npos) << s.status().message();
}

// The server's end of a connection goes away (as in a restart): the
// store's calls fail with Unavailable or succeed, never hang, and it works
// again on its own without being reopened.
TEST(PostgresStore, ALostConnectionIsMadeAgainOnItsNextUse) {
  std::string name = "lost" + std::to_string(getpid());
  std::string url = FreshSchemaUrl() + "&application_name=" + name;
  auto s = Open(url, 2);
  ASSERT_TRUE(s->Migrate().ok());
  int64_t article = s->CreateArticle({"A", "", "b", "", "", 1, true}, 1)->id;
  ASSERT_TRUE(s->PutSetting("k", "v").ok());
  // End every session of this store, as a restarting server would.
  PGconn* admin = PQconnectdb(ServerUrl().c_str());
  ASSERT_EQ(PQstatus(admin), CONNECTION_OK);
  PGresult* r = PQexec(admin, ("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                "WHERE application_name = '" + name + "'").c_str());
  ASSERT_EQ(PQresultStatus(r), PGRES_TUPLES_OK) << PQerrorMessage(admin);
  EXPECT_EQ(PQntuples(r), 2);  // both connections of the pool
  PQclear(r);
  PQfinish(admin);
  // Reads are retried on a fresh connection; writes may fail once each.
  EXPECT_EQ(*s->GetSetting("k"), "v");
  Status put = s->PutSetting("k", "w");
  if (!put.ok()) {
    EXPECT_EQ(put.code(), Code::kUnavailable);
    put = s->PutSetting("k", "w");
  }
  EXPECT_TRUE(put.ok()) << put.message();
  EXPECT_EQ(*s->GetSetting("k"), "w");
  EXPECT_EQ(s->GetArticle(article)->title, "A");
}

}  // namespace
}  // namespace tribune::store

namespace tribune::store {
namespace {

// What one node commits, the others hear: the article whose comments
// changed, or 0 for "anything may have" (an article or a decision).
TEST(PostgresStore, ANodeHearsWhatAnotherCommits) {
  std::string url = FreshSchemaUrl();
  auto a = Open(url), b = Open(url);
  ASSERT_TRUE(a->Migrate().ok());
  std::mutex mu;
  std::condition_variable cv;
  std::vector<int64_t> heard;
  auto sub = b->Subscribe([&](int64_t id) {
    std::lock_guard lock(mu);
    heard.push_back(id);
    cv.notify_all();
  });
  ASSERT_NE(sub, nullptr);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // LISTEN is in place
  auto wait_for = [&](size_t n) {
    std::unique_lock lock(mu);
    return cv.wait_for(lock, std::chrono::seconds(5), [&] { return heard.size() >= n; });
  };
  int64_t article = a->CreateArticle({"A", "", "b", "", "", 1, true}, 1)->id;
  ASSERT_TRUE(wait_for(1));
  auto held = Published(article, "h", "held one");
  held.status = site::CommentStatus::kHeld;
  ASSERT_TRUE(a->InsertComments(std::vector{held, Published(article, "p", "published one"),
                                            Published(article, "q", "another")})[0]
                  .ok());
  ASSERT_TRUE(wait_for(2));
  std::lock_guard lock(mu);
  EXPECT_EQ(heard, (std::vector<int64_t>{0, article}));  // one word per article and batch
}

}  // namespace
}  // namespace tribune::store
