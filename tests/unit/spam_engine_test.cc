#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <thread>

#include "spam/cli/internal.h"
#include "spam/engine.h"
#include "spam/model/keyed_hash.h"

namespace tribune::spam {
namespace {

// The hash as first written (a copy of the last bytes into a zeroed word):
// model files hold weights at its buckets, so any faster reading of the
// bytes must give the same numbers.
uint64_t KeyedHashByCopy(std::string_view s, uint64_t key) {
  constexpr uint64_t kMul = 0x9e3779b97f4a7c15ULL;
  uint64_t h = model::Mix64(key ^ (s.size() * kMul));
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ model::Mix64(w + key)) * kMul;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, s.data() + i, s.size() - i);
  h = (h ^ model::Mix64(tail + key + s.size())) * kMul;
  return model::Mix64(h);
}

TEST(SpamKeyedHash, ReadsTheBytesAsTheModelFilesWereHashed) {
  std::string text = "Ünïcode and ASCII: 0x1F \xff\x80 — every length from nothing to forty bytes";
  text.push_back(static_cast<char>(0xff));
  for (size_t start = 0; start < 8; ++start) {
    for (size_t len = 0; start + len <= text.size() && len <= 40; ++len) {
      std::string_view s(text.data() + start, len);
      EXPECT_EQ(model::KeyedHash(s, 8808003914476916577ULL), KeyedHashByCopy(s, 8808003914476916577ULL))
          << "offset " << start << ", length " << len;
    }
  }
}

const std::vector<std::pair<std::string, bool>>& Corpus() {
  static const std::vector<std::pair<std::string, bool>> kCorpus = {
      {"cheap viagra pills online buy now", true},
      {"win a free iphone click here now", true},
      {"buy cheap pills online discount", true},
      {"free money click here win big", true},
      {"the minister spoke about the budget today", false},
      {"I disagree with the premier on taxes", false},
      {"the council vote on the budget was close", false},
      {"good reporting on the election results", false},
  };
  return kCorpus;
}

std::unique_ptr<Engine> Trained() {
  NewModelParams p;
  p.name = "test";
  p.key = 42;
  p.bits = 16;
  p.alpha = 0.5;
  auto e = Engine::Create(p, {});
  EXPECT_TRUE(e.ok()) << e.status().message();
  for (int epoch = 0; epoch < 20; ++epoch) {
    for (const auto& [text, spam] : Corpus()) (*e)->Train({.body = text}, spam);
  }
  return std::move(e).value();
}

double ModelScore(const Verdict& v) {
  for (const Reason& r : v.reasons) {
    if (r.symbol == "MODEL") return r.score;
  }
  return 0;
}

TEST(SpamEngine, ActionNames) {
  EXPECT_EQ(ActionName(Action::kPublish), "publish");
  EXPECT_EQ(ActionName(Action::kHold), "hold");
  EXPECT_EQ(ActionName(Action::kSpam), "spam");
  EXPECT_EQ(ActionName(Action::kDiscard), "discard");
}

TEST(SpamEngine, LearnsToSeparate) {
  auto e = Trained();
  EXPECT_GT(e->ModelProbability({.body = "buy cheap pills now"}), 0.8);
  EXPECT_LT(e->ModelProbability({.body = "the budget vote in council"}), 0.3);
  Verdict v = e->Check({.body = "buy cheap pills now"});
  EXPECT_GT(ModelScore(v), 0);
  EXPECT_EQ(v.model_version, "test.0");
}

TEST(SpamEngine, VerdictScoreIsTheSumOfReasons) {
  auto e = Trained();
  Verdict v = e->Check(
      {.body = "free pills at http://a.example.com http://b.example.com http://c.example.com"});
  double sum = 0;
  for (const Reason& r : v.reasons) sum += r.score;
  EXPECT_DOUBLE_EQ(v.score, sum);
  EXPECT_NE(v.action, Action::kPublish);
}

