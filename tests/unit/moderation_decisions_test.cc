// Moderators' decisions teaching the site's model, on a real SQLite store:
// two processes deciding at once (the newsroom and the command line) each
// keep their lesson, and no two models are built on one version.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "core/config.h"
#include "moderation/audit.h"
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

namespace tribune::moderation {
namespace {

// A campaign takedown taken back: each comment goes back to the status it
// had, its spam label goes, the campaign is forgotten and the model all but
// un-learns what the takedown taught.
TEST_F(DecisionsTest, UndoingACampaignGivesBackItsCommentsAndUnlearnsThem) {
  std::vector<int64_t> ids;
  for (int i = 0; i < 6; ++i) {
    ids.push_back(Held("Great results with VitaBoost number " + std::to_string(i) +
                       ", order at http://vitaboost-store.example today"));
  }
  auto engine = Load();
  spam::CommentInput probe{"x", "", "Order VitaBoost at http://vitaboost-store.example now", "",
                           "Bridge", "The council voted on the bridge.", "", ""};
  double score_before = engine->Check(probe).score;
  std::map<int64_t, site::CommentStatus> was;
  auto marked = ModerateCampaign(DecisionStores::Of(*store_, config_), *engine, ids[0], 0, 200, &was);
  ASSERT_TRUE(marked.ok()) << marked.status().message();
  ASSERT_EQ(marked->size(), ids.size());
  ASSERT_TRUE(RecordDecision(*store_, {"maria", "127.0.0.1"}, ids[0], "campaign", "held", *marked,
                             200, was)
                  .ok());
  double score_taken = Load()->Check(probe).score;
  EXPECT_GT(score_taken, score_before);

  auto fresh = Load();
  auto back = UndoCampaign(DecisionStores::Of(*store_, config_), *store_, *fresh, ids[0], "maria",
                           "127.0.0.1", 300);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->size(), ids.size());
  for (int64_t id : ids) {
    auto c = store_->GetComment(id);
    EXPECT_EQ(c->status, site::CommentStatus::kHeld) << id;
    EXPECT_EQ(c->moderator_label, "") << id;
  }
  // The campaign is gone; the online model's un-learning is close, not exact
  // (its state depends on the order of its updates).
  spam::Verdict undone = Load()->Check(probe);
  for (const auto& r : undone.reasons) EXPECT_NE(r.symbol, "CAMPAIGN_SPAM");
  EXPECT_LT(undone.score - score_before, 0.25 * (score_taken - score_before)) << undone.score;
  auto audit = store_->ListAudit({"", "comment.undo_campaign", "", 0, 0, 100});
  EXPECT_EQ(audit->size(), ids.size());
  EXPECT_EQ(UndoCampaign(DecisionStores::Of(*store_, config_), *store_, *Load(), 424242, "maria",
                         "", 300)
                .status()
                .code(),
            Code::kNotFound);
}

}  // namespace
}  // namespace tribune::moderation

namespace tribune::moderation {
namespace {

// The models part of a store that is away while `down` is set.
class FlakyModels : public store::ModelStore {
 public:
  explicit FlakyModels(store::ModelStore& real) : real_(real) {}
  bool down = false;
  Status SaveModel(const std::string& v, const std::string& d, int64_t now) override {
    return down ? Unavailable("the database is away") : real_.SaveModel(v, d, now);
  }
  Result<std::pair<std::string, std::string>> LatestModel() override {
    if (down) return Unavailable("the database is away");
    return real_.LatestModel();
  }
  Status SaveModelAfter(const std::string& from, const std::string& v, const std::string& d,
                        int64_t now) override {
    return down ? Unavailable("the database is away") : real_.SaveModelAfter(from, v, d, now);
  }
  Status PruneModels(int keep) override { return real_.PruneModels(keep); }

 private:
  store::ModelStore& real_;
};

// A decision whose model cannot be saved keeps its lesson: owed, saved with
// the next save once the store answers; meanwhile the decision stands.
TEST_F(DecisionsTest, ALessonWhoseSaveFailsIsOwedAndSavedLater) {
  int64_t a = Held("Win big at http://casino-owed.example tonight, bonus code inside");
  int64_t b = Held("Cheap pills at http://pills-owed.example, order now");
  FlakyModels models(*store_);
  OwedLessons owed;
  DecisionStores stores{*store_, *store_, models, *store_, {}, &owed};
  auto engine = Load();
  std::string version = engine->model_version();
  spam::CommentInput probe{"x", "", "Win big at http://casino-owed.example tonight", "",
                           "Bridge", "The council voted on the bridge.", "", ""};
  double before = engine->Check(probe).score;
  models.down = true;
  auto decided = Moderate(stores, *engine, a, Decision::kSpam, 200);
  ASSERT_TRUE(decided.ok()) << decided.status().message();
  EXPECT_EQ(decided->status, site::CommentStatus::kSpam);
  EXPECT_EQ(owed.size(), 1u);
  EXPECT_EQ(Load()->model_version(), version);  // nothing saved yet
  // Still away: still owed.
  auto retry = Load();
  EXPECT_FALSE(SaveOwedLessons(stores, *retry, 250).ok());
  EXPECT_EQ(owed.size(), 1u);
  // Back: the next decision saves both lessons in one model.
  models.down = false;
  auto next = Load();
  ASSERT_TRUE(Moderate(stores, *next, b, Decision::kSpam, 300).ok());
  EXPECT_EQ(owed.size(), 0u);
  auto saved = Load();
  EXPECT_NE(saved->model_version(), version);
  EXPECT_GT(saved->Check(probe).score, before);
  // Without a queue the failure is the decision's.
  models.down = true;
  DecisionStores strict{*store_, *store_, models, *store_, {}, nullptr};
  int64_t c = Held("Another casino at http://casino-three.example");
  auto failed = Moderate(strict, *Load(), c, Decision::kSpam, 400);
  EXPECT_EQ(failed.status().code(), Code::kUnavailable);
}

}  // namespace
}  // namespace tribune::moderation
