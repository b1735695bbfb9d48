// Moderator patterns on one comment: RE2 one pattern at a time against one
// vectorscan scan for all of them (spam::PatternSet), at 10 to 2,000 patterns.
//   build/bench/pattern_benchmark
#include <benchmark/benchmark.h>
#include <re2/re2.h>

#include <memory>
#include <string>
#include <vector>

#include "spam/pattern_set.h"

namespace {

// Patterns like a moderator's list: words, phrases, domains, phone formats.
std::vector<std::string> Patterns(int n) {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) {
    switch (i % 4) {
      case 0: out.push_back("\\bbonus" + std::to_string(i) + "\\b"); break;
      case 1: out.push_back("win" + std::to_string(i) + "\\s*(?:slot|casino)"); break;
      case 2: out.push_back("[a-z0-9-]+" + std::to_string(i) + "\\.(?:xyz|top|click)\\b"); break;
      default: out.push_back("(?:call|text)\\s*" + std::to_string(i) + "\\d{6,}"); break;
    }
  }
  return out;
}

const std::string kComment =
    "i really enjoyed reading this article about the new tram line, although i think the "
    "council should have consulted the people who live along the route before deciding. "
    "the old bus stops near the market will be missed by many older residents, and the "
    "construction will take at least two years according to the plan published last week. "
    "still, a faster connection to the station is welcome news for everyone commuting daily.";

void BM_Re2OneByOne(benchmark::State& state) {
  std::vector<std::unique_ptr<RE2>> res;
  for (const auto& p : Patterns(static_cast<int>(state.range(0)))) {
    res.push_back(std::make_unique<RE2>(p));
  }
  for (auto _ : state) {
    int hits = 0;
    for (const auto& re : res) hits += RE2::PartialMatch(kComment, *re);
    benchmark::DoNotOptimize(hits);
  }
}
BENCHMARK(BM_Re2OneByOne)->Arg(10)->Arg(100)->Arg(500)->Arg(2000);

void BM_VectorscanSet(benchmark::State& state) {
  auto set = tribune::spam::PatternSet::Build(Patterns(static_cast<int>(state.range(0))));
  if (!set.ok()) return state.SkipWithError(set.status().message().c_str());
  std::vector<int> hits;
  for (auto _ : state) {
    hits.clear();
    (*set)->Match(kComment, &hits);
    benchmark::DoNotOptimize(hits.data());
  }
}
BENCHMARK(BM_VectorscanSet)->Arg(10)->Arg(100)->Arg(500)->Arg(2000);

}  // namespace