TEST(SpamEngine, ThresholdsAndScoresComeFromOptions) {
  EngineOptions strict;
  strict.hold_at = -100;
  strict.symbols["EMPTY_BODY"] = {.score = 20.0};
  auto e = Engine::Create({.key = 1, .bits = 12}, strict);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ((*e)->Check({.body = "hello"}).action, Action::kHold);
  Verdict empty = (*e)->Check({.body = ""});
  EXPECT_EQ(empty.action, Action::kDiscard);
  EXPECT_EQ(empty.reasons.front().symbol, "EMPTY_BODY");
  EXPECT_EQ(empty.reasons.front().score, 20);
}

double DisguiseScore(const Verdict& v) {
  double sum = 0;
  for (const Reason& r : v.reasons) {
    if (r.symbol == "STYLED_LETTERS" || r.symbol == "MIXED_SCRIPT_WORD" ||
        r.symbol == "SPACED_LETTERS" || r.symbol == "INVISIBLE_IN_WORD") {
      sum += r.score;
    }
  }
  return sum;
}

TEST(SpamEngine, DisguiseEvidenceIsCapped) {
  // Styled letters, look-alike letters, a spaced word and a zero-width
  // space: each rule alone would add 1.5.
  const CommentInput c = {
      .body =
          "\U0001D41B\U0001D41A\U0001D427\U0001D432\U0001D41A\U0001D424 p\u0430ypal "
          "m\u043Enday k e l u a r g a pi\u200Bknik"};
  auto capped = Engine::Create({.key = 1, .bits = 12}, {});
  ASSERT_TRUE(capped.ok());
  Verdict v = (*capped)->Check(c);
  EXPECT_DOUBLE_EQ(DisguiseScore(v), EngineOptions{}.disguise_cap);
  EngineOptions loose;
  loose.disguise_cap = 100;
  auto uncapped = Engine::Create({.key = 1, .bits = 12}, loose);
  ASSERT_TRUE(uncapped.ok());
  EXPECT_DOUBLE_EQ(DisguiseScore((*uncapped)->Check(c)), 2 * 1.5 + 1.5 + 1.5 + 1.5);
}

// Trains on a corpus where SELF_PROMOTION fires on every spam comment and
// on no ham, so the model gives the rule itself a large weight.
std::unique_ptr<Engine> TrainedOnPromotion(const EngineOptions& opts) {
  auto e = Engine::Create({.name = "promo", .key = 7, .bits = 16, .alpha = 0.5}, opts);
  EXPECT_TRUE(e.ok()) << e.status().message();
  const char* topics[] = {"budget", "park", "tram", "school", "bridge", "library", "river",
                          "market"};
  for (int epoch = 0; epoch < 30; ++epoch) {
    for (const char* t : topics) {
      (*e)->Train({.body = std::string("please subscribe to my channel about ") + t}, true);
      (*e)->Train({.body = std::string("sub to me for ") + t + " videos"}, true);
      (*e)->Train({.body = std::string("the council talked about the ") + t}, false);
      (*e)->Train({.body = std::string("I read about the ") + t + " today"}, false);
    }
  }
  return std::move(e).value();
}

TEST(SpamEngine, TheModelsWeightOnOneRuleIsCapped) {
  const CommentInput c = {.body = "Check out my channel on gardening"};
  EngineOptions loose;
  loose.rule_weight_cap = 100;
  Verdict uncapped = TrainedOnPromotion(loose)->Check(c);
  Verdict capped = TrainedOnPromotion({})->Check(c);
  // The trained weight is above the cap, or the test shows nothing.
  const Reason* m = nullptr;
  for (const Reason& r : uncapped.reasons) m = r.symbol == "MODEL" ? &r : m;
  ASSERT_NE(m, nullptr);
  ASSERT_NE(m->evidence.find("rule SELF_PROMOTION +"), std::string::npos) << m->evidence;
  EXPECT_GT(ModelScore(uncapped) - ModelScore(capped), 0.1);
  const Reason* capped_model = nullptr;
  for (const Reason& r : capped.reasons) capped_model = r.symbol == "MODEL" ? &r : capped_model;
  ASSERT_NE(capped_model, nullptr);
  EXPECT_NE(capped_model->evidence.find("rule SELF_PROMOTION +3.00"), std::string::npos)
      << capped_model->evidence;
}

