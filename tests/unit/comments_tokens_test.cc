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
        config_, CommentStores{*store_, *store_, *store_, *store_}, *writer_, signer_, nullptr);
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

}  // namespace
}  // namespace tribune::comments
