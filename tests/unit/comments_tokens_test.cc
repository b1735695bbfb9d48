// Form tokens through the comment service, on a real SQLite store: a post
// refused for its rate does not spend its token; refused posts leave nothing
// in memory; a stored token posts once, across a restart too.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <future>

#include "comments/comment_service.h"
#include "core/config.h"
#include "store/comment_writer.h"
#include "store/sqlite/sqlite_store.h"

namespace tribune::comments {
namespace {

constexpr int64_t kNow = 1'800'000'000;
constexpr const char* kIp = "198.51.100.7";

class CommentTokensTest : public ::testing::Test {
 protected:
  CommentTokensTest() {
    std::string dir = std::string(TRIBUNE_TEST_TMP) + "/tokens";
    std::filesystem::create_directories(dir);
    path_ = dir + "/t" + std::to_string(getpid()) + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
    config_.comments.min_seconds = 0;
    config_.limits.per_prefix_per_minute = 1.5;  // the second post in a minute is refused
    Open();
    article_ = store_->CreateArticle({"Tokens", "", "Body", "", "", kNow, true}, kNow)->id;
  }
  ~CommentTokensTest() override {
    Close();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  // (Re)starts the service on the database, as a restarted server does.
  void Open() {
    store_ = std::move(store::OpenSqliteStore({path_, 2})).value();
    ASSERT_TRUE(store_->Migrate().ok());
    writer_ = std::make_unique<store::CommentWriter>(*store_, [](const std::vector<int64_t>&) {});
    service_ = std::make_unique<CommentService>(
        config_, CommentStores{*store_, *store_, *store_, *store_, *store_}, *writer_, signer_,
        nullptr);
  }
  void Close() {
    service_.reset();
    writer_.reset();
    store_.reset();
  }

  IssuedForm Form() { return service_->IssueForm(article_, kIp, kNow, now_ms_); }

  PostOutcome Post(const IssuedForm& f, const std::string& body) {
    std::promise<PostOutcome> answer;
    PostContext ctx{kIp, "test", kNow + 10, now_ms_, {f.token, f.code, "", ""}};
    service_->Post(article_, {"Reader", "reader@example.org", body}, ctx,
                   [&](PostOutcome out) { answer.set_value(std::move(out)); });
    return answer.get_future().get();
  }

  std::string path_;
  Config config_;
  Signer signer_{"comment-tokens-test-secret"};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<store::CommentWriter> writer_;
  std::unique_ptr<CommentService> service_;
  int64_t article_ = 0;
  int64_t now_ms_ = 5'000'000;
};

using Kind = PostOutcome::Kind;

TEST_F(CommentTokensTest, APostRefusedForItsRateKeepsItsTokenForLater) {
  ASSERT_EQ(Post(Form(), "The first comment of the minute.").kind, Kind::kStored);
  IssuedForm second = Form();
  ASSERT_EQ(Post(second, "Sent too soon after the first.").kind, Kind::kLimited);
  EXPECT_EQ(service_->guard().remembered(), 0u);
  now_ms_ += 10 * 60 * 1000;  // ten minutes later the limit has decayed
  PostOutcome later = Post(second, "Sent too soon after the first.");
  ASSERT_EQ(later.kind, Kind::kStored);
  EXPECT_FALSE(later.stored.duplicate);
  EXPECT_EQ(later.stored.comment.status, site::CommentStatus::kPublished);
  EXPECT_EQ(later.stored.comment.screening.reasons_json.find("TOKEN_REPLAYED"), std::string::npos)
      << later.stored.comment.screening.reasons_json;
}

TEST_F(CommentTokensTest, RefusedPostsLeaveNothingInMemory) {
  ASSERT_EQ(Post(Form(), "The only comment that gets through.").kind, Kind::kStored);
  for (int i = 0; i < 5000; ++i) {
    ASSERT_EQ(Post(Form(), "Refused number " + std::to_string(i)).kind, Kind::kLimited);
  }
  EXPECT_EQ(service_->guard().remembered(), 0u);
}

TEST_F(CommentTokensTest, AStoredTokenPostsOnceAcrossARestart) {
  IssuedForm f = Form();
  PostOutcome first = Post(f, "Posted before the restart.");
  ASSERT_EQ(first.kind, Kind::kStored);
  EXPECT_EQ(service_->guard().remembered(), 0u);  // the store has it, not memory
  Close();
  Open();
  now_ms_ += 10 * 60 * 1000;
  PostOutcome again = Post(f, "The same form, sent again after the restart.");
  ASSERT_EQ(again.kind, Kind::kStored);
  EXPECT_EQ(again.stored.comment.id, first.stored.comment.id);  // the first comment comes back
  EXPECT_EQ(store_->GetArticle(article_)->comment_count, 1);
}

// Readers' reports: each network counts once; enough of them hold the comment.
TEST_F(CommentTokensTest, ReportsFromDistinctNetworksHoldAComment) {
  PostOutcome posted = Post(Form(), "A comment some readers will not like.");
  ASSERT_EQ(posted.kind, Kind::kStored);
  int64_t id = posted.stored.comment.id;
  ASSERT_EQ(posted.stored.comment.status, site::CommentStatus::kPublished);
  using RK = ReportOutcome::Kind;
  EXPECT_EQ(service_->Report(id, "203.0.113.5", "nonsense", "", kNow, now_ms_).kind,
            RK::kInvalid);
  EXPECT_EQ(service_->Report(id, "203.0.113.5", "spam", std::string(501, 'x'), kNow, now_ms_).kind,
            RK::kInvalid);
  ReportOutcome one = service_->Report(id, "203.0.113.5", "spam", "casino", kNow, now_ms_);
  ASSERT_EQ(one.kind, RK::kRecorded);
  EXPECT_EQ(one.reporters, 1);
  // The same network again, from another address in it: still one reader.
  EXPECT_EQ(service_->Report(id, "203.0.113.77", "abuse", "", kNow, now_ms_).reporters, 1);
  EXPECT_EQ(service_->Report(id, "2001:db8:1::1", "spam", "", kNow, now_ms_).reporters, 2);
  EXPECT_EQ(store_->GetComment(id)->status, site::CommentStatus::kPublished);
  ReportOutcome third = service_->Report(id, "192.0.2.9", "off-topic", "", kNow, now_ms_);
  EXPECT_EQ(third.reporters, 3);  // [comments] reports_to_hold
  EXPECT_TRUE(third.held);
  EXPECT_EQ(store_->GetComment(id)->status, site::CommentStatus::kHeld);
  // Readers cannot report what they cannot see.
  EXPECT_EQ(service_->Report(id, "192.0.2.10", "spam", "", kNow, now_ms_).kind, RK::kNotFound);
  EXPECT_EQ(service_->Report(999999, "192.0.2.10", "spam", "", kNow, now_ms_).kind,
            RK::kNotFound);
  auto reports = store_->ListReports(id);
  ASSERT_TRUE(reports.ok());
  EXPECT_EQ(reports->size(), 3u);
  EXPECT_EQ(reports->front().details, "casino");
  EXPECT_EQ(reports->front().reporter.find("203.0.113"), std::string::npos)
      << "the address itself is not kept";
}

TEST_F(CommentTokensTest, ReportsFromOneNetworkAreRateLimited) {
  PostOutcome posted = Post(Form(), "Another comment to report.");
  ASSERT_EQ(posted.kind, Kind::kStored);
  using RK = ReportOutcome::Kind;
  int limited = 0;
  for (int i = 0; i < 20; ++i) {
    limited += service_->Report(posted.stored.comment.id, "203.0.113.5", "spam", "", kNow,
                                now_ms_).kind == RK::kLimited;
  }
  EXPECT_GE(limited, 10);
}

}  // namespace
}  // namespace tribune::comments