TEST(SpamEngine, SaveAndLoadKeepScores) {
  auto e = Trained();
  e->Learn({.body = "a moderator approved this budget comment"}, false);
  std::string path = ::testing::TempDir() + "/spam_engine_test.model";
  ASSERT_TRUE(e->Save(path).ok());
  auto loaded = Engine::Load(path, {});
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  for (const auto& [text, spam] : Corpus()) {
    EXPECT_NEAR((*loaded)->Check({.body = text}).score, e->Check({.body = text}).score, 1e-6)
        << text;
  }
  EXPECT_EQ((*loaded)->model_version(), "test.1");
  std::remove(path.c_str());
}

TEST(SpamEngine, LoadRejectsWhatIsNotAModel) {
  EXPECT_EQ(Engine::Load("/nonexistent/x.model", {}).status().code(), Code::kNotFound);
  std::string path = ::testing::TempDir() + "/not_a_model";
  FILE* f = std::fopen(path.c_str(), "w");
  std::fputs("hello", f);
  std::fclose(f);
  EXPECT_EQ(Engine::Load(path, {}).status().code(), Code::kInvalidArgument);
  std::remove(path.c_str());
}

TEST(SpamEngine, UnlearnMovesBack) {
  auto e = Trained();
  CommentInput c{.body = "the election council premier results"};
  double before = e->ModelProbability(c);
  e->Learn(c, true);
  double learned = e->ModelProbability(c);
  EXPECT_GT(learned, before);
  e->Learn(c, true, -1.0);
  double unlearned = e->ModelProbability(c);
  EXPECT_LT(unlearned, learned);
  EXPECT_NEAR(unlearned, before, 0.1);
}

TEST(SpamEngine, ConcurrentChecksDuringLearning) {
  auto e = Trained();
  std::vector<std::thread> threads;
  for (int t = 0; t < 3; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 300; ++i) e->Check({.body = "cheap pills and the budget"});
    });
  }
  for (int i = 0; i < 300; ++i) e->Learn({.body = "cheap pills and the budget"}, i % 2 == 0);
  for (auto& t : threads) t.join();
  EXPECT_EQ(e->model_version(), "test.300");
}


// A word that only ever appears beside a rule learns little while the rule
// explains every example; trained with the rules dropped from half the
// passes, the word itself carries the spam, as it must where the rule does
// not fire (a genre's new wording).
TEST(SpamEngine, RuleDropoutTeachesTheWordsBesideARule) {
  std::vector<cli::Example> ex;
  const char* kSpam[] = {"check out my channel zorblax", "please check out my channel zorblax today",
                         "zorblax new video check out my channel", "check out my channel for zorblax"};
  const char* kHam[] = {"the minister spoke about the budget today", "I disagree with the premier",
                        "the council vote was close", "good reporting on the election results"};
  for (const char* t : kSpam) ex.push_back({.comment = {.body = t}, .is_spam = true, .source = "a"});
  for (const char* t : kHam) ex.push_back({.comment = {.body = t}, .is_spam = false, .source = "a"});
  cli::TrainArgs t;
  t.lists_dir = TRIBUNE_SPAM_DATA_DIR;
  t.key = 42;
  t.bits = 16;
  t.epochs = 20;
  t.rule_dropout = 0;
  auto without = cli::TrainEngine(t, ex);
  t.rule_dropout = 0.5;
  auto with = cli::TrainEngine(t, ex);
  // The rule fires on every spam example: it is the feature in question.
  Verdict v = without->Check({.body = kSpam[0]});
  ASSERT_TRUE(std::any_of(v.reasons.begin(), v.reasons.end(),
                          [](const Reason& r) { return r.symbol == "SELF_PROMOTION"; }));
  CommentInput word{.body = "zorblax is here"};
  EXPECT_GT(with->ModelProbability(word), without->ModelProbability(word) + 0.05);
  // Ham stays ham either way.
  EXPECT_LT(with->ModelProbability({.body = "the budget vote was close"}), 0.5);
}

}  // namespace
}  // namespace tribune::spam
