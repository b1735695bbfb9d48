// Many patterns at once (vectorscan), checked against RE2 pattern by pattern.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <random>
#include <thread>

#include "spam/pattern_set.h"

namespace tribune::spam {
namespace {

std::vector<int> OneByOne(const std::vector<std::string>& patterns, const std::string& text) {
  std::vector<int> hits;
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (RE2::PartialMatch(text, RE2(patterns[i]))) hits.push_back(static_cast<int>(i));
  }
  return hits;
}

std::vector<int> AtOnce(const PatternSet& set, const std::string& text) {
  std::vector<int> hits;
  set.Match(text, &hits);
  std::sort(hits.begin(), hits.end());
  return hits;
}

const std::vector<std::string> kPatterns = {
    R"((?:whats\s*app|telegram|viber)\s*(?:me\s*)?(?:at|on|:|\+|@)?\s*\+?\d[\d\s-]{7,})",
    R"(slot\s*gacor)",
    R"(\bcasino\b)",
    R"(^buy\b)",
    R"(free\s+spins?$)",
    R"(бесплатн\w*)",
    R"(თამაში)",
    R"([a-z0-9-]+\.(?:xyz|top|click)\b)",
    R"(a{2,4}b)",
    R"(x*)",
};

TEST(PatternSet, FindsWhatRe2FindsOneByOne) {
  auto set = PatternSet::Build(kPatterns);
  ASSERT_TRUE(set.ok()) << set.status().message();
  const std::vector<std::string> texts = {
      "",
      "whatsapp me at +1 555 0100 200",
      "best slot  gacor today, visit win88.xyz for free spins",
      "the casino-royale film",
      "casinos are not the topic",
      "buy now",
      "please buy now",
      "получите бесплатные вращения",
      "ახალი თამაში",
      "aaab and aaaaab",
      "line one\nfree spin",
  };
  for (const auto& t : texts) {
    EXPECT_EQ(AtOnce(**set, t), OneByOne(kPatterns, t)) << t;
  }
  std::string m;
  EXPECT_TRUE((*set)->Find(1, "best slot  gacor today", &m));
  EXPECT_EQ(m, "slot  gacor");
  EXPECT_FALSE((*set)->Find(2, "casinos", &m));
}

TEST(PatternSet, AgreesWithRe2OnRandomText) {
  auto set = PatternSet::Build(kPatterns);
  ASSERT_TRUE(set.ok());
  std::mt19937 rng(7);
  const std::string alphabet = "abcxyz.-+ 0123456789\nslotgacorcasino";
  for (int n = 0; n < 3000; ++n) {
    std::string t;
    int len = static_cast<int>(rng() % 60);
    for (int i = 0; i < len; ++i) t += alphabet[rng() % alphabet.size()];
    ASSERT_EQ(AtOnce(**set, t), OneByOne(kPatterns, t)) << t;
  }
}

TEST(PatternSet, BadPatternsAreNamedAndUnsupportedOnesFallBackToRe2) {
  auto bad = PatternSet::Build({"fine", "(unclosed"});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("pattern 2"), std::string::npos);
  // \C (any byte) is RE2 syntax that vectorscan does not take.
  auto mixed = PatternSet::Build({"casino", R"(x\Cy)"});
  ASSERT_TRUE(mixed.ok()) << mixed.status().message();
  EXPECT_EQ((*mixed)->re2_only(), 1u);
  EXPECT_EQ(AtOnce(**mixed, "casino x-y"), (std::vector<int>{0, 1}));
  auto empty = PatternSet::Build({});
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(AtOnce(**empty, "anything").empty());
}

TEST(PatternSet, ManyThreadsAtOnce) {
  std::vector<std::string> many;
  for (int i = 0; i < 500; ++i) many.push_back("word" + std::to_string(i) + "\\b");
  auto set = PatternSet::Build(many);
  ASSERT_TRUE(set.ok());
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int n = 0; n < 2000; ++n) {
        int k = (n * 7 + t) % 500;
        auto hits = AtOnce(**set, "x word" + std::to_string(k) + " y");
        if (hits != std::vector<int>{k}) ++wrong[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace tribune::spam
