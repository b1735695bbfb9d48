// Runs the robustness cases in tests/data/spam/*.jsonl against the shipped
// starter model. One case a line:
//   {"name": "...", "comment": {"author": ..., "body": ...},
//    "expect_action": ["hold", "spam"],       // any of these, optional
//    "expect_symbols": ["STYLED_LETTERS"],    // all must fire, optional
//    "forbid_symbols": ["LINK_PRESENT"],      // none may fire, optional
//    "learn": [{"body": ..., "spam": true}]}  // moderator decisions first,
//                                             // on a fresh copy of the model
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "spam/cli/dataset.h"
#include "spam/engine.h"
#include "spam/signals/signal.h"

namespace tribune::spam {
namespace {

struct Case {
  std::string file, name;
  nlohmann::json spec;
};

std::vector<Case> LoadCases() {
  std::vector<Case> cases;
  for (const auto& entry : std::filesystem::directory_iterator(TRIBUNE_SPAM_CASES_DIR)) {
    if (entry.path().extension() != ".jsonl") continue;
    std::ifstream in(entry.path());
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line);
      std::string name = j.value("name", "line " + std::to_string(n));
      cases.push_back({entry.path().filename().string(), name, j});
    }
  }
  return cases;
}

bool Fired(const Verdict& v, const std::string& symbol) {
  return std::any_of(v.reasons.begin(), v.reasons.end(),
                     [&](const Reason& r) { return r.symbol == symbol; });
}

std::string Explain(const Verdict& v) {
  std::string s = std::string(ActionName(v.action)) + " " + std::to_string(v.score) + ":";
  for (const Reason& r : v.reasons) s += " " + r.symbol + "(" + std::to_string(r.score) + ")";
  return s;
}

TEST(SpamCases, DataFiles) {
  const std::string model = std::string(TRIBUNE_SPAM_DATA_DIR) + "/starter.model";
  auto shared = Engine::Load(model, {});
  ASSERT_TRUE(shared.ok()) << shared.status().message();
  std::vector<Case> cases = LoadCases();
  ASSERT_GE(cases.size(), 20u);
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file + ": " + c.name);
    Engine* engine = shared->get();
    std::unique_ptr<Engine> fresh;
    if (c.spec.contains("learn")) {
      auto loaded = Engine::Load(model, {});
      ASSERT_TRUE(loaded.ok());
      fresh = std::move(loaded).value();
      engine = fresh.get();
      for (const auto& d : c.spec["learn"]) {
        auto learned = cli::ParseComment(d.dump());
        ASSERT_TRUE(learned.ok());
        engine->Learn(*learned, d.at("spam").get<bool>(), d.value("weight", 1.0));
      }
    }
    auto input = cli::ParseComment(c.spec.at("comment").dump());
    ASSERT_TRUE(input.ok());
    Verdict v = engine->Check(*input);
    if (c.spec.contains("expect_action")) {
      auto allowed = c.spec["expect_action"].get<std::vector<std::string>>();
      EXPECT_NE(std::find(allowed.begin(), allowed.end(), ActionName(v.action)), allowed.end())
          << Explain(v);
    }
    for (const auto& s : c.spec.value("expect_symbols", nlohmann::json::array())) {
      EXPECT_TRUE(Fired(v, s.get<std::string>())) << s << " did not fire; " << Explain(v);
    }
    for (const auto& s : c.spec.value("forbid_symbols", nlohmann::json::array())) {
      EXPECT_FALSE(Fired(v, s.get<std::string>())) << s << " fired; " << Explain(v);
    }
  }
}

// Skipping the rule patterns whose literals a comment lacks changes no
// verdict: every case scored with every pattern run, then through the
// prefilter in its checking mode (which also runs each skipped pattern and
// counts the ones that would have matched).
TEST(SpamCases, TheRulePrefilterChangesNoVerdict) {
  const std::string model = std::string(TRIBUNE_SPAM_DATA_DIR) + "/starter.model";
  auto engine = Engine::Load(model, {});
  ASSERT_TRUE(engine.ok()) << engine.status().message();
  std::vector<CommentInput> inputs;
  for (const Case& c : LoadCases()) {
    auto input = cli::ParseComment(c.spec.at("comment").dump());
    ASSERT_TRUE(input.ok());
    inputs.push_back(*input);
  }
  signals::SetPrefilterMode(signals::PrefilterMode::kOff);
  std::vector<std::string> all_run;
  for (const auto& in : inputs) all_run.push_back(Explain((*engine)->Check(in)));
  signals::SetPrefilterMode(signals::PrefilterMode::kVerify);
  size_t misses = signals::PrefilterMisses();
  for (int round = 0; round < 2; ++round) {  // the first round registers the patterns
    for (size_t i = 0; i < inputs.size(); ++i) {
      EXPECT_EQ(Explain((*engine)->Check(inputs[i])), all_run[i]) << inputs[i].body;
    }
    signals::AwaitPrefilter();
  }
  EXPECT_EQ(signals::PrefilterMisses(), misses);
  signals::SetPrefilterMode(signals::PrefilterMode::kOn);
}

}  // namespace
}  // namespace tribune::spam
