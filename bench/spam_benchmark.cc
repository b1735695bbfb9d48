// Spam engine throughput: Check and Learn on real-looking comments.
// Needs the starter model; set TRIBUNE_SPAM_MODEL to use another.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <vector>

#include "spam/engine.h"
#include "spam/signals/signal.h"

namespace {

using tribune::spam::CommentInput;
using tribune::spam::Engine;

const char* ModelPath() {
  const char* env = std::getenv("TRIBUNE_SPAM_MODEL");
  return env ? env : TRIBUNE_SPAM_BENCH_MODEL;
}

std::vector<CommentInput> Comments() {
  return {
      {"Floyd", "",
       "References:\n\n\nMill "
       "casino\n\nReferences:\nhttps://www.divephotoguide.com/user/manxadult1"},
      {"Reader", "reader@example.org",
       "The minister said the ceasefire would not be enough, but nobody asked what the troops on "
       "the "
       "ground think. Withdrawal is the only precondition that matters for any talks."},
      {"Vern", "",
       "I am really inspired together with your writing talents and also with the structure to "
       "your "
       "blog. Is this a paid subject matter or did you modify it yourself?\n\nAlso visit my web "
       "page :: "
       "addiction rehab baltimore"},
      {"@семен", "", "Temen-temen gue juga rata-rata pake ⭐ A L E X I S 1 7 ⭐!, recommended sih."},
      {"Ana", "", "Salam ⭐𝙎𝙂𝙄88! gampang Jepe ,Sehat selalu buat semuanya"},
      {"kim", "", "정말 좋은 기사네요. 앞으로도 이런 기사 많이 써주세요"},
      {"Bob", "", "Totally agree."},
      {"Spammer", "x@mailinator.com",
       "check out my channel www.youtube. com/watch?v=abc and subscribe!!"},
  };
}

std::unique_ptr<Engine> LoadEngine(benchmark::State& state) {
  auto e = Engine::Load(ModelPath(), {});
  if (!e.ok()) {
    state.SkipWithError(e.status().message().c_str());
    return nullptr;
  }
  // The rule patterns the comments reach are registered, and their
  // prefilter built (in the background in a server), before timing.
  for (const auto& c : Comments()) (*e)->Check(c);
  tribune::spam::signals::AwaitPrefilter();
  return std::move(e).value();
}

void BM_Check(benchmark::State& state) {
  auto engine = LoadEngine(state);
  if (!engine) return;
  auto comments = Comments();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(engine->Check(comments[i++ % comments.size()]));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Check);

// As the site calls it: with the article the comment is posted under.
void BM_CheckWithArticle(benchmark::State& state) {
  auto engine = LoadEngine(state);
  if (!engine) return;
  auto comments = Comments();
  std::string body;
  while (body.size() < 3000) {
    body +=
        "The US has urged Chinese President Xi Jinping to press Vladimir Putin on ceasing the "
        "war crimes being carried out by Russia in Ukraine. The two will meet again on Tuesday "
        "for official talks during Mr Xi's first visit to Moscow since the invasion. ";
  }
  for (auto& c : comments) {
    c.article_title = "US urges Xi to press Putin over 'war crimes' in Ukraine";
    c.article_body = body;
  }
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(engine->Check(comments[i++ % comments.size()]));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CheckWithArticle);

// A site whose moderators have decided spam comments into campaigns (each
// tied by a link domain, its texts drawing on a vocabulary of 3,000 words
// where, as in language, a few words are in nearly every text): every check
// is also matched against their artifacts, members and words. Arguments:
// texts decided, campaigns they form.
void BM_CheckWithCampaigns(benchmark::State& state) {
  auto engine = LoadEngine(state);
  if (!engine) return;
  uint64_t x = 88172645463325252ULL;  // xorshift: the same campaigns every run
  auto next = [&x] {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    return x;
  };
  // The first words of the vocabulary are those of the checked comments:
  // every check meets campaigns that use its words.
  std::vector<std::string> vocabulary;
  for (const CommentInput& c : Comments()) {
    std::string word;
    for (char ch : c.body + " ") {
      if (std::isalpha(static_cast<unsigned char>(ch))) {
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      } else if (!word.empty()) {
        if (word.size() > 3) vocabulary.push_back(word);
        word.clear();
      }
    }
  }
  while (vocabulary.size() < 3000) vocabulary.push_back("word" + std::to_string(vocabulary.size()));
  const int64_t texts = state.range(0), campaigns = state.range(1);
  for (int64_t t = 0; t < texts; ++t) {
    std::string body;
    for (int w = 0; w < 25; ++w) {
      uint64_t a = next() % 3000, b = next() % 3000;
      body += vocabulary[a * b / 3000] + " ";  // skewed towards the first words
    }
    body += "https://shop" + std::to_string(t % campaigns) + ".example/offer";
    engine->Learn({"", "", body}, true);
  }
  auto comments = Comments();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(engine->Check(comments[i++ % comments.size()]));
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["campaigns"] = static_cast<double>(engine->campaign_count());
}
BENCHMARK(BM_CheckWithCampaigns)->Args({500, 50})->Args({4000, 2000});

// Per-call latency percentiles, which an average hides.
void BM_CheckLatency(benchmark::State& state) {
  auto engine = LoadEngine(state);
  if (!engine) return;
  auto comments = Comments();
  std::vector<double> micros;
  size_t i = 0;
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(engine->Check(comments[i++ % comments.size()]));
    micros.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
            .count());
  }
  std::sort(micros.begin(), micros.end());
  state.counters["p50_us"] = micros[micros.size() / 2];
  state.counters["p99_us"] = micros[micros.size() * 99 / 100];
  state.counters["max_us"] = micros.back();
}
BENCHMARK(BM_CheckLatency);

void BM_Learn(benchmark::State& state) {
  auto engine = LoadEngine(state);
  if (!engine) return;
  auto comments = Comments();
  size_t i = 0;
  for (auto _ : state) {
    engine->Learn(comments[i % comments.size()], i % 3 == 0);
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Learn);

}  // namespace

BENCHMARK_MAIN();
