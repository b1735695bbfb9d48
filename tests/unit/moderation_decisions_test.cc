// Moderators' decisions teaching the site's model, on a real SQLite store:
// two processes deciding at once (the newsroom and the command line) each
// keep their lesson, and no two models are built on one version.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "core/config.h"
#include "moderation/moderation.h"
#include "store/sqlite/sqlite_store.h"

namespace tribune::moderation {
namespace {

class DecisionsTest : public ::testing::Test {
 protected:
  DecisionsTest() {
    std::string dir = std::string(TRIBUNE_TEST_TMP) + "/decisions";
    std::filesystem::create_directories(dir);
    path_ = dir + "/d" + std::to_string(getpid()) + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
    store_ = std::move(store::OpenSqliteStore({path_, 2})).value();
    EXPECT_TRUE(store_->Migrate().ok());
    config_.spam.model = std::string(TRIBUNE_TEST_DATA) + "/../../data/spam/starter.model";
    article_ = store_->CreateArticle({"Bridge", "", "The council voted on the bridge.", "", "", 1,
                                      true}, 1)->id;
  }
  ~DecisionsTest() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  int64_t Held(const std::string& body) {
    site::NewComment c;
    c.article_id = article_;
    c.status = site::CommentStatus::kHeld;
    c.author = "Someone";
    c.body_source = c.body_text = body;
    c.body_html = c.body_html_member = "<p>" + body + "</p>";
    c.created_at = 100;
    return store_->InsertComments(std::vector{c})[0]->comment.id;
  }
  std::unique_ptr<spam::Engine> Load() { return std::move(LoadSiteEngine(config_, *store_)).value(); }

  std::string path_;
  Config config_;
  std::unique_ptr<store::Store> store_;
  int64_t article_ = 0;
};

TEST_F(DecisionsTest, TwoProcessesDecidingAtOnceBothKeepTheirLessons) {
  int64_t a = Held("Cheap pills at http://pills-a.example buy now");
  int64_t b = Held("Casino bonus at http://casino-b.example play now");
  // Both load the same model before either saves.
  auto web = Load();
  auto cli = Load();
  ASSERT_EQ(web->model_version(), cli->model_version());
  ASSERT_TRUE(Moderate(DecisionStores::Of(*store_, config_), *web, a, Decision::kSpam, 200).ok());
  std::string first = store_->LatestModel()->first;
  auto second = Moderate(DecisionStores::Of(*store_, config_), *cli, b, Decision::kSpam, 201);
  ASSERT_TRUE(second.ok()) << second.status().message();
  std::string last = store_->LatestModel()->first;
  // The second was learned again on the first's model, not beside it.
  EXPECT_NE(last, first);
  EXPECT_NE(last, cli->model_version());  // not what the stale engine would have saved
  auto final_engine = Load();
  EXPECT_EQ(final_engine->model_version(), last);
  EXPECT_EQ(store_->GetComment(b)->status, site::CommentStatus::kSpam);
}

TEST_F(DecisionsTest, WithoutAWayToReloadAStaleDecisionSaysSo) {
  int64_t a = Held("Cheap pills at http://pills-c.example buy now");
  int64_t b = Held("Casino bonus at http://casino-d.example play now");
  auto web = Load();
  auto cli = Load();
  ASSERT_TRUE(Moderate(DecisionStores::Of(*store_), *web, a, Decision::kSpam, 200).ok());
  auto stale = Moderate(DecisionStores::Of(*store_), *cli, b, Decision::kSpam, 201);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.status().code(), Code::kFailedPrecondition);
}

}  // namespace
}  // namespace tribune::moderation
